"""Publication time gets a zone (metadata.published) on every input path where one is known.

Paths: the page's date line, HTML metadata, a relative stamp against ``now``, the URL date,
``Pipeline.analyze(published=...)``, ``analyze_record`` (batch), JSONL / SaudiNewsNet records
from :mod:`hadath.io.readers` (``date_extracted``), and ``hadath analyze --published``.
Rule: the outlet's home zone when known (else ``Settings.default_timezone``); with neither the
value keeps no offset, ``timezone`` is null (issue 2: no zone is invented) and a warning says so;
an offset given with the time is kept.
"""
from __future__ import annotations

import json
from datetime import datetime

import pytest
from click.testing import CliRunner

from hadath import Pipeline, Settings
from hadath.cli import cli
from hadath.io.readers import ANALYZE_KEYS, iter_input
from hadath.pipeline import State, analyze_record

BODY = "وأعلنت الجهات المختصة أمس عن بدء المرحلة الثانية من المشروع في المنطقة."
FAST = Settings(stages=())


def _warn(shown: str, source: str) -> str:
    return (f"publication time {shown} ({source}) has no time zone and the outlet's home zone "
            "is unknown: timezone left null (relative times resolved as if UTC)")


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(FAST)


def _pub(doc):
    p = doc["metadata"]["published"] if isinstance(doc, dict) else doc.metadata["published"]
    return p["value"], p["timezone"], p["source"]


# -- the page's date line ------------------------------------------------------------------------
def test_text_stamp_without_outlet_has_no_zone_and_a_warning(pipe):
    doc = pipe.analyze(f"11:39 ص الأربعاء 08 يونيو 2016\n{BODY}")
    assert _pub(doc) == ("2016-06-08T11:39:00", None, "text")
    assert doc.warnings == [_warn("2016-06-08T11:39:00", "text")]


def test_text_stamp_with_outlet_zone_has_no_warning(pipe):
    doc = pipe.analyze(f"11:39 ص الأربعاء 08 يونيو 2016\n{BODY}", source="masrawy")
    assert _pub(doc) == ("2016-06-08T11:39:00+02:00", "Africa/Cairo", "text")
    assert doc.warnings == []


def test_text_stamp_with_zone_marker_keeps_it(pipe):
    doc = pipe.analyze(f"الأحد 9 أغسطس 2015 - 10:30 بتوقيت مكة المكرمة\n{BODY}")
    assert _pub(doc) == ("2015-08-09T10:30:00+03:00", "Asia/Riyadh", "text")
    assert doc.warnings == []
    doc = pipe.analyze(f"الخميس 05 جانفي 2017 - 09:00 صباحا بتوقيت غرينتش\n{BODY}")
    assert _pub(doc) == ("2017-01-05T09:00:00+00:00", "UTC", "text")
    assert doc.warnings == []  # said on the page: no assumption


def test_default_timezone_setting_wins_over_utc():
    doc = Pipeline(Settings(stages=(), default_timezone="Asia/Riyadh")).analyze(
        f"11:39 ص الأربعاء 08 يونيو 2016\n{BODY}")
    assert _pub(doc) == ("2016-06-08T11:39:00+03:00", "Asia/Riyadh", "text")
    assert doc.warnings == []


def test_day_only_stamp_without_outlet_has_no_zone(pipe):
    doc = pipe.analyze(f"نشر في: 10 يوليو 2015\n{BODY}")
    assert _pub(doc) == ("2015-07-10", None, "text")
    assert doc.warnings == [_warn("2015-07-10", "text")]


# -- HTML metadata, relative stamps, URL ---------------------------------------------------------
def _structure(pipe, **hints):
    doc, h = pipe.ingester.ingest(BODY, url=hints.pop("url", None))
    h.update(hints)
    h.setdefault("now", None)
    state = State(doc=doc, settings=pipe.settings, scratch={"input": h})
    pipe.structure(state)
    return doc, state


def test_html_meta_naive_date_has_no_zone_and_a_warning(pipe):
    doc, state = _structure(pipe, html_meta={"date": "2016-06-08T09:39:00"})
    assert _pub(doc) == ("2016-06-08T09:39:00", None, "html")
    assert doc.warnings == [_warn("2016-06-08T09:39:00", "html")]
    assert state.reference_time.isoformat() == "2016-06-08T09:39:00+00:00"


def test_html_page_meta_date_end_to_end(pipe):
    page = ("<html><head><title>خبر</title><meta property='article:published_time' content='2016-06-08T09:39:00'>"
            f"</head><body><article><h1>خبر عاجل عن الاجتماع</h1><p>{BODY} بعد اجتماع مطول في العاصمة.</p>"
            "<p>وقال المتحدث إن العمل سيستمر حتى نهاية العام الجاري في جميع المواقع.</p></article></body></html>")
    doc = pipe.analyze(page.encode())
    assert _pub(doc) == ("2016-06-08T09:39:00", None, "html")
    assert doc.warnings == [_warn("2016-06-08T09:39:00", "html")]
    doc = pipe.analyze(page.encode(), url="https://www.youm7.com/story/2016/6/8/x")
    assert _pub(doc) == ("2016-06-08T09:39:00+02:00", "Africa/Cairo", "html")
    assert doc.warnings == []


