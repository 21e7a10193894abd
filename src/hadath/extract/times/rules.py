"""Loading of the times lexicons and compilation of the matching rules.

Everything Arabic lives in the YAML files of ``ar/`` beside this module
(months.yaml, weekdays.yaml, relative.yaml, units.yaml, numbers.yaml,
dayparts.yaml, rules.yaml). :class:`TimeLexicon` reads them once, normalises
every entry with :func:`hadath.text.normalize.normalize_word`, builds the
lookup tables used by the handlers, expands the ``{MACROS}`` of rules.yaml into
regular expressions and compiles every rule.

Example:
    >>> lex = TimeLexicon.load()
    >>> lex.months["حزيران"], lex.hijri_months["ربيع الاخر"]
    (6, 4)
    >>> lex.parse_number("خمسه وعشرين"), lex.parse_number("ثلاثه عشر")
    (25, 13)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress
from importlib import resources
from collections.abc import Iterator
from typing import Any

import yaml

from hadath.extract.quantities.numbers import Tokens, tokenize
from hadath.text.normalize import normalize, normalize_word

__all__ = ["TimeLexicon", "Rule", "load_yaml", "LEXICON_FILES"]

#: The lexicon files of the stage (in ``hadath/extract/times/ar``).
LEXICON_FILES = (
    "months.yaml", "weekdays.yaml", "relative.yaml", "units.yaml",
    "numbers.yaml", "dayparts.yaml", "rules.yaml",
)

_WORDS = re.compile(r"[^\W\d_]{2,}")
_DIGITS = re.compile(r"\d+")
_CLITIC_LETTERS = frozenset("وفبلك")
#: The second letter of a two-letter proclitic (_CLITIC: وب ول فب فل وك; and لل, ل + ال).
_SECOND_CLITIC = frozenset("بلك")
_AL_UNITS = frozenset({"U_PL", "U_DU"})
_match_span = re.Match.span
_LETTER = re.compile(r"[^\W\d_]")  # the letters of _WORDS


def _is_letter(c: str) -> bool:
    """Whether one character is a letter of :data:`_LETTER` (``\\w`` but not ``\\d`` nor ``_``).

    ``\\w`` is ``str.isalnum`` (alpha, decimal, digit or numeric) or "_", ``\\d``
    is ``str.isdecimal``: what is left is alpha, or numeric but not decimal
    ("²", "½"). Two str methods cost less than a regex match.

    Example:
        >>> [_is_letter(c) for c in "a1_ ه²٣"]
        [True, False, False, False, True, True, False]
    """
    return c.isalpha() or (c.isnumeric() and not c.isdecimal())
_CLITIC_TOKENS = frozenset("وفبلك")
_ARABIC_TOKEN = re.compile(r"[\u0621-\u064A]+")  # the letter tokens of numbers.TOKEN_RE

#: libyaml's safe loader when PyYAML has it (same result, about 10x faster), else the Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: One optional proclitic before a match (left out of the span).
_CLITIC = r"(?:وب|ول|فب|فل|وك|[وفبلك])??"


def load_yaml(name: str) -> Any:
    """Read one YAML file of ``hadath/extract/times/ar``.

    Args:
        name: File name, e.g. ``"months.yaml"``.

    Returns:
        The parsed YAML document.

    Raises:
        FileNotFoundError: If the file does not exist.
    """
    ref = resources.files("hadath.extract.times").joinpath("ar", name)
    return yaml.load(ref.read_text("utf-8"), Loader=_YAML_LOADER)


def _n(word: str) -> str:
    return " ".join(normalize_word(str(word)).split())


def _alt(words, *, al_variants: bool = False) -> str:
    """Regex alternation of normalised words, longest first; spaces match ``\\s+``.

    Written as a prefix tree (``ي(?:ناير|ونيو)`` for يناير, يونيو) so ``re``
    follows one branch per character instead of trying every word. It matches
    the same strings in the same order of preference as the flat alternation
    sorted longest first: the words that match at one position are prefixes of
    each other, and a longer continuation is always tried before stopping.

    Example:
        >>> _alt(["يناير", "يونيو", "يوليو"])
        '(?:ي(?:ناير|و(?:ليو|نيو)))'
        >>> _alt(["كانون الثاني", "كانون"])
        '(?:كانون(?:\\\\s+الثانى)?)'
    """
    forms = set()
    for w in words:
        w = _n(w)
        if not w:
            continue
        forms.add(w)
        if al_variants and w.startswith("ال") and len(w) > 3:
            forms.add("لل" + w[2:])
    trie: dict = {}
    for f in forms:
        node = trie
        for tok in f:  # one token per character; a (single, normalised) space stands for \s+
            node = node.setdefault(tok, {})
        node[""] = {}  # end of a word

    def emit(node: dict) -> str:
        alts = []
        for tok in sorted(k for k in node if k):
            alts.append((r"\s+" if tok == " " else re.escape(tok)) + emit(node[tok]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here: a longer one is tried first
            return f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


#: Words never chosen as the trigger word of a phrase when it has another word.
_WEAK = {"هذا", "هذه", "يوم", "من", "بعد", "قبل", "اول", "فى", "كل", "ال", "على", "عند", "حتى"}


def _key_word(phrase: str) -> str:
    """The word of a phrase used as its trigger: the first one unless it is weak or very short."""
    words = phrase.split()
    if words[0] not in _WEAK and len(words[0]) > 2 and not words[0].isdigit():
        return words[0]
    strong = [w for w in words if w not in _WEAK and not w.isdigit()] or words
    return max(strong, key=len)


@dataclass
class Rule:
    """One compiled matching rule.

    Attributes:
        id: Stable rule id (``times.<id>`` on output items).
        handler: Name of the handler in :mod:`hadath.extract.times.match`.
        priority: Tie-breaker between overlapping matches of equal length.
        regex: The compiled pattern (over normalised text).
        needs: Trigger names (see :meth:`TimeLexicon.trigger_spans`); the rule
            runs only around the words that trigger it.
        required: Strings one of which every match contains (derived from
            ``regex`` by :func:`required_strings`), or None when unknown.
        prefilters: Patterns each of which finds something inside every
            match of ``regex`` (:func:`required_pattern`, else the alternation
            of ``required``); a window where one of them finds nothing cannot
            hold a match and is skipped.
        extra: Hand-written prefilters of rules.yaml (``prefilter``), tried
            after the derived one (the test suite checks that each finds
            something inside every match of the rule).
        anchors: For each prefilter, strings one of which each of its matches
            contains and that few windows hold (:func:`rare_strings`; empty: none
            such): a window holding none of them is dropped without the search.
        gate: A pattern that finds something inside every match of ``regex``
            (the first prefilter, else the derived one even where ``derive`` is
            off; None: none): past a match, the rest of a window is searched
            only where it finds something.
        lead: ``(pattern, back)`` (:func:`lead_pattern`): no match of ``regex``
            starts more than ``back`` code points before the first match of
            ``pattern``, a quick search; None when the rule does not start so.
        derive: Whether to derive a prefilter from ``regex`` (rules.yaml
            ``derived_prefilter: false`` turns it off where it is little more
            than the rule's trigger word: it keeps nearly every window and costs
            more than it saves, as ``benchmarks/times_prefilters.py`` prints).
    """

    id: str
    handler: str
    priority: int
    regex: re.Pattern
    needs: tuple[str, ...] = ()
    required: tuple[str, ...] | None = None
    prefilters: tuple[re.Pattern, ...] = ()
    extra: tuple[re.Pattern, ...] = ()
    derive: bool = True
    anchors: tuple[tuple[str, ...], ...] = ()
    gate: re.Pattern | None = None
    lead: tuple[re.Pattern, int] | None = None

    def __post_init__(self) -> None:
        tree = _parse(self.regex)
        if self.required is None:
            self.required = required_strings(self.regex, tree)
        pat = required_pattern(self.regex, tree=tree)
        if pat is None and self.required:
            pat = "|".join(map(re.escape, sorted(self.required, key=lambda r: (-len(r), r))))
        derived = re.compile(pat) if pat else None
        if not self.prefilters:
            self.prefilters = ((derived,) if derived is not None and self.derive else ()) + tuple(self.extra)
        self.gate = self.prefilters[0] if self.prefilters else derived
        self.lead = lead_pattern(self.regex, tree=tree)
        self.anchors = tuple(rare_strings(p) for p in self.prefilters)


def _parse(rx: re.Pattern):
    """The parsed form of a pattern (``re._parser``), or None for flags or another Python."""
    if rx.flags & ~re.UNICODE:
        return None
    try:
        from re import _parser as P  # noqa: N812 (CPython's sre internals)
        tree = P.parse(rx.pattern)
    except Exception:  # pragma: no cover - another Python
        return None
    return None if tree.state.flags & ~re.UNICODE else tree


def _literal_runs(items) -> Iterator[tuple[Any, Any]]:
    """The items of a parsed regex sequence (``sre`` parse tree) with each run of literal characters
    joined: ``(None, "text")`` for a run, ``(op, av)`` for every other item, in order."""
    from re import _constants as C  # noqa: N812 (CPython's sre internals)

    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            yield None, run
            run = ""
        yield op, av
    if run:
        yield None, run


def required_pattern(rx: re.Pattern, min_score: float = 1.0, tree=None) -> str | None:
    r"""A pattern that finds something inside every match of ``rx`` (None: none found).

    A necessary condition used to skip text where ``rx`` cannot match.
    Derived from the parsed pattern: within its mandatory part (descending
    into groups, into every branch of an alternation, and into repeats with a
    minimum of one), a run of consecutive items is written back as a regular
    expression without groups or assertions (assertions only restrict, so
    dropping them keeps the condition necessary); those items match a
    contiguous piece of every match. A sub-run never starts or ends with an
    optional item, and a repeat at its start is cut to its last repetition.

    Among the candidates, one whose first item lets ``re`` skip ahead by a
    first character (a literal, a character class, or an alternation of
    literals) is preferred once its selectivity score reaches ``min_score``
    (literal characters 1 each, small character classes 0.5, wide ones and
    ``\d`` 0.3, ``\s`` and negated classes 0.05); otherwise the highest
    score wins. Only patterns without flags are analysed.

    Args:
        rx: A compiled pattern.
        min_score: Least score of a pattern worth searching for.
        tree: ``rx`` already parsed (saves parsing it again).

    Returns:
        The pattern text, or None.

    Example:
        >>> required_pattern(re.compile(r"(?<!\w)(?:عام\s+)?(?P<y>1[34]\d\d)\s?(?P<hm>ه|هجري)(?!\w)"))
        '1[34][\\d][\\d](?:[\\s]){0,1}ه'
        >>> required_pattern(re.compile(r"\d+")) is None
        True
    """
    tree = _parse(rx) if tree is None else tree
    if tree is None:
        return None
    from re import _constants as C  # noqa: N812 (CPython's sre internals)
    cats = {C.CATEGORY_DIGIT: (r"\d", 0.3), C.CATEGORY_NOT_DIGIT: (r"\D", 0.05),
            C.CATEGORY_SPACE: (r"\s", 0.05), C.CATEGORY_NOT_SPACE: (r"\S", 0.05),
            C.CATEGORY_WORD: (r"\w", 0.05), C.CATEGORY_NOT_WORD: (r"\W", 0.05)}
    zero_width = (C.ASSERT, C.ASSERT_NOT, C.AT)

    def esc(c: int) -> str:
        return re.escape(chr(c))

    def emit_seq(items) -> tuple[str, float] | None:
        out, score = [], 0.0
        for op, av in items:
            r = emit(op, av)
            if r is None:
                return None
            out.append(r[0])
            score += r[1]
        return "".join(out), score

    def emit(op, av) -> tuple[str, float] | None:
        """Regex text and score of one item (None: cannot be written back)."""
        if op in zero_width:
            return "", 0.0
        if op is C.LITERAL:
            return esc(av), 1.0
        if op is C.NOT_LITERAL:
            return f"[^{esc(av)}]", 0.05
        if op is C.ANY:
            return ".", 0.0
        if op is C.IN:
            parts, neg, score = [], "", 0.5
            for iop, iav in av:
                if iop is C.NEGATE:
                    neg, score = "^", 0.05
                elif iop is C.LITERAL:
                    parts.append(esc(iav))
                elif iop is C.RANGE:
                    parts.append(f"{esc(iav[0])}-{esc(iav[1])}")
                    if iav[1] - iav[0] > 12:
                        score = min(score, 0.3)
                elif iop is C.CATEGORY and iav in cats:
                    parts.append(cats[iav][0])
                    score = min(score, cats[iav][1])
                else:
                    return None
            return f"[{neg}{''.join(parts)}]", score
        if op is C.SUBPATTERN:
            _group, add, dele, sub = av
            if add or dele:
                return None
            r = emit_seq(sub)
            return None if r is None else (f"(?:{r[0]})", r[1])
        if op is C.BRANCH:
            alts = [emit_seq(a) for a in av[1]]
            if any(a is None for a in alts):
                return None
            return "(?:" + "|".join(a[0] for a in alts) + ")", min(a[1] for a in alts)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            r = emit_seq(sub)
            if r is None:
                return None
            rep = f"{{{lo}}}" if lo == hi else f"{{{lo},{'' if hi is C.MAXREPEAT else hi}}}"
            return f"(?:{r[0]}){rep}", r[1] * min(lo, 3)
        return None

    def friendly(op, av) -> bool:
        """Whether a pattern starting with this item gets the fast search of ``re`` (a first character set)."""
        if op in (C.LITERAL, C.IN):
            return True
        if op is C.BRANCH:
            return all(alt and flat(alt)[:1] and flat(alt)[0][0] is C.LITERAL for alt in av[1])
        return False

    def optional(op, av) -> bool:
        return op in zero_width or (op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0)

    def flat(items) -> list:
        """The items of a sequence with plain groups spliced in (a group only captures)."""
        out = []
        for op, av in items:
            if op is C.SUBPATTERN and not (av[1] or av[2]):
                out += flat(av[3])
            else:
                out.append((op, av))
        return out

    def better(cand, best) -> bool:
        """Candidates are (pattern, score, fast); a fast one that is selective enough wins over a slow one."""
        if best is None:
            return True
        ok_c, ok_b = cand[2] and cand[1] >= min_score, best[2] and best[1] >= min_score
        if ok_c != ok_b:
            return ok_c
        return cand[1] > best[1]

    def best_of(items):
        """Best necessary pattern of a sequence: a sub-run of written-back items, or one item's own requirement."""
        best = None
        run: list = []
        for op, av in flat(items) + [(None, None)]:
            r = emit(op, av) if op is not None else None
            if r is not None:
                run.append((op, av, r))
                continue
            for i, (op_i, av_i, r_i) in enumerate(run):
                if optional(op_i, av_i):
                    continue
                head, fast = r_i, friendly(op_i, av_i)
                if op_i in (C.MAX_REPEAT, C.MIN_REPEAT):  # only its last repetition touches what follows
                    sub = flat(av_i[2])
                    if len(sub) == 1 and friendly(*sub[0]):
                        head, fast = emit(*sub[0]), True
                for j in range(i, len(run)):
                    if optional(run[j][0], run[j][1]):
                        continue
                    parts = [head] + [x[2] for x in run[i + 1:j + 1]]
                    cand = ("".join(x[0] for x in parts), sum(x[1] for x in parts), fast)
                    if better(cand, best):
                        best = cand
            run = []
            if op is not None:
                cand = inner(op, av)
                if cand is not None and better(cand, best):
                    best = cand
        return best

    def inner(op, av):
        """Requirement of one item that cannot be written back as a whole."""
        if op is C.SUBPATTERN:
            _group, add, dele, sub = av
            return None if (add or dele) else best_of(sub)
        if op is C.BRANCH:
            alts = [best_of(a) for a in av[1]]
            if not alts or any(a is None for a in alts):
                return None
            fast = all(a[0][:1] not in "([\\." for a in alts)  # each alternative starts with a literal
            return "(?:" + "|".join(a[0] for a in alts) + ")", min(a[1] for a in alts), fast
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, _hi, sub = av
            return best_of(sub) if lo >= 1 else None
        return None

    res = best_of(tree)
    if res is None or res[1] < min_score:
        return None
    return res[0]


