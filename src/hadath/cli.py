"""Command-line interface ``hadath``: analyze, run, ner, export.

* ``hadath analyze PATH|-`` prints one document as JSON.
* ``hadath run INPUT... --out DIR`` analyses a corpus into documents.jsonl,
  failures.jsonl and hadath.db, resumable.
* ``hadath ner --conll IN`` and ``hadath export DOCUMENTS.jsonl --format
  plover|csv`` call modules loaded only when the command runs.

Exit codes: 0 ok, 1 some input failed (a one-line ``hadath: error: <input>:
<problem>`` on stderr, never a traceback; set ``HADATH_DEBUG=1`` to see
one), 2 usage error.
"""
from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import click

from hadath import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _die(message: str, code: int = 1) -> None:
    """Print ``hadath: error: <message>`` (one line) on stderr and exit."""
    click.echo(f"hadath: error: {' '.join(str(message).split())}", err=True)
    sys.exit(code)


def _read_bytes(path: str, name: str, folder_problem: str) -> bytes:
    """The bytes of ``path`` (``-``: standard input); a one-line error naming ``name`` otherwise."""
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        with open(path, "rb") as fh:
            return fh.read()
    except IsADirectoryError:
        _die(f"{name}: {folder_problem}")
    except FileNotFoundError:
        _die(f"{name}: no such file")
    except OSError as e:
        _die(f"{name}: cannot read ({e.strerror or e})")
    raise AssertionError("unreachable")  # _die exits


def _debug() -> bool:
    return os.environ.get("HADATH_DEBUG", "") not in ("", "0")


def _iso(ctx, param, value):
    if value is None:
        return None
    try:
        datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date or time "
                                 "(e.g. 2016-06-08T11:39:00+02:00)") from None
    return value.strip()


def _settings(config: str | None, include: tuple[str, ...]):
    from hadath.settings import load_settings

    try:
        return load_settings(config, include_tokens=True if "tokens" in include else None)
    except ValueError as e:  # "<file>: <key>: <problem>"
        _die(f"--config {e}", 2)
    except OSError as e:
        _die(f"--config {config}: cannot read ({e.strerror or e})", 2)


_config_option = click.option("--config", type=click.Path(dir_okay=False), default=None,
                              help="TOML settings file ([hadath] table, see hadath.settings).")
_include_option = click.option("--include", type=click.Choice(["tokens"]), multiple=True,
                               help="Add optional parts to each document (tokens).")


#: The bundled sample article and the page it was copied from (its outlet sets the time zone).
EXAMPLE_FILE = "sample_masrawy_2016-06-08.txt"
EXAMPLE_URL = "https://www.masrawy.com/news/news_publicaffairs/details/2016/6/8/foreign-fighters"


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="hadath")
def cli() -> None:
    """hadath: Arabic news to structured, sourced event data (JSON with character offsets)."""


@cli.command(context_settings=CONTEXT, short_help="Analyse one article, print its JSON document.")
@click.argument("path", required=False)
@click.option("--example", is_flag=True,
              help="Analyse the bundled sample article (Masrawy, 8 June 2016) instead of PATH.")
@click.option("--url", help="Address of the page (outlet and its time zone).")
@click.option("--published", callback=_iso, metavar="ISO",
              help="Publication time, reference for relative dates (ISO 8601).")
@click.option("--source", help="Outlet name or id.")
@click.option("--title", help="Headline, when given apart from the text.")
@click.option("--now", callback=_iso, metavar="ISO",
              help='When the page was fetched, to resolve dates such as "منذ ساعتين" on it (ISO 8601).')
@_include_option
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
@click.option("--out", "out", default="-", metavar="FILE|-", show_default=True,
              help="Write the JSON here ('-': standard output).")
