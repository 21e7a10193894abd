"""Pipeline.analyze_batch / analyze_records: stage-by-stage runs over a chunk give what analyze gives per article.

Batch workers run a chunk of articles stage by stage (each stage over the chunk, then the next) so that a
stage's lexicons, patterns and model stay in the processor's caches; the documents must not change, and a
failure in one article must not touch the others.
"""
from __future__ import annotations

import pytest

from hadath.pipeline import Pipeline, analyze_record, analyze_records, get_pipeline
from hadath.settings import Settings

TQ = Settings(stages=("times", "quantities"))
ARTICLES = [
    "قتل 18 شخصا وأصيب حوالي 150 آخرون في هجوم يوم الخميس 12 يونيو 2016.",
    "أعلنت الحكومة اليوم عن خطة جديدة لدعم الزراعة في المحافظات الجنوبية.",
    "قال الوزير إن الاجتماع انتهى الساعة الثالثة عصرا بحضور ثلاثة مسؤولين.",
]


def _records():
    return [{"data": t, "id": f"a{i}", "published": "2016-06-13T10:00:00+03:00"} for i, t in enumerate(ARTICLES)]


def test_batch_documents_equal_one_by_one():
    pipe = get_pipeline(TQ)
    one = [pipe.analyze(**r).to_json() for r in _records()]
    batch = pipe.analyze_batch(_records())
    assert [d.to_json() for d in batch] == one
    assert [len(d.quantities) for d in batch] == [2, 0, 1]
    assert batch[0].quantities[0]["value"] == 18 and batch[0].times[0]["value"] == "2016-06-12"


def test_batch_failure_stays_with_its_article(monkeypatch):
    pipe = Pipeline(TQ)
    name, times = pipe.stages[0]

    def broken(state):
        if "الزراعة" in state.doc.text:
            raise IndexError("list index out of range")
        times(state)

    pipe.stages[0] = (name, broken)
    out = pipe.analyze_batch(_records() + [{"data": b"", "id": "empty"}])
    assert isinstance(out[1], IndexError)
    assert type(out[3]).__name__ == "InputError"
    good = get_pipeline(TQ)
    assert [out[i].to_json() for i in (0, 2)] == [good.analyze(**_records()[i]).to_json() for i in (0, 2)]


def test_analyze_records_in_order_with_bad_records():
    recs = [_records()[0], {"data": "نص", "colour": "red"}, {"id": "x"}, {"data": b"", "path": "e.txt"},
            _records()[2]]
    got = analyze_records(recs, TQ)
    assert [s for s, _ in got] == ["ok", "error", "error", "error", "ok"]
    assert "bad record: unknown keys ['colour']" in got[1][1]
    assert got[2][1].startswith("x: bad record: no article")
    assert got[3][1].startswith("e.txt: ")
    assert got == [analyze_record(r, TQ) for r in recs]


@pytest.mark.parametrize("as_json", [False, True])
def test_analyze_records_as_json_and_encode(as_json):
    got = analyze_records(_records()[:1], TQ, as_json=as_json)
    assert got == [analyze_record(_records()[0], TQ, as_json=as_json)]
    enc = analyze_records(_records()[:1], TQ, encode=lambda d: len(d.quantities))
    assert enc == [("ok", 2)]
