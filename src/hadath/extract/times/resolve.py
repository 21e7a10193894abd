"""Resolution of matched meanings against the reference time (Duckling-style).

:func:`resolve` turns one meaning dict from :mod:`hadath.extract.times.match`
into the output fields of a time item: ``kind`` (date|datetime|time|duration|
set|interval), ``value`` (ISO 8601 or None), ``grain``, ``calendar``,
``relative`` and ``approx`` (plus optional extra keys: ``bound``, ``part``,
``duration``, ``interval``, ``resolved``, ``timezone``).

Choices (documented here because news needs them):

* Rule tense.future (data: ar/tense.yaml; source: news-domain practice, cf.
  HeidelTime's news mode, which resolves underspecified dates by tense): a
  day, month or weekday with no year and no modifier of its own is the
  nearest PAST occurrence, the current one counting as current ("في يناير"
  on 2015-07-23 is 2015-01, "في يوليو" 2015-07, "27 رمضان" 27 Ramadan 1436 =
  2015-07-14 Umm al-Qura). When the sentence holds a future cue before it
  (سوف, لن, a س/ست/سي/سن-prefixed imperfect verb, المقبل/القادم, من المقرر,
  من المتوقع ...; the extractor sets ``future`` on the meaning) it is the
  next occurrence, the current one counting as current. Without a cue but
  with a scheduling verb in the sentence (تقام، تنطلق، يلتقي ...), a single
  day at most ``near_future_days`` (tense.yaml) after the reference is
  taken rather than the same day almost a year before, and a weekday is the
  coming one (rule tense.near_future: "تقام المباراة يوم 12 أغسطس" on 5
  August; the extractor sets ``near`` on the meaning). An open date that
  ends an interval opened by another open date in the same sentence ("ما بين
  15 يونيو إلى 15 سبتمبر") is the first one not ending before that start
  (``not_before``, set by the extractor).
* A bare weekday ("الخميس") is the nearest such day ON OR BEFORE the reference
  day (news reports past events; ON OR AFTER it under tense.future); with
  الماضي strictly before, with المقبل/القادم strictly after.
* A day or month without a year, with a modifier: الماضي the latest one that
  ended before the reference; المقبل the first one after it; الجاري/الحالي
  the one containing it, else the reference year.
* "منذ/قبل N unit" is a point in the past (value), with the length kept as
  ``duration``; "بعد N unit" and bare "N unit" are durations. After a lasting
  state in the same clause ("وهو معتقل منذ 3 سنوات", rule since.state of
  ar/relative.yaml) "منذ N unit" is a duration (P3Y) with its ``interval``.
* A day or month without a year takes the year of a dated neighbour in the
  same sentence before the reference time (rule year.context of
  ar/relative.yaml, applied by the extractor before resolution).
* "the last N units" (الأيام الثلاثة الماضية) is a duration with the anchored
  ``interval`` kept as an extra key.
* Parts of a period: early/mid/late = days 1-10 / 11-20 / 21-end of a month,
  months 1-4 / 5-8 / 9-12 of a year, as an ``interval`` with approx true.
* Seasons: ISO 8601-2 / TimeML codes (2015-SU); winter belongs to the year of
  its December. The weekend (نهاية الأسبوع) is TimeML's 2015-W32-WE: the one
  just past on Monday to Wednesday, the coming one from Thursday on; with
  الجاري or الحالي it is this week's.
* With no reference time every relative expression gets value None.

Example:
    >>> from datetime import datetime, timezone
    >>> ref = datetime(2023, 6, 10, 12, tzinfo=timezone.utc)
    >>> resolve({"type": "weekday", "wd": 4, "mod": None}, ref)["value"]
    '2023-06-08'
    >>> resolve({"type": "date", "cal": "hijri", "y": 1444, "m": 4, "d": 21, "mod": None}, None)["value"]
    '2022-11-15'
    >>> ref = datetime(2015, 7, 23, 10, tzinfo=timezone.utc)
    >>> jan = {"type": "date", "cal": "gregorian", "y": None, "m": 1, "d": None, "mod": None}
    >>> resolve(jan, ref)["value"], resolve(dict(jan, future=True), ref)["value"]
    ('2015-01', '2016-01')
    >>> resolve({"type": "date", "cal": "hijri", "y": None, "m": 9, "d": 27, "mod": None}, ref)["value"]
    '2015-07-14'
"""
from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import Any

