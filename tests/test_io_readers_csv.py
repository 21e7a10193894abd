"""CSV inputs (one article a row) and ``input.path`` of JSONL records (hadath.io.readers, hadath.batch)."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from hadath.batch import run_batch
from hadath.io.readers import iter_input
from hadath.settings import Settings

FAST = Settings(stages=())
AR1 = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."
AR2 = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الزراعة في المحافظات الجنوبية."


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_csv_rows_are_records(tmp_path):
    f = tmp_path / "news.csv"
    f.write_text('\ufeffid,Text ,url,published,extra\n'
                 f'a1,{AR1},http://x.eg/1,2016-06-08 11:39:00,zz\n'
                 '\n'
                 f',"{AR2}\nسطر ثان, بفاصلة",,,\n'
                 f'a3,"",,,\n', "utf-8")
    recs = list(iter_input(str(f)))
    assert [r["id"] for r in recs] == ["a1", "news.csv:4", "a3"]
    assert [r["input"] for r in recs] == [f"{f}:2", f"{f}:4", f"{f}:6"]
    a1 = recs[0]
    assert (a1["data"], a1["kind"], a1["url"], a1["published"], a1["path"]) == (
        AR1, "text", "http://x.eg/1", "2016-06-08T11:39:00", str(f))
    assert recs[1]["data"] == f"{AR2}\nسطر ثان, بفاصلة"
    assert recs[1]["alt_id"] == f"{f}:4"
    assert recs[2]["error"] == "no text, html or content string in the object"


def test_csv_html_and_content_columns(tmp_path):
    f = tmp_path / "pages.csv"
    f.write_text('html,title\n"<html><body><p>نص</p></body></html>",عنوان\n', "utf-8")
    (r,) = iter_input(str(f))
    assert (r["kind"], r["title"], r["id"]) == ("html", "عنوان", "pages.csv:2")
    g = tmp_path / "snn.csv"
    g.write_text(f"source,content\nsabq,{AR1}\n", "utf-8")
    (r,) = iter_input(str(g))
    assert (r["data"], r["source"]) == (AR1, "sabq")


def test_csv_without_text_column_fails_naming_file_and_column(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text(f"id,body\na1,{AR1}\na2,{AR2}\n", "utf-8")
    (r,) = iter_input(str(f))
    assert r["id"] == str(f) and r["input"] == str(f)
    assert r["error"] == "CSV header has no text, content or html column (columns: 'id', 'body')"
    png = tmp_path / "image.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (r,) = iter_input(str(png))
    assert r["error"].startswith("CSV file is not text: ") and "binary data" in r["error"]
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert list(iter_input(str(empty))) == []


def test_csv_in_folder_batch(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.csv").write_text(f"id,text\na1,{AR1}\na2,{AR2}\n", "utf-8")
    (d / "b.csv").write_text(f"id,body\nb1,{AR1}\n", "utf-8")
    out = tmp_path / "out"
    res = run_batch([str(d)], out, jobs=1, settings=FAST, progress=False)
    assert (res.ok, res.failed) == (2, 1)
    docs = read_jsonl(out / "documents.jsonl")
    assert [(x["id"], x["text"]) for x in docs] == [("a1", AR1), ("a2", AR2)]
    assert "id,text" not in docs[0]["text"]
    assert docs[0]["input"]["path"] == str(d / "a.csv")
    (fail,) = read_jsonl(out / "failures.jsonl")
    assert fail["input"] == str(d / "b.csv")
    assert fail["error"] == f"{d / 'b.csv'}: CSV header has no text, content or html column (columns: 'id', 'body')"


def test_jsonl_documents_have_the_file_path(tmp_path):
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps({"id": "r1", "text": AR1}, ensure_ascii=False) + "\n"
                   + json.dumps({"text": ""}) + "\n", "utf-8")
    recs = list(iter_input(str(src)))
    assert [(r["path"], r["input"]) for r in recs] == [(str(src), f"{src}:1"), (str(src), f"{src}:2")]
    out = tmp_path / "out"
    res = run_batch([str(src)], out, jobs=1, settings=FAST, progress=False)
    assert (res.ok, res.failed) == (1, 1)
    (doc,) = read_jsonl(out / "documents.jsonl")
    assert doc["input"]["path"] == str(src)
    (fail,) = read_jsonl(out / "failures.jsonl")
    assert fail["input"] == f"{src}:2" and fail["error"].startswith(f"{src}:2: ")


def test_jsonl_in_zip_has_member_path(tmp_path):
    z = tmp_path / "c.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("d/x.jsonl", json.dumps({"text": AR1}, ensure_ascii=False) + "\n")
    (r,) = iter_input(str(z))
    assert (r["id"], r["path"], r["input"]) == ("c.zip:0", f"{z}!d/x.jsonl", f"{z}!d/x.jsonl:1")


def test_csv_in_legacy_encodings_and_tab_separated(tmp_path):
    """Excel exports of Arabic: CP1256 comma-separated, UTF-16 tab-separated ("Unicode text")."""
    cp = tmp_path / "cp.csv"
    cp.write_bytes(f"id,text\na1,{AR1}\n".encode("cp1256"))
    u16 = tmp_path / "u16.csv"
    u16.write_bytes(f"id\ttext\na2\t{AR2}\n".encode("utf-16"))
    (r1,) = iter_input(str(cp))
    (r2,) = iter_input(str(u16))
    assert (r1["id"], r1["data"]) == ("a1", AR1)
    assert (r2["id"], r2["data"]) == ("a2", AR2)