@_config_option
def analyze(path: str | None, example, url, published, source, title, now, include, pretty, out,
            config) -> None:
    """Analyse one article (a text or HTML file, or - for stdin) and print its JSON document.

    A .json, .jsonl, .csv, .tsv or .zip file is read as hadath run reads it: its one
    article is analysed with its fields (id, url, published, title ...; the
    options given here win); a file with more articles is refused (use hadath run).
    """
    settings = _settings(config, include)
    if example == (path is not None):
        raise click.UsageError("give either PATH (a file, or - for stdin) or --example")
    if example:
        from importlib import resources

        path = "<bundled sample: masrawy_2016-06-08>"
        url = url or EXAMPLE_URL
    name = path
    if example:
        data = resources.files("hadath.data").joinpath(EXAMPLE_FILE).read_bytes()
    else:
        data = _read_bytes(path, name, f"is a folder (use 'hadath run {name} --out DIR' for many articles)")
    from hadath.io.ingest import InputError
    from hadath.io.writers import write_json
    from hadath.pipeline import get_pipeline

    fields: dict = {}
    from hadath.io.readers import RECORD_SUFFIXES

    if path and path != "-" and not example and Path(path).suffix.lower() in RECORD_SUFFIXES:
        fields = _one_record(path)  # a JSON/JSONL/CSV/zip file: its one article, with its fields
        data = fields.pop("data")
    given = {"url": url, "published": published, "source": source, "title": title}
    fields.update({k: v for k, v in given.items() if v is not None})  # the command line wins
    try:
        doc = get_pipeline(settings).analyze(data, path=path, now=datetime.fromisoformat(now.replace("Z", "+00:00"))
                                             if now else None, **fields)
    except InputError as e:
        _die(str(e))
    except Exception as e:  # noqa: BLE001 - one line, never a traceback
        if _debug():
            raise
        _die(f"{name}: internal error: {type(e).__name__}: {e}")
    for w in doc.warnings:
        click.echo(f"hadath: warning: {name}: {w}", err=True)
    try:
        write_json(doc.to_dict(), out, pretty=pretty)
    except BrokenPipeError:
        os._exit(0)
    except OSError as e:
        _die(f"{out}: cannot write ({e.strerror or e})")


def _one_record(path: str) -> dict:
    """The one article of a JSON/JSONL/CSV/zip file as :meth:`Pipeline.analyze` keywords; exits otherwise."""
    from itertools import islice

    from hadath.io.readers import ANALYZE_KEYS, iter_input

    recs = list(islice(iter_input(path), 2))
    if not recs:
        _die(f"{path}: no article in the file")
    if len(recs) > 1:
        _die(f"{path}: holds more than one article; use 'hadath run {path} --out DIR'")
    (rec,) = recs
    if "error" in rec:
        _die(f"{rec.get('input') or path}: {rec['error']}")
    return {k: rec[k] for k in ANALYZE_KEYS if k not in ("path",) and rec.get(k) is not None}


@cli.command(context_settings=CONTEXT, short_help="Analyse a corpus into documents.jsonl and hadath.db.")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Output folder: documents.jsonl, failures.jsonl, hadath.db.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes (0: all local cores).")
@click.option("--resume/--no-resume", default=True, show_default=True,
              help="Skip what an earlier run in DIR wrote / start afresh.")
@click.option("--retry-failed", is_flag=True,
              help="On resume, analyse again the inputs of failures.jsonl (e.g. after upgrading hadath).")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress bar with articles/s on stderr.")
