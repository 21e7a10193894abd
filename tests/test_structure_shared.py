"""Structure stage on shared data: failure cases (component "metadata"), gold_dev metadata, and
~500 SaudiNewsNet articles (span invariant, headline = title)."""
from __future__ import annotations

import json
import random
import zipfile
from datetime import datetime

import pytest

from hadath import Pipeline, Settings
from hadath.document import check_spans, validate

pytestmark = pytest.mark.shared
_BIDI = " \t\r\n\u00a0\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings(stages=()))


def _cases(shared_data):
    path = shared_data / "cases" / "public_failure_cases.jsonl"
    return [c for c in map(json.loads, path.read_text("utf-8").splitlines()) if c.get("component") == "metadata"]


def test_metadata_failure_cases(pipe, shared_data):
    cases = _cases(shared_data)
    assert len(cases) >= 3
    for c in cases:
        now = datetime.fromisoformat(c["reference_time"]) if c.get("reference_time") else None
        doc = pipe.analyze(c["input"], now=now)
        md = doc.metadata
        exp = c["expect"]
        if "authors" in exp:
            assert [a["text"] for a in md["authors"]] == exp["authors"], c["id"]
        if "published" in exp:
            assert md["published"]["value"] == exp["published"], c["id"]
        assert check_spans(doc.to_dict()) == [], c["id"]


def test_gold_dev_metadata(pipe, shared_data):
    root = shared_data / "gold_dev"
    n = 0
    for f in sorted((root / "articles").glob("*.json")):
        a = json.loads(f.read_text("utf-8"))
        g = json.loads((root / "annotations" / f.name).read_text("utf-8"))["metadata"]
        doc = pipe.analyze(a["content"], title=a["title"] or None, author=a["author"] or None,
                           source=a["source"], url=a["url"])
        md = doc.metadata
        assert md["headline"]["text"] == g["headline"].strip(_BIDI), f.name
        assert [x["text"] for x in md["authors"]] == g["authors"], f.name
        assert (md["dateline"] or {}).get("place") == g["dateline_place"], f.name
        n += 1
    assert n == 12


def _snn_sample(shared_data, k=500, seed=7):
    arts = []
    for z in sorted((shared_data / "news" / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                arts.extend(json.loads(zf.read(name)))
    rnd = random.Random(seed)
    return rnd.sample([a for a in arts if a["content"].strip()], k)


def test_saudinewsnet_spans_and_headlines(pipe, shared_data):
    sample = _snn_sample(shared_data)
    with_title = with_dateline = 0
    for i, a in enumerate(sample):
        doc = pipe.analyze(a["content"], title=a["title"] or None, author=a["author"] or None,
                           source=a["source"], url=a["url"])
        d = doc.to_dict()
        assert check_spans(d) == [], a["url"]
        if i % 25 == 0:
            validate(d)
        title = (a["title"] or "").strip(_BIDI)
        if title:
            with_title += 1
            assert d["metadata"]["headline"]["text"] == title, a["url"]
        with_dateline += d["metadata"]["dateline"] is not None
        for p in d["paragraphs"]:
            assert p["text"] == p["text"].strip() and p["text"]
        assert d["warnings"] == [] or all("Arabic" not in w for w in d["warnings"]), d["warnings"]
    assert with_title > 450
    assert with_dateline > 300  # most SaudiNewsNet articles carry a dateline
