"""Export coded events: PLOVER JSONL records or a flat CSV table.

``export(documents_path, fmt, out_path)`` reads hadath documents (JSONL, one
``hadath.document/1`` object a line, or one JSON document / JSON array) and
writes one record per event:

* ``fmt="plover"``: newline-delimited JSON with the PLOVER manual's field names
  (PLOVER_MANUAL "PLOVER JSON" table): ``id``, ``date`` / ``time`` / ``enddate``
  / ``endtime`` (the event's resolved time, see :func:`plover_dates`: a period
  or interval such as ``2014`` or ``2015-W32`` runs from ``date`` to ``enddate``;
  the publication day only when the event has no time of its own; the value
  itself is kept in ``date_text``, which is null when the date is the publication
  date, i.e. no time expression of the text gave it), ``actor`` and
  ``recipient`` (lists of entity objects: ``code``, ``sector``, ``entity_text``,
  ``identifier_id``), ``event`` (list), ``mode`` (list), ``context`` (list),
  ``event_loc`` (location object: ``extracted_place``, ``resolved_place`` (the
  canonical name of its linked entity, null when unlinked), ``geonameid``, ``lat``,
  ``lon``, ``country_code``), ``event_text`` (list of trigger texts), ``text``
  (the sentence), ``text_info`` (``start``, ``end``), ``size``, ``quad_code``,
  ``cite_info`` (``corpus``, ``url``, ``title``, ``language``, ``publication``,
  ``coder``, ``codebook``), ``coder``, ``coded_date``, plus ``comment`` (negation /
  modality / rule) and ``has_event``. PLOVER's auxiliary modes go in ``context``
  (``negation``, ``hypothetical``, ``future``: PLOVER_MANUAL, "auxiliary modes").
  The manual says negated events "can be excluded from the final event dataset"
  and defines ``has_event`` as "event has been coded (True/False)": a negated
  event (it did not happen) is kept as a record with ``has_event`` false and
  context ``negation``, so that a dataset drops it by ``has_event``; a
  hypothetical or future event is an event coded with its auxiliary mode
  (``has_event`` true, context ``hypothetical`` / ``future``), as the manual
  asks for "If Russian forces were to cross the border ...".
* ``fmt="csv"``: one row per event with the columns of :data:`CSV_COLUMNS`.

A headline event that the body reports again (``evidence.same_as``, set by the
coder) is written once, as the body's event, so that a count of records counts
it once.

``out_path`` ``"-"`` writes to standard output; ``documents_path`` ``"-"`` reads
standard input.

Example:
    >>> import json, tempfile, os
    >>> doc = {"schema": "hadath.document/1", "id": "d1", "text": "x", "metadata": {"headline": None,
    ...        "published": {"value": "2016-06-08T11:39:00+02:00"}, "outlet": "masrawy", "url": None},
    ...        "events": [{"id": "ev1", "type": "COERCE", "mode": "arrest", "context": ["legal"], "cameo": "173",
    ...        "trigger": {"start": 0, "end": 1, "text": "x"}, "actor": {"start": 0, "end": 1, "text": "x",
    ...        "code": "DEUGOV", "country": "DEU", "sector": "GOV", "entity": None}, "recipient": None,
    ...        "location": None, "date": {"value": "2016-06-08", "source": "published"}, "size": {"arrested": 3},
    ...        "negated": False, "hypothetical": False, "attribution": None,
    ...        "sentence": {"start": 0, "end": 1, "text": "x"}, "confidence": 0.9, "rule": "coerce.arrest"}]}
    >>> d = tempfile.mkdtemp(); src = os.path.join(d, "docs.jsonl"); out = os.path.join(d, "ev.jsonl")
    >>> _ = open(src, "w", encoding="utf-8").write(json.dumps(doc) + "\\n")
    >>> export(src, "plover", out)
    1
    >>> rec = json.loads(open(out, encoding="utf-8").readline())
    >>> rec["id"], rec["event"], rec["mode"], rec["actor"][0]["code"], rec["date"], rec["size"]
    ('d1-ev1', ['COERCE'], ['arrest'], 'DEU', '2016-06-08', {'arrested': 3})
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from hadath.extract.events.coder import sector_of

__all__ = ["export", "plover_record", "plover_dates", "csv_row", "iter_documents", "CSV_COLUMNS", "QUAD"]

#: PLOVER quad category of each event type (PLOVER manual: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict).
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4,
        "COERCE": 4, "ASSAULT": 4}

CSV_COLUMNS = ["doc_id", "event_id", "date", "date_source", "type", "mode", "context", "cameo",
               "actor_text", "actor_code", "actor_country", "actor_sector",
               "recipient_text", "recipient_code", "recipient_country", "recipient_sector",
               "location", "country", "lat", "lon", "geonames", "trigger", "trigger_start", "trigger_end",
               "dead", "injured", "casualties", "arrested", "participants", "negated", "hypothetical", "attribution", "confidence", "rule",
               "sentence", "url", "outlet"]

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SECTORS = {"GOV", "MIL", "COP", "SPY", "REB", "CVL", "JUD", "LEG", "OPP", "PTY", "EDU", "MED", "BUS", "LAB",
            "REL", "REF", "UAF", "CRM", "ACT", "HLH", "AGR", "INS", "ELI", "NGO", "ISM"}


def iter_documents(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield serialised documents from a JSONL file, a JSON document or a JSON array ("-" = stdin).

    Raises:
        ValueError: If the input is not JSON documents (names the file and line).
        OSError: If the file cannot be read.
    """
    name = str(path)
    fh: TextIO = sys.stdin if name == "-" else open(path, encoding="utf-8")
    try:
        data = fh.read()
    finally:
        if fh is not sys.stdin:
            fh.close()
    s = data.lstrip()
    if not s:
        return
    if s.startswith("["):
        try:
            docs = json.loads(s)
        except json.JSONDecodeError as e:
            raise ValueError(f"{name}: not valid JSON ({e.msg} at line {e.lineno})") from None
        yield from docs
        return
    try:
        yield json.loads(s)
        return
    except json.JSONDecodeError:
        pass
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{name}:{n}: not a JSON document ({e.msg})") from None
        if not isinstance(d, dict):
            raise ValueError(f"{name}:{n}: expected a JSON object, got {type(d).__name__}")
        yield d


