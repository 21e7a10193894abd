"""Corpus tests of the structure stage: bylines, author fields, datelines, date lines (positive)
and body sentences that must yield no metadata (negative)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath import Pipeline, Settings
from hadath.document import check_spans
from hadath.extract.structure import NO_PUBLICATION_TIME

CORPUS = Path(__file__).resolve().parent / "corpus"
POS = yaml.safe_load((CORPUS / "structure_bylines.yaml").read_text("utf-8"))
NEG = yaml.safe_load((CORPUS / "structure_negative.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings(stages=()))


def test_corpus_is_big_enough():
    assert len(POS["cases"]) >= 40
    assert len(NEG["cases"]) >= 25


@pytest.mark.parametrize("case", POS["cases"], ids=lambda c: c["input"][:40])
def test_positive(pipe, case):
    body = POS["body"]
    if case["kind"] == "field":
        doc = pipe.analyze(body, author=case["input"], source=case.get("outlet"))
    else:
        doc = pipe.analyze(case["input"].replace("*body", body), source=case.get("outlet"))
    d = doc.to_dict()
    assert check_spans(d) == []
    md = d["metadata"]
    assert [a["text"] for a in md["authors"]] == case["authors"]
    place = md["dateline"]["place"] if md["dateline"] else None
    assert place == case["place"]
    if "agency" in case:
        assert md["dateline"]["agency"] == case["agency"]
    if "dateline" in case:
        assert md["dateline"]["text"] == case["dateline"]
    if "published" in case:
        assert md["published"]["value"] == case["published"]
        assert md["published"]["source"] == "text"
    if "timezone" in case:
        assert md["published"]["timezone"] == case["timezone"]
    # the body sentence is a paragraph and no header line is
    texts = [p["text"] for p in d["paragraphs"]]
    assert any(body in t or t in case["input"] for t in texts)
    for p in d["paragraphs"]:
        for a in md["authors"]:
            assert not (p["start"] <= a["start"] < p["end"]), "an author inside a body paragraph"
    assert [w for w in d["warnings"] if w != NO_PUBLICATION_TIME] == []


@pytest.mark.parametrize("text", NEG["cases"], ids=lambda t: t[:40])
def test_negative(pipe, text):
    d = pipe.analyze(text).to_dict()
    md = d["metadata"]
    assert md["authors"] == [] and md["byline"] is None and md["dateline"] is None
    assert md["published"]["value"] is None and md["headline"] is None
    assert [p["text"] for p in d["paragraphs"]] == [text]
    assert d["boilerplate"] == []
