"""The command line: hadath --version/--help, analyze, run, ner, export; exit codes; bad input (hadath.cli)."""
from __future__ import annotations

import json
import struct
import sys
import types
import zlib
from importlib import resources

import pytest
from click.testing import CliRunner

from hadath import __version__
from hadath.cli import cli
from hadath.document import validate

AR = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def one_line_error(res, path: str, problem: str, code: int = 1) -> None:
    assert res.exit_code == code, (res.exit_code, res.stderr)
    assert res.stderr == f"hadath: error: {path}: {problem}\n"
    assert res.stdout == ""


def png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


@pytest.fixture()
def fast_cfg(tmp_path):
    p = tmp_path / "fast.toml"
    p.write_text("[hadath]\nstages = []\n", "utf-8")
    return str(p)


def test_version():
    res = run("--version")
    assert res.exit_code == 0 and res.stdout == f"hadath, version {__version__}\n"


@pytest.mark.parametrize("args", [[], ["analyze"], ["run"], ["ner"], ["export"]])
def test_help_everywhere(args):
    for flag in ("--help", "-h"):
        res = run(*args, flag)
        assert res.exit_code == 0 and res.stdout.startswith("Usage: ")


def test_analyze_bundled_sample(tmp_path):
    sample = resources.files("hadath.data").joinpath("sample_masrawy_2016-06-08.txt")
    res = run("analyze", str(sample), "--url", "https://www.masrawy.com/news/x", "--source", "masrawy",
              "--published", "2016-06-08T11:39:00+02:00")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    validate(doc)
    assert doc["input"]["kind"] == "text" and doc["input"]["encoding"] == "utf-8"
    assert doc["metadata"]["url"] == "https://www.masrawy.com/news/x"
    assert doc["text"] == sample.read_text("utf-8")


def test_analyze_stdin_pretty_tokens_and_out_file(tmp_path, fast_cfg):
    res = run("analyze", "-", "--pretty", "--include", "tokens", "--config", fast_cfg, input=AR.encode("cp1256"))
    assert res.exit_code == 0
    assert res.stdout.startswith('{\n  "schema": "hadath.document/1"')
    doc = json.loads(res.stdout)
    assert doc["text"] == AR and doc["input"]["encoding"] == "cp1256" and doc["tokens"]
    out = tmp_path / "doc.json"
    res = run("analyze", "-", "--out", str(out), "--config", fast_cfg, input=AR.encode())
    assert res.exit_code == 0 and res.stdout == ""
    assert json.loads(out.read_text("utf-8"))["text"] == AR


def test_bad_published_is_a_usage_error():
    res = run("analyze", "-", "--published", "yesterday", input=AR.encode())
    assert res.exit_code == 2 and "is not an ISO 8601 date" in res.stderr


def test_analyze_bad_inputs(tmp_path, fast_cfg):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    one_line_error(run("analyze", str(empty), "--config", fast_cfg), str(empty), "empty input")
    image = tmp_path / "image.png"
    image.write_bytes(png())
    one_line_error(run("analyze", str(image), "--config", fast_cfg), str(image), "binary data (PNG image), not text")
    nav = tmp_path / "nav.html"
    nav.write_text("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>", "utf-8")
    one_line_error(run("analyze", str(nav), "--config", fast_cfg), str(nav), "no article text found in the HTML page")
    one_line_error(run("analyze", str(tmp_path / "missing.txt")), str(tmp_path / "missing.txt"), "no such file")
    res = run("analyze", str(tmp_path))
    assert res.exit_code == 1 and res.stderr.startswith(f"hadath: error: {tmp_path}: is a folder")
    assert run("analyze", "-", "--config", fast_cfg, input=b"").stderr == "hadath: error: -: empty input\n"


def test_analyze_documents_with_warnings(tmp_path, fast_cfg):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(AR.encode()[:20] + b"\xff" + AR.encode()[20:])
    res = run("analyze", str(bad), "--config", fast_cfg)
    assert res.exit_code == 0 and any("invalid UTF-8" in w for w in json.loads(res.stdout)["warnings"])
    en = tmp_path / "en.html"
    en.write_text("<html><body><article><h1>Fair opens</h1><p>The minister opened the book fair this "
                  "morning with many publishers.</p></article></body></html>", "utf-8")
    res = run("analyze", str(en), "--config", fast_cfg)
    assert res.exit_code == 0 and any("not Arabic" in w for w in json.loads(res.stdout)["warnings"])


def test_analyze_50mb_file(tmp_path):
    para = ("قال الوزير إن الاجتماع انتهى اليوم في القاهرة.\n\n" * 500).encode("utf-8")
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(para) + 1):
            fh.write(para)
    small = tmp_path / "small.toml"
    small.write_text("[hadath]\nstages = []\nmax_bytes = 1000000\n", "utf-8")
    res = run("analyze", str(big), "--config", str(small))
    assert res.exit_code == 1
    assert res.stderr.startswith(f"hadath: error: {big}: input is ") and res.stderr.count("\n") == 1
    cut = tmp_path / "cut.toml"
    cut.write_text("[hadath]\nstages = []\nmax_chars = 5000\n", "utf-8")
    res = run("analyze", str(big), "--config", str(cut))
    assert res.exit_code == 0
    doc = json.loads(res.stdout)
    assert len(doc["text"]) <= 5000 and any("cut to its first" in w for w in doc["warnings"])