def test_html_meta_z_date_is_utc_without_warning(pipe):
    doc, _ = _structure(pipe, html_meta={"date": "2016-06-08T09:39:00Z"})
    assert _pub(doc) == ("2016-06-08T09:39:00+00:00", "UTC", "html")
    assert doc.warnings == []


def test_relative_stamp_with_naive_now_has_no_zone(pipe):
    doc, _ = _structure(pipe, html_meta={"date_text": "منذ ساعتين"}, now=datetime(2024, 3, 5, 15, 0))
    assert _pub(doc) == ("2024-03-05T13:00:00", None, "html")
    assert doc.warnings == [_warn("2024-03-05T13:00:00", "html")]


def test_url_date_without_outlet_has_no_zone(pipe):
    doc, _ = _structure(pipe, url="https://example.org/news/2016/06/08/story")
    assert _pub(doc) == ("2016-06-08", None, "url")
    assert doc.warnings == [_warn("2016-06-08", "url")]


# -- caller-given published: analyze, analyze_record ---------------------------------------------
def test_analyze_published_naive_without_outlet(pipe):
    doc = pipe.analyze(BODY, published="2015-07-22T10:04:16")
    assert _pub(doc) == ("2015-07-22T10:04:16", None, "input")
    assert doc.warnings == [_warn("2015-07-22T10:04:16", "input")]


def test_analyze_published_datetime_object_naive(pipe):
    doc = pipe.analyze(BODY, published=datetime(2015, 7, 22, 10, 4, 16), source="okaz")
    assert _pub(doc) == ("2015-07-22T10:04:16+03:00", "Asia/Riyadh", "input")
    assert doc.warnings == []


def test_analyze_published_with_offset_is_kept(pipe):
    doc = pipe.analyze(BODY, published="2015-07-22T10:04:16+04:00")
    assert _pub(doc) == ("2015-07-22T10:04:16+04:00", None, "input")
    assert doc.warnings == []


def test_analyze_record_published_naive():
    status, doc = analyze_record({"data": BODY, "published": "2015-07-22 10:04:16", "id": "a"}, FAST)
    assert status == "ok"
    assert _pub(doc) == ("2015-07-22T10:04:16", None, "input")
    assert doc["warnings"] == [_warn("2015-07-22T10:04:16", "input")]


# -- readers: JSONL and SaudiNewsNet date_extracted ----------------------------------------------
def test_jsonl_and_saudinewsnet_records_get_a_zone(tmp_path):
    f = tmp_path / "in.jsonl"
    rows = [{"id": "snn", "content": BODY, "date_extracted": "2015-07-24 15:58:44", "source": "sabq",
             "title": "", "author": ""},
            {"id": "plain", "text": BODY, "published": "2015-07-24T15:58:44"},
            {"id": "offset", "text": BODY, "published": "2015-07-24T15:58:44+01:00", "source": "sabq"}]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    got = {}
    for rec in iter_input(str(f)):
        status, doc = analyze_record({k: rec[k] for k in ANALYZE_KEYS if k in rec}, FAST)
        assert status == "ok", doc
        got[doc["id"]] = (_pub(doc), doc["warnings"])
    assert got["snn"] == (("2015-07-24T15:58:44+03:00", "Asia/Riyadh", "input"), [])
    assert got["plain"] == (("2015-07-24T15:58:44", None, "input"), [_warn("2015-07-24T15:58:44", "input")])
    assert got["offset"] == (("2015-07-24T17:58:44+03:00", "Asia/Riyadh", "input"), [])


# -- the command line ----------------------------------------------------------------------------
def test_cli_published_gets_a_zone(tmp_path):
    cfg = tmp_path / "fast.toml"
    cfg.write_text("[hadath]\nstages = []\n", "utf-8")
    art = tmp_path / "a.txt"
    art.write_text(BODY, "utf-8")
    runner = CliRunner()
    res = runner.invoke(cli, ["analyze", str(art), "--published", "2015-07-22T10:04:16", "--config", str(cfg)],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    assert _pub(json.loads(res.stdout)) == ("2015-07-22T10:04:16", None, "input")
    assert res.stderr == f"hadath: warning: {art}: {_warn('2015-07-22T10:04:16', 'input')}\n"
    res = runner.invoke(cli, ["analyze", str(art), "--published", "2015-07-22T10:04:16", "--config", str(cfg),
                              "--url", "https://www.masrawy.com/news/x"], catch_exceptions=False)
    assert res.exit_code == 0 and res.stderr == ""
    assert _pub(json.loads(res.stdout)) == ("2015-07-22T10:04:16+02:00", "Africa/Cairo", "input")
