"""Corpus test of the Arabic number parser (tests/corpus/quantities_numbers.yaml) and ordinals."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.extract.quantities.numbers import find_numbers, parse_digits, parse_number, parse_ordinal
from hadath.text.normalize import normalize

CORPUS = yaml.safe_load((Path(__file__).parent / "corpus" / "quantities_numbers.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CORPUS, ids=[c["in"] for c in CORPUS])
def test_number_corpus(case):
    n = normalize(case["in"])
    m = parse_number(n.text, 0)
    assert m is not None, case["in"]
    assert m.value == pytest.approx(case["value"]), case["in"]
    assert m.approx == case.get("approx", False)
    if "min" in case:
        assert m.min == case["min"]
    if "max" in case:
        assert m.max == case["max"]
    if "text" in case:
        a, b = n.raw_span(m.start, m.end)
        assert case["in"][a:b] == case["text"]
    else:
        assert m.end == len(n.text), "the whole input is one number"


def test_corpus_size():
    assert len(CORPUS) >= 140


@pytest.mark.parametrize("s,value", [
    ("الأول", 1), ("الأولى", 1), ("الثاني", 2), ("الثانية", 2), ("الثالث", 3), ("الثالثة", 3), ("الرابع", 4),
    ("الخامسة", 5), ("السادس", 6), ("السابع", 7), ("الثامن", 8), ("التاسع", 9), ("العاشر", 10),
    ("الحادي عشر", 11), ("الحادية عشرة", 11), ("الثاني عشر", 12), ("الثالث عشر", 13), ("التاسع عشر", 19),
    ("الحادي والعشرين", 21), ("الثالث والعشرون", 23), ("للمرة الثالثة", None),
])
def test_ordinals(s, value):
    n = normalize(s).text
    if value is None:
        m = parse_ordinal(n, n.index(" ") + 1)
        assert m is not None and m.value == 3
        return
    m = parse_ordinal(n, 0)
    assert m is not None and m.value == value and m.kind == "ordinal" and m.end == len(n)


@pytest.mark.parametrize("s", ["أحد المسؤولين", "إحدى الدول", "اثنا", "عبد الله", "الوزير", "", "وزارة", "مليونية"])
def test_not_numbers(s):
    assert parse_number(normalize(s).text, 0) is None


@pytest.mark.parametrize("s,v", [("1.2.3", None), ("12", 12), ("1,5", 1.5), ("1٬234٬567", 1234567)])
def test_parse_digits(s, v):
    assert parse_digits(s) == v


def test_find_numbers_lists_separate_numbers():
    n = normalize("ثلاثة أو أربعة، و15 ألفا").text
    assert [m.value for m in find_numbers(n)] == [3, 4, 15000]


def test_tokenize_digit_tokens():
    # Tokens.digits: the tokens that are not letters, ASCII digits or other scripts' digits
    from itertools import filterfalse

    from hadath.extract.quantities.numbers import TOKEN_RE, tokenize
    text = "قتل 14٬500 شخص و٣ جرحى في ٢٠١٥ و५ ثم 1.5 يارد ٠٩"
    t = tokenize(text)
    assert t.words == TOKEN_RE.findall(text)
    assert t.digits == set(filterfalse(str.isalpha, t.vocab)) == {"14٬500", "٣", "٢٠١٥", "५", "1.5", "٠٩"}


def test_candidates_reach_duals_and_prefixed_thousands():
    # the stage's candidate tokens: a feminine dual outside the lexicon (found by its ending),
    # and "لل" + a number word in ال ("للفين" reads "الفين")
    from hadath.document import Document
    from hadath.extract.quantities import QuantityExtractor
    from hadath.pipeline import State
    from hadath.settings import Settings
    q = QuantityExtractor(Settings())
    assert "للفين" in q._cand_words
    st = State(doc=Document(text="وصادرت قوات الأمن مجموعتين من الأسلحة"), settings=Settings())
    q(st)
    assert [(x["text"], x["value"], x["rule"]) for x in st.doc.quantities] == [("مجموعتين", 2, "count.dual")]
