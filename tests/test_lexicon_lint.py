"""Lint every per-language data file shipped beside the code (src/hadath/**/ar/*).

Checks (DESIGN.md principle 6), over every file:

* UTF-8, NFC, no Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFF);
* YAML: no duplicate mapping keys (YAML silently keeps the last one), no empty
  strings (keys or values), no exact duplicates inside a list, rule ids
  (``id`` of the mappings) unique within the file;
* TSV/TXT: no duplicate lines;
* no duplicates AFTER Arabic normalisation (:func:`hadath.text.normalize.normalize_word`):
  inside a list of strings, among the keys of one mapping, among the lines of a
  TSV/TXT file. Two entries that normalise alike are one entry for a stage that
  matches on the normalised text. Files whose spelling variants are kept on
  purpose (matched on raw text) or that their owner has not cleaned up yet are
  listed in :data:`NORM_DUP_ALLOWED` with the reason; an entry there must still
  be needed (the test fails when the file is clean, so the list cannot rot).

The times and quantities stages used to carry copies of these checks
(tests/test_times_lexicons.py, tests/test_quantities_shared.py); they live here now.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

from hadath.text.normalize import normalize_word

SRC = Path(__file__).resolve().parents[1] / "src" / "hadath"
FILES = sorted(p for p in SRC.rglob("*") if p.is_file() and "ar" in p.relative_to(SRC).parts[:-1]
               and p.suffix in {".yaml", ".yml", ".tsv", ".txt", ".json"})

#: (file relative to src/hadath, what) -> why normalised duplicates are allowed there.
#: what: "lists" (items of one list), "keys" (keys of one mapping) or "lines" (TSV/TXT rows).
NORM_DUP_ALLOWED: dict[tuple[str, str], str] = {
    ("extract/ar/byline.yaml", "lists"): "byline cues and agencies are matched on raw text (metadata.BylineParser)",
    ("extract/ar/dates.yaml", "lists"): "date-stamp words are matched on raw text (metadata.StampParser)",
    ("extract/ar/places.txt", "lines"): "GeoNames names compiled verbatim; loaded into a normalised set",
    ("extract/attributions/ar/grammar.yaml", "lists"): "spelling variants kept by the attributions owner",
    ("extract/entities/ar/aliases.yaml", "lists"): "alias spellings kept by the entities owner",
    ("extract/entities/ar/stopnames.yaml", "lists"): "spelling variants kept by the entities owner",
    ("extract/entities/ar/titles.yaml", "lists"): "spelling variants kept by the entities owner",
    ("extract/events/ar/actors.yaml", "keys"): "agent/country spellings kept by the events owner",
    ("extract/events/ar/cues.yaml", "lists"): "spelling variants kept by the events owner",
    ("extract/events/ar/triggers.yaml", "lists"): "spelling variants kept by the events owner",
    ("extract/quantities/ar/quantities.yaml", "keys"): "currency adjective spellings (إسترليني/استرليني)",
    ("text/ar/clitics.yaml", "lists"): "unsegmentable words are compared on raw tokens",
}

#: Files whose ``id`` values are unique per list rather than per file (separate tables).
IDS_PER_LIST = {
    "extract/times/ar/dayparts.yaml": "adverbs and nouns are two tables (noon/night in both)",
}


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


def _dicts(obj, path="$"):
    if isinstance(obj, dict):
        yield path, obj
        for k, v in obj.items():
            yield from _dicts(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _dicts(v, f"{path}[{i}]")


def _rel(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def _load(path: Path):
    return yaml.load(path.read_text("utf-8"), Loader=_StrictLoader)


def _rows(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _norm_dups(items) -> list[str]:
    """The items whose normalised form occurs more than once (in input order)."""
    normed = [normalize_word(s) for s in items]
    count = Counter(normed)
    return [s for s, n in zip(items, normed) if count[n] > 1]


def _norm_dup_findings(path: Path) -> dict[str, list[str]]:
    """what ("lists", "keys", "lines") -> findings "where: items" for one file."""
    out: dict[str, list[str]] = {"lists": [], "keys": [], "lines": []}
    if path.suffix in {".yaml", ".yml"}:
        data = _load(path)
        for p, lst in _lists(data):
            d = _norm_dups([x for x in lst if isinstance(x, str)])
            if d:
                out["lists"].append(f"{p}: {d[:6]}")
        for p, dct in _dicts(data):
            d = _norm_dups([k for k in dct if isinstance(k, str)])
            if d:
                out["keys"].append(f"{p}: {d[:6]}")
    elif path.suffix in {".tsv", ".txt"}:
        d = _norm_dups(_rows(path.read_text("utf-8")))
        if d:
            out["lines"].append(f"{len(d)} lines, e.g. {d[:6]}")
    return out


def test_there_are_lexicons():
    assert len(FILES) >= 2, FILES
    # the stages whose private lint was folded in here are covered
    rels = {_rel(p) for p in FILES}
    assert {"extract/times/ar/months.yaml", "extract/times/ar/rules.yaml",
            "extract/quantities/ar/numbers.yaml", "extract/quantities/ar/quantities.yaml"} <= rels


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_lexicon_file_is_clean(path):
    text = path.read_text("utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{path.name} is not NFC"
    bad = [ch for ch in text if 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF]
    assert not bad, f"{path.name} has presentation forms {bad[:5]}"
    if path.suffix in {".yaml", ".yml"}:
        data = yaml.load(text, Loader=_StrictLoader)
        for p, s in _strings(data):
            assert s.strip(), f"{path.name}: empty pattern at {p}"
            # the parsed value too: YAML escapes ("\u0653") could build what the text does not show
            assert unicodedata.is_normalized("NFC", s), f"{path.name}: value at {p} is not NFC"
            assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in s), \
                f"{path.name}: presentation forms at {p}"
        for p, lst in _lists(data):
            flat = [x for x in lst if isinstance(x, (str, int, float))]
            dups = {x for x in flat if flat.count(x) > 1}
            assert not dups, f"{path.name}: duplicates {sorted(map(str, dups))[:5]} in {p}"
    elif path.suffix in {".tsv", ".txt"}:
        rows = _rows(text)
        dups = [r for r, n in Counter(rows).items() if n > 1]
        assert not dups, f"{path.name}: duplicate lines {sorted(dups)[:5]}"


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix in {".yaml", ".yml"}], ids=_rel)
def test_rule_ids_unique(path):
    data = _load(path)
    if _rel(path) in IDS_PER_LIST:
        groups = [[d["id"] for d in lst if isinstance(d, dict) and "id" in d] for _, lst in _lists(data)]
    else:
        groups = [[d["id"] for _, d in _dicts(data) if "id" in d and isinstance(d["id"], (str, int))]]
    for ids in groups:
        dups = [i for i, n in Counter(ids).items() if n > 1]
        assert not dups, f"{path.name}: rule ids used twice {dups[:5]}"


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_no_duplicates_after_normalisation(path):
    found = _norm_dup_findings(path)
    for what, items in found.items():
        if (_rel(path), what) not in NORM_DUP_ALLOWED:
            assert not items, f"{path.name}: entries equal after normalize_word ({what}): {items[:5]}"


@pytest.mark.parametrize("key", sorted(NORM_DUP_ALLOWED), ids=lambda k: f"{k[0]}:{k[1]}")
def test_norm_dup_allowances_still_needed(key):
    rel, what = key
    path = SRC / rel
    assert path.is_file(), f"{rel} listed in NORM_DUP_ALLOWED but does not exist"
    assert _norm_dup_findings(path)[what], f"{rel} ({what}) is clean now: drop it from NORM_DUP_ALLOWED"


def test_ids_per_list_allowances_exist():
    for rel in IDS_PER_LIST:
        assert (SRC / rel).is_file(), rel


def test_checker_finds_normalised_duplicates(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text("a: [أن, ان, في]\nb: {إسرائيل: 1, اسرائيل: 2}\n", "utf-8")
    found = _norm_dup_findings(f)
    assert found["lists"] == ["$.a: ['أن', 'ان']"]
    assert found["keys"] == ["$.b: ['إسرائيل', 'اسرائيل']"]
    t = tmp_path / "x.txt"
    t.write_text("مكة\nمكه\n# مكه\nجدة\n", "utf-8")
    assert _norm_dup_findings(t)["lines"] == ["2 lines, e.g. ['مكة', 'مكه']"]
