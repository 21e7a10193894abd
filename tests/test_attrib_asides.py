"""Attributions: an appositive name after a role links the speaker to that person; nested items and
asides through the whole pipeline (tests/corpus/attributions_positive.yaml holds the stage-level cases)."""
from __future__ import annotations

import pytest

from hadath.document import Document, validate
from hadath.extract.attributions import AttributionExtractor
from hadath.pipeline import Pipeline, State
from hadath.settings import Settings


@pytest.fixture(scope="module")
def extractor():
    return AttributionExtractor(Settings())


def _with_person(text: str, name: str) -> State:
    doc = Document(text=text)
    s = text.index(name)
    doc.entities = [{"id": "e1", "label": "PER", "text": name, "canonical": name,
                     "mentions": [{"start": s, "end": s + len(name), "text": name}]}]
    return State(doc=doc, settings=Settings())


def test_appositive_name_is_the_speaker_entity(extractor):
    st = _with_person("قال المتحدث باسم الشرطة، العقيد عماد الزهراني، إن المحاضرة نجحت.", "عماد الزهراني")
    extractor(st)
    (a,) = st.doc.attributions
    assert a["speaker"]["text"] == "المتحدث باسم الشرطة"
    assert (a["speaker"]["entity"], a["speaker"]["canonical"]) == ("e1", "عماد الزهراني")
    assert a["content"]["text"] == "المحاضرة نجحت"


def test_person_inside_a_setting_aside_is_not_the_speaker(extractor):
    st = _with_person("وقال الوزير، في اتصال مع محمد علي، إن الحكومة ستدعم المزارعين.", "محمد علي")
    extractor(st)
    (a,) = st.doc.attributions
    assert a["speaker"]["text"] == "الوزير" and a["speaker"]["entity"] is None


def test_pipeline_nested_and_bracketed():
    pipe = Pipeline(Settings(stages=("times", "quantities", "entities", "attributions")))
    doc = pipe.analyze("قالت وكالة الأنباء السورية (سانا) إن الجيش تقدم. "
                       "وقال الرئيس إنه أبلغ نظيره أن بلاده ترفض التدخل.")
    d = doc.to_dict()
    validate(d)
    got = [(a["cue"]["text"], a["speaker"]["text"], a["content"]["text"], a["parent"]) for a in d["attributions"]]
    assert got == [("قالت", "وكالة الأنباء السورية", "الجيش تقدم", None),
                   ("قال", "الرئيس", "أبلغ نظيره أن بلاده ترفض التدخل", None),
                   ("أبلغ", "الرئيس", "بلاده ترفض التدخل", "a2")]
    assert d["attributions"][2]["speaker"]["resolved"] == "pronoun"
