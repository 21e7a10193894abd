"""The shortcuts of the times matcher never change what the rules find.

* every rule's prefilter (``Rule.prefilters``, derived from its regex) finds
  something inside every match of the rule (so does its gate, ``Rule.gate``),
  and every prefilter match holds one
  of its rare strings (``Rule.anchors``);
* ``trigger_spans`` on the shared token list equals the plain definition
  (every run of two or more letters looked up, digit runs for DIGIT, four-digit
  runs from 1 or 2 for YEAR4), and every match of a rule holds a trigger of its
  ``needs``;
* ``numbers.tokenize`` gives the tokens of ``TOKEN_RE.finditer``;
* ``_alt`` (prefix-tree alternation) matches what the flat longest-first
  alternation matches.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from hadath.extract.quantities.numbers import TOKEN_RE, tokenize
from hadath.extract.times.rules import TimeLexicon, _alt, _n, required_pattern
from hadath.text.normalize import normalize

CORPUS = Path(__file__).parent / "corpus"


def _strings() -> list[str]:
    out: list[str] = []

    def walk(x):
        if isinstance(x, str):
            if x.strip():
                out.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for f in sorted(CORPUS.glob("times_*.yaml")) + sorted(CORPUS.glob("quantities_*.yaml")):
        walk(yaml.safe_load(f.read_text("utf-8")))
    return out


@pytest.fixture(scope="module")
def lex() -> TimeLexicon:
    return TimeLexicon.load()


@pytest.fixture(scope="module")
def texts(sample_text) -> list[str]:
    strings = _strings()
    # corpus strings one by one, plus all of them joined (longer texts, more windows)
    return [normalize(t).text for t in [sample_text, "\n".join(strings)] + strings]


def test_prefilters_find_something_in_every_match(lex, texts):
    checked = 0
    for rule in lex.rules:
        for text in texts[:2]:
            for m in rule.regex.finditer(text):
                for pre in rule.prefilters + ((rule.gate,) if rule.gate is not None else ()):
                    assert pre.search(text, m.start(), m.end()), (rule.id, m.group())
                checked += 1
    assert checked > 300


def test_anchors_are_in_every_prefilter_match(lex, texts):
    """``Rule.anchors``: each match of a prefilter holds one of its rare strings (so a window
    without them is dropped without the search, as ``find`` does)."""
    checked = 0
    for rule in lex.rules:
        assert len(rule.anchors) == len(rule.prefilters)
        for pre, anchors in zip(rule.prefilters, rule.anchors):
            if not anchors:
                continue
            for text in texts[:2]:
                for m in pre.finditer(text):
                    assert any(a in m.group() for a in anchors), (rule.id, m.group(), anchors)
                    checked += 1
    assert checked > 50
    assert sum(1 for r in lex.rules if any(r.anchors)) >= 8


def test_prefilter_derivation_examples():
    rx = re.compile(r"(?<!\w)(?:عام\s+)?(?P<y>1[34]\d\d)\s?(?P<hm>ه|هجري)(?!\w)")
    pat = required_pattern(rx)
    assert re.search(pat, "في عام 1437 هجري") and not re.search(pat, "في عام 2016")
    assert required_pattern(re.compile(r"\d+")) is None


_WORDS = re.compile(r"[^\W\d_]{2,}")
_LETTER = re.compile(r"[^\W\d_]")


def _trigger_spans_plain(lex: TimeLexicon, text: str) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for m in _WORDS.finditer(text):
        keys = lex._keys_of(m.group())
        for k in keys or ():
            out.setdefault(k, []).append(m.span())
    digits = [m.span() for m in re.finditer(r"\d+", text)]
    if digits:
        out["DIGIT"] = digits
    years = [m.span() for m in re.finditer(r"(?<!\d)[12]\d{3}(?!\d)", text)]
    if years:
        out["YEAR4"] = years
    toks = list(TOKEN_RE.finditer(text))
    num_units = []
    for a, b in zip(toks, toks[1:]):
        if b.span() in out.get("UNIT", ()) and (not a.group().isalpha()
                                                 or any(a.group()[j:] in lex.num_atoms for j in range(7))):
            num_units.append(b.span())
    if num_units:
        out["NUMUNIT"] = num_units
    return out


def test_every_match_holds_a_trigger_of_its_rule(lex, texts):
    """The rules run only around their triggers (``needs``): each match must hold one."""
    checked = 0
    for text in texts[:2]:
        spans = lex.trigger_spans(text, tokenize(text))
        for rule in lex.rules:
            occ = [sp for key in rule.needs for sp in spans.get(key, ())]
            for m in rule.regex.finditer(text):
                assert any(m.start() <= a and b <= m.end() for a, b in occ), (rule.id, m.group())
                checked += 1
    assert checked > 300


def test_trigger_forms_are_every_token_with_triggers(lex):
    table = lex._trigger_forms()
    words = ["العام", "والعام", "وبالعام", "وxالعام", "للعام", "وللشهر", "الايام", "لليومين", "عامين", "يونيو",
             "ويونيو", "بيونيو", "مدينه", "الرياض", "وقال", "صباحا", "والساعه"]
    for w in words:
        if all("\u0621" <= c <= "\u064a" for c in w):
            assert set(table.get(w, ())) == (lex._keys_of(w) or set()), w


@pytest.mark.parametrize("extra", ["", "وxالشهر الماضي", "بیالاسبوع المقبل 12", "abcالعام éفي 2015"])
def test_trigger_spans_equal_plain_definition(lex, texts, extra):
    for text in texts[:40]:
        text = text + " " + extra
        assert lex.trigger_spans(text, tokenize(text)) == _trigger_spans_plain(lex, text)


def test_tokenize_equals_token_re(texts):
    for text in texts[:60] + ["", "abc", "1,500.25 و٣", "قتل 14٬500 شخص."]:
        t = tokenize(text)
        assert list(zip(t.starts, t.ends, t.words)) == [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
        assert t.vocab == set(t.words)


@pytest.mark.parametrize("words", [
    ["يناير", "يونيو", "يوليو", "يونيه"],
    ["كانون", "كانون الثاني", "كانون الأول", "كانون 2"],
    ["ال", "الا", "الاول", "الاولى", "الان"],
])
def test_alt_matches_like_flat_alternation(words):
    forms = sorted({_n(w) for w in words}, key=lambda s: (-len(s), s))
    flat = re.compile("(?:" + "|".join(r"\s+".join(map(re.escape, f.split(" "))) for f in forms) + ")")
    tree = re.compile(_alt(words))
    probes = [f + tail for f in forms for tail in ("", " ", "ه", " 2", "  الثانى")] + ["كانون   الثانى", "xx"]
    for p in probes:
        a, b = flat.match(p), tree.match(p)
        assert (a and a.group()) == (b and b.group()), p


def test_gap_pretest_accepts_every_composable_gap():
    from hadath.extract.times import match as M

    gaps = ["", " ", " ، ", " (", ") ", " - ", " – ", " | ", "\n", " من ", " يوم ", " من يوم ", " فى ", " حوالى ",
            " عند ", " الى ", " حتى ", " ولغايه ", " والى ", " وحتى ", " و ", "، يوم ", "  من  يوم  ", " على "]
    pats = [M._G0, M._G_DATE_TIME, M._G_TIME_DATE, M._G_DP, M._G_PART, M._G_RANGE, M._G_OF_YEAR]
    text = "x" + "x".join(gaps) + "x"
    pos = 1
    for g in gaps:
        if any(p.match(g) for p in pats):
            assert M._G_ANY.match(text, pos, pos + len(g)), repr(g)
        pos += len(g) + 1
    assert not M._G_ANY.match("قال الرئيس ")


def test_is_letter_is_the_letter_class():
    """``rules._is_letter`` (two str methods) answers like ``_LETTER`` for every code point."""
    from hadath.extract.times.rules import _LETTER as letter_rx, _is_letter

    assert all(_is_letter(chr(c)) == bool(letter_rx.match(chr(c))) for c in range(0x110000))


def test_lead_starts_every_match(lex, texts):
    """``Rule.lead``: the rule's first item matches where ``whole`` starts, at most ``back`` after the match."""
    checked = 0
    for rule in lex.rules:
        if rule.lead is None:
            continue
        lead, back = rule.lead
        for text in texts[:2]:
            for m in rule.regex.finditer(text):
                assert m.start("whole") - m.start() <= back
                assert lead.match(text, m.start("whole"), m.end()), (rule.id, m.group())
                checked += 1
    assert checked > 100


def test_no_match_made_by_a_window_cut(lex):
    """A window that ends inside a word gives no match there: "الان" of "الانتخابات" is no "now".

    The window of the trigger "الآن" ends 70 code points after it, here four letters
    into "الانتخابات"; the match at the window's end is redone on the whole text and
    dropped when the whole text does not hold it.
    """
    from hadath.extract.times.match import _FWD, find

    trigger_end = len("قال الان")
    word_at = trigger_end + _FWD - 4  # the window ends four letters into the last word
    text = normalize("قال الآن " + "ث" * (word_at - len("قال الآن ") - 1) + " الانتخابات").text
    assert text.index("الانتخابات") == word_at
    found = [(c["rule"], text[c["s"]:c["e"]]) for c in find(lex, text)]
    assert found == [("now", "الان")]
