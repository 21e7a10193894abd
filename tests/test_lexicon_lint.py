"""Lint every per-language data file shipped beside the code (src/hadath/**/ar/*).

Checks (DESIGN.md principle 6): UTF-8, NFC, no Arabic presentation forms
(U+FB50-FDFF, U+FE70-FEFF), no empty patterns, no duplicate list items and no
duplicate mapping keys (YAML silently keeps the last of duplicate keys).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

SRC = Path(__file__).resolve().parents[1] / "src" / "hadath"
FILES = sorted(p for p in SRC.rglob("*") if p.is_file() and "ar" in p.relative_to(SRC).parts[:-1]
               and p.suffix in {".yaml", ".yml", ".tsv", ".txt", ".json"})


class _StrictLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node, deep=False):
    keys = set()
    for k, _ in node.value:
        key = loader.construct_object(k, deep=deep)
        if isinstance(key, (str, int, float, bool, type(None))):
            if key in keys:
                raise AssertionError(f"duplicate key {key!r} at line {k.start_mark.line + 1}")
            keys.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strings(obj, path="$"):
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(k, f"{path}.<key>")
            yield from _strings(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _strings(v, f"{path}[{i}]")


def _lists(obj, path="$"):
    if isinstance(obj, list):
        yield path, obj
        for i, v in enumerate(obj):
            yield from _lists(v, f"{path}[{i}]")
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _lists(v, f"{path}.{k}")


def test_there_are_lexicons():
    assert len(FILES) >= 2, FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_lexicon_file_is_clean(path):
    text = path.read_text("utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{path.name} is not NFC"
    bad = [ch for ch in text if 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF]
    assert not bad, f"{path.name} has presentation forms {bad[:5]}"
    if path.suffix in {".yaml", ".yml"}:
        data = yaml.load(text, Loader=_StrictLoader)
        for p, s in _strings(data):
            assert s.strip(), f"{path.name}: empty pattern at {p}"
        for p, lst in _lists(data):
            flat = [x for x in lst if isinstance(x, (str, int, float))]
            dups = {x for x in flat if flat.count(x) > 1}
            assert not dups, f"{path.name}: duplicates {sorted(map(str, dups))[:5]} in {p}"
    elif path.suffix in {".tsv", ".txt"}:
        rows = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        dups = {r for r in rows if rows.count(r) > 1} if len(rows) < 20000 else set()
        assert not dups, f"{path.name}: duplicate lines {sorted(dups)[:5]}"