def _entity_obj(role: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not role:
        return []
    code = role.get("code") or ""
    country = role.get("country") or (code[:3] if len(code) >= 3 and code[:3] not in _SECTORS else None)
    sector = role.get("sector") or sector_of(code, role.get("country") or country)
    return [{"code": country, "sector": sector or None, "full_code": code or None, "entity_text": role.get("text"),
             "identifier_id": role.get("entity"), "start": role.get("start"), "end": role.get("end")}]


_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?))?$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_RE = re.compile(r"^(\d{4})$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PART_RE = re.compile(r"^(\d{4})-(SP|SU|FA|WI|H1|H2|Q1|Q2|Q3|Q4)$")
#: first and last month of the year parts of the times stage (ISO 8601-2 / TimeML codes; winter runs from the
#: December of its year into the next year)
_PARTS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14), "H1": (1, 6), "H2": (7, 12),
          "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12)}


def _month_bounds(y: int, m0: int, m1: int) -> tuple[date, date]:
    y1, m1n = (y + 1, m1 - 12) if m1 > 12 else (y, m1)
    nxt = date(y1 + (m1n == 12), m1n % 12 + 1, 1)
    return date(y, m0, 1), date.fromordinal(nxt.toordinal() - 1)


def _value_bounds(v: str) -> tuple[date, str | None, date, str | None] | None:
    m = _DAY_RE.match(v)
    if m:
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, m[4], d, m[4]
    m = _MONTH_RE.match(v)
    if m:
        a, b = _month_bounds(int(m[1]), int(m[2]), int(m[2]))
        return a, None, b, None
    m = _YEAR_RE.match(v)
    if m:
        return date(int(m[1]), 1, 1), None, date(int(m[1]), 12, 31), None
    m = _WEEK_RE.match(v)
    if m:
        y, w = int(m[1]), int(m[2])
        a = date.fromisocalendar(y, w, 6 if m[3] else 1)
        return a, None, date.fromisocalendar(y, w, 7), None
    m = _PART_RE.match(v)
    if m:
        lo, hi = _PARTS[m[2]]
        a, b = _month_bounds(int(m[1]), lo, hi)
        return a, None, b, None
    return None


