"""Decoding bytes to text: encodings, mislabelled pages, mojibake, refusals (hadath.io.decode, Ingester)."""
from __future__ import annotations

import struct
import zlib

import pytest

from hadath.io.decode import decode_bytes, declared_charset, repair_mojibake, sniff_binary
from hadath.io.ingest import Ingester, InputError
from hadath.settings import Settings

AR = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المحافظات الجنوبية."


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"\x00\xff\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("codec, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),          # with BOM
    ("utf-16-le", "utf-16-le"),    # without BOM
    ("utf-16-be", "utf-16-be"),
    ("utf-32", "utf-32"),
    ("cp1256", "cp1256"),
    ("iso-8859-6", "iso8859_6"),
])
def test_encodings_round_trip(codec, expected):
    d = decode_bytes(AR.encode(codec), name="x")
    assert d.text == AR
    assert d.encoding == expected
    assert d.warnings == []


def test_meta_charset_that_lies_about_utf8_bytes():
    page = b'<html><head><meta charset="windows-1256"></head><body><p>' + AR.encode("utf-8") + b"</p></body></html>"
    d = decode_bytes(page, name="x")
    assert d.encoding == "utf-8" and AR in d.text


def test_meta_charset_that_lies_about_cp1256_bytes():
    page = b'<html><head><meta charset="utf-8"></head><body><p>' + AR.encode("cp1256") + b"</p></body></html>"
    d = decode_bytes(page, name="x")
    assert d.encoding == "cp1256" and AR in d.text


def test_meta_charset_latin1_label_on_cp1256_page():
    page = b'<html><head><meta charset="iso-8859-1"></head><body><p>' + AR.encode("cp1256") + b"</p></body></html>"
    assert AR in decode_bytes(page, name="x").text


def test_declared_charset():
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">') == "cp1256"
    assert declared_charset(b"<p>no meta</p>") is None


@pytest.mark.parametrize("wrong, kind", [("cp1256", "cp1256"), ("latin-1", "latin1"), ("cp1252", "latin1")])
def test_mojibake_repaired(wrong, kind):
    garbled = AR.encode("utf-8").decode(wrong, errors="replace")
    if wrong == "cp1252":  # cp1252 cannot map 5 bytes: the repair must still restore most words
        fixed, k = repair_mojibake(garbled)
        assert k == kind and "أعلنت الحكومة اليوم" in fixed
        return
    d = decode_bytes(garbled.encode("utf-8"), name="x")
    assert d.text == AR
    assert d.encoding == f"utf-8+mojibake-{kind}"
    assert any("mojibake" in w for w in d.warnings)


@pytest.mark.parametrize("text", [
    AR,
    "ظهر الطبيب في المؤتمر وأكد أن الظروف مناسبة لطرح الخطط الجديدة",  # ط ظ in real Arabic
    "Ørsted and Ùlm are names; Øresund bridge.",
    "The café served crème brûlée.",
])
def test_no_repair_when_text_is_fine(text):
    assert repair_mojibake(text) == (text, None)


def test_invalid_utf8_gives_document_with_warning():
    data = AR.encode("utf-8")
    data = data[:20] + b"\xff\xfe" + data[20:]
    doc, _ = Ingester(Settings()).ingest(data, path="bad.txt")
    assert "\ufffd" in doc.text
    assert doc.input["encoding"] == "utf-8"
    assert any("invalid UTF-8" in w for w in doc.warnings)


def test_png_refused():
    with pytest.raises(InputError) as e:
        Ingester(Settings()).ingest(png_bytes(), path="img.png")
    assert str(e.value) == "img.png: binary data (PNG image), not text"
    assert sniff_binary(png_bytes()) == "PNG image"


