"""Generated ids of ``hadath run`` are stable per output folder (hadath.batch, hadath.io.readers ``src``).

Reproducer (before the fix): ``run d2`` then ``run d1 d2`` into the same --out refused d1's record as
"input changed" (it took the id ``feed.jsonl:1`` that d2's record had had) and analysed d2's record a second
time under ``d2/feed.jsonl:1``; and ``run mix/a1.txt`` then ``run /abs/mix/a1.txt`` from another working
folder wrote every document twice (text ids are the path as given).
"""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from hadath.batch import FINGERPRINTS, check_output, run_batch
from hadath.io.readers import iter_records
from hadath.io.store import Store
from hadath.settings import Settings
from hadath.io.writers import read_jsonl as _read, write_jsonl as _jsonl

FAST = Settings(stages=())
A = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."
B = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الزراعة في المحافظات الجنوبية."
C = "افتتح المحافظ مستشفى جديدا في المدينة صباح اليوم."




def _run(inputs, out, **kw):
    return run_batch([str(i) for i in inputs], out, jobs=kw.pop("jobs", 1), settings=FAST, progress=False, **kw)


def _docs(out: Path) -> list[tuple[str, str]]:
    return [(d["id"], d["text"]) for d in _read(out / "documents.jsonl")]


def _db_ids(out: Path) -> list[str]:
    return Store(out / "hadath.db").ids_in_order()


@pytest.fixture()
def two_feeds(tmp_path, monkeypatch):
    _jsonl(tmp_path / "d1" / "feed.jsonl", [{"text": A}])
    _jsonl(tmp_path / "d2" / "feed.jsonl", [{"text": B}])
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_other_inputs_do_not_change_an_inputs_id(two_feeds):
    out = two_feeds / "O"
    res = _run(["d2"], out)
    assert (res.ok, _docs(out)) == (1, [("feed.jsonl:1", B)])
    res = _run(["d1", "d2"], out)
    assert (res.ok, res.skipped, res.changed, res.failed) == (1, 1, 0, 0)
    assert _docs(out) == [("feed.jsonl:1", B), ("d1/feed.jsonl:1", A)]
    # in any order, with either input alone, spelled any way: nothing new
    for inputs in (["d2", "d1"], ["d1"], [two_feeds / "d2" / "feed.jsonl"], ["./d1/../d1/feed.jsonl", "d2"]):
        res = _run(inputs, out)
        assert (res.ok, res.failed, res.changed, res.skipped) == (0, 0, 0, len(inputs)), inputs
    assert _docs(out) == [("feed.jsonl:1", B), ("d1/feed.jsonl:1", A)]
    assert _db_ids(out) == ["feed.jsonl:1", "d1/feed.jsonl:1"]
    assert _read(out / "failures.jsonl") == []


def test_both_inputs_at_once_then_each_alone(two_feeds):
    out = two_feeds / "O"
    _run(["d1", "d2"], out)
    assert _docs(out) == [("feed.jsonl:1", A), ("d2/feed.jsonl:1", B)]
    for inputs in (["d2"], ["d2", "d1"], ["d1"]):
        res = _run(inputs, out)
        assert (res.ok, res.changed, res.skipped) == (0, 0, len(inputs)), inputs


def test_a_changed_input_is_still_refused_under_its_own_id(two_feeds):
    out = two_feeds / "O"
    _run(["d2"], out)
    _jsonl(two_feeds / "d2" / "feed.jsonl", [{"text": C}])
    res = _run(["d1", "d2"], out)
    assert (res.ok, res.changed, res.changed_inputs) == (1, 1, (("feed.jsonl:1", "d2/feed.jsonl:1"),))
    assert _docs(out) == [("feed.jsonl:1", B), ("d1/feed.jsonl:1", A)]


def test_path_spelling_does_not_change_a_text_id(tmp_path, monkeypatch):
    mix = tmp_path / "work" / "mix"
    mix.mkdir(parents=True)
    (mix / "a1.txt").write_text(A, "utf-8")
    (mix / "a2.txt").write_text(B, "utf-8")
    out = tmp_path / "O"
    monkeypatch.chdir(tmp_path / "work")
    res = _run(["mix/a1.txt", "mix"], out)  # the same file twice: a duplicate, never two documents
    assert _docs(out) == [("mix/a1.txt", A), ("mix/a2.txt", B)]
    assert [f["id"] for f in _read(out / "failures.jsonl")] == ["mix/a1.txt@mix/a1.txt"]
    monkeypatch.chdir(tmp_path)
    res = _run([mix / "a1.txt"], out)
    assert (res.ok, res.skipped, res.failed) == (0, 1, 0)
    res = _run([mix], out)
    assert (res.ok, res.skipped, res.failed) == (0, 2, 0)
    monkeypatch.chdir(mix)
    res = _run(["a2.txt", "."], out)
    assert (res.ok, res.changed) == (0, 0)
    assert _docs(out) == [("mix/a1.txt", A), ("mix/a2.txt", B)]
    chk = check_output(out)
    assert (chk["documents"], chk["unique_ids"], chk["db_documents"]) == (2, 2, 2)


def test_symlinked_folder_is_the_same_input(tmp_path):
    real = _jsonl(tmp_path / "real" / "x.jsonl", [{"text": A}, {"text": B}])
    link = tmp_path / "link"
    link.symlink_to(real.parent, target_is_directory=True)
    out = tmp_path / "O"
    _run([real], out)
    res = _run([link, tmp_path / "real"], out)
    assert (res.ok, res.failed, res.skipped) == (0, 2, 2)  # link and folder are one input, given twice
    assert [d[0] for d in _docs(out)] == ["x.jsonl:1", "x.jsonl:2"]