def required_strings(rx: re.Pattern, tree=None) -> tuple[str, ...] | None:
    r"""Strings of which every match of ``rx`` contains at least one (None: no such set found).

    Derived from the parsed pattern: literal runs, alternations of them, groups and
    repeats with a minimum of one; anything else (classes with categories, optional
    parts, assertions) gives no requirement. Only patterns without flags are analysed.

    Example:
        >>> required_strings(re.compile(r"(?<!\w)(?:عام|سنة)\s+\d{4}"))
        ('سنة', 'عام')
        >>> required_strings(re.compile(r"\d+")) is None
        True
    """
    tree = _parse(rx) if tree is None else tree
    if tree is None:
        return None
    from re import _constants as C  # noqa: N812 (CPython's sre internals)

    def seq(items) -> frozenset[str] | None:
        best: frozenset[str] | None = None
        opts: list[frozenset[str]] = []
        for op, av in _literal_runs(items):
            r = frozenset([av]) if op is None else one(op, av)
            if r is not None:
                opts.append(r)
        for o in opts:
            if best is None or (min(map(len, o)), -len(o)) > (min(map(len, best)), -len(best)):
                best = o
        return best

    def one(op, av) -> frozenset[str] | None:
        if op is C.SUBPATTERN:
            _group, add, dele, sub = av
            return None if (add or dele) else seq(sub)
        if op is C.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                r = seq(alt)
                if r is None:
                    return None
                out |= r
            return frozenset(out) if out else None
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, _hi, sub = av
            return seq(sub) if lo >= 1 else None
        if op is C.IN:
            chars: set[str] = set()
            for iop, iav in av:
                if iop is C.LITERAL:
                    chars.add(chr(iav))
                elif iop is C.RANGE and iav[1] - iav[0] < 32:
                    chars.update(map(chr, range(iav[0], iav[1] + 1)))
                else:
                    return None
            return frozenset(chars) if chars else None
        return None

    req = seq(tree)
    return tuple(sorted(req)) if req else None


