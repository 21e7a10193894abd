"""Corpus tests for the attributions stage (tests/corpus/attributions_*.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.document import Document, validate
from hadath.extract.attributions import AttributionExtractor
from hadath.pipeline import State
from hadath.settings import Settings

CORPUS = Path(__file__).resolve().parent / "corpus"
POSITIVE = yaml.safe_load((CORPUS / "attributions_positive.yaml").read_text("utf-8"))
NEGATIVE = yaml.safe_load((CORPUS / "attributions_negative.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def extractor():
    return AttributionExtractor(Settings())


def run(extractor, text: str) -> list[dict]:
    state = State(doc=Document(text=text), settings=Settings())
    extractor(state)
    validate(state.doc.to_dict())
    return state.doc.attributions


def test_corpus_sizes():
    n_sent = sum(c["text"].count(".") or 1 for c in POSITIVE)
    assert n_sent >= 40 and len(POSITIVE) >= 40
    assert len(NEGATIVE) >= 30


def _params(cases):
    for i, c in enumerate(cases):
        marks = [pytest.mark.xfail(reason=c["xfail"], strict=True)] if c.get("xfail") else []
        yield pytest.param(c, id=f"pos{i:02d}", marks=marks)


@pytest.mark.parametrize("case", list(_params(POSITIVE)))
def test_positive(extractor, case):
    got = run(extractor, case["text"])
    summary = [(a["cue"]["text"], a["speaker"] and a["speaker"]["text"], a["content"] and a["content"]["text"],
                a["direct"]) for a in got]
    assert len(got) == len(case["expect"]), summary
    for a, e in zip(got, case["expect"]):
        assert a["cue"]["text"] == e["cue"], summary
        if e["speaker"] is None:
            assert a["speaker"] is None, summary
        else:
            assert a["speaker"] is not None and a["speaker"]["text"] == e["speaker"], summary
            if "canonical" in e:
                assert a["speaker"]["canonical"] == e["canonical"], a["speaker"]
        assert a["content"] is not None and a["content"]["text"].startswith(e["content"]), summary
        assert a["direct"] is e["direct"], summary
        if "parent" in e:  # index of the expected parent in this case's list, or null
            want = None if e["parent"] is None else got[e["parent"]]["id"]
            assert a["parent"] == want, summary


@pytest.mark.parametrize("text", NEGATIVE, ids=[f"neg{i:02d}" for i in range(len(NEGATIVE))])
def test_negative(extractor, text):
    got = run(extractor, text)
    assert got == [], [(a["cue"]["text"], a["rule"]) for a in got]