@_include_option
@_config_option
def run(inputs, out, jobs, resume, retry_failed, progress, include, config) -> None:
    """Analyse many articles: files, folders, JSONL, JSON arrays, SaudiNewsNet zips, or - (stdin).

    Writes DIR/documents.jsonl (input order, ids kept), DIR/failures.jsonl and
    DIR/hadath.db (SQLite). Killed and restarted with the same --out, it
    resumes; an id done earlier whose input has changed since (another text,
    title...) is refused with a warning and named in the summary, not
    re-analysed (use --no-resume or a new --out), while a failed input that
    has changed since is analysed again (with --retry-failed, every earlier
    failure is). CSV files with a text, content or html column are read one
    article a row. Exit code 1 when an input of this run failed (now, or in an
    earlier run into the same --out), was refused as changed, or an INPUT
    held no article; failures that earlier runs recorded for other inputs
    are reported, not counted.
    """
    settings = _settings(config, include)
    from hadath.batch import BatchError, run_batch

    try:
        res = run_batch(list(inputs), out, jobs=jobs, resume=resume, settings=settings, progress=progress,
                        retry_failed=retry_failed)
    except BatchError as e:
        _die(str(e), 2)
    except OSError as e:  # the output folder or a file in it cannot be made or written
        where = e.filename or out
        _die(f"{where}: cannot write the output ({e.strerror or e})", 2)
    except KeyboardInterrupt:
        click.echo(f"hadath: interrupted; run the same command again to resume in {out}", err=True)
        sys.exit(130)
    except Exception as e:  # noqa: BLE001
        if _debug():
            raise
        _die(f"{out}: internal error: {type(e).__name__}: {e}")
    for arg in res.empty_inputs:
        click.echo(f"hadath: warning: no articles found in {arg}", err=True)
    sps = res.sentences / res.seconds if res.seconds > 0 else 0.0
    rates = (f", {res.articles_per_s:.1f} articles/s, {sps:.0f} sentences/s"
             if res.ok + res.failed else "")  # no rate for a run that analysed nothing
    skipped = f"{res.skipped} already done"
    if res.skipped_failed:
        skipped += f" ({res.skipped_failed} of them failures)"
    if res.retried_changed:
        skipped += f", {res.retried_changed} earlier failures changed and analysed again"
    if res.retried > res.retried_changed:  # --retry-failed: unchanged failures analysed again
        skipped += f", {res.retried - res.retried_changed} unchanged earlier failures retried"
    if res.changed:
        skipped += f", {res.changed} refused: input changed since the earlier run"
    click.echo(
        f"hadath: {res.total_documents} documents, {res.total_failures} failures in {out} "
        f"(this run: {res.ok} written, {res.failed} failed, {skipped}; "
        f"{res.seconds:.1f} s{rates}; "
        f"peak RSS {res.peak_rss_main_mb:.0f} MiB main, {res.peak_rss_worker_mb:.0f} MiB largest worker)",
        err=True,
    )
    shown = 20
    for rid, where in res.changed_inputs[:shown]:
        click.echo(f"hadath: refused: {where} (id {rid}): input changed since the earlier run; "
                   "not re-analysed, not in failures.jsonl (use --no-resume or a new --out)", err=True)
    if res.changed > shown:
        click.echo(f"hadath: ... and {res.changed - shown} more refused (each warned above)", err=True)
    if res.earlier_failures and not res.this_run_failed:
        click.echo(f"hadath: {res.earlier_failures} failures from earlier runs in "
                   f"{os.path.join(out, 'failures.jsonl')}", err=True)
    # exit 1 when an input of this run failed (now or in an earlier run), was refused as changed,
    # or held no article
    sys.exit(1 if res.this_run_failed or res.empty_inputs else 0)


#: Entity types of the ANERcorp tag set (what ``hadath ner`` writes in PRED) and accepted gold spellings.
NER_TYPES = ("PERS", "LOC", "ORG", "MISC")
_NER_TYPE_ALIASES = {"PER": "PERS"}  # CoNLL-2003 / AQMAR spelling of the person type