def lead_pattern(rx: re.Pattern, tree=None) -> tuple[re.Pattern, int] | None:
    r"""The first item of a rule's ``whole`` group as a pattern of its own, and how far back a match may start.

    A rule's regex is ``(?<!\w)CLITIC(?P<whole>...)...``: every match starts at
    most ``back`` code points (the longest proclitic) before a match of the first
    item of ``whole`` (groups looked into); so no match starts before the first
    match of that item, less ``back``, and a search for the rule may begin
    there. The item is kept only where ``re`` searches for it by its first
    character (a literal, a character class, an alternation of literal-led
    branches): then it costs a fraction of the rule's search, which tries a
    match at every position. Compiled from the parsed pattern itself (the
    same item, assertions and groups included).

    Args:
        rx: A compiled rule pattern.
        tree: Its parsed form (``_parse(rx)``) when already at hand (parsed here otherwise).

    Returns:
        ``(pattern, back)``, or None (no ``whole`` group at the top level, flags,
        another first item).

    Example:
        >>> lead, back = lead_pattern(re.compile(r"(?<!\w)(?:و|ول)??(?P<whole>(?:امس|غدا)\s+\d+)(?!\w)"))
        >>> lead.search("قال امس 3").start(), back
        (4, 2)
    """
    tree = _parse(rx) if tree is None else tree
    whole = rx.groupindex.get("whole")
    if tree is None or whole is None:
        return None
    from re import _compiler, _constants as C, _parser as P  # noqa: N812 (CPython's sre internals)

    items = list(tree)
    at = [i for i, (op, av) in enumerate(items) if op is C.SUBPATTERN and av[0] == whole]
    if len(at) != 1:
        return None
    back = P.SubPattern(tree.state, items[:at[0]]).getwidth()[1]
    first = items[at[0]]
    while first[0] is C.SUBPATTERN and not (first[1][1] or first[1][2]) and len(first[1][3]):
        first = first[1][3][0]  # a group only captures: its first item
    op, av = first
    if op is C.BRANCH:
        ok = all(len(alt) and alt[0][0] is C.LITERAL for alt in av[1])
    else:
        ok = op in (C.LITERAL, C.IN)
    if not ok or back >= C.MAXREPEAT:
        return None
    return _compiler.compile(P.SubPattern(tree.state, [first])), back


