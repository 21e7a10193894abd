"""SQLite store of a batch: one row per document and one row per extracted item.

Tables:

``documents``
    ``id`` (primary key), ``seq`` (input order), ``input``, ``kind``,
    ``encoding``, ``url``, ``path``, ``language``, ``outlet``, ``published``
    (ISO 8601), ``timezone``, ``headline``, ``authors`` (JSON list),
    ``n_paragraphs``, ``n_sentences``, ``warnings`` (JSON list), ``text``,
    ``metadata`` (JSON).
``items``
    Every extracted item: ``doc_id``, ``kind`` (``time``, ``quantity``,
    ``entity``, ``attribution``, ``event``, ``boilerplate``), ``idx`` (its
    position in the document's list), ``start``, ``end`` (code points of the
    document text; for entities their first mention, for events their
    trigger), ``text`` (of that span), ``label`` (time kind, quantity kind, entity label,
    event type, boilerplate reason), ``value`` (time value, quantity value,
    entity canonical name, event CAMEO code), ``rule``, ``payload`` (the item
    as JSON).

Indexes on ``items(doc_id)``, ``items(kind, label)``, ``items(kind, text)``,
``documents(published)``, ``documents(outlet)``, ``documents(seq)``.

Example:
    >>> import tempfile, os
    >>> st = Store(os.path.join(tempfile.mkdtemp(), "h.db"))
    >>> doc = {"id": "a", "text": "في القاهرة", "input": {}, "metadata": {}, "warnings": [],
    ...        "entities": [{"id": "e1", "label": "GPE", "text": "القاهرة",
    ...                      "mentions": [{"start": 3, "end": 10, "text": "القاهرة"}]}]}
    >>> st.add([doc]); st.commit()
    >>> st.db.execute("select kind, start, end, label from items").fetchall()
    [('entity', 3, 10, 'GPE')]
    >>> st.close()
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["Store", "ITEM_KINDS", "document_rows", "encode_document"]

#: Document list name -> item kind in the ``items`` table.
ITEM_KINDS: tuple[tuple[str, str], ...] = (
    ("times", "time"), ("quantities", "quantity"), ("entities", "entity"),
    ("attributions", "attribution"), ("events", "event"), ("boilerplate", "boilerplate"),
)

#: The indexes of the items table: by document, by kind and label, by kind and text
#: (built after a bulk load: Store.defer_item_indexes).
_ITEM_INDEXES: tuple[tuple[str, str], ...] = (("items_doc", "items(doc_id)"),
                                              ("items_kind_label", "items(kind, label)"),
                                              ("items_kind_text", "items(kind, text)"))

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, seq INTEGER, input TEXT, kind TEXT, encoding TEXT, url TEXT, path TEXT,
  language TEXT, outlet TEXT, published TEXT, timezone TEXT, headline TEXT, authors TEXT,
  n_paragraphs INTEGER, n_sentences INTEGER, warnings TEXT, text TEXT, metadata TEXT
);
CREATE TABLE IF NOT EXISTS items (
  doc_id TEXT NOT NULL, kind TEXT NOT NULL, idx INTEGER, start INTEGER, "end" INTEGER, text TEXT,
  label TEXT, value TEXT, rule TEXT, payload TEXT
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);
CREATE INDEX IF NOT EXISTS documents_seq ON documents(seq);
""" + "".join(f"CREATE INDEX IF NOT EXISTS {name} ON {cols};\n" for name, cols in _ITEM_INDEXES)


def _make_encode() -> Callable[[Any], str]:
    """``json.dumps(v, ensure_ascii=False)`` for the acyclic trees of a document, with one C encoder.

    ``JSONEncoder.encode`` builds a new C encoder on every call (about 1 us of the 3-4 us an
    item takes); the one made here is reused (no circular-reference check: it keeps no state).
    Falls back to ``JSONEncoder.encode`` where the C accelerator is missing.
    """
    from json.encoder import c_make_encoder, encode_basestring

    base = json.JSONEncoder(ensure_ascii=False)
    if c_make_encoder is None:  # pragma: no cover - CPython ships it
        return base.encode
    chunks = c_make_encoder(None, base.default, encode_basestring, None, base.key_separator,
                            base.item_separator, False, False, True)
    join = "".join

    def encode(v: Any) -> str:
        return join(chunks(v, 0))

    return encode