def check_conll(text: str, name: str, *, skip_malformed: bool = False) -> tuple[str, list[str]]:
    """Check "token TAG" lines and bring the tags to the ANERcorp tag set.

    Every non-blank line must have exactly two whitespace-separated columns, the
    tag ``O`` or ``B-``/``I-`` + PERS, LOC, ORG or MISC (``I-`` after ``O`` is
    fine: it starts an entity, as in CoNLL scoring). Gold ``PER`` is read as
    ``PERS``. ``-DOCSTART-`` lines are read as sentence breaks.

    Args:
        text: The decoded input.
        name: The input's name for messages.
        skip_malformed: Drop bad lines (one warning each) instead of stopping.

    Returns:
        ``(checked text, warnings)``; the text has one "token TAG" line per token.

    Raises:
        ValueError: At the first bad line: ``"<name>: line <n>: <problem>"``.

    Example:
        >>> check_conll("باراك B-PER\\nأوباما I-PER\\n\\nفي O\\n", "x.conll")
        ('باراك B-PERS\\nأوباما I-PERS\\n\\nفي O\\n', [])
        >>> check_conll("واشنطن LOC\\n", "x.conll")
        Traceback (most recent call last):
        ValueError: x.conll: line 1: tag 'LOC' is not a BIO tag of the ANERcorp set (O, or B-/I- + PERS, LOC, ORG, MISC)
    """
    import re

    tag_rx = re.compile(r"(O)|([BI])-([A-Z]+)")
    out: list[str] = []
    warnings: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            out.append("")
            continue
        problem = None
        if len(parts) != 2:
            what = "a token or a tag alone" if len(parts) == 1 else f"{len(parts)} columns"
            problem = f"expected 2 columns (token TAG), found {what}: {line.strip()!r}"
        else:
            tok, tag = parts
            m = tag_rx.fullmatch(tag)
            kind = _NER_TYPE_ALIASES.get(m[3], m[3]) if m and m[3] else None
            if not m or (kind is not None and kind not in NER_TYPES):
                problem = (f"tag {tag!r} is not a BIO tag of the ANERcorp set "
                           f"(O, or B-/I- + {', '.join(NER_TYPES)})")
            else:
                out.append(f"{tok} {'O' if m[1] else f'{m[2]}-{kind}'}")
        if problem:
            if not skip_malformed:
                raise ValueError(f"{name}: line {n}: {problem}")
            warnings.append(f"{name}: line {n}: {problem}; line skipped")
    return "\n".join(out) + "\n", warnings


@cli.command(context_settings=CONTEXT, short_help="Tag a CoNLL file with the NER model.")
@click.option("--conll", "in_path", required=True, metavar="IN|-",
              help='CoNLL file of "token TAG" lines (- for stdin); tags O, B-/I- + PERS (or PER), LOC, ORG, MISC. '
                   'A file of tokens only (one column) is tagged as raw text.')
@click.option("--out", "out_path", default="-", show_default=True, metavar="OUT|-",
              help='Write "token GOLD PRED" lines here ("token PRED" for a one-column input).')
@click.option("--skip-malformed", is_flag=True,
              help="Drop malformed lines with a warning each instead of stopping at the first.")
