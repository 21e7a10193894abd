"""hadath export on a file that is not a documents.jsonl, on many bad lines, and to an unwritable --out."""
from __future__ import annotations

import json

from click.testing import CliRunner

from hadath.cli import cli

DOC = {"schema": "hadath.document/1", "id": "d1", "text": "نص", "events": []}


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_a_csv_file_is_one_error_not_a_warning_a_line(tmp_path):
    f = tmp_path / "events.csv"
    f.write_text("id,type\n" + "".join(f"e{i},ASSAULT\n" for i in range(500)), "utf-8")
    res = run("export", str(f), "--format", "csv", "--out", str(tmp_path / "o.csv"))
    assert res.exit_code == 1
    assert res.stderr.count("\n") == 1
    assert res.stderr.startswith(f"hadath: error: {f}: not a documents.jsonl of hadath: none of its 501 lines")
    assert not (tmp_path / "o.csv").exists()


def test_many_bad_lines_are_named_up_to_ten_then_counted(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps(DOC, ensure_ascii=False) + "\n" + "".join(f"bad {i}\n" for i in range(25)), "utf-8")
    res = run("export", str(f), "--format", "csv", "--out", str(tmp_path / "o.csv"))
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert sum(1 for x in lines if ": skipped: " in x) == 10
    assert f"hadath: warning: {f}: 15 more bad lines skipped" in lines
    assert lines[-1].endswith(f"25 bad lines of {f} skipped")
    assert (tmp_path / "o.csv").read_text("utf-8").startswith("doc_id,event_id,")


def test_unwritable_out_names_the_out_path(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps(DOC, ensure_ascii=False) + "\n", "utf-8")
    bad = tmp_path / "missing" / "x.csv"
    res = run("export", str(f), "--format", "csv", "--out", str(bad))
    assert res.exit_code == 1
    assert res.stderr == f"hadath: error: {bad}: cannot write: folder {bad.parent} does not exist\n"
    res = run("export", str(f), "--format", "csv", "--out", str(tmp_path))
    assert res.exit_code == 1 and res.stderr == f"hadath: error: {tmp_path}: --out is a folder; give a file name\n"
