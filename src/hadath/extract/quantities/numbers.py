"""Arabic number parser on normalised text: digits, number words, vague counts, ordinals.

Works on text produced by :func:`hadath.text.normalize.normalize` (ASCII
digits, alef/hamza folded, ة -> ه, final ي -> ى, bidi marks removed) and
returns offsets in that normalised text; map them back with
``Normalized.raw_span``. The word lists live in ``ar/numbers.yaml`` beside
this module (loaded once per :class:`NumberParser`).

Grammar (Modern Standard Arabic numerals, as in news text):

* digits with thousands/decimal separators ``٬ ٫ ، , .`` (``14٬500٫55``,
  ``1,500,000``, ``2.5``), optionally followed by a scale word
  (``150 ألف``, ``1.5 مليون``);
* number words in any gender/case/dual form joined with و in the Arabic
  order hundreds, units, tens (``مائة وخمسة وعشرون`` = 125), teens
  (``ثلاثة عشر``), split or joined hundreds with or without hamza
  (``أربع مئة``, ``أربعمائة``, ``مائتان``/``مئتين``), scales (``ألف``,
  ``ألفان``, ``ثلاثة آلاف``, ``مليون``, ``مليار``) and fractions
  (``مليون ونصف`` = 1,500,000, ``نصف مليون`` = 500,000);
* vague counts: ``بضعة`` (3-9), ``عدة`` (3+), ``عشرات`` (10+), ``مئات``
  (100+), plural scales alone (``آلاف`` 1000+), optionally multiplied
  (``عشرات الآلاف`` = 10,000+); they come back with ``approx=True``;
* ordinals (``الثالث``, ``الأولى``, ``الحادي عشر``) through
  :meth:`NumberParser.parse_ordinal` only.

Leading proclitics (و ف ب ل and the article ال) are accepted on the first
word; the returned ``start`` is after و ف ب ل but before ال
(``بالمئات`` -> ``المئات``).

Example:
    >>> from hadath.text.normalize import normalize
    >>> parse_number(normalize("مائتان وثلاثون").text, 0).value
    230
    >>> [m.value for m in find_numbers(normalize("قتل ثلاثة وجرح ١٤٬٥٠٠ شخص").text)]
    [3, 14500]
    >>> m = parse_number(normalize("المئات من المقاتلين").text, 0)
    >>> (m.value, m.approx, m.min, m.end)
    (100, True, 100, 6)
"""
from __future__ import annotations

import functools
import re
from importlib import resources
from itertools import accumulate, filterfalse
from typing import Any, NamedTuple

import yaml

from hadath.text.normalize import normalize_word

__all__ = ["NumberMatch", "NumberParser", "parse_number", "parse_ordinal", "find_numbers", "TOKEN_RE", "tokenize",
           "state_tokens", "Tokens"]


