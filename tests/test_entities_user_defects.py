"""Defects a fresh user found in the entities stage (issue 4), each fixed for its kind:
tests/corpus/entities_user_defects.yaml, run with the times and entities stages."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.pipeline import Pipeline
from hadath.settings import Settings

CORPUS = yaml.safe_load((Path(__file__).resolve().parent / "corpus" / "entities_user_defects.yaml").read_text("utf-8"))
CASES = CORPUS["cases"]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(Settings(stages=("times", "entities")))


def _show(ents) -> list:
    return [(e["text"], e["label"], e["country"], e["cameo"], e["geonames"], e["canonical"], e["rule"]) for e in ents]


def test_corpus_kinds_have_positives_and_negatives():
    kinds = {c["kind"] for c in CASES}
    for kind in kinds:
        assert any(c["kind"] == kind and c.get("expect") for c in CASES), kind
        assert any(c["kind"] == kind and c.get("not_entity") for c in CASES), kind


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_user_defects_corpus(pipe, case, entity_case_checker):
    entity_case_checker(pipe.analyze(case["text"]).entities, case)


@pytest.mark.parametrize("text, span, label, kept", [
    # fixed expressions: a model span over a blessing goes, or is cut before it
    ("حيا أمير المنطقة -يحفظه الله- الحضور", "يحفظه الله", "PER", None),
    ("رفع الشكر لحكومة خادم الحرمين الشريفين حفظهم الله على دعمها", "حفظهم الله", "PER", None),
    ("وجه الأمير -يحفظه الله ويرعاه- بصرف المكافآت", "يحفظه الله ويرعاه", "PER", None),
    ("أسس الدولة الملك عبدالعزيز طيب الله ثراه قبل قرن", "عبدالعزيز طيب الله", "PER", "عبدالعزيز"),
    ("وكان جومو كينياتا غفر الله له زعيما", "جومو كينياتا غفر الله", "PER", "جومو كينياتا"),
    ("بمسجد الإمام (رضي الله عنه) في البلدة", "رضي الله", "PER", None),
    # function words only
    ("وقال إنه سيعود في على الفور", "في على", "PER", None),
    ("وفي ذلك الوقت عاد الوفد", "وفي ذلك", "ORG", None),
    # common words with no name evidence
    ("ونهنئ ولي عهده وولي ولي العهد", "ولي عهده", "PER", None),
    ("وأشار إلى أن المشروع الجديد سيبدأ قريبا", "المشروع الجديد", "PER", None),
    # common words with name evidence stay
    ("واوضح المدير التنفيذي مساعد العتيبي أن القبول بدأ", "مساعد العتيبي", "PER", "مساعد العتيبي"),
    ("ولقاء المخرج عز الدين ذو الفقار في القاهرة", "عز الدين", "PER", "عز الدين"),
    ("وقال خادم الحرمين إن المملكة تدعم الحوار", "خادم الحرمين", "PER", "خادم الحرمين"),
])
def test_model_not_name_filter(text, span, label, kept, one_model_span_pipeline):
    """Rule not-name on the NER model's spans (ar/not_names.yaml): ``kept`` is the text left, or None."""
    ents = one_model_span_pipeline(span, label).analyze(text).entities
    got = [e["text"] for e in ents if e["source"] == "model"]
    assert got == ([kept] if kept else []), _show(ents)


def test_not_name_lists_are_data():
    """Each fixed-expression group of ar/not_names.yaml has an id, a reason and phrases of two words or more."""
    from hadath.extract.entities.gazetteer import DATA_DIR

    data = yaml.safe_load((DATA_DIR / "not_names.yaml").read_text("utf-8"))
    assert data["id"] == "not-name" and data["function_words"] and data["common_rank"] > 0
    for g in data["fixed_expressions"]:
        assert g["id"] and len(g["reason"]) > 20 and g["phrases"]
        assert all(len(p.split()) >= 2 for p in g["phrases"]), g["id"]
