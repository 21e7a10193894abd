"""hadath run names the inputs refused as changed at the end, exits 1, and reports retried failures."""
from __future__ import annotations

import json

from click.testing import CliRunner

from hadath.cli import cli

A = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."
B = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الزراعة في المحافظات الجنوبية."


def _run(tmp_path, *inputs):
    cfg = tmp_path / "fast.toml"
    cfg.write_text("[hadath]\nstages = []\n", "utf-8")
    return CliRunner().invoke(cli, ["run", *map(str, inputs), "--out", str(tmp_path / "o"), "--jobs", "1",
                                    "--config", str(cfg), "--no-progress"], catch_exceptions=False)


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def test_refused_inputs_are_counted_named_and_exit_1(tmp_path):
    src = tmp_path / "in.jsonl"
    _write(src, [{"id": "a1", "text": A}, {"id": "a2", "text": B}, {"text": A}])
    assert _run(tmp_path, src).exit_code == 0
    _write(src, [{"id": "a1", "text": B}, {"id": "a2", "text": B}, {"text": B}])
    res = _run(tmp_path, src)
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    summary = next(x for x in lines if x.startswith("hadath: 3 documents, 0 failures"))
    assert "1 already done, 2 refused: input changed since the earlier run" in summary
    assert lines[-2:] == [
        f"hadath: refused: {src}:1 (id a1): input changed since the earlier run; not re-analysed, "
        "not in failures.jsonl (use --no-resume or a new --out)",
        f"hadath: refused: {src}:3 (id in.jsonl:3): input changed since the earlier run; not re-analysed, "
        "not in failures.jsonl (use --no-resume or a new --out)",
    ]
    assert not (tmp_path / "o" / "failures.jsonl").read_text("utf-8")


def test_fixed_failure_is_reported_as_analysed_again_and_exit_0(tmp_path):
    (tmp_path / "c").mkdir()
    bad = tmp_path / "c" / "bad.txt"
    bad.write_bytes(b"")
    res = _run(tmp_path, tmp_path / "c")
    assert res.exit_code == 1 and "0 documents, 1 failures" in res.stderr
    bad.write_text(A, "utf-8")
    res = _run(tmp_path, tmp_path / "c")
    assert res.exit_code == 0, res.stderr
    assert ("1 documents, 0 failures" in res.stderr
            and "(this run: 1 written, 0 failed, 0 already done, 1 earlier failures changed and analysed again;"
            in res.stderr)
    assert "failures from earlier runs" not in res.stderr


def test_unchanged_failures_retried_are_not_called_changed(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "bad.txt").write_bytes(b"")  # fails (empty), and still fails unchanged
    assert _run(tmp_path, tmp_path / "c").exit_code == 1
    res = _run(tmp_path, tmp_path / "c", "--retry-failed")
    assert res.exit_code == 1
    assert "(this run: 0 written, 1 failed, 0 already done, 1 unchanged earlier failures retried;" in res.stderr
    assert "changed and analysed again" not in res.stderr
