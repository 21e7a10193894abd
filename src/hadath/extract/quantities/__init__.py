"""Quantities stage: counts, money, percentages, measures, ages and ordinals with their counted object.

Numbers are found by :mod:`hadath.extract.quantities.numbers` on the
normalised document text; this stage adds the context around each number
from the lexicons in ``ar/quantities.yaml``:

* approximation cues before/after (نحو، حوالي، أكثر من، ما لا يقل عن، على
  الأقل) -> ``approx``, ``min``, ``max``;
* what follows: ``%`` / بالمائة (percent), a currency (money, ISO 4217 unit),
  a measure unit (km, t, barrel ...), a year word after an age cue (age), or
  the counted noun (``object`` span and English ``object_lemma``: persons,
  fighters, countries, dead, injured, arrested ...);
* casualty roles: items whose counted persons are said to be killed, wounded
  or arrested carry ``casualty`` = "dead" / "injured" / "arrested" (an
  extra key allowed by the schema), read by the events stage; dead and
  wounded counted together carry "casualties" (rule ``count.casualties``).

Rules that look at two items or the wider context (ids in quantities.yaml):

* ``range.*``: "ما بين 10 و15 شخصا", "من 5 إلى 7 قتلى", "10-15 شخصا" are ONE
  item, value = min = the lower bound, max = the upper bound, approx true;
  without a head, "X إلى/حتى Y" is a range only before what Y counts
  ("قتل نحو 15 إلى 20 مسلحا": one item from نحو, min 15, max 20);
* ``measure.calibre``: a number right after a gun noun (calibre_before:
  "برشاش ثلاثة وعشرين", "مدفع عيار 120") is a calibre in mm with no object;
* spans hold no lone bracket: "(20) قطعة سلاح" takes its opening bracket;
* ``count.casualties``: dead and wounded counted TOGETHER are one count of
  casualties, never of the dead: object_lemma and casualty "casualties" for
  "نحو 300 قتيل وجريح", "عشرات القتلى والجرحى" (object: both nouns), "سقوط 20
  بين قتيل وجريح" (a breakdown after the number or its persons), "القتلى
  والجرحى الـ12"; casualty "casualties" after joined cues ("مقتل وإصابة 20
  شخصا"); victims (ضحية، ضحايا) are object_lemma casualties;
* ``count.others``: "وأصيب 17 آخرون" counts others; object_lemma from the
  casualty verb (injured) or the earlier count of the sentence;
* ``year.bare``: a bare 4-digit year-like number (1900-2100) with no counted
  noun after it is a year, never a count ("2000 شخص" still counts);
* ``ord.regnal``: an ordinal after a name or a regnal title (الملك عبدالله
  الثاني، البابا بنديكت السادس عشر) is not a quantity.

Numbers inside times found by the times stage (``state.doc.times``), numbers
before a time unit (أيام، سنوات), years, dates, clock times, phone numbers,
identifiers (رقم، المادة، القرار) and lone "واحد" that does not count a
person are skipped. Ordinals are emitted only with the article
(الثالث، الأولى) as kind "ordinal".

Each item follows the ``quantity`` $def of the document schema:
``{start, end, text, kind, value, approx, min, max, unit, object,
object_lemma, rule}`` with raw code-point offsets into ``doc.text``.

Example:
    >>> from hadath.settings import Settings
    >>> from hadath.document import Document
    >>> from hadath.pipeline import State
    >>> st = State(doc=Document(text="قتل حوالي 150 شخصا من ستة دول"), settings=Settings())
    >>> QuantityExtractor(Settings())(st)
    >>> [(q["text"], q["value"], q["approx"], q["object_lemma"]) for q in st.doc.quantities]
    [('حوالي 150 شخصا', 150, True, 'persons'), ('ستة دول', 6, False, 'countries')]
"""
from __future__ import annotations

import bisect
import operator
import re
from itertools import compress
from importlib import resources
from typing import Any


from hadath.extract.quantities.numbers import NumberMatch, NumberParser, Tokens, _yaml_load, state_tokens
from hadath.text.normalize import normalize_word

__all__ = ["QuantityExtractor"]

#: A digit token with one dot before exactly three digits ("1.200"), rule count.dot_thousands.
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_PERSONLIKE = {"persons", "fighters", "soldiers", "police", "civilians", "children", "women", "tourists", "pilgrims",
               "refugees", "students", "workers", "members", "passengers", "journalists", None}
_CLITICS = ("و", "ف", "ب", "ل", "ك")
_match_start = re.Match.start
_DUAL_RE = re.compile(r"(?<![\u0621-\u064A])[\u0621-\u064A]{3,}(?:ين|ان)(?![\u0621-\u064A])")
#: Context patterns of QuantityExtractor._item and helpers (compiled once).
_RX0 = re.compile(r"\s?(%|فى الم|بالم)")
_RX1 = re.compile(r"\s?[/:\-]\s?\d")
_RX2 = re.compile(r"\d\s?[/:\-]\s?$")
_RX3 = re.compile(r"\s?/")
_RX4 = re.compile(r"[A-Za-z]-?$")
_RX5 = re.compile(r"-?[A-Za-z]")
_RX6 = re.compile(r"\+\d")
_RX7 = re.compile(r"\s?[-–)]\s?\D")
_RX8 = re.compile(r"(^|[.:؛\n])\s*$")
_RX9 = re.compile(r"[A-Za-z][\w.]*\s+$")
_RX10 = re.compile(r"\s+[A-Za-z]")
_RX11 = re.compile(r"\s?[»\"”]")
_RX12 = re.compile(r"[«\"“][^«»\"“”]{1,20}$")
_RX13 = re.compile(r"\)\s*([^\w\s]|$)")
_RX14 = re.compile(r"(^|[:.\n])\s*\($")
_RX15 = re.compile(r"\s?[-/]\s?صفر")
_RX16 = re.compile(r"صفر\s?[-/]\s?$")
_RX17 = re.compile(r"[\d/.\-:–]")
_RX18 = re.compile(r"\s+([\u0621-\u064A]+)")
_RX19 = re.compile(r"[.!?؟\n]")
_RX20 = re.compile(r"\s?-\s?[\d.]+\s?(%|فى الم|بالم)")
_RX21 = re.compile(r"(?:(?:ما\s*)?بين|من)\s*$")


def _nw(s: str) -> tuple[str, ...]:
    return tuple(normalize_word(w) for w in str(s).split())


def _final_ya(stem: str) -> str:
    """A stem cut from a normalised word gets the word-final ي -> ى of normalisation."""
    return stem[:-1] + "ى" if stem.endswith("ي") else stem


def _clitic_forms(stems: Any) -> frozenset[str]:
    """The words whose :meth:`QuantityExtractor._strip` readings may hold one of ``stems``.

    A superset (the length conditions of ``_strip_word`` are left out): the
    stem, behind ب ل ك, "ل" + stem[1:] for a stem in ال ("للقتلى" reads
    "القتلى"), each of them behind و or ف. A word outside it has no such
    reading: a lookup in this small set spares one in a per-word cache of
    100,000 words, which mostly misses the CPU cache.
    """
    out: set[str] = set()
    for s in stems:
        inner = [s] + [b + s for b in ("ب", "ل", "ك")]
        if s.startswith("ال"):
            inner.append("ل" + s[1:])
        out.update(inner)
        out.update(c + x for x in inner for c in ("و", "ف"))
    return frozenset(out)


class _Table(dict):
    """A lexicon of word tuples that also knows which words can begin or end an entry.

    Lets :meth:`QuantityExtractor._match` / ``_match_back`` reject most
    positions with one set lookup instead of building every candidate key.

    Attributes:
        firsts: First words of the entries.
        lasts: Last words of the entries of two or more words.
        singles: The entries of one word.
        maxlen: Words in the longest entry.
        back1: Cache of :meth:`QuantityExtractor._match_back` for a last word
            that ends no entry of two or more words (word -> result).
        back1_forms: The words that may end an entry of one word (:func:`_clitic_forms`).
        clitic_firsts: Cache of the (prefix length, stem) readings of a word
            that begin an entry (word -> list; do not mutate).
        first_forms: The words that may begin an entry behind proclitics (:func:`_clitic_forms`
            of ``firsts``): ``_match_back`` tries no longer entry from a word outside it.
    """

    __slots__ = ("firsts", "lasts", "singles", "maxlen", "back1", "back1_forms", "clitic_firsts", "first_forms")

    def __init__(self, entries: dict) -> None:
        super().__init__(entries)
        keys = [k for k in self if k]
        self.firsts = frozenset(k[0] for k in keys)
        self.lasts = frozenset(k[-1] for k in keys if len(k) > 1)
        self.singles = frozenset(k[0] for k in keys if len(k) == 1)
        self.maxlen = max(map(len, keys), default=0)
        self.back1: dict[str, tuple[int, Any] | None] = {}
        self.back1_forms = _clitic_forms(self.singles)
        self.clitic_firsts: dict[str, tuple[tuple[int, str], ...]] = {}
        self.first_forms = _clitic_forms(self.firsts)


