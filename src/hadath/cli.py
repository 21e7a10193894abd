"""Command-line interface: ``hadath analyze``, ``hadath run`` (first version: analyze only)."""
from __future__ import annotations

import sys

import click

from hadath import __version__


@click.group()
@click.version_option(__version__, prog_name="hadath")
def cli() -> None:
    """hadath: Arabic news to structured, sourced event data."""


@cli.command()
@click.argument("path")
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
def analyze(path: str, pretty: bool) -> None:
    """Analyse one article (PATH or - for stdin) and print its JSON document."""
    from hadath.pipeline import analyze as run

    data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
    click.echo(run(data).to_json(pretty=pretty))


def main() -> None:
    """Entry point of the ``hadath`` console script."""
    cli()
