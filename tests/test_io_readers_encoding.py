"""Records read from CSV/TSV, JSONL, JSON and zip files carry the encoding their file was decoded with,
and the document's input.encoding names it (as for text and HTML files)."""
from __future__ import annotations

import codecs
import json
import zipfile

import pytest
from click.testing import CliRunner

from hadath.batch import run_batch
from hadath.cli import cli
from hadath.io.readers import iter_input
from hadath.io.writers import read_jsonl
from hadath.settings import Settings

FAST = Settings(stages=())
AR1 = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."
AR2 = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الزراعة في المحافظات الجنوبية."


def csv_text(sep: str = ",") -> str:
    return f"id{sep}text\na1{sep}{AR1}\na2{sep}{AR2}\n"


def jsonl_text() -> str:
    return "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in (("a1", AR1), ("a2", AR2)))


CASES = [  # (file name, bytes, expected encoding)
    ("u8.csv", csv_text().encode("utf-8"), "utf-8"),
    ("bom.csv", codecs.BOM_UTF8 + csv_text().encode("utf-8"), "utf-8-sig"),
    ("cp.csv", csv_text().encode("cp1256"), "cp1256"),
    ("u16.csv", csv_text("\t").encode("utf-16"), "utf-16"),
    ("cp.tsv", csv_text("\t").encode("cp1256"), "cp1256"),
    ("u8.jsonl", jsonl_text().encode("utf-8"), "utf-8"),
    ("bom.jsonl", codecs.BOM_UTF8 + jsonl_text().encode("utf-8"), "utf-8-sig"),
    ("u16.jsonl", jsonl_text().encode("utf-16"), "utf-16"),
    ("u16le.jsonl", jsonl_text().encode("utf-16-le"), "utf-16-le"),
    ("cp.jsonl", jsonl_text().encode("cp1256"), "cp1256"),
    ("u8.json", json.dumps([{"id": "a1", "text": AR1}, {"id": "a2", "text": AR2}], ensure_ascii=False).encode(),
     "utf-8"),
    ("u16.json", json.dumps([{"id": "a1", "text": AR1}, {"id": "a2", "text": AR2}],
                            ensure_ascii=False).encode("utf-16"), "utf-16"),
    ("cp.json", json.dumps([{"id": "a1", "text": AR1}, {"id": "a2", "text": AR2}],
                           ensure_ascii=False).encode("cp1256"), "cp1256"),
]


@pytest.mark.parametrize("name,data,encoding", CASES, ids=[c[0] for c in CASES])
def test_records_name_their_file_encoding(tmp_path, name, data, encoding):
    f = tmp_path / name
    f.write_bytes(data)
    recs = list(iter_input(str(f)))
    assert [(r["id"], r["data"], r["encoding"]) for r in recs] == [("a1", AR1, encoding), ("a2", AR2, encoding)]
    assert all("warnings" not in r for r in recs)


def test_zip_members_name_their_encoding(tmp_path):
    z = tmp_path / "c.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.json", json.dumps([{"text": AR1}], ensure_ascii=False).encode("cp1256"))
        zf.writestr("b.jsonl", jsonl_text().encode("utf-16"))
        zf.writestr("c.jsonl", jsonl_text().encode("utf-8"))
        zf.writestr("d.txt", AR2.encode("cp1256"))
    recs = list(iter_input(str(z)))
    assert [(r["id"], r.get("encoding")) for r in recs] == [
        ("c.zip:0", "cp1256"), ("a1", "utf-16"), ("a2", "utf-16"), ("a1", "utf-8"), ("a2", "utf-8"),
        ("c.zip:d.txt", None)]  # a text member's bytes are decoded (and named) by the pipeline
    assert recs[-1]["data"] == AR2.encode("cp1256")


def test_zip_ids_after_a_utf16_jsonl_member(tmp_path):
    z = tmp_path / "n.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.jsonl", ("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (AR1, AR2))
                                + "\n").encode("utf-16"))
        zf.writestr("b.json", json.dumps([{"text": AR1}], ensure_ascii=False))
    assert [r["id"] for r in iter_input(str(z))] == ["n.zip:0", "n.zip:1", "n.zip:2"]


def test_mostly_utf8_jsonl_line_warns_and_is_kept(tmp_path):
    f = tmp_path / "broken.jsonl"
    line = json.dumps({"id": "b", "text": AR1 + " " + AR2}, ensure_ascii=False).encode()
    f.write_bytes(line[:40] + b"\xff" + line[40:] + b"\n")
    (rec,) = iter_input(str(f))
    assert rec["id"] == "b" and rec["encoding"] == "utf-8" and "\ufffd" in rec["data"]
    assert len(rec["warnings"]) == 1 and "invalid UTF-8" in rec["warnings"][0]


def test_batch_documents_carry_the_encoding(tmp_path):
    want = {}
    for name, data, _ in CASES[:4] + CASES[7:8]:  # the same ids in each file: one run per file
        f = tmp_path / name
        f.write_bytes(data)
        out = tmp_path / f"out-{name}"
        res = run_batch([str(f)], out, jobs=1, settings=FAST, progress=False)
        assert (res.ok, res.failed) == (2, 0)
        docs = read_jsonl(out / "documents.jsonl")
        want[name] = [d["input"]["encoding"] for d in docs]
        assert [d["text"] for d in docs] == [AR1, AR2]
    assert want == {"u8.csv": ["utf-8"] * 2, "bom.csv": ["utf-8-sig"] * 2, "cp.csv": ["cp1256"] * 2,
                    "u16.csv": ["utf-16"] * 2, "u16.jsonl": ["utf-16"] * 2}


def test_analyze_command_on_a_one_row_csv(tmp_path):
    f = tmp_path / "one.csv"
    f.write_bytes(f"id,text\nz1,{AR1}\n".encode("cp1256"))
    res = CliRunner().invoke(cli, ["analyze", str(f)], catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert (doc["id"], doc["text"], doc["input"]["encoding"], doc["input"]["kind"]) == ("z1", AR1, "cp1256", "text")


def test_text_files_unchanged(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(AR1.encode("cp1256"))
    out = tmp_path / "out"
    run_batch([str(f)], out, jobs=1, settings=FAST, progress=False)
    (doc,) = read_jsonl(out / "documents.jsonl")
    assert doc["input"]["encoding"] == "cp1256"


@pytest.mark.parametrize("enc,name", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
                                      ("cp1256", "cp1256")])
def test_stdin_json_forms_in_any_encoding(enc, name):
    import io

    recs = list(iter_input("-", stdin=io.BytesIO(jsonl_text().encode(enc))))
    assert [(r["id"], r["data"], r["encoding"]) for r in recs] == [("a1", AR1, name), ("a2", AR2, name)]
    arr = json.dumps([{"text": AR1}], ensure_ascii=False).encode(enc)
    (rec,) = iter_input("-", stdin=io.BytesIO(arr))
    assert (rec["id"], rec["data"], rec["encoding"]) == ("-:0", AR1, name)
    (rec,) = iter_input("-", stdin=io.BytesIO(AR1.encode(enc)))  # plain text: the pipeline decodes it
    assert rec["id"] == "-:" + __import__("hashlib").sha1(AR1.encode(enc)).hexdigest()[:12]
    assert rec["data"] == AR1.encode(enc)
