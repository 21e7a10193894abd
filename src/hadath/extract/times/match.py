"""Matching: rules -> candidate meanings -> non-overlapping selection -> composition.

A *meaning* ("sem") is a plain dict with a ``type`` key, unresolved (no
reference time is used here):

* ``date``: ``cal`` (gregorian|hijri), ``y``/``m``/``d`` (any may be None),
  ``mod`` (-2, -1, 0, +1 or None: الماضي, الجاري, المقبل), ``wd``, ``part``.
* ``weekday`` (``wd`` ISO weekday, ``mod``), ``relday`` (``off`` days, ``part``),
  ``relday_wd`` (both), ``now``, ``vague``.
* ``period`` (``per`` week|month|year, ``dir``), ``season``, ``yearpart``.
* ``ago`` / ``duration`` / ``lastn``: ``qty`` (float, in ``unit``), ``unit``
  (the units.yaml entry), ``bound`` (approx|min|max|None), ``dir``.
* ``time``: ``h``, ``mi``, ``s``, ``tz`` (zone id, UTC offset hours), ``grain``.
* ``datetime`` (``date``, ``time``), ``interval`` (``a``, ``b``),
  ``partof`` (``part`` early|mid|late or a month part with its ``days``, ``base``).
* ``dpnoun`` / ``partprefix``: only live inside a composition; dropped alone.

All offsets here are code points of the NORMALISED text.
"""
from __future__ import annotations

import re
from typing import Callable

from hadath.extract.quantities.numbers import Tokens
from hadath.extract.times.rules import TimeLexicon

__all__ = ["Candidate", "find", "HANDLERS"]

Candidate = dict  # {"s": int, "e": int, "sem": dict, "rule": str, "prio": int}

_WORD = re.compile(r"[\w]+")


#: The last one or two words of a reversed piece of text (reversed themselves, nearest first).
_LAST_WORDS = {1: re.compile(r"\W*(\w+)"), 2: re.compile(r"\W*(\w+)(?:\W+(\w+))?")}


def _prev_words(text: str, pos: int, n: int = 2) -> list[str]:
    """The last ``n`` words of the 40 code points before ``pos`` (nearest last; a word cut there counts).

    The words of ``_WORD.findall(text[pos - 40:pos])[-n:]``, read backwards: one
    anchored match on the reversed piece instead of a scan of all of it.

    Example:
        >>> _prev_words("قال إنه في يوم", 14), _prev_words("قال إنه في يوم", 14, 1), _prev_words(" .", 2)
        (['في', 'يوم'], ['يوم'], [])
    """
    piece = text[max(0, pos - 40):pos]
    rx = _LAST_WORDS.get(n)
    if rx is None:
        return _WORD.findall(piece)[-n:]
    m = rx.match(piece[::-1])
    if m is None:
        return []
    if n == 2 and m.group(2) is not None:
        return [m.group(2)[::-1], m.group(1)[::-1]]
    return [m.group(1)[::-1]]


_SPACES = re.compile(r"\s*")  # the characters str.strip removes (both use Py_UNICODE_ISSPACE)


def _next_word(text: str, pos: int) -> str:
    """The word after ``pos`` past any whitespace ("" when none starts there)."""
    m = _WORD.match(text, _SPACES.match(text, pos).end())
    return m.group(0) if m else ""