def test_moved_corpus_resumes_and_a_copy_is_new(tmp_path):
    z = tmp_path / "old" / "2015.zip"
    z.parent.mkdir()
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("2015.json", json.dumps([{"content": A}, {"content": B}], ensure_ascii=False))
    out = tmp_path / "O"
    _run([z], out)
    copy = tmp_path / "copy" / "2015.zip"
    copy.parent.mkdir()
    shutil.copy(z, copy)
    # a copy beside the original is another input: analysed under its own ids
    res = _run([copy], out)
    assert res.ok == 2
    assert [d[0] for d in _docs(out)] == ["2015.zip:0", "2015.zip:1", f"{copy}:0", f"{copy}:1"]
    # the original moved away: recognised by its content, nothing analysed again
    moved = tmp_path / "new" / "2015.zip"
    moved.parent.mkdir()
    z.rename(moved)
    res = _run([moved, copy], out)
    assert (res.ok, res.skipped, res.changed) == (0, 4, 0)
    res = _run([moved], out)  # and the move is remembered
    assert (res.ok, res.skipped) == (0, 2)
    prints = {p["id"]: p["src"] for p in _read(out / FINGERPRINTS)}
    assert prints["2015.zip:0"] == f"{moved.resolve()}:0"


def test_output_of_an_older_run_without_places_resumes(two_feeds):
    out = two_feeds / "O"
    _run(["d1", "d2"], out)
    fp = out / FINGERPRINTS
    fp.write_text("".join(json.dumps({"id": p["id"], "sha1": p["sha1"]}) + "\n" for p in _read(fp)), "utf-8")
    res = _run(["d1", "d2"], out)
    assert (res.ok, res.skipped, res.changed) == (0, 2, 0)
    assert [p.get("src") for p in _read(fp)][-2:] == [
        str((two_feeds / "d1" / "feed.jsonl").resolve()) + ":1", str((two_feeds / "d2" / "feed.jsonl").resolve()) + ":1"]
    res = _run(["d2"], out)  # now recognised by place
    assert (res.ok, res.skipped) == (0, 1)


def test_explicit_ids_keep_their_ids(two_feeds):
    out = two_feeds / "O"
    _jsonl(two_feeds / "d3" / "feed.jsonl", [{"id": "feed.jsonl:1", "text": C}, {"id": "k", "text": A}])
    _run(["d3"], out)
    res = _run(["d1", "d3"], out)  # d1's generated id is an explicit id of an earlier run: d1 moves aside
    assert (res.ok, res.skipped, res.changed) == (1, 2, 0)
    assert _docs(out) == [("feed.jsonl:1", C), ("k", A), ("d1/feed.jsonl:1", A)]


def test_readers_give_every_file_record_its_resolved_place(tmp_path, monkeypatch):
    d = tmp_path / "d"
    _jsonl(d / "x.jsonl", [{"text": A}, {"id": "own", "text": B}, {"bad": 1}])
    (d / "t.txt").write_text(A, "utf-8")
    (d / "arr.json").write_text(json.dumps([{"content": A}]), "utf-8")
    (d / "n.csv").write_text(f"text\n{A}\n", "utf-8")
    z = d / "z.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("m/a.txt", A)
        zf.writestr("m/b.jsonl", json.dumps({"text": B}) + "\n")
    monkeypatch.chdir(tmp_path)
    recs = list(iter_records(["d"]))
    r = str(d)
    assert [(x["id"], x["src"], x["src_file"], x.get("explicit_id", False)) for x in recs] == [
        ("arr.json:0", f"{r}/arr.json:0", f"{r}/arr.json", False),
        ("n.csv:2", f"{r}/n.csv:2", f"{r}/n.csv", False),
        ("d/t.txt", f"{r}/t.txt", f"{r}/t.txt", False),
        ("x.jsonl:1", f"{r}/x.jsonl:1", f"{r}/x.jsonl", False),
        ("own", f"{r}/x.jsonl:2", f"{r}/x.jsonl", True),
        ("x.jsonl:3", f"{r}/x.jsonl:3", f"{r}/x.jsonl", False),
        ("z.zip:m/a.txt", f"{r}/z.zip:m/a.txt", f"{r}/z.zip", False),
        ("z.zip:0", f"{r}/z.zip:0", f"{r}/z.zip", False),
    ]
    assert "src" not in next(iter(iter_records(["-"], stdin=__import__("io").BytesIO(A.encode()))))


def test_two_articles_piped_into_one_folder_are_two_documents(tmp_path):
    import io

    out = tmp_path / "o"
    r1 = run_batch(["-"], out, jobs=1, settings=FAST, progress=False, stdin=io.BytesIO(A.encode()))
    r2 = run_batch(["-"], out, jobs=1, settings=FAST, progress=False, stdin=io.BytesIO(B.encode()))
    r3 = run_batch(["-"], out, jobs=1, settings=FAST, progress=False, stdin=io.BytesIO(A.encode()))
    assert (r1.ok, r2.ok, r2.changed, r3.ok, r3.skipped) == (1, 1, 0, 0, 1)
    assert [d[1] for d in _docs(out)] == [A, B]
