"""Export of coded events: PLOVER JSONL and CSV."""
from __future__ import annotations

import csv
import io
import json

import pytest

from hadath.extract.events.export import CSV_COLUMNS, QUAD, export
from hadath.pipeline import Pipeline
from hadath.settings import Settings


@pytest.fixture(scope="module")
def docs_path(tmp_path_factory, sample_text):
    d = Pipeline(Settings()).analyze(sample_text, id="masrawy-1", published="2016-06-08T11:39:00+02:00",
                                     url="https://www.masrawy.com/news/x")
    p = tmp_path_factory.mktemp("exp") / "docs.jsonl"
    p.write_text(d.to_json() + "\n" + d.to_json() + "\n", encoding="utf-8")
    return p, d


def test_plover_jsonl(docs_path, tmp_path):
    p, d = docs_path
    out = tmp_path / "events.jsonl"
    n = export(p, "plover", out)
    recs = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert n == len(recs) == 2 * _written(d) > 0
    arrest = next(r for r in recs if r["event"] == ["COERCE"] and r["mode"] == ["arrest"])
    assert arrest["id"].startswith("masrawy-1-ev")
    assert arrest["date"] == "2016-06-08"
    assert arrest["actor"][0]["code"] == "DEU" and arrest["actor"][0]["sector"] == "GOV"
    assert arrest["actor"][0]["entity_text"] == "السلطات الألمانية"
    assert arrest["size"] == {"arrested": 3}
    assert arrest["quad_code"] == QUAD["COERCE"] == 4
    assert arrest["event_text"] == ["القبض"]
    assert arrest["text"] and arrest["cite_info"]["url"] == "https://www.masrawy.com/news/x"
    assert arrest["cite_info"]["coder"] == "hadath" and "rule coerce.arrest" in arrest["comment"]
    hyp = next(r for r in recs if "hypothetical" in r["context"])
    assert "hypothetical" in hyp["comment"]


def _written(d):
    """Events the export writes: all but the headline events the body reports again (evidence.same_as)."""
    return sum(1 for e in d.events if not e["evidence"].get("same_as"))


def test_csv_table(docs_path, tmp_path):
    p, d = docs_path
    out = tmp_path / "events.csv"
    n = export(p, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert list(rows[0]) == CSV_COLUMNS and len(rows) == n == 2 * _written(d)
    arrest = next(r for r in rows if r["type"] == "COERCE" and r["mode"] == "arrest")
    assert arrest["actor_code"] == "DEUGOV" and arrest["arrested"] == "3" and arrest["doc_id"] == "masrawy-1"


def test_stdout_and_errors(docs_path, tmp_path, capsys):
    p, d = docs_path
    assert export(p, "plover", "-") == 2 * _written(d)
    assert capsys.readouterr().out.count("\n") == 2 * _written(d)
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export(p, "xml", tmp_path / "x")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema": "hadath.document/1", "events": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2: not a JSON document"):
        export(bad, "csv", tmp_path / "y")
    nodoc = tmp_path / "nodoc.json"
    nodoc.write_text('[{"a": 1}]', encoding="utf-8")
    with pytest.raises(ValueError, match="item 1 is not a hadath document"):
        export(nodoc, "csv", tmp_path / "z")


@pytest.mark.parametrize("value, expected", [
    ("2015-07-12", ("2015-07-12", None, None, None)),
    ("2015-07-22T10:00", ("2015-07-22", "10:00", None, None)),
    ("2014", ("2014-01-01", None, "2014-12-31", None)),
    ("2014-02", ("2014-02-01", None, "2014-02-28", None)),
    ("2016-02", ("2016-02-01", None, "2016-02-29", None)),
    ("2015-W29", ("2015-07-13", None, "2015-07-19", None)),
    ("2015-W29-WE", ("2015-07-18", None, "2015-07-19", None)),
    ("2014-SU", ("2014-06-01", None, "2014-08-31", None)),
    ("2014-WI", ("2014-12-01", None, "2015-02-28", None)),
    ("2015-Q4", ("2015-10-01", None, "2015-12-31", None)),
    ("2015-08-03/2015-08-05", ("2015-08-03", None, "2015-08-05", None)),
    ("2015-08-03T09:00/2015-08-03T17:30", ("2015-08-03", "09:00", "2015-08-03", "17:30")),
    ("2014/2015", ("2014-01-01", None, "2015-12-31", None)),
    ("2015-02-30", None),
    ("2015-08-05/2015-08-03", None),
    ("soon", None),
])
def test_plover_dates(value, expected):
    from hadath.extract.events.export import plover_dates
    assert plover_dates(value) == expected