def _strip_clitic(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وفبل" else w


def _g(m: re.Match, name: str) -> str | None:
    """Group ``name`` of a match with its spaces collapsed; None when absent, empty or not in the pattern."""
    if name not in m.re.groupindex:
        return None
    v = m.group(name)
    return " ".join(v.split()) if v else None


def _mod(lex: TimeLexicon, m: re.Match, *names: str) -> int | None:
    for n in names:
        v = _g(m, n)
        if v is not None:
            return lex.modifiers.get(v, 0)
    return None


# ---------------------------------------------------------------- handlers
def _named_after(lex, m, text) -> bool:
    prev = _prev_words(text, m.start("whole"), 1)
    return bool(prev) and (prev[-1] in lex.date_not_after or _strip_clitic(prev[-1]) in lex.date_not_after)


#: A day number (and "من") right before a month name that no day rule took (h_absdate).
_DAY_BEFORE = re.compile(r"\d\s*(?:من\s+)?$")


def h_absdate(lex, m, text, rule):
    if _named_after(lex, m, text):
        return None
    mon = _g(m, "mon")
    month = lex.month_of(mon)
    if month is None:
        return None
    d = _g(m, "d")
    od = _g(m, "od")
    day = int(d) if d else (lex.parse_ordinal(od) if od else None)
    if (d or od) and not day or (day is not None and not 1 <= day <= 31):
        return None
    y = _g(m, "y")
    mod = _mod(lex, m, "mod")
    if day is None and _DAY_BEFORE.search(text[max(0, m.start("whole") - 8):m.start("whole")]):
        return None  # the day number was refused by a more specific rule ("قصر 22 مايو")
    if mon in lex.ambiguous_months and day is None and y is None and mod is None and "شهر" not in m.group("whole"):
        if _g(m, "prep") is None:  # (rule greg.m_after: "في مارس" is a month, "مارس الضغط" a verb)
            return None
    sem = {"type": "date", "cal": "gregorian", "y": int(y) if y else None, "m": month, "d": day, "mod": mod}
    wd = _g(m, "wd")
    if wd:
        sem["wd"] = lex.weekdays.get(wd)
    return sem


def h_dayrange(lex, m, text, rule):
    if _named_after(lex, m, text):
        return None
    if _g(m, "conj") == "و" and _g(m, "pre") not in ("بين", "ما بين"):
        return None  # "يومي 27 و31 يوليو": two days, not a range
    month = lex.month_of(_g(m, "mon"))
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if month is None or not 1 <= d1 < d2 <= 31:
        return None
    y = _g(m, "y")
    base = {"type": "date", "cal": "gregorian", "y": int(y) if y else None, "m": month, "mod": _mod(lex, m, "mod")}
    return {"type": "interval", "a": dict(base, d=d1), "b": dict(base, d=d2)}


def h_numdate(lex, m, text, rule):
    d, mo, ys, sep = int(m.group("d")), int(m.group("m")), m.group("y"), m.group("sep")
    y = int(ys)
    hijri = bool(_g(m, "hm"))
    if len(ys) == 2:
        if sep != "/" or hijri:
            return None
        y += 2000 if y <= 50 else 1900
    if not 1 <= mo <= 12 and 1 <= d <= 12 and 1 <= mo <= 31 and not hijri:
        d, mo = mo, d  # M/D/Y written the US way
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if 1300 <= y <= 1500:
        hijri = True
    elif hijri or not 1900 <= y <= 2099:
        return None
    return {"type": "date", "cal": "hijri" if hijri else "gregorian", "y": y, "m": mo, "d": d, "mod": None}


def h_numdm(lex, m, text, rule):
    """Rule num.dm: "في 12/7" -> day 12 of July, year left open (resolved like "12 يوليو")."""
    d, mo = int(m.group("d")), int(m.group("m"))
    if not (1 <= mo <= 12 and 1 <= d <= (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[mo - 1]) \
            or f"{d}/{mo}" in lex.daymonth_not:
        return None
    after = _WORD.findall(text[m.end():m.end() + 30])
    if after[:1] == ["من"] and (len(after) < 2 or after[1] not in lex.daymonth_of_ok):
        return None  # "في 1/2 من الحالات": a fraction
    before = _WORD.findall(text[max(0, m.start("whole") - 80):m.start("whole")])[-lex.daymonth_score_window - 1:]
    if any(w in lex.daymonth_score or _strip_clitic(w) in lex.daymonth_score for w in before):
        return None  # "فاز الفريق في 3/1": a score
    return {"type": "date", "cal": "gregorian", "y": None, "m": mo, "d": d, "mod": None}


def h_year(lex, m, text, rule):
    y = int(m.group("y"))
    if 1300 <= y <= 1499:  # "عام 1436" without هـ: a Hijri year in this press
        return {"type": "date", "cal": "hijri", "y": y, "m": None, "d": None, "mod": None}
    if rule.id == "year.prefix":
        nxt = _next_word(text, m.end())
        if nxt.endswith("ا") and nxt not in lex.months and len(nxt) > 2 and not nxt.startswith("و") \
                and nxt not in ("كانا", "انا", "هذا", "ايضا", "كما"):
            return None  # "في 2000 شخصا": a count (not "في 2003 وما بعدها", "في 2001 كانا")
        if y % 100 == 0 and nxt.isalpha() and nxt not in ("م", "و"):
            return None  # "في 2000 موقع": a round count, not a year
    return {"type": "date", "cal": "gregorian", "y": y, "m": None, "d": None, "mod": None}


def h_yearrange(lex, m, text, rule):
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not y1 < y2 or y2 - y1 > 200:
        return None
    a = {"type": "date", "cal": "gregorian", "y": y1, "m": None, "d": None, "mod": None}
    return {"type": "interval", "a": a, "b": dict(a, y=y2)}


def h_hijri(lex, m, text, rule):
    hmon = _g(m, "hmon")
    month = lex.hijri_months.get(hmon) if hmon else None
    if hmon and month is None:
        return None
    d, od = _g(m, "d"), _g(m, "od")
    day = int(d) if d else (lex.parse_ordinal(od) if od else None)
    if (d or od) and (not day or not 1 <= day <= 30):
        return None
    y = _g(m, "y")
    if month is None and y is None:
        return None
    if hmon in ("صفر",) and d is not None and y is None and not _g(m, "hm") and _g(m, "mod") is None:
        return None  # "3 صفر" may be a score
    sem = {"type": "date", "cal": "hijri", "y": int(y) if y else None, "m": month, "d": day,
           "mod": _mod(lex, m, "mod")}
    wd = _g(m, "wd")
    if wd:
        sem["wd"] = lex.weekdays.get(wd)
    return sem


def h_holiday(lex, m, text, rule):
    """Rule holiday (ar/holidays.yaml): a named holiday is the date of its first day in its calendar."""
    h = lex.holidays.get(_g(m, "hol") or "")
    if h is None:
        return None
    cal, month, day, year = h
    if year is not None:  # an event named by its date: "أحداث 11 سبتمبر" is 2001-09-11
        return {"type": "date", "cal": cal, "y": year, "m": month, "d": day, "mod": None, "holiday": True,
                "rule": "named_date"}
    y = _g(m, "y")
    if y and cal != "hijri":
        return None  # (a Hijri year after a Gregorian holiday)
    gy = _g(m, "gy")
    if gy and cal == "hijri":  # "عيد الفطر 2014": the one of that Gregorian year (the first, when it has two)
        y = _hijri_year_in(month, day, int(gy))
        if y is None:
            return None
    elif gy:
        y = gy
    return {"type": "date", "cal": cal, "y": int(y) if y else None, "m": month, "d": day, "mod": _mod(lex, m, "mod"),
            "holiday": True}


def h_nthday(lex, m, text, rule):
    """Rule holiday.nth_day: day n of a holiday ("ثاني أيام عيد الأضحى" = 11 Dhu al-Hijja) or of a Hijri month."""
    n = lex.nth_day[_g(m, "nth")]
    if _g(m, "hol"):
        sem = h_holiday(lex, m, text, rule)
        if sem is None:
            return None
        sem.pop("rule", None)
        sem["d"] += n - 1
        return sem if sem["d"] <= 30 else None
    month = lex.hijri_months.get(_g(m, "hmon"))
    if month is None:
        return None
    y = _g(m, "y")
    return {"type": "date", "cal": "hijri", "y": int(y) if y else None, "m": month, "d": n, "mod": _mod(lex, m, "mod")}


def _hijri_year_in(month: int, day: int, gyear: int) -> int | None:
    """The Hijri year whose ``month``/``day`` (Umm al-Qura, hijridate) first falls in Gregorian ``gyear``.

    Example:
        >>> _hijri_year_in(10, 1, 2014)  # 1 Shawwal 1435 = 2014-07-28
        1435
    """
    from hijridate import Gregorian, Hijri

    try:
        h0 = Gregorian(gyear, 1, 1).to_hijri().year
        for hy in (h0, h0 + 1):
            if Hijri(hy, month, day).to_gregorian().year == gyear:
                return hy
    except (ValueError, OverflowError):  # outside the Umm al-Qura table
        return None
    return None


def h_dayofmonth(lex, m, text, rule):
    d, od = _g(m, "d"), _g(m, "od")
    day = int(d) if d else lex.parse_ordinal(od)
    if not day or not 1 <= day <= 31:
        return None
    if d and not _g(m, "mod") and not _g(m, "this") and "من" not in m.group("whole"):
        return None  # "15 الشهر" alone is too loose
    mod = _mod(lex, m, "mod")
    per = {"type": "period", "per": "month", "dir": mod if mod is not None else 0}
    return {"type": "date", "cal": "gregorian", "y": None, "m": None, "d": day, "mod": None, "mref": per}


def h_weekend(lex, m, text, rule):
    d = _mod(lex, m, "mod")
    return {"type": "weekend", "dir": d}


def h_hijriyears(lex, m, text, rule):
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not y1 < y2 <= y1 + 50:
        return None
    a = {"type": "date", "cal": "hijri", "y": y1, "m": None, "d": None, "mod": None}
    return {"type": "interval", "a": a, "b": dict(a, y=y2)}


def h_everyunit(lex, m, text, rule):
    adv = _g(m, "adv")
    if adv:
        return {"type": "set", "period": lex.set_adverbs[adv]}
    e, _k = lex.units[_g(m, "u1")]
    from hadath.extract.times.resolve import iso_duration

    return {"type": "set", "period": iso_duration(1, e), "grain": e["grain"]}


def h_weekdayset(lex, m, text, rule):
    return {"type": "set", "period": None, "grain": "day"}


def h_weekday(lex, m, text, rule):
    wd = lex.weekdays.get(_g(m, "wd"))
    if wd is None:
        return None
    start = m.start("whole")
    prev = _prev_words(text, start, 1)
    if prev and not m.group("whole").startswith("يوم") and (
            prev[-1] in lex.wd_not_after or _strip_clitic(prev[-1]) in lex.wd_not_after):
        return None
    if _next_word(text, m.end("whole")) in lex.wd_not_before:
        return None
    if wd == 1 and prev and not m.group("whole").startswith("يوم") and prev[-1] in lex.two_not_after:
        return None
    return {"type": "weekday", "wd": wd, "mod": _mod(lex, m, "mod")}


def h_relday(lex, m, text, rule):
    rd = _g(m, "rd")
    e = lex.reldays.get(rd)
    if e is None:
        return None
    start = m.start("whole")
    prev = _prev_words(text, start, 1)
    if prev and (prev[-1] in lex.today_not_after or _strip_clitic(prev[-1]) in lex.today_not_after):
        return None
    nxt = _next_word(text, m.end("whole"))
    if nxt in lex.today_not_before or (e["offset"] == 0 and (nxt == "ال" or nxt.isdigit())):
        return None  # "اليوم الوطني", "اليوم الـ 15 من"
    return {"type": "relday", "off": e["offset"], "part": e["part"]}


def h_now(lex, m, text, rule):
    return {"type": "now"}


def h_vague(lex, m, text, rule):
    return {"type": "vague"}


def h_relperiod(lex, m, text, rule):
    per = lex.periods.get(_g(m, "per") or _g(m, "per2") or "")
    if per is None:
        return None
    d = _mod(lex, m, "mod", "mod2")
    sem = {"type": "period", "per": per, "dir": d if d is not None else 0}
    part = _g(m, "part")
    if part:
        return {"type": "partof", "part": lex.parts[part], "base": sem}
    return sem


def h_season(lex, m, text, rule):
    name = _g(m, "season") or _g(m, "sw")
    e = lex.seasons.get(name)
    if e is None:
        return None
    y = _g(m, "y")
    return {"type": "season", "code": e["code"], "months": e["months"], "y": int(y) if y else None,
            "dir": _mod(lex, m, "mod")}


def h_yearpart(lex, m, text, rule):
    if _g(m, "n"):
        n = lex.parse_number(_g(m, "n"))
        if n is None or not 1 <= n <= 11:
            return None
        first = _g(m, "first") == "الاولى"
        code = {(6, True): "H1", (6, False): "H2", (3, True): "Q1", (3, False): "Q4"}.get((n, first))
        if code is None:
            code = (1, n) if first else (13 - n, 12)
    else:
        code = lex.year_parts.get(_g(m, "yp"))
    if code is None:
        return None
    y = _g(m, "y")
    d = _mod(lex, m, "mod", "mod2")
    return {"type": "yearpart", "code": code, "y": int(y) if y else None, "dir": d if d is not None else 0}


def h_monthpart(lex, m, text, rule):
    """Rules monthpart*: a part of a month (``partof`` with the part's ``days``) of a named or relative month."""
    name, first, last = lex.month_parts[_g(m, "mp")]
    y = _g(m, "y")
    if _g(m, "per"):
        base = h_relperiod(lex, m, text, rule)
    elif _g(m, "hmon"):
        base = {"type": "date", "cal": "hijri", "y": int(y) if y else None, "m": lex.hijri_months.get(_g(m, "hmon")),
                "d": None, "mod": _mod(lex, m, "mod")}
    else:
        base = {"type": "date", "cal": "gregorian", "y": int(y) if y else None, "m": lex.month_of(_g(m, "mon")),
                "d": None, "mod": _mod(lex, m, "mod")}
    if base is None or base.get("per", "month") != "month" or ("m" in base and base["m"] is None):
        return None
    return {"type": "partof", "part": name, "days": (first, last), "base": base}


def h_decade(lex, m, text, rule):
    """Rule decade: ``{"type": "decade", "tens", "century"}`` (century None: chosen at resolution)."""
    cent = _g(m, "cent")
    return {"type": "decade", "tens": lex.decades[_g(m, "dec")],
            "century": lex.decade_centuries.get(cent) if cent else None}


def _bound(lex, m) -> str | None:
    for n in ("apx", "pre", "post"):
        v = _g(m, n)
        if v and v in lex.approx:
            return lex.approx[v]
    return None


def _quantity(lex, m) -> tuple[float, dict] | None:
    if _g(m, "u2"):
        e, _k = lex.units[_g(m, "u2")]
        qty = 2.0
    elif _g(m, "u3"):
        e, _k = lex.units[_g(m, "u3")]
        qty = lex.fractions[_g(m, "frw")]
    elif _g(m, "u1"):
        e, _k = lex.units[_g(m, "u1")]
        qty = 1.0
    elif _g(m, "u"):
        e, _k = lex.units[_g(m, "u")]
        n = lex.parse_number(_g(m, "n") or "")
        if n is None:
            return None
        qty = float(n)
    else:
        return None
    fr = _g(m, "fr")
    if fr:
        qty += 0.5 if "نصف" in fr else 0.25
    return qty, e


_CLAUSE_END = re.compile(r"[.،,;؛:!?؟()\[\]«»\"\n]")


def _after_state(lex, text: str, pos: int) -> bool:
    """Whether a lasting state (relative.yaml since_state) stands in the clause before ``pos``.

    Looks at the ``since_state_window`` words before ``pos`` back to the last
    punctuation mark; a word matches bare or without one proclitic (و ف ب ل),
    two-word particles ("لا يزال") as a pair.
    """
    seg = text[max(0, pos - 90):pos]
    cut = list(_CLAUSE_END.finditer(seg))
    if cut:
        seg = seg[cut[-1].end():]
    words = seg.split()[-lex.since_state_window:]
    for i, w in enumerate(words):
        if w in lex.since_state or _strip_clitic(w) in lex.since_state:
            return True
        if i + 1 < len(words):
            pair = f"{_strip_clitic(w)} {words[i + 1]}"
            if pair in lex.since_state or f"{w} {words[i + 1]}" in lex.since_state:
                return True
    return False


def h_ago(lex, m, text, rule):
    q = _quantity(lex, m)
    if q is None:
        return None
    if _g(m, "pre") == "منذ" and _after_state(lex, text, m.start("whole")):
        # rule since.state (relative.yaml): "وهو معتقل منذ 3 سنوات" lasts P3Y up to now
        return {"type": "lastn", "qty": q[0], "unit": q[1], "bound": _bound(lex, m), "dir": -1,
                "rule": "since.state"}
    sem = {"type": "ago", "qty": q[0], "unit": q[1], "bound": _bound(lex, m), "dir": -1}
    if _g(m, "pre") == "قبل":
        # rule ago.event: "قبل أسبوع من الانتخابات" is a week before an event, not before the
        # publication: unresolved (value null, duration kept); "قبل أسبوع من الآن" is not
        nxt = _EVENT_ANCHOR.match(text, m.end("whole"))
        if nxt and nxt.group(1) not in _NOW_AFTER_MIN:
            sem["event_anchor"] = True
            sem["rule"] = "ago.event"
    return sem


#: Words after "بعد + duration" that make it a span after an event or in a state, not a date ahead (rule
#: later.count): normalised.
_LATER_NOT_BEFORE = frozenset(["من", "على", "ذلك", "مما", "فى", "عن", "علي", "منذ"])

#: "من" + the next word after "قبل + duration" (rule ago.event).
_EVENT_ANCHOR = re.compile(r"\s+من\s+([\u0621-\u064a]+)")
#: Words after "قبل + duration + من" that keep the reading "ago" (from now): "قبل عام من الآن",
#: "قبل عقدين من الزمن", "من أجل" (in order to), "من قبل" (by). Normalised forms.
_NOW_AFTER_MIN = frozenset(["الان", "اليوم", "الحين", "الوقت", "تاريخه", "الزمن", "اجل", "قبل"])


def h_duration(lex, m, text, rule):
    q = _quantity(lex, m)
    if q is None:
        return None
    qty, unit = q
    start, end = m.start("whole"), m.end("whole")
    prev = _prev_words(text, start, 2)
    if not lex.age_before.isdisjoint(prev) or (prev[-1:] == ["عن"] and unit["id"] == "year"):
        return None  # an age ("يبلغ من العمر 25 عاما", "توفي عن 83 عاما"): left to quantities
    if unit["id"] == "year" and text[start - 1:start] == "(" and text[end:end + 1] == ")":
        return None  # "بيليه (74 عاما)": an age
    if _g(m, "pre") == "بعد" and prev and prev[-1] in ("يوما", "يوم", "عاما", "عام", "ساعه", "شهرا", "سنه"):
        return None  # "يوما بعد يوم": day after day
    n = _g(m, "n")
    if n and n.isdigit() and unit["id"] in ("year", "day") and int(n) > 1000:
        return None
    sem = {"type": "duration", "qty": qty, "unit": unit, "bound": _bound(lex, m)}
    if _g(m, "pre") == "بعد":
        nxt_at = end
        while text[nxt_at:nxt_at + 1] in ("»", "\"", ")", " ") and nxt_at < len(text):
            nxt_at += 1
        nxt = _next_word(text, nxt_at)
        if nxt == "فقط":
            nxt = _next_word(text, nxt_at + text[nxt_at:].index("فقط") + 3)
        if nxt not in _LATER_NOT_BEFORE:
            # "بعد ثلاثة أسابيع": in three weeks when the sentence looks forward (rule later.count); not after
            # an event ("بعد عامين من الحرب"، "بعد عام مما كان مقررا") or in a state ("بعد 17 عاما في رئاسة")
            sem["after"] = True
    return sem


def h_lastn(lex, m, text, rule):
    q = _quantity(lex, m)
    if q is None:
        return None
    return {"type": "lastn", "qty": q[0], "unit": q[1], "bound": None, "dir": lex.last_dir.get(_g(m, "dir"), -1)}


def h_clock(lex, m, text, rule):
    if _g(m, "mid"):
        return {"type": "time", "h": 0, "mi": 0, "s": None, "tz": None, "grain": "hour"}
    hs = _g(m, "h")
    h = int(hs) if hs.isdigit() else lex.parse_ordinal(hs)
    if h is None:
        return None
    mi_s = _g(m, "mi")
    mi = int(mi_s) if mi_s else 0
    s = _g(m, "s")
    fr = _g(m, "fr")
    if fr:
        if fr in lex.hour_fractions:
            delta = lex.hour_fractions[fr]
        else:
            n = lex.parse_number(re.sub(r"^(?:و|الا)\s?|\s+(?:دقيقه|دقائق)$", "", fr))
            if n is None:
                return None
            delta = -n if fr.startswith("الا") else n
        mi += delta
        if mi < 0:
            h, mi = h - 1, mi + 60
    ap = _g(m, "ap") or _g(m, "ap2")
    if ap and not fr and not mi_s and _g(m, "ap") and len(_g(m, "ap")) == 1 and not hs.isdigit():
        return None
    if ap:
        shift = lex.dp_shift.get(ap) or lex.dp_shift.get(ap[2:] if ap.startswith("ال") else ap)
        if h > 12 and shift in ("am", "night"):
            if not (shift == "night" and h >= 18):
                return None
        if shift == "am" and h == 12:
            h = 0
        elif shift == "pm" and 1 <= h <= 11:
            h += 12
        elif shift == "noon" and 1 <= h <= 5:
            h += 12
        elif shift == "night":
            if 6 <= h <= 11:
                h += 12
            elif h == 12:
                h = 0
    if not (0 <= h <= 24 and 0 <= mi <= 59) or (h == 24 and mi):
        return None
    if h == 24:
        h = 0
    tz = _g(m, "tz")
    grain = "second" if s else ("minute" if mi_s or fr else "hour")
    sem = {"type": "time", "h": h, "mi": mi, "s": int(s) if s else None,
           "tz": lex.zones.get(tz) if tz else None, "grain": grain, "ap": bool(ap)}
    if lex.clock_approx and " ".join(m.group("whole").split()).startswith(lex.clock_approx):
        sem["approx"] = True  # "قرابة الساعة العاشرة"
    return sem


def h_dpnoun(lex, m, text, rule):
    return {"type": "dpnoun", "part": lex.dp_nouns[_g(m, "dpn")]}


def h_partprefix(lex, m, text, rule):
    return {"type": "partprefix", "part": lex.parts[_g(m, "part")]}


#: Handler name (rules.yaml "handler") -> function: every ``h_<name>`` of this module.
HANDLERS: dict[str, Callable[..., dict | None]] = {
    k[2:]: v for k, v in dict(globals()).items() if k.startswith("h_") and callable(v)
}


# ------------------------------------------------------------- composition
_G0 = re.compile(r"^[\s،,()\-–|]*$")
_G_DATE_TIME = re.compile(r"^[\s،,()\-–|]*(?:(?:فى|عند|على|نحو|حوالى)\s+)?$")
_G_TIME_DATE = re.compile(r"^[\s،,()\-–|]*(?:من\s+)?(?:يوم\s+)?$")
_G_DP = re.compile(r"^\s+(?:من\s+)?(?:يوم\s+)?$")
_G_PART = re.compile(r"^\s+(?:من\s+)?$")
_G_RANGE = re.compile(r"^\s*(?:الى|حتى|لغايه|ولغايه|والى|وحتى|-|–|و)\s*$")
_RANGE_PRE = re.compile(r"(?:^|\s)((?:ما\s+)?بين(?:\s+(?:شهرى|عامى|يومى|سنتى))?|من|منذ|اعتبارا\s+من)\s+$")
_G_OF_YEAR = re.compile(r"^\s+(?:من\s+)?$")


def _dayish(sem: dict) -> bool:
    t = sem["type"]
    return t in ("weekday", "relday", "relday_wd", "now") or (t == "date" and sem.get("d") is not None
                                                             and sem.get("mref") is None)


def _coarse(sem: dict) -> bool:
    t = sem["type"]
    return t in ("period", "season") or (t == "date" and sem.get("d") is None)


def _same_family(a: dict, b: dict) -> bool:
    if a["type"] == "weekday" and b["type"] == "weekday":
        return True
    if a["type"] == "date" and b["type"] == "date" and a["cal"] == b["cal"]:
        ka = (a.get("d") is None, a.get("m") is None)
        kb = (b.get("d") is None, b.get("m") is None)
        return ka == kb or (a.get("d") is not None and b.get("d") is not None)
    return False


#: Composition passes: the pieces of a day first, then clock + day, then ranges.
_PASSES = (
    {"weekday_date", "date_weekday", "relday_weekday", "relday_date", "daypart", "part", "date_of_year",
     "period_year"},
    {"time_date", "date_time"},
    {"interval"},
)


#: Every gap accepted by one of the _G_* patterns above is accepted by this one (a cheap first test).
_G_ANY = re.compile(r"[\s،,()\-–|]*(?:(?:فى|عند|على|نحو|حوالى|من|يوم|الى|حتى|لغايه|ولغايه|والى|وحتى|و)\s*){0,2}"
                    r"[\s،,()\-–|]*$")


def _compose_pair(a: Candidate, b: Candidate, text: str, allowed: set[str] | None = None) -> Candidate | None:
    if not _G_ANY.match(text, a["e"], b["s"]):
        return None  # no composition accepts what stands between them
    gap = text[a["e"]:b["s"]]
    sa, sb = a["sem"], b["sem"]
    if "holiday" in sa or "holiday" in sb:
        return None  # a holiday is its own date: "بمناسبة عيد الفطر، صباح يوم الأربعاء" names two days
    ta, tb = sa["type"], sb["type"]
    span = (a["s"], b["e"])
    name = None
    sem = None
    if ta == "weekday" and tb == "date" and sb.get("d") is not None and _G0.match(gap):
        sem, name = dict(sb, wd=sa["wd"]), "weekday_date"
    elif ta == "date" and sa.get("d") is not None and tb == "weekday" and _G0.match(gap):
        sem, name = dict(sa, wd=sb["wd"]), "date_weekday"
    elif ta == "relday" and tb == "weekday" and _G0.match(gap) and sb.get("mod") is None:
        sem, name = {"type": "relday_wd", "off": sa["off"], "wd": sb["wd"], "part": sa.get("part")}, "relday_weekday"
    elif ta in ("relday", "now") and tb == "date" and sb.get("d") is not None and _G0.match(gap):
        sem, name = dict(sb), "relday_date"
    elif ta == "dpnoun" and _dayish(sb) and _G_DP.match(gap):
        if sa["part"] == "noon":
            noon = {"type": "time", "h": 12, "mi": 0, "s": None, "tz": None, "grain": "hour", "ap": True}
            sem, name = {"type": "datetime", "date": sb, "time": noon}, "daypart"
        else:
            sem, name = dict(sb, part=sa["part"]), "daypart"
    elif ta == "period" and sa["per"] == "year" and _G0.match(gap) and (
            (tb == "date" and sb.get("y") is not None and sb.get("m") is None)
            or (tb == "interval" and sb["a"].get("m") is None and sb["a"].get("y") is not None)):
        sem, name = dict(sb), "period_year"
    elif ta == "partprefix" and (_coarse(sb) or (tb == "date" and sb["cal"] == "hijri" and sb.get("d") is None)) \
            and _G_PART.match(gap):
        sem, name = {"type": "partof", "part": sa["part"], "base": sb}, "part"
    elif ta == "date" and sa.get("m") is not None and sa.get("y") is None and sa.get("mod") is None \
            and tb == "period" and sb["per"] == "year" and _G_OF_YEAR.match(gap):
        sem, name = dict(sa, yref=sb), "date_of_year"
    elif ta == "time" and _dayish(sb) and _G_TIME_DATE.match(gap):
        sem, name = {"type": "datetime", "date": sb, "time": sa}, "time_date"
    elif _dayish(sa) and tb == "time" and _G_DATE_TIME.match(gap):
        sem, name = {"type": "datetime", "date": sa, "time": sb}, "date_time"
    elif _same_family(sa, sb) and _G_RANGE.match(gap):
        pre = _RANGE_PRE.search(text, max(0, a["s"] - 12), a["s"])
        if gap.strip() == "و" and not (pre and "بين" in pre.group(1)):
            return None
        if gap.strip() != "و" or pre:
            aa = dict(sa)
            if "m" in aa and aa.get("m") is None and sb.get("m") is not None and aa.get("d") is not None:
                aa["m"] = sb["m"]
            sem, name = {"type": "interval", "a": aa, "b": sb}, "interval"
            if pre:
                span = (pre.start(1), b["e"])
    if sem is None or (allowed is not None and name not in allowed):
        return None
    return {"s": span[0], "e": span[1], "sem": sem, "rule": f"compose.{name}", "prio": 20,
            "parts": [a, b]}


def _compose(items: list[Candidate], text: str) -> list[Candidate]:
    # Whether _G_ANY accepts the gap between two neighbours, by (end, start): most gaps are
    # refused, and the three passes would test each of them again.
    match = _G_ANY.match
    gap_ok: dict[tuple[int, int], bool] = {}
    for a, b in zip(items, items[1:]):
        gap = (a["e"], b["s"])
        gap_ok[gap] = match(text, gap[0], gap[1]) is not None
    # Only neighbours with such a gap compose (and only a composition changes the items): in
    # most texts no gap is one, and the passes are skipped.
    passes = _PASSES if True in gap_ok.values() else ()
    for allowed in passes:
        # Merge the first composable neighbours, again and again. Pairs left of a merge are
        # unchanged and did not compose, so the scan goes on from the pair before it.
        i = 0
        while i < len(items) - 1:
            a, b = items[i], items[i + 1]
            gap = (a["e"], b["s"])
            ok = gap_ok.get(gap)
            if ok is None:
                ok = gap_ok[gap] = match(text, gap[0], gap[1]) is not None
            c = _compose_pair(a, b, text, allowed) if ok else None
            if c is not None:
                items[i:i + 2] = [c]
                i = max(i - 1, 0)
            else:
                i += 1
    out = [c for c in items if c["sem"]["type"] not in ("dpnoun", "partprefix")]
    for c in out:
        e = c["e"]
        if text[e:e + 1] == ")":  # (tested first: it is rare)
            inner = text[c["s"]:e]
            if inner.count("(") > inner.count(")"):
                c["e"] = e + 1  # "اليوم (الاثنين)": keep the closing parenthesis
    return out


#: Characters searched before / after a trigger word (longer than any match's reach).
_BACK, _FWD = 60, 70


def _windows(needs: tuple[str, ...], spans: dict[str, list[tuple[int, int]]], n: int) -> list[tuple[int, int]]:
    """Merged ``(lo, hi)`` windows around the trigger spans of ``needs`` (empty: none occurs)."""
    if len(needs) == 1:  # most rules need one trigger: its spans are sorted already
        pos = spans.get(needs[0])
        if not pos:
            return []
        if len(pos) == 1:  # (the most common case: the loop below, unrolled)
            s0, e0 = pos[0]
            return [(s0 - _BACK if s0 > _BACK else 0, e0 + _FWD if e0 + _FWD < n else n)]
    else:
        lists = [spans[key] for key in needs if key in spans]
        if not lists:
            return []
        pos = lists[0] if len(lists) == 1 else sorted(sp for lst in lists for sp in lst)
    windows: list[tuple[int, int]] = []
    append = windows.append
    cur_lo = cur_hi = -1  # the window being grown (none yet); hi is clipped to n when it is closed
    for s0, e0 in pos:
        lo = s0 - _BACK if s0 > _BACK else 0
        if lo <= cur_hi:
            if e0 + _FWD > cur_hi:
                cur_hi = e0 + _FWD
        else:
            if cur_hi >= 0:
                append((cur_lo, cur_hi if cur_hi < n else n))
            cur_lo, cur_hi = lo, e0 + _FWD
    append((cur_lo, cur_hi if cur_hi < n else n))
    return windows


def _plan(lex: TimeLexicon) -> tuple[list[tuple], dict[str, tuple[int, ...]], tuple[int, ...]]:
    """What the matching loop reads of each rule, gathered once per lexicon.

    Returns:
        ``(rows, by_key, free)``: one row per rule in rules.yaml order
        ``(rule, needs, prefilters, regex, handler, has "x" group, group, gate, (lead, back))``
        with ``prefilters`` as ``(search method, anchors)`` pairs (:attr:`Rule.anchors`),
        ``gate`` the search method of :attr:`Rule.gate` and ``lead`` that of
        :attr:`Rule.lead` (None where the rule has none; ``back`` 0 then) (rules of
        one group have the same needs and prefilters, so they keep the same windows);
        trigger name -> indices of the rules that need it; indices of the rules that need none.
    """
    rows = []
    by_key: dict[str, list[int]] = {}
    free = []
    groups: dict[tuple, int] = {}
    for i, r in enumerate(lex.rules):
        group = groups.setdefault((r.needs, tuple(p.pattern for p in r.prefilters)), len(groups))
        prefilters = tuple((p.search, a) for p, a in zip(r.prefilters, r.anchors))
        rows.append((r, r.needs, prefilters, r.regex, HANDLERS[r.handler], "x" in r.regex.groupindex, group,
                     r.gate.search if r.gate is not None else None,
                     (r.lead[0].search, r.lead[1]) if r.lead is not None else (None, 0)))
        for key in r.needs:
            by_key.setdefault(key, []).append(i)
        if not r.needs:
            free.append(i)
    return rows, {k: tuple(v) for k, v in by_key.items()}, tuple(free)


def find(lex: TimeLexicon, text: str, tokens: Tokens | None = None) -> list[Candidate]:
    """Find time expressions in a normalised text (no resolution).

    Args:
        lex: The loaded lexicon and rules.
        text: Normalised text (``normalize(raw).text``).
        tokens: ``tokenize(text)`` if already computed (see :meth:`TimeLexicon.trigger_spans`).

    Returns:
        Non-overlapping candidates sorted by start, each
        ``{"s", "e", "sem", "rule", "prio"}`` with offsets into ``text``.
    """
    cands: list[Candidate] = []
    spans = lex.trigger_spans(text, tokens)
    n = len(text)
    plan = lex.plan
    if plan is None:
        plan = lex.plan = _plan(lex)
    rows, by_key, free = plan
    todo = set(free)  # the rules one of whose trigger words occurs (or that need none)
    for key in spans:
        ids = by_key.get(key)
        if ids:
            todo.update(ids)
    find_str = text.find
    by_needs: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # rules with the same needs share windows
    filtered: dict[int, list[tuple[int, int]]] = {}  # and, with the same prefilters, the windows these keep
    for i in sorted(todo):
        rule, needs, prefilters, rx, handler, has_x, group, gate, (lead, back) = rows[i]
        if needs:
            windows = by_needs.get(needs)
            if windows is None:
                windows = by_needs[needs] = _windows(needs, spans, n)
        else:
            windows = [(0, n)]
        if prefilters:  # a window where a prefilter finds nothing cannot hold a match
            kept = filtered.get(group)
            if kept is None:
                for search, anchors in prefilters:
                    # a window holding none of the prefilter's rare strings is dropped without the search
                    if len(anchors) == 1:
                        a = anchors[0]
                        windows = [w for w in windows if find_str(a, w[0], w[1]) >= 0 and search(text, w[0], w[1])]
                    elif anchors:
                        kept = []
                        for w in windows:
                            for a in anchors:
                                if find_str(a, w[0], w[1]) >= 0:
                                    if search(text, w[0], w[1]):
                                        kept.append(w)
                                    break
                        windows = kept
                    elif len(windows) == 1:  # (the most common case: no list comprehension)
                        w = windows[0]
                        if search(text, w[0], w[1]) is None:
                            windows = []
                    else:
                        windows = [w for w in windows if search(text, w[0], w[1])]
                    if not windows:
                        break
                kept = filtered[group] = windows
            windows = kept
        if not windows:
            continue
        search = rx.search
        # Past a match, the rule's gate (Rule.gate: a prefilter, cheaper than the rule) tells whether
        # the rest of the window can hold another one: every match of the rule holds one of its matches.
        for lo, hi in windows:
            pos = lo
            while pos <= hi:
                if pos > lo and gate is not None and gate(text, pos, hi) is None:
                    break
                if pos == lo and lead is not None:
                    # Rule.lead: no match starts before the first match of the rule's first item, less
                    # back; the window's start lies some 60 code points before its trigger word
                    h = lead(text, pos, hi)
                    if h is None:
                        break
                    if h.start() - back > pos:
                        pos = h.start() - back
                m = search(text, pos, hi)
                if m is None:
                    break
                ms, me = m.span()
                pos = me if me > ms else ms + 1
                if me >= hi - 1 and hi < n:  # it may go on past the window: redone on the whole text
                    m = rx.match(text, ms)
                    if m is None:  # a match only because the window cut a word ("الان" of "الانتخابات")
                        pos = ms + 1
                        continue
                sem = handler(lex, m, text, rule)
                if sem is None:
                    # A refused match does not hide one that starts inside it: "ليلة أمس" refused
                    # before الأول leaves "أمس الأول" (the longest relative day) to be found.
                    pos = ms + 1
                    continue
                s, e = m.span("x" if has_x and m.group("x") is not None else "whole")
                cands.append({"s": s, "e": e, "sem": sem, "rule": sem.pop("rule", rule.id), "prio": rule.priority})
    cands.sort(key=lambda c: (c["s"] - c["e"], -c["prio"], c["s"]))  # longest first, then priority, then start
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    for c in cands:
        s, e = c["s"], c["e"]
        if occupied.find(1, s, e) >= 0:  # it overlaps a longer (or preferred) one
            continue
        occupied[s:e] = b"\x01" * (e - s)
        taken.append(c)
    taken.sort(key=lambda c: c["s"])
    return _compose(taken, text)
