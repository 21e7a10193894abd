"""Readers: turn the INPUT arguments of ``hadath run`` into a stream of records with stable ids.

An INPUT may be:

* a text or HTML file (kind detected from the content): id = the path as given
  (:mod:`hadath.batch` keeps, per output folder, the id an input first got);
* a folder: every file below it, recursively, in sorted order (hidden files
  skipped), each read as below;
* a JSONL file (``.jsonl`` / ``.ndjson``): one object a line with ``text`` or
  ``html`` (or ``content``), optional ``id``, ``url``, ``published``,
  ``title``, ``author``, ``source`` (also read under the usual feed names:
  :data:`PUBLISHED_KEYS` such as ``date``, ``pubDate``, ``datePublished``, in ISO 8601
  or a usual feed form converted by :func:`feed_time`: RSS dates, Unix times, 10/06/2016,
  or a date written as a page's date line, "الأربعاء 08 يونيو 2016 11:39 ص" (:func:`read_date`);
  ``headline``; ``byline`` / ``authors``; ``link``); id = ``id`` or ``"<file name>:<line number>"``;
  ``path`` (``doc.input.path``) = the file, ``input`` = ``"<file>:<line number>"``;
  the file is UTF-8 (with or without a byte-order mark), UTF-16 (with a BOM, or told
  by its NUL bytes), or a line in a legacy encoding such as CP1256, decoded as text inputs are;
* a CSV file (``.csv``, or ``.tsv`` tab-separated; first row the header; UTF-8, or a legacy encoding such as
  CP1256 or UTF-16 detected as for text inputs; comma-separated, or tab-separated
  when the header has tabs and no comma, as Excel's "Unicode text"): one
  record a row, like a JSONL object whose keys are the header's columns
  (matched without case or surrounding blanks; empty cells count as
  missing); the header must have a ``text``, ``content`` or ``html`` column,
  else the file fails as one input naming the missing column; id = ``id`` or
  ``"<file name>:<line number>"`` (the line the row starts on: the first
  row under the header is line 2);
* a JSON file (``.json``) holding an array of such objects or of SaudiNewsNet
  objects ``{source, url, date_extracted, title, author, content}``
  (``date_extracted``, the crawl time, becomes ``published_hint``: used
  only when the text has no date line of its own, whereas a ``published``
  field wins like the caller's; its zone, the outlet's, is settled by the
  structure stage); id = ``id`` or
  ``"<file name>:<index>"`` (index from 0);
* a zip (``.zip``) of such JSON / JSONL files (SaudiNewsNet form) or of text
  and HTML files; id = ``"<zip name>:<index>"`` over its JSON records in
  sorted member order, ``"<zip name>:<member>"`` for text members;
* ``-``: standard input, read as JSONL or a JSON array when it parses as one, as
  CSV when its first line (no Arabic letters) is a header naming a text, content
  or html column (input ``-:<line>``), else as one article with id ``-:`` + the first 12 hex digits of the SHA-1 of its
  bytes (two different articles piped into one output folder are two documents).

Records are streamed: a zip's members are read one at a time and never all
zips at once.

Each record is a dict with ``id``, ``input`` (where it came from, for
failures.jsonl) and either ``error`` (str: the record could not be read) or
the keyword arguments of :meth:`hadath.pipeline.Pipeline.analyze` (``data``,
``url``, ``published``, ``title``, ``author``, ``source``, ``path``,
``kind``). A record whose id was generated from a file name also carries
``alt_id``: the same id built from the path as given (``"corpus/b/x.jsonl:1"``
for ``"x.jsonl:1"``), which the batch uses when two inputs with the same file
name (in two folders) would otherwise share ids.

A record read from a CSV, JSONL or JSON file (or zip member) carries ``encoding``: the
encoding its text was decoded with (``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"``, ``"cp1256"``
...), kept as ``doc.input.encoding`` as for text and HTML files (whose bytes the pipeline decodes).

A date field (:data:`PUBLISHED_KEYS`, or SaudiNewsNet's ``date_extracted``) that is neither
ISO 8601 nor a form :func:`feed_time` converts ("Thursday the 5th", "قبل ساعتين") does not
fail the record: it is analysed without that time (the publication time then comes from the
text, as when no field is given), and the record carries ``warnings``, a list of one-line
warnings naming the field and its value, which end up in ``doc.warnings``
(:func:`read_date`).

Every record read from a file also carries ``src_file`` (the file's resolved
absolute path: a zip for its members) and ``src``: the input's place built
from that path (``"/abs/corpus/b/x.jsonl:1"``, ``"/abs/corpus/a.txt"``,
``"/abs/z.zip:0"``), the same however the path was spelled, so that the
batch recognises an input across runs (:mod:`hadath.batch`); and a record
whose id is its object's own ``id`` carries ``explicit_id: True``. Records
of ``-`` have neither.

Example:
    >>> rec = record_from_object({"content": "نص", "date_extracted": "2015-07-24 15:58:44",
    ...                           "source": "sabq", "title": "", "author": ""}, "a.zip:0", "a.zip")
    >>> rec["id"], rec["published"], rec["published_hint"], rec["title"], rec["kind"]
    ('a.zip:0', None, '2015-07-24T15:58:44', None, 'text')
"""
from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import io
import json
import os
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