def _one_event_doc(date_value, source="text"):
    return {"schema": "hadath.document/1", "id": "d9", "text": "x",
            "metadata": {"headline": None, "published": {"value": "2015-07-23T10:00:00+03:00"}, "outlet": None,
                         "url": None},
            "events": [{"id": "ev1", "type": "ASSAULT", "mode": None, "context": [], "cameo": "190",
                        "trigger": {"start": 0, "end": 1, "text": "x"}, "actor": None, "recipient": None,
                        "location": None, "date": {"value": date_value, "source": source}, "size": {},
                        "negated": False, "hypothetical": False, "attribution": None,
                        "sentence": {"start": 0, "end": 1, "text": "x"}, "confidence": 0.9, "rule": "assault.attack"}]}


def test_plover_record_uses_the_event_time_not_publication():
    from hadath.extract.events.export import plover_record
    doc = _one_event_doc("2014")
    rec = plover_record(doc, doc["events"][0])
    # a year: the whole year, never the publication day, and no date in the time field
    assert (rec["date"], rec["time"], rec["enddate"], rec["endtime"], rec["date_text"]) == (
        "2014-01-01", None, "2014-12-31", None, "2014")
    doc = _one_event_doc("2015-08-03/2015-08-05")
    rec = plover_record(doc, doc["events"][0])
    assert (rec["date"], rec["time"], rec["enddate"], rec["endtime"]) == ("2015-08-03", None, "2015-08-05", None)
    doc = _one_event_doc("2015-07-22T10:00")
    rec = plover_record(doc, doc["events"][0])
    assert (rec["date"], rec["time"], rec["enddate"]) == ("2015-07-22", "10:00", None)
    assert rec["date"] + "T" + rec["time"] == "2015-07-22T10:00"
    doc = _one_event_doc("2015-07-23", source="published")
    rec = plover_record(doc, doc["events"][0])
    assert rec["date"] == "2015-07-23" and "date is the publication date" in rec["comment"]
    assert rec["date_text"] is None  # (no time expression of the text gave the date)
    doc = _one_event_doc("sometime")
    rec = plover_record(doc, doc["events"][0])
    assert rec["date"] == "2015-07-23" and rec["time"] is None and "event date sometime" in rec["comment"]


def _analyzed_file(tmp_path, text, doc_id, published):
    """The whole pipeline's document of ``text`` and a documents.jsonl holding it."""
    d = Pipeline(Settings()).analyze(text, id=doc_id, published=published)
    p = tmp_path / "docs.jsonl"
    p.write_text(d.to_json() + "\n", encoding="utf-8")
    return d, p


def _plover_export(p, out):
    """(records written, the PLOVER records) of ``export(p, "plover", out)``."""
    n = export(p, "plover", out)
    return n, [json.loads(x) for x in out.read_text("utf-8").splitlines()]


def test_plover_export_of_a_year_event(tmp_path):
    """Whole pipeline: an event dated "في عام 2014" is exported with 2014's bounds, not the publication day."""
    _d, p = _analyzed_file(tmp_path, "قتل خمسة أشخاص في هجوم في بغداد في عام 2014.", "y1", "2015-07-23T10:00+03:00")
    n, (rec,) = _plover_export(p, tmp_path / "ev.jsonl")
    assert n == 1
    assert (rec["date"], rec["enddate"], rec["date_text"], rec["time"]) == ("2014-01-01", "2014-12-31", "2014", None)


