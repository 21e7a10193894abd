"""The reference time of relative times is the caller's instant on the outlet's clock."""
from hadath.pipeline import Pipeline
from hadath.settings import Settings

TEXT = "قال الوزير اليوم إن الاجتماع انتهى أمس."


def _times(**kw):
    doc = Pipeline(Settings(stages=("times",))).analyze(TEXT, **kw)
    return [(t["text"], t["value"]) for t in doc.times]


def test_utc_published_resolves_on_the_outlets_day():
    # 23:30 UTC on 7 June is 01:30 on 8 June in Cairo: a Cairo paper's "today" is the 8th
    got = _times(published="2016-06-07T23:30:00Z", url="https://www.masrawy.com/news/x")
    assert got == [("اليوم", "2016-06-08"), ("أمس", "2016-06-07")]


def test_utc_published_without_a_known_outlet_stays_utc():
    assert _times(published="2016-06-07T23:30:00Z") == [("اليوم", "2016-06-07"), ("أمس", "2016-06-06")]


def test_day_only_published_gives_hours_ago_the_day():
    doc = Pipeline(Settings(stages=("times",))).analyze("وقع الانفجار منذ ساعتين.", published="2024-03-05")
    assert [(t["value"], t["kind"], t["grain"], t["approx"]) for t in doc.times] == [("2024-03-05", "date", "day", True)]
    doc = Pipeline(Settings(stages=("times",))).analyze("وقع الانفجار منذ ساعتين.", published="2024-03-05T10:00+03:00")
    assert [(t["value"], t["grain"]) for t in doc.times] == [("2024-03-05T08:00:00+03:00", "hour")]