#: ``json.dumps(v, ensure_ascii=False)`` (read-only; see :func:`_make_encode`).
_ENCODE = _make_encode()


def _j(v: Any) -> str:
    return _ENCODE(v)


def _scalar(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float)):
        return v
    return _j(v)


def _anchor(kind: str, item: dict[str, Any]) -> tuple[Any, Any, Any]:
    """(start, end, text) of an item: its own span, an entity's first mention, an event's trigger."""
    if isinstance(item.get("start"), int):
        return item.get("start"), item.get("end"), item.get("text")
    for key in ("mentions", "triggers"):
        if item.get(key):
            m = item[key][0]  # its span and its own text, so that text == document text[start:end]
            return m.get("start"), m.get("end"), m.get("text")
    trig = item.get("trigger")
    if isinstance(trig, dict):
        return trig.get("start"), trig.get("end"), trig.get("text")
    return None, None, item.get("text")


def _label_value(kind: str, item: dict[str, Any]) -> tuple[Any, Any]:
    if kind == "time" or kind == "quantity":
        return item.get("kind"), item.get("value")
    if kind == "entity":
        return item.get("label"), item.get("canonical")
    if kind == "event":
        return item.get("type"), item.get("cameo")
    if kind == "boilerplate":
        return item.get("reason"), None
    if kind == "attribution":
        sp = item.get("speaker")
        return ("direct" if item.get("direct") else "indirect"), (sp or {}).get("text") if isinstance(sp, dict) else None
    return None, None

#: Position of ``n_sentences`` in a :func:`document_rows` document row.
N_SENTENCES = 12


def document_rows(d: Mapping[str, Any], payloads: Mapping[str, list[str]] | None = None
                  ) -> tuple[tuple, list[tuple]]:
    """The ``documents`` row (less ``seq`` and ``input``) and the ``items`` rows of one document.

    Args:
        d: A ``hadath.document/1`` dict (or :meth:`~hadath.document.Document._raw_dict`).
        payloads: For each item list (``"times"`` ...), the JSON text of each of its
            items when already serialised (see :func:`encode_document`); else each
            item is serialised here.

    Returns:
        ``(document_row, item_rows)``: ``document_row`` is the 16 ``documents``
        columns other than ``seq`` and ``input``, starting with the id; each item
        row has the 10 ``items`` columns.
    """
    md = d.get("metadata") or {}
    pub = md.get("published") or {}
    headline = md.get("headline")
    authors = [a.get("text") if isinstance(a, dict) else a for a in md.get("authors") or []]
    ip = d.get("input") or {}
    doc_id = d["id"]
    drow = (
        doc_id, ip.get("kind"), ip.get("encoding"), ip.get("url"), ip.get("path"),
        d.get("language"), md.get("outlet"), pub.get("value"), pub.get("timezone"),
        headline.get("text") if isinstance(headline, dict) else headline, _j(authors),
        len(d.get("paragraphs") or []), len(d.get("sentences") or []),
        _j(d.get("warnings") or []), d.get("text"), _j(md),
    )
    irows = []
    for key, kind in ITEM_KINDS:
        items = d.get(key) or []
        texts = payloads.get(key) if payloads else None
        for idx, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            start, end, text = _anchor(kind, item)
            label, value = _label_value(kind, item)
            irows.append((doc_id, kind, idx, start, end, text, _scalar(label), _scalar(value),
                          item.get("rule"), texts[idx] if texts is not None else _j(item)))
    return drow, irows


def encode_document(doc: Any) -> tuple[str, tuple, list[tuple]]:
    """A document's JSON text and its store rows, serialising each item once.

    The text is exactly :meth:`hadath.document.Document.to_json`'s; each item's
    JSON text is both part of it and its ``payload`` in the ``items`` table. Used by
    batch workers, so that the writing process neither parses nor re-serialises.

    Args:
        doc: A :class:`hadath.document.Document`.

    Returns:
        ``(json_text, document_row, item_rows)`` (rows as :func:`document_rows`).
    """
    raw = doc._raw_dict()
    lists = {key for key, _ in ITEM_KINDS}
    payloads: dict[str, list[str]] = {}
    parts = []
    for key, value in raw.items():
        if key in lists and isinstance(value, list):
            texts = payloads[key] = [_j(v) for v in value]
            parts.append(f'"{key}": [' + ", ".join(texts) + "]")
        else:
            parts.append(f'"{key}": ' + _j(value))
    drow, irows = document_rows(raw, payloads)
    return "{" + ", ".join(parts) + "}", drow, irows