def test_sector_from_the_cameo_role_everywhere(tmp_path):
    """A coded actor without a lexicon sector (an entity's UKRMIL) has the role part of its code as sector in the
    JSON, the PLOVER records and the CSV alike; a country alone has none."""
    from hadath.extract.events.export import csv_row

    d, p = _analyzed_file(tmp_path, "وقال الانفصاليون إن رجلا قتل جراء قصف القوات الأوكرانية في وسط دونيتسك.",
                          "ukr-1", "2015-07-31T19:00:00+03:00")
    ev = next(e for e in d.events if e["type"] == "ASSAULT")
    assert ev["actor"]["code"] == "UKRMIL" and ev["actor"]["sector"] == "MIL"
    out = tmp_path / "e.csv"
    export(p, "csv", out)
    row = next(r for r in csv.DictReader(io.StringIO(out.read_text("utf-8"))) if r["type"] == "ASSAULT")
    assert row["actor_code"] == "UKRMIL" and row["actor_sector"] == "MIL"
    _n, recs = _plover_export(p, tmp_path / "e.jsonl")
    rec = next(r for r in recs if r["event"] == ["ASSAULT"])
    assert rec["actor"][0]["code"] == "UKR" and rec["actor"][0]["sector"] == "MIL"
    # documents written before sectors were filled: the export derives them from the code
    old = dict(ev, actor=dict(ev["actor"], sector=None), recipient={"text": "x", "code": "YEMREB", "country": "YEM",
                                                                     "sector": None})
    row = csv_row(d.to_dict(), old)
    assert row["actor_sector"] == "MIL" and row["recipient_sector"] == "REB"
    row = csv_row(d.to_dict(), dict(ev, actor={"text": "x", "code": "USA", "country": "USA", "sector": None}))
    assert row["actor_sector"] is None


def test_plover_negated_and_hypothetical_records():
    """PLOVER: auxiliary modes in context; a negated event is no event (has_event false, kept for filtering), a
    hypothetical or future one is coded with its mode (has_event true)."""
    from hadath.extract.events.export import plover_record
    doc = _one_event_doc("2014")
    ev = doc["events"][0]
    rec = plover_record(doc, ev)
    assert rec["has_event"] is True and "negation" not in rec["context"] and rec["date_text"] == "2014"
    rec = plover_record(doc, dict(ev, negated=True))
    assert rec["has_event"] is False and "negation" in rec["context"] and "negated" in rec["comment"]
    rec = plover_record(doc, dict(ev, hypothetical=True, evidence={"future": True}))
    assert rec["has_event"] is True and "hypothetical" in rec["context"] and "future" in rec["context"]


def test_plover_export_date_text_only_from_the_text(tmp_path):
    """Whole pipeline: an event dated by the publication has no date_text; a negated one has has_event false."""
    _d, p = _analyzed_file(tmp_path, "نفى الجيش قصف المستشفى في إدلب. وقتل خمسة أشخاص في هجوم في بغداد.", "n1",
                           "2015-07-23T10:00+03:00")
    _n, recs = _plover_export(p, tmp_path / "ev.jsonl")
    assert recs and all(r["date"] == "2015-07-23" and r["date_text"] is None for r in recs)
    neg = [r for r in recs if "negation" in r["context"]]
    assert neg and all(r["has_event"] is False for r in neg)
    assert any(r["has_event"] is True for r in recs)


def test_plover_resolved_place_is_the_linked_entity_name(tmp_path):
    """Whole pipeline: event_loc.resolved_place is the canonical name of the place's entity (GeoNames)."""
    _d, p = _analyzed_file(tmp_path, "قتل خمسة أشخاص في هجوم في بغداد.", "p1", "2015-07-23T10:00+03:00")
    _n, (rec,) = _plover_export(p, tmp_path / "ev.jsonl")
    loc = rec["event_loc"]
    assert (loc["extracted_place"], loc["resolved_place"], loc["geonameid"], loc["country_code"]) == (
        "بغداد", "Baghdad", 98182, "IRQ")
