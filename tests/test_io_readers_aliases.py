"""Feed spellings of record fields (date, pubDate, headline, byline, link) are read, in files and the API."""
import json

import hadath
from hadath.io.readers import iter_input, record_from_object

BODY = "قال الوزير أمس إن الاجتماع انتهى في القاهرة."


def test_record_field_aliases():
    rec = record_from_object({"content": BODY, "pubDate": "2015-07-24T10:00:00+03:00", "headline": "عنوان",
                              "byline": "أحمد", "link": "https://x.test/a"}, "r", "f:1")
    assert (rec["published"], rec["title"], rec["author"], rec["url"]) == (
        "2015-07-24T10:00:00+03:00", "عنوان", "أحمد", "https://x.test/a")
    rec = record_from_object({"text": BODY, "date": "2015-07-24", "published": "2015-07-25"}, "r", "f:1")
    assert rec["published"] == "2015-07-25"  # the canonical name wins
    rec = record_from_object({"text": BODY, "authors": ["أحمد", "سارة"]}, "r", "f:1")
    assert rec["author"] == "أحمد، سارة"


def test_jsonl_and_csv_date_columns_resolve_relative_times(tmp_path):
    j = tmp_path / "a.jsonl"
    j.write_text(json.dumps({"id": "a", "text": BODY, "date": "2015-07-24T10:00:00+03:00"}, ensure_ascii=False) + "\n",
                 "utf-8")
    c = tmp_path / "b.csv"
    c.write_text(f"id,text,PubDate\nb,{BODY},2015-07-24T10:00:00+03:00\n", "utf-8")
    for path in (j, c):
        (rec,) = list(iter_input(str(path)))
        assert rec["published"] == "2015-07-24T10:00:00+03:00"


def test_api_accepts_feed_and_saudinewsnet_keys():
    out = list(hadath.analyze_many([
        {"id": "a", "text": BODY, "pubDate": "2015-07-24T10:00:00+03:00"},
        {"id": "b", "content": BODY, "date_extracted": "2015-07-24T10:00:00", "source": "spa"},
    ]))
    assert [s for s, _ in out] == ["ok", "ok"]
    times = {d["id"]: [t["value"] for t in d["times"]] for _, d in out}
    assert times["a"] == ["2015-07-23"]
    assert times["b"] == ["2015-07-23"]


def test_reader_records_go_to_the_api_as_they_are(tmp_path):
    j = tmp_path / "a.jsonl"
    j.write_text(json.dumps({"text": BODY, "date": "2015-07-24T10:00:00+03:00"}, ensure_ascii=False) + "\n", "utf-8")
    recs = list(iter_input(str(j)))
    ((status, doc),) = list(hadath.analyze_many(recs))
    assert status == "ok" and [t["value"] for t in doc["times"]] == ["2015-07-23"]


def test_feed_dates_and_tsv(tmp_path):
    j = tmp_path / "rss.jsonl"
    rows = [{"id": "r1", "text": BODY, "pubDate": "Fri, 24 Jul 2015 10:00:00 +0300"},
            {"id": "r2", "text": BODY, "date": "24/07/2015"},
            {"id": "r3", "text": BODY, "date": 1437721200}]
    j.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    got = {r["id"]: r["published"] for r in iter_input(str(j))}
    assert got == {"r1": "2015-07-24T10:00:00+03:00", "r2": "2015-07-24", "r3": "2015-07-24T07:00:00+00:00"}
    out = {d["id"]: [t["value"] for t in d["times"]] for s, d in hadath.analyze_many(list(iter_input(str(j))))}
    assert out == {"r1": ["2015-07-23"], "r2": ["2015-07-23"], "r3": ["2015-07-23"]}
    t = tmp_path / "feed.tsv"
    t.write_text(f"id\theadline\ttext\nx1\tعنوان\t{BODY}\n", "utf-8")
    (rec,) = iter_input(str(t))
    assert (rec["id"], rec["title"], rec["data"]) == ("x1", "عنوان", BODY)
