"""``python -m hadath.build TARGET [--shared PATH]``: compile package data from ../shared/data.

Targets are registered in :data:`TARGETS` as ``name -> "module:function"``; each
function takes the shared data path.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

TARGETS: tuple[tuple[str, str], ...] = (
    ("vocab", "hadath.build.vocab:build_vocab"),
    ("gazetteer", "hadath.build.gazetteer:build_gazetteer"),
    ("events", "hadath.build.events:build"),
    ("dateline_places", "hadath.build.dateline_places:build_dateline_places"),
)


def main(argv: list[str] | None = None) -> int:
    """Run one build target; returns the exit status."""
    default_shared = Path(__file__).resolve().parents[3].parent / "shared" / "data"
    ap = argparse.ArgumentParser(prog="python -m hadath.build")
    ap.add_argument("target", choices=[t for t, _ in TARGETS])
    ap.add_argument("--shared", type=Path, default=default_shared, help="path of ../shared/data")
    args = ap.parse_args(argv)
    if not args.shared.is_dir():
        print(f"hadath.build: error: shared data not found at {args.shared}", file=sys.stderr)
        return 2
    mod, fn = dict(TARGETS)[args.target].split(":")
    result = getattr(importlib.import_module(mod), fn)(args.shared)
    print(f"{args.target}: {result}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
