"""A record whose date field cannot be read is analysed without it, with a warning naming the field and value;
records with readable dates are unchanged (hadath.io.readers.read_date / settle_dates)."""
from __future__ import annotations

import json

import pytest

import hadath
from hadath.batch import run_batch
from hadath.io.readers import iter_input, read_date, record_from_object, settle_dates
from hadath.io.writers import read_jsonl
from hadath.settings import Settings

FAST = Settings(stages=())
BODY = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."
DATED = "عنوان الخبر\n\n11:39 ص الأربعاء 08 يونيو 2016\n\n" + BODY  # a date line in the text
URL = "http://www.masrawy.com/News/x"


def warning(field: str, value: str) -> str:
    return (f"date field {field!r} holds {value!r}, not a date hadath can read "
            "(ISO 8601, RSS date, Unix time, DD/MM/YYYY, a date line such as 08 يونيو 2016): ignored")


@pytest.mark.parametrize("value,expected", [
    ("2016-06-08", "2016-06-08"),
    ("2016-06-08 11:39:00", "2016-06-08T11:39:00"),
    ("2016-06-08T11:39:00Z", "2016-06-08T11:39:00Z"),
    ("Wed, 08 Jun 2016 11:39:00 +0200", "2016-06-08T11:39:00+02:00"),
    ("25/06/2016", "2016-06-25"),
    ("06/06/2016", "2016-06-06"),
    (1465378740, "2016-06-08T09:39:00+00:00"),
    ("", None),
    (None, None),
])
def test_readable_dates_unchanged(value, expected):
    assert read_date(value, "date") == (expected, None)


@pytest.mark.parametrize("value,expected,said", [
    ("08/06/2016", "2016-06-08", "read day first (DD/MM/YYYY, as Arabic sources write it: day 8, month 6)"),
    ("08.06.2016 10:30", "2016-06-08T10:30:00", "read day first"),
    ("06/25/2016", "2016-06-25", "read month first (MM/DD/YYYY), there being no month 25"),
    ("06-25-2016 10:30", "2016-06-25T10:30:00", "read month first"),
])
def test_day_and_month_order_guessed_with_a_warning(value, expected, said):
    got, warning = read_date(value, "date")
    assert got == expected
    assert warning.startswith(f"date field 'date' holds {value!r}: ") and said in warning


@pytest.mark.parametrize("value,expected", [
    ("الأربعاء 08 يونيو 2016 11:39 ص", "2016-06-08T11:39:00"),
    ("11:39 م الأربعاء 08 يونيو 2016", "2016-06-08T23:39:00"),
    ("8 يونيو 2016", "2016-06-08"),
    ("June 8, 2016", "2016-06-08"),
    ("2016/06/08", "2016-06-08"),
    ("08 يونيو 2016 - 11:39 ت م", "2016-06-08T11:39:00+03:00"),  # Mecca time marker
])
def test_date_lines_in_fields_are_read(value, expected):
    assert read_date(value, "date") == (expected, None)


def test_weekday_disagreeing_keeps_the_date_with_a_warning():
    assert read_date("الخميس 08 يونيو 2016", "pubDate") == (
        "2016-06-08", "date field 'pubDate' holds 'الخميس 08 يونيو 2016', whose weekday is not that of its date; "
        "the date is kept")


@pytest.mark.parametrize("value", ["Thursday the 5th", "منذ ساعتين", "11:39", "قبل ساعتين تقريبا هههه", "2016-13-45", "yesterday", "32/13/2016"])
def test_unreadable_dates_give_none_and_a_warning(value):
    assert read_date(value, "pubDate") == (None, warning("pubDate", value))


def test_long_value_is_shortened_in_the_warning():
    _, w = read_date("x" * 200, "date")
    assert w == warning("date", "x" * 77 + "...")


def test_record_from_object_keeps_the_field_name_as_spelled():
    rec = record_from_object({"text": BODY, "PubDate": "Thursday the 5th", "date_extracted": "أمس"}, "r", "f:1")
    assert (rec["published"], rec["published_hint"]) == (None, None)
    assert rec["warnings"] == [warning("PubDate", "Thursday the 5th"), warning("date_extracted", "أمس")]
    good = record_from_object({"text": BODY, "date": "2016-06-08 11:39:00"}, "r", "f:1")
    assert good["published"] == "2016-06-08T11:39:00" and "warnings" not in good


