"""Resume notices inputs whose content changed since the earlier run (hadath.batch fingerprints)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hadath.batch import FINGERPRINTS, fingerprint, run_batch
from hadath.settings import Settings

FAST = Settings(stages=())
AR1 = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."
AR2 = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الزراعة في المحافظات الجنوبية."


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_changed_text_is_refused_not_skipped(tmp_path, capsys):
    src, out = tmp_path / "a.jsonl", tmp_path / "out"
    write_jsonl(src, [{"id": "a1", "text": AR1}, {"id": "a2", "text": AR2}])
    res = run_batch([str(src)], out, jobs=1, settings=FAST, progress=False)
    assert (res.ok, res.changed) == (2, 0)
    prints = read_jsonl(out / FINGERPRINTS)
    assert [p["id"] for p in prints] == ["a1", "a2"] and all(len(p["sha1"]) == 40 for p in prints)

    changed = tmp_path / "changed.jsonl"
    write_jsonl(changed, [{"id": "a1", "text": AR2}, {"id": "a2", "text": AR2}, {"id": "a3", "text": AR1}])
    capsys.readouterr()
    res = run_batch([str(changed)], out, jobs=1, settings=FAST, progress=False)
    err = capsys.readouterr().err
    assert (res.ok, res.skipped, res.changed, res.failed) == (1, 1, 1, 0)
    assert res.changed_inputs == ((("a1", f"{changed}:1"),))
    assert res.this_run_failed
    assert (f"{changed}:1: id a1: input changed since the earlier run; not re-analysed "
            "(use --no-resume or a new --out)") in err
    docs = read_jsonl(out / "documents.jsonl")
    assert [d["id"] for d in docs] == ["a1", "a2", "a3"]
    assert docs[0]["text"] == AR1  # the old analysis is kept, but not in silence

    # unchanged content (even from a moved file) resumes as before
    moved = tmp_path / "moved.jsonl"
    write_jsonl(moved, [{"id": "a1", "text": AR1}, {"id": "a2", "text": AR2}])
    res = run_batch([str(moved)], out, jobs=1, settings=FAST, progress=False)
    assert (res.ok, res.skipped, res.changed) == (0, 2, 0) and not res.this_run_failed


def test_changed_metadata_counts_and_no_resume_clears(tmp_path):
    src, out = tmp_path / "a.jsonl", tmp_path / "out"
    write_jsonl(src, [{"id": "a1", "text": AR1, "title": "عنوان"}])
    run_batch([str(src)], out, jobs=1, settings=FAST, progress=False)
    write_jsonl(src, [{"id": "a1", "text": AR1, "title": "عنوان آخر"}])
    assert run_batch([str(src)], out, jobs=1, settings=FAST, progress=False).changed == 1
    res = run_batch([str(src)], out, jobs=1, settings=FAST, progress=False, resume=False)
    assert (res.ok, res.changed) == (1, 0)
    assert read_jsonl(out / FINGERPRINTS) == [{"id": "a1", "sha1": fingerprint(
        {"data": AR1, "kind": "text", "title": "عنوان آخر"}), "src": f"{src.resolve()}:1", "file": str(src.resolve())}]


def test_failed_input_that_changed_is_analysed_again(tmp_path):
    """A failure is not a done document: once its input is fixed it is analysed again
    (this test used to expect a refusal, which left --no-resume as the only way out)."""
    src, out = tmp_path / "a.jsonl", tmp_path / "out"
    write_jsonl(src, [{"id": "a1", "title": "no text"}])
    assert run_batch([str(src)], out, jobs=1, settings=FAST, progress=False).failed == 1
    write_jsonl(src, [{"id": "a1", "text": AR1}])
    res = run_batch([str(src)], out, jobs=1, settings=FAST, progress=False)
    assert (res.ok, res.skipped, res.changed, res.retried, res.total_failures) == (1, 0, 0, 1, 0)
    assert [d["id"] for d in read_jsonl(out / "documents.jsonl")] == ["a1"]
    assert read_jsonl(out / "failures.jsonl") == []


def test_done_ids_without_fingerprint_and_cut_sidecar(tmp_path):
    src, out = tmp_path / "a.jsonl", tmp_path / "out"
    write_jsonl(src, [{"id": "a1", "text": AR1}, {"id": "a2", "text": AR2}])
    run_batch([str(src)], out, jobs=1, settings=FAST, progress=False)
    # a kill cut the sidecar's last line: a2 has no fingerprint -> skipped as before (older runs too)
    fp = out / FINGERPRINTS
    fp.write_bytes(fp.read_bytes()[:-10])
    write_jsonl(src, [{"id": "a1", "text": AR1}, {"id": "a2", "text": AR1}, {"id": "a3", "text": AR2}])
    res = run_batch([str(src)], out, jobs=1, settings=FAST, progress=False)
    assert (res.ok, res.skipped, res.changed) == (1, 2, 0)
    assert [p["id"] for p in read_jsonl_lenient(fp)] == ["a1", "a3"]


def read_jsonl_lenient(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except ValueError:
            pass
    return rows


def test_cli_reports_changed_and_exits_1(tmp_path):
    src, out = tmp_path / "a.jsonl", tmp_path / "out"
    write_jsonl(src, [{"id": "a1", "text": AR1}])
    cfg = tmp_path / "fast.toml"
    cfg.write_text("[hadath]\nstages = []\n", "utf-8")
    cmd = [sys.executable, "-c", "from hadath.cli import main; main()", "run", str(src), "--out", str(out),
           "--no-progress", "--jobs", "1", "--config", str(cfg)]
    first = subprocess.run(cmd, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    write_jsonl(src, [{"id": "a1", "text": AR2}])
    second = subprocess.run(cmd, capture_output=True, text=True)
    assert second.returncode == 1
    assert "id a1: input changed since the earlier run" in second.stderr
    assert "1 refused: input changed since the earlier run" in second.stderr