class Store:
    """The SQLite file of a batch. Not shared between processes; one writer.

    Args:
        path: Database file (created when missing).

    Raises:
        sqlite3.DatabaseError: If the file exists and is not a SQLite database.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = str(path)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.db.commit()

    def defer_item_indexes(self) -> None:
        """Drop the indexes of the items table (by document, by kind and label, by kind and text) before a bulk load.

        Each insert into an indexed table also updates the index; building the
        index once after the load costs less (on 5,437 SaudiNewsNet articles with
        times and quantities, 0.08 ms per article against 0.12 ms). For a load of
        new documents only (``add_rows(..., fresh=True)``: no deletes, which need
        the index by document). Call :meth:`build_item_indexes` at the end; if
        the load is cut short, the next opening of the file builds them
        (``CREATE INDEX IF NOT EXISTS``).
        """
        for name, _cols in _ITEM_INDEXES:
            self.db.execute(f"DROP INDEX IF EXISTS {name}")
        self.db.commit()

    def build_item_indexes(self) -> None:
        """Build the item indexes dropped by :meth:`defer_item_indexes` (no-op when present)."""
        for name, cols in _ITEM_INDEXES:
            self.db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {cols}")
        self.db.commit()

    def ids(self) -> set[str]:
        """Ids of the documents in the store."""
        return {r[0] for r in self.db.execute("SELECT id FROM documents")}

    def ids_in_order(self) -> list[str]:
        """Ids of the documents in input order (``seq``), as documents.jsonl holds them."""
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY seq")]

    def max_seq(self) -> int:
        """The largest ``seq`` stored (-1 when empty)."""
        r = self.db.execute("SELECT MAX(seq) FROM documents").fetchone()[0]
        return -1 if r is None else r

    def delete(self, ids: Iterable[str]) -> None:
        """Remove documents and their items."""
        rows = [(i,) for i in ids]
        self.db.executemany("DELETE FROM items WHERE doc_id = ?", rows)
        self.db.executemany("DELETE FROM documents WHERE id = ?", rows)

    def add(self, docs: Iterable[dict[str, Any]], *, seqs: Iterable[int] | None = None,
            inputs: Iterable[str | None] | None = None) -> None:
        """Insert (or replace) documents and their items; call :meth:`commit` after."""
        docs = list(docs)
        seqs = list(seqs) if seqs is not None else [None] * len(docs)
        inputs = list(inputs) if inputs is not None else [None] * len(docs)
        self.add_rows((seq, inp, *document_rows(d)) for d, seq, inp in zip(docs, seqs, inputs))

    def add_rows(self, rows: Iterable[tuple[int | None, str | None, tuple, list[tuple]]], *,
                 fresh: bool = False) -> None:
        """Insert (or replace) documents given as :func:`document_rows` output.

        Args:
            rows: ``(seq, input, document_row, item_rows)`` per document, the last
                two as :func:`document_rows` (or :func:`encode_document`) gives them.
            fresh: The documents are not in the store (a batch's new documents):
                insert without deleting earlier versions first. If one is there
                after all (the same rows given again after an interrupted call
                left some of them in), they are replaced as without ``fresh``.
        """
        rows = list(rows)
        if fresh:
            try:
                self._insert(rows)
                return
            except sqlite3.IntegrityError:  # a document already in: replace them all
                pass
        self.delete(r[2][0] for r in rows)
        self._insert(rows)

    def _insert(self, rows: list[tuple[int | None, str | None, tuple, list[tuple]]]) -> None:
        self.db.executemany("INSERT INTO documents VALUES (" + ",".join("?" * 18) + ")",
                            [(dr[0], seq, inp, *dr[1:]) for seq, inp, dr, _ in rows])
        self.db.executemany("INSERT INTO items VALUES (" + ",".join("?" * 10) + ")",
                            [ir for *_, irs in rows for ir in irs])

    def commit(self) -> None:
        """Commit the open transaction."""
        self.db.commit()

    def close(self) -> None:
        """Commit and close."""
        self.db.commit()
        self.db.close()