__all__ = ["iter_records", "iter_input", "record_from_object", "feed_time", "read_date", "settle_dates",
           "ANALYZE_KEYS", "READER_KEYS", "RECORD_SUFFIXES", "PUBLISHED_KEYS"]

#: Keys of a record that are passed to ``Pipeline.analyze``.
ANALYZE_KEYS = ("data", "id", "url", "published", "published_hint", "title", "author", "source", "path", "kind",
                "encoding", "warnings")

_JSONL = {".jsonl", ".ndjson"}

#: File suffixes read as records (JSON, JSONL, CSV/TSV, zip), not as one article's text.
RECORD_SUFFIXES = frozenset({".json", ".zip", ".csv", ".tsv"} | _JSONL)

#: Bookkeeping keys of the records :func:`iter_input` yields besides :data:`ANALYZE_KEYS`.
READER_KEYS = ("input", "alt_id", "src", "src_file", "explicit_id", "error")


#: Field names read as the publication time of a JSON/CSV record, first found wins
#: (common feed and scraper spellings: RSS pubDate, schema.org datePublished ...).
PUBLISHED_KEYS = ("published", "date", "pubDate", "pub_date", "published_at", "publishedAt", "publish_date",
                  "publication_date", "datePublished", "date_published")
_PUBLISHED_LOWER = frozenset(k.lower() for k in PUBLISHED_KEYS)
#: Field names read as the headline, the byline and the page address.
TITLE_KEYS = ("title", "headline")
AUTHOR_KEYS = ("author", "byline", "authors")
URL_KEYS = ("url", "link", "href")


def feed_time(v: Any) -> Any:
    """A publication time as feeds write it, in ISO 8601 when it is one of the usual other forms.

    RSS / e-mail dates (RFC 2822: ``Fri, 10 Jun 2016 14:30:00 +0300``), Unix times in seconds or
    milliseconds (numbers or digit strings; read as UTC) and day-first numeric dates (``10/06/2016``,
    ``10-06-2016``, the Arab world's order) are converted; anything else is returned unchanged.

    Example:
        >>> feed_time("Fri, 10 Jun 2016 14:30:00 +0300"), feed_time("10/06/2016"), feed_time(1465558200)
        ('2016-06-10T14:30:00+03:00', '2016-06-10', '2016-06-10T11:30:00+00:00')
    """
    from datetime import date, datetime, timezone
    from email.utils import parsedate_to_datetime

    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)) or (isinstance(v, str) and re.fullmatch(r"\d{10}(\d{3})?", v.strip())):
        x = float(v)
        if x > 1e11:  # milliseconds
            x /= 1000
        try:
            return datetime.fromtimestamp(x, timezone.utc).isoformat()
        except (OverflowError, OSError, ValueError):
            return v
    if not isinstance(v, str):
        return v
    t = v.strip()
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", t)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return v
    if re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", t):
        try:
            return parsedate_to_datetime(t).isoformat()
        except (TypeError, ValueError):
            return v
    return v


