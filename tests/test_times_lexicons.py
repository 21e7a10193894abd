"""Unit checks of the times tables (ar/*.yaml).

The file lint (NFC, presentation forms, empty entries, duplicates, duplicates after
normalisation, rule ids) is done for every data file by tests/test_lexicon_lint.py.
"""
from __future__ import annotations

import pytest

from hadath.extract.times.rules import TimeLexicon, load_yaml
from hadath.text.normalize import normalize_word


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