def rare_strings(rx: re.Pattern, max_count: int = 3) -> tuple[str, ...]:
    r"""Strings of which every match of ``rx`` contains one, chosen to be rare in text (empty: none).

    A cheap necessary condition: ``str.find`` of a few literals costs a tenth
    of a regex search over the same window. The requirements are those of the
    mandatory items of the pattern's top-level sequence (looking into its
    groups): a run of literal characters, an alternation whose every branch
    requires a string (:func:`required_strings`), a small character class.
    Only sets of at most ``max_count`` strings, each of three characters or
    more or one punctuation mark, are kept (the short words and letters of
    Arabic are in nearly every window); the smallest such set wins, then the
    one with the longest shortest string. Only patterns without flags are analysed.

    Example:
        >>> rare_strings(re.compile(r"(?:بتاريخ|فى|منذ|يوم)\s+\d{1,2}/\d{1,2}"))
        ('/',)
        >>> rare_strings(re.compile(r"(?:منذ|قبل)\s+\d+"))
        ('قبل', 'منذ')
        >>> rare_strings(re.compile(r"فى\s+\d+"))
        ()
    """
    tree = _parse(rx)
    if tree is None:
        return ()
    from re import _constants as C  # noqa: N812 (CPython's sre internals)

    options: list[tuple[str, ...]] = []

    def top(items) -> None:
        for op, av in _literal_runs(items):
            if op is None:
                options.append((av,))
            elif op is C.SUBPATTERN and not (av[1] or av[2]):
                top(av[3])
            elif op in (C.BRANCH, C.IN) or (op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1):
                req = required_strings(rx, tree=[(op, av)])  # what this one item requires
                if req:
                    options.append(req)

    top(tree)
    good = [o for o in options if len(o) <= max_count
            and all(len(x) >= 3 or (len(x) == 1 and not x.isalnum() and not x.isspace() and x != ".") for x in o)]
    if not good:
        return ()
    return tuple(sorted(min(good, key=lambda o: (len(o), -min(map(len, o)), o))))