def read_date(value: Any, field: str) -> tuple[Any, str | None]:
    """Read one date field of a record: ``(value for the pipeline, warning or None)``.

    The value is converted by :func:`feed_time` (a ``"2016-06-08 10:00:00"`` with a space
    gets its ``T``); one that is then still not ISO 8601 (as
    :func:`hadath.io.ingest.parse_published` reads it) is read as a page's date line is
    (:meth:`hadath.extract.metadata.DateLineParser.parse_line`: ``"الأربعاء 08 يونيو 2016 11:39 ص"``,
    ``"June 8, 2016"``, ``"2016/06/08"``; a zone marker such as ``ت م`` gives the offset),
    with a warning when its weekday disagrees with its date; anything else (``"Thursday the 5th"``,
    a relative ``"قبل ساعتين"``) gives ``None`` and a one-line warning naming the field and the
    value, so that the record is analysed without it.

    Args:
        value: The field's value (str, number, datetime, None ...).
        field: The field's name as the record spells it, for the warning.

    An all-digit date whose first two parts could each be the month (``08/06/2016``) is read
    day first, as Arabic sources write it, with a warning; one whose second part cannot be a
    month (``06/25/2016``) is read month first, with a warning.

    Returns:
        ``(value, None)`` for a readable or empty value, ``(None, warning)`` for an unreadable one,
        ``(value, warning)`` for a date whose weekday disagrees or whose order of day and month is
        a guess.

    Example:
        >>> read_date("Fri, 10 Jun 2016 14:30:00 +0300", "pubDate")
        ('2016-06-10T14:30:00+03:00', None)
        >>> read_date("الأربعاء 08 يونيو 2016 11:39 ص", "date")
        ('2016-06-08T11:39:00', None)
        >>> read_date("06/25/2016", "date")
        ('2016-06-25', "date field 'date' holds '06/25/2016': read month first (MM/DD/YYYY), there being no month 25")
        >>> read_date("08/06/2016", "date")[0]
        '2016-06-08'
        >>> read_date("Thursday the 5th", "date")[1]
        "date field 'date' holds 'Thursday the 5th', not a date hadath can read (ISO 8601, RSS date, Unix time, DD/MM/YYYY, a date line such as 08 يونيو 2016): ignored"
    """
    from hadath.io.ingest import parse_published

    v = feed_time(value)
    if isinstance(v, str):
        if not v.strip():
            return None, None
        if len(v) >= 19 and v[10] == " " and v[:4].isdigit():
            v = v[:10] + "T" + v[11:]
    shown = str(value) if len(str(value)) <= 80 else str(value)[:77] + "..."
    try:
        parse_published(v)
        return v, _day_first_warning(value, field, shown)
    except ValueError:
        pass
    if isinstance(v, str):
        got = _date_line(v.strip())
        num = _NUMERIC_DATE.match(v.strip())
        if got is None and num and int(num[1]) <= 12 < int(num[2]) <= 31:
            # "06/25/2016": no month 25, so month first (as US feeds write it), said in a warning
            sep = num[0][len(num[1])]
            got = _date_line(num[2] + sep + num[1] + v.strip()[len(num[1]) + len(num[2]) + 1:])
            if got is not None:
                return got[0], (f"date field {field!r} holds {shown!r}: read month first (MM/DD/YYYY), "
                                f"there being no month {int(num[2])}")
        if got is not None:
            iso, mismatch = got
            if mismatch:
                return iso, (f"date field {field!r} holds {shown!r}, whose weekday is not that of its date; "
                             "the date is kept")
            return iso, _day_first_warning(value, field, shown)
    return None, (f"date field {field!r} holds {shown!r}, not a date hadath can read "
                  "(ISO 8601, RSS date, Unix time, DD/MM/YYYY, a date line such as 08 يونيو 2016): ignored")


def _day_first_warning(v: Any, field: str, shown: str) -> str | None:
    """The warning for an all-digit date whose first two parts could each be the month ("08/06/2016": 8 June
    or August 6), read day first as Arabic sources write it; None for any other value."""
    num = _NUMERIC_DATE.match(v.strip()) if isinstance(v, str) else None
    if num and int(num[1]) <= 12 and int(num[2]) <= 12 and int(num[1]) != int(num[2]):
        return (f"date field {field!r} holds {shown!r}: read day first (DD/MM/YYYY, as Arabic sources write it: "
                f"day {int(num[1])}, month {int(num[2])}); give ISO 8601 to be sure")
    return None


#: An all-digit date D/M/Y (or M/D/Y) with / - or . between its parts: (whole date, first, second).
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}\b")


@functools.lru_cache(maxsize=1)
def _date_line_parser():
    """The page date-line parser (:class:`hadath.extract.metadata.DateLineParser`), loaded once."""
    from hadath.extract.metadata import DateLineParser

    return DateLineParser.load()


