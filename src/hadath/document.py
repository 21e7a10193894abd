"""The hadath document: spans, the document object and its JSON contract.

Every item that points into the article carries half-open ``[start, end)``
offsets in Unicode code points of :attr:`Document.text`, and the invariant
``document.text[start:end] == span["text"]`` always holds.

The JSON shape is fixed by the schema ``hadath.document/1`` that ships in
``hadath/schema/document.schema.json``.

Example:
    >>> doc = Document(text="قال الوزير")
    >>> s = doc.span(4, 10)
    >>> s
    {'start': 4, 'end': 10, 'text': 'الوزير'}
    >>> Document.from_dict(doc.to_dict()).text == doc.text
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

SCHEMA_ID = "hadath.document/1"

__all__ = ["SCHEMA_ID", "Document", "make_span", "check_spans", "load_schema", "validate"]


def make_span(text: str, start: int, end: int, **extra: Any) -> dict[str, Any]:
    """Build a span dict over ``text``.

    Args:
        text: The document text the offsets point into.
        start: First code point (inclusive).
        end: End code point (exclusive).
        **extra: Further keys to store on the span (e.g. ``reason``).

    Returns:
        ``{"start": int, "end": int, "text": str, **extra}``.

    Raises:
        ValueError: If the offsets are out of range or reversed.

    Example:
        >>> make_span("abc def", 4, 7, reason="x")
        {'start': 4, 'end': 7, 'text': 'def', 'reason': 'x'}
    """
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"span [{start}, {end}) is outside a text of {len(text)} code points")
    d: dict[str, Any] = {"start": start, "end": end, "text": text[start:end]}
    d.update(extra)
    return d


def _default_metadata() -> dict[str, Any]:
    return {
        "headline": None,
        "authors": [],
        "byline": None,
        "dateline": None,
        "published": {"value": None, "timezone": None, "span": None, "source": None},
        "outlet": None,
        "url": None,
    }


def _default_input() -> dict[str, Any]:
    return {"kind": "text", "encoding": None, "url": None, "path": None, "bytes": None}


@dataclass
class Document:
    """One analysed article (schema ``hadath.document/1``).

    Attributes:
        text: The document text. For plain-text input it is the decoded input,
            unchanged; for HTML it is the extracted article text; for
            structured input (title/author/content fields) it is the title,
            the author field and the content joined by blank lines.
        id: Caller's identifier, or a content hash.
        input: ``{"kind": "text"|"html", "encoding", "url", "path", "bytes"}``.
        language: ISO 639-1 code of the dominant language (``"ar"``) or None.
        boilerplate: Spans with a ``reason`` key (ad label, widget caption ...).
        paragraphs: Body paragraph spans (no headline, date line, byline, boilerplate).
        sentences: Sentence spans inside the body paragraphs.
        metadata: Headline, authors, byline, dateline, published, outlet, url.
        times, quantities, entities, attributions, events: Extracted items
            (dicts following the schema), filled by the extractor stages.
        tokens: Token spans with ``norm`` and ``segments``; only kept when asked.
        warnings: Human-readable warnings (str).
    """

    text: str
    id: str | None = None
    input: dict[str, Any] = field(default_factory=_default_input)
    language: str | None = None
    boilerplate: list[dict[str, Any]] = field(default_factory=list)
    paragraphs: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=_default_metadata)
    times: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    tokens: list[dict[str, Any]] | None = None
    warnings: list[str] = field(default_factory=list)

    def span(self, start: int, end: int, **extra: Any) -> dict[str, Any]:
        """Return a span dict over this document's text (see :func:`make_span`)."""
        return make_span(self.text, start, end, **extra)

    def to_dict(self) -> dict[str, Any]:
        """Serialise to the ``hadath.document/1`` JSON object (a new dict of JSON types only)."""
        return json.loads(json.dumps(self._raw_dict(), ensure_ascii=False))

    def _raw_dict(self) -> dict[str, Any]:
        """The document object, sharing this document's lists (not a copy)."""
        d: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "id": self.id,
            "input": dict(self.input),
            "text": self.text,
            "language": self.language,
            "boilerplate": self.boilerplate,
            "paragraphs": self.paragraphs,
            "sentences": self.sentences,
            "metadata": self.metadata,
            "times": self.times,
            "quantities": self.quantities,
            "entities": self.entities,
            "attributions": self.attributions,
            "events": self.events,
            "warnings": self.warnings,
        }
        if self.tokens is not None:
            d["tokens"] = self.tokens
        return d

    def to_json(self, *, pretty: bool = False) -> str:
        """Serialise to a JSON string (UTF-8 text, not ASCII-escaped); same text as ``json.dumps(to_dict())``."""
        return json.dumps(self._raw_dict(), ensure_ascii=False, indent=2 if pretty else None)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        """Rebuild a document from :meth:`to_dict` output.

        Raises:
            ValueError: If ``d`` is not a ``hadath.document/1`` object.
        """
        if d.get("schema") != SCHEMA_ID:
            raise ValueError(f"not a {SCHEMA_ID} document: schema is {d.get('schema')!r}")
        return cls(
            text=d["text"], id=d.get("id"), input=d.get("input") or _default_input(),
            language=d.get("language"), boilerplate=d.get("boilerplate", []),
            paragraphs=d.get("paragraphs", []), sentences=d.get("sentences", []),
            metadata=d.get("metadata") or _default_metadata(), times=d.get("times", []),
            quantities=d.get("quantities", []), entities=d.get("entities", []),
            attributions=d.get("attributions", []), events=d.get("events", []),
            tokens=d.get("tokens"), warnings=d.get("warnings", []),
        )