def test_nul_bytes_refused():
    with pytest.raises(InputError, match=r"^blob: binary data \(NUL bytes\), not text$"):
        Ingester(Settings()).ingest(b"abc\x00\x01\x02def\x00\x00\x00\x00" * 20, path="blob")


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", "", "  \n"])
def test_empty_refused(data):
    with pytest.raises(InputError, match=r"^empty\.txt: empty input$"):
        Ingester(Settings()).ingest(data, path="empty.txt")


def test_nothing_decodable_refused():
    """A UTF-16 byte-order mark and one stray byte: no character decodes, so there is no text."""
    with pytest.raises(InputError, match=r"^odd\.txt: no text: its 3 bytes do not decode as utf-16$"):
        Ingester(Settings()).ingest(b"\xff\xfe\x00", path="odd.txt")
    # a broken byte inside real text is replaced and the text is kept
    assert "قتل" in Ingester(Settings()).ingest("قتل 5".encode("utf-16") + b"\x00", path="ok.txt")[0].text


def test_too_many_bytes_refused():
    with pytest.raises(InputError) as e:
        Ingester(Settings(max_bytes=1000)).ingest(("خبر " * 500).encode("utf-8"), path="big.txt")
    msg = str(e.value)
    assert msg.startswith("big.txt: input is 3,500 bytes, over the limit of 1,000 bytes")
    assert "\n" not in msg


def test_50mb_text_is_cut_with_warning(tmp_path):
    para = ("قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور ثلاثة آلاف شخص.\n\n" * 200).encode("utf-8")
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(para) + 1):
            fh.write(para)
    data = path.read_bytes()
    assert len(data) > 50 * 1024 * 1024
    doc, hints = Ingester(Settings()).ingest(data, path=str(path))
    assert len(doc.text) <= Settings().max_chars
    assert len(doc.text) > Settings().max_chars - 1000
    assert doc.input["bytes"] == len(data)
    assert any("cut to its first" in w and "Settings.max_chars" in w for w in doc.warnings)
    assert hints["content_span"][1] == len(doc.text)
    with pytest.raises(InputError, match="over the limit of 10,485,760 bytes"):
        Ingester(Settings(max_bytes=10 * 1024 * 1024)).ingest(data, path=str(path))


def test_long_str_input_is_cut_at_a_space():
    doc, _ = Ingester(Settings(max_chars=100)).ingest("كلمة " * 100)
    assert len(doc.text) <= 100 and not doc.text.endswith("كل")
    assert any("cut" in w for w in doc.warnings)


def test_non_arabic_text_is_a_document_with_warning():
    doc, _ = Ingester(Settings()).ingest(b"The minister said the meeting ended today in Cairo.", path="en.txt")
    assert doc.text.startswith("The minister")
    assert any("not Arabic" in w for w in doc.warnings)


def test_arabic_text_has_no_warning():
    doc, _ = Ingester(Settings()).ingest(AR.encode("cp1256"), path="a.txt")
    assert doc.warnings == [] and doc.input["encoding"] == "cp1256" and doc.input["kind"] == "text"


def test_record_with_empty_body_is_kept_with_warning():
    doc, hints = Ingester(Settings()).ingest(" ", title="نتائج مخيبة", url="http://example.com/1")
    assert doc.text == "نتائج مخيبة" and hints["content_span"] is None
    assert doc.warnings == ["empty article body: the text holds only the title/author fields"]


def test_bad_published_is_an_input_error():
    with pytest.raises(InputError, match="is not ISO 8601"):
        Ingester(Settings()).ingest(AR, published="yesterday", path="p")


def test_mojibake_in_str_input_is_repaired():
    garbled = AR.encode("utf-8").decode("cp1256")
    doc, _ = Ingester(Settings()).ingest(garbled, title=None)
    assert doc.text == AR and doc.input["encoding"] == "mojibake-cp1256"
    assert doc.warnings == ["repaired mojibake (UTF-8 read as Windows-1256)"]
    doc, _ = Ingester(Settings()).ingest(AR)
    assert doc.text == AR and doc.input["encoding"] is None and doc.warnings == []