def _date_line(v: str) -> tuple[str, bool] | None:
    """``(ISO 8601 text, weekday disagrees)`` of a date written as a page's date line, or None."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    st = _date_line_parser().parse_line(v)
    if st is None or st.year is None or st.relative is not None or st.end - st.start < len(v.rstrip(" .:")):
        return None
    try:
        if st.hour is None:
            return date(st.year, st.month, st.day).isoformat(), st.weekday_mismatch()
        dt = datetime(st.year, st.month, st.day, st.hour, st.minute or 0, st.second or 0)
        if st.zone:
            dt = dt.replace(tzinfo=ZoneInfo(st.zone))
    except (ValueError, KeyError, OSError):
        return None
    return dt.isoformat(), st.weekday_mismatch()


def settle_dates(record: dict[str, Any]) -> dict[str, Any]:
    """Give a record as :func:`hadath.pipeline.analyze_record` takes it its date fields in the pipeline's form.

    The first non-empty of :data:`PUBLISHED_KEYS` (the names as spelled there) becomes
    ``published`` (the other feed spellings are removed) and ``date_extracted`` becomes
    ``published_hint``, each read by :func:`read_date`; an unreadable one is dropped with its warning
    appended to ``record["warnings"]``. Changes and returns ``record``.

    Example:
        >>> settle_dates({"text": "نص", "pubDate": "قبل ساعتين", "date_extracted": "2015-07-24 15:58:44"})
        ... # doctest: +NORMALIZE_WHITESPACE
        {'text': 'نص', 'published_hint': '2015-07-24T15:58:44', 'published': None,
         'warnings': ["date field 'pubDate' holds 'قبل ساعتين', not a date hadath can read (ISO 8601, RSS date, Unix time, DD/MM/YYYY, a date line such as 08 يونيو 2016): ignored"]}
    """
    warns: list[str] = []
    hint_field = "published_hint"
    if "date_extracted" in record and "published_hint" not in record:  # a SaudiNewsNet article as it is
        record["published_hint"], hint_field = record.pop("date_extracted"), "date_extracted"
    if record.get("published_hint") is not None:
        record["published_hint"], w = read_date(record["published_hint"], hint_field)
        warns += [w] if w else []
    field = next((k for k in PUBLISHED_KEYS if record.get(k) not in (None, "")), None)
    value = record[field] if field else record.get("published")
    for k in PUBLISHED_KEYS[1:]:  # feed spellings: read as published, not passed on
        record.pop(k, None)
    if field is not None or "published" in record:
        record["published"], w = read_date(value, field or "published")
        warns += [w] if w else []
    if warns:
        record["warnings"] = list(record.get("warnings") or []) + warns
    return record


def _first(low: dict, keys: tuple[str, ...]) -> Any:
    """The value of the first of ``keys`` that ``low`` (a record with lower-cased keys) has and is not empty."""
    k = _first_key(low, keys)
    if k is None:
        return None
    v = low[k.lower()]
    if isinstance(v, list):  # "authors": ["a", "b"]
        v = "، ".join(str(x) for x in v if x not in (None, ""))
    return v


def _first_key(low: dict, keys: tuple[str, ...]) -> str | None:
    """The first of ``keys`` whose value in ``low`` (a record with lower-cased keys) is not empty."""
    for k in keys:
        if low.get(k.lower()) not in (None, ""):
            return k
    return None


def _str_or_none(v: Any) -> str | None:
    if v is None:
        return None
    v = str(v)
    return v if v.strip() else None


def record_from_object(obj: Any, default_id: str, where: str, alt_id: str | None = None,
                       src: str | None = None, encoding: str | None = None) -> dict[str, Any]:
    """Map one JSON object (JSONL line, array item, SaudiNewsNet article) to a record.

    Args:
        obj: The parsed JSON value.
        default_id: Id to use when the object has none.
        where: The input's location for failures.jsonl.
        alt_id: The path-qualified form of ``default_id``; kept as ``alt_id``
            when the object has no id of its own and it differs.
        src: The input's place from the resolved path, kept as ``src``.
        encoding: The encoding the object's file was decoded with, kept as ``encoding``
            (the key is left out when None).

    Returns:
        A record dict (see the module docstring); with ``error`` when the
        object has no usable text; with ``warnings`` when a date field could not be read.
    """
    alt: dict[str, Any] = {"alt_id": alt_id} if alt_id and alt_id != default_id else {}
    if src:
        alt["src"] = src
    if not isinstance(obj, dict):
        return {"id": default_id, "input": where, **alt,
                "error": f"expected a JSON object, got {type(obj).__name__}"}
    if obj.get("id") not in (None, ""):
        rid = str(obj["id"])
        alt = {"explicit_id": True, **({"src": src} if src else {})}
    else:
        rid = default_id
    if isinstance(obj.get("html"), str):
        data, kind = obj["html"], "html"
    elif isinstance(obj.get("text"), str):
        data, kind = obj["text"], "text"
    elif isinstance(obj.get("content"), str):
        data, kind = obj["content"], "text"
    else:
        return {"id": rid, "input": where, **alt, "error": "no text, html or content string in the object"}
    low = {k.lower(): v for k, v in obj.items() if isinstance(k, str)}  # field names matched without case
    warns: list[str] = []
    field = _first_key(low, PUBLISHED_KEYS)
    published = None
    if field is not None:
        field = next((k for k in obj if isinstance(k, str) and k.lower() == field.lower()), field)  # as spelled
        published, w = read_date(obj[field], field)
        warns += [w] if w else []
    hint, w = read_date(obj.get("date_extracted") or None, "date_extracted")
    warns += [w] if w else []
    rec = {
        "id": rid, "input": where, "data": data, "kind": kind,
        "url": _str_or_none(_first(low, URL_KEYS)), "published": _str_or_none(published),
        "published_hint": _str_or_none(hint),
        "title": _str_or_none(_first(low, TITLE_KEYS)), "author": _str_or_none(_first(low, AUTHOR_KEYS)),
        "source": _str_or_none(obj.get("source")), "path": None, **alt,
    }
    if encoding:
        rec["encoding"] = encoding
    if warns:
        rec["warnings"] = warns
    return rec


def _alt(alt_id: str | None, rid: str, src: str | None = None) -> dict[str, str]:
    out = {"alt_id": alt_id} if alt_id and alt_id != rid else {}
    if src:
        out["src"] = src
    return out


def _wide_encoding(head: bytes) -> str | None:
    """The UTF-16/32 encoding of a JSON/JSONL/CSV text from its first bytes (a BOM, or the NUL
    bytes of an ASCII first character), else None (UTF-8 or a legacy 8-bit encoding)."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 4 and head[0] and not head[1] and not head[2] and not head[3]:
        return "utf-32-le"
    if len(head) >= 4 and not head[0] and not head[1] and not head[2] and head[3]:
        return "utf-32-be"
    if len(head) >= 2 and head[0] and not head[1]:
        return "utf-16-le"
    if len(head) >= 2 and not head[0] and head[1]:
        return "utf-16-be"
    return None


