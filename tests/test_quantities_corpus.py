"""Corpus tests of the quantities stage: tests/corpus/quantities_items.yaml (sentences with
every expected item) and tests/corpus/quantities_negative.yaml (strings that must yield nothing)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.document import Document, check_spans
from hadath.extract.quantities import QuantityExtractor
from hadath.pipeline import State
from hadath.settings import Settings

HERE = Path(__file__).parent / "corpus"
ITEMS = yaml.safe_load((HERE / "quantities_items.yaml").read_text("utf-8"))
NEGATIVE = yaml.safe_load((HERE / "quantities_negative.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def stage():
    return QuantityExtractor(Settings())


def run(stage, text, times=()):
    st = State(doc=Document(text=text), settings=Settings())
    st.doc.times = list(times)
    stage(st)
    return st.doc.quantities


def test_corpus_sizes():
    n = sum(len(c["out"]) for c in ITEMS)
    assert n >= 150, n
    assert len(NEGATIVE) >= 30


@pytest.mark.parametrize("case", ITEMS, ids=[c["in"] for c in ITEMS])
def test_items(stage, case):
    got = run(stage, case["in"])
    assert len(got) == len(case["out"]), [(q["text"], q["value"]) for q in got]
    for q, e in zip(got, case["out"]):
        assert case["in"][q["start"]:q["end"]] == q["text"]
        assert q["value"] == pytest.approx(e["v"]), q
        assert q["kind"] == e.get("k", "count"), q
        assert q["approx"] == e.get("a", False), q
        for key, qk in (("min", "min"), ("max", "max"), ("u", "unit"), ("o", "object_lemma"), ("t", "text"),
                        ("c", "casualty")):
            if key in e:
                assert q.get(qk) == e[key], (qk, q)
        assert q["rule"]
        if q["object"] is not None:
            assert case["in"][q["object"]["start"]:q["object"]["end"]] == q["object"]["text"]


@pytest.mark.parametrize("case", NEGATIVE, ids=[c if isinstance(c, str) else c["in"] for c in NEGATIVE])
def test_negative(stage, case):
    text = case if isinstance(case, str) else case["in"]
    times = [] if isinstance(case, str) else [{"start": text.index(t), "end": text.index(t) + len(t)}
                                               for t in case.get("times", [])]
    got = run(stage, text, times)
    assert [q["text"] for q in got if q["kind"] != "ordinal" or isinstance(case, str)] == []


def test_spans_valid(stage):
    doc = Document(text=" ".join(c["in"] for c in ITEMS))
    st = State(doc=doc, settings=Settings())
    stage(st)
    assert len(doc.quantities) >= 150
    assert check_spans(doc.to_dict()) == []
