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
  or a usual feed form converted by :func:`feed_time`: RSS dates, Unix times, 10/06/2016;
  ``headline``; ``byline`` / ``authors``; ``link``); id = ``id`` or ``"<file name>:<line number>"``;
  ``path`` (``doc.input.path``) = the file, ``input`` = ``"<file>:<line number>"``;
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
* ``-``: standard input, read as JSONL or a JSON array when it parses as one,
  else as one article with id ``-``.

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

import csv
import io
import json
import os
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

__all__ = ["iter_records", "iter_input", "record_from_object", "feed_time", "ANALYZE_KEYS", "READER_KEYS", "RECORD_SUFFIXES"]

#: Keys of a record that are passed to ``Pipeline.analyze``.
ANALYZE_KEYS = ("data", "id", "url", "published", "published_hint", "title", "author", "source", "path", "kind")

_JSONL = {".jsonl", ".ndjson"}

#: File suffixes read as records (JSON, JSONL, CSV/TSV, zip), not as one article's text.
RECORD_SUFFIXES = frozenset({".json", ".zip", ".csv", ".tsv"} | _JSONL)

#: Bookkeeping keys of the records :func:`iter_input` yields besides :data:`ANALYZE_KEYS`.
READER_KEYS = ("input", "alt_id", "src", "src_file", "explicit_id", "error")


#: Field names read as the publication time of a JSON/CSV record, first found wins
#: (common feed and scraper spellings: RSS pubDate, schema.org datePublished ...).
PUBLISHED_KEYS = ("published", "date", "pubDate", "pub_date", "published_at", "publishedAt", "publish_date",
                  "publication_date", "datePublished", "date_published")
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


def _first(low: dict, keys: tuple[str, ...]) -> Any:
    """The value of the first of ``keys`` that ``low`` (a record with lower-cased keys) has and is not empty."""
    for k in keys:
        v = low.get(k.lower())
        if v not in (None, ""):
            if isinstance(v, list):  # "authors": ["a", "b"]
                v = "، ".join(str(x) for x in v if x not in (None, ""))
            return v
    return None


def _str_or_none(v: Any) -> str | None:
    if v is None:
        return None
    v = str(v)
    return v if v.strip() else None