from hijridate import Gregorian, Hijri

__all__ = ["resolve", "iso_duration", "HijriMemo"]

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + n
    return t // 12, t % 12 + 1


def _last_day(y: int, m: int) -> int:
    """Days in month ``m`` of Gregorian year ``y`` (what ``calendar.monthrange(y, m)[1]`` gives, without its weekday)."""
    if not 1 <= m <= 12:
        return calendar.monthrange(y, m)[1]  # raises calendar.IllegalMonthError
    return calendar.mdays[m] + (m == 2 and calendar.isleap(y))


def iso_duration(qty: float, unit: dict) -> str:
    """ISO 8601 duration for ``qty`` units.

    Args:
        qty: Count (may be fractional: 1.5).
        unit: A units.yaml entry (``iso``, ``time``, ``factor``).

    Returns:
        E.g. ``"P1M"``, ``"PT24H"``, ``"P1Y6M"``, ``"PT1H30M"``.

    Example:
        >>> iso_duration(1.5, {"iso": "H", "time": True, "factor": 1})
        'PT1H30M'
        >>> iso_duration(30, {"iso": "Y", "time": False, "factor": 1})
        'P30Y'
    """
    q = qty * unit.get("factor", 1)
    iso = unit["iso"]
    if unit.get("time"):
        secs = round(q * {"S": 1, "M": 60, "H": 3600}[iso])
        h, rem = divmod(secs, 3600)
        mi, s = divmod(rem, 60)
        out = "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{s}S" if s else "")
        return out if out != "PT" else "PT0S"
    if iso == "Y":
        months = round(q * 12)
        y, mo = divmod(months, 12)
        return "P" + (f"{y}Y" if y else "") + (f"{mo}M" if mo else "") if months else "P0Y"
    if iso == "M":
        if q == int(q):
            return f"P{int(q)}M"
        return f"P{int(q)}M{round((q - int(q)) * 30)}D" if int(q) else f"P{round(q * 30)}D"
    if iso == "W":
        if q == int(q):
            return f"P{int(q)}W"
        return f"P{round(q * 7)}D"
    hours = round(q * 24)
    d, h = divmod(hours, 24)
    return "P" + (f"{d}D" if d else "") + (f"T{h}H" if h else "") if hours else "P0D"


def _hijri_to_date(y: int, m: int, d: int) -> date:
    return date(*Hijri(y, m, d).to_gregorian().datetuple())


def _hijri_month_span(y: int, m: int) -> tuple[date, date]:
    return _hijri_to_date(y, m, 1), _hijri_to_date(y, m, Hijri(y, m, 1).month_length())


class HijriMemo:
    """The Umm al-Qura conversions of :mod:`hijridate` that :func:`resolve` makes, remembered.

    A yearless Hijri date is tried in three years and a Hijri year spans two
    months, each a conversion of about 2 microseconds; a text names the same
    few Hijri dates again and again. Holds dates as ordinals (ints) and
    tuples of them, at most ``size`` entries per table (emptied when full).
    Raises what :mod:`hijridate` raises (ValueError, OverflowError) for a
    date outside its range, uncached.

    Args:
        size: Most entries per table.

    Example:
        >>> hm = HijriMemo()
        >>> hm.to_date(1436, 9, 27), hm.month_span(1436, 9)[1], hm.year_of(date(2015, 7, 22))
        (datetime.date(2015, 7, 14), datetime.date(2015, 7, 16), 1436)
    """

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._days: dict[tuple[int, int, int], int] = {}
        self._months: dict[tuple[int, int], tuple[int, int]] = {}
        self._years: dict[int, int] = {}

    def to_date(self, y: int, m: int, d: int) -> date:
        """Gregorian date of Hijri ``y-m-d``."""
        key = (y, m, d)
        o = self._days.get(key)
        if o is None:
            if len(self._days) >= self.size:
                self._days.clear()
            o = self._days[key] = _hijri_to_date(y, m, d).toordinal()
        return date.fromordinal(o)

    def month_span(self, y: int, m: int) -> tuple[date, date]:
        """First and last Gregorian day of Hijri month ``m`` of year ``y``."""
        key = (y, m)
        span = self._months.get(key)
        if span is None:
            if len(self._months) >= self.size:
                self._months.clear()
            a, b = _hijri_month_span(y, m)
            span = self._months[key] = (a.toordinal(), b.toordinal())
        return date.fromordinal(span[0]), date.fromordinal(span[1])

    def year_of(self, g: date) -> int:
        """Hijri year of a Gregorian date."""
        o = g.toordinal()
        y = self._years.get(o)
        if y is None:
            if len(self._years) >= self.size:
                self._years.clear()
            y = self._years[o] = Gregorian(g.year, g.month, g.day).to_hijri().year
        return y


