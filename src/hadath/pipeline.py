"""The ordered stages of hadath and the public entry points ``analyze`` / ``analyze_many``.

A :class:`Pipeline` owns every loaded resource (lexicons, gazetteer, model)
through its stage objects; nothing is kept in module-level mutable state.
Each stage is an object with ``__call__(state: State) -> None`` that fills
its part of ``state.doc``.

Order: ingest (decode, HTML extraction) -> structure (boilerplate, metadata,
paragraphs) -> segment (sentences, tokens) -> extractor stages named in
``Settings.stages`` (times, quantities, entities, attributions, events).
"""
from __future__ import annotations

import bisect

import functools
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from hadath.document import Document
from hadath.settings import Settings
from hadath.text.normalize import Normalized, normalize

__all__ = ["State", "Pipeline", "analyze", "analyze_many", "analyze_record", "analyze_records", "get_pipeline",
           "STAGE_CLASSES", "STAGE_NEEDS"]

#: Stage name -> "module:Class". Read-only mapping (a tuple of pairs).
STAGE_CLASSES: tuple[tuple[str, str], ...] = (
    ("times", "hadath.extract.times:TimeExtractor"),
    ("quantities", "hadath.extract.quantities:QuantityExtractor"),
    ("entities", "hadath.extract.entities:EntityExtractor"),
    ("attributions", "hadath.extract.attributions:AttributionExtractor"),
    ("events", "hadath.extract.events:EventCoder"),
)

#: Stage -> the earlier stages whose output it reads, and what it loses without them.
STAGE_NEEDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("quantities", ("times",), "dates and years are not told from counts"),
    ("attributions", ("times", "entities"), "speakers are not linked to entities"),
    ("events", ("times", "quantities", "entities", "attributions"),
     "event dates fall back to the publication time; no sizes, linked actors or sources"),
)


@dataclass
class State:
    """Per-document working state handed to every stage.

    Attributes:
        doc: The document being filled.
        settings: The pipeline settings.
        reference_time: Aware datetime used to resolve relative times (the
            publication time, or ``--published``), or None.
        tokens: Token dicts (span + ``norm`` + ``segments``) over the whole text,
            filled by the segment stage and always available to extractors.
        scratch: Free-form per-document data stages pass to later stages
            (e.g. entity mention index); never serialised.
    """

    doc: Document
    settings: Settings
    reference_time: datetime | None = None
    tokens: list[dict[str, Any]] = field(default_factory=list)
    scratch: dict[str, Any] = field(default_factory=dict)
    _norm: Normalized | None = None

    @property
    def norm(self) -> Normalized:
        """The normalised document text with its offset map (computed once)."""
        if self._norm is None:
            self._norm = normalize(self.doc.text)
        return self._norm


def _load(path: str, settings: Settings):
    mod, cls = path.split(":")
    return getattr(importlib.import_module(mod), cls)(settings)


def _drop_boilerplate_items(doc: Document) -> None:
    """Leave out the times and quantities that lie inside boilerplate (a "read also" list, a "most read"
    widget, an ad): they belong to other articles or to the page, not to this one."""
    spans = sorted((b["start"], b["end"]) for b in doc.boilerplate)
    starts = [a for a, _ in spans]

    def inside(it: dict[str, Any]) -> bool:
        k = bisect.bisect_right(starts, it["start"]) - 1
        return k >= 0 and it["end"] <= spans[k][1]

    for items in (doc.times, doc.quantities):
        if items:
            items[:] = [it for it in items if not inside(it)]


