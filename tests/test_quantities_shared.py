"""Quantities on shared data: the public failure cases and the sample article.

The lexicon lint (and the rule-id uniqueness check) is tests/test_lexicon_lint.py.
"""
from __future__ import annotations

import json

import pytest

from hadath.document import Document
from hadath.extract.quantities import QuantityExtractor
from hadath.pipeline import State
from hadath.settings import Settings


@pytest.fixture(scope="module")
def stage():
    return QuantityExtractor(Settings())


def _run(stage, text):
    st = State(doc=Document(text=text), settings=Settings())
    stage(st)
    return st.doc.quantities


@pytest.mark.shared
def test_public_failure_cases(stage, shared_data):
    cases = [json.loads(line) for line in (shared_data / "cases" / "public_failure_cases.jsonl").read_text("utf-8").splitlines()
             if line.strip()]
    mine = [c for c in cases if c["component"] == "quantities"]
    assert mine
    for c in mine:
        got = _run(stage, c["input"])
        assert got, c["id"]
        for k, v in c["expect"].items():
            assert got[0][k] == pytest.approx(v) if isinstance(v, (int, float)) else got[0][k] == v, (c["id"], got[0])
        assert got[0]["text"] == c["input"].strip(), c["id"]


def test_sample_article(sample_text):
    from hadath.pipeline import Pipeline

    doc = Pipeline(Settings()).analyze(sample_text, published="2016-06-08T11:39:00+02:00")
    qs = {q["text"]: q for q in doc.quantities}
    q = qs["حوالي 150 شخصا"]
    assert (q["value"], q["approx"], q["object_lemma"], q["kind"]) == (150, True, "persons", "count")
    assert q["object"]["text"] == "شخصا"
    q = qs["ستة دول"]
    assert (q["value"], q["approx"], q["object_lemma"]) == (6, False, "countries")
    q = qs["ثلاثة مقاتلين"]
    assert (q["value"], q["object_lemma"]) == (3, "fighters")
    q = qs["المئات من المقاتلين"]
    assert (q["value"], q["approx"], q["min"], q["object_lemma"]) == (100, True, 100, "fighters")
    ones = [q for q in doc.quantities if q["text"] == "واحد"]
    assert len(ones) == 1 and ones[0]["object_lemma"] == "persons"
    assert doc.text[ones[0]["start"] - 9:ones[0]["start"]] == "من بينهم "
    # no date, time or year part is a quantity
    assert not any(q["text"] in ("08", "2016", "11", "39") for q in doc.quantities)
    assert {q["kind"] for q in doc.quantities} == {"count"}