@dataclass
class TimeLexicon:
    """All tables and compiled rules of the times stage (built once per pipeline).

    Attributes:
        months: Normalised Gregorian month name -> month number (1-12).
        ambiguous_months: Names that are also ordinary words.
        hijri_months: Normalised Hijri month name -> month number (1-12).
        holidays: Normalised holiday name -> (calendar, month, day, year or None) of its first day
            (``ar/holidays.yaml``; a year: an event named by its date).
        weekdays: Normalised weekday (with ال) -> ISO weekday (1 = Monday).
        rules: The compiled rules, in file order.
        Other attributes are lookup tables named after their YAML keys.
    """

    months: dict[str, int] = field(default_factory=dict)
    ambiguous_months: set[str] = field(default_factory=set)
    date_not_after: set[str] = field(default_factory=set)
    #: Words after which an ambiguous month name is a month (months.yaml ``ambiguous_after``).
    ambiguous_after: set[str] = field(default_factory=set)
    #: Ambiguous month names never read after those words alone (``ambiguous_after_not``).
    ambiguous_after_not: set[str] = field(default_factory=set)
    hijri_months: dict[str, int] = field(default_factory=dict)
    holidays: dict[str, tuple[str, int, int, int | None]] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    wd_not_after: set[str] = field(default_factory=set)
    wd_not_before: set[str] = field(default_factory=set)
    two_not_after: set[str] = field(default_factory=set)
    reldays: dict[str, dict] = field(default_factory=dict)
    today_not_after: set[str] = field(default_factory=set)
    today_not_before: set[str] = field(default_factory=set)
    modifiers: dict[str, int] = field(default_factory=dict)
    periods: dict[str, str] = field(default_factory=dict)
    parts: dict[str, str] = field(default_factory=dict)
    seasons: dict[str, dict] = field(default_factory=dict)
    year_parts: dict[str, str] = field(default_factory=dict)
    #: Month part name -> (id, first day, last day) (relative.yaml ``month_parts``; negative: from the end).
    month_parts: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    #: Decade name (with and without ال) -> its tens; century phrase -> its first year (relative.yaml).
    decades: dict[str, int] = field(default_factory=dict)
    #: Ordinal word -> n of rule holiday.nth_day (relative.yaml ``nth_day_words``).
    nth_day: dict[str, int] = field(default_factory=dict)
    decade_centuries: dict[str, int] = field(default_factory=dict)
    approx: dict[str, str] = field(default_factory=dict)
    last_dir: dict[str, int] = field(default_factory=dict)
    units: dict[str, tuple[dict, int]] = field(default_factory=dict)
    fractions: dict[str, float] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    teen_suffix: set[str] = field(default_factory=set)
    ordinals: dict[str, int] = field(default_factory=dict)
    dp_shift: dict[str, str] = field(default_factory=dict)
    dp_nouns: dict[str, str] = field(default_factory=dict)
    zones: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    #: Clock heads that make a time approximate (dayparts.yaml ``clock_approx``: قرابة الساعة ...).
    clock_approx: tuple[str, ...] = ()
    hour_fractions: dict[str, int] = field(default_factory=dict)
    age_before: set[str] = field(default_factory=set)
    set_adverbs: dict[str, str] = field(default_factory=dict)
    since_state: set[str] = field(default_factory=set)
    since_state_window: int = 5
    year_forward: set[str] = field(default_factory=set)
    year_link: set[str] = field(default_factory=set)
    year_reach: int = 200
    first_day: set[str] = field(default_factory=set)
    daymonth_of_ok: set[str] = field(default_factory=set)
    daymonth_not: set[str] = field(default_factory=set)
    daymonth_score: set[str] = field(default_factory=set)
    daymonth_score_window: int = 4
    when_rx: re.Pattern | None = None
    when_break_rx: re.Pattern | None = None
    when_punct_rx: re.Pattern | None = None
    when_clitic: tuple[int, int] = (20, 20)
    rules: list[Rule] = field(default_factory=list)
    #: The number words of ``{NUM}`` (units, tens, hundreds, teen suffixes), normalised.
    num_atoms: frozenset[str] = frozenset()
    macros: dict[str, str] = field(default_factory=dict)
    word_triggers: dict[str, set[str]] = field(default_factory=dict)
    #: Every word of the token alphabet that is a trigger word (:meth:`_keys_of`), with its
    #: trigger names: built once by :meth:`_trigger_forms` (about 5,000 forms).
    _word_keys: dict[str, tuple[str, ...]] | None = field(default=None, repr=False)
    #: The words of ``_word_keys`` and the proclitic letters (_CLITIC_TOKENS), the tokens
    #: :meth:`trigger_spans` looks at: membership in a frozenset is faster than in a dict.
    _word_keyset: frozenset[str] = field(default=frozenset(), repr=False)
    #: Per-rule data of the matching loop (built by :func:`hadath.extract.times.match.find` on first use).
    plan: tuple | None = field(default=None, repr=False)
    #: Letter token -> whether it ends in a number word of ``num_atoms`` behind at most six
    #: letters (the NUMUNIT test of :meth:`trigger_spans`); a bounded memo of str -> bool.
    _num_word: dict[str, bool] = field(default_factory=dict, repr=False)
    #: Text -> :meth:`parse_number` of it (a bounded memo of str -> int or None).
    _number_memo: dict[str, int | None] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ load
    @classmethod
    def load(cls) -> "TimeLexicon":
        """Read the YAML files and compile the rules.

        Returns:
            A ready :class:`TimeLexicon`.

        Raises:
            ValueError: If a rule pattern names an unknown macro or does not compile.
        """
        lx = cls()
        months = load_yaml("months.yaml")
        greg_strict, greg_all = [], []
        for e in months["gregorian"]:
            for name in e["names"]:
                k = _n(name)
                lx.months[k] = e["month"]
                greg_all.append(k)
                if e.get("ambiguous"):
                    lx.ambiguous_months.add(k)
                else:
                    greg_strict.append(k)
        hij_all = []
        for e in months["hijri"]:
            for name in e["names"]:
                k = _n(name)
                lx.hijri_months[k] = e["month"]
                hij_all.append(k)
        not_alone = {_n(w) for w in months["hijri_names_not_alone"]}
        lx.date_not_after = {_n(w) for w in months["date_not_after"]}
        lx.ambiguous_after = {_n(w) for w in months["ambiguous_after"]}
        lx.ambiguous_after_not = {_n(w) for w in months["ambiguous_after_not"]}
        hij_alone = [k for k in hij_all if k not in not_alone]

        wd = load_yaml("weekdays.yaml")
        for e in wd["weekdays"]:
            for name in e["names"]:
                lx.weekdays[_n(name)] = e["isoweekday"]
        lx.wd_not_after = {_n(w) for w in wd["not_after"]}
        lx.wd_not_before = {_n(w) for w in wd["not_before"]}
        lx.two_not_after = {_n(w) for w in wd["two_not_after"]}

        rel = load_yaml("relative.yaml")
        for e in rel["days"]:
            for name in e["names"]:
                lx.reldays[_n(name)] = {"offset": e["offset"], "part": e.get("part"), "id": e["id"]}
                if _n(name).startswith("ال"):
                    lx.reldays["لل" + _n(name)[2:]] = lx.reldays[_n(name)]
        lx.today_not_after = {_n(w) for w in rel["today_not_after"]}
        lx.today_not_before = {_n(w) for w in rel["today_not_before"]}
        modpost = []
        for e in rel["modifiers"]:
            for name in e["names"]:
                lx.modifiers[_n(name)] = e["direction"]
                if e["id"] != "current" or _n(name) not in ("هذا", "هذه"):
                    modpost.append(name)
        for e in rel["periods"]:
            for name in e["names"]:
                lx.periods[_n(name)] = e["id"]
                lx.periods["لل" + _n(name)[2:]] = e["id"]
        for e in rel["parts"]:
            for name in e["names"]:
                lx.parts[_n(name)] = e["part"]
        for e in rel["seasons"]:
            for name in e["names"]:
                lx.seasons[_n(name)] = e
                lx.seasons[_n(name)[2:]] = e  # صيف 2015
        for e in rel["year_parts"]:
            for name in e["names"]:
                lx.year_parts[_n(name)] = e["code"]
        for e in rel["month_parts"]:
            for name in e["names"]:
                lx.month_parts[_n(name)] = (e["id"], int(e["days"][0]), int(e["days"][1]))
        for e in rel["decades"]:
            for name in e["names"]:
                lx.decades[_n(name)] = lx.decades[_n(name)[2:]] = int(e["tens"])
        lx.decade_centuries = {_n(w): int(c) for c, ws in rel["decade_centuries"].items() for w in ws}
        lx.nth_day = {_n(w): int(n) for w, n in rel["nth_day_words"].items()}
        for e in rel["approx_words"]:
            for name in e["names"]:
                lx.approx[_n(name)] = e["bound"]
        for key in ("last_dir", "last_dir_dual"):
            for e in rel[key]:
                for name in e["names"]:
                    lx.last_dir[_n(name)] = e["direction"]
        lx.age_before = {_n(w) for w in rel["age_before"]}
        ss = rel["since_state"]
        for w in ss["participles"]:
            k = _n(w)
            lx.since_state.update({k, k + "ه", k + "ون", k + "ين", k + "ات", k + "ا", k + "تين", "ال" + k, "ال" + k + "ه",
                                   "ال" + k + "ون", "ال" + k + "ين"})
        lx.since_state.update(_n(w) for w in ss["verbs"] + ss["particles"])
        lx.since_state_window = int(rel["since_state_window"])
        lx.year_forward = {_n(w) for w in rel["year_context_forward"]}
        lx.year_link = {_n(w) for w in rel["year_context_link"]}
        lx.year_reach = int(rel["year_context_reach"])
        # rule year.when: the conjunction right after the year; what closes its clause
        lx.when_rx = re.compile(r"[\s،,]*(?:" + _alt(rel["year_when_conjunctions"]) + r")(?!\w)")
        brk_pre = "".join(re.escape(_n(w)) for w in rel["year_when_break_prefixes"])
        lx.when_punct_rx = re.compile(r"[،,:;؛()«»\-–]\s*([" + brk_pre + r"]\w+)")
        lx.when_break_rx = re.compile(r"(?<!\w)(?:" + _alt(rel["year_when_break_words"]) + r")(?!\w)")
        lx.when_clitic = (int(rel["year_when_clitic_min_count"]), int(rel["year_when_clitic_ratio"]))
        lx.first_day = {_n(w) for w in rel["first_day"]}
        lx.daymonth_of_ok = {_n(w) for w in rel["daymonth_of_ok"]}
        lx.daymonth_not = {str(w) for w in rel["daymonth_not"]}
        lx.daymonth_score = {_n(w) for w in rel["daymonth_score_words"]}
        lx.daymonth_score_window = int(rel["daymonth_score_window"])

        un = load_yaml("units.yaml")
        sg, sg_trig, du, pl = [], [], [], []
        for e in un["units"]:
            for name in e["singular"]:
                lx.units[_n(name)] = (e, 1)
                sg.append(name)
                if e.get("trigger_ok", True):
                    sg_trig.append(name)
            for name in e["dual"]:
                lx.units[_n(name)] = (e, 2)
                du.append(name)
            for name in e["plural"]:
                lx.units[_n(name)] = (e, 0)
                pl.append(name)
        lx.fractions = {_n(k): float(v) for k, v in un["fractions"].items()}

        nums = load_yaml("numbers.yaml")
        unitw, tensw, hundw = [], [], []
        for v, names in nums["units"].items():
            for name in names:
                lx.numbers[_n(name)] = int(v)
                unitw.append(name)
        for v, names in nums["tens"].items():
            for name in names:
                lx.numbers[_n(name)] = int(v)
                tensw.append(name)
        for v, names in nums["hundreds"].items():
            for name in names:
                lx.numbers[_n(name)] = int(v)
                hundw.append(name)
        lx.teen_suffix = {_n(w) for w in nums["teen_suffix"]}
        ord_units, hourw = [], []
        for v, names in nums["ordinals"].items():
            for name in names:
                k = _n(name)
                lx.ordinals[k] = int(v)
                if int(v) <= 9:
                    ord_units.append(k)
                if (k.endswith("ه") and k != "الاولى") or int(v) >= 11 or k == "الواحده":
                    hourw.append(k)
        for k, v in (("الحادى", 1), ("الحاديه", 1), ("العشرين", 20), ("الثلاثين", 30)):
            lx.ordinals[k] = v
        for k in lx.first_day:  # rule first_day (relative.yaml): غرة = day 1, never an hour
            lx.ordinals[k] = 1
        ord_units += ["الحادى", "الحاديه"]

        dp = load_yaml("dayparts.yaml")
        clock_only = {_n(w) for w in dp["clock_only"]}
        adv_all, adv_words = [], []
        for e in dp["adverbs"]:
            for name in e["names"]:
                lx.dp_shift[_n(name)] = e["shift"]
                adv_all.append(name)
                if _n(name) not in clock_only:
                    adv_words.append(name)
        noun_shift = {"morning": "am", "noon": "noon", "afternoon": "pm", "evening": "pm", "night": "night"}
        nouns = []
        for e in dp["nouns"]:
            for name in e["names"]:
                lx.dp_nouns[_n(name)] = e["part"]
                lx.dp_shift.setdefault(_n(name), noun_shift[e["part"]])
                nouns.append(name)
        for e in dp["zones"]:
            for name in e["names"]:
                lx.zones[_n(name)] = (e["id"], e["offset"])
        lx.hour_fractions = {_n(k): int(v) for k, v in dp["hour_fractions"].items()}
        lx.clock_approx = tuple(sorted({_n(w) for w in dp["clock_approx"]}, key=len, reverse=True))

        numw_atom = (
            f"(?:{_alt(unitw)}\\s+{_alt(nums['teen_suffix'])}|{_alt(tensw)}|{_alt(hundw)}|{_alt(unitw)})"
        )
        numw = f"(?:{numw_atom}(?:\\s+و\\s?{numw_atom})*)"
        numw_al = f"(?:(?:ال)?{numw_atom}(?:\\s+و\\s?(?:ال)?{numw_atom})*)"
        ord_tens = "(?:العشرين|الثلاثين)"
        ord_simple = _alt([k for k in lx.ordinals if lx.ordinals[k] <= 19 and k not in ("الحادى", "الحاديه")])
        orddays = f"(?:{_alt(ord_units)}\\s+و{ord_tens}|{ord_tens}|{ord_simple}|{_alt(lx.first_day)})"
        last_single = [n for e in rel["last_dir"] for n in e["names"]]
        last_dual = [n for e in rel["last_dir_dual"] for n in e["names"]]
        vcount = [normalize_word(w) for w in nums["vague_counts"]]
        m = {
            "DAY": r"(?:[0-2]?\d|3[01])",
            "YEAR": r"(?:1[89]\d\d|20\d\d)",
            "YEARKW": r"(?:1[0-9]\d\d|20\d\d)",
            "YM": r"(?:\s?م(?!\w)|\s(?:ميلادى|ميلاديه|للميلاد)(?!\w))?",
            "HYEAR": r"(?:1[34]\d\d)",
            "HM": r"(?:ه|هجرى|هجريه|للهجره)(?!\w)",
            "MONTH": _alt(greg_all),
            "MONTH_STRICT": _alt(greg_strict),
            "HMONTH": _alt(hij_all),
            "HMONTH_ALONE": _alt(hij_alone),
            "WD": _alt(lx.weekdays),
            "MODPOST": _alt(modpost),
            "ORDDAY": orddays,
            "YPREFIX": _alt(rel["year_prefixes"]),
            "DMPRE": _alt(rel["daymonth_prefixes"]),
            "RELDAY": _alt([n for e in rel["days"] for n in e["names"]], al_variants=True),
            "NOW": _alt(rel["now"]),
            "VAGUE": _alt(rel["vague"], al_variants=True),
            "VSINCE": _alt(rel["vague_after_since"]),
            "VTAIL": _alt(rel["vague_since_tail"]),
            "VCOUNT": _alt(vcount),
            "PERIOD": _alt([n for e in rel["periods"] for n in e["names"]], al_variants=True),
            "PART": _alt(lx.parts),
            "SEASONHEAD": _alt(rel["season_heads"]),
            "SEASON": _alt([n for e in rel["seasons"] for n in e["names"]]),
            "YPART": _alt(lx.year_parts),
            "MONTHPART": _alt(lx.month_parts),
            "DECADE": _alt(lx.decades),
            "NTHDAY": _alt(lx.nth_day),
            "CENTURY": _alt(lx.decade_centuries),
            "APPROX": _alt(lx.approx),
            "NUM": rf"(?:\d{{1,4}}|{numw})",
            "NUMAL": rf"(?:\d{{1,4}}|{numw_al})",
            "U_PL": _alt(pl),
            "U_SG": _alt(sg),
            "U_DU": _alt(du),
            "U_SG_TRIG": _alt(sg_trig),
            "DURPRE": _alt(rel["duration_pre"]),
            "DURPOST": _alt(rel["duration_post"]),
            "LASTDIR": _alt(last_single),
            "LASTDIR2": _alt(last_dual),
            "CLOCKPRE": _alt(dp["clock_heads"]),
            "HOURW": _alt(hourw),
            "HFRAC": rf"(?:{_alt(dp['hour_fractions'])}|(?:و|الا)\s?(?:\d{{1,2}}|{numw})\s+(?:دقيقه|دقائق))",
            "DPADV": _alt(adv_all),
            "DPADVW": _alt(adv_words),
            "DPFROM": _alt([w for w in list(lx.dp_shift) + ["ال" + w for w in lx.dp_nouns if " " not in w]]),
            "DPNOUN": _alt(lx.dp_nouns),
            "TZ": _alt(lx.zones),
        }
        by_month: dict[int, list[str]] = {}
        for k, v in lx.months.items():
            by_month.setdefault(v, []).append(k)
        pair_sep = r"(?:\s*[(/\-–]\s*|\s+)"

        def paired(names: list[str]) -> str:
            alts = []
            for mo, group in sorted(by_month.items()):
                first = [n for n in group if n in names]
                if first:
                    alts.append(f"{_alt(first)}(?:{pair_sep}{_alt(group)}\\s*\\)?)?")
            return "(?:" + "|".join(alts) + ")"

        m["MONTHP"] = paired(greg_all)
        m["MONTHP_STRICT"] = paired(greg_strict)
        m["AMBAFTER"] = _alt(sorted(lx.ambiguous_after))
        m["MONTHP_AMB"] = paired(sorted(lx.ambiguous_months - lx.ambiguous_after_not))
        m["VHEAD"] = _alt(rel["vague_heads"], al_variants=True)
        m["VMID"] = _alt(rel["vague_middles"])
        m["VDIR"] = _alt(rel["vague_dirs"])
        m["SETADV"] = _alt(rel["set_adverbs"])
        m["SEASONPREP"] = _alt(rel["season_preps"])
        m["WD_BARE"] = _alt([k[2:] for k in lx.weekdays])
        lx.set_adverbs = {_n(k): v for k, v in rel["set_adverbs"].items()}
        m["UNIT"] = f"(?:{m['U_PL']}|{m['U_SG']}|{m['U_DU']})"
        hol = load_yaml("holidays.yaml")["holidays"]
        lx.holidays = {_n(name): (h["calendar"], int(h["month"]), int(h["day"]), h.get("year"))
                       for h in hol for name in h["names"]}
        m["HOLIDAY"] = _alt([name for h in hol if h.get("year") is None for name in h["names"]])
        # events named by their date (a year of their own): each name holds a month name, their trigger
        m["NAMEDDATE"] = _alt([name for h in hol if h.get("year") is not None for name in h["names"]])
        # Trigger words: for each trigger name, one word that every phrase of
        # the set must contain (its most specific word), normalised.
        trigger_words = {
            "MONTH": greg_all, "HMONTH": hij_all,
            "WD_BARE": list(lx.weekdays) + [k[2:] for k in lx.weekdays],
            "RELDAY": list(lx.reldays), "NOW": rel["now"], "VAGUE": rel["vague"],
            "VHEAD": rel["vague_heads"], "VSINCE": rel["vague_after_since"],
            "U_SG": sg, "U_DU": du, "U_PL": pl, "UNIT": sg + du + pl,
            "SETADV": list(rel["set_adverbs"]), "PERIOD": list(lx.periods), "SEASON": list(lx.seasons),
            "YPART": list(lx.year_parts), "CLOCKPRE": dp["clock_heads"],
            "DPADVW": adv_words, "DPFROM": list(lx.dp_shift) + ["ال" + w for w in lx.dp_nouns],
            "DPNOUN": list(lx.dp_nouns), "PART": list(lx.parts), "MIDNIGHT": ["منتصف"], "DIGIT": [],
            "YEAR4": [], "NUMUNIT": [], "TZW": list(lx.zones),
            "HOLIDAY": [name for h in hol if h.get("year") is None for name in h["names"]],
            "DECADE": list(lx.decades),
        }
        lx.num_atoms = frozenset(_n(w) for w in unitw + tensw + hundw + list(nums["teen_suffix"]))
        for key, phrases in trigger_words.items():
            for ph in phrases:
                lx.word_triggers.setdefault(_key_word(_n(ph)), set()).add(key)
        lx.macros = m
        for r in load_yaml("rules.yaml")["rules"]:
            pat = normalize(r["pattern"]).text

            def sub(mo: re.Match, rid: str = r["id"]) -> str:
                key = mo.group(1)
                if key not in m:
                    raise ValueError(f"times rule {rid}: unknown macro {{{key}}}")
                return m[key]

            pat = re.sub(r"\{([A-Z][A-Z_0-9]*)\}", sub, pat)
            full = rf"(?<!\w){_CLITIC}(?P<whole>{pat})(?!\w)"
            try:
                rx = re.compile(full)
            except re.error as e:
                raise ValueError(f"times rule {r['id']}: bad pattern: {e}") from None
            needs = tuple(r.get("needs") or ())
            for key in needs:
                if key not in trigger_words:
                    raise ValueError(f"times rule {r['id']}: unknown trigger {key}")
            extra: tuple[re.Pattern, ...] = ()
            if r.get("prefilter"):  # a stronger necessary condition, tried after the derived one
                try:
                    extra = (re.compile(re.sub(r"\{([A-Z][A-Z_0-9]*)\}", sub, normalize(r["prefilter"]).text)),)
                except re.error as e:
                    raise ValueError(f"times rule {r['id']}: bad prefilter: {e}") from None
            lx.rules.append(Rule(r["id"], r["handler"], int(r.get("priority", 0)), rx, needs, extra=extra,
                                 derive=bool(r.get("derived_prefilter", True))))
        lx._word_keys = lx._trigger_forms()
        lx._word_keyset = frozenset(lx._word_keys) | _CLITIC_TOKENS
        return lx

    def trigger_spans(self, text: str, tokens: Tokens | None = None) -> dict[str, list[tuple[int, int]]]:
        """Where each trigger occurs in a normalised text.

        Every word (a run of two or more letters with no letter on either
        side) is looked up, bare and without one or two leading proclitic
        letters; every run of digits triggers ``DIGIT``, and every run of four
        digits starting with 1 or 2 (a year of ``{YEAR}``, ``{YEARKW}`` or
        ``{HYEAR}``) also ``YEAR4``. A word of ``UNIT`` whose token comes right
        after a digit token or a token that is a number word of ``{NUM}``
        behind at most six letters (و, proclitics, ال, لل) also triggers
        ``NUMUNIT``.

        Args:
            text: Normalised text.
            tokens: ``tokenize(text)`` if already computed
                (:func:`hadath.extract.quantities.numbers.tokenize`).

        Returns:
            Trigger name -> list of ``(start, end)`` word spans (code points), sorted.
        """
        if tokens is None:
            tokens = tokenize(text)
        out: dict[str, list[tuple[int, int]]] = {}
        memo = self._word_keys
        if memo is None:
            memo = self._word_keys = self._trigger_forms()
            self._word_keyset = frozenset(memo) | _CLITIC_TOKENS
        starts, ends, words = tokens.starts, tokens.ends, tokens.words
        n = len(text)
        # A word is a run of letters; one made of Arabic letters only is a token, so the
        # trigger words are the tokens found in the lexicon with no letter on either side.
        # The one other kind of trigger word: a proclitic letter, any letter outside the
        # token alphabet, then a lexicon word (the second letter is never looked at).
        look = self._word_keyset  # the trigger words, and the proclitic letters (see above)
        atoms = self.num_atoms
        num_word = self._num_word
        mixed = False
        for i in compress(range(len(words)), map(look.__contains__, words)):
            p, e = starts[i], ends[i]
            # (a space, the usual neighbour of a word, is tested first: cheaper than _is_letter)
            if p and text[p - 1] != " " and _is_letter(text[p - 1]):
                continue
            w = words[i]
            keys = memo.get(w)
            if keys is not None:
                if not (e < n and text[e] != " " and _is_letter(text[e])):
                    sp = (p, e)
                    for k in keys:
                        spans = out.get(k)
                        if spans is None:
                            out[k] = [sp]
                        else:
                            spans.append(sp)
                    if "UNIT" in keys and i:  # NUMUNIT: a unit word right after digits or a number word
                        prev = words[i - 1]
                        if not prev.isalpha():
                            numeric = True
                        else:
                            numeric = num_word.get(prev)
                            if numeric is None:
                                if len(num_word) >= 4096:
                                    num_word.clear()
                                numeric = num_word[prev] = any(prev[j:] in atoms for j in range(7))
                        if numeric:
                            out.setdefault("NUMUNIT", []).append(sp)
            elif e < n and text[e] != " " and _is_letter(text[e]):
                mo = _WORDS.match(text, p)
                keys = self._keys_of(mo.group())
                if keys:
                    mixed = True
                    for k in keys:
                        out.setdefault(k, []).append(mo.span())
        if mixed:
            for v in out.values():
                v.sort()
        # digit runs: inside the digit tokens (every token that is not letters)
        digits = []
        numeric = tokens.digits  # the digit tokens (computed once by tokenize, shared with quantities)
        for i in compress(range(len(words)), map(numeric.__contains__, words)) if numeric else ():
            if words[i].isdecimal():
                digits.append((starts[i], ends[i]))
            else:  # "1,500": one token, two runs
                digits += map(_match_span, _DIGITS.finditer(text, starts[i], ends[i]))
        if digits:
            out["DIGIT"] = digits
            years = [sp for sp in digits if sp[1] - sp[0] == 4 and text[sp[0]] in "12"]
            if years:
                out["YEAR4"] = years
        return out

    def _trigger_forms(self) -> dict[str, tuple[str, ...]]:
        """Every token (a run of letters U+0621-U+064A) with trigger names, and those names.

        A token's names (:meth:`_keys_of`) come from the word itself, the word
        after one proclitic letter, after two when the second is ب ل or ك
        (the two-letter proclitics of the rules' patterns, and لل), or with ال
        put back for a ل: so every such token is one of the forms enumerated
        here (about 5,000), and the table holds exactly the tokens
        :meth:`_keys_of` gives names to.
        """
        alphabet = sorted(_SECOND_CLITIC)
        forms: set[str] = set()
        for t in self.word_triggers:
            forms.add(t)
            forms.add("ال" + t)
            for c in _CLITIC_LETTERS:
                forms.add(c + t)
                forms.update(c + x + t for x in alphabet)
                if t.startswith("ال"):
                    forms.add(c + "ل" + t[2:])
        table = {}
        shared: dict[tuple[str, ...], tuple[str, ...]] = {}
        for w in forms:
            if _ARABIC_TOKEN.fullmatch(w):
                keys = self._keys_of(w)
                if keys:  # one tuple per distinct set of names (no garbage-collected containers per form)
                    keys = tuple(sorted(keys))
                    table[w] = shared.setdefault(keys, keys)
        return table

    def _keys_of(self, w: str) -> set[str] | None:
        """Trigger names of one word of :data:`_WORDS` (bare or behind proclitics), or None."""
        if len(w) < 2:
            return None
        wt = self.word_triggers
        keys = wt.get(w)
        if len(w) > 3:
            if w[0] in _CLITIC_LETTERS:  # و/ف/ب/ل/ك + word, وب/ول/فب/فل/وك/لل + word
                for form in (w[1:], w[2:] if w[1] in _SECOND_CLITIC else "", "ال" + w[2:] if w[1] == "ل" else ""):
                    more = wt.get(form)
                    if more:
                        keys = more if keys is None else keys | more
            if w[1] == "ل" and w[0] in "ال":  # الايام, لليومين: only the unit rules take ال
                more = wt.get(w[2:])
                if more and more & _AL_UNITS:
                    keys = (more & _AL_UNITS) if keys is None else keys | (more & _AL_UNITS)
        return keys or None

    def month_of(self, text: str) -> int | None:
        """Month number of a (possibly paired, "سبتمبر (ايلول)") normalised month name."""
        if text in self.months:
            return self.months[text]
        head = re.split(r"\s*[(/\-–]", text, maxsplit=1)[0].strip()
        if head in self.months:
            return self.months[head]
        words = head.split()
        for i in range(len(words) - 1, 0, -1):  # "يوليو تموز": a pair without brackets
            if " ".join(words[:i]) in self.months:
                return self.months[" ".join(words[:i])]
        return None

    # --------------------------------------------------------------- numbers
    def parse_number(self, text: str) -> int | None:
        """Value of a number written in digits or words (normalised text).

        Args:
            text: ``"24"``, ``"خمسه وعشرين"``, ``"الاربع وعشرين"``, ``"ثلاثه عشر"``.

        Returns:
            The integer, or None if a word is unknown.
        """
        memo = self._number_memo  # the same few numbers come again and again
        v = memo.get(text, -1)
        if v == -1:
            if len(memo) >= 4096:
                memo.clear()
            v = memo[text] = self._parse_number(text)
        return v

    def _parse_number(self, text: str) -> int | None:
        """:meth:`parse_number` without its memo."""
        text = text.strip()
        if text.isdigit():
            return int(text)
        words = text.split()
        total, i = 0, 0
        while i < len(words):
            w = words[i]
            if w.startswith("ال") and w not in self.numbers and w[2:] in self.numbers:
                w = w[2:]
            if w.startswith("و") and w not in self.numbers:
                w = w[1:]
                if w.startswith("ال") and w not in self.numbers:
                    w = w[2:]
            if w == "و":
                i += 1
                continue
            v = self.numbers.get(w)
            if v is None:
                return None
            if v < 10 and i + 1 < len(words) and words[i + 1] in self.teen_suffix:
                v += 10
                i += 1
            total += v
            i += 1
        return total or None

    def parse_ordinal(self, text: str) -> int | None:
        """Value of an ordinal day or hour (``"الحادى والعشرين"`` -> 21)."""
        text = " ".join(text.split())
        if text in self.ordinals:
            return self.ordinals[text]
        total = 0
        for part in text.split(" و"):
            v = self.ordinals.get(part.strip())
            if v is None:
                return None
            total += v
        return total
