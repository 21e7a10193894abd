"""Build the list of place names the structure stage recognises in datelines and author fields.

Reads ``../shared/data/gazetteer/geonames_cities15000.zip`` (GeoNames, CC BY 4.0: the Arabic-script
alternate names of cities with more than 15,000 people, Persian/Urdu-only letters filtered out) and
``geonames_country_translations.json`` (the ``ar`` country names) and ``mledoze_countries.json``
(ODbL: Arabic common and official country names), adds nothing else (hand-written
additions live in ``src/hadath/extract/ar/places.yaml``) and writes the sorted, NFC, de-duplicated
names one a line to ``src/hadath/extract/ar/places.txt``.

Run: ``python -m hadath.build dateline_places [--shared PATH]``.
"""
from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

__all__ = ["build_dateline_places", "PLACES_PATH"]

PLACES_PATH = Path(__file__).resolve().parents[1] / "extract" / "ar" / "places.txt"
_ARABIC_NAME = re.compile(r"[\u0621-\u063A\u0641-\u064A]+(?: [\u0621-\u063A\u0641-\u064A]+){0,3}")


def _clean(name: str) -> str | None:
    name = unicodedata.normalize("NFC", name.strip())
    if not _ARABIC_NAME.fullmatch(name) or len(name) < 2 or len(name) > 30:
        return None
    return name


def build_dateline_places(shared: Path, out: Path = PLACES_PATH) -> str:
    """Write the place-name list; returns a one-line summary (str).

    Args:
        shared: Path of ``../shared/data``.
        out: Output text file (one name a line, UTF-8).

    Raises:
        FileNotFoundError: If the GeoNames files are missing.
    """
    names: set[str] = set()
    gaz = shared / "gazetteer"
    with zipfile.ZipFile(gaz / "geonames_cities15000.zip") as zf:
        with zf.open("cities15000.txt") as fh:
            for line in io.TextIOWrapper(fh, encoding="utf-8"):
                fields = line.rstrip("\n").split("\t")
                for n in fields[3].split(","):
                    c = _clean(n)
                    if c:
                        names.add(c)
    countries = json.loads((gaz / "geonames_country_translations.json").read_text("utf-8"))
    for tr in countries.values():
        c = _clean(tr.get("ar") or "")
        if c:
            names.add(c)
    for c in json.loads((gaz / "mledoze_countries.json").read_text("utf-8")):
        ara = (c.get("translations") or {}).get("ara") or {}
        for n in (ara.get("common"), ara.get("official")):
            cl = _clean(n or "")
            if cl:
                names.add(cl)
    out.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    return f"{len(names)} place names -> {out}"
