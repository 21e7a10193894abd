"""Corpus tests of rule count.casualties of the quantities stage (tests/corpus/quantities_casualties.yaml):
dead and wounded counted together are ONE count of casualties, single counts keep their role."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.document import Document, check_spans
from hadath.extract.quantities import QuantityExtractor
from hadath.pipeline import State
from hadath.settings import Settings

CORPUS = yaml.safe_load((Path(__file__).parent / "corpus" / "quantities_casualties.yaml").read_text("utf-8"))
POSITIVE = CORPUS["positive"]
NEGATIVE = CORPUS["negative"]


@pytest.fixture(scope="module")
def stage():
    return QuantityExtractor(Settings())


def run(stage, text):
    st = State(doc=Document(text=text), settings=Settings())
    stage(st)
    return st.doc.quantities


def test_casualties_corpus_sizes():
    assert len(POSITIVE) >= 35
    assert len(NEGATIVE) >= 5


@pytest.mark.parametrize("case", POSITIVE, ids=[c["in"] for c in POSITIVE])
def test_casualties_items(stage, case):
    got = run(stage, case["in"])
    assert len(got) == len(case["out"]), [(q["text"], q["value"]) for q in got]
    for q, e in zip(got, case["out"]):
        assert case["in"][q["start"]:q["end"]] == q["text"]
        assert q["kind"] == "count", q
        assert q["value"] == pytest.approx(e["v"]), q
        assert q["approx"] == e.get("a", False), q
        for key, qk in (("min", "min"), ("max", "max"), ("o", "object_lemma"), ("t", "text")):
            if key in e:
                assert q.get(qk) == e[key], (qk, q)
        if "c" in e:
            assert q.get("casualty") == (None if e["c"] == "-" else e["c"]), q
        if "ot" in e:
            assert q["object"] is not None and q["object"]["text"] == e["ot"], q
        if q["object"] is not None:
            assert case["in"][q["object"]["start"]:q["object"]["end"]] == q["object"]["text"]
        if q.get("casualty") == "casualties" and q["object_lemma"] == "casualties" and "ضحي" not in q["text"] \
                and "ضحاي" not in q["text"]:
            assert q["rule"].endswith("count.casualties"), q


@pytest.mark.parametrize("text", NEGATIVE)
def test_casualties_negative(stage, text):
    assert [q["text"] for q in run(stage, text)] == []


def test_casualties_spans_valid(stage):
    doc = Document(text=" ".join(c["in"] for c in POSITIVE))
    st = State(doc=doc, settings=Settings())
    stage(st)
    assert sum(q.get("casualty") == "casualties" for q in doc.quantities) >= 25
    assert check_spans(doc.to_dict()) == []
