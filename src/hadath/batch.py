"""The batch runner behind ``hadath run``: many inputs -> documents.jsonl, failures.jsonl, hadath.db.

Output folder:

``documents.jsonl``
    One ``hadath.document/1`` object a line, in input order, ids kept.
``failures.jsonl``
    ``{"id", "input", "error"}`` a line for every input that could not be analysed, in input order;
    ``input`` names that input (``file:line`` for JSONL) and so does the start of ``error``.
    Only live failures: at the end of every run (and at the start, after a
    kill) a failure whose id documents.jsonl now has, or a later failure line
    has, or whose input now has another id is removed (see "Failed inputs").
``hadath.db``
    SQLite (see :mod:`hadath.io.store`): documents and every extracted item.
``fingerprints.jsonl``
    ``{"id", "sha1", "src", "file"}`` a line for every input this folder's
    runs analysed or failed: the SHA-1 of what the analysis reads from it
    (the article data and the ``kind``, ``url``, ``published``,
    ``published_hint``, ``title``, ``author``, ``source`` fields, or the
    read error; not the path, so a moved corpus still resumes), the input's
    place and its resolved file (absent for ``-``; ``"dup": true`` on the
    line of a duplicate-id failure). Written before the input's document or
    failure line, and again when a done input is met at a new place (never
    a line that repeats what the file already says); the last line of an id
    wins. Lines of older runs without ``src`` still work.

Ids: every document and failure line has an id no other line of the run has.
An input whose id an earlier input already used (the same explicit ``id`` twice)
is not analysed: it fails with the id ``"<id>@<input>"`` and an error naming
the input that has the id (its own read error added, if any), so it is neither
dropped in silence nor merged, and the earlier document keeps its id. A
generated id (``"x.jsonl:3"``, from a file name) that an earlier input took
(two folders holding ``x.jsonl``) is replaced by its path-qualified form
(``"corpus/b/x.jsonl:3"``, the record's ``alt_id``).

Generated ids are stable per output folder: an input is recognised across
runs by its place built from the resolved absolute path (the record's
``src``, recorded in fingerprints.jsonl), so it keeps the id it first got
whatever other inputs are given and however its path is spelled
(``mix/a1.txt`` then ``/abs/mix/a1.txt``). A new input takes the first of
its id, ``alt_id`` and ``src`` that neither this run nor an earlier run's
other input holds; it takes an earlier input's id only when it has that
input's fingerprint and that input's file no longer exists (a moved
corpus). So ``run d2`` then ``run d1 d2`` leaves the record of
``d2/feed.jsonl`` done under ``"feed.jsonl:1"`` and gives the one of
``d1/feed.jsonl`` the id ``"d1/feed.jsonl:1"``; a text file keeps the path
it was first given as (its id). A duplicate-id failure keeps its
``"<id>@<input>"`` the same way. Explicit ids never change.

Resume: killed at any point (even SIGKILL) and restarted with the same
output folder, the runner cuts a partial last line, takes the ids already
in documents.jsonl and failures.jsonl as done, brings hadath.db in line with
documents.jsonl (documents.jsonl is the ledger; the database is written
after it, chunk by chunk) and goes on with the inputs not done. No input is
lost and none is written twice. ``resume=False`` starts afresh.

Changed inputs: on resume an id documents.jsonl already has whose
fingerprint differs from the one recorded (e.g. record ``a1`` now has
another text) is neither skipped in silence nor analysed again
(documents.jsonl is append-only and its ids unique): it is refused with the
warning ``"<input>: id <id>: input changed since the earlier run; not
re-analysed (use --no-resume or a new --out)"`` on stderr, counted in
:attr:`BatchResult.changed` (``hadath run`` names them in its summary and
exits 1) and listed in :attr:`BatchResult.changed_inputs`; it is not a
failure of the input, so failures.jsonl does not list it. An id done by a
run that recorded no fingerprint (older hadath) is skipped as before.

Failed inputs: an id failures.jsonl has whose fingerprint differs from the
recorded one (an empty file filled, a broken JSONL line repaired) is
analysed again (:attr:`BatchResult.retried`); its old failure line is
removed at the end of the run, replaced by its document or by its new
failure line. A failure whose input (same ``src``) now has another id (a
repaired line that holds an ``id``) and whose own id no input of the run
has is removed too. Unchanged failures are skipped, unless the run is asked
to retry failures (``retry_failed``, ``hadath run --retry-failed``: after
upgrading hadath, say): then every earlier failure of an input of this run
is analysed again, and replaced the same way.

The process pool lives here (:func:`parallel_analyze`, used by
:func:`hadath.analyze_many`): workers are forked after the pipeline is built,
so they share its loaded resources; results come back in input order with a
bounded number of chunks in flight; a worker that dies (e.g. killed for
memory) fails only the record it was working on.
"""
from __future__ import annotations