def ner(in_path, out_path, skip_malformed) -> None:
    """Tag a CoNLL file with the shipped NER model (token GOLD PRED lines).

    PRED and GOLD are in the ANERcorp tag set (B/I-PERS, LOC, ORG, MISC, O), with
    the person type spelt as the input spells it: a gold file in the CoNLL-2003
    spelling (B-PER/I-PER) gets B-PER/I-PER in both columns. A malformed line (not two
    columns, a tag outside the set) stops with an error naming the line.
    A file whose every line holds one column (tokens, no gold tags; blank
    lines end sentences) is tagged as raw text: "token PRED" lines. A file
    that is not UTF-8 (CP1256, ISO-8859-6, UTF-16 ...) is decoded as the
    other inputs are, with a warning naming the encoding.
    """
    import tempfile

    name = "<stdin>" if in_path == "-" else in_path
    try:
        from hadath.extract.entities.ner_model import tag_conll
    except ImportError as e:
        _die(f"ner: the NER model module is not available ({e})")
    data = _read_bytes(in_path, name, "is a folder, not a CoNLL file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:  # a legacy Arabic encoding (CP1256, ISO-8859-6, UTF-16 ...)
        from hadath.io.decode import decode_bytes
        from hadath.io.ingest import InputError

        try:
            dec = decode_bytes(data, name=name, max_bytes=max(len(data), 1))
        except InputError as err:
            _die(f"{err} (not UTF-8 either: {e.reason} at byte {e.start})")
        if dec.encoding.split("+")[0] in ("utf-8", "utf_8"):
            _die(f"{name}: not UTF-8 text ({e.reason} at byte {e.start})")
        click.echo(f"hadath: warning: {name}: not UTF-8; read as {dec.encoding}", err=True)
        text = dec.text
    rows = [ln.split() for ln in text.splitlines()]
    token_rows = [r for r in rows if r and r[0] != "-DOCSTART-"]
    if not token_rows:
        _die(f"{name}: no tokens (expected 'token' or 'token TAG' lines)")
    raw = all(len(r) == 1 for r in token_rows)  # tokens only, no gold tags: write "token PRED"
    if raw:
        checked = "\n".join(f"{r[0]} O" if r and r[0] != "-DOCSTART-" else "" for r in rows) + "\n"
        warnings: list[str] = []
    else:
        try:
            checked, warnings = check_conll(text, name, skip_malformed=skip_malformed)
        except ValueError as e:
            _die(str(e))
    for w in warnings:
        click.echo(f"hadath: warning: {w}", err=True)
    if not any(ln.strip() for ln in checked.splitlines()):
        _die(f"{name}: no tokens left after skipping malformed lines")
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".conll", delete=False) as tmp:
        tmp.write(checked)
    # the input's spelling of the person type (CoNLL-2003 PER), written back in both columns
    per_spelling = not raw and any(len(r) == 2 and r[1][2:] == "PER" for r in token_rows)
    target = out_path
    if raw or per_spelling:  # tag into a scratch file, then drop the placeholder gold column / respell
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".conll", delete=False) as scratch:
            target = scratch.name
    try:
        n = tag_conll(tmp.name, target)
        if raw or per_spelling:
            with open(target, encoding="utf-8") as fh:
                if raw:
                    tagged = "".join(f"{p[0]} {p[-1]}\n" if len(p := ln.split()) >= 3 else "\n" for ln in fh)
                else:
                    tagged = "".join(" ".join([p[0]] + [t[:-1] if t.endswith("-PERS") else t for t in p[1:]]) + "\n"
                                     if (p := ln.split()) else "\n" for ln in fh)
            if out_path == "-":
                sys.stdout.write(tagged)
                sys.stdout.flush()
            else:
                with open(out_path, "w", encoding="utf-8") as fh:
                    fh.write(tagged)
    except OSError as e:
        if e.filename == out_path:
            _die(f"{out_path}: cannot write ({e.strerror or e})")
        _die(f"{name}: {str(e).replace(tmp.name, name)}")
    except ValueError as e:
        msg = str(e).replace(tmp.name, name)
        _die(msg if msg.startswith(name) else f"{name}: {msg}")
    except Exception as e:  # noqa: BLE001
        if _debug():
            raise
        _die(f"{name}: internal error: {type(e).__name__}: {str(e).replace(tmp.name, name)}")
    finally:
        os.unlink(tmp.name)
        if raw or per_spelling:
            os.unlink(target)
    if n is not None and out_path != "-":
        click.echo(f"hadath: tagged {n} tokens -> {out_path}", err=True)


@cli.command(context_settings=CONTEXT, short_help="Export events as PLOVER records or CSV.")
@click.argument("documents", metavar="DOCUMENTS.jsonl|DIR|-")
@click.option("--format", "fmt", type=click.Choice(["plover", "csv"]), required=True,
              help="plover: PLOVER JSON records; csv: one event a row.")
@click.option("--out", "out_path", default="-", show_default=True, metavar="OUT|-",
              help="Write here ('-': standard output).")