def _decode_text(raw: bytes, name: str) -> tuple[str, str, list[str]]:
    """``(text, encoding, warnings)`` of the bytes of a JSON/JSONL/CSV text: UTF-8 (``"utf-8-sig"``
    with a BOM), else decoded as text inputs are (:func:`hadath.io.decode.decode_bytes`: UTF-16,
    CP1256, mostly-UTF-8 with replacements ...).

    Raises:
        hadath.io.ingest.InputError: If the bytes are not text (binary, empty).
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        from hadath.io.decode import decode_bytes

        dec = decode_bytes(raw, name=name, max_bytes=max(len(raw), 1))
        return dec.text, dec.encoding, list(dec.warnings)
    if text.startswith("\ufeff"):
        return text[1:], "utf-8-sig", []
    return text, "utf-8", []


def _with_warnings(rec: dict[str, Any], warns: list[str]) -> dict[str, Any]:
    """``rec`` with the decoding's ``warns`` put before its own warnings (records without an error)."""
    if warns and "error" not in rec:
        rec["warnings"] = [*warns, *rec.get("warnings", [])]
    return rec


def _iter_jsonl(fh: BinaryIO, where: str, default_id, alt_id=None, src_id=None) -> Iterator[dict[str, Any]]:
    """Records of a JSONL stream, each with the ``encoding`` its line was decoded with (see the module docstring)."""
    from hadath.io.ingest import InputError

    lines: Any = fh
    wide = None
    if fh.seekable():
        head = fh.read(4)
        fh.seek(0)
        wide = _wide_encoding(head)
        if wide:  # UTF-16/32: lines are read from the decoded stream
            lines = io.TextIOWrapper(fh, encoding=wide, errors="replace", newline="\n")
    file_enc = None
    try:
        for lineno, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            rid = default_id(lineno)
            alt = alt_id(lineno) if alt_id else None
            src = src_id(lineno) if src_id else None
            warns: list[str] = []
            if wide:
                text, enc = raw.lstrip("\ufeff") if lineno == 1 else raw, wide
            else:
                try:
                    text, enc, warns = _decode_text(raw, f"{where}:{lineno}")
                except InputError as e:
                    yield {"id": rid, "input": f"{where}:{lineno}", **_alt(alt, rid, src),
                           "error": f"line {lineno} is not text ({str(e).split(': ', 1)[-1]})"}
                    continue
                if lineno == 1 and enc == "utf-8-sig":
                    file_enc = enc  # a BOM names the whole file's encoding
                elif enc == "utf-8" and file_enc:
                    enc = file_enc
            try:
                obj = json.loads(text)
            except ValueError as e:
                yield {"id": rid, "input": f"{where}:{lineno}", **_alt(alt, rid, src),
                       "error": f"line {lineno} is not JSON ({e})"}
                continue
            yield _with_warnings(record_from_object(obj, rid, f"{where}:{lineno}", alt, src, encoding=enc), warns)
    finally:
        if lines is not fh:
            lines.detach()  # the caller closes the file