def plover_dates(value: str) -> tuple[str, str | None, str | None, str | None] | None:
    """PLOVER ``date``, ``time``, ``enddate``, ``endtime`` of a resolved hadath time value.

    A day (``2015-07-12``) gives its date, a datetime (``2015-07-22T10:00``) its date and time; a
    coarser period (year ``2014``, month ``2014-07``, ISO week ``2015-W29``, weekend ``2015-W29-WE``
    taken as its Saturday and Sunday, season/half/quarter ``2014-SU``) and an interval ``A/B`` give
    the first day as ``date`` and the last day as ``enddate`` (PLOVER manual, "PLOVER JSON": date and
    enddate in YYYY-MM-DD, time and endtime ISO 8601 times only, so that date + "T" + time is an ISO
    datetime). ``time`` / ``endtime`` are set only from values with a time of day; ``enddate`` /
    ``endtime`` are None when the event lies within one day.

    Args:
        value: The ``value`` of an event's ``date`` (the times stage's normalised value).

    Returns:
        ``(date, time, enddate, endtime)`` strings (or None), or None when the value cannot be placed
        on the calendar.

    Example:
        >>> plover_dates("2014")
        ('2014-01-01', None, '2014-12-31', None)
        >>> plover_dates("2015-08-03/2015-08-05")
        ('2015-08-03', None, '2015-08-05', None)
        >>> plover_dates("2015-07-22T10:00")
        ('2015-07-22', '10:00', None, None)
        >>> plover_dates("2014-WI")
        ('2014-12-01', None, '2015-02-28', None)
        >>> plover_dates("about then") is None
        True
    """
    parts = value.split("/")
    if len(parts) > 2 or not all(parts):
        return None
    try:
        lo = _value_bounds(parts[0])
        hi = _value_bounds(parts[-1])
    except ValueError:  # an impossible day or week ("2015-02-30", "2015-W60")
        return None
    if lo is None or hi is None or hi[2] < lo[0]:
        return None
    start, stime, end, etime = lo[0], lo[1], hi[2], hi[3]
    if end == start and (etime is None or etime == stime):
        return start.isoformat(), stime, None, None
    return start.isoformat(), stime, end.isoformat(), etime


def _resolved_place(doc: dict[str, Any], loc: dict[str, Any]) -> str | None:
    """The canonical name of an event's location: that of its entity (``loc["entity"]``, an entity id of
    ``doc``), else of the document's entity with the same GeoNames id; None for an unlinked place."""
    ents = doc.get("entities") or []
    ent = next((e for e in ents if loc.get("entity") and e.get("id") == loc["entity"]), None)
    if ent is None and loc.get("geonames") is not None:
        ent = next((e for e in ents if e.get("geonames") == loc["geonames"]), None)
    return ent.get("canonical") if ent else None


