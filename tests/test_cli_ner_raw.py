"""``hadath ner --conll``: a one-column file (tokens, no gold tags) is tagged as raw text; an empty file is an error."""
from __future__ import annotations

import re
import sys
import types

import pytest
from click.testing import CliRunner

from hadath.cli import cli

SET = re.compile(r"O|[BI]-(?:PERS|LOC|ORG|MISC)")
RAW = "قال\nالرئيس\nباراك\nأوباما\nفي\nواشنطن\n\nوصل\nالوفد\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture()
def fake_model(monkeypatch):
    """A stand-in tag_conll: PRED B-LOC for واشنطن, else O (reads "token GOLD" lines, writes "token GOLD PRED")."""
    seen = []

    def tag_conll(i, o):
        text = open(i, encoding="utf-8").read()
        seen.append(text)
        out = "".join(f"{ln} {'B-LOC' if ln.startswith('واشنطن') else 'O'}\n" if ln else "\n"
                      for ln in text.splitlines())
        with open(o, "w", encoding="utf-8") as fh:
            fh.write(out)
        return sum(1 for ln in text.splitlines() if ln)

    mod = types.ModuleType("hadath.extract.entities.ner_model")
    mod.tag_conll = tag_conll
    monkeypatch.setitem(sys.modules, "hadath.extract.entities.ner_model", mod)
    return seen


def test_one_column_writes_token_pred(tmp_path, fake_model):
    src = tmp_path / "raw.conll"
    src.write_text(RAW, "utf-8")
    out = tmp_path / "out.conll"
    res = run("ner", "--conll", str(src), "--out", str(out))
    assert res.exit_code == 0, res.stderr
    assert res.stderr == f"hadath: tagged 8 tokens -> {out}\n"
    assert out.read_text("utf-8") == ("قال O\nالرئيس O\nباراك O\nأوباما O\nفي O\nواشنطن B-LOC\n\n"
                                      "وصل O\nالوفد O\n")
    # the model saw the sentence break
    assert fake_model[0].split("\n\n")[0].splitlines()[-1] == "واشنطن O"


def test_one_column_stdin_to_stdout(fake_model):
    res = run("ner", "--conll", "-", input="-DOCSTART-\nفي\nواشنطن\n".encode())
    assert res.exit_code == 0
    assert [ln for ln in res.stdout.splitlines() if ln] == ["في O", "واشنطن B-LOC"]


@pytest.mark.parametrize("text", ["", "\n\n", "-DOCSTART-\n\n"])
def test_no_tokens_is_an_error(tmp_path, text, fake_model):
    src = tmp_path / "e.conll"
    src.write_text(text, "utf-8")
    res = run("ner", "--conll", str(src))
    assert res.exit_code == 1
    assert res.stderr == f"hadath: error: {src}: no tokens (expected 'token' or 'token TAG' lines)\n"
    assert fake_model == []


def test_mixed_columns_keep_the_two_column_check(tmp_path, fake_model):
    src = tmp_path / "m.conll"
    src.write_text("قال O\nالرئيس\n", "utf-8")
    res = run("ner", "--conll", str(src))
    assert res.exit_code == 1
    assert res.stderr == (f"hadath: error: {src}: line 2: expected 2 columns (token TAG), "
                          "found a token or a tag alone: 'الرئيس'\n")


def test_all_lines_skipped_is_an_error(fake_model):
    res = run("ner", "--conll", "-", "--skip-malformed", input="قال O x\nفي B-GPE\n".encode())
    assert res.exit_code == 1
    assert res.stderr.splitlines()[-1] == "hadath: error: <stdin>: no tokens left after skipping malformed lines"


def test_real_model_tags_raw_tokens(tmp_path):
    pytest.importorskip("onnxruntime")
    src = tmp_path / "raw.conll"
    src.write_text(RAW, "utf-8")
    res = run("ner", "--conll", str(src))
    assert res.exit_code == 0, res.stderr
    rows = [ln.split() for ln in res.stdout.splitlines() if ln]
    assert [r[0] for r in rows] == RAW.split()
    assert all(len(r) == 2 and SET.fullmatch(r[1]) for r in rows)
