"""Build the compiled lexicons of the event coder from the shared data.

Sources (read at build time only, never at run time):

* ``events/up_arabic_dictionaries/`` (UniversalPetrarch Arabic CAMEO dictionaries, MIT):
  ``agents.all.ar_v3.txt`` and ``agents.all.ar.txt`` (agent nouns -> sector codes),
  ``actor_dict_ar_v4.txt`` (named actors -> CAMEO codes with date ranges),
  ``CAMEO.ar.0.5.txt`` (verb synsets and verb+object patterns with CAMEO codes).
* ``events/plover/CAMEO2PLOVER-2021.txt`` (CAMEO code -> PLOVER type, mode, context; CC BY-SA 4.0).
* ``gazetteer/arwikicats_nationalities.json`` (MIT) and ``gazetteer/mledoze_countries.json`` (ODbL):
  nationality adjectives and country names -> ISO 3166 alpha-3 (= CAMEO country codes).

Outputs (compact TSV, committed) in ``src/hadath/extract/events/ar/``:
``agents.tsv`` (stem key, sector), ``actors.tsv`` (stem key, code, start, end),
``countries.tsv`` (stem key, ISO3, kind), ``cameo2plover.tsv`` (cameo, type, mode, context),
``cameo_patterns.tsv`` (verb form, object stem, cameo). Keys are built with
:func:`hadath.extract.events.lexicon.stem_key` so build and run time agree.

Run: ``python -m hadath.build.events [--shared PATH]``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from hadath.extract.events.lexicon import key_variants, stem_key
from hadath.text.normalize import normalize_word

__all__ = ["build", "parse_cameo2plover", "parse_agents", "parse_actors", "parse_cameo_patterns"]

OUT = Path(__file__).resolve().parents[1] / "extract" / "events" / "ar"
_AR = re.compile(r"[\u0621-\u064A]")

#: English nationality keys missing from mledoze common names.
_EN_FIX = {"america": "USA", "burma": "MMR", "czech republic": "CZE", "england": "GBR", "scotland": "GBR",
           "wales": "GBR", "turkey": "TUR", "swaziland": "SWZ", "macedonia": "MKD",
           "democratic-republic-of-congo": "COD", "republic-of-congo": "COG", "republic of ireland": "IRL",
           "timor": "TLS"}


#: Stems that collide with function words once ال/ب are stripped (ألبان -> بان).
_FUNCTION_WORDS = {"بان", "ان", "كان", "لان", "عن", "من", "ما", "لا", "او", "مان", "نا", "ها"}


def parse_cameo2plover(path: Path) -> list[tuple[str, str, str, str]]:
    """Parse CAMEO2PLOVER-2021.txt into (cameo, TYPE, mode, context) rows (first row per code wins)."""
    rows, seen = [], set()
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?", line)
        if not m or len(m.group(1)) < 3 or m.group(1) in seen:
            continue
        seen.add(m.group(1))
        mode = (m.group(3) or "").strip().replace(" ", "")
        ctx = ";".join(c.strip() for c in (m.group(4) or "").split(";") if c.strip())
        rows.append((m.group(1), m.group(2), mode, ctx))
    return rows


def parse_agents(paths: list[Path]) -> dict[str, str]:
    """Agent phrases -> sector code (first three letters of the ``[~XXX]`` code)."""
    out: dict[str, str] = {}
    for p in paths:
        for line in p.read_text("utf-8").splitlines():
            m = re.search(r"\[~([A-Z]{3,9})\]", line)
            if not m:
                continue
            ar = line[m.end():] if not _AR.search(line[: m.start()]) else line[: m.start()]
            ar = ar.split("#")[0].replace("_", " ").replace("?", " ").strip()
            if not _AR.search(ar):
                continue
            for key in sorted(key_variants(ar)):
                if key and key not in out and len(key) >= 3:
                    out[key] = m.group(1)[:3]
    return out


def parse_actors(path: Path) -> list[tuple[str, str, str, str]]:
    """Named actors -> [(stem key, code, start YYYYMMDD|'', end YYYYMMDD|'')]."""
    rows: list[tuple[str, str, str, str]] = []
    name = None
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        dated = re.match(r"^\s+\[([A-Z]{3,12})\s+(\d{8})-(\d{8})\]", line)
        if dated and name:
            start, end = dated.group(2), dated.group(3)
            end = "" if end == "18000101" else end
            rows.extend((k, dated.group(1), start, end) for k in name)
            continue
        m = re.match(r"^\s*([^\[\s][^\[]*?)\s*(?:\[([A-Z]{3,12})\])?\s*(?:#.*)?$", line)
        if not m:
            continue
        keys = [k for k in sorted(key_variants(m.group(1))) if len(k) >= 3]
        name = keys or None
        if name and m.group(2):
            rows.extend((k, m.group(2), "", "") for k in name)
    seen, out = set(), []
    for r in rows:
        if r not in seen:
            seen.add(r)
            out.append(r)
    return out


def parse_countries(nat_path: Path, countries_path: Path) -> list[tuple[str, str, str]]:
    """(stem key, ISO3, kind) for country names ('country') and nationality adjectives ('nat')."""
    countries = json.loads(countries_path.read_text("utf-8"))
    by_en = {c["name"]["common"].lower(): c["cca3"] for c in countries}
    rows: dict[str, tuple[str, str]] = {}
    for c in countries:
        ara = c.get("translations", {}).get("ara", {})
        for nm in sorted({ara.get("common"), ara.get("official")} - {None}):
            for k in sorted(key_variants(nm) if len(nm.split()) > 1 else {stem_key(nm)}):
                if k and k not in rows:
                    rows[k] = (c["cca3"], "country")
    for v in json.loads(nat_path.read_text("utf-8")).values():
        code = by_en.get(v["en"]) or _EN_FIX.get(v["en"])
        if not code:
            continue
        if v.get("ar"):
            k = stem_key(v["ar"])
            rows.setdefault(k, (code, "country"))
        for f in ("male", "males", "female", "females", "the_male", "the_female"):
            if v.get(f):
                k = stem_key(v[f])
                if k and k not in rows and len(k) >= 3:
                    rows[k] = (code, "nat")
    return [(k, c, kind) for k, (c, kind) in sorted(rows.items()) if k not in _FUNCTION_WORDS]


def parse_cameo_patterns(path: Path) -> list[tuple[str, str, str]]:
    """Verb+object patterns: (normalised past verb, object stem key, cameo).

    Only patterns whose first object word is a plain Arabic word (no synset, no
    wildcard-only pattern) are kept; the coder expands every verb to its
    inflected forms with :func:`~hadath.extract.events.lexicon.verb_forms` at load time.
    """
    out: set[tuple[str, str, str]] = set()
    verbs: list[str] = []
    in_verbs = False
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs:
            continue
        if line.startswith("---"):
            verbs = []
            continue
        s = line.split("#")[0].strip()
        if not s:
            continue
        if not s.startswith("-"):
            head = re.sub(r"\[.*?\]", "", s).strip().split("+")[0].strip()
            if head and " " not in head and _AR.search(head):
                verbs.append(head)
            continue
        m = re.match(r"^-\s*\*\s*(.*?)\s*\[(\d{3,4})\]", s)
        if not m or not verbs:
            continue
        words = [w for w in re.split(r"[\s(){}]+", m.group(1)) if w]
        if not words or words[0].startswith("&") or not _AR.search(words[0]):
            continue
        obj = stem_key(words[0])
        if len(obj) < 3:
            continue
        for v in verbs:
            out.add((normalize_word(v), obj, m.group(2)))
    return sorted(out)


def _write(path: Path, header: str, rows) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


def build(shared: Path, out: Path = OUT) -> dict[str, int]:
    """Build every compiled events lexicon; returns row counts per file.

    Raises:
        FileNotFoundError: If a source file is missing under ``shared``.
    """
    up = shared / "events" / "up_arabic_dictionaries"
    out.mkdir(parents=True, exist_ok=True)
    c2p = parse_cameo2plover(shared / "events" / "plover" / "CAMEO2PLOVER-2021.txt")
    agents = parse_agents([up / "agents.all.ar_v3.txt", up / "agents.all.ar.txt"])
    actors = parse_actors(up / "actor_dict_ar_v4.txt")
    countries = parse_countries(shared / "gazetteer" / "arwikicats_nationalities.json",
                                shared / "gazetteer" / "mledoze_countries.json")
    patterns = parse_cameo_patterns(up / "CAMEO.ar.0.5.txt")
    note = "# derived by hadath.build.events from {}; see src/hadath/data/LICENSES.md"
    _write(out / "cameo2plover.tsv", note.format("CAMEO2PLOVER-2021.txt (CC BY-SA 4.0)") + "\n#cameo\ttype\tmode\tcontext", c2p)
    _write(out / "agents.tsv", note.format("UniversalPetrarch agents.all.ar*.txt (MIT)") + "\n#key\tsector", sorted(agents.items()))
    _write(out / "actors.tsv", note.format("UniversalPetrarch actor_dict_ar_v4.txt (MIT)") + "\n#key\tcode\tstart\tend", actors)
    _write(out / "countries.tsv", note.format("arwikicats nationalities (MIT), mledoze countries (ODbL)") + "\n#key\tiso3\tkind", countries)
    _write(out / "cameo_patterns.tsv", note.format("UniversalPetrarch CAMEO.ar.0.5.txt (MIT)") + "\n#verb\tobject\tcameo", patterns)
    return {"cameo2plover": len(c2p), "agents": len(agents), "actors": len(actors),
            "countries": len(countries), "cameo_patterns": len(patterns)}


def main(argv: list[str] | None = None) -> int:
    """Command line entry: build the lexicons and print the row counts."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3].parent / "shared" / "data")
    a = ap.parse_args(argv)
    if not a.shared.is_dir():
        print(f"hadath.build.events: shared data folder {a.shared} not found", file=sys.stderr)
        return 2
    print(build(a.shared))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