class _Span:
    """A resolved calendar unit: first and last day, grain, ISO value."""

    def __init__(self, start: date, end: date, grain: str, value: str) -> None:
        self.start, self.end, self.grain, self.value = start, end, grain, value


def _pick(cands: list[_Span], refd: date, mod: int | None, future: bool = False,
          not_before: date | None = None, near: int | None = None) -> _Span:
    """The occurrence meant: ``mod`` -1 the last one ended before ``refd``, +1 the first one after
    it; None: the one containing ``refd``, else the latest before it (``future``: the first after it;
    ``near``: a single day at most ``near`` days after ``refd`` before that, rule tense.near_future)."""
    cands = sorted(cands, key=lambda c: c.start)
    if mod is not None and mod < 0:
        past = [c for c in cands if c.end < refd]
        return past[-1] if past else cands[0]
    if mod is not None and mod > 0:
        fut = [c for c in cands if c.start > refd]
        return fut[0] if fut else cands[-1]
    if not_before is not None:  # the end of an interval: the first one not ending before its start
        after = [c for c in cands if c.end >= not_before]
        return after[0] if after else cands[-1]
    if future:
        fut = [c for c in cands if c.end >= refd]
        return fut[0] if fut else cands[-1]
    if near:
        for c in cands:
            if c.grain == "day" and refd < c.start and (c.start - refd).days <= near:
                return c
    past = [c for c in cands if c.start <= refd]
    return past[-1] if past else cands[0]


def _date_span(sem: dict, ref: datetime | None, hm: HijriMemo) -> _Span | None:
    """Resolve a ``date`` meaning to a span; None when it needs a missing reference."""
    y, m, d, cal = sem.get("y"), sem.get("m"), sem.get("d"), sem.get("cal", "gregorian")

    def build(yy: int) -> _Span | None:
        try:
            if cal == "hijri":
                if m is None:
                    a, _ = hm.month_span(yy, 1)
                    _, b = hm.month_span(yy, 12)
                    return _Span(a, b, "year", f"{a.isoformat()}/{b.isoformat()}")
                if d is None:
                    a, b = hm.month_span(yy, m)
                    return _Span(a, b, "month", f"{a.isoformat()}/{b.isoformat()}")
                g = hm.to_date(yy, m, d)
                return _Span(g, g, "day", g.isoformat())
            if m is None:
                return _Span(date(yy, 1, 1), date(yy, 12, 31), "year", f"{yy:04d}")
            if d is None:
                return _Span(date(yy, m, 1), date(yy, m, _last_day(yy, m)), "month", f"{yy:04d}-{m:02d}")
            g = date(yy, m, d)
            return _Span(g, g, "day", g.isoformat())
        except (ValueError, OverflowError):
            return None

    if y is not None:
        return build(y)
    if ref is None or m is None:
        return None
    refd = ref.date()
    if cal == "hijri":
        base = hm.year_of(refd)
    else:
        base = refd.year
    if sem.get("mod") == 0:
        cands = [c for c in (build(base),) if c]
        for c in cands:
            return c
    cands = [c for c in (build(base - 1), build(base), build(base + 1)) if c]
    return _pick(cands, refd, sem.get("mod"), bool(sem.get("future")), sem.get("not_before"),
                 sem.get("near")) if cands else None


