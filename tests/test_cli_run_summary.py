"""hadath run: empty inputs, the run summary without a rate for 0 articles, exit codes across reruns."""
from __future__ import annotations

from click.testing import CliRunner

from hadath.cli import cli

AR = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."


def run(tmp_path, *inputs, out="o"):
    cfg = tmp_path / "fast.toml"
    cfg.write_text("[hadath]\nstages = []\n", "utf-8")
    return CliRunner().invoke(cli, ["run", *map(str, inputs), "--out", str(tmp_path / out), "--jobs", "1",
                                    "--config", str(cfg), "--no-progress"], catch_exceptions=False)


def test_empty_folder_warns_and_exits_1(tmp_path):
    empty = tmp_path / "emptydir"
    empty.mkdir()
    (empty / ".hidden").write_text(AR, "utf-8")
    res = run(tmp_path, empty)
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert lines[0] == f"hadath: warning: no articles found in {empty}"
    assert lines[1].startswith("hadath: 0 documents, 0 failures in ")
    assert "articles/s" not in res.stderr and "sentences/s" not in res.stderr


def test_empty_jsonl_beside_a_good_input(tmp_path):
    (tmp_path / "in").mkdir()
    good = tmp_path / "in" / "a.txt"
    good.write_text(AR, "utf-8")
    empty = tmp_path / "e.jsonl"
    empty.write_text("\n", "utf-8")
    res = run(tmp_path, good, empty)
    assert res.exit_code == 1
    assert f"hadath: warning: no articles found in {empty}" in res.stderr
    assert "1 documents, 0 failures" in res.stderr and "articles/s" in res.stderr


def test_rerun_exit_codes_with_earlier_failures(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "bad.txt").write_bytes(b"")
    (tmp_path / "a" / "ok.txt").write_text(AR, "utf-8")
    (tmp_path / "b" / "good.txt").write_text(AR, "utf-8")
    res = run(tmp_path, tmp_path / "a")
    assert res.exit_code == 1 and "1 documents, 1 failures" in res.stderr
    # the same inputs again: the failed one is skipped but is still this run's failure
    res = run(tmp_path, tmp_path / "a")
    assert res.exit_code == 1
    assert "2 already done (1 of them failures)" in res.stderr and "articles/s" not in res.stderr
    # other inputs, all fine: exit 0, the earlier failure reported
    res = run(tmp_path, tmp_path / "b")
    assert res.exit_code == 0, res.stderr
    assert "2 documents, 1 failures" in res.stderr
    assert res.stderr.splitlines()[-1] == (
        f"hadath: 1 failures from earlier runs in {tmp_path / 'o' / 'failures.jsonl'}")
    # a rerun of a clean run: everything already done, no rate, exit 0
    res = run(tmp_path, tmp_path / "b")
    assert res.exit_code == 0 and "1 already done;" in res.stderr and "articles/s" not in res.stderr
