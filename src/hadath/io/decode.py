"""Bytes to text: byte-order marks, UTF-8, UTF-16, Windows-1256, mislabelled pages and mojibake.

:func:`decode_bytes` turns the raw bytes of an input into text and names the
encoding it used. The order of decisions (first that applies wins):

1. Size and content checks: empty input, inputs over ``Settings.max_bytes``
   (bytes) and binary data (known file signatures such as PNG, PDF, ZIP;
   NUL bytes that are not UTF-16/32) raise :class:`~hadath.io.ingest.InputError`.
2. A byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
3. UTF-16 without a BOM (NUL or 0x06 high bytes at one parity).
4. Strict UTF-8. This wins over a declared charset: a page whose ``<meta
   charset>`` says windows-1256 but whose bytes are valid UTF-8 is UTF-8
   (valid multi-byte UTF-8 almost never happens by chance in legacy text).
5. Mostly UTF-8 with a few broken sequences: decoded with U+FFFD
   replacements and a warning.
6. Legacy encodings: the declared charset (HTML ``<meta>``) when its
   decoding is as Arabic as Windows-1256's, else Windows-1256 when that gives
   Arabic text, else charset-normalizer's best guess (on the first 64 KiB).

Mojibake repair (:func:`repair_mojibake`) then fixes UTF-8 Arabic that was
read as Windows-1256 (``ط§ظ„`` for ``ال``) or as Latin-1/Windows-1252
(``Ø§Ù„``, repaired with ftfy), only when the text clearly has that
signature and the repair makes it more Arabic.

Only the first ``4 * Settings.max_chars`` bytes are decoded (a code point is
at most 4 bytes), so a 50 MB text costs no more than its kept part.

Example:
    >>> d = decode_bytes("خبر".encode("cp1256"), name="x")
    >>> d.text, d.encoding
    ('خبر', 'cp1256')
    >>> decode_bytes("\\ufeffخبر".encode("utf-8"), name="x").encoding
    'utf-8-sig'
    >>> repair_mojibake("ط§ظ„ط®ط¨ط±")
    ('الخبر', 'cp1256')
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

__all__ = [
    "Decoded", "decode_bytes", "repair_mojibake", "arabic_ratio", "sniff_binary",
    "declared_charset", "DEFAULT_MAX_BYTES",
]

#: Default refusal limit (bytes) when no settings are given.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

# Known binary file signatures (magic numbers) -> what to call them in errors.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
# RIFF containers (WAV, AVI, WEBP) are "RIFF....XXXX".
_RIFF = {b"WAVE": "WAV audio", b"AVI ": "AVI video", b"WEBP": "WEBP image"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_ARABIC = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]")
_LETTER = re.compile(r"[^\W\d_]")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class _Refused(Exception):
    """Internal: the input is not text (message without the input's name)."""


@dataclass
class Decoded:
    """The result of decoding.

    Attributes:
        text: The decoded text (all of it, or its first ``max_chars`` code points
            plus what a cut at a word boundary keeps; see ``cut``).
        encoding: Python codec name used (``"utf-8"``, ``"cp1256"``,
            ``"utf-16"`` ...), with ``"+mojibake-cp1256"`` or
            ``"+mojibake-latin1"`` appended when mojibake was repaired.
        warnings: Human-readable warnings (str).
        truncated: True when only a prefix of the bytes was decoded.
    """

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    truncated: bool = False


def arabic_ratio(text: str, sample: int = 20000) -> float:
    """Share of letters in (the first ``sample`` code points of) ``text`` that are Arabic.

    Returns:
        A float in [0, 1]; 0.0 when there are no letters.

    Example:
        >>> round(arabic_ratio("خبر news"), 3)
        0.429
    """
    t = text[:sample]
    letters = len(_LETTER.findall(t))
    return len(_ARABIC.findall(t)) / letters if letters else 0.0


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary data in ``data`` (``"PNG image"`` ...) or None if it may be text.

    UTF-16/32 text (with a BOM or with NULs at one byte parity) is not binary.

    Example:
        >>> sniff_binary(b"\\x89PNG\\r\\n\\x1a\\n....")
        'PNG image'
        >>> sniff_binary("خبر".encode("utf-8")) is None
        True
    """
    head = data[:16]
    for sig, what in _SIGNATURES:
        if head.startswith(sig):
            return what
    if head.startswith(b"RIFF") and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    if any(data.startswith(b) for b, _ in _BOMS):
        return None
    sample = data[:65536]
    if b"\x00" in sample and _utf16_guess(sample) is None:
        return "NUL bytes"
    return None


def declared_charset(data: bytes) -> str | None:
    """The codec named by an HTML ``<meta charset>`` in the first 4 KiB, or None.

    Example:
        >>> declared_charset(b'<meta charset="windows-1256">')
        'cp1256'
        >>> declared_charset(b'<meta charset="nonsense">') is None
        True
    """
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii", "replace")).name
    except LookupError:
        return None


def _utf16_guess(sample: bytes) -> str | None:
    """Guess UTF-16 LE/BE without a BOM from the high bytes (NUL for Latin, 0x06 for Arabic)."""
    n = len(sample) - len(sample) % 2
    if n < 4:
        return None
    even, odd = sample[0:n:2], sample[1:n:2]
    for name, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        share = sum(high.count(b) for b in (0, 6)) / len(high)
        if share > 0.9 and high.count(0) < len(high) and low.count(0) < 0.1 * len(low):
            try:
                sample[:n].decode(name)
            except UnicodeDecodeError:
                continue
            return name
    return None


def _decode_prefix(data: bytes, encoding: str, errors: str = "strict", final: bool = True) -> str:
    """Decode ``data``; when not ``final`` it is a cut prefix and a trailing partial sequence is dropped."""
    dec = codecs.getincrementaldecoder(encoding)(errors=errors)
    return dec.decode(data, final=final)


def _utf8_mostly(data: bytes, final: bool) -> tuple[str, int] | None:
    """Decode as UTF-8 with replacements if it is mostly UTF-8; return (text, n_bad) or None."""
    text = _decode_prefix(data, "utf-8", "replace", final)
    bad = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad > 0 and good >= 8 * bad:
        return text, bad
    return None


# Mojibake: UTF-8 bytes of Arabic decoded as cp1256. UTF-8 lead bytes 0xC2-0xDF
# (two-byte) and 0xE0-0xEF (three-byte), continuation bytes 0x80-0xBF.
_CP1256_LEAD2 = bytes(range(0xC2, 0xE0)).decode("cp1256")
_CP1256_LEAD3 = bytes(range(0xE0, 0xF0)).decode("cp1256")
_CP1256_CONT = bytes(range(0x80, 0xC0)).decode("cp1256")
_CP1256_RUN = re.compile(
    "(?:[{l2}][{c}]|[{l3}][{c}][{c}])+".format(
        l2=re.escape(_CP1256_LEAD2), l3=re.escape(_CP1256_LEAD3), c=re.escape(_CP1256_CONT)
    )
)
# The Arabic block U+0600-06FF in UTF-8 is D8-DB + continuation: in cp1256 ط ظ ع غ + one char.
_CP1256_SIGNATURE = re.compile("[طظعغ][{c}]".format(c=re.escape(_CP1256_CONT)))
# Same read as Latin-1 / Windows-1252: Ø Ù Ú Û + a continuation character.
_LATIN_SIGNATURE = re.compile("[ØÙÚÛ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def _cp1256_run_fix(m: re.Match) -> str:
    s = m.group()
    try:
        return s.encode("cp1256").decode("utf-8")
    except UnicodeError:
        return s


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Repair UTF-8 Arabic that was decoded as Windows-1256 or Latin-1/Windows-1252.

    Only applies when the signature is clear (at least 3 mojibake pairs
    making up a large share of the text's letters) and the repaired text has a
    higher share of Arabic letters; otherwise returns the text unchanged.

    Args:
        text: Decoded text.

    Returns:
        ``(text, kind)`` where kind is ``"cp1256"``, ``"latin1"`` or None
        (nothing repaired).

    Example:
        >>> repair_mojibake("Ø§Ù„Ø®Ø¨Ø±")
        ('الخبر', 'latin1')
        >>> repair_mojibake("ظهر الطبيب")
        ('ظهر الطبيب', None)
    """
    sample = text[:20000]
    n1256 = len(_CP1256_SIGNATURE.findall(sample))
    nlat = len(_LATIN_SIGNATURE.findall(sample))
    if n1256 < 3 and nlat < 3:
        return text, None
    letters = max(1, len(_LETTER.findall(sample)))
    if n1256 >= 3 and 2 * n1256 / letters > 0.3:
        fixed = _CP1256_RUN.sub(_cp1256_run_fix, text)
        if arabic_ratio(fixed) > arabic_ratio(text) + 0.1 or (
            fixed != text and _CP1256_SIGNATURE.search(fixed[:20000]) is None
        ):
            return fixed, "cp1256"
    if nlat >= 3 and 2 * nlat / letters > 0.3:
        import ftfy

        fixed = ftfy.fix_encoding(text)
        if arabic_ratio(fixed) > arabic_ratio(text) + 0.1:
            return fixed, "latin1"
    return text, None


def decode_bytes(data: bytes, *, name: str = "<input>", max_bytes: int = DEFAULT_MAX_BYTES,
                 max_chars: int | None = None, declared: str | None = None) -> Decoded:
    """Decode the raw bytes of one input.

    Args:
        data: Raw bytes.
        name: The input's name, used in error messages.
        max_bytes: Refuse inputs larger than this (bytes).
        max_chars: Decode only about this many code points (the first
            ``4 * max_chars`` bytes); None decodes everything.
        declared: A charset declared outside the bytes (e.g. an HTTP header);
            None looks for an HTML ``<meta charset>``.

    Returns:
        A :class:`Decoded`.

    Raises:
        hadath.io.ingest.InputError: For empty, oversized or binary input, or bytes of which
            nothing decodes (a 3-byte UTF-16 file).
    """
    from hadath.io.ingest import InputError

    if len(data) > max_bytes:
        raise InputError(f"{name}: input is {len(data):,} bytes, over the limit of "
                         f"{max_bytes:,} bytes (Settings.max_bytes)")
    if not data.strip():
        raise InputError(f"{name}: empty input")
    what = sniff_binary(data)
    if what:
        raise InputError(f"{name}: binary data ({what}), not text")
    truncated = False
    if max_chars is not None and len(data) > 4 * max_chars + 16:
        data, truncated = data[: 4 * max_chars + 16], True
    warnings: list[str] = []
    text, encoding = _decode(data, declared or declared_charset(data), warnings, final=not truncated)
    if _CONTROL.search(text[:4096]) and len(_CONTROL.findall(text[:65536])) > 0.1 * min(len(text), 65536):
        raise InputError(f"{name}: binary data (control characters), not text")
    fixed, kind = repair_mojibake(text)
    if kind:
        warnings.append(f"repaired mojibake (UTF-8 read as {'Windows-1256' if kind == 'cp1256' else 'Latin-1'})")
        text, encoding = fixed, f"{encoding}+mojibake-{kind}"
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\ufffd" in text and not text.replace("\ufffd", "").strip():
        raise InputError(f"{name}: no text: its {len(data):,} bytes do not decode as {encoding}")
    return Decoded(text=text, encoding=encoding, warnings=warnings, truncated=truncated)


def _article_rate(text: str) -> float:
    """Occurrences of the Arabic definite article per 100 code points (first 20,000)."""
    t = text[:20000]
    return 100 * t.count("ال") / max(1, len(t))


def _decode(data: bytes, declared: str | None, warnings: list[str], final: bool) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _decode_prefix(data, enc, "replace", final=final), enc
    guess16 = _utf16_guess(data[:65536]) if (b"\x00" in data[:65536] or data[1:2] == b"\x06" or data[:1] == b"\x06") else None
    if guess16:
        return _decode_prefix(data, guess16, "replace", final=final), guess16
    try:
        return _decode_prefix(data, "utf-8", final=final), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = _utf8_mostly(data, final)
    if mostly:
        text, bad = mostly
        warnings.append(f"invalid UTF-8: {bad} broken byte sequence(s) replaced with U+FFFD")
        return text, "utf-8"
    cp = _decode_prefix(data, "cp1256", "replace", final=final)
    cp_ratio = arabic_ratio(cp)
    if cp_ratio >= 0.3:
        # ISO-8859-6 also maps its letters into Arabic under cp1256: keep the
        # one in which the definite article is frequent.
        iso = _decode_prefix(data, "iso8859_6", "replace", final=final)
        if _article_rate(iso) > 2 * _article_rate(cp):
            return iso, "iso8859_6"
    if declared and declared not in ("utf-8", "cp1256"):
        try:
            text = _decode_prefix(data, declared, final=final)
            if arabic_ratio(text) >= cp_ratio - 0.05 or cp_ratio < 0.3:
                return text, declared
        except (UnicodeDecodeError, LookupError):
            pass
    if cp_ratio >= 0.3:
        return cp, "cp1256"
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:65536]).best()
    if best is not None and best.encoding:
        enc = codecs.lookup(best.encoding).name
        try:
            return _decode_prefix(data, enc, "replace", final=final), enc
        except LookupError:  # pragma: no cover - charset-normalizer names Python codecs
            pass
    warnings.append("unknown encoding: decoded as UTF-8 with U+FFFD replacements")
    return _decode_prefix(data, "utf-8", "replace", final=final), "utf-8"