class Pipeline:
    """Runs the stages over inputs. Build once, reuse for many documents.

    Args:
        settings: Frozen :class:`~hadath.settings.Settings`; defaults when None.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        from hadath.io.ingest import Ingester
        from hadath.extract.structure import StructureStage
        from hadath.text.segment import SegmentStage

        self.settings = settings or Settings()
        self.ingester = Ingester(self.settings)
        self.structure = StructureStage(self.settings)
        self.segment = SegmentStage(self.settings)
        known = dict(STAGE_CLASSES)
        unknown = [s for s in self.settings.stages if s not in known]
        if unknown:
            raise ValueError(f"unknown stages {unknown}; known: {list(known)}")
        self.stages = [(name, _load(known[name], self.settings)) for name in self.settings.stages]
        #: One warning per stage that runs without a stage whose output it reads (added to every document).
        self.stage_warnings: tuple[str, ...] = tuple(
            f"stage {name!r} ran without {', '.join(repr(m) for m in missing)} (not in the settings' stages): "
            f"it lacks what {'that stage gives' if len(missing) == 1 else 'those stages give'} ({why})"
            for name, needs, why in STAGE_NEEDS if name in self.settings.stages
            for missing in [[n for n in needs if n not in self.settings.stages]] if missing)

    def analyze(
        self,
        data: str | bytes,
        *,
        id: str | None = None,
        url: str | None = None,
        published: str | datetime | None = None,
        title: str | None = None,
        author: str | None = None,
        source: str | None = None,
        path: str | None = None,
        kind: str | None = None,
        now: datetime | None = None,
        published_hint: str | datetime | None = None,
        encoding: str | None = None,
        warnings: list[str] | None = None,
    ) -> Document:
        """Analyse one article; see :func:`hadath.analyze` for the arguments.

        ``encoding`` and ``warnings`` come with records read from files
        (:mod:`hadath.io.readers`): the encoding a CSV/JSONL file was decoded with
        and warnings about the record (an unreadable date field); see
        :meth:`hadath.io.ingest.Ingester.ingest`.

        ``path`` names the input in errors; ``kind`` forces "text" or "html";
        ``now`` is the wall-clock time used to resolve relative publication
        dates such as "منذ ساعتين" on the page (default: none, left unresolved).
        ``published`` (the caller's) wins over dates found in the page and is
        the metadata's publication time (source "input"); ``published_hint``
        (a corpus field such as SaudiNewsNet's crawl time ``date_extracted``)
        is used only when the page has no date of its own.

        Raises:
            hadath.io.ingest.InputError: If the input cannot be read as an article.
        """
        state = self._start(data, id=id, url=url, published=published, title=title, author=author,
                            source=source, path=path, kind=kind, now=now, published_hint=published_hint,
                            encoding=encoding, warnings=warnings)
        for step in self.steps:
            step(state)
        return self._finish(state)

    @property
    def steps(self) -> list[Callable[[State], None]]:
        """Structure, segmentation, then the extractor stages, in order."""
        return [self.structure, self.segment, *(stage for _name, stage in self.stages)]

    def _start(self, data: str | bytes, *, now: datetime | None = None, **kw: Any) -> State:
        """Ingest one article (keyword arguments of :meth:`analyze`) into a fresh :class:`State`."""
        doc, hints = self.ingester.ingest(data, **kw)
        hints["now"] = now
        return State(doc=doc, settings=self.settings, scratch={"input": hints})

    def _finish(self, state: State) -> Document:
        doc = state.doc
        doc.warnings.extend(self.stage_warnings)
        if doc.boilerplate:
            _drop_boilerplate_items(doc)
        if self.settings.include_tokens:
            doc.tokens = state.tokens
        return doc

    def analyze_batch(self, records: list[dict[str, Any]]) -> list[Document | Exception]:
        """Analyse several articles stage by stage (each stage over all of them, then the next).

        The documents are exactly those of :meth:`analyze` on each record; running
        one stage over a few documents in a row keeps its lexicons, patterns and
        model in the processor's caches (batch workers use chunks of 8).

        Args:
            records: Keyword arguments of :meth:`analyze`, one dict per article.

        Returns:
            One item per record, in order: its :class:`~hadath.document.Document`,
            or the exception that stopped it (the others go on).
        """
        out: list[Document | Exception] = []
        live: list[tuple[int, State]] = []
        for i, rec in enumerate(records):
            try:
                live.append((i, self._start(**rec)))
                out.append(None)  # type: ignore[arg-type]  # filled below
            except Exception as e:  # noqa: BLE001 - recorded per article
                out.append(e)
        for step in self.steps:
            still = []
            for i, state in live:
                try:
                    step(state)
                    still.append((i, state))
                except Exception as e:  # noqa: BLE001 - recorded per article
                    out[i] = e
            live = still
        for i, state in live:
            out[i] = self._finish(state)
        return out


@functools.lru_cache(maxsize=4)
def get_pipeline(settings: Settings | None = None) -> Pipeline:
    """Return a shared, read-only :class:`Pipeline` for ``settings`` (built once per settings)."""
    return Pipeline(settings)


def analyze(
    text_or_bytes: str | bytes,
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    title: str | None = None,
    author: str | None = None,
    source: str | None = None,
    id: str | None = None,
    settings: Settings | None = None,
    published_hint: str | datetime | None = None,
    now: datetime | None = None,
) -> Document:
    """Analyse one Arabic news article.

    Args:
        text_or_bytes: Plain text (str) or raw bytes of a text or HTML page in
            any encoding.
        url: The page address (used for the outlet and its time zone).
        published: Publication time (ISO 8601 str or datetime; a date-only str
            stays a date); it wins over a date found in the page (metadata
            source "input") and is the reference for relative times. Without an
            offset it is read in the outlet's home zone, else
            ``Settings.default_timezone``; with neither its ``timezone`` stays
            null and the document gets a warning (relative times are then
            resolved as if it were UTC).
        title: Headline given separately (structured corpora).
        author: Author field given separately; "CITY: NAME" is split into a
            dateline place and an author.
        source: Outlet name or id given separately.
        id: Identifier to keep on the document.
        settings: Pipeline settings; defaults when None.
        published_hint: A weaker publication time from a corpus field (e.g.
            SaudiNewsNet's crawl time ``date_extracted``): the reference for
            relative times, the metadata's publication time (source "input")
            only when the page has no date of its own.
        now: The wall-clock time (aware datetime) used to resolve relative
            publication stamps on the page such as "منذ ساعتين" (as ``hadath
            analyze --now``); None leaves them unresolved.

    Returns:
        The filled :class:`~hadath.document.Document`.

    Raises:
        hadath.io.ingest.InputError: For empty, binary or unreadable input.
    """
    return get_pipeline(settings).analyze(
        text_or_bytes, id=id, url=url, published=published, title=title, author=author, source=source,
        published_hint=published_hint, now=now,
    )


#: Keys a record may carry (the keyword arguments of :meth:`Pipeline.analyze`).
_RECORD_KEYS = frozenset({"data", "id", "url", "published", "title", "author", "source", "path", "kind", "now",
                          "published_hint", "encoding", "warnings"})


def analyze_record(record: dict[str, Any], settings: Settings | None = None, *,
                   as_json: bool = False, encode: Callable[[Document], Any] | None = None) -> tuple[str, Any]:
    """Analyse one record, catching every error (the unit of work of :func:`analyze_many`).

    Args:
        record: Keyword arguments of :meth:`Pipeline.analyze`, the article under
            ``"data"`` (or ``"text"`` / ``"html"`` / ``"content"``, as in JSONL input);
            the publication time may also be under a feed name of
            :data:`hadath.io.readers.PUBLISHED_KEYS` (``date``, ``pubDate`` ...), and
            a SaudiNewsNet article's ``date_extracted`` is its ``published_hint``; a date
            that cannot be read is left out with a warning on the document
            (:func:`hadath.io.readers.settle_dates`).
        settings: Pipeline settings.
        as_json: Give the document as its JSON text (:meth:`Document.to_json`: one
            serialisation, cheap to send between processes) instead of a dict.
        encode: Give ``encode(document)`` instead (wins over ``as_json``); batch
            workers use :func:`hadath.io.store.encode_document`.

    Returns:
        ``("ok", value)``, the value being the document dict, its JSON text or
        ``encode``'s value; or ``("error", one-line message)``; input
        errors read ``"<input>: <problem>"``, anything else
        ``"<input>: internal error: <Type>: <message>"``.
    """
    return analyze_records([record], settings, as_json=as_json, encode=encode)[0]


def _allowed_keys() -> str:
    """The keys a record may have, with the spellings read as them (text/html/content for data, the feed
    spellings of the publication time, date_extracted), for the error of a record with other keys."""
    from hadath.io.readers import PUBLISHED_KEYS

    spellings = {"text", "html", "content", "date_extracted", *PUBLISHED_KEYS}
    return ", ".join(sorted(_RECORD_KEYS | spellings))


def analyze_records(records: list[dict[str, Any]], settings: Settings | None = None, *,
                    as_json: bool = False, encode: Callable[[Document], Any] | None = None
                    ) -> list[tuple[str, Any]]:
    """:func:`analyze_record` over several records, run stage by stage (:meth:`Pipeline.analyze_batch`).

    Args:
        records: As for :func:`analyze_record`, one per article.
        settings: Pipeline settings.
        as_json: As for :func:`analyze_record`.
        encode: As for :func:`analyze_record`.

    Returns:
        One ``("ok", value)`` or ``("error", message)`` per record, in order, the
        same as :func:`analyze_record` gives for each.

    Example:
        >>> [status for status, _ in analyze_records([{"data": "قال الوزير إن الاجتماع انتهى."}, {"data": b""}])]
        ['ok', 'error']
    """
    from hadath.io.ingest import InputError
    from hadath.io.readers import READER_KEYS, settle_dates

    out: list[tuple[str, Any] | None] = []
    names: list[str] = []
    todo: list[tuple[int, dict[str, Any]]] = []
    for record in records:
        record = dict(record)
        name = record.get("path") or record.get("id") or "<input>"
        names.append(name)
        for alias, kind in (("text", "text"), ("html", "html"), ("content", None)):
            if alias in record and "data" not in record:
                record["data"] = record.pop(alias)
                if kind and "kind" not in record:
                    record["kind"] = kind
        # feed spellings of the publication time (date, pubDate ...) and SaudiNewsNet's date_extracted;
        # an unreadable date is dropped with a warning on the document, not a failed record
        settle_dates(record)
        for key in READER_KEYS:  # a record of hadath.io.readers.iter_input as it is: its bookkeeping is not analysed
            if key != "error":  # (an unreadable record stays refused, naming its problem)
                record.pop(key, None)
        unknown = sorted(set(record) - _RECORD_KEYS)
        if unknown or "data" not in record:
            problem = f"unknown keys {unknown}" if unknown else "no article (give 'data', 'text' or 'html')"
            out.append(("error", f"{name}: bad record: {problem}; allowed keys: {_allowed_keys()}"))
            continue
        out.append(None)
        todo.append((len(out) - 1, record))
    if todo:
        docs = get_pipeline(settings or Settings()).analyze_batch([r for _i, r in todo])
        for (i, _r), doc in zip(todo, docs):
            try:
                if isinstance(doc, Exception):
                    raise doc
                if encode is not None:
                    out[i] = ("ok", encode(doc))
                else:
                    out[i] = ("ok", doc.to_json() if as_json else doc.to_dict())
            except InputError as e:
                out[i] = ("error", str(e))
            except Exception as e:  # noqa: BLE001 - a batch records every failure and goes on
                msg = " ".join(str(e).split())[:500]
                out[i] = ("error", f"{names[i]}: internal error: {type(e).__name__}: {msg}")
    return out  # type: ignore[return-value]


def analyze_many(
    records: Iterable[dict[str, Any] | str | bytes],
    *,
    n_process: int = 1,
    settings: Settings | None = None,
    chunksize: int = 8,
) -> Iterator[tuple[str, Any]]:
    """Analyse many articles, streaming results in input order.

    Records are read lazily (at most a few chunks per worker ahead of the
    output), so an iterable over a large corpus is never held in memory.
    With ``n_process > 1`` the work runs in a process pool owned by
    :mod:`hadath.batch` (fork start method where available; each worker
    inherits the pipeline built once here).

    Args:
        records: Each a str/bytes article, or a dict of :meth:`Pipeline.analyze`
            keyword arguments with the article under ``"data"``.
        n_process: Worker processes (1: in this process; -1 or 0: all cores).
        settings: Pipeline settings.
        chunksize: Records handed to a worker at a time.

    Yields:
        ``("ok", document_dict)`` or ``("error", message)`` per record, in order.

    Example:
        >>> [status for status, _ in analyze_many(["قال الوزير إن الاجتماع انتهى.", b""])]
        ['ok', 'error']
    """
    import os

    settings = settings or Settings()

    def norm(r: Any) -> dict[str, Any]:
        return dict(r) if isinstance(r, dict) else {"data": r}

    if n_process is None or n_process <= 0:
        n_process = os.cpu_count() or 1
    if n_process == 1:
        for r in records:
            yield analyze_record(norm(r), settings)
        return
    from hadath.batch import parallel_analyze

    yield from parallel_analyze((norm(r) for r in records), n_process=n_process, settings=settings,
                                chunksize=chunksize)
