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

import click

from hadath import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _die(message: str, code: int = 1) -> None:
    """Print ``hadath: error: <message>`` (one line) on stderr and exit."""
    click.echo(f"hadath: error: {' '.join(str(message).split())}", err=True)
    sys.exit(code)


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
    except (OSError, ValueError) as e:
        raise click.UsageError(f"--config: {e}") from None


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
    """Analyse one article (a text or HTML file, or - for stdin) and print its JSON document."""
    settings = _settings(config, include)
    if example == (path is not None):
        raise click.UsageError("give either PATH (a file, or - for stdin) or --example")
    if example:
        from importlib import resources

        path = "<bundled sample: masrawy_2016-06-08>"
        url = url or EXAMPLE_URL
    name = path
    try:
        if example:
            data = resources.files("hadath.data").joinpath(EXAMPLE_FILE).read_bytes()
        elif path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except IsADirectoryError:
        _die(f"{name}: is a folder (use 'hadath run {name} --out DIR' for many articles)")
    except FileNotFoundError:
        _die(f"{name}: no such file")
    except OSError as e:
        _die(f"{name}: cannot read ({e.strerror or e})")
    from hadath.io.ingest import InputError
    from hadath.io.writers import write_json
    from hadath.pipeline import get_pipeline

    try:
        doc = get_pipeline(settings).analyze(data, url=url, published=published, source=source, title=title,
                                             path=path, now=datetime.fromisoformat(now.replace("Z", "+00:00"))
                                             if now else None)
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


@cli.command(context_settings=CONTEXT, short_help="Analyse a corpus into documents.jsonl and hadath.db.")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Output folder: documents.jsonl, failures.jsonl, hadath.db.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes (0: all local cores).")
@click.option("--resume/--no-resume", default=True, show_default=True,
              help="Skip what an earlier run in DIR wrote / start afresh.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress bar with articles/s on stderr.")
@_include_option
@_config_option
def run(inputs, out, jobs, resume, progress, include, config) -> None:
    """Analyse many articles: files, folders, JSONL, JSON arrays, SaudiNewsNet zips, or - (stdin).

    Writes DIR/documents.jsonl (input order, ids kept), DIR/failures.jsonl and
    DIR/hadath.db (SQLite). Killed and restarted with the same --out, it
    resumes. Exit code 1 when some inputs failed.
    """
    settings = _settings(config, include)
    from hadath.batch import BatchError, run_batch

    try:
        res = run_batch(list(inputs), out, jobs=jobs, resume=resume, settings=settings, progress=progress)
    except BatchError as e:
        _die(str(e), 2)
    except KeyboardInterrupt:
        click.echo(f"hadath: interrupted; run the same command again to resume in {out}", err=True)
        sys.exit(130)
    except Exception as e:  # noqa: BLE001
        if _debug():
            raise
        _die(f"{out}: internal error: {type(e).__name__}: {e}")
    sps = res.sentences / res.seconds if res.seconds > 0 else 0.0
    click.echo(
        f"hadath: {res.total_documents} documents, {res.total_failures} failures in {out} "
        f"(this run: {res.ok} written, {res.failed} failed, {res.skipped} already done; "
        f"{res.seconds:.1f} s, {res.articles_per_s:.1f} articles/s, {sps:.0f} sentences/s; "
        f"peak RSS {res.peak_rss_main_mb:.0f} MiB main, {res.peak_rss_worker_mb:.0f} MiB largest worker)",
        err=True,
    )
    sys.exit(1 if res.total_failures else 0)


@cli.command(context_settings=CONTEXT, short_help="Tag a CoNLL file with the NER model.")
@click.option("--conll", "in_path", required=True, metavar="IN|-",
              help='CoNLL file of "token TAG" lines (- for stdin).')
@click.option("--out", "out_path", default="-", show_default=True, metavar="OUT|-",
              help='Write "token GOLD PRED" lines here.')
def ner(in_path, out_path) -> None:
    """Tag a CoNLL file with the shipped NER model (token GOLD PRED lines)."""
    try:
        from hadath.extract.entities.ner_model import tag_conll
    except ImportError as e:
        _die(f"ner: the NER model module is not available ({e})")
    try:
        n = tag_conll(in_path, out_path)
    except (OSError, ValueError) as e:
        _die(str(e) if str(e).startswith(in_path) else f"{in_path}: {e}")
    except Exception as e:  # noqa: BLE001
        if _debug():
            raise
        _die(f"{in_path}: internal error: {type(e).__name__}: {e}")
    if n is not None and out_path != "-":
        click.echo(f"hadath: tagged {n} tokens -> {out_path}", err=True)


@cli.command(context_settings=CONTEXT, short_help="Export events as PLOVER records or CSV.")
@click.argument("documents", metavar="DOCUMENTS.jsonl")
@click.option("--format", "fmt", type=click.Choice(["plover", "csv"]), required=True,
              help="plover: PLOVER JSON records; csv: one event a row.")
@click.option("--out", "out_path", default="-", show_default=True, metavar="OUT|-",
              help="Write here ('-': standard output).")
def export(documents, fmt, out_path) -> None:
    """Export the events of a documents.jsonl (from hadath run) as PLOVER records or CSV."""
    try:
        from hadath.extract.events.export import export as do_export
    except ImportError as e:
        _die(f"export: the event export module is not available ({e})")
    if documents != "-" and not os.path.isfile(documents):
        _die(f"{documents}: no such file")
    try:
        do_export(documents, fmt, out_path)
    except (OSError, ValueError) as e:
        _die(str(e) if str(e).startswith(documents) else f"{documents}: {e}")
    except Exception as e:  # noqa: BLE001
        if _debug():
            raise
        _die(f"{documents}: internal error: {type(e).__name__}: {e}")


def main() -> None:
    """Entry point of the ``hadath`` console script."""
    try:
        cli(prog_name="hadath")
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        os._exit(0)
