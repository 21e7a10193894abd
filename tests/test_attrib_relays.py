"""Attributions: relayed sources after a speaker ("ذكرت قناة العربية نقلا عن مصادر عسكرية أن",
"وفقا لما نقلته وكالة رويترز عن مصدر قضائي فإن") through the whole pipeline: the outlet speaks and is
linked, the source is nested in it, and the document validates (stage-level cases are in
tests/corpus/attributions_positive.yaml)."""
from __future__ import annotations

import pytest

from hadath.document import validate
from hadath.pipeline import Pipeline
from hadath.settings import Settings


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings(stages=("entities", "attributions")))


def _items(pipe, text):
    doc = pipe.analyze(text, kind="text")
    validate(doc.to_dict())
    return [(a["id"], a["rule"], a["cue"]["text"], a["speaker"] and a["speaker"]["text"],
             a["speaker"] and a["speaker"]["canonical"], a["content"] and a["content"]["text"], a["parent"])
            for a in doc.attributions]


def test_outlet_relays_military_sources(pipe):
    got = _items(pipe, "ذكرت قناة العربية نقلا عن مصادر عسكرية أن القوات تقدمت نحو المدينة.")
    assert got == [
        ("a1", "say.dhakara.relay", "ذكرت", "قناة العربية", "Al Arabiya",
         "نقلا عن مصادر عسكرية أن القوات تقدمت نحو المدينة", None),
        ("a2", "acc.naqlan.relay_source", "نقلا عن", "مصادر عسكرية", "مصادر عسكرية",
         "القوات تقدمت نحو المدينة", "a1"),
    ]


def test_according_to_what_reuters_relayed(pipe):
    got = _items(pipe, "وفقا لما نقلته وكالة رويترز عن مصدر قضائي فإن المتهم سيمثل أمام المحكمة.")
    assert got == [
        ("a1", "acc.wifqan.before", "وفقا لما نقلته", "وكالة رويترز", "Reuters",
         "عن مصدر قضائي فإن المتهم سيمثل أمام المحكمة", None),
        ("a2", "acc.wifqan.relay_source", "عن", "مصدر قضائي", "مصدر قضائي", "المتهم سيمثل أمام المحكمة", "a1"),
    ]


def test_announcing_about_is_no_relay(pipe):
    # أعلن عن = "announced": not a relay verb, so عن after the speaker opens no source
    got = _items(pipe, "وبحسب ما أعلنت الوزارة عن خطتها الجديدة، فإن المدارس ستفتح.")
    assert [g[1] for g in got] == ["acc.hasaba.before"]
