"""A failed input that the user fixes is analysed again on resume; stale failure lines go (hadath.batch).

Reproducer (before the fix): an empty file that failed, then filled, or a broken JSONL line, then repaired,
was refused on resume as "input changed" and only --no-resume over the whole corpus got it analysed.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.batch import check_output, run_batch
from hadath.io.store import Store
from hadath.settings import Settings
from hadath.io.writers import read_jsonl as _read

FAST = Settings(stages=())
A = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."
B = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الزراعة في المحافظات الجنوبية."



def _run(inputs, out, jobs=1):
    return run_batch([str(i) for i in inputs], out, jobs=jobs, settings=FAST, progress=False, chunksize=1)


def _db_ids(out: Path) -> list[str]:
    return Store(out / "hadath.db").ids_in_order()


def _consistent(out: Path) -> tuple[list[str], list[str]]:
    """Ids of documents.jsonl and failures.jsonl, after checking they never share an id and the db matches."""
    docs = [d["id"] for d in _read(out / "documents.jsonl")]
    fails = [f["id"] for f in _read(out / "failures.jsonl")]
    assert not set(docs) & set(fails) and len(set(fails)) == len(fails)
    assert _db_ids(out) == docs
    assert check_output(out)["failure_id_clashes"] == 0
    return docs, fails


@pytest.mark.parametrize("jobs", [1, 2])
def test_filled_empty_file_and_repaired_line_are_analysed(tmp_path, jobs):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(A, "utf-8")
    empty = corpus / "b.txt"
    empty.write_bytes(b"")
    feed = corpus / "feed.jsonl"
    feed.write_text(json.dumps({"text": A}) + "\n" + '{"text": "' + B[:10] + "\n" + json.dumps({"text": B}) + "\n",
                    "utf-8")
    out = tmp_path / "out"
    res = _run([corpus], out, jobs)
    assert (res.ok, res.failed) == (3, 2)
    assert _consistent(out) == ([str(corpus / "a.txt"), "feed.jsonl:1", "feed.jsonl:3"],
                                [str(empty), "feed.jsonl:2"])
    # unchanged failures are skipped and still count as this run's failures
    res = _run([corpus], out, jobs)
    assert (res.ok, res.failed, res.skipped, res.skipped_failed, res.retried) == (0, 0, 5, 2, 0)
    assert res.this_run_failed
    # the user fixes both
    empty.write_text(B, "utf-8")
    feed.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (A, A + " " + B, B)) + "\n",
                    "utf-8")
    res = _run([corpus], out, jobs)
    assert (res.ok, res.failed, res.skipped, res.changed, res.retried) == (2, 0, 3, 0, 2)
    assert (res.total_documents, res.total_failures, res.earlier_failures) == (5, 0, 0)
    assert not res.this_run_failed
    docs, fails = _consistent(out)
    assert docs == [str(corpus / "a.txt"), "feed.jsonl:1", "feed.jsonl:3", str(empty), "feed.jsonl:2"]
    assert fails == []
    # and a rerun skips everything
    res = _run([corpus], out, jobs)
    assert (res.ok, res.failed, res.skipped) == (0, 0, 5)


def test_a_changed_input_that_fails_again_keeps_one_failure_line(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "title": "no text"}\n{"id": "b", "text": "' + A + '"}\n', "utf-8")
    out = tmp_path / "out"
    _run([src], out)
    src.write_text('{"id": "a", "text": ""}\n{"id": "b", "text": "' + A + '"}\n', "utf-8")
    res = _run([src], out)
    assert (res.ok, res.failed, res.retried, res.total_failures, res.earlier_failures) == (0, 1, 1, 1, 0)
    assert _read(out / "failures.jsonl") == [{"id": "a", "input": f"{src}:1", "error": f"{src}:1: empty input"}]
    _consistent(out)


def test_a_repaired_line_with_its_own_id_drops_the_old_failure(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": A}) + "\n" + '{"id": "a2", "text": "' + B[:5] + "\n", "utf-8")
    out = tmp_path / "out"
    _run([src], out)
    assert _consistent(out) == (["a1"], ["in.jsonl:2"])
    src.write_text(json.dumps({"id": "a1", "text": A}) + "\n" + json.dumps({"id": "a2", "text": B}) + "\n", "utf-8")
    res = _run([src], out)
    assert (res.ok, res.skipped, res.total_failures) == (1, 1, 0)
    assert _consistent(out) == (["a1", "a2"], [])


def test_a_fixed_duplicate_id_drops_the_old_failure(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "X", "text": A}) + "\n" + json.dumps({"id": "X", "text": B}) + "\n", "utf-8")
    out = tmp_path / "out"
    _run([src], out)
    assert _consistent(out) == (["X"], [f"X@{src}:2"])
    res = _run([src], out)  # still a duplicate: skipped, kept
    assert (res.skipped, res.skipped_failed, res.total_failures) == (2, 1, 1)
    src.write_text(json.dumps({"id": "X", "text": A}) + "\n" + json.dumps({"id": "Y", "text": B}) + "\n", "utf-8")
    res = _run([src], out)
    assert (res.ok, res.total_failures) == (1, 0)
    assert _consistent(out) == (["X", "Y"], [])


def test_failures_of_inputs_not_given_are_kept(tmp_path):
    bad = tmp_path / "a" / "bad.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"")
    good = tmp_path / "b" / "good.txt"
    good.parent.mkdir()
    good.write_text(A, "utf-8")
    out = tmp_path / "out"
    _run([bad.parent], out)
    res = _run([good.parent], out)
    assert (res.ok, res.total_failures, res.earlier_failures) == (1, 1, 1)
    assert _consistent(out) == ([str(good)], [str(bad)])


def test_a_run_killed_after_the_retried_document_is_repaired(tmp_path):
    """A kill between the document line and the end-of-run cleanup leaves the id in both files; the next
    start removes the stale failure line before anything else (documents.jsonl is the ledger)."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": A}) + "\n", "utf-8")
    out = tmp_path / "out"
    _run([src], out)
    with (out / "failures.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a", "input": f"{src}:1", "error": "old"}) + "\n")
        fh.write('{"id": "cut')  # and a partial last line
    assert check_output(out)["failure_id_clashes"] == 1
    res = _run([src], out)
    assert (res.ok, res.skipped, res.total_failures, res.skipped_failed) == (0, 1, 0, 0)
    assert not res.this_run_failed
    assert _consistent(out) == (["a"], [])
    assert (out / "failures.jsonl").read_text("utf-8") == ""


def test_a_duplicate_keeps_its_failure_id_however_the_path_is_spelled(tmp_path, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "X", "text": A}) + "\n" + json.dumps({"id": "X", "text": B}) + "\n", "utf-8")
    out = tmp_path / "out"
    _run([src], out)
    monkeypatch.chdir(tmp_path)
    res = _run(["in.jsonl"], out)
    assert (res.ok, res.failed, res.skipped, res.total_failures) == (0, 0, 2, 1)
    assert _consistent(out) == (["X"], [f"X@{src}:2"])