def _yaml_load(text: str) -> Any:
    """Parse YAML with libyaml's safe loader when PyYAML has it (same result, faster), else the Python one."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

#: A word (Arabic letters) or a digit run with internal separators, on normalised text.
TOKEN_RE = re.compile(r"[\u0621-\u064A]+|\d+(?:[.,\u066B\u066C\u060C]\d+)*")

# TOKEN_RE as one capturing group for re.split, written to match faster: it opens with a
# character class (so the search skips to the next letter or digit in C), the letter
# alternative applies after a letter only, and no repeat gives anything back (possessive:
# nothing follows them, so the tokens are the same).
_TOKEN_SPLIT = re.compile(r"([\u0621-\u064A\d](?:(?<=[\u0621-\u064A])[\u0621-\u064A]*+"
                          r"|\d*+(?:[.,\u066B\u066C\u060C]\d+)*+))")


class Tokens(NamedTuple):
    """The :data:`TOKEN_RE` tokens of a normalised text as parallel lists.

    Attributes:
        text: The normalised text.
        starts: Start offset of each token (code points).
        ends: End offset of each token (exclusive).
        words: The token strings.
        vocab: The set of distinct token strings.
        digits: The digit tokens of ``vocab`` (those that are not letters), a set.
    """

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]
    vocab: set[str]
    digits: set[str]


#: Every word of letters U+0621-U+064A sorts before this string, every digit token (ASCII or
#: other digits) before U+0621 or after it.
_LAST_LETTER_WORD = "\u064A\U0010FFFF"


def _digit_tokens(vocab: set[str]) -> set[str]:
    """The tokens of ``vocab`` that are digits: the ones that are not ``str.isalpha``.

    Every letter of the token alphabet (U+0621-U+064A, tatweel included) is
    alphabetic and no digit token holds one, so this is the same set as the
    comparison with :data:`_LAST_LETTER_WORD`; ``filterfalse`` runs the test
    in C, a fifth cheaper than a set comprehension.
    """
    return set(filterfalse(str.isalpha, vocab))


def tokenize(text: str) -> Tokens:
    """Split a normalised text into :data:`TOKEN_RE` tokens in one scan.

    Same tokens as ``TOKEN_RE.finditer(text)``; the offsets come from the
    lengths of the pieces of one ``re.split``.

    Example:
        >>> t = tokenize("قتل 14٬500 شخص.")
        >>> list(zip(t.starts, t.ends, t.words))
        [(0, 3, 'قتل'), (4, 10, '14٬500'), (11, 14, 'شخص')]
        >>> t.digits
        {'14٬500'}
    """
    parts = _TOKEN_SPLIT.split(text)
    offs = list(accumulate(map(len, parts)))
    words = parts[1::2]
    vocab = set(words)
    return Tokens(text, offs[0:-1:2], offs[1::2], words, vocab, _digit_tokens(vocab))


def state_tokens(state: Any) -> Tokens:
    """The tokens of ``state.norm.text``, computed once per document and kept in ``state.scratch``.

    Shared by the times and quantities stages (key ``"tq_tokens"``); the quantities stage, their
    last reader, drops them.
    """
    text = state.norm.text
    toks = state.scratch.get("tq_tokens")
    if toks is None or toks.text is not text:
        toks = state.scratch["tq_tokens"] = tokenize(text)
    return toks


_ARABIC_RUN = re.compile(r"[\u0621-\u064A]+")
_DIGIT_RUN = re.compile(r"\d+")
_match_start = re.Match.start
_DIGITS_RE = re.compile(r"\d+(?:[.,\u066B\u066C\u060C]\d+)*")
_SEP_SPLIT = re.compile(r"([.,\u066B\u066C\u060C])")  # the separators of a digit token, kept by split
_EXACT = 2 ** 53  # ints below this in magnitude survive a round trip through float
_PROCLITICS_CONJ = ("و", "ف")
_PROCLITICS_PREP = ("ب", "ل")  # not ك: "كمية" would read as ك + مية
# numbers only before عشر ("اثني" alone is also the verb أثنى, "praised")
_TEEN_FIRST_ONLY = frozenset(["احد", "احدى", "اثنا", "اثنتا", "اثنى", "اثنتى"])

# word categories
UNIT, TEEN_TEN, TENS, HUNDRED, HUNDRED_DUAL, HUNDREDS, SCALE_S, SCALE_D, SCALE_P, FRACTION, VAGUE = range(11)
ORD, ORD_TEEN_FIRST = 11, 12


class NumberMatch(NamedTuple):
    """One number found in normalised text.

    The first three fields are ``(value, end, approx)`` so a caller may write
    ``value, end, approx, *_ = m``.

    Attributes:
        value: The number (int when integral, else float); for vague counts
            the lower bound (``المئات`` -> 100), as the gold guide asks.
        end: Normalised end offset (exclusive, code points).
        approx: True for vague counts (بضعة، عشرات، المئات، آلاف).
        start: Normalised start offset (after و ف ب ل proclitics).
        min: Lower bound (vague counts) or None.
        max: Upper bound (بضعة -> 9) or None.
        kind: "digits", "words", "mixed" (digits + scale word), "vague" or "ordinal".
        rule: Id of the rule that produced it (e.g. "num.words", "vague.hundreds").
    """

    value: int | float | None
    end: int
    approx: bool
    start: int
    min: int | float | None = None
    max: int | float | None = None
    kind: str = "words"
    rule: str = "num.words"


#: ``_tuple_new(NumberMatch, fields)`` is ``NumberMatch(*fields)`` for all eight fields, without the
#: Python-level ``__new__`` of the named tuple (a frame per number).
_tuple_new = tuple.__new__


def _num(v: float) -> int | float:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, float):
        return round(v, 6)
    return v


def parse_digits(s: str) -> int | float | None:
    """Read a digit string with Arabic or Latin separators.

    ``٫`` is always a decimal point. A group separator (``٬``, ``,`` or
    ``،``) separates thousands only when exactly three digits follow it
    (``1,500`` = 1500, ``1,234,567``); the last one followed by one, two or
    more than three digits is a decimal comma (``١٬٥`` and ``1,5`` = 1.5,
    ``12,50`` = 12.5: writers and keyboards put ``٬`` or ``,`` for ``٫``).
    ``.`` is a decimal point unless it appears more than once with
    three-digit groups (``1.500.000``).

    Args:
        s: ASCII digits with separators (normalised text).

    Returns:
        The number (int when integral), or None when ``s`` is not a number.

    Example:
        >>> parse_digits("14٬500٫55"), parse_digits("1,500,000"), parse_digits("2.5"), parse_digits("3،5")
        (14500.55, 1500000, 2.5, 3.5)
        >>> parse_digits("1\u066c5"), parse_digits("1,5"), parse_digits("12,50"), parse_digits("1,500")
        (1.5, 1.5, 12.5, 1500)
    """
    if s.isdecimal():  # digits only (exactly what \d matches: Unicode category Nd)
        return int(s)
    parts = _SEP_SPLIT.split(s)
    if len(parts) == 3:
        # one separator, the common case ("2.5", "1,500", "3٫5"): the rules below for it, without the
        # regex check and the loop (two decimal groups around it are exactly what _DIGITS_RE asks)
        a, sep, g = parts
        if not (a.isdecimal() and g.isdecimal()):
            return None
        if len(g) == 3 and sep in ",\u066C\u060C":
            return int(a + g)
        return _num(float(f"{int(a)}.{g}"))
    if not _DIGITS_RE.fullmatch(s):
        return None
    groups = parts[0::2]
    seps = parts[1::2]
    if not seps:
        return int(s)
    intpart = groups[0]
    frac = ""
    for i, sep in enumerate(seps):
        g = groups[i + 1]
        last = i == len(seps) - 1
        if sep == "\u066B":
            if frac:
                return None
            frac = g
        elif sep == ".":
            dots = seps.count(".")
            dot_groups = [x for x, sp in zip(groups[1:], seps) if sp == "."]
            if dots > 1 and all(len(x) == 3 for x in dot_groups):
                intpart += g
            elif dots > 1 and all(len(x) == 3 for x in dot_groups[:-1]) and not last:
                intpart += g  # "134.230.802.95": thousands dots, then a decimal dot
            elif not frac and last:
                frac = g
            else:
                return None
        else:  # ٬ , or ، : thousands only before exactly three digits ("١٬٥" and "1,5" are 1.5)
            if len(g) == 3 and not frac:
                intpart += g
            elif last and not frac:
                frac = g
            else:
                return None
    if frac:
        return _num(float(f"{int(intpart)}.{frac}"))
    return int(intpart)


def _load_lexicon() -> dict[str, list[tuple[int, Any]]]:
    raw = _yaml_load(resources.files("hadath.extract.quantities").joinpath("ar/numbers.yaml").read_text("utf-8"))
    lex: dict[str, list[tuple[int, Any]]] = {}

    def add(form: str, cat: int, val: Any) -> None:
        lex.setdefault(normalize_word(form), []).append((cat, val))

    for v, forms in raw["units"].items():
        for f in forms:
            add(f, UNIT, int(v))
    for f in raw["teen_ten"]:
        add(f, TEEN_TEN, 10)
    for v, forms in raw["tens"].items():
        for f in forms:
            add(f, TENS, int(v))
    for f in raw["hundred"]:
        add(f, HUNDRED, 100)
    for f in raw["hundred_dual"]:
        add(f, HUNDRED_DUAL, 200)
    for v, forms in raw["hundreds_joined"].items():
        for f in forms:
            add(f, HUNDREDS, int(v))
    for v, d in raw["scales"].items():
        for f in d["singular"]:
            add(f, SCALE_S, int(v))
        for f in d["dual"]:
            add(f, SCALE_D, int(v))
        for f in d["plural"]:
            add(f, SCALE_P, int(v))
    for v, forms in raw["fractions"].items():
        for f in forms:
            add(f, FRACTION, float(v))
    for d in raw["vague"]:
        for f in d["forms"]:
            add(f, VAGUE, d)
    for v, forms in raw["ordinals"].items():
        for f in forms:
            add(f, ORD, int(v))
    for v, forms in raw["ordinal_teen_first"].items():
        for f in forms:
            add(f, ORD_TEEN_FIRST, int(v))
    return lex


class NumberParser:
    """Parses Arabic numbers in normalised text (see the module docstring).

    Build once and reuse; it holds the lexicon of ``ar/numbers.yaml``.
    """

    def __init__(self) -> None:
        self.lex = _load_lexicon()
        # readings of a word as the first word of a number / as a later word (caches of _lookup)
        self._lookup_memo: tuple[dict[str, list], dict[str, list]] = ({}, {})
        # the words that may have a reading as a later word (a superset, see _readings): a lookup in
        # this small set spares one in the per-word cache for most words after a digit number
        self._later_forms = frozenset(p + w for p in ("", "و", "ف", "ال", "وال", "فال") for w in self.lex)
        words = sorted((w for w in self.lex if " " not in w), key=len, reverse=True)
        # tokens where a number may start: digits, or a lexicon word behind optional proclitics
        self.start_re = re.compile(
            r"(?<!\d)\d|(?<![\u0621-\u064A])(?:[وف]?(?:[بل]|لل)?(?:ال)?)(?:" + "|".join(map(re.escape, words))
            + r")(?![\u0621-\u064A])")
        # The same set, faster: ``start_re`` matches exactly at the start of a digit run or of a
        # whole run of Arabic letters that is a proclitic chain + lexicon word, so a set lookup
        # of each run gives the same offsets (only when every lexicon word is Arabic letters).
        self._start_words: frozenset[str] | None = None
        if all(_ARABIC_RUN.fullmatch(w) for w in words):
            pre = [a + b + c for a in ("", "و", "ف") for b in ("", "ب", "ل", "لل") for c in ("", "ال")]
            self._start_words = frozenset(p + w for p in pre for w in words)

    def candidates(self, text: str) -> list[int]:
        """Offsets of the tokens of normalised ``text`` where a number may start (a superset)."""
        sw = self._start_words
        if sw is None:
            return [m.start() for m in self.start_re.finditer(text)]
        out = [m.start() for m in _ARABIC_RUN.finditer(text) if m.group() in sw]
        out += map(_match_start, _DIGIT_RUN.finditer(text))
        out.sort()
        return out

    # -- word lookup -------------------------------------------------------
    def _lookup(self, word: str, first: bool) -> tuple[tuple[int, int, bool, bool, Any, str], ...]:
        """Readings of ``word``: (skip, cat, has_waw, has_al, val, base); skip = proclitic length before the number.

        Cached per word, as a tuple: a cache of tuples of numbers and strings is
        left out of the garbage collector's passes, a cache of lists is not.
        """
        memo = self._lookup_memo[first]
        out = memo.get(word)
        if out is None:
            if len(memo) > 100_000:
                memo.clear()
            out = memo[word] = tuple(self._readings(word, first))
        return out

    def _readings(self, word: str, first: bool) -> list[tuple[int, int, bool, bool, Any, str]]:
        out = []
        lex = self.lex
        cands = [(0, word, False, False)]
        w = word
        # conjunction
        if len(w) > 2 and w[0] in _PROCLITICS_CONJ:
            cands.append((1, w[1:], w[0] == "و", False))
        base = list(cands)
        if first:
            for skip, ww, waw, _ in base:
                if len(ww) > 2 and ww[0] in _PROCLITICS_PREP:
                    if ww.startswith("لل") and len(ww) > 3:
                        cands.append((skip + 1, "ا" + ww[1:], waw, True))  # لل = ل + ال
                    cands.append((skip + 1, ww[1:], waw, False))
        more = []
        for skip, ww, waw, al in cands:
            if ww.startswith("ال") and len(ww) > 3:
                more.append((skip, ww[2:], waw, True))
        cands += more
        for skip, ww, waw, al in cands:
            for cat, val in lex.get(ww, ()):
                out.append((skip, cat, waw, al, val, ww))
        return out

    def may_start(self, word: str) -> bool:
        """Cheap test: can a number (cardinal or ordinal) start with this token (normalised)?

        True for digits and for words that end with a lexicon entry after at most five
        proclitic letters (و ف ب ل ال); :meth:`parse` decides.
        """
        if word[:1].isdigit():
            return True
        lex = self.lex
        return any(word[k:] in lex for k in range(min(6, len(word) - 1)))

    @staticmethod
    def _tokens(text: str, pos: int, limit: int = 12) -> Tokens:
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        for m in TOKEN_RE.finditer(text, pos):
            gap = text[ends[-1] if words else pos: m.start()]
            if words and (gap.strip() or len(gap) > 3):
                break  # punctuation or a line break ends a number
            if not words and m.start() != pos:
                break
            starts.append(m.start())
            ends.append(m.end())
            words.append(m.group())
            if len(words) >= limit:
                break
        vocab = set(words)
        return Tokens(text, starts, ends, words, vocab, _digit_tokens(vocab))

    @staticmethod
    def _joined(text: str, starts: list[int], ends: list[int], k: int) -> bool:
        """Whether token ``k`` may continue a number read up to token ``k - 1``.

        Only blanks between them, three characters at most: punctuation or a
        line break ends a number (the rule of :meth:`_tokens`).
        """
        prev, s = ends[k - 1], starts[k]
        if s - prev == 1 and text[prev] == " ":
            return True
        gap = text[prev:s]
        return not (gap.strip() or len(gap) > 3)

    # -- cardinals ---------------------------------------------------------
    def _dual_construct(self, base: str, text: str, toks: Tokens, at: int, lim: int) -> bool:
        """True when a scale word in ا opening a number is the dual in construct: "ألفا جندي" = 2,000.

        The singular in ا is the accusative ("بلغ عددهم ألفا", "عشرون ألفا"): it never
        governs the counted noun, so one followed straight by an Arabic word that is
        not a number word, nor من, nor joined to و (the counted noun: "ألفا جندي",
        "مليونا دولار"; not "مليونا و900 ألف") is the dual (ألفان/ألفا in construct).
        """
        starts, ends, words = toks.starts, toks.ends, toks.words
        if not base.endswith("ا") or at + 1 >= lim or not self._joined(text, starts, ends, at + 1):
            return False
        nxt = words[at + 1]
        return (text[ends[at]:starts[at + 1]].strip() == "" and nxt.isalpha() and "\u0621" <= nxt[0] <= "\u064a"
                and nxt[0] != "و" and nxt != "من" and not self._lookup(nxt, first=False))

    def parse(self, text: str, pos: int, toks: Tokens | None = None,
              at: int = 0) -> NumberMatch | None:
        """Parse a cardinal number (digits, words or vague count) starting at ``pos``.

        Args:
            text: Normalised text.
            pos: Offset of the first character of a token (code points).
            toks: The :data:`TOKEN_RE` tokens of ``text`` (:func:`tokenize`) if
                known, with token ``at`` starting at ``pos`` (saves a scan).
            at: Index of the token at ``pos`` in ``toks``.

        Returns:
            A :class:`NumberMatch`, or None when no number starts there.
        """
        if toks is None:
            toks, at = self._tokens(text, pos), 0
        starts, ends, words = toks.starts, toks.ends, toks.words
        # tokens at..lim-1 may belong to the number, as long as each is joined to the one before
        lim = min(len(words), at + 12)
        if at >= lim:
            return None
        joined = self._joined
        s0, e0, w0 = starts[at], ends[at], words[at]
        if w0[0].isdigit():
            v = int(w0) if w0.isdecimal() else parse_digits(w0)
            if v is None:
                return None
            if at + 1 < lim:
                s1 = starts[at + 1]
                # _joined(text, starts, ends, at + 1), its common case first
                nxt = words[at + 1] if (s1 - e0 == 1 and text[e0] == " ") or joined(text, starts, ends, at + 1) \
                    else None
            else:
                nxt = None
            if nxt is None or nxt[0].isdigit() or (nxt != "و" and (
                    nxt not in self._later_forms or not self._lookup(nxt, first=False))):
                # the common lone digit number ("قتل 15 شخصا"): what the loop below would find
                if not v:
                    return None
                if type(v) is not int or not -_EXACT < v < _EXACT:  # else _num(float(v)) is v
                    v = _num(float(v))
                return _tuple_new(NumberMatch, (v, e0, False, s0, None, None, "digits", "num.digits"))
        total = 0.0
        h = t = u = 0  # current group: hundreds, tens, units
        grp_locked = False  # current group came from digits
        last_scale = None
        end = None
        start = s0
        kind = "words"
        rule = "num.words"
        approx = False
        vmin = vmax = None
        i = 0
        pending_teen_first = False  # أحد/اثنا: valid only before عشر
        just_unit = False  # the last word read was a unit (1..9): عشر may follow
        if w0[0].isdigit():  # digits followed by a number word (v was read above)
            kind, rule = "digits", "num.digits"
            h, t, u = 0, 0, 0
            cur_digits: float = v
            grp_locked = True
            end = e0
            i = at + 1
        else:
            readings = self._lookup(w0, first=True)
            if not readings:
                return None
            # choose a reading: prefer cardinal categories
            r = None
            for rd in readings:
                if rd[1] in (ORD, ORD_TEEN_FIRST, TEEN_TEN):
                    continue
                r = rd
                break
            if r is None:
                return None
            skip, cat, _waw, al, val, base = r
            start = s0 + skip
            cur_digits = 0
            if cat == UNIT:
                pending_teen_first = base in _TEEN_FIRST_ONLY
                u = val
                just_unit = val <= 9
            elif cat == TENS:
                t = val
            elif cat == HUNDRED:
                h = 100
            elif cat == HUNDRED_DUAL:
                h = 200
            elif cat == HUNDREDS:
                h = val
            elif cat in (SCALE_S, SCALE_D):
                mult = 2 if cat == SCALE_D or self._dual_construct(base, text, toks, at, lim) else 1
                total = mult * val
                last_scale = val
            elif cat == SCALE_P:
                total = val
                last_scale = val
                approx, vmin, rule, kind = True, val, "vague.scale", "vague"
            elif cat == FRACTION:
                cur_digits = val
                grp_locked = True
                rule = "num.fraction"
            elif cat == VAGUE:
                approx, kind, rule = True, "vague", val["id"]
                vmin, vmax = val["min"], val["max"]
                cur_digits = val["value"]
                grp_locked = True
                if not val.get("multiplies"):
                    return NumberMatch(val["value"], e0, True, start, vmin, vmax, "vague", val["id"])
            else:
                return None
            end = e0
            i = at + 1
        vague_mult = kind == "vague" and last_scale is None
        later = self._later_forms

        def group_value() -> float:
            return cur_digits if grp_locked else h + t + u

        while i < lim and joined(text, starts, ends, i):
            e, w = ends[i], words[i]
            if w[0].isdigit():
                break
            # (the small set of later-word forms before the per-word cache: most words after a number
            # are no number words)
            readings = self._lookup(w, first=False) if w in later else ()
            if not readings:
                # و + digits ("و500") is tokenised as "و" + "500"
                if w == "و" and i + 1 < lim and words[i + 1][0].isdigit() and starts[i + 1] == e:
                    v = parse_digits(words[i + 1])
                    if v is not None and last_scale and group_value() == 0 and v < last_scale:
                        cur_digits, grp_locked = v, True
                        end = ends[i + 1]
                        kind = "mixed"
                        i += 2
                        continue
                break
            took = False
            took_unit = False
            for skip, cat, waw, al, val, base in readings:
                if skip and not waw:
                    continue
                gv = group_value()
                if cat == VAGUE and not waw and not al and vague_mult and rule == "vague.few" \
                        and val["id"] != rule and val.get("multiplies") and cur_digits == vmin:
                    # "بضع عشرات" = 30-90, "بضع مئات" = 300-900: the few times the vague ten or hundred
                    cur_digits, vmin = vmin * val["value"], vmin * val["value"]
                    vmax = vmax * val["value"] if vmax is not None else None
                    took = True
                elif not waw and not al:
                    if cat == TEEN_TEN and not grp_locked and just_unit and t == 0 and 1 <= u <= 9:
                        u = 10 + u
                        pending_teen_first = False
                        took = True
                    elif cat == HUNDRED and not grp_locked and h == 0 and t == 0 and 1 <= u <= 9 and u not in (1, 2):
                        h, u = u * 100, 0
                        took = True
                    elif cat in (SCALE_S, SCALE_P) and grp_locked and kind == "digits" and gv >= 1000000:
                        # "134.230.802.95 مليون": the digits already hold the amount; the scale word is redundant
                        took = True
                    elif cat in (SCALE_S, SCALE_P) and gv > 0 and (last_scale is None or val < last_scale) and (
                            gv < 1000 or (grp_locked and gv < 1000000)):
                        if pending_teen_first:
                            break
                        total += gv * val
                        last_scale = val
                        h = t = u = 0
                        cur_digits, grp_locked = 0, False
                        if kind == "digits":
                            kind, rule = "mixed", "num.digits_scale"
                        if approx and vmin is not None:
                            vmin = vmin * val
                            vmax = vmax * val if vmax is not None else None
                        took = True
                elif al and not waw and skip == 0:
                    # عشرات الآلاف، مئات الملايين
                    if cat == SCALE_P and vague_mult and gv > 0 and gv < 1000:
                        total += gv * val
                        last_scale = val
                        cur_digits, grp_locked = 0, False
                        vmin = vmin * val if vmin is not None else None
                        vmax = vmax * val if vmax is not None else None
                        took = True
                elif waw and not al:
                    if approx:
                        break
                    if cat == FRACTION:
                        if last_scale and gv == 0:
                            total += val * last_scale
                            # "مليون ونصف المليون"، "مليون ونصف مليون": the scale repeated after the fraction
                            if i + 1 < lim and joined(text, starts, ends, i + 1) and text[e:starts[i + 1]].strip() == "":
                                nxt = words[i + 1]
                                if any(c in (SCALE_S, SCALE_P) and v2 == last_scale
                                       for form in ((nxt, nxt[2:]) if nxt.startswith("ال") else (nxt,))
                                       for c, v2 in self.lex.get(form, ())):
                                    e = ends[i + 1]
                                    i += 1
                        elif not grp_locked and gv > 0 and last_scale is None:
                            cur_digits, grp_locked = gv + val, True
                        elif grp_locked and kind in ("digits",) and last_scale is None:
                            cur_digits = cur_digits + val
                        else:
                            break
                        took = True
                    elif grp_locked or pending_teen_first:
                        break
                    elif last_scale is not None and gv == 0:
                        if cat == UNIT and base not in _TEEN_FIRST_ONLY:
                            u = val
                            took = took_unit = True
                        elif cat == TENS:
                            t = val
                            took = True
                        elif cat in (HUNDRED, HUNDRED_DUAL, HUNDREDS):
                            h = val if cat != HUNDRED_DUAL else 200
                            took = True
                        elif cat in (SCALE_S, SCALE_D) and val < last_scale:
                            total += (2 if cat == SCALE_D else 1) * val
                            last_scale = val
                            took = True
                    else:
                        if cat == UNIT and t == 0 and u == 0 and base not in _TEEN_FIRST_ONLY:
                            u = val
                            took = took_unit = val <= 9
                            took = True
                        elif cat == TENS and t == 0 and u < 10:
                            t = val
                            took = True
                        elif cat == UNIT and val == 10 and t == 0 and u == 0:
                            u = 10
                            took = True
                if took:
                    break
            if not took:
                break
            just_unit = took_unit
            end = e
            i += 1
        if pending_teen_first:
            # أحد / إحدى / اثنا alone are not numbers ("أحد المسؤولين")
            return None
        value = total + group_value()
        if value == 0 and not approx:
            return None
        return _tuple_new(NumberMatch, (_num(float(value)), end, approx, start,
                                        _num(float(vmin)) if vmin is not None else None,
                                        _num(float(vmax)) if vmax is not None else None, kind, rule))

    # -- ordinals ----------------------------------------------------------
    def parse_ordinal(self, text: str, pos: int, toks: Tokens | None = None,
                      at: int = 0) -> NumberMatch | None:
        """Parse an ordinal (``الثالث``, ``الأولى``, ``الحادي عشر``, ``الثالث والعشرين``) at ``pos``.

        Args:
            text: Normalised text.
            pos: Offset of the first character of a token.
            toks: The document's tokens if known (see :meth:`parse`).
            at: Index of the token at ``pos`` in ``toks``.

        Returns:
            A :class:`NumberMatch` with kind "ordinal" and rule "ord.word"
            (value 1..99), or None.

        Example:
            >>> from hadath.text.normalize import normalize
            >>> NumberParser().parse_ordinal(normalize("للمرة الثالثة").text, 6).value
            3
        """
        if toks is None:
            toks, at = self._tokens(text, pos, limit=3), 0
        starts, ends, words = toks.starts, toks.ends, toks.words
        if at >= len(words):
            return None
        s0, e0, w0 = starts[at], ends[at], words[at]
        r = None
        for rd in self._lookup(w0, first=True):
            if rd[1] in (ORD, ORD_TEEN_FIRST):
                r = rd
                break
        if r is None:
            return None
        skip, cat, _waw, al, val, _base = r
        value = val
        end = e0
        extended = False
        if at + 1 < min(len(words), at + 3) and self._joined(text, starts, ends, at + 1):
            e1, w1 = ends[at + 1], words[at + 1]
            w1b = w1[2:] if al and w1.startswith("ال") else w1
            # (a masculine ordinal before the feminine عشرة is no teen: "الهجوم الثاني عشرة أشخاص" is the
            # second attack and ten persons; "الثاني عشر" / "الثانية عشرة" agree)
            if w1b in ("عشر", "عشره") and (cat == ORD_TEEN_FIRST or 2 <= val <= 9) \
                    and not (w1b == "عشره" and cat != ORD_TEEN_FIRST and not w0.endswith("ه")):
                value = 10 + (1 if cat == ORD_TEEN_FIRST else val)
                end = e1
                extended = True
            elif w1.startswith("و"):
                rest = w1[1:]
                if al and rest.startswith("ال"):
                    rest = rest[2:]
                for cat2, val2 in self.lex.get(rest, ()):
                    if cat2 == TENS:
                        value = (1 if cat == ORD_TEEN_FIRST else val) + val2
                        end = e1
                        extended = True
                        break
        if cat == ORD_TEEN_FIRST and not extended:
            # حادي alone ("الحادي والعشرين" handled above)
            return None
        return _tuple_new(NumberMatch, (value, end, False, s0 + skip, None, None, "ordinal", "ord.word"))

    def find(self, text: str, ordinals: bool = False) -> list[NumberMatch]:
        """All numbers in ``text``, left to right, non-overlapping.

        Args:
            text: Normalised text.
            ordinals: Also return ordinals (kind "ordinal").

        Returns:
            List of :class:`NumberMatch` (normalised offsets).
        """
        out: list[NumberMatch] = []
        pos = 0
        for start in self.candidates(text):
            if start < pos:
                continue
            n = self.parse(text, start)
            if n is None and ordinals:
                n = self.parse_ordinal(text, start)
            if n is not None:
                out.append(n)
                pos = n.end
        return out


@functools.lru_cache(maxsize=1)
def _default() -> NumberParser:
    return NumberParser()


def parse_number(norm_text: str, pos: int) -> NumberMatch | None:
    """Parse a cardinal at ``pos`` of normalised text with the default parser.

    See :meth:`NumberParser.parse`. ``value, end, approx, *_ = m`` unpacks it.
    """
    return _default().parse(norm_text, pos)


def parse_ordinal(norm_text: str, pos: int) -> NumberMatch | None:
    """Parse an ordinal at ``pos`` with the default parser (see :meth:`NumberParser.parse_ordinal`)."""
    return _default().parse_ordinal(norm_text, pos)


def find_numbers(norm_text: str, ordinals: bool = False) -> list[NumberMatch]:
    """All numbers in normalised text with the default parser (see :meth:`NumberParser.find`)."""
    return _default().find(norm_text, ordinals)
