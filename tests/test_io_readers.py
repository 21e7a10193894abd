"""Readers of batch inputs: files, folders, JSONL, JSON arrays, zips, stdin (hadath.io.readers)."""
from __future__ import annotations

import io
import json
import zipfile

import pytest

from hadath.io.readers import iter_input, iter_records, record_from_object

SNN = [
    {"source": "sabq", "url": "http://sabq.org/1", "date_extracted": "2015-07-24 15:58:44",
     "title": "عنوان أول", "author": "الرياض: سامي الكاتب", "content": "نص الخبر الأول."},
    {"source": "okaz", "url": "http://okaz.com.sa/2", "date_extracted": "2015-07-24 16:00:00",
     "title": "", "author": "", "content": "نص الخبر الثاني."},
]


def ids(recs):
    return [r["id"] for r in recs]


def test_snn_object_mapping():
    r = record_from_object(SNN[0], "x.zip:0", "x.zip")
    assert r == {"id": "x.zip:0", "input": "x.zip", "data": "نص الخبر الأول.", "kind": "text",
                 "url": "http://sabq.org/1", "published": None, "published_hint": "2015-07-24T15:58:44",
                 "title": "عنوان أول",
                 "author": "الرياض: سامي الكاتب", "source": "sabq", "path": None}
    assert record_from_object(SNN[1], "x.zip:1", "x.zip")["title"] is None


def test_object_errors():
    assert record_from_object([1], "a:1", "a")["error"] == "expected a JSON object, got list"
    assert "no text, html or content" in record_from_object({"title": "x"}, "a:1", "a")["error"]
    assert record_from_object({"html": "<p>x</p>", "id": 7}, "a:1", "a")["kind"] == "html"
    assert record_from_object({"html": "<p>x</p>", "id": 7}, "a:1", "a")["id"] == "7"


def test_zip_streams_with_stable_ids(tmp_path):
    z = tmp_path / "2015-07-24.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("2015-07-24.json", json.dumps(SNN, ensure_ascii=False))
    first = list(iter_input(str(z)))
    assert ids(first) == ["2015-07-24.zip:0", "2015-07-24.zip:1"]
    assert ids(list(iter_input(str(z)))) == ids(first)
    assert first[0]["published_hint"] == "2015-07-24T15:58:44"


def test_jsonl_with_and_without_ids(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "a", "text": "نص"}\n\n{"html": "<p>نص</p>", "url": "u"}\nnot json\n', "utf-8")
    recs = list(iter_input(str(p)))
    assert ids(recs) == ["a", "in.jsonl:3", "in.jsonl:4"]
    assert recs[1]["kind"] == "html" and recs[1]["url"] == "u"
    assert recs[2]["error"].startswith("line 4 is not JSON")


def test_json_array_and_folder_order(tmp_path):
    d = tmp_path / "corpus"
    (d / "b").mkdir(parents=True)
    (d / "a.txt").write_text("نص أ", "utf-8")
    (d / "b" / "c.html").write_text("<html><body><p>نص</p></body></html>", "utf-8")
    (d / "arr.json").write_text(json.dumps(SNN, ensure_ascii=False), "utf-8")
    (d / ".hidden").write_text("x", "utf-8")
    recs = list(iter_input(str(d)))
    assert ids(recs) == [str(d / "a.txt"), "arr.json:0", "arr.json:1", str(d / "b" / "c.html")]
    assert recs[0]["data"] == "نص أ".encode("utf-8") and recs[0]["kind"] is None


def test_stdin_forms():
    recs = list(iter_input("-", stdin=io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n')))
    assert ids(recs) == ["-:1", "-:2"]
    recs = list(iter_input("-", stdin=io.BytesIO(json.dumps(SNN).encode())))
    assert ids(recs) == ["-:0", "-:1"]
    recs = list(iter_input("-", stdin=io.BytesIO("نص عادي".encode())))
    import hashlib

    assert ids(recs) == ["-:" + hashlib.sha1("نص عادي".encode()).hexdigest()[:12]]  # one article: from its bytes
    assert recs[0]["data"] == "نص عادي".encode()


def test_missing_input_raises():
    with pytest.raises(FileNotFoundError):
        list(iter_records(["/nonexistent/x.txt"]))


def test_bad_zip_is_a_record_error(tmp_path):
    z = tmp_path / "bad.zip"
    z.write_bytes(b"not a zip")
    (rec,) = list(iter_input(str(z)))
    assert rec["id"] == "bad.zip" and rec["error"].startswith("not a readable zip")
