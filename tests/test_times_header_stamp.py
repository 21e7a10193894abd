"""Rule stamp.now of the times stage: the page's relative publication stamp ("منذ ساعتين")
gave metadata.published (resolved against the caller's ``now`` by the structure stage); the
times item over that same span is resolved against ``now`` too, so the two agree, while the
body's relative times keep the publication time as their reference."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import hadath
from hadath import Settings

TIMES = Settings(stages=("times",))
RIYADH = timezone(timedelta(hours=3))
NOW = datetime(2024, 3, 5, 15, 0, tzinfo=RIYADH)

PAGE = """<html><head><title>اشتباكات في المدينة</title></head><body>
<article><h1>اشتباكات عنيفة في وسط المدينة</h1>
<div class="date">منذ ساعتين</div>
<p>قالت مصادر أمنية إن اشتباكات عنيفة اندلعت في وسط المدينة بين قوات الأمن ومسلحين مجهولين،
وأسفرت عن سقوط عدد من الجرحى قبل ثلاث ساعات.</p>
<p>وأضافت المصادر أن قوات الأمن فرضت طوقا أمنيا حول المنطقة وبدأت عمليات تفتيش واسعة بحثا عن
المسلحين الفارين.</p>
</article></body></html>"""


def _stamp_item(doc):
    span = doc.metadata["published"]["span"]
    items = [t for t in doc.times if t["start"] < span["end"] and span["start"] < t["end"]]
    assert len(items) == 1, doc.times
    return items[0]


def test_html_stamp_item_carries_published_value():
    doc = hadath.analyze(PAGE.encode("utf-8"), settings=TIMES, now=NOW)
    pub = doc.metadata["published"]
    assert (pub["value"], pub["source"]) == ("2024-03-05T13:00:00+03:00", "text")
    t = _stamp_item(doc)
    assert (t["text"], t["start"], t["end"]) == ("منذ ساعتين", pub["span"]["start"], pub["span"]["end"])
    assert t["value"] == pub["value"] == "2024-03-05T13:00:00+03:00"  # not 11:00 (two hours taken twice)
    assert t["ref_from"] == "now" and t["duration"] == "PT2H"


def test_body_relative_times_keep_the_publication_reference():
    doc = hadath.analyze(PAGE.encode("utf-8"), settings=TIMES, now=NOW)
    body = [t for t in doc.times if t["text"] == "قبل ثلاث ساعات"]
    assert len(body) == 1 and body[0]["value"] == "2024-03-05T10:00:00+03:00"  # published 13:00 - 3 h
    assert "ref_from" not in body[0]


def test_text_stamp_in_another_zone():
    text = "منذ ساعتين\nوأعلنت الجهات المختصة أمس عن بدء المرحلة الثانية من المشروع."
    doc = hadath.analyze(text, settings=TIMES, now=datetime(2015, 7, 23, 15, 0, tzinfo=timezone.utc))
    pub = doc.metadata["published"]
    t = _stamp_item(doc)
    assert t["value"] == pub["value"] == "2015-07-23T13:00:00+00:00"
    yesterday = [x for x in doc.times if x["text"] == "أمس"]
    assert [x["value"] for x in yesterday] == ["2015-07-22"]


def test_day_stamp_agrees_on_the_day():
    text = "منذ 3 أيام\nوأعلنت الجهات المختصة عن بدء المرحلة الثانية من المشروع."
    doc = hadath.analyze(text, settings=TIMES, now=NOW)
    pub = doc.metadata["published"]
    t = _stamp_item(doc)
    assert pub["value"].startswith("2024-03-02T15:00") and t["value"] == "2024-03-02"


def test_caller_published_wins_and_no_stamp_rule():
    text = "منذ ساعتين\nوأعلنت الجهات المختصة عن بدء المرحلة الثانية من المشروع."
    doc = hadath.analyze(text, settings=TIMES, now=NOW, published="2024-03-01T10:00:00+03:00")
    assert doc.metadata["published"]["span"] is None
    t = [x for x in doc.times if x["text"] == "منذ ساعتين"]
    assert len(t) == 1 and t[0]["value"] == "2024-03-01T08:00:00+03:00" and "ref_from" not in t[0]


def test_without_now_nothing_changes():
    text = "منذ ساعتين\nوأعلنت الجهات المختصة عن بدء المرحلة الثانية من المشروع."
    doc = hadath.analyze(text, settings=TIMES)
    t = [x for x in doc.times if x["text"] == "منذ ساعتين"]
    assert len(t) == 1 and t[0]["value"] is None and "ref_from" not in t[0]


def test_stamp_in_the_outlet_zone():
    text = "منذ ساعتين\nوأعلنت الجهات المختصة عن بدء المرحلة الثانية من المشروع قبل ساعة."
    doc = hadath.analyze(text, settings=TIMES, now=datetime(2024, 3, 5, 12, 0, tzinfo=timezone.utc),
                         url="https://www.aljazeera.net/news/2024/3/5/x")
    pub = doc.metadata["published"]
    assert pub["timezone"] == "Asia/Qatar"
    assert _stamp_item(doc)["value"] == pub["value"] == "2024-03-05T13:00:00+03:00"  # now (UTC) in Doha's offset
    assert [t["value"] for t in doc.times if t["text"] == "قبل ساعة"] == ["2024-03-05T12:00:00+03:00"]