def test_settle_dates_for_api_records():
    rec = settle_dates({"text": BODY, "date": "2016-06-08", "pubDate": "x"})
    assert rec == {"text": BODY, "published": "2016-06-08"}
    rec = settle_dates({"text": BODY, "pubDate": "Thursday the 5th", "warnings": ["w0"]})
    assert rec == {"text": BODY, "published": None, "warnings": ["w0", warning("pubDate", "Thursday the 5th")]}
    assert settle_dates({"text": BODY}) == {"text": BODY}


def test_batch_analyses_records_with_unreadable_dates(tmp_path):
    src = tmp_path / "feed.jsonl"
    rows = [
        {"id": "a", "text": BODY, "date": "Thursday the 5th"},
        {"id": "b", "text": DATED, "pubDate": "قبل ساعتين تقريبا هههه", "url": URL},
        {"id": "c", "text": BODY, "date": "2016-06-08T10:00:00+03:00"},
        {"id": "d", "content": BODY, "source": "sabq", "date_extracted": "not a crawl time"},
        {"id": "g", "text": BODY, "date": "الأربعاء 08 يونيو 2016 11:39 ص", "url": URL},  # an Arabic date line
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    csv = tmp_path / "feed.csv"
    csv.write_text(f"id,text,PubDate\ne,{BODY},Thursday the 5th\nf,{BODY},08/06/2016\n", "utf-8")
    out = tmp_path / "out"
    res = run_batch([str(src), str(csv)], out, jobs=1, settings=FAST, progress=False)
    assert (res.ok, res.failed) == (7, 0)
    docs = {d["id"]: d for d in read_jsonl(out / "documents.jsonl")}
    pub = {k: (d["metadata"]["published"]["value"], d["metadata"]["published"]["source"]) for k, d in docs.items()}
    assert pub == {"a": (None, None), "b": ("2016-06-08T11:39:00+02:00", "text"),
                   "c": ("2016-06-08T10:00:00+03:00", "input"), "d": (None, None), "e": (None, None),
                   "f": ("2016-06-08", "input"), "g": ("2016-06-08T11:39:00+02:00", "input")}
    assert docs["a"]["warnings"][0] == warning("date", "Thursday the 5th")
    assert docs["b"]["warnings"] == [warning("pubDate", "قبل ساعتين تقريبا هههه")]
    assert docs["d"]["warnings"][0] == warning("date_extracted", "not a crawl time")
    assert docs["e"]["warnings"][0] == warning("PubDate", "Thursday the 5th")
    assert not any("date field" in w for k in "cg" for w in docs[k]["warnings"])
    # 08/06/2016 could be 8 June or August 6: read day first, and said
    assert [w for w in docs["f"]["warnings"] if "date field" in w] == [
        "date field 'PubDate' holds '08/06/2016': read day first (DD/MM/YYYY, as Arabic sources write it: "
        "day 8, month 6); give ISO 8601 to be sure"]
    assert not (out / "failures.jsonl").exists() or read_jsonl(out / "failures.jsonl") == []


def test_readable_date_record_unchanged_by_the_new_path(tmp_path):
    """A record with a readable date gives the same document as the caller's own published."""
    f = tmp_path / "one.jsonl"
    f.write_text(json.dumps({"id": "c", "text": BODY, "pubDate": "Wed, 08 Jun 2016 11:39:00 +0200"}) + "\n", "utf-8")
    (rec,) = iter_input(str(f))
    assert rec["published"] == "2016-06-08T11:39:00+02:00" and "warnings" not in rec
    direct = hadath.analyze(BODY, id="c", published="2016-06-08T11:39:00+02:00", settings=FAST).to_dict()
    ((status, doc),) = hadath.analyze_many([{"id": "c", "text": BODY, "pubDate": "Wed, 08 Jun 2016 11:39:00 +0200"}],
                                           settings=FAST)
    assert status == "ok"
    assert doc["metadata"] == direct["metadata"] and doc["warnings"] == direct["warnings"]


def test_api_records_with_unreadable_dates_are_analysed():
    out = list(hadath.analyze_many([{"id": "x", "text": DATED, "date": "Thursday the 5th", "url": URL}],
                                   settings=FAST))
    ((status, doc),) = out
    assert status == "ok"
    assert doc["metadata"]["published"]["value"] == "2016-06-08T11:39:00+02:00"
    assert doc["warnings"] == [warning("date", "Thursday the 5th")]
