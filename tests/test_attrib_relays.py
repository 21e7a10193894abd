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


@pytest.mark.parametrize("text, speaker, canonical", [
    # a person named after a kinship/follower head or a "loyal to / close to" word is not the speaker
    ("وقال نجل الرئيس المصري حسني مبارك إن والده بخير.", "نجل الرئيس المصري حسني مبارك", "نجل الرئيس المصري حسني مبارك"),
    ("وقالت مصادر مقربة من الرئيس عبد ربه منصور هادي إن الحوار فشل.",
     "مصادر مقربة من الرئيس عبد ربه منصور هادي", "مصادر مقربة من الرئيس عبد ربه منصور هادي"),
    ("وقال أحد أنصار الرئيس عبد ربه منصور هادي إن الحوار فشل.",
     "أحد أنصار الرئيس عبد ربه منصور هادي", "أحد أنصار الرئيس عبد ربه منصور هادي"),
    ("وقال المتحدث باسم الرئيس عبد ربه منصور هادي إن الحوار فشل.",
     "المتحدث باسم الرئيس عبد ربه منصور هادي", "المتحدث باسم الرئيس عبد ربه منصور هادي"),
    # titles keep their person (في، ل، باسم + an organisation, مكتب/محامي as the head's complement)
    ("وقال الرئيس اليمني عبد ربه منصور هادي إن الحوار فشل.", "الرئيس اليمني عبد ربه منصور هادي", "Abdrabbuh Mansur Hadi"),
    ("وقال وزير الخارجية عادل الجبير إن المملكة تدعم الحوار.", "وزير الخارجية عادل الجبير", "Adel al-Jubeir"),
    ("وقال المتحدث الأمني باسم وزارة الداخلية اللواء منصور التركي إن الأمن مستتب.",
     "المتحدث الأمني باسم وزارة الداخلية اللواء منصور التركي", "منصور التركي"),
    ("وقال القيادي في حركة حماس محمود الزهار إن الحوار مستمر.", "القيادي في حركة حماس محمود الزهار", "محمود الزهار"),
])
def test_person_named_inside_a_speaker(pipe, text, speaker, canonical):
    got = _items(pipe, text)
    assert [(g[3], g[4]) for g in got] == [(speaker, canonical)]
