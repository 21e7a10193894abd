"""The memos of the times stage give what the plain computations give."""
from __future__ import annotations

from datetime import date, datetime, timezone

from hijridate import Gregorian, Hijri

from hadath.extract.times.resolve import HijriMemo, _hijri_month_span, _hijri_to_date, resolve
from hadath.extract.times.rules import TimeLexicon


def test_hijri_memo_matches_hijridate():
    hm = HijriMemo(size=8)  # small: the tables are emptied on the way
    for y in (1435, 1436, 1437):
        for m in range(1, 13):
            for d in (1, 15, 29):
                assert hm.to_date(y, m, d) == _hijri_to_date(y, m, d)
                assert hm.to_date(y, m, d) == _hijri_to_date(y, m, d)  # from the memo
            assert hm.month_span(y, m) == _hijri_month_span(y, m)
            assert hm.month_span(y, m) == _hijri_month_span(y, m)
    for o in range(date(2014, 1, 1).toordinal(), date(2016, 12, 31).toordinal(), 17):
        g = date.fromordinal(o)
        assert hm.year_of(g) == hm.year_of(g) == Gregorian(g.year, g.month, g.day).to_hijri().year
    assert len(hm._days) <= 8 and len(hm._months) <= 8 and len(hm._years) <= 8


def test_hijri_memo_raises_like_hijridate():
    hm = HijriMemo()
    for bad in ((1436, 13, 1), (1600, 1, 1)):
        try:
            Hijri(*bad)
        except (ValueError, OverflowError) as e:
            expected = type(e)
        else:  # pragma: no cover
            expected = None
        try:
            hm.to_date(*bad)
        except (ValueError, OverflowError) as e:
            assert type(e) is expected
        else:  # pragma: no cover
            assert expected is None


def test_resolve_same_with_a_shared_memo():
    ref = datetime(2015, 7, 22, 10, tzinfo=timezone.utc)
    hm = HijriMemo()
    sems = [{"type": "date", "cal": "hijri", "y": None, "m": 9, "d": 27, "mod": None},
            {"type": "date", "cal": "hijri", "y": 1436, "m": None, "d": None, "mod": None},
            {"type": "date", "cal": "hijri", "y": 1436, "m": 10, "d": None, "mod": None},
            {"type": "interval", "a": {"type": "date", "cal": "hijri", "y": None, "m": 9, "d": 1, "mod": None},
             "b": {"type": "date", "cal": "hijri", "y": None, "m": 9, "d": 30, "mod": None}}]
    for _ in range(2):
        for sem in sems:
            assert resolve(sem, ref, None, hm) == resolve(sem, ref)


def test_parse_number_memo():
    lex = TimeLexicon.load()
    for text in ("24", "خمسه وعشرين", "ثلاثه عشر", "كلمه", " 7 "):
        first = lex.parse_number(text)
        assert lex.parse_number(text) == first == lex._parse_number(text)
