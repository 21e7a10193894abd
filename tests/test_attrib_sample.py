"""Attributions on the bundled sample article (Masrawy, 8 June 2016), through the whole pipeline."""
from __future__ import annotations

import pytest

from hadath.document import validate
from hadath.pipeline import Pipeline
from hadath.settings import Settings

# The attribution rules must stand on their own; the entity stage only adds links and canonical names.
STAGE_SETS = [("attributions",), ("times", "quantities", "entities", "attributions")]


@pytest.fixture(scope="module", params=STAGE_SETS, ids=["alone", "with_entities"])
def attrs(request, sample_text):
    try:
        pipe = Pipeline(Settings(stages=request.param))
    except Exception as e:  # another stage failing to load is that stage's test failure, not this one
        pytest.skip(f"pipeline with {request.param} does not load: {e}")
    doc = pipe.analyze(sample_text)
    validate(doc.to_dict())
    return doc.attributions


def _find(attrs, cue, speaker):
    hits = [a for a in attrs if a["cue"]["text"] == cue and a["speaker"] and a["speaker"]["text"] == speaker]
    assert hits, [(a["cue"]["text"], a["speaker"] and a["speaker"]["text"]) for a in attrs]
    return hits[0]


def test_ids_and_order(attrs):
    assert [a["id"] for a in attrs] == [f"a{i}" for i in range(1, len(attrs) + 1)]
    assert [a["cue"]["start"] for a in attrs] == sorted(a["cue"]["start"] for a in attrs)
    assert len(attrs) == 11


def test_diplomats_and_networks(attrs):
    a = _find(attrs, "أكد", "دبلوماسيون وأعضاء شبكات سوريا")
    assert a["content"]["text"].startswith("مقاتلي تنظيم الدولة (داعش) في الغرب")
    assert a["content"]["text"].endswith("العودة إلى أوطانهم")
    assert a["direct"] is False and a["parent"] is None
    assert a["speaker"]["canonical"] != "سوريا"  # the place inside the role is not the speaker


def test_wall_street_journal_and_back_references(attrs):
    wsj = _find(attrs, "تقول", 'صحيفة "وول ستريت جورنال"')
    assert wsj["content"]["text"].startswith("الأمر تحول إلى مهمة دبلوماسية")
    canon = wsj["speaker"]["canonical"]
    assert canon and ("Wall Street" in canon or "وول ستريت جورنال" in canon)
    refs = [a for a in attrs if a["speaker"] and a["speaker"]["text"] == "الصحيفة"]
    assert {a["cue"]["text"] for a in refs} >= {"تشير", "أوضحت", "أشارت", "بحسب", "نقلت"}
    for a in refs:
        assert a["speaker"]["canonical"] == canon, a
        assert a["speaker"].get("resolved") in ("anaphor", "pronoun")
    awdahat = _find(attrs, "أوضحت", "الصحيفة")
    assert awdahat["speaker"]["resolved"] == "pronoun"  # "وأوضحت أن" has no subject
    assert awdahat["content"]["text"].startswith("بعض الراغبين في الخروج")


def test_le_bret(attrs):
    a = _find(attrs, "وفقا ل", "ديدييه لو بريه")
    assert a["content"]["text"].startswith("قوات داعش بدأت المغادرة")


def test_foreign_diplomats_and_european_authorities(attrs):
    a = _find(attrs, "قال", "الدبلوماسيين الأجانب")
    assert a["content"]["text"].startswith("حوالي 150 شخصا من ستة دول")
    assert a["content"]["text"].endswith("بعد انتهاء فصل الخريف")  # ends before "وأشارت الصحيفة"
    b = _find(attrs, "أكدت", "السلطات الأوروبية")
    assert b["rule"].endswith("subject_first")
    assert b["content"]["text"] == "المئات من المقاتلين عادوا إلى أوروبا"
    c = _find(attrs, "أشارت", "الصحيفة")
    assert c["content"]["text"].endswith("ما يزال غير معلوم")  # ends before "ولكن السلطات"


def test_nested_relay(attrs):
    outer = _find(attrs, "نقلت", "الصحيفة")
    inner = _find(attrs, "عن", "الدبلوماسيين")
    assert inner["parent"] == outer["id"] and outer["parent"] is None
    assert inner["content"]["text"].startswith("الاستخبارات التركية تستجوب")
    assert outer["content"]["start"] <= inner["start"] and inner["content"]["end"] <= outer["content"]["end"]