def _weekday_date(anchor: date, wd: int, mod: int | None, future: bool = False) -> date:
    back = (anchor.isoweekday() - wd) % 7
    if mod is None and future:  # rule tense.future: on or after the anchor day
        return anchor + timedelta(days=(wd - anchor.isoweekday()) % 7)
    if mod is not None and mod > 0:
        fwd = (wd - anchor.isoweekday()) % 7 or 7
        return anchor + timedelta(days=fwd)
    if mod is not None and mod < 0:
        back = back or 7
        if mod <= -2:
            back += 7
    return anchor - timedelta(days=back)


def _bind_period_refs(sem: dict, ref: datetime | None, anchor: date | None) -> dict | None:
    """A date meaning whose month or year is relative (الشهر الماضي, العام المقبل) with that
    month/year filled in from the reference; None when it cannot be resolved (no reference)."""
    if sem.get("mref") is not None:
        msp = _period_span(sem["mref"], ref, anchor)
        return None if msp is None else dict(sem, mref=None, y=msp.start.year, m=msp.start.month)
    ysp = _period_span(sem["yref"], ref, anchor)
    return None if ysp is None else dict(sem, yref=None, y=ysp.start.year)


def _hijri_month_day(sem: dict, anchor: date, hm: HijriMemo) -> date | None:
    """Day ``sem["d"]`` of the Hijri month that a relative month (``sem["mref"]``: الشهر الجاري/الماضي/المقبل)
    names at ``anchor``, or None (no such day)."""
    h = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri()
    k = h.year * 12 + h.month - 1 + (sem["mref"].get("dir") or 0)
    try:
        return hm.to_date(k // 12, k % 12 + 1, sem["d"])
    except (ValueError, OverflowError):
        return None


def _weekday_fix(sem: dict, d: date, cal: str, ref: datetime | None, anchor: date | None,
                 hm: HijriMemo) -> tuple[date, str] | None:
    """The day that the weekday written with a date (``sem["wd"]``) decides instead of ``d``, and its calendar.

    A day of a relative month ("يوم السبت التاسع من الشهر الجاري") is the day of the Hijri month when only
    that one falls on the weekday (Saudi papers); a yearless day ("السبت 25 يوليو") is the nearest one, at
    most 400 days from the reference, in a year where it falls on the weekday. None: ``d`` stands (it falls
    on the weekday, no weekday is written, or no other reading fits).
    """
    wd = sem.get("wd")
    if not wd or d.isoweekday() == wd:
        return None
    if sem.get("mref") is not None:
        if anchor is None or cal != "gregorian":
            return None
        h = _hijri_month_day(sem, anchor, hm)
        return (h, "hijri") if h is not None and h.isoweekday() == wd else None
    if sem.get("y") is not None or ref is None:
        return None
    y0 = d.year if cal == "gregorian" else hm.year_of(d)
    best = None
    for y in (y0 - 1, y0 + 1, y0 + 2):
        try:
            alt = _date_span(dict(sem, y=y, mod=None), ref, hm)
        except (ValueError, OverflowError):
            continue
        if alt is not None and alt.grain == "day" and alt.start.isoweekday() == wd and (
                best is None or abs(alt.start - ref.date()) < abs(best.start - ref.date())):
            best = alt
    if best is not None and abs(best.start - ref.date()).days <= 400:
        return best.start, cal
    return None


def _day_of(sem: dict, ref: datetime | None, anchor: date | None,
            hm: HijriMemo) -> tuple[date | None, bool, str]:
    """A day-level meaning -> (date or None, relative?, calendar)."""
    t = sem["type"]
    if t == "date" and (sem.get("mref") is not None or sem.get("yref") is not None):
        bound = _bind_period_refs(sem, ref, anchor)
        if bound is None:
            return None, True, sem.get("cal", "gregorian")
        d, _rel, cal = _day_of(bound, ref, anchor, hm)
        fix = _weekday_fix(sem, d, cal, ref, anchor, hm) if d is not None and sem.get("mref") is not None else None
        return (fix[0], True, fix[1]) if fix else (d, True, cal)
    if t == "date":
        sp = _date_span(sem, ref, hm)
        rel = sem.get("y") is None
        cal = sem.get("cal", "gregorian")
        if not (sp and sp.grain == "day"):
            return None, rel, cal
        fix = _weekday_fix(sem, sp.start, cal, ref, anchor, hm)  # (a day with its time: as a day alone)
        return (fix[0] if fix else sp.start), rel, cal
    if anchor is None:
        return None, True, "gregorian"
    if t == "weekday":
        # (a weekday in a sentence with a scheduling verb, rule tense.near_future, is the coming one)
        return _weekday_date(anchor, sem["wd"], sem.get("mod"), bool(sem.get("future") or sem.get("near"))), True, \
            "gregorian"
    if t == "relday":
        return anchor + timedelta(days=sem["off"]), True, "gregorian"
    if t == "relday_wd":  # the named weekday on or before the relative day, or the day after it
        day = anchor + timedelta(days=sem["off"])  # ("أمس الثلاثاء" on a Tuesday: the reference lags a day)
        if (sem["wd"] - day.isoweekday()) % 7 == 1:
            return day + timedelta(days=1), True, "gregorian"
        return _weekday_date(day, sem["wd"], None), True, "gregorian"
    if t == "now":
        return anchor, True, "gregorian"
    return None, True, "gregorian"


def _time_str(sem: dict) -> str:
    out = f"{sem['h']:02d}:{sem['mi']:02d}"
    if sem.get("s") is not None:
        out += f":{sem['s']:02d}"
    tz = sem.get("tz")
    if tz and tz[1] is not None:
        off = tz[1]
        out += f"{'+' if off >= 0 else '-'}{abs(off):02d}:00"
    return out


def _item(kind: str, value: str | None, grain: str | None, cal: str = "gregorian", relative: bool = False,
          approx: bool = False, **extra: Any) -> dict[str, Any]:
    d = {"kind": kind, "value": value, "grain": grain, "calendar": cal, "relative": relative, "approx": approx}
    d.update({k: v for k, v in extra.items() if v is not None})
    return d


def _period_span(sem: dict, ref: datetime | None, anchor: date | None) -> _Span | None:
    if anchor is None:
        return None
    per, dr = sem["per"], sem.get("dir", 0)
    if per == "week":
        day = anchor + timedelta(days=7 * dr)
        start = day - timedelta(days=day.isoweekday() - 1)
        iy, iw, _ = day.isocalendar()
        return _Span(start, start + timedelta(days=6), "week", f"{iy}-W{iw:02d}")
    if per == "month":
        y, m = _add_months(anchor.year, anchor.month, dr)
        return _Span(date(y, m, 1), date(y, m, _last_day(y, m)), "month", f"{y:04d}-{m:02d}")
    y = anchor.year + dr
    return _Span(date(y, 1, 1), date(y, 12, 31), "year", f"{y:04d}")


def _season_instances(code: str, years) -> list[_Span]:
    out = []
    for y in years:
        m0 = _SEASON_START[code]
        start = date(y, m0, 1)
        ey, em = _add_months(y, m0, 2)
        out.append(_Span(start, date(ey, em, _last_day(ey, em)), "month", f"{y:04d}-{code}"))
    return out


def _coarse_span(sem: dict, ref: datetime | None, anchor: date | None,
                 hm: HijriMemo) -> tuple[_Span | None, str, bool]:
    """Span of a month/year-level meaning -> (span, calendar, relative)."""
    t = sem["type"]
    if t == "date":
        return _date_span(sem, ref, hm), sem.get("cal", "gregorian"), sem.get("y") is None
    if t == "period":
        return _period_span(sem, ref, anchor), "gregorian", True
    if t == "season":
        if sem.get("y") is not None:
            return _season_instances(sem["code"], [sem["y"]])[0], "gregorian", False
        if anchor is None:
            return None, "gregorian", True
        cands = _season_instances(sem["code"], range(anchor.year - 2, anchor.year + 2))
        mod = sem.get("dir")
        if mod is None:
            cur = [c for c in cands if c.start <= anchor <= c.end]
            if cur:
                return cur[0], "gregorian", True
            past = [c for c in cands if c.end < anchor]
            return past[-1], "gregorian", True
        if mod == 0:
            cur = [c for c in cands if c.end >= anchor]
            return cur[0], "gregorian", True
        return _pick(cands, anchor, mod), "gregorian", True
    return None, "gregorian", True


def resolve(sem: dict, ref: datetime | None, anchor: date | None = None,
            hm: HijriMemo | None = None) -> dict[str, Any] | None:
    """Resolve one meaning against the reference time.

    Args:
        sem: A meaning dict from :func:`hadath.extract.times.match.find`.
        ref: The reference (publication) time, aware or naive, or None.
        anchor: The reference DAY (defaults to ``ref.date()``); the extractor
            moves it back one day when the text says "اليوم (الاثنين)" and the
            publication time is already past midnight.
        hm: The Hijri conversions remembered across calls (the extractor keeps
            one); None: a fresh one.

    Returns:
        The output fields (kind, value, grain, calendar, relative, approx and
        extras), or None when the meaning is not a valid time (e.g. 31 June).
    """
    if anchor is None and ref is not None:
        anchor = ref.date()
    if hm is None:
        hm = HijriMemo()
    t = sem["type"]
    if t == "date" and (sem.get("mref") is not None or sem.get("yref") is not None):
        bound = _bind_period_refs(sem, ref, anchor)
        if bound is None:
            if sem.get("mref") is not None:
                return _item("date", None, "day", relative=True)
            return _item("date", None, "month", sem.get("cal", "gregorian"), True)
        out = resolve(bound, ref, anchor, hm)
        if out and sem.get("mref") is not None and out.get("grain") == "day" and out.get("value"):
            fix = _weekday_fix(sem, date.fromisoformat(out["value"]), out["calendar"], ref, anchor, hm)
            if fix:
                out = _item("date", fix[0].isoformat(), "day", fix[1], True, part=sem.get("part"))
        if out:
            out["relative"] = True
        return out
    if t == "date":
        sp = _date_span(sem, ref, hm)
        rel = sem.get("y") is None
        cal = sem.get("cal", "gregorian")
        if sp is None:
            if not rel:
                return None
            return _item("date", None, "day" if sem.get("d") else "month", cal, True, part=sem.get("part"))
        wd = sem.get("wd")
        fix = _weekday_fix(sem, sp.start, cal, ref, anchor, hm) if sp.grain == "day" else None
        if fix:  # ("السبت 25 يوليو" read on 22 July 2015 is 2015-07-25, not 2014-07-25, a Friday)
            sp = _Span(fix[0], fix[0], "day", fix[0].isoformat())
        kind = "interval" if "/" in sp.value else "date"
        # a weekday that the day does not fall on ("الجمعة 5 يناير 2015" was a Monday) is flagged, not dropped
        conflict = True if wd and sp.grain == "day" and sp.start.isoweekday() != wd else None
        return _item(kind, sp.value, sp.grain, cal, rel, part=sem.get("part"), weekday_conflict=conflict)
    if t in ("weekday", "relday", "relday_wd", "now"):
        d, rel, cal = _day_of(sem, ref, anchor, hm)
        return _item("date", d.isoformat() if d else None, "day", cal, True, part=sem.get("part"))
    if t == "time":
        extra = {}
        if ref is not None:
            extra["resolved"] = f"{anchor.isoformat()}T{_time_str(sem)}"
        if sem.get("tz"):
            extra["timezone"] = sem["tz"][0]
        return _item("time", _time_str(sem), sem["grain"], approx=bool(sem.get("approx")), **extra)
    if t == "datetime":
        d, rel, cal = _day_of(sem["date"], ref, anchor, hm)
        tm = sem["time"]
        value = f"{d.isoformat()}T{_time_str(tm)}" if d else None
        return _item("datetime", value, tm["grain"], cal, rel,
                     timezone=tm["tz"][0] if tm.get("tz") else None)
    if t in ("period", "season"):
        sp, cal, rel = _coarse_span(sem, ref, anchor, hm)
        grain = sem["per"] if t == "period" else "month"
        return _item("date", sp.value if sp else None, sp.grain if sp else grain, cal, rel)
    if t == "yearpart":
        if sem.get("y") is not None:
            y, rel = sem["y"], False
        elif anchor is not None:
            y, rel = anchor.year + sem.get("dir", 0), True
        else:
            return _item("date", None, "month", relative=True)
        code = sem["code"]
        if isinstance(code, tuple):
            return _item("interval", f"{y:04d}-{code[0]:02d}/{y:04d}-{code[1]:02d}", "month", relative=rel)
        return _item("date", f"{y:04d}-{code}", "month", relative=rel)
    if t == "weekend":
        if anchor is None:
            return _item("date", None, "day", relative=True)
        back = anchor.isoweekday() <= 3  # Monday-Wednesday: the weekend just past
        d = sem.get("dir")
        if d is None:  # bare نهاية الأسبوع: the one just past early in the week, else the coming one
            shift = -1 if back else 0
        else:  # الجاري/الحالي: this week's; المقبل: the coming one; الماضي: the one before
            shift = 0 if d == 0 else ((0 if back else 1) if d > 0 else -1)
        day = anchor + timedelta(days=7 * shift)
        iy, iw, _ = day.isocalendar()
        return _item("date", f"{iy}-W{iw:02d}-WE", "day", relative=True)
    if t == "set":
        return _item("set", sem.get("period"), sem.get("grain"))
    if t == "decade":  # rule decade: the 2000s when that decade has begun by the reference year, else the 1900s
        century = sem["century"]
        if century is None:
            century = 2000 if ref is not None and 2000 + sem["tens"] <= ref.year else 1900
        y = century + sem["tens"]
        return _item("interval", f"{y:04d}/{y + 9:04d}", "year", "gregorian", sem["century"] is None)
    if t == "partof":
        base = sem["base"]
        sp, cal, rel = _coarse_span(base, ref, anchor, hm)
        if sp is None:
            return _item("date", None, None, cal, True, True, part=sem["part"])
        days = sem.get("days")
        i = {"early": 0, "mid": 1, "late": 2}.get(sem["part"], 0)
        iv = None
        if days is not None:  # rules monthpart*: the month's days (first, last), negative from its end
            if sp.grain == "month":
                a, b = (sp.start + timedelta(days=k - 1) if k > 0 else sp.end + timedelta(days=k + 1) for k in days)
                iv = f"{a.isoformat()}/{b.isoformat()}"
        elif sp.grain == "year" and cal == "gregorian":
            y = sp.start.year
            a, b = ((1, 4), (5, 8), (9, 12))[i]
            iv = f"{y:04d}-{a:02d}/{y:04d}-{b:02d}"
        elif sp.grain == "month":
            a = sp.start + timedelta(days=10 * i)
            b = sp.end if i == 2 else sp.start + timedelta(days=10 * i + 9)
            iv = f"{a.isoformat()}/{b.isoformat()}"
        kind = "interval" if "/" in sp.value else "date"
        return _item(kind, sp.value, sp.grain, cal, rel, True, part=sem["part"], interval=iv)
    if t == "interval":
        a, b = dict(sem["a"]), sem["b"]
        if a["type"] == "date" and b["type"] == "date" and a.get("y") is None and b.get("y") is None \
                and a.get("m") is not None and b.get("m") is not None and a.get("cal") == b.get("cal") \
                and b.get("mod") is None and a.get("mod") is None and ref is not None:
            sa = _date_span(dict(a, future=a.get("future") or b.get("future")), ref, hm)
            if sa is not None:  # both open: the start by tense.future, the end the first one from it on
                a["y"] = sa.start.year if a.get("cal") != "hijri" else \
                    hm.year_of(sa.start)
                b = dict(b, not_before=sa.start)
        if a["type"] == "date" and b["type"] == "date" and a.get("y") is None and a.get("m") is not None:
            sb = _date_span(b, ref, hm)
            if sb is not None:  # the start takes the end's year, or the one before it
                yb = b["y"] if b.get("y") is not None else None
                if yb is None:
                    yb = sb.start.year if a.get("cal") == "gregorian" else \
                        hm.year_of(sb.start)
                sa = _date_span(dict(a, y=yb), ref, hm)
                a["y"] = yb - 1 if sa is not None and sa.start > sb.start else yb
        if a["type"] == "date" and b["type"] == "date" and b.get("y") is None and b.get("m") is not None \
                and a.get("y") is not None and a.get("m") is not None and a.get("cal") == b.get("cal") \
                and b.get("mod") is None:
            b = dict(b, y=a["y"])  # "من 5 يناير 2014 إلى 7 فبراير": the end takes the start's year, or the next
            sa, sb = _date_span(a, ref, hm), _date_span(b, ref, hm)
            if sa is not None and sb is not None and sb.end < sa.start:
                b["y"] = a["y"] + 1
        if a["type"] == "time" and b["type"] == "time" and not a.get("ap") and b["h"] >= 12 > a["h"] \
                and a["h"] + 12 <= b["h"]:
            a["h"] += 12  # "من الساعة الرابعة وحتى العاشرة مساء"
        ra, rb = resolve(a, ref, anchor, hm), resolve(b, ref, anchor, hm)
        if ra is None or rb is None:
            return None
        va, vb = ra["value"], rb["value"]
        if va and "/" in va:
            va = va.split("/")[0]
        if vb and "/" in vb:
            vb = vb.split("/")[1]
        value = f"{va}/{vb}" if va and vb else None
        cal = "hijri" if "hijri" in (ra["calendar"], rb["calendar"]) else "gregorian"
        return _item("interval", value, ra["grain"], cal, ra["relative"] or rb["relative"], ra["approx"] or rb["approx"])
    if t in ("duration", "ago", "lastn"):
        unit, qty = sem["unit"], sem["qty"]
        dur = iso_duration(qty, unit)
        bound = sem.get("bound")
        if t == "duration":
            return _item("duration", dur, unit["grain"], approx=bound is not None, bound=bound)
        if ref is None or sem.get("event_anchor"):
            if t == "ago":
                return _item("date", None, unit["grain"], relative=True, approx=bound is not None, duration=dur)
            return _item("duration", dur, unit["grain"], relative=True, approx=bound is not None)
        sign = sem.get("dir", -1)
        point = _shift(ref, anchor, qty * unit.get("factor", 1), unit, sign)
        if t == "ago":
            kind = "datetime" if unit.get("time") else "date"
            return _item(kind, point, unit["grain"], relative=True, approx=bound is not None, duration=dur,
                         bound=bound)
        here = ref.isoformat(timespec="seconds") if unit.get("time") else anchor.isoformat()
        if unit["grain"] in ("month", "year") and len(point) < 10:
            here = anchor.isoformat()[: len(point)]
        iv = f"{point}/{here}" if sign < 0 else f"{here}/{point}"
        return _item("duration", dur, unit["grain"], relative=True, approx=bound is not None, interval=iv)
    if t == "vague":
        return _item("interval", None, None, relative=True, approx=True)
    return None


def _shift(ref: datetime, anchor: date, q: float, unit: dict, sign: int) -> str:
    """``ref`` moved by ``q`` units (sign -1 back, +1 forward), ISO at the unit's grain."""
    iso = unit["iso"]
    if unit.get("time"):
        secs = q * {"S": 1, "M": 60, "H": 3600}[iso]
        return (ref + timedelta(seconds=sign * secs)).isoformat(timespec="seconds")
    if iso in ("D", "W"):
        days = q * (7 if iso == "W" else 1)
        return (anchor + timedelta(days=sign * round(days))).isoformat()
    months = q * (12 if iso == "Y" else 1)
    if iso == "Y" and months == int(months) and int(months) % 12 == 0:
        return f"{anchor.year + sign * int(months) // 12:04d}"
    y, m = _add_months(anchor.year, anchor.month, sign * round(months))
    return f"{y:04d}-{m:02d}"
