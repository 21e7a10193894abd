"""hadath export takes the output folder of hadath run (its documents.jsonl), the file itself, or -."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hadath.cli import cli

TEXT = "قصفت طائرات حربية مدينة حلب يوم الخميس 5 مايو 2016، وقال مسؤول إن 12 شخصا قتلوا في القصف."


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("exp")
    src = base / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": TEXT, "published": "2016-05-06"}, ensure_ascii=False) + "\n",
                   "utf-8")
    out = base / "out"
    res = run("run", str(src), "--out", str(out), "--jobs", "1", "--no-progress")
    assert res.exit_code == 0, res.stderr
    return out


def test_folder_reads_its_documents_jsonl(run_dir):
    by_dir = run("export", str(run_dir), "--format", "plover")
    by_file = run("export", str(run_dir / "documents.jsonl"), "--format", "plover")
    assert by_dir.exit_code == 0 and by_dir.stderr == ""
    assert by_dir.stdout == by_file.stdout
    recs = [json.loads(x) for x in by_dir.stdout.splitlines()]
    assert recs and all(r["id"].startswith("a1-") for r in recs)
    assert any(r["event"] == ["ASSAULT"] and r["date"] == "2016-05-05" for r in recs)


def test_folder_to_csv_file(run_dir, tmp_path):
    out = tmp_path / "ev.csv"
    res = run("export", str(run_dir), "--format", "csv", "--out", str(out))
    assert res.exit_code == 0
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) >= 2 and "a1" in lines[1]


def test_folder_without_documents_is_one_line_error(tmp_path):
    res = run("export", str(tmp_path), "--format", "plover")
    assert res.exit_code == 1 and res.stdout == ""
    assert res.stderr == (f"hadath: error: {tmp_path}: folder has no documents.jsonl "
                          "(give the --out folder of 'hadath run' or its documents.jsonl)\n")


def test_missing_path_is_one_line_error(tmp_path):
    res = run("export", str(tmp_path / "nope"), "--format", "csv")
    assert res.exit_code == 1
    assert res.stderr == f"hadath: error: {tmp_path / 'nope'}: no such file or folder\n"


def test_help_names_the_folder():
    res = run("export", "--help")
    assert res.exit_code == 0
    assert "DOCUMENTS.jsonl|DIR|-" in res.stdout and "output folder of 'hadath run'" in res.stdout