def _walk_spans(obj: Any, path: str):
    if isinstance(obj, dict):
        if "start" in obj and "end" in obj and "text" in obj and isinstance(obj.get("start"), int):
            yield path, obj
        for k, v in obj.items():
            if k != "text" or not isinstance(v, str):
                yield from _walk_spans(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _walk_spans(v, f"{path}[{i}]")


def check_spans(doc: dict[str, Any]) -> list[str]:
    """Check the span invariant over every span anywhere in a serialised document.

    Args:
        doc: A ``hadath.document/1`` dict.

    Returns:
        A list of error strings (empty when every span satisfies
        ``doc["text"][start:end] == span["text"]``).

    Example:
        >>> check_spans({"text": "abc", "x": [{"start": 0, "end": 2, "text": "ab"}]})
        []
        >>> check_spans({"text": "abc", "x": [{"start": 0, "end": 2, "text": "bc"}]})
        ["$.x[0]: text[0:2] is 'ab', span says 'bc'"]
    """
    text = doc["text"]
    errors = []
    for path, s in _walk_spans({k: v for k, v in doc.items() if k != "text"}, "$"):
        st, en = s["start"], s["end"]
        if not (0 <= st <= en <= len(text)) or text[st:en] != s["text"]:
            errors.append(f"{path}: text[{st}:{en}] is {text[st:en]!r}, span says {s['text']!r}")
    return errors


def load_schema() -> dict[str, Any]:
    """Load the shipped JSON Schema for ``hadath.document/1``."""
    return json.loads(resources.files("hadath.schema").joinpath("document.schema.json").read_text("utf-8"))


def validate(doc: dict[str, Any]) -> None:
    """Validate a serialised document against the schema and the span invariant.

    Raises:
        ValueError: Naming the first schema or span error found.
    """
    import jsonschema

    try:
        jsonschema.validate(doc, load_schema())
    except jsonschema.ValidationError as e:  # pragma: no cover - message path
        loc = "/".join(str(p) for p in e.absolute_path)
        raise ValueError(f"document {doc.get('id')!r} breaks the schema at /{loc}: {e.message}") from None
    errs = check_spans(doc)
    if errs:
        raise ValueError(f"document {doc.get('id')!r} breaks the span invariant: {errs[0]}")