import collections
import gc
import json
import os
import signal
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hadath.settings import Settings

__all__ = ["BatchError", "BatchResult", "run_batch", "parallel_analyze", "peak_rss_mb", "check_output",
           "fingerprint"]

DOCUMENTS = "documents.jsonl"
FAILURES = "failures.jsonl"
DATABASE = "hadath.db"
FINGERPRINTS = "fingerprints.jsonl"

#: Record keys whose content makes the fingerprint of an input (see the module docstring).
_FINGERPRINT_KEYS = ("data", "error", "kind", "url", "published", "published_hint", "title", "author", "source")


class BatchError(Exception):
    """A usage problem that stops the batch before it starts (bad output folder, missing input)."""


@dataclass
class BatchResult:
    """Figures of one ``run_batch`` call.

    Attributes:
        ok: Documents written by this call.
        failed: Failures written by this call.
        skipped: Inputs skipped because an earlier run had done them.
        total_documents: Lines in documents.jsonl at the end.
        total_failures: Lines in failures.jsonl at the end.
        seconds: Wall-clock time of this call (s).
        sentences: Sentences in the documents written by this call.
        peak_rss_main_mb: Peak resident memory of this process (MiB).
        peak_rss_worker_mb: Peak resident memory of the largest worker (MiB; 0 without workers).
        out: The output folder.
        skipped_failed: Of ``skipped``, the inputs an earlier run recorded as failures.
        earlier_failures: Lines of failures.jsonl at the end written by earlier
            runs (failures of inputs analysed again by this call left out).
        empty_inputs: INPUT arguments in which no article was found (an empty
            folder, an empty JSONL file...).
        changed: Inputs refused because an earlier run analysed the same id
            from a different content (see the module docstring).
        changed_inputs: ``(id, input)`` of those inputs, in input order.
        retried: Inputs an earlier run recorded as failures that were analysed
            again (counted in ``ok`` or ``failed`` too): those that had changed
            since, and with ``retry_failed`` the unchanged ones.
        retried_changed: Of ``retried``, those whose input had changed since.
    """

    ok: int
    failed: int
    skipped: int
    total_documents: int
    total_failures: int
    seconds: float
    sentences: int
    peak_rss_main_mb: float
    peak_rss_worker_mb: float
    out: Path
    skipped_failed: int = 0
    earlier_failures: int = 0
    empty_inputs: tuple[str, ...] = ()
    changed: int = 0
    changed_inputs: tuple[tuple[str, str], ...] = ()
    retried: int = 0
    retried_changed: int = 0

    @property
    def this_run_failed(self) -> bool:
        """True when an input of this call failed (now, or in an earlier run and was skipped) or was refused as changed."""
        return bool(self.failed or self.skipped_failed or self.changed)

    @property
    def articles_per_s(self) -> float:
        """Articles (documents and failures) handled per second by this call."""
        return (self.ok + self.failed) / self.seconds if self.seconds > 0 else 0.0


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident set size (MiB) of this process and of its largest finished child."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return 0.0, 0.0
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / scale / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / scale / 1024)


# -- the process pool ----------------------------------------------------------------------------


#: Garbage-collector thresholds of a batch run (its workers, and the process itself while
#: it runs): the first generation is collected after 20,000 net container allocations
#: instead of 700. Analysing an article allocates and frees many small containers; with
#: the default, collections ran about once per article and took 0.22-0.29 ms of the
#: 3.2-4.2 ms of CPU per SaudiNewsNet article (times and quantities on), 0.01 ms with this
#: (the cyclic garbage held meanwhile is a few MB at most).
BATCH_GC_THRESHOLDS: tuple[int, int, int] = (20_000, 10, 10)


