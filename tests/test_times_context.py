"""Times whose value depends on the sentence (tests/corpus/times_context.yaml):
rule year.context (a yearless date takes a dated neighbour's year) and rule
since.state ("منذ + N unit" after a lasting state is a duration)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml

from hadath.extract.times import TimeExtractor

CASES = yaml.safe_load((Path(__file__).resolve().parent / "corpus" / "times_context.yaml").read_text("utf-8"))["cases"]


@pytest.fixture(scope="module")
def extractor() -> TimeExtractor:
    return TimeExtractor(None)


@pytest.mark.parametrize("case", CASES, ids=[f"ctx{i:03d}" for i in range(len(CASES))])
def test_times_context(extractor, case):
    items = extractor.extract(case["text"], datetime.fromisoformat(case["ref"]))
    got = [[t["text"], t["value"]] for t in items]
    assert got == case["items"], [(t["text"], t["value"], t["rule"]) for t in items]
    if "kind" in case:
        assert items[-1]["kind"] == case["kind"]
    for t in items:
        assert case["text"][t["start"]:t["end"]] == t["text"]


def test_since_state_rule_named(extractor):
    t = extractor.extract("وهو معتقل منذ 3 سنوات", datetime.fromisoformat("2023-06-10T12:00:00+03:00"))[0]
    assert (t["rule"], t["kind"], t["value"], t["interval"]) == ("times.since.state", "duration", "P3Y",
                                                                 "2020/2023")


def test_year_context_marked(extractor):
    items = extractor.extract("وقع الهجوم في 5 كانون الثاني 2014 واستمر حتى 7 شباط.",
                              datetime.fromisoformat("2016-03-01T12:00:00+00:00"))
    assert items[1]["year_from"] == "context" and items[1]["value"] == "2014-02-07"
    assert "year_from" not in items[0]


def test_year_when_marked(extractor):
    items = extractor.extract("ويعود الصراع إلى عام 2011 عندما اندلعت الاحتجاجات في درعا في 15 آذار",
                              datetime.fromisoformat("2015-08-03T12:00:00+03:00"))
    assert [(t["value"], t.get("year_from")) for t in items] == [("2011", None), ("2011-03-15", "when")]
    assert items[1]["grain"] == "day" and items[1]["rule"] == "times.greg.dm"


def test_weekday_picks_the_hijri_month_of_a_saudi_paper(extractor):
    """"يوم السبت التاسع من الشهر الجاري" on 21 July 2015: 9 July was a Thursday, 9 Shawwal 1436 (25 July)
    a Saturday, so the current month is the Hijri one; with the weekday of 9 July it stays Gregorian."""
    ref = datetime.fromisoformat("2015-07-21T10:00:00+03:00")
    (sat,) = extractor.extract("يوم السبت التاسع من الشهر الجاري", ref)
    assert (sat["value"], sat["calendar"]) == ("2015-07-25", "hijri")
    (thu,) = extractor.extract("يوم الخميس التاسع من الشهر الجاري", ref)
    assert (thu["value"], thu["calendar"]) == ("2015-07-09", "gregorian")


def test_weekday_conflict_is_flagged(extractor):
    ref = datetime.fromisoformat("2016-06-08T11:39:00+03:00")
    (bad,) = extractor.extract("الجمعة 5 يناير 2015", ref)
    assert (bad["value"], bad.get("weekday_conflict")) == ("2015-01-05", True)
    (good,) = extractor.extract("الاثنين 5 يناير 2015", ref)
    assert (good["value"], "weekday_conflict" in good) == ("2015-01-05", False)


def test_weekday_picks_the_year_of_a_yearless_day(extractor):
    """"السبت 25 يوليو" read on 22 July 2015: 25 July 2014 was a Friday, 25 July 2015 a Saturday."""
    ref = datetime.fromisoformat("2015-07-22T10:00:00+03:00")
    (sat,) = extractor.extract("السبت 25 يوليو", ref)
    assert (sat["value"], "weekday_conflict" in sat) == ("2015-07-25", False)
    (thu,) = extractor.extract("يوم الخميس 28 شوال", ref)
    assert (thu["value"], thu["calendar"]) == ("2015-08-13", "hijri")


def test_weekday_picks_the_year_with_a_clock_time(extractor):
    """The weekday decides the year of a day that carries a time as it does for the day alone."""
    ref = datetime.fromisoformat("2015-07-22T10:00:00+03:00")
    items = extractor.extract("السبت 25 يوليو الساعة العاشرة صباحا", ref)
    assert [t["value"] for t in items] == ["2015-07-25T10:00"]
