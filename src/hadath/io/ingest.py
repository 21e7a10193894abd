"""Ingest: turn raw input (text, bytes, HTML, structured fields) into a Document.

(First version: UTF-8 text and structured fields; decoding and HTML come with issue 2's io work.)
"""
from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from hadath.document import Document

__all__ = ["InputError", "Ingester"]


class InputError(ValueError):
    """Raised when an input cannot be read as an article; the message names the input and the problem."""


class Ingester:
    """Decode input and build the document text. Args: settings."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def ingest(self, data: str | bytes, *, id=None, url=None, published=None, title=None,
               author=None, source=None, path=None, kind=None) -> tuple[Document, dict[str, Any]]:
        """Return ``(document, hints)``; hints carry input-side facts for the structure stage.

        Hints keys: ``title_span``, ``author_span``, ``content_span`` ((start, end) or None),
        ``published`` (aware datetime or None), ``source`` (str or None), ``html_meta`` (dict).

        Raises:
            InputError: For empty or undecodable input.
        """
        name = path or id or "<input>"
        if isinstance(data, bytes):
            try:
                data = data.decode("utf-8")
            except UnicodeDecodeError as e:
                raise InputError(f"{name}: not UTF-8 text ({e.reason})") from None
        if not data.strip():
            raise InputError(f"{name}: empty input")
        parts: list[str] = []
        hints: dict[str, Any] = {"title_span": None, "author_span": None, "content_span": None,
                                 "published": None, "source": source, "html_meta": {}}
        pos = 0
        for key, value in (("title_span", title), ("author_span", author)):
            if value and value.strip():
                parts.append(value)
                hints[key] = (pos, pos + len(value))
                pos += len(value) + 2
        hints["content_span"] = (pos, pos + len(data))
        text = "\n\n".join(parts + [data])
        if isinstance(published, str) and published:
            try:
                published = datetime.fromisoformat(published)
            except ValueError:
                raise InputError(f"{name}: published {published!r} is not ISO 8601") from None
        hints["published"] = published
        doc = Document(text=text, id=id or hashlib.sha1(text.encode("utf-8")).hexdigest()[:16])
        doc.input.update(kind="text", encoding="utf-8", url=url, path=path,
                         bytes=len(text.encode("utf-8")))
        doc.metadata["url"] = url
        doc.metadata["outlet"] = source
        return doc, hints