def _init_worker() -> None:
    """Worker start: die with the parent (Linux), leave Ctrl-C to the parent, batch GC thresholds."""
    gc.set_threshold(*BATCH_GC_THRESHOLDS)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover
            pass
        if os.getppid() == 1:  # the parent died before prctl
            os._exit(1)


def _analyze_chunk(records: list[dict[str, Any]], settings: Settings, as_json: bool = False,
                   encode: Callable[[Any], Any] | None = None) -> list[tuple[str, Any]]:
    from hadath.pipeline import analyze_records

    return analyze_records(records, settings, as_json=as_json, encode=encode)


def _chunks(it: Iterable[Any], n: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for x in it:
        chunk.append(x)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def parallel_analyze(records: Iterable[dict[str, Any]], *, n_process: int, settings: Settings,
                     chunksize: int = 8, as_json: bool = False,
                     encode: Callable[[Any], Any] | None = None) -> Iterator[tuple[str, Any]]:
    """Analyse records in ``n_process`` worker processes; yield results in input order.

    At most ``2 * n_process`` chunks are in flight, so ``records`` is consumed
    only slightly ahead of the output.

    Args:
        records: Dicts of :meth:`~hadath.pipeline.Pipeline.analyze` keyword arguments.
        n_process: Number of worker processes (>= 1).
        settings: Pipeline settings.
        chunksize: Records per task.
        as_json: Workers send each document as its JSON text (see
            :func:`hadath.pipeline.analyze_record`).
        encode: Workers send ``encode(document)`` instead (a module-level
            function, so that it can be pickled).

    Yields:
        ``("ok", document_dict or JSON str)`` or ``("error", message)`` per record.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from hadath.pipeline import get_pipeline

    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    if ctx.get_start_method() == "fork":
        get_pipeline(settings)  # built once here, inherited by the forked workers
        gc.freeze()

    def executor() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=_init_worker)

    others = set(mp.active_children())  # (children that are not this pool's)
    ex = executor()
    pending: collections.deque = collections.deque()
    chunks = _chunks(records, max(1, chunksize))
    finished = False
    try:
        while True:
            while len(pending) < 2 * n_process:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, ex.submit(_analyze_chunk, chunk, settings, as_json, encode)))
            if not pending:
                finished = True
                return
            chunk, fut = pending.popleft()
            try:
                results = fut.result()
            except BrokenProcessPool:
                # A worker died: redo the pending chunks one record at a time in a fresh pool,
                # failing only the records that kill a worker again.
                ex.shutdown(wait=False, cancel_futures=True)
                redo = [chunk] + [c for c, _ in pending]
                pending.clear()
                ex = executor()
                for c in redo:
                    for rec in c:
                        try:
                            yield from ex.submit(_analyze_chunk, [rec], settings, as_json, encode).result()
                        except BrokenProcessPool:
                            ex.shutdown(wait=False, cancel_futures=True)
                            ex = executor()
                            name = rec.get("path") or rec.get("id") or "<input>"
                            yield "error", f"{name}: internal error: worker process died (out of memory?)"
                continue
            yield from results
    finally:
        if finished:
            ex.shutdown(wait=True)
        else:  # interrupted (Ctrl-C, an error, the consumer stopped): the chunks in flight are dropped
            _stop_pool(ex, others)
        if ctx.get_start_method() == "fork":
            gc.unfreeze()


def _stop_pool(ex: Any, others: set | None = None) -> None:
    """Stop a process pool now: cancel its queued chunks and terminate its workers.

    Waiting for the workers instead (``shutdown(wait=True)``) could hang after a
    Ctrl-C that struck the parent inside the pool's own machinery, with the
    workers blocked on the result pipe. The chunks in flight are lost, which a
    batch allows: their inputs were not written, so a resumed run analyses them.

    Args:
        ex: The ``ProcessPoolExecutor``.
        others: The live ``multiprocessing`` children from before the pool: any
            other child is taken as the pool's, so that a worker forked by a
            Ctrl-C-interrupted submit, before the pool recorded it, stops too.
    """
    import multiprocessing as mp

    procs = list((getattr(ex, "_processes", None) or {}).values())  # CPython's pid -> Process map
    if others is not None:
        procs += [p for p in mp.active_children() if p not in others and p not in procs]
    ex.shutdown(wait=False, cancel_futures=True)
    for _ in range(3):  # (a worker the pool forks while it stops is caught by the next pass)
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        for proc in procs:
            proc.join(timeout=5)
        if others is None:
            break
        procs = [p for p in mp.active_children() if p not in others]
        if not procs:
            break
        time.sleep(0.05)


# -- the batch -----------------------------------------------------------------------------------


def _check_paths(inputs: list[str], out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BatchError(f"{out}: output exists and is not a folder")
    out_r = out.resolve()
    for arg in inputs:
        if arg == "-":
            continue
        p = Path(arg)
        if not p.exists():
            raise BatchError(f"{arg}: no such file or folder")
        pr = p.resolve()
        if pr == out_r or (pr.is_dir() and pr in out_r.parents):
            raise BatchError(f"{out}: the output folder is inside the input {arg}; "
                             "choose an --out outside the inputs")
        if out_r in pr.parents:
            raise BatchError(f"{arg}: the input is inside the output folder {out}")


def _lock(out: Path):
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    fh = open(out / ".hadath.lock", "w")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise BatchError(f"{out}: another hadath run is writing to this folder") from None
    return fh


def _open_store(out: Path, docs_path: Path, doc_ids: set[str]):
    """Open hadath.db and make it hold exactly the documents of documents.jsonl."""
    from hadath.io.store import Store
    from hadath.io.writers import iter_jsonl_lines

    db_path = out / DATABASE
    try:
        store = Store(db_path)
        db_ids = store.ids()
    except sqlite3.DatabaseError:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        store = Store(db_path)
        db_ids = set()
    extra = db_ids - doc_ids
    if extra:
        store.delete(extra)
    missing = doc_ids - db_ids
    if missing and docs_path.exists():
        batch: list[dict[str, Any]] = []
        seqs: list[int] = []
        for seq, (rid, line) in enumerate(iter_jsonl_lines(docs_path)):
            if rid in missing:
                batch.append(json.loads(line))
                seqs.append(seq)
                if len(batch) >= 500:
                    store.add(batch, seqs=seqs)
                    batch, seqs = [], []
        if batch:
            store.add(batch, seqs=seqs)
    store.commit()
    return store


def fingerprint(rec: dict[str, Any]) -> str:
    """SHA-1 (hex) of what the analysis reads from a record (see the module docstring).

    Args:
        rec: A record of :mod:`hadath.io.readers` (``data`` as str or bytes).

    Returns:
        40 hex digits; the same for records that differ only in ``id``, ``input`` or ``path``.

    Example:
        >>> a = {"id": "a1", "data": "نص", "kind": "text", "path": "x.jsonl"}
        >>> fingerprint(a) == fingerprint({**a, "id": "b", "path": "y.jsonl"})
        True
        >>> fingerprint(a) == fingerprint({**a, "data": "نص آخر"})
        False
    """
    import hashlib

    h = hashlib.sha1()
    for key in _FINGERPRINT_KEYS:
        v = rec.get(key)
        if v is None:
            continue
        b = v if isinstance(v, (bytes, bytearray)) else str(v).encode("utf-8", "surrogatepass")
        h.update(f"{key}:{len(b)}:".encode())
        h.update(b)
    return h.hexdigest()


class _Fingerprints:
    """The fingerprints.jsonl sidecar: read back on open, appended line by line (line-buffered).

    Attributes:
        known: id -> SHA-1 (the last line of an id wins).
        owner: id -> ``(src, src_file)`` of the input that last had the id
            (lines of older runs, without ``src``, give none).
        by_src: ``src`` -> the id its input got (duplicate-id failures left out).
        dup_by_src: ``src`` -> the id of its input's duplicate-id failure.
    """

    def __init__(self, path: Path) -> None:
        self.known: dict[str, str] = {}
        self.owner: dict[str, tuple[str, str]] = {}
        self.by_src: dict[str, str] = {}
        self.dup_by_src: dict[str, str] = {}
        ends_clean = True
        if path.exists():
            raw = path.read_bytes()
            ends_clean = not raw or raw.endswith(b"\n")
            for line in raw.splitlines():
                try:
                    obj = json.loads(line)
                    rid = str(obj["id"])
                    self.known[rid] = str(obj["sha1"])
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut by a kill
                self._note(rid, obj.get("src"), obj.get("file"), bool(obj.get("dup")))
        self._fh = path.open("a", encoding="utf-8", buffering=1)
        if not ends_clean:
            self._fh.write("\n")

    def _note(self, rid: str, src: Any, file: Any, dup: bool) -> None:
        if isinstance(src, str) and src:
            self.owner[rid] = (src, file if isinstance(file, str) else "")
            (self.dup_by_src if dup else self.by_src)[src] = rid
        else:
            self.owner.pop(rid, None)

    def _current(self, rid: str, sha1: str, src: str | None, file: str | None, dup: bool) -> bool:
        """Whether a line for ``rid`` with these values is what the file already says."""
        if self.known.get(rid) != sha1:
            return False
        if not src:
            return rid not in self.owner
        return (self.owner.get(rid) == (src, file or "")
                and (self.dup_by_src if dup else self.by_src).get(src) == rid)

    def write(self, rid: str, sha1: str, src: str | None = None, file: str | None = None,
              dup: bool = False) -> None:
        if self._current(rid, sha1, src, file, dup):
            return  # the line would change nothing read back (a resumed or retried input): not repeated
        obj: dict[str, Any] = {"id": rid, "sha1": sha1}
        if src:
            obj["src"], obj["file"] = src, file or ""
        if dup:
            obj["dup"] = True
        self._fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.known[rid] = sha1
        self._note(rid, src, file, dup)

    def close(self) -> None:
        self._fh.close()


def _compact_failures(path: Path, doc_ids: set[str], stale: set[str] = frozenset()) -> int:
    """Keep in failures.jsonl only its live lines; return the number of lines dropped.

    A line is dropped when documents.jsonl has its id (an input that failed,
    was changed and then analysed), when a later line has its id (an input
    that failed again) or when its id is in ``stale``. The file is replaced
    atomically and only when a line is dropped; a partial last line (a kill)
    is left to :class:`~hadath.io.writers.JsonlLog`.
    """
    from hadath.io.writers import iter_jsonl_lines

    if not path.exists():
        return 0
    lines = list(iter_jsonl_lines(path))
    last = {rid: i for i, (rid, _) in enumerate(lines)}
    keep = [line for i, (rid, line) in enumerate(lines)
            if last[rid] == i and rid not in doc_ids and rid not in stale]
    if len(keep) == len(lines):
        return 0
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.writelines(keep)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return len(lines) - len(keep)


def _interrupt(signum, frame) -> None:
    """SIGTERM: stop like Ctrl-C (what is done is flushed)."""
    raise KeyboardInterrupt


def run_batch(
    inputs: list[str],
    out: str | os.PathLike,
    *,
    jobs: int | None = None,
    resume: bool = True,
    settings: Settings | None = None,
    progress: bool = True,
    chunksize: int = 8,
    flush_every: int = 64,
    flush_seconds: float = 2.0,
    stdin=None,
    retry_failed: bool = False,
) -> BatchResult:
    """Analyse every record of ``inputs`` into the folder ``out``.

    Args:
        inputs: INPUT arguments (see :mod:`hadath.io.readers`).
        out: Output folder (created when missing).
        jobs: Worker processes (None or 0: all local cores; 1: in this process).
        resume: Keep and skip what an earlier run in ``out`` wrote (else start afresh).
        settings: Pipeline settings.
        progress: Show a progress bar with articles/s on stderr.
        chunksize: Records per worker task.
        flush_every: Results between flushes of the output files (the most
            a kill can make a restart redo, per pending chunk).
        flush_seconds: Longest time between flushes (s).
        stdin: Binary stream read for ``-`` (default: ``sys.stdin.buffer``).
        retry_failed: Analyse again the inputs that failed in an earlier run
            even when they have not changed (see "Failed inputs" above).

    Returns:
        A :class:`BatchResult`.

    Raises:
        BatchError: For a missing input, an output folder inside an input (or
            the reverse) or a folder another run is writing to.
    """
    from hadath.io.readers import ANALYZE_KEYS, iter_input
    from hadath.io.store import N_SENTENCES, encode_document
    from hadath.io.writers import JsonlLog

    settings = settings or Settings()
    out = Path(out)
    _check_paths(inputs, out)
    out.mkdir(parents=True, exist_ok=True)
    lock = _lock(out)
    docs_path, fail_path = out / DOCUMENTS, out / FAILURES
    if not resume:
        for p in (docs_path, fail_path, out / DATABASE, out / (DATABASE + "-wal"), out / (DATABASE + "-shm"),
                  out / FINGERPRINTS):
            p.unlink(missing_ok=True)
    docs = JsonlLog(docs_path)
    _compact_failures(fail_path, docs.ids)  # a run killed before its own compaction
    fails = JsonlLog(fail_path)
    store = _open_store(out, docs_path, docs.ids)
    bulk = store.max_seq() < 0  # a fresh store: its item indexes are built once, at the end
    if bulk:
        store.defer_item_indexes()
    prints = _Fingerprints(out / FINGERPRINTS)
    changed: list[tuple[str, str]] = []
    done = docs.ids | fails.ids
    earlier_fail_ids = set(fails.ids)
    empty_inputs: list[str] = []
    n_jobs = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)

    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: the pool forks
    bar = tqdm(unit=" articles", file=sys.stderr, disable=not progress, dynamic_ncols=True,
               smoothing=0.05, mininterval=0.5)
    if done and progress:
        bar.write(f"hadath: resuming in {out}: {len(docs.ids)} documents and {len(fails.ids)} "
                  "failures already written, skipping them", file=sys.stderr)

    metas: collections.deque = collections.deque()
    seen: dict[str, str] = {}  # id -> the input that has it (ids of this run, done or not)
    run_src: dict[str, str] = {}  # src -> the id its input got in this run
    docs_written: set[str] = set()  # ids of the documents this run wrote
    gone: dict[str, bool] = {}  # src_file -> no longer exists
    counts = {"ok": 0, "failed": 0, "skipped": 0, "skipped_failed": 0, "sentences": 0, "retried": 0,
              "retried_changed": 0}
    pending_db: list[tuple[int, str, tuple, list[tuple]]] = []  # (seq, input, document row, item rows)
    state = {"last": time.monotonic(), "since": 0}

    def fail(rid: str, where: str, error: str) -> None:
        fails.write({"id": rid, "input": where, "error": error})
        counts["failed"] += 1
        bar.update(1)

    def records() -> Iterator[dict[str, Any]]:
        for arg in inputs:
            n = 0
            for rec in iter_input(arg, stdin=stdin):
                n += 1
                yield rec
            if n == 0:
                empty_inputs.append(arg)

    def early_failures() -> None:
        # inputs refused before analysis (unreadable, duplicate id) wait in ``metas`` with the
        # analysed ones, so that failures.jsonl, like documents.jsonl, is in input order
        while metas and metas[0][0] is None:
            fail(*metas.popleft()[1])

    def skip(rid: str) -> None:
        counts["skipped"] += 1
        if rid in fails.ids:
            counts["skipped_failed"] += 1

    def moved_away(file: str) -> bool:
        if not file:
            return False
        if file not in gone:
            gone[file] = not os.path.exists(file)
        return gone[file]

    def settle_id(rec: dict[str, Any], fp: str) -> str:
        # the id of an input (see "Generated ids" in the module docstring); an id already in
        # ``seen`` sends the input to the duplicate path
        rid, src = rec["id"], rec.get("src")
        if rec.get("explicit_id"):
            return rid
        if not src:  # standard input: no place to recognise
            if rid in seen and rec.get("alt_id") and rec["alt_id"] not in seen:
                rid = rec["alt_id"]
            return rid
        if src in run_src:  # the same input given twice (or spelled two ways)
            return run_src[src]
        known = prints.by_src.get(src)
        if known is not None and prints.owner.get(known, ("",))[0] == src and known not in seen:
            return known  # the id an earlier run gave this input
        for cand in (rid, rec.get("alt_id"), src):
            if not cand or cand in seen:
                continue
            own = prints.owner.get(cand)
            if own is None or own[0] == src:
                return cand  # free (or an id of an older run, which recorded no place)
            if prints.known.get(cand) == fp and moved_away(own[1]):
                return cand  # the input of an earlier run, moved: same content, its old file gone
        return rid

    def feed() -> Iterator[dict[str, Any]]:
        # ids are settled before the resume check, so a rerun gives every input the same id
        for rec in records():
            where, src = rec["input"], rec.get("src")
            fp = fingerprint(rec)
            rid = settle_id(rec, fp)
            if src:
                run_src.setdefault(src, rid)
            if rid in seen:
                first = seen[rid]
                fid, k = f"{rid}@{where}", 2
                old_fid = prints.dup_by_src.get(src) if src else None
                if old_fid and old_fid.startswith(f"{rid}@") and old_fid not in seen:
                    fid = old_fid  # the id an earlier run gave this failure, however the path is spelled
                while fid in seen:  # the same input given twice
                    fid, k = f"{rid}@{where}#{k}", k + 1
                seen[fid] = where
                if fid in done:
                    skip(fid)
                    continue
                prints.write(fid, fp, src, rec.get("src_file"), dup=True)
                own = f"; it is also unreadable: {rec['error']}" if "error" in rec else ""
                which = "the same input, given twice," if first == where else f"the earlier input {first}"
                metas.append((None, (fid, where, f"{where}: duplicate id {rid!r}: {which} has it; not analysed{own}")))
                continue
            seen[rid] = where
            if rec.get("alt_id") and not src:
                seen.setdefault(rec["alt_id"], where)  # the same input given twice is a duplicate too
            if rid in done:
                old = prints.known.get(rid)
                if retry_failed and rid in earlier_fail_ids and rid not in docs.ids:
                    counts["retried"] += 1  # asked for: an earlier failure analysed again
                    if old is not None and old != fp:
                        counts["retried_changed"] += 1
                elif old is not None and old != fp:
                    if rid in docs.ids:
                        changed.append((rid, where))
                        bar.write(f"hadath: warning: {where}: id {rid}: input changed since the earlier run; "
                                  "not re-analysed (use --no-resume or a new --out)", file=sys.stderr)
                        continue
                    counts["retried"] += 1  # an earlier failure whose input has changed: analysed again
                    counts["retried_changed"] += 1
                else:
                    if src and not rec.get("explicit_id") and prints.owner.get(rid, ("",))[0] != src \
                            and old is not None:
                        prints.write(rid, fp, src, rec.get("src_file"))  # moved, or done by an older run
                    skip(rid)
                    continue
            prints.write(rid, fp, src, rec.get("src_file"))  # before the input's document or failure line
            if "error" in rec:
                metas.append((None, (rid, where, f"{where}: {rec['error']}")))
                continue
            metas.append((rid, where, rec.get("path")))  # matched with the workers' results, in order
            kw = {k: rec[k] for k in ANALYZE_KEYS if k in rec}
            kw["id"] = rid
            yield kw

    def flush(force: bool = False) -> None:
        now = time.monotonic()
        if not force and state["since"] < flush_every and now - state["last"] < flush_seconds:
            return
        docs.flush()
        fails.flush()
        if pending_db:
            store.add_rows(pending_db, fresh=bulk)  # a fresh store gets new ids only
            pending_db.clear()
        store.commit()
        state["last"], state["since"] = now, 0

    start = time.monotonic()
    old_gc = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLDS)  # restored at the end (a caller's process)
    old_term = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread
        old_term = None
    try:
        if n_jobs == 1:
            # chunks run stage by stage, as in the workers (hadath.pipeline.analyze_records)
            results = (res for chunk in _chunks(feed(), chunksize) for res in _analyze_chunk(chunk, settings,
                                                                                            encode=encode_document))
        else:
            results = parallel_analyze(feed(), n_process=n_jobs, settings=settings, chunksize=chunksize,
                                       encode=encode_document)
        for status, value in results:
            early_failures()
            rid, where, path = metas.popleft()
            if status == "ok":
                # the worker wrote the document's JSON text and its store rows (encode_document)
                text, drow, irows = value
                docs_written.add(rid)
                pending_db.append((docs.lines, where, drow, irows))
                docs.write_line(text + "\n")
                counts["ok"] += 1
                counts["sentences"] += drow[N_SENTENCES]
                bar.update(1)
            else:
                for name in (rid, path):  # name the input (file:line), not only its id or file
                    if name and where != name and value.startswith(f"{name}: "):
                        value = f"{where}: {value[len(name) + 2:]}"
                        break
                fail(rid, where, value)
            state["since"] += 1
            flush()
            if counts["failed"]:
                bar.set_postfix(failed=counts["failed"], refresh=False)
        early_failures()  # refused inputs after the last analysed one
        if counts["failed"]:  # (the bar's count as the summary's: those refused last included)
            bar.set_postfix(failed=counts["failed"], refresh=True)
    finally:
        gc.set_threshold(*old_gc)
        if old_term is not None:
            signal.signal(signal.SIGTERM, old_term)
        flush(force=True)
        bar.close()
        docs.close()
        fails.close()
        # failures of earlier runs that no longer hold: analysed again (now a document, or a
        # newer failure line), or their input now has another id and theirs was not met
        stale = {fid for fid in earlier_fail_ids - seen.keys()
                 if (own := prints.owner.get(fid)) and own[0] in run_src and run_src[own[0]] != fid}
        dropped = _compact_failures(fail_path, docs.ids | docs_written, stale)
        if bulk:
            store.build_item_indexes()
        store.close()
        prints.close()
        if lock is not None:
            lock.close()
    total_failures = fails.lines - dropped
    main_mb, worker_mb = peak_rss_mb()
    return BatchResult(
        ok=counts["ok"], failed=counts["failed"], skipped=counts["skipped"],
        total_documents=docs.lines, total_failures=total_failures, seconds=time.monotonic() - start,
        sentences=counts["sentences"], peak_rss_main_mb=main_mb, peak_rss_worker_mb=worker_mb, out=out,
        skipped_failed=counts["skipped_failed"], earlier_failures=total_failures - counts["failed"],
        empty_inputs=tuple(empty_inputs), changed=len(changed), changed_inputs=tuple(changed),
        retried=counts["retried"], retried_changed=counts["retried_changed"],
    )


def check_output(out: str | os.PathLike, *, schema: bool = False) -> dict[str, Any]:
    """Check a batch output folder: unique ids, the span invariant on every document, the database.

    The ids of failures.jsonl are checked too: none may also be a document's
    id or appear twice (``failure_id_clashes`` counts such lines).

    Args:
        out: A folder written by :func:`run_batch`.
        schema: Also validate every document against the JSON Schema (slower).

    Returns:
        ``{"documents", "unique_ids", "failures", "failure_id_clashes", "span_errors" (count),
        "first_errors" (list of str), "db_documents", "db_items", "schema_errors"}``.
    """
    from hadath.document import check_spans, load_schema

    validator = None
    if schema:
        import jsonschema

        validator = jsonschema.validators.validator_for(load_schema())(load_schema())
    out = Path(out)
    ids: set[str] = set()
    n = span_errors = schema_errors = 0
    first: list[str] = []
    with (out / DOCUMENTS).open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            n += 1
            ids.add(doc["id"])
            errs = check_spans(doc)
            if errs:
                span_errors += 1
                if len(first) < 5:
                    first.append(f"{doc['id']}: {errs[0]}")
            if validator is not None:
                err = next(iter(validator.iter_errors(doc)), None)
                if err is not None:
                    schema_errors += 1
                    if len(first) < 5:
                        loc = "/".join(str(p) for p in err.absolute_path)
                        first.append(f"{doc['id']}: schema error at /{loc}: {err.message}")
    fails = clashes = 0
    fail_ids: set[str] = set()
    if (out / FAILURES).exists():
        from hadath.io.writers import iter_jsonl_lines

        for fid, _ in iter_jsonl_lines(out / FAILURES):  # complete lines (a kill may cut the last)
            fails += 1
            if fid in ids or fid in fail_ids:
                clashes += 1
            fail_ids.add(fid)
    db = sqlite3.connect(out / DATABASE)
    try:
        db_docs = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        db_items = db.execute("SELECT COUNT(*) FROM items").fetchone()[0]
    finally:
        db.close()
    return {"documents": n, "unique_ids": len(ids), "failures": fails, "failure_id_clashes": clashes,
            "span_errors": span_errors,
            "schema_errors": schema_errors, "first_errors": first, "db_documents": db_docs, "db_items": db_items}
