"""Entities: titles against place names (rule person-honorific) and common words after place nouns (rule
place-modifier), on tests/corpus/entities_titles_modifiers.yaml and with a fake NER model."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.pipeline import Pipeline
from hadath.settings import Settings
from hadath.text.normalize import normalize_word


CORPUS = yaml.safe_load((Path(__file__).resolve().parent / "corpus" / "entities_titles_modifiers.yaml").read_text("utf-8"))
ONLY = Settings(stages=("entities",))
CASES = [c for part in ("honorific", "place", "modifier") for c in CORPUS[part]]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(ONLY)


def _hits(ents, text, label=None):
    k = normalize_word(text)
    return [e for e in ents if normalize_word(e["text"]) == k and (label is None or e["label"] == label)]


def test_corpus_has_each_kind():
    assert len(CORPUS["honorific"]) >= 5 and len(CORPUS["place"]) >= 8 and len(CORPUS["modifier"]) >= 4


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_titles_and_modifiers_corpus(pipe, case):
    ents = pipe.analyze(case["text"]).entities
    seen = [(e["text"], e["label"], e["country"]) for e in ents]
    for ex in case["expect"]:
        hits = _hits(ents, ex["text"], ex["label"])
        assert hits, f"{ex} not in {seen}"
        if "country" in ex:
            assert hits[0]["country"] == ex["country"], seen
    for ab in case["absent"]:
        assert not _hits(ents, ab["text"], ab["label"]), f"{ab} found in {seen}"


def test_honorific_person_rule_and_role(pipe):
    d = pipe.analyze("التقت الملكة صوفيا بالرئيس.")
    (p,) = _hits(d.entities, "صوفيا", "PER")
    assert p["rule"] == "person-honorific"
    assert p["source"] == "rule" and p.get("geonames") is None


@pytest.mark.parametrize("text, span, label, kept", [
    # common words after a place noun: the model's place span goes
    ("أقامت القوات التركية منطقة عازلة على الحدود.", "عازلة", "GPE", False),
    ("أقامت القوات التركية منطقة عازلة على الحدود.", "منطقة عازلة", "LOC", False),
    ("طالبت المعارضة بمنطقة آمنة للمدنيين.", "آمنة", "LOC", False),
    ("انسحب المسلحون من المنطقة الحدودية أمس.", "المنطقة الحدودية", "LOC", False),
    ("تقع المنشأة في منطقة صناعية بعيدة.", "صناعية", "GPE", False),
    ("انتقل الطلاب إلى مدينة جامعية جديدة.", "مدينة جامعية", "LOC", False),
    ("وأعلنت الحكومة المنطقة منكوبة.", "منكوبة", "LOC", False),
    # names after a place noun stay places (the words are not listed)
    ("انفجرت سيارة قرب المنطقة الخضراء أمس.", "المنطقة الخضراء", "LOC", True),
    ("تقدمت القوات نحو بلدة كفرنبودة أمس.", "كفرنبودة", "GPE", True),
    # only LOC/GPE/FAC spans are filtered: an organisation keeps its words
    ("أعلنت شركة المنطقة الحرة للتجارة أرباحها.", "المنطقة الحرة للتجارة", "ORG", True),
])
def test_model_place_modifier_filter(text, span, label, kept, one_model_span_pipeline):
    ents = one_model_span_pipeline(span, label).analyze(text).entities
    got = [e["text"] for e in ents if e["source"] == "model"]
    assert (span in got) == kept, ents


def test_modifier_list_words_are_no_gazetteer_places():
    """A word of ar/place_modifiers.yaml must not be (with or without the article) a gazetteer name."""
    from hadath.extract.entities import EntityExtractor

    ex = EntityExtractor(ONLY)
    named = [w for w in ex.pm_words if ex.gaz.names.get(w) or ex.gaz.names.get("ال" + w)]
    assert named == []
    assert ex._modifier_only("منطقه عازله") and ex._modifier_only("وبالمنطقه الصناعيه")
    assert not ex._modifier_only("منطقه القصيم") and not ex._modifier_only("المنطقه الخضراء")
