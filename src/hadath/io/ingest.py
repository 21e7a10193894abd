"""Ingest: turn raw input (text, bytes, HTML, structured fields) into a Document.

Steps: decode bytes (:mod:`hadath.io.decode`: BOM, UTF-8, UTF-16,
Windows-1256, mislabelled pages, mojibake), refuse what is not an article
(empty, binary, too large), extract the article from HTML pages
(:mod:`hadath.io.html`), join structured fields (title, author, content) by
blank lines, cut texts over ``Settings.max_chars`` with a warning and warn
when the text is not Arabic.

Example:
    >>> from hadath.settings import Settings
    >>> doc, hints = Ingester(Settings()).ingest("نص الخبر", title="العنوان", id="a1")
    >>> doc.text, hints["title_span"], hints["content_span"]
    ('العنوان\\n\\nنص الخبر', (0, 7), (9, 17))
    >>> Ingester(Settings()).ingest(b"", path="empty.txt")
    Traceback (most recent call last):
    ...
    hadath.io.ingest.InputError: empty.txt: empty input
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from typing import Any

from hadath.document import Document

__all__ = ["InputError", "Ingester", "parse_published"]


class InputError(ValueError):
    """Raised when an input cannot be read as an article; the message names the input and the problem.

    The message has the form ``"<input>: <problem>"`` on one line.
    """


_LETTER = re.compile(r"[^\W\d_]")


class Ingester:
    """Decode input and build the document text. Build once per pipeline.

    Args:
        settings: :class:`~hadath.settings.Settings` (``max_bytes``, ``max_chars`` are used).
    """

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self._html = None

    @property
    def html(self):
        """The :class:`~hadath.io.html.HtmlExtractor` (built on first HTML input)."""
        if self._html is None:
            from hadath.io.html import HtmlExtractor

            self._html = HtmlExtractor(self.settings)
        return self._html

    def ingest(self, data: str | bytes, *, id=None, url=None, published=None, title=None,
               author=None, source=None, path=None, kind=None,
               published_hint=None, encoding=None, warnings=None) -> tuple[Document, dict[str, Any]]:
        """Return ``(document, hints)``; hints carry input-side facts for the structure stage.

        Args:
            data: Article text (str) or raw bytes (any encoding; text or HTML).
            id: Identifier kept on the document (default: a hash of the text).
            url: Page address.
            published: Publication time given by the caller: ISO 8601 str,
                datetime or date (a date-only str such as "2015-07-23" stays a
                date). Naive values are kept naive (the structure stage
                applies the outlet's zone). It wins over dates found in the page.
            published_hint: A weaker publication time from a corpus field
                (SaudiNewsNet ``date_extracted``, the crawl time), same forms:
                used only when neither the text nor the HTML has a date.
            title: Headline given separately (structured corpora).
            author: Author field given separately.
            source: Outlet name or id.
            path: The input's name in errors and in ``doc.input.path``.
            kind: ``"text"`` or ``"html"`` to force the kind; None detects it.
            encoding: For ``str`` data read from a file (a CSV row, a JSONL line): the
                encoding the file was decoded with, kept as ``doc.input.encoding``
                (bytes are decoded here and name their own encoding; this is then ignored).
            warnings: Warnings about the input found while reading it (a date field that
                could not be read ...), put first in ``doc.warnings``.

        Hints keys: ``published_explicit`` (True when ``published`` came from
        the caller, not from ``published_hint``), ``title_span``, ``author_span``, ``date_span`` (HTML: the
        page's date element, kept as a header line), ``content_span`` ((start, end)
        code points of ``doc.text``, or None), ``published`` (datetime or None),
        ``source`` (str or None), ``html_meta`` (dict, empty for text input:
        ``title``, ``author``, ``date`` (ISO or None), ``date_text``,
        ``sitename``, ``url``).

        Raises:
            InputError: For empty, binary, oversized or unreadable input, an
                HTML page without article text, or a bad ``published``.
        """
        from hadath.io.decode import arabic_ratio, decode_bytes, repair_mojibake
        from hadath.io.html import looks_like_html

        s = self.settings
        name = str(path or id or "<input>")
        given_encoding = encoding
        warnings: list[str] = [str(w) for w in warnings or ()]
        truncated = False
        if isinstance(data, (bytes, bytearray)):
            n_bytes = len(data)
            dec = decode_bytes(bytes(data), name=name, max_bytes=s.max_bytes, max_chars=s.max_chars)
            text, encoding, truncated = dec.text, dec.encoding, dec.truncated
            warnings += dec.warnings
        elif isinstance(data, str):
            if len(data) > s.max_bytes:
                raise InputError(f"{name}: input is over the limit of {s.max_bytes:,} bytes "
                                 "(Settings.max_bytes)")
            text, encoding, n_bytes = data.lstrip("\ufeff"), given_encoding or None, None
            fixed, moji = repair_mojibake(text)
            if moji:
                text, encoding = fixed, f"{encoding}+mojibake-{moji}" if encoding else f"mojibake-{moji}"
                warnings.append("repaired mojibake (UTF-8 read as "
                                f"{'Windows-1256' if moji == 'cp1256' else 'Latin-1'})")
        else:
            raise InputError(f"{name}: expected text or bytes, got {type(data).__name__}")
        # A record of a structured corpus (title, author or url given) with an empty body is
        # kept as a document with a warning (crawls have such records); a bare empty input is refused.
        has_fields = any(v and str(v).strip() for v in (title, author, url))
        if not text.strip() and not (has_fields and kind != "html"):
            raise InputError(f"{name}: empty input")
        if "\x00" in text:
            raise InputError(f"{name}: binary data (NUL characters), not text")
        if kind not in (None, "text", "html"):
            raise InputError(f"{name}: unknown kind {kind!r} (text or html)")
        kind = kind or ("html" if text.strip() and looks_like_html(text) else "text")

        hints: dict[str, Any] = {"title_span": None, "author_span": None, "date_span": None, "content_span": None,
                                 "published": None, "source": source, "html_meta": {}}
        if kind == "html":
            ex = self.html.extract(text, name=name, url=url)
            headline = title if title and title.strip() else ex.headline
            body = ex.text[ex.body_start:]
            text = f"{headline}\n\n" if headline else ""
            if headline:
                hints["title_span"] = (0, len(headline))
            for k, line in ex.header:  # byline / date lines the page holds outside the article text
                hints["author_span" if k == "byline" else "date_span"] = (len(text), len(text) + len(line))
                text += line + "\n\n"
            text += body
            hints["content_span"] = (len(text) - len(body), len(text))
            hints["html_meta"] = dict(ex.meta, title=headline)
            url = url or ex.meta.get("url")
        else:
            parts: list[str] = []
            pos = 0
            for key, value in (("title_span", title), ("author_span", author)):
                if value and value.strip():
                    parts.append(value)
                    hints[key] = (pos, pos + len(value))
                    pos += len(value) + 2
            if text.strip():
                hints["content_span"] = (pos, pos + len(text))
                text = "\n\n".join(parts + [text])
            else:
                warnings.append("empty article body: the text holds only the title/author fields"
                                if parts else "empty article: the record has no text, title or author")
                text = "\n\n".join(parts)

        if len(text) > s.max_chars or truncated:
            total = f"{len(text):,} code points" if not truncated else f"{n_bytes:,} bytes"
            cut = s.max_chars
            space = text.rfind(" ", max(0, cut - 1000), cut + 1)
            if space > 0 and len(text) > cut:
                cut = space
            text = text[:cut]
            warnings.append(f"input cut to its first {len(text):,} code points (Settings.max_chars); "
                            f"it has {total}")
            for key in ("title_span", "author_span", "date_span", "content_span"):
                sp = hints[key]
                if sp is not None:
                    hints[key] = (min(sp[0], len(text)), min(sp[1], len(text)))

        explicit = published not in (None, "")
        given = _when(published if explicit else published_hint, name)
        hints["published"] = given
        hints["published_explicit"] = explicit and given is not None

        letters = len(_LETTER.findall(text[:20000]))
        if letters == 0:
            if text.strip():
                warnings.append("text has no letters")
        else:
            ratio = arabic_ratio(text)
            if ratio < 0.2:
                warnings.append(f"text is not Arabic ({ratio:.0%} of letters are Arabic)")

        doc = Document(text=text, id=id if id is not None else hashlib.sha1(text.encode("utf-8")).hexdigest()[:16])
        doc.input.update(kind=kind, encoding=encoding, url=url, path=str(path) if path is not None else None,
                         bytes=n_bytes if n_bytes is not None else len(data.encode("utf-8", "surrogatepass")))
        doc.metadata["url"] = url
        doc.metadata["outlet"] = source
        doc.warnings.extend(warnings)
        return doc, hints


def parse_published(value: Any) -> datetime | date | None:
    """A publication time given with the input, as :meth:`Ingester.ingest` reads it.

    Args:
        value: ISO 8601 text (a date-only ``YYYY-MM-DD`` stays a date; ``Z`` is UTC), a
            datetime or a date; None or blank text is no time.

    Returns:
        The datetime (naive when the text has no offset), the date, or None.

    Raises:
        ValueError: If ``value`` is not one of these forms (message: ``"is not ISO 8601"`` or
            ``"must be ISO 8601 text or a datetime"``).

    Example:
        >>> parse_published("2016-06-08"), parse_published("2016-06-08T11:39:00Z").tzname()
        (datetime.date(2016, 6, 8), 'UTC')
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (datetime, date)):
        return value
    if not isinstance(value, str):
        raise ValueError("must be ISO 8601 text or a datetime")
    v = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            return date.fromisoformat(v)
        return datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("is not ISO 8601") from None


def _when(value: Any, name: str) -> datetime | date | None:
    """A publication time given with the input: ISO 8601 str (date-only stays a date), datetime or date."""
    try:
        return parse_published(value)
    except ValueError as e:
        if isinstance(value, str):
            raise InputError(f"{name}: published {value!r} {e}") from None
        raise InputError(f"{name}: published {e}") from None
