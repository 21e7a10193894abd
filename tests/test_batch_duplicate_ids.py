"""Two inputs with the same id in a batch: none dropped in silence, none merged, errors under the right id.

Reproducer (before the fix): a JSONL file with two lines ``"id": "X"`` gave one document X and a failure
also filed under id X ("an earlier input has it", without saying which); a good record whose id a broken
record used first was refused the same way; and two folders each holding ``x.jsonl`` collided on the
generated ids ``x.jsonl:1``, so every record of the second file was refused although no input gave an id.
"""
from __future__ import annotations

import json

import pytest

from hadath.batch import run_batch
from hadath.io.readers import iter_records
from hadath.settings import Settings
from hadath.io.writers import read_jsonl as _read, write_jsonl as _jsonl

FAST = Settings(stages=())
A = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة."
B = "أعلنت الحكومة اليوم عن خطة جديدة للنقل العام."




@pytest.fixture()
def dup_jsonl(tmp_path):
    return _jsonl(tmp_path / "in.jsonl", [
        {"id": "X", "text": A},           # 1: X, analysed
        {"id": "X", "text": B},           # 2: X again -> failure, names line 1
        {"id": "Y", "title": "no text"},  # 3: Y, unreadable -> failure under Y
        {"id": "Y", "text": B},           # 4: Y again -> failure, names line 3
        {"id": "Z", "text": A},           # 5: Z, analysed
        {"id": "Z", "title": "none"},     # 6: Z again, also unreadable: both said
        {"id": "W", "text": ""},          # 7: W, pipeline error named by its input
    ])


@pytest.mark.parametrize("jobs", [1, 2])
def test_duplicate_ids_fail_under_their_own_id(dup_jsonl, tmp_path, jobs):
    out = tmp_path / f"out{jobs}"
    res = run_batch([str(dup_jsonl)], out, jobs=jobs, settings=FAST, progress=False)
    docs, fails = _read(out / "documents.jsonl"), _read(out / "failures.jsonl")
    f = str(dup_jsonl)
    assert [(d["id"], d["text"]) for d in docs] == [("X", A), ("Z", A)]  # the first X kept, not merged
    assert fails == [
        {"id": f"X@{f}:2", "input": f"{f}:2",
         "error": f"{f}:2: duplicate id 'X': the earlier input {f}:1 has it; not analysed"},
        {"id": "Y", "input": f"{f}:3", "error": f"{f}:3: no text, html or content string in the object"},
        {"id": f"Y@{f}:4", "input": f"{f}:4",
         "error": f"{f}:4: duplicate id 'Y': the earlier input {f}:3 has it; not analysed"},
        {"id": f"Z@{f}:6", "input": f"{f}:6",
         "error": f"{f}:6: duplicate id 'Z': the earlier input {f}:5 has it; not analysed; "
                  "it is also unreadable: no text, html or content string in the object"},
        {"id": "W", "input": f"{f}:7", "error": f"{f}:7: empty input"},
    ]
    # every line of both files has its own id, and every input is accounted for
    ids = [d["id"] for d in docs] + [x["id"] for x in fails]
    assert len(ids) == len(set(ids)) == 7
    assert (res.ok, res.failed) == (2, 5)


def test_duplicate_ids_resume_writes_nothing_twice(dup_jsonl, tmp_path):
    out = tmp_path / "out"
    run_batch([str(dup_jsonl)], out, jobs=1, settings=FAST, progress=False)
    before = ((out / "documents.jsonl").read_text("utf-8"), (out / "failures.jsonl").read_text("utf-8"))
    res = run_batch([str(dup_jsonl)], out, jobs=1, settings=FAST, progress=False)
    assert (res.ok, res.failed, res.skipped) == (0, 0, 7)
    assert ((out / "documents.jsonl").read_text("utf-8"), (out / "failures.jsonl").read_text("utf-8")) == before


def test_resume_after_partial_run_keeps_ids(dup_jsonl, tmp_path):
    """A run that stopped after line 1 must still fail line 2 as a duplicate (not skip it as done)."""
    out = tmp_path / "out"
    first = _jsonl(tmp_path / "first" / "in.jsonl", [{"id": "X", "text": A}])
    run_batch([str(first)], out, jobs=1, settings=FAST, progress=False)
    res = run_batch([str(dup_jsonl)], out, jobs=1, settings=FAST, progress=False)
    assert res.skipped == 1  # line 1 (X) only
    fails = _read(out / "failures.jsonl")
    assert fails[0]["id"] == f"X@{dup_jsonl}:2"


def test_same_file_name_in_two_folders_gets_path_ids(tmp_path):
    a = _jsonl(tmp_path / "a" / "x.jsonl", [{"text": A}])
    b = _jsonl(tmp_path / "b" / "x.jsonl", [{"text": B}])
    out = tmp_path / "out"
    res = run_batch([str(a.parent), str(b.parent)], out, jobs=1, settings=FAST, progress=False)
    docs = _read(out / "documents.jsonl")
    assert [(d["id"], d["text"]) for d in docs] == [("x.jsonl:1", A), (f"{b}:1", B)]
    assert res.failed == 0 and _read(out / "failures.jsonl") == []
    # and the ids are the same on a rerun
    res = run_batch([str(a.parent), str(b.parent)], out, jobs=1, settings=FAST, progress=False)
    assert (res.ok, res.skipped) == (0, 2)


def test_same_input_twice_is_reported_not_merged(tmp_path):
    a = _jsonl(tmp_path / "x.jsonl", [{"text": A}])
    out = tmp_path / "out"
    res = run_batch([str(a), str(a)], out, jobs=1, settings=FAST, progress=False)
    assert [d["id"] for d in _read(out / "documents.jsonl")] == ["x.jsonl:1"]
    (fail,) = _read(out / "failures.jsonl")
    assert fail == {"id": f"x.jsonl:1@{a}:1", "input": f"{a}:1", "error": f"{a}:1: duplicate id 'x.jsonl:1': "
                    "the same input, given twice, has it; not analysed"}
    assert res.failed == 1


def test_readers_give_alt_ids_only_to_generated_ids(tmp_path):
    f = _jsonl(tmp_path / "d" / "x.jsonl", [{"text": A}, {"id": "mine", "text": B}, {"bad": 1}])
    recs = list(iter_records([str(f)]))
    assert [(r["id"], r.get("alt_id")) for r in recs] == [
        ("x.jsonl:1", f"{f}:1"), ("mine", None), ("x.jsonl:3", f"{f}:3")]
    arr = tmp_path / "d" / "arr.json"
    arr.write_text(json.dumps([{"content": A}, {"content": B, "id": 5}]), "utf-8")
    assert [(r["id"], r.get("alt_id")) for r in iter_records([str(arr)])] == [
        ("arr.json:0", f"{arr}:0"), ("5", None)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_failures_are_in_input_order(tmp_path, jobs):
    """Refused inputs (duplicate id, bad line) and failed analyses interleave in input order."""
    rows = [{"id": "a", "text": A}, {"id": "b", "html": "<p>x</p>"}, {"id": "a", "text": B},
            {"id": "c", "text": B}, {"id": "d", "html": "<p>y</p>"}]
    src = _jsonl(tmp_path / "in.jsonl", rows)
    with open(src, "a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    out = tmp_path / "out"
    run_batch([str(src)], out, jobs=jobs, settings=FAST, progress=False, chunksize=1)
    fails = _read(out / "failures.jsonl")
    assert [f["input"] for f in fails] == [f"{src}:2", f"{src}:3", f"{src}:5", f"{src}:6"]
    assert [d["id"] for d in _read(out / "documents.jsonl")] == ["a", "c"]