def _iter_jsonl_file(fh: BinaryIO, path: str, default_id, alt_id=None, src_id=None) -> Iterator[dict[str, Any]]:
    """JSONL records with ``path`` set to the file (``input`` keeps ``file:line``)."""
    for rec in _iter_jsonl(fh, path, default_id, alt_id, src_id):
        if "error" not in rec:
            rec["path"] = path
        yield rec


#: Columns of a CSV header that hold the article (any one is enough).
CSV_TEXT_COLUMNS = ("text", "content", "html")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


def _iter_csv(path: Path, res: str, tab: bool = False) -> Iterator[dict[str, Any]]:
    """Records of a CSV file, one a row (see the module docstring); ``res``: its resolved path;
    ``tab``: tab-separated (a .tsv file)."""
    name, where = path.name, str(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        yield {"id": where, "input": where, "error": f"cannot read ({e.strerror or e})"}
        return
    yield from _iter_csv_bytes(raw, name, where, res, tab)


def _iter_csv_bytes(raw: bytes, name: str, where: str, res: str, tab: bool = False) -> Iterator[dict[str, Any]]:
    """Records of the bytes of a CSV file (see :func:`_iter_csv`); ``name`` starts record ids
    (``name:line``), ``where`` names it in messages (a path, or ``-`` for standard input)."""
    from hadath.io.ingest import InputError

    try:  # UTF-8, or an Excel export: CP1256, UTF-16 ... (decoded as any text input)
        text, encoding, warns = _decode_text(raw, where)
    except InputError as err:
        try:
            raw.decode("utf-8")
            reason = ""
        except UnicodeDecodeError as e:
            reason = f" ({e.reason} as UTF-8)"
        yield {"id": where, "input": where, "error": f"CSV file is not text: {err}{reason}"}
        return
    del raw
    first = text.split("\n", 1)[0]
    delimiter = "\t" if tab or ("\t" in first and "," not in first) else ","  # Excel's "Unicode text" too
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, 1 << 30))  # articles are longer than csv's 128 KiB default
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            header = next(reader, None)
        except csv.Error as e:
            yield {"id": where, "input": where, "error": f"CSV header is unreadable ({e})"}
            return
        if header is None:
            return  # an empty file: no article (reported as an empty input)
        cols = [h.strip().lower() for h in header]
        # the object's keys: lower-cased, but date columns as the header spells them (named in warnings)
        keys = [h.strip() if c in _PUBLISHED_LOWER else c for h, c in zip(header, cols)]
        if not any(c in cols for c in CSV_TEXT_COLUMNS):
            shown = ", ".join(repr(h) for h in header[:10]) + (", ..." if len(header) > 10 else "")
            yield {"id": where, "input": where,
                   "error": f"CSV header has no text, content or html column (columns: {shown})"}
            return
        lineno = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                rid = f"{name}:{lineno}"
                yield {"id": rid, "input": f"{where}:{lineno}", **_alt(f"{where}:{lineno}", rid, f"{res}:{lineno}"),
                       "error": f"CSV row at line {lineno} is unreadable ({e})"}
                break  # the csv reader cannot go on after a broken row
            start, lineno = lineno, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue  # a blank line
            obj: dict[str, Any] = {}
            seen: set[str] = set()
            for col, key, cell in zip(cols, keys, row):
                if col and col not in seen and cell.strip():
                    seen.add(col)
                    obj[key] = cell
            rec = record_from_object(obj, f"{name}:{start}", f"{where}:{start}", f"{where}:{start}",
                                     f"{res}:{start}", encoding=encoding)
            if "error" not in rec:
                rec["path"] = where
            yield _with_warnings(rec, warns)
    finally:
        csv.field_size_limit(limit)