def plover_record(doc: dict[str, Any], ev: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER JSON record for event ``ev`` of serialised document ``doc``."""
    meta = doc.get("metadata") or {}
    pub = (meta.get("published") or {}).get("value")
    d = (ev.get("date") or {}).get("value")
    loc = ev.get("location")
    comments = []
    if ev.get("negated"):
        comments.append("negated")
    if ev.get("hypothetical"):
        comments.append("hypothetical")
    comments.append(f"rule {ev.get('rule')}")
    if ev.get("date") and ev["date"].get("source") == "published":
        comments.append("date is the publication date")
    ctx = list(ev.get("context") or [])
    future = bool((ev.get("evidence") or {}).get("future"))
    for flag, on in (("negation", ev.get("negated")), ("hypothetical", ev.get("hypothetical")), ("future", future)):
        if on and flag not in ctx:
            ctx.append(flag)
    sent = ev.get("sentence") or {}
    headline = meta.get("headline")
    if isinstance(headline, dict):
        headline = headline.get("text")
    bounds = plover_dates(d) if isinstance(d, str) else None
    if bounds is None and d is not None:  # a value we cannot place on the calendar: dated by publication
        comments.append(f"event date {d}")
    if bounds is None:
        bounds = (pub[:10] if isinstance(pub, str) and _ISO_DAY.match(pub) else None, None, None, None)
    return {
        "id": f"{doc.get('id') or 'doc'}-{ev['id']}",
        "has_event": not ev.get("negated"),  # (a negated event did not happen: see the module docstring)
        "date": bounds[0],
        "time": bounds[1],
        "enddate": bounds[2],
        "endtime": bounds[3],
        "date_text": d if (ev.get("date") or {}).get("source") != "published" else None,
        "actor": _entity_obj(ev.get("actor")),
        "recipient": _entity_obj(ev.get("recipient")),
        "event": [ev["type"]],
        "cameo": ev.get("cameo"),
        "mode": [ev["mode"]] if ev.get("mode") else [],
        "context": ctx,
        "event_loc": None if not loc else {
            "extracted_place": loc.get("text"), "resolved_place": _resolved_place(doc, loc),
            "geonameid": loc.get("geonames"),
            "lat": loc.get("lat"), "lon": loc.get("lon"), "country_code": loc.get("country"),
            "start": loc.get("start"), "end": loc.get("end")},
        "event_text": [t["text"] for t in (ev.get("triggers") or [ev["trigger"]])],
        "quad_code": QUAD.get(ev["type"]),
        "size": dict(ev.get("size") or {}),
        "text": sent.get("text"),
        "text_info": {"start": sent.get("start"), "end": sent.get("end")},
        "attribution": ev.get("attribution"),
        "confidence": ev.get("confidence"),
        "cite_info": {"corpus": None, "citation": doc.get("id"), "url": meta.get("url"), "title": headline,
                      "language": doc.get("language") or "ar", "publication": meta.get("outlet"),
                      "date_published": pub, "coder": "hadath", "codebook": "PLOVER 2021 (CAMEO2PLOVER-2021)"},
        "coder": "hadath",
        "coded_date": date.today().isoformat(),
        "comment": "; ".join(comments),
    }


def csv_row(doc: dict[str, Any], ev: dict[str, Any]) -> dict[str, Any]:
    """One flat row (keys :data:`CSV_COLUMNS`) for event ``ev`` of ``doc``."""
    meta = doc.get("metadata") or {}
    a, r, loc = ev.get("actor") or {}, ev.get("recipient") or {}, ev.get("location") or {}
    size = ev.get("size") or {}
    dt = ev.get("date") or {}
    return {
        "doc_id": doc.get("id"), "event_id": ev["id"], "date": dt.get("value"), "date_source": dt.get("source"),
        "type": ev["type"], "mode": ev.get("mode"), "context": ";".join(ev.get("context") or []), "cameo": ev.get("cameo"),
        "actor_text": a.get("text"), "actor_code": a.get("code"), "actor_country": a.get("country"),
        "actor_sector": a.get("sector") or sector_of(a.get("code"), a.get("country")),
        "recipient_text": r.get("text"), "recipient_code": r.get("code"),
        "recipient_country": r.get("country"),
        "recipient_sector": r.get("sector") or sector_of(r.get("code"), r.get("country")),
        "location": loc.get("text"), "country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "geonames": loc.get("geonames"), "trigger": ev["trigger"]["text"], "trigger_start": ev["trigger"]["start"],
        "trigger_end": ev["trigger"]["end"], "dead": size.get("dead"), "injured": size.get("injured"),
        "casualties": size.get("casualties"), "arrested": size.get("arrested"), "participants": size.get("participants"),
        "negated": ev.get("negated"), "hypothetical": ev.get("hypothetical"),
        "attribution": ev.get("attribution"), "confidence": ev.get("confidence"), "rule": ev.get("rule"),
        "sentence": (ev.get("sentence") or {}).get("text"), "url": meta.get("url"), "outlet": meta.get("outlet"),
    }


def export(documents_path: str | Path, fmt: str, out_path: str | Path = "-") -> int:
    """Write the events of every document in ``documents_path`` as ``fmt`` to ``out_path``.

    Args:
        documents_path: hadath documents (JSONL / JSON / JSON array); ``"-"`` = stdin.
        fmt: ``"plover"`` (PLOVER JSONL) or ``"csv"`` (flat table with a header row).
        out_path: Output file; ``"-"`` = stdout.

    Returns:
        The number of event records written.

    Raises:
        ValueError: For an unknown format or input that is not hadath documents.
        OSError: If a file cannot be read or written.
    """
    if fmt not in ("plover", "csv"):
        raise ValueError(f"unknown export format {fmt!r}: use 'plover' or 'csv'")
    buf = io.StringIO()
    n = 0
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n") if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for i, doc in enumerate(iter_documents(documents_path), 1):
        if not isinstance(doc, dict) or "events" not in doc:
            raise ValueError(f"{documents_path}: item {i} is not a hadath document (no 'events')")
        for ev in doc.get("events") or []:
            if (ev.get("evidence") or {}).get("same_as"):
                continue  # a headline event the body reports again: written once, as the body's
            if writer:
                writer.writerow(csv_row(doc, ev))
            else:
                buf.write(json.dumps(plover_record(doc, ev), ensure_ascii=False) + "\n")
            n += 1
    if str(out_path) == "-":
        sys.stdout.write(buf.getvalue())
    else:
        Path(out_path).write_text(buf.getvalue(), encoding="utf-8")
    return n
