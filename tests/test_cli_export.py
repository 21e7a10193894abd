"""hadath export: bad lines of a documents.jsonl are skipped with a warning, the rest exported, exit 1."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hadath.cli import _good_document_lines, cli


def doc(i: int) -> dict:
    ev = {"id": "e1", "type": "ASSAULT", "mode": "aerial", "trigger": {"start": 0, "end": 3, "text": "قصف"},
          "actor": None, "recipient": None, "location": None, "date": None, "rule": "r1"}
    return {"id": f"d{i}", "metadata": {"published": {"value": "2016-06-08"}, "headline": None}, "events": [ev]}


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture()
def broken(tmp_path):
    p = tmp_path / "brk.jsonl"
    lines = [json.dumps(doc(1)), '{"id": "x", "text": "abc', "[1]", json.dumps({"id": "y"}), "", json.dumps(doc(2))]
    p.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe\n")
    return p


def test_bad_lines_skipped_rest_exported(broken):
    res = run("export", str(broken), "--format", "plover")
    assert res.exit_code == 1
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["d1-e1", "d2-e1"]
    assert res.stderr.splitlines() == [
        f"hadath: warning: {broken}:2: skipped: not a JSON document "
        "(Unterminated string starting at: line 1 column 21 (char 20))",
        f"hadath: warning: {broken}:3: skipped: expected a JSON object, got list",
        f"hadath: warning: {broken}:4: skipped: not a hadath document (no 'events')",
        f"hadath: warning: {broken}:7: skipped: not UTF-8 text (invalid start byte at byte 0)",
        f"hadath: exported 2 events of the other documents; 4 bad lines of {broken} skipped",
    ]


def test_stdin_and_csv(broken, tmp_path):
    out = tmp_path / "ev.csv"
    res = run("export", "-", "--format", "csv", "--out", str(out), input=broken.read_bytes())
    assert res.exit_code == 1
    assert len(out.read_text("utf-8").splitlines()) == 3  # header + 2 events
    assert "hadath: warning: -:2: skipped: not a JSON document" in res.stderr


def test_clean_file_exit_0(tmp_path):
    p = tmp_path / "ok.jsonl"
    p.write_text(json.dumps(doc(1)) + "\n" + json.dumps(doc(2)) + "\n", "utf-8")
    res = run("export", str(p), "--format", "plover")
    assert res.exit_code == 0 and res.stderr == ""
    assert len(res.stdout.splitlines()) == 2
    res = run("export", "-", "--format", "plover", input=p.read_bytes())
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == 2


def test_arrays_and_single_documents_pass_whole():
    arr = json.dumps([doc(1), doc(2)], indent=1).encode()
    assert _good_document_lines(arr) == (arr, [])
    one = json.dumps(doc(1), indent=1).encode()
    assert _good_document_lines(one) == (one, [])
    assert _good_document_lines(b"") == (b"", [])
