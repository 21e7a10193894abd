"""Times stage on shared data: the public failure cases and the sample article."""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from hadath.document import Document
from hadath.extract.times import TimeExtractor
from hadath.pipeline import State
from hadath.settings import Settings

FIXED_REF = datetime.fromisoformat("2023-06-10T12:00:00+03:00")


@pytest.fixture(scope="module")
def extractor() -> TimeExtractor:
    return TimeExtractor(Settings())


def _run(extractor, text, ref):
    state = State(doc=Document(text=text), settings=Settings(), reference_time=ref)
    extractor(state)
    return state.doc.times


def _cases(shared):
    path = shared / "cases" / "public_failure_cases.jsonl"
    return [c for c in map(json.loads, path.read_text("utf-8").splitlines()) if c.get("component") == "times"]


@pytest.mark.shared
def test_public_failure_cases(extractor, shared_data):
    cases = _cases(shared_data)
    assert cases
    failures = []
    for c in cases:
        ref = datetime.fromisoformat(c["reference_time"]) if c.get("reference_time") else FIXED_REF
        items = _run(extractor, c["input"], ref)
        ok = any(all(t.get(k) == v for k, v in c["expect"].items()) for t in items)
        if not ok:
            failures.append((c["id"], c["expect"], [(t["text"], t["value"]) for t in items]))
    assert not failures, failures


def test_sample_article(extractor, sample_text):
    ref = datetime.fromisoformat("2016-06-08T11:39:00+02:00")
    items = _run(extractor, sample_text, ref)
    by_text = {t["text"]: t for t in items}
    line = by_text["11:39 ص الأربعاء 08 يونيو 2016"]
    assert (line["value"], line["kind"]) == ("2016-06-08T11:39", "datetime")
    month = by_text["شهر على الأقل"]
    assert (month["value"], month["kind"], month["approx"], month["bound"]) == ("P1M", "duration", True, "min")
    assert by_text["فصل الخريف"]["value"] == "2015-FA"
    assert by_text["الآن"]["value"] == "2016-06-08"
    assert len(items) == 4, [(t["text"], t["value"]) for t in items]