def export(documents, fmt, out_path) -> None:
    """Export the events of a documents.jsonl (from hadath run) as PLOVER records or CSV.

    DOCUMENTS is the documents.jsonl file, the output folder of 'hadath run'
    (its documents.jsonl is read) or - (standard input).
    """
    try:
        from hadath.extract.events.export import export as do_export
    except ImportError as e:
        _die(f"export: the event export module is not available ({e})")
    documents = _documents_file(documents)
    try:
        raw = sys.stdin.buffer.read() if documents == "-" else open(documents, "rb").read()
    except OSError as e:
        _die(f"{documents}: cannot read ({e.strerror or e})")
    good, skipped = _good_document_lines(raw)
    if skipped and not good.strip():
        lineno, reason = skipped[0]
        _die(f"{documents}: not a documents.jsonl of hadath: none of its {len(skipped)} lines is a document "
             f"(line {lineno}: {reason})")
    for lineno, reason in skipped[:_MAX_LINE_WARNINGS]:
        click.echo(f"hadath: warning: {documents}:{lineno}: skipped: {reason}", err=True)
    if len(skipped) > _MAX_LINE_WARNINGS:
        click.echo(f"hadath: warning: {documents}: {len(skipped) - _MAX_LINE_WARNINGS} more bad lines skipped",
                   err=True)
    if out_path != "-":
        parent = os.path.dirname(os.path.abspath(out_path))
        if os.path.isdir(out_path):
            _die(f"{out_path}: --out is a folder; give a file name")
        if not os.path.isdir(parent):
            _die(f"{out_path}: cannot write: folder {parent} does not exist")
    tmp = None
    source = documents
    if documents == "-" or skipped:  # hand the export the readable documents only
        import tempfile

        tmp = tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False)
        tmp.write(good)
        tmp.close()
        source = tmp.name
    try:
        n = do_export(source, fmt, out_path)
    except (OSError, ValueError) as e:
        msg = str(e).replace(source, documents)
        _die(msg if msg.startswith(documents) else f"{documents}: {msg}")
    except Exception as e:  # noqa: BLE001
        if _debug():
            raise
        _die(f"{documents}: internal error: {type(e).__name__}: {e}")
    finally:
        if tmp is not None:
            os.unlink(tmp.name)
    if skipped:
        click.echo(f"hadath: exported {n if isinstance(n, int) else 'the'} events of the other documents; "
                   f"{len(skipped)} bad line{'s' if len(skipped) > 1 else ''} of {documents} skipped", err=True)
        sys.exit(1)


#: Bad lines of a documents.jsonl named one by one by ``hadath export``; the rest are counted.
_MAX_LINE_WARNINGS = 10


def _documents_file(arg: str) -> str:
    """The documents.jsonl that ``arg`` names: the file itself, ``-``, or a run folder's ``documents.jsonl``;
    exits with a one-line error naming the path when there is none."""
    if arg == "-" or os.path.isfile(arg):
        return arg
    if os.path.isdir(arg):
        inner = os.path.join(arg, "documents.jsonl")
        if os.path.isfile(inner):
            return inner
        _die(f"{arg}: folder has no documents.jsonl (give the --out folder of 'hadath run' or its documents.jsonl)")
    _die(f"{arg}: no such file or folder")


def _good_document_lines(raw: bytes) -> tuple[bytes, list[tuple[int, str]]]:
    """Split a documents.jsonl into its readable documents and the bad lines.

    A JSON array or a single JSON document is passed through whole. In JSONL,
    a line that is not UTF-8, not JSON, or not a hadath document (an object
    with ``events``) is left out.

    Args:
        raw: The file's bytes.

    Returns:
        ``(good, skipped)``: the kept lines (bytes, newline-terminated) and
        ``(line number, full reason)`` for each line left out.
    """
    import json

    head = raw.lstrip()[:1]
    if not head or head == b"[":
        return raw, []
    try:
        json.loads(raw)
        return raw, []
    except (ValueError, UnicodeDecodeError):
        pass
    good: list[bytes] = []
    skipped: list[tuple[int, str]] = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as e:
            skipped.append((n, f"not UTF-8 text ({e.reason} at byte {e.start})"))
            continue
        except ValueError as e:
            skipped.append((n, f"not a JSON document ({e})"))
            continue
        if not isinstance(d, dict):
            skipped.append((n, f"expected a JSON object, got {type(d).__name__}"))
        elif "events" not in d:
            skipped.append((n, "not a hadath document (no 'events')"))
        else:
            good.append(line.rstrip(b"\r") + b"\n")
    return b"".join(good), skipped


def main() -> None:
    """Entry point of the ``hadath`` console script."""
    try:
        cli(prog_name="hadath")
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        os._exit(0)
