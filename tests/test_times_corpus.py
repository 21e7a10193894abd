"""Corpus tests of the times stage (tests/corpus/times_*.yaml), run through the
extractor directly (a hand-built State, no other stage needed)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml

from hadath.document import Document, check_spans
from hadath.extract.times import TimeExtractor
from hadath.pipeline import State
from hadath.settings import Settings

CORPUS = Path(__file__).resolve().parent / "corpus"
POS = yaml.safe_load((CORPUS / "times_corpus.yaml").read_text("utf-8"))
NEG = yaml.safe_load((CORPUS / "times_negative.yaml").read_text("utf-8"))["negative"]
REF = datetime.fromisoformat(POS["reference_time"])


@pytest.fixture(scope="module")
def extractor() -> TimeExtractor:
    return TimeExtractor(Settings())


def run(extractor: TimeExtractor, text: str, ref) -> list[dict]:
    state = State(doc=Document(text=text), settings=Settings(), reference_time=ref)
    extractor(state)
    return state.doc.times


def test_corpus_size():
    assert len(POS["cases"]) >= 180
    assert len(NEG) >= 30


@pytest.mark.parametrize("case", POS["cases"], ids=[f"pos{i:03d}" for i in range(len(POS["cases"]))])
def test_times_positive(extractor, case):
    ref = REF
    if "ref" in case:
        ref = datetime.fromisoformat(case["ref"]) if case["ref"] else None
    items = run(extractor, case["text"], ref)
    assert len(items) == 1, [(t["text"], t["value"], t["rule"]) for t in items]
    t = items[0]
    assert t["text"] == case.get("span", case["text"])
    assert case["text"][t["start"]:t["end"]] == t["text"]
    assert t["value"] == case["value"], t
    for key in ("kind", "calendar", "approx", "bound", "relative", "duration", "interval"):
        if key in case:
            assert t.get(key) == case[key], (key, t)
    assert t["rule"].startswith("times.")


@pytest.mark.parametrize("text", NEG, ids=[f"neg{i:03d}" for i in range(len(NEG))])
def test_times_negative(extractor, text):
    items = run(extractor, text, REF)
    assert items == [], [(t["text"], t["value"], t["rule"]) for t in items]


def test_spans_and_schema(extractor, sample_text):
    from hadath.document import validate

    doc = Document(text=sample_text)
    state = State(doc=doc, settings=Settings(), reference_time=datetime.fromisoformat("2016-06-08T11:39:00+02:00"))
    extractor(state)
    assert check_spans(doc.to_dict()) == []
    for t in doc.times:
        assert doc.text[t["start"]:t["end"]] == t["text"]
    validate(doc.to_dict())