class _Offsets:
    """Token index by start (or end) offset: ``get(offset, default)`` like a dict, by bisection.

    Args:
        offs: Strictly increasing offsets, one per token.
    """

    __slots__ = ("offs",)

    def __init__(self, offs: list[int]) -> None:
        self.offs = offs

    def get(self, x: int, default: int | None = None) -> int | None:
        offs = self.offs
        i = bisect.bisect_left(offs, x)
        return i if i < len(offs) and offs[i] == x else default


def _num(v: float | int | None) -> int | float | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


class QuantityExtractor:
    """Fills ``doc.quantities`` (see the module docstring).

    Args:
        settings: :class:`hadath.settings.Settings` (unused beyond the stage contract).
    """

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.parser = NumberParser()
        raw = _yaml_load(
            resources.files("hadath.extract.quantities").joinpath("ar/quantities.yaml").read_text("utf-8"))
        self.pre_cues: dict[tuple[str, ...], tuple[str, str]] = {}
        for g in raw["pre_cues"]:
            for f in g["forms"]:
                self.pre_cues[_nw(f)] = (g["effect"], g["id"])
        self.post_cues: dict[tuple[str, ...], tuple[str, str]] = {}
        for g in raw["post_cues"]:
            for f in g["forms"]:
                self.post_cues[_nw(f)] = (g["effect"], g["id"])
        self.percent = {_nw(f): True for g in raw["percent"] for f in g["forms"]}
        self.currencies: dict[tuple[str, ...], dict[str, Any]] = {}
        cu = {normalize_word(k): v for k, v in raw["currency_units"].items()}
        for g in raw["currencies"]:
            adj = {normalize_word(k).rstrip("ه"): v for k, v in (g.get("adjectives") or {}).items()}
            for f in g["forms"]:
                key = _nw(f)
                unit = cu.get(key[0], g["unit"]) if g["unit"] == "other" else g["unit"]
                self.currencies[key] = {"id": g["id"], "unit": unit, "lemma": g["lemma"], "adj": adj}
        self.units: dict[tuple[str, ...], tuple[str, str, str]] = {}
        for g in raw["units"]:
            for f in g["forms"]:
                self.units[_nw(f)] = (g["id"], g["unit"], g["lemma"])
        self.time_units = {normalize_word(w) for w in raw["time_units"]}
        self.id_before = {_nw(w): True for w in raw["id_before"]}
        self.one_person_before = {_nw(w): True for w in raw["one_person_before"]}
        self.ordinal_heads = {normalize_word(w) for w in raw["ordinal_heads"]}
        self.plural_fractions = {normalize_word(w): int(d) for w, d in raw["plural_fractions"].items()}
        self.stop = {normalize_word(w) for w in raw["stop"]}
        self.objects: dict[tuple[str, ...], str] = {}
        for lemma, forms in raw["objects"].items():
            for f in forms:
                self.objects.setdefault(_nw(f), lemma)
        self.cas_before = {_nw(f): role for role, forms in raw["casualty_before"].items() for f in forms}
        self.cas_after = {_nw(f): role for role, forms in raw["casualty_after"].items() for f in forms}
        # rule count.casualties: casualty noun -> (grammatical slot, role); breakdown heads; weak cues
        self.cas_pair: dict[str, tuple[str, str]] = {}
        for g in raw["casualty_pairs"]:
            for role in ("dead", "injured", "missing"):
                for f in g.get(role) or ():
                    self.cas_pair[normalize_word(f)] = (g["id"], role)
        self.cas_heads = {_nw(w): True for w in raw["casualty_breakdown_heads"]}
        self.cas_weak = {normalize_word(w) for w in raw["casualty_cue_weak"]}
        self.toll_heads = {normalize_word(w) for w in raw["toll_heads"]}
        self.toll_nouns = {normalize_word(f): role for role, forms in raw["toll_nouns"].items() for f in forms}
        self.toll_links = {normalize_word(w) for w in raw["toll_links"]}
        self.age_before = {normalize_word(w) for w in raw["age_before"]}
        self.dual_masc = {normalize_word(w) for w in raw["dual_masc"]}
        self.dual_masc_an = {normalize_word(w) for w in raw["dual_masc_an"]}
        self.dual_not = {normalize_word(w) for w in raw["dual_not"]}
        self.obj_words = {k[0] for k in self.objects if len(k) == 1}
        self.range_heads = {_nw(w) for w in raw["range_heads"]}
        self.range_conn = {normalize_word(k): {normalize_word(w) for w in v}
                           for k, v in raw["range_connectors"].items()}
        self.range_not_after = {normalize_word(w) for w in raw["range_not_after"]}
        self.calibre_before = {normalize_word(w) for w in raw["calibre_before"]}
        self.others = {normalize_word(w) for w in raw["others"]}
        self.year_like = tuple(int(v) for v in raw["year_like"])
        self.year_before = {_nw(w): True for w in raw["year_before"]}
        self.year_not_counted = {normalize_word(w) for w in raw["year_not_counted"]}
        self.year_masdar = [re.compile(p) for p in raw["year_masdar_patterns"]]
        self.regnal_window = int(raw["regnal_window"])
        self.regnal_titles = {normalize_word(w) for w in raw["regnal_titles"]}
        # the words that may hold a calibre_before / age_before / regnal_titles word behind proclitics
        self._calibre_forms = _clitic_forms(self.calibre_before)
        self._age_forms = _clitic_forms(self.age_before)
        self._regnal_forms = _clitic_forms(self.regnal_titles)
        self.regnal_names = {normalize_word(w) for w in raw["regnal_names"]}
        self._maxlen = 4
        self._strip_memo: dict[str, list[tuple[int, str]]] = {}
        self._dual_memo: dict[str, tuple[int, str, str, bool] | None] = {}
        self._gap_memo: dict[str, str] = {}  # cache of _norm_gap
        self._scale_memo: dict[str, int] = {}  # cache of _scale_of
        # words whose proclitic-free readings hold a calibre_before / age_before word (caches of _stem_in)
        self._calibre_memo: dict[str, bool] = {}
        self._age_memo: dict[str, bool] = {}
        for name in ("pre_cues", "post_cues", "percent", "currencies", "units", "id_before", "one_person_before",
                     "objects", "cas_before", "cas_after", "year_before", "cas_heads"):
            setattr(self, name, _Table(getattr(self, name)))
        # the words where an item may start (see __call__), and those of them NumberParser.may_start accepts
        self._cand_words: frozenset[str] | None = None
        self._cand_numbers: frozenset[str] = frozenset()
        if self.parser._start_words is not None:
            self._cand_words = self.parser._start_words | self._dual_words()
            self._cand_numbers = frozenset(filter(self.parser.may_start, self._cand_words))

    def _dual_words(self) -> frozenset[str]:
        """Dual-shaped words (5+ letters ending ين/ان) that may start an item without being in
        ``NumberParser._start_words``: a superset of those where :meth:`_dual_reading` finds a
        lexicon dual, and the forms "لل" + X of lexicon words "ال" + X ("للفين"), which
        :meth:`NumberParser._lookup` reads but ``_start_words`` lacks.

        The feminine duals outside the lexicon (ending تين) are not here: :meth:`__call__`
        finds them in the text.
        """
        stems = [k[0][:-1] + end for k in self.objects if len(k) == 1 and k[0].endswith("ه")
                 for end in ("تين", "تان")]
        for d in self.dual_masc:  # _final_ya(s[:-2]) == d
            for s2 in {d, d[:-1] + "ي" if d.endswith("ى") else d}:
                stems += (s2 + "ين", s2 + "ان")
        for d in self.dual_masc_an:
            for s2 in {d, d[:-1] + "ي" if d.endswith("ى") else d}:
                stems.append(s2 + "ان")
        # a word whose first two _strip readings hold a stem: the stem, or it behind one proclitic
        out = set(stems)
        for s in stems:
            out.update(p + s for p in _CLITICS)
            if s.startswith("ال"):
                out.add("ل" + s[1:])  # "لل" + X reads "ال" + X
        out.update(c + "لل" + w[2:] for w in self.parser.lex if w.startswith("ال") for c in ("", "و", "ف"))
        return frozenset(w for w in out if len(w) >= 5 and w.endswith(("ين", "ان")))

    # -- token helpers -------------------------------------------------------
    def _strip(self, w: str) -> tuple[tuple[int, str], ...]:
        """(prefix length, stem) readings of a word with و ف ب ل ك proclitics removed (cached).

        The per-word caches of this class hold tuples, strings, numbers and None
        only (dicts rather than sets for the word sets), so that the garbage
        collector leaves them out of its passes; caches of lists or sets would be
        walked by every full collection (about 0.1 ms per article in a batch run).
        """
        out = self._strip_memo.get(w)
        if out is None:
            memo = self._strip_memo
            if len(memo) > 100_000:
                memo.clear()
            out = memo[w] = tuple(self._strip_word(w))
        return out

    def _stem_in(self, w: str, words: set[str], memo: dict[str, bool], forms: frozenset[str]) -> bool:
        """Whether a reading of ``w`` (itself or without proclitics, :meth:`_strip`) is in ``words``.

        ``memo`` caches the answers for this ``words`` set; ``forms`` is
        ``_clitic_forms(words)`` (no answer to look up for a word outside it).
        """
        if w not in forms:
            return False
        out = memo.get(w)
        if out is None:
            if len(memo) > 100_000:
                memo.clear()
            out = memo[w] = any(s in words for _, s in self._strip(w))
        return out

    @staticmethod
    def _strip_word(w: str) -> list[tuple[int, str]]:
        out = [(0, w)]
        if len(w) > 2 and w[0] in ("و", "ف"):
            out.append((1, w[1:]))
        for k, s in list(out):
            if len(s) > 2 and s[0] in ("ب", "ل", "ك"):
                if s.startswith("لل"):
                    out.append((k + 1, "ا" + s[1:]))
                out.append((k + 1, s[1:]))
        return out

    def _match(self, toks: Tokens, i: int, table: _Table, clitic: bool = False,
               gap_ok=None) -> tuple[int, Any, int] | None:
        """Longest entry of ``table`` (token tuples) starting at token ``i``: (n tokens, value, prefix len).

        With ``clitic`` the first word may carry و ف ب ل ك proclitics; entries
        longer than four words are never tried; ``gap_ok(i, i + n)`` must
        accept the tokens of an entry of ``n`` words. None when nothing matches.
        """
        words = toks.words
        if i >= len(words):
            return None
        w0 = words[i]
        firsts_ok = table.firsts
        if clitic:
            firsts = table.clitic_firsts.get(w0)
            if firsts is None:
                if len(table.clitic_firsts) > 100_000:
                    table.clitic_firsts.clear()
                firsts = table.clitic_firsts[w0] = tuple(kf for kf in self._strip(w0) if kf[1] in firsts_ok)
            if not firsts:
                return None
        elif w0 not in firsts_ok:
            return None
        else:
            firsts = ((0, w0),)
        lasts = table.lasts
        for n in range(min(self._maxlen, table.maxlen, len(words) - i), 0, -1):
            if n > 1 and words[i + n - 1] not in lasts:
                continue  # no entry of n words ends with that word
            if gap_ok is not None and not gap_ok(i, i + n):
                continue
            rest = tuple(words[i + 1:i + n])
            for k, f in firsts:
                key = (f, *rest)
                if key in table:
                    return n, table[key], k
        return None

    def _match_back(self, toks: Tokens, i: int, table: _Table) -> tuple[int, Any] | None:
        """Longest entry of ``table`` ending at token ``i - 1`` (first word may carry و/ف)."""
        if i <= 0:
            return None
        last = toks.words[i - 1]
        if last not in table.lasts:  # only one-word entries can end here (the result depends on the word only)
            if last not in table.back1_forms:
                return None
            memo = table.back1
            if last in memo:
                return memo[last]
            if len(memo) > 100_000:
                memo.clear()
            singles = table.singles
            out = memo[last] = next(((1, table[(f,)]) for _k, f in self._strip(last) if f in singles), None)
            return out
        all_words, first_forms = toks.words, table.first_forms
        for n in range(min(self._maxlen, table.maxlen, i), 0, -1):
            if all_words[i - n] not in first_forms:
                continue  # no reading of that word begins an entry
            words = all_words[i - n:i]
            for k, f in self._strip(words[0]):
                if (f, *words[1:]) in table:
                    return n, table[(f, *words[1:])]
        return None

    # -- main ------------------------------------------------------------------
    def __call__(self, state: Any) -> None:
        """Fill ``state.doc.quantities`` from ``state.norm`` (times in ``state.doc.times`` are skipped)."""
        doc = state.doc
        norm = state.norm
        text = norm.text
        tk = state_tokens(state)
        words = tk.words
        toks, starts, ends = tk, tk.starts, tk.ends
        by_start = _Offsets(tk.starts)
        by_end = _Offsets(tk.ends)
        times = doc.times or ()
        t_starts = [t["start"] for t in times]
        t_ends = [t["end"] for t in times]
        taken: list[tuple[int, int]] = list(zip(t_starts, t_ends))
        items: list[dict[str, Any]] = []

        # each time ends before the next one starts (map stops with the shorter list)
        disjoint = all(map(operator.le, t_ends, t_starts[1:]))

        def overlaps(rs: int, re_: int) -> bool:
            if disjoint:  # sorted, non-overlapping times: only the first one ending after rs can overlap
                i = bisect.bisect_right(t_ends, rs)
                return i < len(taken) and t_starts[i] < re_
            return any(rs < b and a < re_ for a, b in taken)

        def gap_ok(a: int, b: int) -> bool:
            # tokens a..b-1 separated by spaces (and brackets/quotes) only, on one line
            if b - a == 2:  # the common case: two tokens
                e, s = ends[a], starts[b - 1]
                if s - e == 1 and text[e] == " ":
                    return True
                g = text[e:s]
                return not (g.strip(" \t()\"«»“”'%$") or "\n" in g)
            for k in range(a, b - 1):
                e, s = ends[k], starts[k + 1]
                if s - e == 1 and text[e] == " ":
                    continue
                g = text[e:s]
                if g.strip(" \t()\"«»“”'%$") or "\n" in g:
                    return False
            return True

        pos = 0
        sw = self.parser._start_words
        if sw is None:
            cands = [ti for ti in map(by_start.get, sorted(set(self.parser.candidates(text)).union(
                map(_match_start, _DUAL_RE.finditer(text))))) if ti is not None]
            cw = nums = frozenset()
        else:
            # A token may start an item when it is in _cand_words (a proclitic chain + a number
            # word, or a lexicon dual), digits, or a feminine dual outside the lexicon (5+ letters
            # ending تين, found by its ending in the text). A set intersection with a fixed set
            # of 4,921 words: a cache of every word seen (200,000 words) missed the CPU cache.
            hit = tk.vocab & self._cand_words
            hit.update(tk.digits)
            # the ends of words ending تين (what r"تين(?![\u0621-\u064A])" finds; str.find is faster
            # than that regex scan, and "تين" cannot overlap itself, so the occurrences are the same)
            p = text.find("تين")
            n_text = len(text)
            while p >= 0:
                e = p + 3
                if e == n_text or not "\u0621" <= text[e] <= "\u064A":
                    ti = by_end.get(e)
                    if ti is not None and len(words[ti]) >= 5:
                        hit.add(words[ti])
                p = text.find("تين", e)
            cands = compress(range(len(words)), map(hit.__contains__, words))
            cw, nums = self._cand_words, self._cand_numbers
        may_start = self.parser.may_start
        # A token that overlaps a time starts no item (a number inside a time is part of it:
        # "15 يونيو 2015"), so it is not parsed (sorted, disjoint times only). The test is on raw
        # offsets: the normalised token [ts, te) overlaps the normalised time
        # [bisect_left(nstarts, a), bisect_left(nstarts, b)) exactly when nstarts[ts] < b and
        # nstarts[te - 1] >= a (nstarts is non-decreasing), which spares two bisections per time.
        nstarts = norm.starts
        n_times = len(taken) if disjoint else 0
        k = 0
        parse, parse_ordinal, item_of = self.parser.parse, self.parser.parse_ordinal, self._item
        for ti in cands:
            ts, tw = starts[ti], words[ti]
            if ts < pos:
                continue
            if k < n_times:
                rts = nstarts[ts]
                while k < n_times and t_ends[k] <= rts:
                    k += 1
                if k < n_times and nstarts[ends[ti] - 1] >= t_starts[k]:
                    continue
            m = None
            # NumberParser.may_start(tw), known in advance for the words of _cand_words
            if tw in nums or (tw not in cw and (tw[0].isdigit() or may_start(tw))):
                m = parse(text, ts, toks, ti)
                if m is None:
                    m = parse_ordinal(text, ts, toks, ti)
            if m is None:
                if tw.endswith(("ين", "ان")) and len(tw) >= 5:
                    item = self._dual(text, toks, ti, norm, doc, by_start, by_end, gap_ok)
                    if item is not None and not overlaps(item["start"], item["end"]):
                        items.append(item)
                continue
            pos = m.end
            if m.kind == "ordinal" and not text.startswith("ال", m.start):
                continue  # an ordinal item needs the article (the first test of _item's ordinals)
            item = item_of(m, ti, text, toks, by_start, by_end, norm, doc, gap_ok)
            if item is None:
                continue
            pos = max(pos, item.pop("_nend"))
            if taken:
                rs, re_ = item["start"], item["end"]
                if overlaps(rs, re_):
                    continue
                # the number's own span (norm.raw_span(m.start, m.end), m.start < m.end): tested only
                # when the item does not hold it, else it overlaps no time the item does not overlap
                ns, ne = nstarts[m.start], norm.ends[m.end - 1]
                if (ns < rs or ne > re_) and overlaps(ns, ne):
                    continue
            items.append(item)
        self._others_lemmas(doc.text, items)
        self._ranges(doc.text, items)
        for it in items:
            t = it["text"]
            if ")" in t or "]" in t:  # (the first test of _balance, without the call)
                self._balance(doc, it)
        doc.quantities.extend(items)
        # The tokens shared with times (state_tokens) have no reader after this stage: freed now, while they
        # are in the processor's caches, not with the rest of the state at the end of the batch chunk
        # (benchmarks/cache_cost.py, 400 SaudiNewsNet articles: about 600 fewer last-level misses per article).
        state.scratch.pop("tq_tokens", None)

    _SCALES = (("مليار", 10**9), ("بليون", 10**9), ("ملايين", 10**6), ("مليون", 10**6), ("الاف", 1000),
               ("الف", 1000))

    @staticmethod
    def _balance(doc, it: dict) -> None:
        """No lone bracket in a span: "(20) قطعة سلاح" takes its opening bracket (the span
        starts at the digit otherwise: "20) قطعة سلاح" is wrong); a closing bracket with no
        opening one in reach ends the span before it."""
        text = doc.text
        s, e = it["start"], it["end"]
        if ")" not in it["text"] and "]" not in it["text"]:
            return  # no closing bracket: nothing to balance
        for op, cl in (("(", ")"), ("[", "]")):
            seg = text[s:e]
            if seg.count(cl) <= seg.count(op):
                continue
            k = s
            while k > 0 and text[k - 1] == " ":
                k -= 1
            if k > 0 and text[k - 1] == op:
                s = k - 1
            else:
                cut = seg.find(cl)
                e = s + len(seg[:cut].rstrip())
                if e <= s:
                    return
        if (s, e) != (it["start"], it["end"]):
            it.update(doc.span(s, e))

    def _ranges(self, text: str, items: list[dict]) -> None:
        """Ranges (rule range.*, quantities.yaml): "ما بين 10 و15 شخصا", "بين 100 و300 ألف ريال".

        Two numbers joined by a range connector after a range head become ONE
        item from the head to the end of the second: value = min = the lower
        bound (scaled by the second's scale word when it has none), max = the
        upper bound, approx true, kind / unit / object / casualty of the second.
        Pairs that are not a range ("من 5 إلى 7" after ارتفع, a first bound not
        below the second) only pass the second's kind and unit to the first.
        """
        out: list[dict] = []
        i = 0
        n = len(items)
        while i < n:
            # most neighbours are too far apart: the first test of _range_pair, without the call
            if i + 1 < n and items[i + 1]["start"] - items[i]["end"] <= 8:
                merged = self._range_pair(text, items[i], items[i + 1])
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
            out.append(items[i])
            i += 1
        items[:] = out

    _SCALE_FORMS = {
        10**9: ("مليار", "مليارا", "مليارات", "ملياران", "مليارين", "بليون", "بليونا", "بلايين"),
        10**6: ("مليون", "مليونا", "ملايين", "مليونان", "مليونين"),
        1000: ("الف", "الفا", "الاف", "الفان", "الفين"),
    }

    def _scale_of(self, t: str) -> int:
        """The scale word (ألف، مليون، مليار in any number/case, with a proclitic) of an item's text, else 1.

        Cached per text (normalize_word is a loop over the characters in Python).
        """
        memo = self._scale_memo
        out = memo.get(t)
        if out is None:
            if len(memo) > 10_000:
                memo.clear()
            out = memo[t] = self._scale_of_text(t)
        return out

    def _scale_of_text(self, t: str) -> int:
        for x in normalize_word(t).split():
            for k, st in self._strip(x):
                for v, forms in self._SCALE_FORMS.items():
                    if st in forms or (st.startswith("ال") and st[2:] in forms):
                        return v
        return 1

    def _norm_gap(self, raw: str) -> str:
        """``normalize_word(raw.strip())`` for the text between two items (cached: a few distinct gaps recur)."""
        memo = self._gap_memo
        out = memo.get(raw)
        if out is None:
            if len(memo) > 10_000:
                memo.clear()
            out = memo[raw] = normalize_word(raw.strip())
        return out

    def _last_words(self, left: str, n: int = 5) -> list[str]:
        """The last ``n`` words (or more) of ``normalize_word(left).split()``, all of them when it has fewer.

        Normalisation maps each raw character on its own (final ي looks at the next character only, and
        whitespace is kept as it is), so the words of the whole are those of its raw words, in order: the
        raw words are normalised from the end, each through the cache of :meth:`_norm_gap`, until ``n``
        words are found, instead of normalising the whole window character by character.
        """
        out: list[str] = []
        for w in reversed(left.split()):
            out[:0] = self._norm_gap(w).split()
            if len(out) >= n:
                break
        return out

    def _range_pair(self, text: str, q1: dict, q2: dict) -> dict | None:
        if q2["start"] - q1["end"] > 8 or q1["object"] is not None or q1["kind"] != "count":
            return None
        if not q1["rule"].startswith("count.num.") or q2["kind"] not in ("count", "money", "percent", "measure"):
            return None
        if q1["value"] is None or q2["value"] is None:
            return None
        gap = self._norm_gap(text[q1["end"]:q2["start"]])
        if gap not in ("و", "الى", "-", "–", "حتى", "او"):
            return None
        left = text[max(0, q1["start"] - 40):q1["start"]]
        words = self._last_words(left)
        head = None
        if words and words[-1] in ("بين", "مابين", "من"):
            head = "من" if words[-1] == "من" else "بين"
        conns = self.range_conn.get(head or "none", set())
        is_range = gap in conns
        if is_range and head in ("من", None) and any(w in self.range_not_after or (w[:1] in "وف" and w[1:] in
                                                                                self.range_not_after)
                                                      for w in (words[-5:-1] if head else words[-4:])):
            is_range = False  # "ارتفع عدد القتلى من 5 إلى 7": a change
        if is_range and head is None and gap in ("الى", "حتى") and q2["object"] is None and q2["unit"] is None:
            is_range = False  # without a head "X إلى Y" is a range only before what it counts
        if not is_range and gap == "و":
            return None
        v1 = q1["value"]
        scale = self._scale_of(q2["text"])
        if scale > 1 and self._scale_of(q1["text"]) != scale and v1 < 1000 and v1 <= q2["value"] / scale:
            v1 = _num(v1 * scale)
        elif scale > 1 and self._scale_of(q1["text"]) != scale:
            return None
        if not is_range or not v1 < q2["value"]:
            if q2["kind"] == "count" or (scale > 1 and v1 == q1["value"] and self._scale_of(q1["text"]) != scale):
                return None
            q1["value"] = v1
            q1["kind"], q1["unit"], q1["object_lemma"] = q2["kind"], q2["unit"], q2["object_lemma"]
            q1["rule"] = "range." + q2["rule"]
            return None
        start = q1["start"]
        if head is not None:
            hm = _RX21.search(left)
            if hm:
                start = q1["start"] - (len(left) - hm.start())
        it = dict(q2)
        it.update({"start": start, "text": text[start:q2["end"]], "value": v1, "min": v1,
                   "max": q2["max"] if q2["max"] is not None else q2["value"], "approx": True,
                   "rule": "range." + q2["rule"]})
        if "casualty" not in it and q1.get("casualty") and it["kind"] == "count" \
                and it["object_lemma"] in _PERSONLIKE:
            it["casualty"] = q1["casualty"]  # "قتل ما بين 10 و15 شخصا": the verb stands before the head
        return it

    # -- one number ------------------------------------------------------------
    def _item(self, m: NumberMatch, i0: int, text: str, toks, by_start, by_end, norm, doc, gap_ok) -> dict | None:
        """The quantity item of number ``m`` that starts in token ``i0`` (after its proclitics), or None."""
        starts, ends, words = toks.starts, toks.ends, toks.words
        value, me, approx, ms, vmin, vmax, mkind, mrule = m
        # the token ending where the number ends (numbers end at a token end; None otherwise)
        i1 = i0
        n_toks = len(words)
        while i1 < n_toks and ends[i1] < me:
            i1 += 1
        if i1 == n_toks or ends[i1] != me:
            return None
        nw = text[ms:me]
        prev = words[i0 - 1] if i0 > 0 else ""
        prev_adjacent = i0 > 0 and ends[i0 - 1] == starts[i0]
        before = text[max(0, ms - 2):ms]
        after = text[me:me + 2]
        is_digits = mkind in ("digits", "mixed")
        others = False
        combined = False  # rule count.casualties: dead and wounded counted together
        digits_only = mkind == "digits"
        kind = "count"
        unit = None
        lemma = None
        obj = None
        rule = mrule
        start, end = ms, me

        if mkind == "ordinal":
            if not text.startswith("ال", ms):
                return None
            # rule ord.regnal: "الملك عبدالله الثاني", "محمد السادس" (a name's regnal number)
            if prev in self.regnal_names or self._regnal(toks, i0):
                return None
            if prev and (prev[2:] if prev.startswith("ال") else prev) in self.time_units:
                return None
            if value >= 20 and prev == "فى":  # "في الثانية والتسعين": an age
                return self._out(doc, norm, ms, me, "age", value, False, None, None, "years", None, None,
                                 "age.ordinal") | {"_nend": me}
            it = self._out(doc, norm, ms, me, "ordinal", value, False, None, None, None, None, None,
                           "ord.word")
            it["_nend"] = me
            if prev.startswith("ال") and len(prev) > 3 and prev not in self.stop and gap_ok(i0 - 1, i0 + 1):
                ps, pe = starts[i0 - 1], ends[i0 - 1]
                it["object"] = doc.span(*norm.raw_span(ps, pe))
                it["object_lemma"] = self.objects.get((prev,))
            return it

        # -- skip dates, times, ids, phone numbers, scores -----------------------
        if digits_only or mkind == "mixed":
            dig = words[i0]
            if not self._plain_context(text, ms, me) and self._digit_context_bad(text, toks, m, i0, i1, before,
                                                                                 after):
                return None
            # product and model names: "Dell XPS 13", "Surface Pro 3 و", "«ويندوز 10»"
            # (_RX9 ends with \s+$: the number must follow a blank, as it mostly does)
            if ms > 0 and text[ms - 1].isspace() and _RX9.search(text[max(0, ms - 12):ms]):
                return None
            if digits_only and dig.startswith("0") and len(dig) > 1 and dig[1].isdigit():
                return None
            if digits_only and dig.isdigit() and len(dig) >= 7:
                return None
        # ids: "رقم 5", "المادة 3", "عام 2015"; also the later members of a list "في الدقائق 11 و18 و25"
        h = i0
        if is_digits:
            while h >= 2 and words[h - 1] == "و" and words[h - 2][0].isdigit() and ends[h - 1] == starts[h] \
                    and text[ends[h - 2]:starts[h - 1]].strip(" ،,") == "":
                h -= 2
        hprev = words[h - 1] if h > 0 else ""
        # a number joined to و is a new member of a list, not an id: "300 ألف يورو ومليون ريال"
        conj = starts[i0] < ms and text[starts[i0]] in "وف"
        ib = self.id_before
        # (the first test of _match_back, on the word before, without the call)
        back = self._match_back(toks, h, ib) if h > 0 and not conj and (
            hprev in ib.lasts or hprev in ib.back1_forms) else None
        if back and "\n" not in text[starts[h - back[0]]:ms]:
            return None
        hbase = hprev[2:] if hprev.startswith("ال") else hprev
        if (hprev in self.time_units or (hbase in self.time_units and hbase not in ("عام", "سنه", "اعوام"))) \
                and gap_ok(h - 1, h + 1) and is_digits and words[i0].isdigit() \
                and text[me:me + 2].strip()[:1] != "%":
            return None

        j = i1 + 1
        if j < len(words):
            e = ends[i1]  # gap_ok(i1, j + 1), its common case (one blank) first
            nxt = words[j] if (starts[j] - e == 1 and text[e] == " ") or gap_ok(i1, j + 1) else ""
        else:
            nxt = ""

        # years (4-digit 1300..2100) and codes (5+ digits, no separators) with nothing counted after them
        dg = words[i0]
        if digits_only and dg.isdigit() and ((1300 <= value <= 2100 and len(dg) == 4) or len(dg) >= 5):
            hit = (self._match(toks, j, self.currencies) or (nxt != "م" and self._match(toks, j, self.units))
                   or self._match(toks, j, self.objects) or self._cas_chain(toks, j, gap_ok) is not None
                   or self._cas_breakdown(toks, j, gap_ok)) if nxt else None
            if not hit and nxt and nxt not in self.stop and nxt not in self.time_units and not nxt.startswith("ال") \
                    and not nxt[0].isdigit() and len(nxt) >= 3:
                # a counted noun outside the lexicon: "1959 فرعا" (accusative), "16312 جهاز" (codes only)
                hit = nxt.endswith("ا") if len(dg) == 4 else True
            if not hit:
                return None
        # a number alone in quotes is a name or code: "9911"
        if digits_only and before[-1:] in "\"«“'" and after[:1] in "\"»”'" and before and after:
            return None

        # "15 من شهر يونيو", "24 من يوليو": a date
        if nxt == "من" and j + 1 < len(words) and words[j + 1] in self.time_units and gap_ok(j, j + 2) \
                and isinstance(value, int) and value <= 31:
            return None
        # "ست" alone is also "lady" / "West" ("وست بروميتش"): only before a known counted noun
        if mkind == "words" and i0 == i1 and nw in ("ست",) and not (
                nxt and (self._match(toks, j, self.objects) or self._match(toks, j, self.units)
                         or (ms == starts[i0] and not nxt.startswith("ال") and nxt not in self.stop))):
            return None
        # vague counts of time units are times: "آلاف السنين", "عشرات الأعوام"
        if mkind == "vague" and nxt.startswith("ال") and nxt[2:] in self.time_units:
            return None
        # "في المائة" / "بالمئة" with no number before it is a percent word, not 100
        if mkind == "words" and i0 == i1 and value == 100 and nw.startswith("ال") and (
                prev == "فى" or words[i0].startswith(("بال", "فال"))):
            return None
        # "عدة" behind a proclitic must be followed by its noun ("بعدة نسخ"; not "وبعده،")
        if mrule == "vague.several" and ms > starts[i0] and not (
                nxt and nxt not in self.stop and not nxt[0].isdigit()):
            return None
        # lone واحد: only where it counts a person: "من بينهم واحد", "شخص واحد", "قتيل واحد"
        if mkind == "words" and value == 1 and i0 == i1:
            b = self._match_back(toks, i0, self.one_person_before)
            plem = None
            if not b and i0 > 0 and gap_ok(i0 - 1, i0 + 1):
                plem = next((self.objects[(w,)] for _, w in self._strip(prev) if (w,) in self.objects), None)
            if b:
                kind, lemma, rule = "count", "persons", "count.one_person"
            elif plem in _PERSONLIKE - {None} or plem in ("dead", "injured", "arrested", "casualties"):
                it = self._out(doc, norm, starts[i0 - 1], me, "count", 1, False, None, None, None,
                               (starts[i0 - 1], ends[i0 - 1]), plem, "count.one_after_noun")
                role = self._casualty(toks, by_start, by_end, starts[i0 - 1], me, i0 - 1, plem, gap_ok)
                if role:
                    it["casualty"] = role
                return it | {"_nend": me}
            else:
                return None
        # الاثنين = Monday
        if mkind == "words" and i0 == i1 and nw.startswith("ال") and value == 2:
            return None
        # rule measure.calibre: "برشاش ثلاثة وعشرين", "مدفع عيار 120": a calibre in mm, nothing counted
        if prev in self._calibre_forms and mkind in ("words", "digits") \
                and self._stem_in(prev, self.calibre_before, self._calibre_memo, self._calibre_forms) \
                and gap_ok(i0 - 1, i0 + 1) and not (nxt and self._match(toks, j, self.units)):
            return self._out(doc, norm, ms, me, "measure", value, False, None, None, "mm", None,
                             "mm (gun calibre)", "measure.calibre") | {"_nend": me}
        # fractions alone: only before a defined or known noun ("نصف السكان", "ثلثي أصوات")
        if mrule == "num.fraction" and isinstance(value, float) and value < 1:
            if nw.startswith("ال") or not nxt or nxt in self.stop or nxt in self.time_units or nxt[0].isdigit():
                return None
            if not (nxt.startswith("ال") or (nxt,) in self.objects or nw.startswith("ثلث") and nw != "ثلث"):
                return None
            if nxt.startswith("ال") and nxt[2:] in self.time_units:
                return None
            return self._out(doc, norm, ms, ends[j], "other", value, False, None, None, None,
                             (starts[j], ends[j]), self.objects.get((nxt,)), "fraction.noun") | {"_nend": ends[j]}

        # rule fraction.plural: "ثلاثة أرباع المقاعد" is 0.75 of the seats
        den = self.plural_fractions.get(nxt) if nxt else None
        if den and type(value) is int and 1 <= value < den and gap_ok(i1, j + 1):
            end, obj = ends[j], None
            if j + 1 < len(words) and words[j + 1].startswith("ال") and gap_ok(j, j + 2) \
                    and words[j + 1] not in self.stop:
                end, obj = ends[j + 1], (starts[j + 1], ends[j + 1])
            frac, start, approx, vmin, vmax = round(value / den, 6), ms, False, None, None
            cue = self._pre_cue(toks, i0, prev, gap_ok)  # "أكثر من أربعة أخماس"
            if cue:
                start, approx = cue[0], True
                vmin = frac if cue[1] == "min" else None
                vmax = frac if cue[1] == "max" else None
            return self._out(doc, norm, start, end, "other", frac, approx, vmin, vmax, None, obj,
                             self.objects.get((words[j + 1],)) if obj else None, "fraction.plural") | {"_nend": end}

        # -- after the number ----------------------------------------------------
        # time unit -> a time, not a quantity (unless an age)
        if nxt and nxt in self.time_units and not nxt.startswith("ال"):
            age = any(self._stem_in(words[k], self.age_before, self._age_memo, self._age_forms)
                      for k in range(max(0, i0 - 4), i0))
            paren = before.rstrip()[-1:] == "(" and text[ends[j]:ends[j] + 2].strip()[:1] == ")"
            if (age or paren) and nxt in ("عاما", "عام", "سنه", "سنوات", "اعوام", "سنين"):
                kind, unit, rule = "age", "years", "age.years"
                end = ends[j]
            else:
                return None
        # percent
        elif after.lstrip()[:1] == "%" or before.rstrip()[-1:] == "%":
            kind, unit, lemma, rule = "percent", "percent", "percent", "percent.sign"
            if after.lstrip()[:1] == "%":
                end = me + after.index("%") + 1
            else:
                start = ms - (len(before) - before.rindex("%"))
        elif nxt and nxt in self.percent.firsts and (hit := self._match(toks, j, self.percent, gap_ok=gap_ok)):
            kind, unit, lemma, rule = "percent", "percent", "percent", "percent.word"
            end = ends[j + hit[0] - 1]
        elif nxt and nxt in self.currencies.firsts and (
                hit := self._match(toks, j, self.currencies, clitic=False, gap_ok=gap_ok)):
            n, cur, _ = hit
            kind, unit, lemma, rule = "money", cur["unit"], cur["lemma"], cur["id"]
            end = ends[j + n - 1]
            k = j + n
            if k < len(words) and gap_ok(k - 1, k + 1):
                a = words[k]
                a = a[2:] if a.startswith("ال") else a
                a = a[:-1] if a.endswith("ه") else a
                if a in cur["adj"]:
                    unit = cur["adj"][a]
                    end = ends[k]
            obj = (starts[j], ends[j + n - 1])
        elif before.rstrip()[-1:] == "$" or after.lstrip()[:1] == "$":
            kind, unit, lemma, rule = "money", "USD", "dollars", "money.dollar_sign"
        elif nxt and nxt in self.units.firsts and (hit := self._match(toks, j, self.units, gap_ok=gap_ok)):
            n, (uid, ucode, ulemma), _ = hit
            kind, unit, lemma, rule = "measure", ucode, ulemma, uid
            end = ends[j + n - 1]
            obj = (starts[j], end)
            # "م2", "كم2", "م3": square / cubic, the exponent glued to the unit
            k = j + n
            if k < len(words) and starts[k] == end and words[k] in ("2", "3") and unit in ("m", "km", "cm"):
                unit = unit + words[k]
                lemma = ("square " if words[k] == "2" else "cubic ") + ulemma
                end = ends[k]
                obj = (obj[0], end)
        elif kind != "age":
            # counted object
            k = j
            if nxt == "من" and j + 1 < len(words) and gap_ok(j, j + 2):
                k = j + 1
            o = None
            if k < len(words) and gap_ok(i1, k + 1):
                hit = self._match(toks, k, self.objects, gap_ok=gap_ok) if words[k] in self.objects.firsts else None
                # (a chain starts with a casualty noun: the first test of _cas_chain, without the call)
                last = self._cas_chain(toks, k, gap_ok) if words[k] in self.cas_pair else None
                if last is not None:  # rule count.casualties: "300 قتيل وجريح", "عشرات القتلى والجرحى"
                    o = (starts[k], ends[last], "casualties")
                    combined = True
                elif hit:
                    n, lem, _ = hit
                    o = (starts[k], ends[k + n - 1], lem)
                else:
                    w = words[k]
                    ok = (not w[0].isdigit() and w not in self.stop and w not in self.time_units and len(w) >= 3
                          and w not in ("منهم", "منهن", "منها"))
                    if ok:
                        if k > j:  # "X من Y": Y must carry the article
                            ok = w.startswith("ال")
                        elif mkind == "vague" or (mkind == "words" and value and value >= 100):
                            ok = w.startswith("ال") or not w.startswith("و")
                        elif isinstance(value, (int, float)) and value >= 11:
                            ok = w.endswith("ا") and not w.startswith("ال") and not w.startswith("و")
                        else:
                            ok = not w.startswith("ال") and not w.startswith("و") and not w.startswith("ي") \
                                and not w.startswith("ت")
                    if ok:
                        o = (starts[k], ends[k], None)
            if (o is None or o[2] is None) and k == j and k < len(words) and gap_ok(i1, k + 1) \
                    and words[k] in self.others:
                # rule count.others: "وأصيب 17 آخرون"; the lemma comes from the verb or an earlier count (the
                # verb before a range's head: "وأصيب ما بين 20 و30 آخرين")
                h = self._range_head(words, i0, gap_ok)
                o = (starts[k], ends[k], self._casualty(toks, by_start, by_end, starts[h] if h is not None else ms,
                                                        me, i0 if h is None else h, "persons", gap_ok))
                others = True
            if o is not None:
                obj = (o[0], o[1])
                lemma = lemma or o[2]
                end = o[1]
                rule = rule if rule.startswith("count.") else "count." + mrule
            else:
                # post-nominal number: "المسلحين الـ12", "الرجال الثلاثة"
                post_al = prev == "ال" and prev_adjacent
                if post_al or nw.startswith("ال"):
                    pi = i0 - 2 if post_al else i0 - 1
                    if post_al:
                        start = starts[i0 - 1]
                    cs = next((c for c in range(pi - 1, max(-1, pi - 5), -1)
                               if self._cas_chain(toks, c, gap_ok) == pi), None) if pi >= 1 else None
                    if cs is not None and gap_ok(pi, i0 + 1):
                        # rule count.casualties: "القتلى والجرحى الـ12", "قتلى وجرحى بالعشرات"
                        obj = (starts[cs], ends[pi])
                        lemma = "casualties"
                        combined = True
                        start = starts[cs]
                    elif pi >= 0 and gap_ok(pi, i0 + 1):
                        pw = words[pi]
                        if post_al and digits_only and (pw in self.ordinal_heads or pw[1:] in self.ordinal_heads):
                            # rule ord.post_digits: "الدورة الـ25" is the 25th session
                            it = self._out(doc, norm, start, me, "ordinal", value, False, None, None, None,
                                           (starts[pi], ends[pi]), None, "ord.post_digits")
                            it["_nend"] = me
                            return it
                        if pw.startswith("ال") and len(pw) > 3 and pw not in self.stop:
                            if pw in self.time_units or pw[2:] in self.time_units:
                                return None
                            obj = (starts[pi], ends[pi])
                            lemma = self.objects.get((pw,), lemma)
                            start = starts[pi]
                rule = rule if rule.startswith("count.") else "count." + mrule
                if mkind != "vague" and lemma is None and obj is None and nxt == "منهم":
                    end = ends[j]
            if isinstance(value, float) and not approx and obj is None:
                kind = "other"
            # rule year.bare: a bare year-like number with no counted noun is a year, not a count
            dg = words[i0]
            if digits_only and dg.isdigit() and len(dg) == 4 and self.year_like[0] <= value <= self.year_like[1] \
                    and not others and (obj is None or text[me:me + 1] == ")" or before.rstrip()[-1:] == "("
                                        or (lemma is None and not self._counted_after_year(
                        text, toks, i0, j, m, before))):
                return None

        # -- cues -----------------------------------------------------------------
        cue = self._pre_cue(toks, i0, prev, gap_ok)
        if cue:
            start, eff = cue
            approx = True
            if eff == "min" and vmin is None:
                vmin = value
            elif eff == "max":
                vmax = value
        ei = i1 if end == me else by_end.get(end)
        if ei is not None and ei + 1 < len(words):
            pc = (self._match(toks, ei + 1, self.post_cues, gap_ok=gap_ok)
                  if words[ei + 1] in self.post_cues.firsts else None)
            if pc and gap_ok(ei, ei + 1 + pc[0]):
                eff, cid = pc[1]
                approx = True
                if eff == "min" and vmin is None:
                    vmin = value
                end = ends[ei + pc[0]]

        # rule count.casualties: a breakdown after the count ("20 بين قتيل وجريح", "25 ضحية ما بين قتيل وجريح")
        if kind == "count" and not combined and (lemma is None or lemma in _PERSONLIKE
                                                 or lemma in ("dead", "injured", "casualties")):
            ei = bisect.bisect_left(ends, end)  # by_end.get(end), without the call
            bd = None
            # (a breakdown starts with a head word: the first test of _cas_breakdown, without the call)
            if ei + 1 < len(words) and ends[ei] == end and words[ei + 1] in self.cas_heads.firsts \
                    and gap_ok(ei, ei + 2):
                bd = self._cas_breakdown(toks, ei + 1, gap_ok)
            if bd is not None:
                obj = (obj[0] if obj else starts[bd[0]], ends[bd[1]])
                end = ends[bd[1]]
                lemma = "casualties"
                combined = True
                if not rule.startswith("count."):
                    rule = "count." + mrule

        # rule count.dot_thousands: a counted noun is never a fraction: "1.200 شخص" is 1,200 persons (a dot
        # before exactly three digits groups thousands in Maghrebi and some Gulf outlets); money and measures
        # keep the decimal reading ("1.250 دينار" may be 1.25 Kuwaiti dinars)
        if kind == "count" and obj is not None and type(value) is float and digits_only \
                and _DOT_THOUSANDS.fullmatch(words[i0]):
            value = int(words[i0].replace(".", ""))
            vmin = value if vmin is not None else None
            vmax = value if vmax is not None else None
        it = self._out(doc, norm, start, end, kind, value, approx, vmin, vmax, unit, obj, lemma, rule)
        it["_nend"] = end
        if others:
            it["rule"] = "count.others"
            it["_others"] = True
        # casualty role
        if combined:
            it["casualty"] = "casualties"
            it["rule"] = "count.casualties"
        elif kind == "count":
            role = self._casualty(toks, by_start, by_end, start, end, i0, lemma or ("persons" if others else None),
                                  gap_ok)
            if role:
                it["casualty"] = role
        return it

    @staticmethod
    def _plain_context(text: str, ms: int, me: int) -> bool:
        """Whether the number at [ms, me) has only Arabic letters, ``%``, ``،`` or ``.`` next to it,
        maybe after one space, on both sides ("قتل 15 شخصا", "بنسبة 20%،"): then
        :meth:`_digit_context_bad` is False (none of its patterns can match)."""
        if ms > 0:
            c = text[ms - 1]
            if c == " " and ms > 1:
                c = text[ms - 2]
            if not ("\u0621" <= c <= "\u064A" or c in "%،.") and not (c == " " and ms == 1):
                return False
        if me < len(text):
            c = text[me]
            if c == " ":
                if me + 1 == len(text):
                    return True
                c = text[me + 1]
            if not ("\u0621" <= c <= "\u064A" or c in "%،."):
                return False
        return True

    def _digit_context_bad(self, text: str, toks, m: NumberMatch, i0: int, i1: int, before: str,
                           after: str) -> bool:
        """Whether the characters around a digit number make it no quantity (all but rule _RX9).

        Dates, clock times, scores ("1/ صفر", "4-صفر"), phone numbers, list
        numbering ("1 - أمانة"), Latin names around it, a bare number in
        brackets; ``before`` / ``after`` are the two characters around it.
        """
        starts, ends, words = toks.starts, toks.ends, toks.words
        joined_after = _RX1.match(text[m.end:m.end + 4]) and not _RX20.match(
            text[m.end:m.end + 16])  # "15-25 في المائة" is a range
        joined_before = _RX2.search(text[max(0, m.start - 4):m.start]) and not _RX0.match(text[m.end:m.end + 7])
        if (joined_after or joined_before) and self._hyphen_range(text, toks, m, i0, i1):
            joined_after = joined_before = False
        if joined_after or joined_before or before.endswith("+") or _RX3.match(text[m.end:m.end + 2]) \
                or before.rstrip().endswith("/"):
            return True  # dates, clock times, scores ("1/ صفر"), phone numbers
        if _RX4.search(before) or _RX5.match(after) or _RX6.match(after):
            return True
        # list numbering: "1 - أمانة", ". 3 - ", line-initial "2)"
        if _RX7.match(text[m.end:m.end + 4]) and _RX8.search(text[max(0, m.start - 3):m.start]):
            return True
        # product and model names: "Surface Pro 3 و", "«ويندوز 10»" (_RX9 is tested by the caller)
        if _RX10.match(text[m.end:m.end + 2]) \
                or _RX11.match(text[m.end:m.end + 2]) and _RX12.search(text[max(0, m.start - 21):m.start]):
            return True
        # a bare number in brackets followed by punctuation: "(21)،", "(43)" (minutes, references),
        # or opening a line / following a colon: "(1) سهولة" (list numbering)
        if before[-1:] == "(" and (_RX13.match(text[m.end:m.end + 3])
                                   or _RX14.search(text[max(0, m.start - 4):m.start])):
            return True
        # scores: "4-صفر", "صفر-2"
        if _RX15.match(text[m.end:m.end + 6]) or _RX16.search(text[max(0, m.start - 6):m.start]):
            return True
        # a digit group next to another one: phone numbers, codes ("+966 11 4567890")
        return (i0 > 0 and words[i0 - 1][0].isdigit() and text[ends[i0 - 1]:m.start].strip() == "") or (
            i1 + 1 < len(words) and words[i1 + 1][0].isdigit() and text[m.end:starts[i1 + 1]].strip() == "")

    _HYPHEN_RANGE = re.compile(r"(\d{1,6})\s?[-–]\s?(\d{1,6})(?![\d/.\-:–])")

    def _hyphen_range(self, text: str, toks, m: NumberMatch, i0: int, i1: int) -> bool:
        """Whether the number is a bound of "10-15 شخصا" (N-M, N < M, a known noun, unit or % after)."""
        lo, hi = max(0, m.start - 10), min(len(text), m.end + 10)
        if text.find("-", lo, hi) < 0 and text.find("–", lo, hi) < 0:
            return False  # no dash in reach: the pattern cannot match
        for mo in self._HYPHEN_RANGE.finditer(text, lo, hi):
            if mo.start() not in (m.start, ) and mo.start(2) != m.start:
                continue
            if mo.start() > 0 and _RX17.match(text[mo.start() - 1]):
                continue
            if int(mo.group(1)) >= int(mo.group(2)):
                continue
            rest = text[mo.end():mo.end() + 30]
            if _RX0.match(rest):
                return True
            w = _RX18.match(rest)
            if w and ((w.group(1),) in self.objects or (w.group(1),) in self.units
                      or (w.group(1),) in self.currencies):
                return True
        return False

    def _regnal(self, toks, i0: int) -> bool:
        """Rule ord.regnal: a title (الملك، البابا ...) before the ordinal with only name words between."""
        words = toks.words
        for k in range(i0 - 1, max(-1, i0 - 1 - self.regnal_window), -1):
            w = words[k]
            if w in self._regnal_forms and any(s in self.regnal_titles for _, s in self._strip(w)[:2]):
                return k < i0 - 1  # at least one name between: "الملك الثاني" is not a regnal number
            if w in self.stop or w[0].isdigit() or (w.startswith("ال") and w not in self.regnal_names):
                return False
        return False

    def _counted_after_year(self, text: str, toks, i0: int, j: int, m: NumberMatch, before: str) -> bool:
        """Rule year.bare: an unknown noun after a year-like number counts only in the clear cases."""
        words = toks.words
        if j >= len(words):
            return False
        w = words[j]
        if w in self.year_not_counted or any(p.search(w) for p in self.year_masdar):
            return False
        if i0 > 0 and self._match_back(toks, i0, self.year_before):
            return False
        return True

    def _range_head(self, words: list[str], i0: int, gap_ok) -> int | None:
        """First token of a range head before the upper bound at token ``i0`` ("ما بين 20 و|30", "بين 5 و|7",
        "من 10 إلى|15"), or None; ``words`` are the tokens' forms (:attr:`Tokens.words`)."""
        if i0 < 3 or not gap_ok(i0 - 3, i0 + 1):
            return None
        conn, low, head = words[i0 - 1], words[i0 - 2], words[i0 - 3]
        if not (low[0].isdigit() or self.parser.may_start(low)):
            return None
        if conn == "و" and head in ("بين", "مابين"):
            return i0 - 4 if i0 >= 4 and words[i0 - 4] == "ما" and gap_ok(i0 - 4, i0 - 2) else i0 - 3
        if conn in ("الى", "حتى") and head == "من":
            return i0 - 3
        return None

    def _others_lemmas(self, text: str, items: list[dict]) -> None:
        """count.others without a casualty verb: the lemma (and role) of the nearest earlier count in the sentence."""
        for i, it in enumerate(items):
            if not it.pop("_others", False) or it["object_lemma"] is not None:
                continue
            for prev in reversed(items[:i]):
                if _RX19.search(text[prev["end"]:it["start"]]):
                    break
                if prev["kind"] == "count" and prev["object_lemma"] is not None:
                    it["object_lemma"] = prev["object_lemma"]
                    if prev.get("casualty") and "casualty" not in it:
                        it["casualty"] = prev["casualty"]
                    break

    def _casualty(self, toks, by_start, by_end, start: int, end: int, i0: int, lemma, gap_ok) -> str | None:
        """Casualty role ("dead", "injured", "arrested", "casualties") of a count from its noun or the words around it.

        Rule count.casualties: cues of the dead and of the injured joined by و
        before the number ("مقتل وإصابة 20 شخصا", "قتل وجرح 12") give
        "casualties"; victims (lemma casualties: "25 ضحية") are casualties
        unless a cue other than casualty_cue_weak (سقوط) names their role.
        """
        starts, words = toks.starts, toks.words
        if lemma in ("dead", "injured", "arrested"):
            return lemma
        si = i0 if starts[i0] == start else by_start.get(start, i0)  # the item's first token
        if lemma != "casualties" and lemma not in _PERSONLIKE:
            return self._toll(toks, si, gap_ok) if lemma is None else None
        cb = self.cas_before
        ends, text = toks.ends, toks.text
        for n in range(1, 4):
            # tokens si - n .. si on one line, blanks between: the gaps after si - n + 1 passed already
            if si - n < 0:
                break
            e = ends[si - n]  # gap_ok(si - n, si - n + 2), its common case (one blank) first
            if not (starts[si - n + 1] - e == 1 and text[e] == " ") and not gap_ok(si - n, si - n + 2):
                break
            w = words[si - n]
            if w not in cb.lasts and w not in cb.back1_forms:
                continue  # no entry ends with that word (the first test of _match_back)
            b = self._match_back(toks, si - n + 1, cb)
            if b:
                cs = si - n + 1 - b[0]  # first token of the cue
                if lemma == "casualties" and any(w in self.cas_weak for _, w in self._strip(words[cs])):
                    continue
                if b[1] in ("dead", "injured") and self._cue_pair(toks, cs, b[1], gap_ok):
                    return "casualties"
                return b[1]
        ei = bisect.bisect_left(ends, end)  # by_end.get(end), without the call
        ca = self.cas_after
        if ei + 1 < len(words) and ends[ei] == end and words[ei + 1] in ca.first_forms:
            a = self._match(toks, ei + 1, ca, clitic=True, gap_ok=gap_ok)
            if a:
                if a[1] in ("dead", "injured") and gap_ok(ei, ei + 2) \
                        and self._cas_chain(toks, ei + 1, gap_ok) is not None:
                    return "casualties"  # "20 شخصا قتلى وجرحى"
                return a[1]
        return "casualties" if lemma == "casualties" else self._toll(toks, si, gap_ok)

    def _pre_cue(self, toks, i0: int, prev: str, gap_ok) -> tuple[int, str] | None:
        """The quantity cue right before token ``i0`` ("أكثر من 40", "نحو 30"; ``pre_cues``): its start offset
        (normalised; a conjunction before it left out: "وأكثر من 40" starts at أكثر) and its effect
        (approx, min or max), or None. ``prev`` is the token before ``i0``."""
        pcs = self.pre_cues
        if not i0 or not (prev in pcs.lasts or prev in pcs.back1_forms):
            return None
        bc = self._match_back(toks, i0, pcs)
        if not bc or not gap_ok(i0 - bc[0], i0 + 1):
            return None
        w = toks.words[i0 - bc[0]]
        return toks.starts[i0 - bc[0]] + (w[:1] in "وف" and w[1:] in pcs.firsts and w not in pcs.firsts), bc[1][0]

    def _toll(self, toks, si: int, gap_ok) -> str | None:
        """Rule count.toll (quantities.yaml): the role of the casualty noun of a toll phrase before a count
        whose first token is ``si``.

        "ارتفعت حصيلة القتلى إلى 45" -> dead; "بلغ عدد القتلى 18 والجرحى 40" -> injured for 40;
        "عدد ضحايا التفجير إلى 45 شخصا" -> casualties. None when no toll phrase stands before it.
        """
        words = toks.words
        nouns, links = self.toll_nouns, self.toll_links
        j = si - 1
        while j >= 0 and si - j <= 2 and words[j] in links and gap_ok(j, j + 2):
            j -= 1
        if j < 0 or not gap_ok(j, j + 2):
            return None
        w = words[j]
        if j == si - 1 and w[:1] == "و" and w[1:] in nouns and j > 0 and not words[j - 1].isalpha() \
                and gap_ok(j - 1, j + 1):
            return nouns[w[1:]]  # "عدد القتلى 18 والجرحى 40"
        if w not in nouns and j > 0 and w.startswith("ال") and words[j - 1] in nouns and gap_ok(j - 1, j + 1):
            j -= 1  # a genitive noun after the casualty noun: "عدد ضحايا التفجير"
            w = words[j]
        role = nouns.get(w)
        if role is None or j == 0 or not gap_ok(j - 1, j + 1):
            return None
        head = words[j - 1]
        if head in self.toll_heads or (head[:1] in "وب" and head[1:] in self.toll_heads):
            return role
        return None

    def _cue_pair(self, toks, cs: int, role: str, gap_ok) -> bool:
        """Whether the casualty cue starting at token ``cs`` is joined by و to an earlier cue of the other
        harm role ("مقتل وإصابة", "قتل و جرح"): rule count.casualties."""
        words = toks.words
        w = words[cs]
        if w.startswith("و") and len(w) > 1:
            k = cs
        elif cs > 0 and words[cs - 1] == "و":
            k = cs - 1
        else:
            return False
        if k <= 0 or not gap_ok(k - 1, cs + 1):
            return False
        b = self._match_back(toks, k, self.cas_before)
        return bool(b) and b[1] in ("dead", "injured") and b[1] != role

    def _cas_chain(self, toks, k: int, gap_ok) -> int | None:
        """Rule count.casualties: the last token of a chain of casualty nouns starting at token ``k``.

        The nouns (``casualty_pairs`` of quantities.yaml) are of one
        grammatical slot, joined by و (glued or a token of its own), of two
        roles or more: "قتيل وجريح", "القتلى و الجرحى", "قتلى وجرحى ومفقودين".

        Returns:
            The token index of the last noun, or None when there is no such chain.
        """
        words = toks.words
        if k >= len(words):
            return None
        first = self.cas_pair.get(words[k])
        if first is None:
            return None
        slot, role = first
        roles = {role}
        last = k
        i = k + 1
        n = len(words)
        while i < n:
            w = words[i]
            if w == "و" and i + 1 < n and gap_ok(last, i + 2):
                step = i + 1
                nxt = self.cas_pair.get(words[step])
            elif len(w) > 1 and w[0] == "و" and gap_ok(last, i + 1):
                step = i
                nxt = self.cas_pair.get(w[1:])
            else:
                break
            if nxt is None or nxt[0] != slot:
                break
            roles.add(nxt[1])
            last = step
            i = step + 1
        return last if len(roles) >= 2 else None

    def _cas_breakdown(self, toks, i: int, gap_ok) -> tuple[int, int] | None:
        """Rule count.casualties: a breakdown "بين قتيل وجريح" / "ما بين قتلى وجرحى" at token ``i``.

        Returns:
            (first noun token, last noun token) of the chain after the head, or None.
        """
        words = toks.words
        hit = self._match(toks, i, self.cas_heads, gap_ok=gap_ok)
        if not hit:
            return None
        k = i + hit[0]
        if k >= len(words) or not gap_ok(k - 1, k + 1):
            return None
        last = self._cas_chain(toks, k, gap_ok)
        return (k, last) if last is not None else None

    def _dual_reading(self, w: str) -> tuple[int, str, str, bool] | None:
        """How a word may be a dual noun: (prefix length, stripped form, singular stem, needs context), or None.

        Depends on the word only (cached); "needs context" marks the feminine
        dual outside the lexicon, which :meth:`_dual` still checks against the
        word before it.
        """
        memo = self._dual_memo
        if w in memo:
            return memo[w]
        if len(memo) > 100_000:
            memo.clear()
        out = None
        readings = self._strip(w)[:2]
        if not any(s in self.dual_not for _, s in readings):
            for k, s in readings:
                if len(s) < 5:
                    continue
                stem = None
                if s.endswith(("تين", "تان")) and (s[:-3] + "ه",) in self.objects:
                    stem = s[:-3] + "ه"
                elif s.endswith(("ين", "ان")) and _final_ya(s[:-2]) in self.dual_masc:
                    stem = _final_ya(s[:-2])
                elif s.endswith("ان") and _final_ya(s[:-2]) in self.dual_masc_an:
                    stem = _final_ya(s[:-2])
                if stem is not None and not (s.startswith("ال") and ((stem[2:],) in self.objects
                                                                      or stem[2:] in self.dual_masc)):
                    out = (k, s, stem, False)
                    break
            if out is None:
                # feminine dual outside the lexicon ("مجموعتين"): most-stripped reading, stem of 4+ letters
                k, s = readings[-1]
                if s.endswith("تين") and len(s) >= 7 and not s.startswith("ال"):
                    out = (k, s, s[:-3] + "ه", True)
        memo[w] = out
        return out

    def _dual(self, text, toks, ti, norm, doc, by_start, by_end, gap_ok) -> dict | None:
        """A dual noun that counts two things: "آليتين", "كيسين" (no article)."""
        starts, ends, words = toks.starts, toks.ends, toks.words
        found = self._dual_reading(words[ti])
        if found is None:
            return None
        k, s, stem, contextual = found
        if contextual:
            pw = words[ti - 1] if ti > 0 else ""
            if pw.endswith(("ه", "تين", "تان")):
                return None
        st, en = starts[ti] + k, ends[ti]
        lem = self.objects.get((stem,)) or self.objects.get((s,))
        it = self._out(doc, norm, st, en, "count", 2, False, None, None, None, (st, en), lem, "count.dual")
        role = self._casualty(toks, by_start, by_end, starts[ti], en, ti, lem, gap_ok)
        if role:
            it["casualty"] = role
        return it

    def _out(self, doc, norm, start, end, kind, value, approx, vmin, vmax, unit, obj, lemma, rule) -> dict:
        """The item dict (keys in schema order) of normalised span [start, end) and object span ``obj``."""
        if start < end:  # norm.raw_span without its checks (the offsets come from the tokens of norm.text)
            rs, re_ = norm.starts[start], norm.ends[end - 1]
        else:
            rs, re_ = norm.raw_span(start, end)
        raw = doc.text
        if obj:
            os_, oe = obj
            os_, oe = (norm.starts[os_], norm.ends[oe - 1]) if os_ < oe else norm.raw_span(os_, oe)
            obj = {"start": os_, "end": oe, "text": raw[os_:oe]}
        # _num(x) is x for an int (the common case): the call is spared
        return {"start": rs, "end": re_, "text": raw[rs:re_], "kind": kind,
                "value": value if type(value) is int else _num(value),
                "approx": bool(approx),
                "min": vmin if vmin is None or type(vmin) is int else _num(vmin),
                "max": vmax if vmax is None or type(vmax) is int else _num(vmax), "unit": unit, "object": obj,
                "object_lemma": lemma, "rule": rule}