def _iter_json_array(raw: bytes, name: str, where: str, start: int = 0,
                     qualified: str | None = None, res: str | None = None) -> Iterator[dict[str, Any]]:
    from hadath.io.ingest import InputError

    warns: list[str] = []
    try:
        wide = _wide_encoding(raw[:4])
        if wide:
            text, encoding = raw.decode(wide).lstrip("\ufeff"), wide
        else:
            text, encoding, warns = _decode_text(raw, where)
        value = json.loads(text)
    except (ValueError, UnicodeDecodeError, InputError) as e:
        msg = str(e).split(": ", 1)[-1] if isinstance(e, InputError) else str(e)
        yield {"id": name, "input": where, **_alt(qualified, name), "error": f"not JSON ({msg})"}
        return
    del text
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        yield {"id": name, "input": where, **_alt(qualified, name), "error": "JSON is neither an array nor an object"}
        return
    for i, obj in enumerate(value):
        rec = record_from_object(obj, f"{name}:{start + i}", where, f"{qualified}:{start + i}" if qualified else None,
                                 f"{res}:{start + i}" if res else None, encoding=encoding)
        if "error" not in rec:
            rec["path"] = where  # as for JSONL records: the file (or zip member) it came from
        yield _with_warnings(rec, warns)


def _file_record(path: Path, data: bytes | None = None, rid: str | None = None) -> dict[str, Any]:
    rid = rid or str(path)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as e:
            return {"id": rid, "input": str(path), "error": f"cannot read ({e.strerror or e})"}
    return {"id": rid, "input": str(path), "data": data, "path": str(path), "kind": None,
            "url": None, "published": None, "title": None, "author": None, "source": None}


def _iter_zip(path: Path, res: str) -> Iterator[dict[str, Any]]:
    name, qual = path.name, str(path)
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        yield {"id": name, "input": str(path), **_alt(qual, name), "error": f"not a readable zip ({e})"}
        return
    with zf:
        index = 0
        members = sorted(i.filename for i in zf.infolist() if not i.is_dir())
        for m in members:
            base = m.rsplit("/", 1)[-1]
            if base.startswith(".") or m.startswith("__MACOSX/"):
                continue
            ext = os.path.splitext(base)[1].lower()
            where = f"{path}!{m}"
            try:
                raw = zf.read(m)
            except (OSError, zipfile.BadZipFile, RuntimeError) as e:
                yield {"id": f"{name}:{m}", "input": where, **_alt(f"{qual}:{m}", f"{name}:{m}", f"{res}:{m}"),
                       "error": f"cannot read zip member ({e})"}
                continue
            if ext == ".json":
                n = 0
                for rec in _iter_json_array(raw, name, where, start=index, qualified=qual, res=res):
                    n += 1
                    yield rec
                index += n
                del raw
            elif ext in _JSONL:
                first = index
                for rec in _iter_jsonl_file(io.BytesIO(raw), where, lambda n: f"{name}:{first + n - 1}",
                                            lambda n: f"{qual}:{first + n - 1}", lambda n: f"{res}:{first + n - 1}"):
                    yield rec
                wide = _wide_encoding(raw[:4])
                lines = raw.decode(wide, "replace") if wide else raw  # str or bytes: counted alike
                index += lines.count("\n" if wide else b"\n") + (0 if lines.endswith("\n" if wide else b"\n") else 1)
            else:
                # text and HTML members, and anything else: ingest reads it or refuses it
                # (binary, empty ...) with a reason, so no member is silently lost
                rec = _file_record(Path(where), raw, rid=f"{name}:{m}")
                rec["path"] = where
                rec.update(_alt(f"{qual}:{m}", rec["id"], f"{res}:{m}"))
                yield rec