def test_run_exit_codes(tmp_path, fast_cfg):
    good = tmp_path / "in" / "a.txt"
    good.parent.mkdir()
    good.write_text(AR, "utf-8")
    res = run("run", str(good.parent), "--out", str(tmp_path / "o1"), "--jobs", "1", "--config", fast_cfg,
              "--no-progress")
    assert res.exit_code == 0, res.stderr
    assert "1 documents, 0 failures" in res.stderr and "articles/s" in res.stderr
    (good.parent / "b.txt").write_bytes(b"")
    res = run("run", str(good.parent), "--out", str(tmp_path / "o1"), "--jobs", "1", "--config", fast_cfg,
              "--no-progress")
    assert res.exit_code == 1 and "1 documents, 1 failures" in res.stderr and "1 already done" in res.stderr
    res = run("run", str(good.parent), "--out", str(good.parent / "out"), "--config", fast_cfg)
    assert res.exit_code == 2 and res.stderr.startswith("hadath: error: ") and "inside the input" in res.stderr
    assert run("run", str(good.parent)).exit_code == 2          # --out missing
    assert run("run", "--out", str(tmp_path / "o2")).exit_code == 2  # INPUT missing
    res = run("run", str(tmp_path / "nope"), "--out", str(tmp_path / "o3"))
    assert res.exit_code == 2 and res.stderr == f"hadath: error: {tmp_path / 'nope'}: no such file or folder\n"


def test_run_stdin_jsonl(tmp_path, fast_cfg):
    lines = "".join(json.dumps({"id": f"s{i}", "text": AR}, ensure_ascii=False) + "\n" for i in range(3))
    res = run("run", "-", "--out", str(tmp_path / "o"), "--jobs", "1", "--config", fast_cfg, "--no-progress",
              input=lines.encode())
    assert res.exit_code == 0
    ids = [json.loads(x)["id"] for x in (tmp_path / "o" / "documents.jsonl").read_text("utf-8").splitlines()]
    assert ids == ["s0", "s1", "s2"]


def test_ner_and_export_call_their_modules(tmp_path, monkeypatch):
    calls = []
    ner_mod = types.ModuleType("hadath.extract.entities.ner_model")
    # the command checks the input and hands tag_conll a checked copy (gold PER read as PERS)
    ner_mod.tag_conll = lambda i, o: calls.append(("ner", open(i, encoding="utf-8").read(), o)) or 7
    conll = tmp_path / "in.conll"
    conll.write_text("باراك B-PERS\nفي O\n", "utf-8")
    exp_mod = types.ModuleType("hadath.extract.events.export")
    exp_mod.export = lambda d, f, o: calls.append(("export", d, f, o))
    monkeypatch.setitem(sys.modules, "hadath.extract.entities.ner_model", ner_mod)
    monkeypatch.setitem(sys.modules, "hadath.extract.events.export", exp_mod)
    docs = tmp_path / "documents.jsonl"
    docs.write_text("", "utf-8")
    assert run("ner", "--conll", str(conll), "--out", str(tmp_path / "o.conll")).exit_code == 0
    assert run("export", str(docs), "--format", "csv").exit_code == 0
    assert calls == [("ner", "باراك B-PERS\nفي O\n", str(tmp_path / "o.conll")), ("export", str(docs), "csv", "-")]
    assert run("export", str(docs), "--format", "xml").exit_code == 2


def test_ner_and_export_missing_modules(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "hadath.extract.entities.ner_model", None)
    monkeypatch.setitem(sys.modules, "hadath.extract.events.export", None)
    res = run("ner", "--conll", "x")
    assert res.exit_code == 1 and res.stderr.startswith("hadath: error: ner: the NER model module is not available")
    res = run("export", "x.jsonl", "--format", "plover")
    assert res.exit_code == 1 and res.stderr.startswith("hadath: error: export: the event export module is not")


def test_internal_error_is_one_line(tmp_path, monkeypatch):
    import hadath.pipeline

    class Broken:
        def analyze(self, *a, **k):
            raise RuntimeError("stage exploded\nsecond line")

    monkeypatch.setattr(hadath.pipeline, "get_pipeline", lambda settings=None: Broken())
    f = tmp_path / "a.txt"
    f.write_text(AR, "utf-8")
    res = run("analyze", str(f))
    assert res.exit_code == 1
    assert res.stderr == f"hadath: error: {f}: internal error: RuntimeError: stage exploded second line\n"


def test_analyze_now_resolves_relative_page_date(tmp_path, fast_cfg):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>خبر</title></head><body><article><h1>خبر عاجل</h1>"
                    "<span class='date'>منذ ساعتين</span><p>أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد "
                    "في المدينة بسعة مئتي سرير.</p></article></body></html>", "utf-8")
    res = run("analyze", str(page), "--now", "2024-03-05T15:00:00+03:00", "--config", fast_cfg)
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["input"]["kind"] == "html" and doc["text"].startswith("خبر عاجل\n\n")
    assert doc["metadata"]["published"]["value"] == "2024-03-05T13:00:00+03:00"
