"""Quantities on shared data: the public failure cases and the sample article; lexicon lint."""
from __future__ import annotations

import json
import unicodedata
from importlib import resources

import pytest
import yaml

from hadath.document import Document
from hadath.extract.quantities import QuantityExtractor
from hadath.pipeline import State
from hadath.settings import Settings
from hadath.text.normalize import normalize_word


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


LEXICONS = ["ar/numbers.yaml", "ar/quantities.yaml"]


def _strings(x, path=""):
    if isinstance(x, str):
        yield path, x
    elif isinstance(x, dict):
        for k, v in x.items():
            if isinstance(k, str):
                yield from _strings(k, f"{path}/{k}:key")
            yield from _strings(v, f"{path}/{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from _strings(v, f"{path}[{i}]")


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicon_lint(name):
    raw = resources.files("hadath.extract.quantities").joinpath(name).read_text("utf-8")
    assert unicodedata.normalize("NFC", raw) == raw, "not NFC"
    assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in raw), "presentation forms"
    data = yaml.safe_load(raw)
    for path, s in _strings(data):
        assert s.strip(), f"empty entry at {path}"
    # no duplicates inside a list of forms
    def lists(x):
        if isinstance(x, list):
            if all(isinstance(v, str) for v in x):
                yield x
            for v in x:
                yield from lists(v)
        elif isinstance(x, dict):
            for v in x.values():
                yield from lists(v)
    for lst in lists(data):
        normed = [normalize_word(w) for w in lst]
        assert len(normed) == len(set(normed)), [w for w in lst if normed.count(normalize_word(w)) > 1]


def test_rule_ids_unique():
    data = yaml.safe_load(resources.files("hadath.extract.quantities").joinpath("ar/quantities.yaml").read_text("utf-8"))
    ids = [g["id"] for key in ("pre_cues", "post_cues", "percent", "currencies", "units") for g in data[key]]
    assert len(ids) == len(set(ids))