def iter_input(arg: str, *, stdin: BinaryIO | None = None) -> Iterator[dict[str, Any]]:
    """Stream the records of one INPUT argument (file, folder, JSONL, JSON, zip or ``-``).

    Raises:
        FileNotFoundError: If ``arg`` does not exist.
    """
    if arg == "-":
        yield from _iter_stdin(stdin or sys.stdin.buffer)
        return
    path = Path(arg)
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            rel = p.relative_to(path)
            if p.is_file() and not any(part.startswith(".") for part in rel.parts):
                yield from _iter_path(p)
        return
    if not path.exists():
        raise FileNotFoundError(arg)
    yield from _iter_path(path)


def _resolved(path: Path) -> str:
    """The absolute path with symbolic links resolved (the same however ``path`` is spelled)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a symlink loop...
        return os.path.abspath(path)


def _iter_path(path: Path) -> Iterator[dict[str, Any]]:
    res = _resolved(path)
    for rec in _iter_path_records(path, res):
        rec.setdefault("src", res)  # records of the whole file (a text file, an unreadable one)
        rec["src_file"] = res
        yield rec


def _iter_path_records(path: Path, res: str) -> Iterator[dict[str, Any]]:
    ext = path.suffix.lower()
    if ext == ".zip":
        yield from _iter_zip(path, res)
    elif ext in _JSONL:
        try:
            with path.open("rb") as fh:
                yield from _iter_jsonl_file(fh, str(path), lambda n: f"{path.name}:{n}", lambda n: f"{path}:{n}",
                                            lambda n: f"{res}:{n}")
        except OSError as e:
            yield {"id": str(path), "input": str(path), "error": f"cannot read ({e.strerror or e})"}
    elif ext in (".csv", ".tsv"):
        yield from _iter_csv(path, res, tab=ext == ".tsv")
    elif ext == ".json":
        try:
            raw = path.read_bytes()
        except OSError as e:
            yield {"id": str(path), "input": str(path), "error": f"cannot read ({e.strerror or e})"}
            return
        yield from _iter_json_array(raw, path.name, str(path), qualified=str(path), res=res)
    else:
        yield _file_record(path)


def _iter_stdin(fh: BinaryIO) -> Iterator[dict[str, Any]]:
    from hadath.io.ingest import InputError

    raw = fh.read()
    wide = _wide_encoding(raw[:4])
    try:  # the JSON forms are told from the decoded text (UTF-8 with a BOM, UTF-16, CP1256 ...)
        text = raw.decode(wide, "replace").lstrip("\ufeff") if wide else _decode_text(raw, "-")[0]
    except InputError:
        text = ""
    body = text.lstrip()
    if body[:1] == "[":
        try:
            json.loads(body)
            yield from _iter_json_array(raw, "-", "-")
            return
        except ValueError:
            pass
    if body[:1] == "{":
        try:
            json.loads(body.split("\n", 1)[0])
            yield from _iter_jsonl(io.BytesIO(raw), "-", lambda n: f"-:{n}")
            return
        except ValueError:
            pass
    first = body.split("\n", 1)[0]
    if "\n" in body.strip() and not _ARABIC_LETTER.search(first):
        # a CSV corpus (its header names a text, content or html column): one record a row, ids -:LINE
        cells = [c.strip().strip('"').lower() for c in re.split(r"[,\t]", first)]
        if len(cells) > 1 and any(c in CSV_TEXT_COLUMNS for c in cells):
            yield from _iter_csv_bytes(raw, "-", "-", "-", tab="\t" in first and "," not in first)
            return
    # one article as text or HTML: its id comes from its bytes, so that two articles piped into one
    # output folder are two documents and the same one piped again is recognised as done
    yield {"id": "-:" + hashlib.sha1(raw).hexdigest()[:12], "input": "-", "data": raw, "path": "-", "kind": None,
           "url": None, "published": None, "title": None, "author": None, "source": None}


def iter_records(inputs: list[str], *, stdin: BinaryIO | None = None) -> Iterator[dict[str, Any]]:
    """Stream the records of several INPUT arguments, in order.

    Raises:
        FileNotFoundError: If an input does not exist (raised when it is reached).
    """
    for arg in inputs:
        yield from iter_input(arg, stdin=stdin)