def record_from_object(obj: Any, default_id: str, where: str, alt_id: str | None = None,
                       src: str | None = None) -> dict[str, Any]:
    """Map one JSON object (JSONL line, array item, SaudiNewsNet article) to a record.

    Args:
        obj: The parsed JSON value.
        default_id: Id to use when the object has none.
        where: The input's location for failures.jsonl.
        alt_id: The path-qualified form of ``default_id``; kept as ``alt_id``
            when the object has no id of its own and it differs.
        src: The input's place from the resolved path, kept as ``src``.

    Returns:
        A record dict (see the module docstring); with ``error`` when the
        object has no usable text.
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
    published = feed_time(_first(low, PUBLISHED_KEYS))
    hint = obj.get("date_extracted") or None
    if isinstance(hint, str) and len(hint) >= 19 and hint[10] == " ":
        hint = hint[:10] + "T" + hint[11:]
    if isinstance(published, str) and len(published) >= 19 and published[10] == " ":
        published = published[:10] + "T" + published[11:]
    return {
        "id": rid, "input": where, "data": data, "kind": kind,
        "url": _str_or_none(_first(low, URL_KEYS)), "published": _str_or_none(published),
        "published_hint": _str_or_none(hint),
        "title": _str_or_none(_first(low, TITLE_KEYS)), "author": _str_or_none(_first(low, AUTHOR_KEYS)),
        "source": _str_or_none(obj.get("source")), "path": None, **alt,
    }


def _alt(alt_id: str | None, rid: str, src: str | None = None) -> dict[str, str]:
    out = {"alt_id": alt_id} if alt_id and alt_id != rid else {}
    if src:
        out["src"] = src
    return out


def _iter_jsonl(fh: BinaryIO, where: str, default_id, alt_id=None, src_id=None) -> Iterator[dict[str, Any]]:
    for lineno, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        rid = default_id(lineno)
        alt = alt_id(lineno) if alt_id else None
        src = src_id(lineno) if src_id else None
        try:
            obj = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as e:
            yield {"id": rid, "input": f"{where}:{lineno}", **_alt(alt, rid, src),
                   "error": f"line {lineno} is not JSON ({e})"}
            continue
        yield record_from_object(obj, rid, f"{where}:{lineno}", alt, src)


def _iter_jsonl_file(fh: BinaryIO, path: str, default_id, alt_id=None, src_id=None) -> Iterator[dict[str, Any]]:
    """JSONL records with ``path`` set to the file (``input`` keeps ``file:line``)."""
    for rec in _iter_jsonl(fh, path, default_id, alt_id, src_id):
        if "error" not in rec:
            rec["path"] = path
        yield rec


#: Columns of a CSV header that hold the article (any one is enough).
CSV_TEXT_COLUMNS = ("text", "content", "html")


def _iter_csv(path: Path, res: str, tab: bool = False) -> Iterator[dict[str, Any]]:
    """Records of a CSV file, one a row (see the module docstring); ``res``: its resolved path;
    ``tab``: tab-separated (a .tsv file)."""
    name, where = path.name, str(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        yield {"id": where, "input": where, "error": f"cannot read ({e.strerror or e})"}
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:  # an Excel export: CP1256, UTF-16 ... (decoded as any text input)
        from hadath.io.decode import decode_bytes
        from hadath.io.ingest import InputError

        try:
            dec = decode_bytes(raw, name=where, max_bytes=max(len(raw), 1))
        except InputError as err:
            yield {"id": where, "input": where, "error": f"CSV file is not text: {err} ({e.reason} as UTF-8)"}
            return
        text = dec.text
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
            for col, cell in zip(cols, row):
                if col and col not in obj and cell.strip():
                    obj[col] = cell
            rec = record_from_object(obj, f"{name}:{start}", f"{where}:{start}", f"{where}:{start}",
                                     f"{res}:{start}")
            if "error" not in rec:
                rec["path"] = where
            yield rec
    finally:
        csv.field_size_limit(limit)


def _iter_json_array(raw: bytes, name: str, where: str, start: int = 0,
                     qualified: str | None = None, res: str | None = None) -> Iterator[dict[str, Any]]:
    try:
        value = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as e:
        yield {"id": name, "input": where, **_alt(qualified, name), "error": f"not JSON ({e})"}
        return
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        yield {"id": name, "input": where, **_alt(qualified, name), "error": "JSON is neither an array nor an object"}
        return
    for i, obj in enumerate(value):
        yield record_from_object(obj, f"{name}:{start + i}", where,
                                 f"{qualified}:{start + i}" if qualified else None,
                                 f"{res}:{start + i}" if res else None)


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
                index += raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)
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
    raw = fh.read()
    head = raw.lstrip()[:1]
    if head == b"[":
        try:
            json.loads(raw)
            yield from _iter_json_array(raw, "-", "-")
            return
        except ValueError:
            pass
    if head == b"{":
        first = raw.lstrip().split(b"\n", 1)[0]
        try:
            json.loads(first)
            yield from _iter_jsonl(io.BytesIO(raw), "-", lambda n: f"-:{n}")
            return
        except ValueError:
            pass
    yield {"id": "-", "input": "-", "data": raw, "path": "-", "kind": None, "url": None,
           "published": None, "title": None, "author": None, "source": None}


def iter_records(inputs: list[str], *, stdin: BinaryIO | None = None) -> Iterator[dict[str, Any]]:
    """Stream the records of several INPUT arguments, in order.

    Raises:
        FileNotFoundError: If an input does not exist (raised when it is reached).
    """
    for arg in inputs:
        yield from iter_input(arg, stdin=stdin)
