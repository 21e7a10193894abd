"""The caller's explicit published wins for the metadata too (source "input"); corpus crawl times do not."""
from __future__ import annotations

import json
import zipfile

import pytest
from click.testing import CliRunner

from hadath import Pipeline, Settings
from hadath.cli import cli

DATED = "عنوان الخبر\n11:39 ص الأربعاء 08 يونيو 2016\nقال الوزير أمس إن الاجتماع انتهى بنجاح."


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings(stages=("times",)))


def yesterday(doc):
    return [t["value"] for t in doc.times if t["text"] == "أمس"]


def test_no_published_the_date_line_wins(pipe):
    doc = pipe.analyze(DATED, source="masrawy")
    pub = doc.metadata["published"]
    assert (pub["value"], pub["source"], pub["span"]["text"]) == (
        "2016-06-08T11:39:00+02:00", "text", "11:39 ص الأربعاء 08 يونيو 2016")


def test_explicit_published_wins_and_agrees_with_items(pipe):
    doc = pipe.analyze(DATED, source="masrawy", published="2015-07-23T10:00:00")
    pub = doc.metadata["published"]
    assert (pub["value"], pub["timezone"], pub["span"], pub["source"]) == (
        "2015-07-23T10:00:00+02:00", "Africa/Cairo", None, "input")
    assert yesterday(doc) == ["2015-07-22"]
    # the date line is still not a body paragraph
    assert [p["text"] for p in doc.paragraphs] == ["قال الوزير أمس إن الاجتماع انتهى بنجاح."]


def test_explicit_date_only_stays_a_date(pipe):
    doc = pipe.analyze(DATED, published="2015-07-23")
    assert doc.metadata["published"]["value"] == "2015-07-23"
    assert doc.metadata["published"]["source"] == "input"
    assert yesterday(doc) == ["2015-07-22"]


def test_published_hint_stays_behind_the_date_line(pipe):
    doc = pipe.analyze(DATED, source="masrawy", published_hint="2016-06-09T08:00:00")
    assert doc.metadata["published"]["source"] == "text"
    assert doc.metadata["published"]["value"] == "2016-06-08T11:39:00+02:00"
    # without a date line the hint is the publication time
    doc = pipe.analyze("قال الوزير أمس إن الاجتماع انتهى بنجاح.", source="masrawy",
                       published_hint="2016-06-09T08:00:00")
    assert (doc.metadata["published"]["value"], doc.metadata["published"]["source"]) == (
        "2016-06-09T08:00:00+02:00", "input")


def test_cli_published_date_only(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(DATED, "utf-8")
    res = CliRunner().invoke(cli, ["analyze", str(f), "--published", "2015-07-23"], catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    pub = json.loads(res.stdout)["metadata"]["published"]
    assert (pub["value"], pub["source"]) == ("2015-07-23", "input")
    res = CliRunner().invoke(cli, ["analyze", str(f), "--published", "2015-07-23T09:30:00+03:00"],
                             catch_exceptions=False)
    pub = json.loads(res.stdout)["metadata"]["published"]
    assert (pub["value"], pub["source"]) == ("2015-07-23T09:30:00+03:00", "input")


def test_batch_snn_date_extracted_is_only_a_hint(tmp_path):
    z = tmp_path / "2016-06-09.zip"
    arts = [{"source": "sabq", "url": "http://sabq.org/1", "date_extracted": "2016-06-09 08:00:00",
             "title": "عنوان", "author": "", "content": "11:39 ص الأربعاء 08 يونيو 2016\nقال الوزير إن الاجتماع انتهى."},
            {"source": "sabq", "url": "http://sabq.org/2", "date_extracted": "2016-06-09 08:00:00",
             "title": "عنوان", "author": "", "content": "قال الوزير إن الاجتماع انتهى."}]
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("2016-06-09.json", json.dumps(arts, ensure_ascii=False))
    cfg = tmp_path / "fast.toml"
    cfg.write_text("[hadath]\nstages = []\n", "utf-8")
    res = CliRunner().invoke(cli, ["run", str(z), "--out", str(tmp_path / "o"), "--jobs", "1", "--config", str(cfg),
                                   "--no-progress"], catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    docs = [json.loads(x) for x in (tmp_path / "o" / "documents.jsonl").read_text("utf-8").splitlines()]
    assert [d["metadata"]["published"]["source"] for d in docs] == ["text", "input"]
    assert docs[0]["metadata"]["published"]["value"].startswith("2016-06-08T11:39:00")
    assert docs[1]["metadata"]["published"]["value"].startswith("2016-06-09T08:00:00")
