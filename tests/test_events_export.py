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
    assert n == len(recs) == 2 * len(d.events) > 0
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


def test_csv_table(docs_path, tmp_path):
    p, d = docs_path
    out = tmp_path / "events.csv"
    n = export(p, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert list(rows[0]) == CSV_COLUMNS and len(rows) == n == 2 * len(d.events)
    arrest = next(r for r in rows if r["type"] == "COERCE" and r["mode"] == "arrest")
    assert arrest["actor_code"] == "DEUGOV" and arrest["arrested"] == "3" and arrest["doc_id"] == "masrawy-1"


def test_stdout_and_errors(docs_path, tmp_path, capsys):
    p, d = docs_path
    assert export(p, "plover", "-") == 2 * len(d.events)
    assert capsys.readouterr().out.count("\n") == 2 * len(d.events)
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
