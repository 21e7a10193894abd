"""``hadath ner --conll IN --out OUT``: malformed input gives one line naming file and line; tag set PERS.

Reproducer (before the fix): the reader took the last column of any line and gave a one-column line the
tag ``O``, so "a O x", "b PERSON", "c X-LOC" and a lone "O" were tagged without a word; a gold file in the
CoNLL-2003 spelling (B-PER) was copied as is next to PRED B-PERS, so every person counted as an error.
"""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from hadath.cli import NER_TYPES, check_conll, cli

SET = re.compile(r"O|[BI]-(?:PERS|LOC|ORG|MISC)")
GOOD = "قال O\nالرئيس O\nباراك B-PER\nأوباما I-PER\nفي O\nواشنطن B-LOC\n\nوصل O\nالوفد I-ORG\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("bad,line,problem", [
    ("قال O\nالرئيس\n", 2, "expected 2 columns (token TAG), found a token or a tag alone: 'الرئيس'"),
    ("قال O\n O\n", 2, "expected 2 columns (token TAG), found a token or a tag alone: 'O'"),
    ("قال O\n\nالرئيس O x\n", 3, "expected 2 columns (token TAG), found 3 columns: 'الرئيس O x'"),
    ("قال O\nباراك PERSON\n", 2, "tag 'PERSON' is not a BIO tag of the ANERcorp set (O, or B-/I- + PERS, LOC, ORG, MISC)"),
    ("واشنطن X-LOC\n", 1, "tag 'X-LOC' is not a BIO tag of the ANERcorp set (O, or B-/I- + PERS, LOC, ORG, MISC)"),
    ("واشنطن B-GPE\n", 1, "tag 'B-GPE' is not a BIO tag of the ANERcorp set (O, or B-/I- + PERS, LOC, ORG, MISC)"),
    ("باراك B-PERSON\n", 1, "tag 'B-PERSON' is not a BIO tag of the ANERcorp set (O, or B-/I- + PERS, LOC, ORG, MISC)"),
    ("باراك b-pers\n", 1, "tag 'b-pers' is not a BIO tag of the ANERcorp set (O, or B-/I- + PERS, LOC, ORG, MISC)"),
])
def test_malformed_line_is_one_line_error(tmp_path, bad, line, problem):
    src = tmp_path / "in.conll"
    src.write_text(bad, "utf-8")
    out = tmp_path / "out.conll"
    res = run("ner", "--conll", str(src), "--out", str(out))
    assert res.exit_code == 1
    assert res.stderr == f"hadath: error: {src}: line {line}: {problem}\n"
    assert res.stdout == "" and not out.exists()


def test_stdin_is_named(tmp_path):
    res = run("ner", "--conll", "-", input="قال O\nباراك PERSON\n".encode())
    assert res.exit_code == 1
    assert res.stderr.startswith("hadath: error: <stdin>: line 2: tag 'PERSON'")


def test_skip_malformed_warns_per_line(tmp_path):
    res = run("ner", "--conll", "-", "--skip-malformed", input="قال O\nالرئيس\nفي O x\nواشنطن B-LOC\n".encode())
    assert res.exit_code == 0
    assert res.stderr.splitlines() == [
        "hadath: warning: <stdin>: line 2: expected 2 columns (token TAG), found a token or a tag alone: "
        "'الرئيس'; line skipped",
        "hadath: warning: <stdin>: line 3: expected 2 columns (token TAG), found 3 columns: 'في O x'; line skipped"]
    assert [ln.split()[:2] for ln in res.stdout.splitlines() if ln] == [["قال", "O"], ["واشنطن", "B-LOC"]]


def test_output_in_anercorp_tag_set_in_the_gold_spelling(tmp_path):
    src = tmp_path / "gold.conll"
    src.write_text(GOOD, "utf-8")
    out = tmp_path / "pred.conll"
    res = run("ner", "--conll", str(src), "--out", str(out))
    assert res.exit_code == 0, res.stderr
    assert res.stderr == f"hadath: tagged 8 tokens -> {out}\n"
    rows = [ln.split() for ln in out.read_text("utf-8").splitlines()]
    toks = [r for r in rows if r]
    assert all(len(r) == 3 for r in toks)
    # GOLD as the file spells it (B-PER/I-PER); I- after O is kept (it starts an entity)
    assert [r[1] for r in toks] == ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "I-ORG"]
    # PRED: ANERcorp types in the gold file's spelling of the person type; the model finds the person
    assert all(SET.fullmatch(r[2].replace("-PER", "-PERS").replace("-PERSS", "-PERS")) for r in toks), \
        {r[2] for r in toks}
    assert [r[2] for r in toks[2:4]] == ["B-PER", "I-PER"]
    assert rows[6] == []  # the sentence break is kept


def test_docstart_is_a_sentence_break():
    text, warnings = check_conll("-DOCSTART- -X- -X- O\n\nقال O\n", "x")
    assert (text, warnings) == ("\n\nقال O\n", [])


def test_check_conll_maps_only_per():
    text, _ = check_conll("a B-PER\nb I-PER\nc B-PERS\nd I-MISC\ne O\n", "x")
    assert text == "a B-PERS\nb I-PERS\nc B-PERS\nd I-MISC\ne O\n"
    assert NER_TYPES == ("PERS", "LOC", "ORG", "MISC")


def test_unreadable_inputs(tmp_path):
    res = run("ner", "--conll", str(tmp_path / "nope.conll"))
    assert res.exit_code == 1 and res.stderr == f"hadath: error: {tmp_path / 'nope.conll'}: no such file\n"
    bad = tmp_path / "image.conll"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    res = run("ner", "--conll", str(bad))
    assert res.exit_code == 1 and res.stderr.startswith(f"hadath: error: {bad}: binary data")
    ok = tmp_path / "ok.conll"
    ok.write_text("قال O\n", "utf-8")
    res = run("ner", "--conll", str(ok), "--out", str(tmp_path / "no" / "dir" / "o.conll"))
    assert res.exit_code == 1
    assert res.stderr == f"hadath: error: {tmp_path / 'no' / 'dir' / 'o.conll'}: cannot write (No such file or directory)\n"


@pytest.mark.shared
def test_anercorp_train_file_has_malformed_lines(shared_data):
    """The shared ANERcorp file itself holds 6 malformed lines: the first stops the command."""
    src = shared_data / "ner" / "anercorp_train.conll"
    res = run("ner", "--conll", str(src), "--out", "-")
    assert res.exit_code == 1
    assert res.stderr == (f"hadath: error: {src}: line 79248: expected 2 columns (token TAG), "
                          "found a token or a tag alone: 'O'\n")


def test_legacy_encodings_are_read_with_a_warning(tmp_path):
    cp = tmp_path / "cp1256.conll"
    cp.write_bytes("قال O\nالرئيس O\nفي O\nباريس B-LOC\n".encode("cp1256"))
    res = run("ner", "--conll", str(cp))
    assert res.exit_code == 0, res.stderr
    assert res.stderr == f"hadath: warning: {cp}: not UTF-8; read as cp1256\n"
    assert res.stdout.splitlines()[3] == "باريس B-LOC B-LOC"
