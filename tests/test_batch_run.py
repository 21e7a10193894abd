"""The batch runner: outputs, failures, SQLite store, resume after a kill, refusals (hadath.batch)."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hadath.batch import BatchError, run_batch
from hadath.document import validate
from hadath.pipeline import analyze_many
from hadath.settings import Settings

FAST = Settings(stages=())  # ingest, structure, segment only: fast
AR = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "01_good.txt").write_text(AR, "utf-8")
    (d / "02_empty.txt").write_bytes(b"")
    (d / "03_image.png").write_bytes(_png())
    (d / "04_bad_utf8.txt").write_bytes(AR.encode("utf-8")[:30] + b"\xff" + AR.encode("utf-8")[30:])
    (d / "05_english.html").write_text(
        "<html><body><article><h1>Book fair opens</h1><p>The minister opened the international book fair "
        "this morning with many publishers.</p></article></body></html>", "utf-8")
    (d / "06_no_article.html").write_text(
        "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>", "utf-8")
    (d / "07_records.jsonl").write_text(
        json.dumps({"id": "r1", "text": AR, "published": "2016-06-08T11:39:00+02:00"}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "r1", "text": AR}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "r2", "text": AR, "published": "not a date"}, ensure_ascii=False) + "\n", "utf-8")
    return d


def test_batch_outputs_and_failures(corpus, tmp_path):
    out = tmp_path / "out"
    res = run_batch([str(corpus)], out, jobs=1, settings=FAST, progress=False)
    docs = read_jsonl(out / "documents.jsonl")
    fails = read_jsonl(out / "failures.jsonl")
    assert [d["id"] for d in docs] == [str(corpus / "01_good.txt"), str(corpus / "04_bad_utf8.txt"),
                                       str(corpus / "05_english.html"), "r1", "r2"]
    for d in docs:
        validate(d)
    assert any("invalid UTF-8" in w for w in docs[1]["warnings"])
    assert any("not Arabic" in w for w in docs[2]["warnings"])
    # an unreadable date field does not fail the record: analysed without it, with a warning naming it
    assert docs[4]["metadata"]["published"]["value"] is None
    assert docs[4]["warnings"][0] == ("date field 'published' holds 'not a date', not a date hadath can read "
                                      "(ISO 8601, RSS date, Unix time, DD/MM/YYYY, a date line such as 08 يونيو 2016): ignored")
    by_id = {f["id"]: f for f in fails}
    rec = corpus / "07_records.jsonl"
    dup = f"r1@{rec}:2"  # the second "r1": its own failure id, not the first record's
    assert set(by_id) == {str(corpus / n) for n in ("02_empty.txt", "03_image.png", "06_no_article.html")} | {dup}
    assert by_id[str(corpus / "02_empty.txt")]["error"] == f"{corpus / '02_empty.txt'}: empty input"
    assert by_id[str(corpus / "03_image.png")]["error"].endswith("binary data (PNG image), not text")
    assert by_id[str(corpus / "06_no_article.html")]["error"].endswith("no article text found in the HTML page")
    assert by_id[dup] == {"id": dup, "input": f"{rec}:2", "error": f"{rec}:2: duplicate id 'r1': the earlier "
                          f"input {rec}:1 has it; not analysed"}
    assert all("\n" not in f["error"] and "Traceback" not in f["error"] for f in fails)
    assert (res.ok, res.failed, res.total_documents, res.total_failures) == (5, 4, 5, 4)
    db = sqlite3.connect(out / "hadath.db")
    rows = db.execute("SELECT id, seq, kind FROM documents ORDER BY seq").fetchall()
    assert [r[0] for r in rows] == [d["id"] for d in docs] and [r[1] for r in rows] == [0, 1, 2, 3, 4]
    n_items = sum(len(d[k]) for d in docs for k in ("times", "quantities", "entities", "attributions",
                                                      "events", "boilerplate"))
    assert db.execute("SELECT COUNT(*) FROM items").fetchone()[0] == n_items
    # rerun: everything is done, nothing written twice
    res2 = run_batch([str(corpus)], out, jobs=1, settings=FAST, progress=False)
    assert (res2.ok, res2.failed, res2.skipped) == (0, 0, 9)
    assert len(read_jsonl(out / "documents.jsonl")) == 5 and len(read_jsonl(out / "failures.jsonl")) == 4


def test_items_table_matches_documents(tmp_path):
    src = tmp_path / "a.jsonl"
    text = "أعلنت وزارة الصحة في القاهرة يوم 5 يونيو 2016 عن وفاة 12 شخصا، وقال الوزير إن الوضع مستقر."
    src.write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    out = tmp_path / "out"
    run_batch([str(src)], out, jobs=1, progress=False)
    (doc,) = read_jsonl(out / "documents.jsonl")
    db = sqlite3.connect(out / "hadath.db")
    for key, kind in (("times", "time"), ("quantities", "quantity"), ("entities", "entity"),
                      ("attributions", "attribution"), ("events", "event"), ("boilerplate", "boilerplate")):
        rows = db.execute('SELECT start, "end", text FROM items WHERE kind = ? ORDER BY idx', (kind,)).fetchall()
        assert len(rows) == len(doc[key]), kind
        for start, end, t in rows:
            if start is not None:
                assert doc["text"][start:end] == t


def test_resume_repairs_partial_line_and_database(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": AR}, ensure_ascii=False) + "\n" for i in range(6)),
                   "utf-8")
    out = tmp_path / "out"
    run_batch([str(src)], out, jobs=1, settings=FAST, progress=False)
    # simulate a kill: last document line cut in half, database one document short
    lines = (out / "documents.jsonl").read_text("utf-8").splitlines(keepends=True)
    (out / "documents.jsonl").write_text("".join(lines[:4]) + lines[4][:50], "utf-8")
    db = sqlite3.connect(out / "hadath.db")
    db.execute("DELETE FROM documents WHERE id = 'd3'")
    db.commit()
    db.close()
    res = run_batch([str(src)], out, jobs=1, settings=FAST, progress=False)
    assert (res.ok, res.skipped) == (2, 4)
    ids = [d["id"] for d in read_jsonl(out / "documents.jsonl")]
    assert ids == [f"d{i}" for i in range(6)]
    db = sqlite3.connect(out / "hadath.db")
    assert [r[0] for r in db.execute("SELECT id FROM documents ORDER BY seq")] == ids


def test_no_resume_starts_afresh(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(AR, "utf-8")
    out = tmp_path / "out"
    run_batch([str(src)], out, jobs=1, settings=FAST, progress=False)
    res = run_batch([str(src)], out, jobs=1, settings=FAST, progress=False, resume=False)
    assert (res.ok, res.skipped) == (1, 0)
    assert len(read_jsonl(out / "documents.jsonl")) == 1


def test_refuses_to_write_into_its_input(tmp_path):
    (tmp_path / "a.txt").write_text(AR, "utf-8")
    with pytest.raises(BatchError, match="inside the input"):
        run_batch([str(tmp_path)], tmp_path / "out", jobs=1, settings=FAST, progress=False)
    with pytest.raises(BatchError, match="inside the input"):
        run_batch([str(tmp_path)], tmp_path, jobs=1, settings=FAST, progress=False)
    out = tmp_path.parent / (tmp_path.name + "_out")
    out.mkdir()
    (out / "x.txt").write_text(AR, "utf-8")
    with pytest.raises(BatchError, match="inside the output folder"):
        run_batch([str(out / "x.txt")], out, jobs=1, settings=FAST, progress=False)
    with pytest.raises(BatchError, match="no such file"):
        run_batch([str(tmp_path / "missing.txt")], tmp_path.parent / "o2", jobs=1, settings=FAST, progress=False)


def test_analyze_many_in_processes_keeps_order():
    texts = [f"{AR} رقم {i}" for i in range(40)] + [b""]
    out = list(analyze_many(texts, n_process=2, settings=FAST, chunksize=3))
    assert [s for s, _ in out] == ["ok"] * 40 + ["error"]
    assert [d["text"] for _, d in out[:40]] == texts[:40]
    assert out[-1][1] == "<input>: empty input"


def test_kill_and_resume_in_subprocess(tmp_path):
    """SIGKILL a running batch part way, rerun it: every input once, none twice."""
    n = 3000
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"text": f"{AR} {i}"}, ensure_ascii=False) + "\n" for i in range(n)), "utf-8")
    cfg = tmp_path / "fast.toml"
    cfg.write_text("[hadath]\nstages = []\n", "utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-c", "from hadath.cli import main; main()", "run", str(src), "--out", str(out),
           "--jobs", "2", "--config", str(cfg), "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    docs = out / "documents.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if docs.exists() and docs.stat().st_size > 0:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the batch ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(0.2)  # workers die with their parent (PR_SET_PDEATHSIG)
    partial = len(docs.read_text("utf-8").splitlines())
    assert partial < n
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    ids = [d["id"] for d in read_jsonl(docs)]
    assert len(ids) == n and len(set(ids)) == n
    assert ids == [f"many.jsonl:{i}" for i in range(1, n + 1)]
    db = sqlite3.connect(out / "hadath.db")
    assert db.execute("SELECT COUNT(DISTINCT id), COUNT(*) FROM documents").fetchone() == (n, n)


def test_check_output(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": AR}, ensure_ascii=False) + "\n" for i in range(3)),
                   "utf-8")
    from hadath.batch import check_output

    run_batch([str(src)], tmp_path / "out", jobs=1, settings=FAST, progress=False)
    rep = check_output(tmp_path / "out", schema=True)
    assert rep == {"documents": 3, "unique_ids": 3, "failures": 0, "failure_id_clashes": 0, "span_errors": 0,
                   "schema_errors": 0,
                   "first_errors": [], "db_documents": 3, "db_items": rep["db_items"]}
