"""Lint of the times lexicons and rules (ar/*.yaml) and unit checks of the tables."""
from __future__ import annotations

import unicodedata

import pytest

from hadath.extract.times.rules import LEXICON_FILES, TimeLexicon, load_yaml
from hadath.text.normalize import normalize_word


def _strings(node, path=""):
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(k, path) if isinstance(k, str) else iter(())
            yield from _strings(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _strings(v, f"{path}[{i}]")


@pytest.mark.parametrize("name", LEXICON_FILES)
def test_lexicon_file_is_clean(name):
    data = load_yaml(name)
    for path, s in _strings(data):
        assert s == unicodedata.normalize("NFC", s), (name, path, s)
        assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in s), (name, path, s)
        assert s.strip(), (name, path)


def _name_lists(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _name_lists(v, f"{path}/{k}")
    elif isinstance(node, list):
        if node and all(isinstance(x, str) for x in node):
            yield path, node
        else:
            for i, v in enumerate(node):
                yield from _name_lists(v, f"{path}[{i}]")


@pytest.mark.parametrize("name", [n for n in LEXICON_FILES if n != "rules.yaml"])
def test_no_duplicates_after_normalisation(name):
    data = load_yaml(name)
    for path, names in _name_lists(data):
        normed = [normalize_word(n) for n in names]
        assert len(normed) == len(set(normed)), (name, path, names)


def test_month_series_do_not_collide():
    data = load_yaml("months.yaml")
    seen: dict[str, str] = {}
    for series in ("gregorian", "hijri"):
        for e in data[series]:
            for n in e["names"]:
                k = normalize_word(n)
                assert k not in seen, (n, seen.get(k), e["id"])
                seen[k] = e["id"]


def test_rule_ids_unique_and_compiled():
    lex = TimeLexicon.load()
    ids = [r.id for r in lex.rules]
    assert len(ids) == len(set(ids))
    assert len(ids) == len(load_yaml("rules.yaml")["rules"])


@pytest.fixture(scope="module")
def lex() -> TimeLexicon:
    return TimeLexicon.load()


@pytest.mark.parametrize("text,value", [
    ("ثلاثه", 3), ("ثلاث", 3), ("عشر", 10), ("احد عشر", 11), ("اثنا عشر", 12), ("خمسه عشر", 15),
    ("عشرين", 20), ("خمسه وعشرين", 25), ("الاربع وعشرين", 24), ("ثلاثين", 30), ("مئه", 100), ("24", 24),
])
def test_number_words(lex, text, value):
    assert lex.parse_number(normalize_word(text)) == value


def test_ordinals(lex):
    assert lex.parse_ordinal("الحادى والعشرين") == 21
    assert lex.parse_ordinal("الثالثه") == 3
    assert lex.parse_ordinal("الثلاثين") == 30
