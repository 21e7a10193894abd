"""The hand-checked GeoNames layer of gold_dev (evaluation/annotations/geonames_gold_dev.json).

Checks that every id exists in the GeoNames files it was chosen from, that every row names a gold
place of its article, and that evaluation/entities.py merges the ids into the gold.
"""
from __future__ import annotations

import csv
import doctest
import importlib.util
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYER = ROOT / "evaluation" / "annotations" / "geonames_gold_dev.json"


def _evaluator():
    spec = importlib.util.spec_from_file_location("entities_eval", ROOT / "evaluation" / "entities.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rows() -> dict[str, list[dict]]:
    data = json.loads(LAYER.read_text("utf-8"))
    assert data["format"] == "hadath.geonames_gold/1"
    assert "GeoNames" in data["method"] and "CC BY 4.0" in data["licence"]
    return {k: v for k, v in data.items() if isinstance(v, list)}


def test_layer_is_valid_and_loads():
    rows = _rows()
    assert len(rows) == 12
    n = 0
    for gid, items in rows.items():
        texts = [r["text"] for r in items]
        assert len(texts) == len(set(texts)), gid
        for r in items:
            n += 1
            assert set(r) == {"text", "label", "geonames", "name_en", "note"}, r
            assert r["label"] in {"GPE", "LOC", "FAC"}
            assert r["geonames"] is None or (type(r["geonames"]) is int and r["geonames"] > 0)
            assert r["name_en"] and r["note"]
            assert len(r["text"]) <= 40  # short place names only, never article text
            assert not re.search("[\u0600-\u06ff]", r["name_en"] + r["note"]), r  # notes in English
    assert n == 80
    assert _evaluator().load_geonames_layer(LAYER) == rows


def test_merge_attaches_ids_to_gold():
    ev = _evaluator()
    layer = {"snn-09": [{"text": "عدن", "geonames": 415189, "note": "city"},
                        {"text": "العند", "geonames": None, "note": "air base"}]}
    gold = [{"text": "عدن", "label": "GPE"}, {"text": "العند", "label": "FAC"}, {"text": "هاني مسهور", "label": "PER"}]
    out = ev.merge_geonames("snn-09", gold, layer)
    assert [e.get("geonames", "absent") for e in out] == [415189, None, "absent"]
    assert out[0]["geonames_note"] == "city" and "geonames" not in gold[0]  # input untouched
    assert ev.merge_geonames("seed", gold, layer) == gold
    with pytest.raises(ValueError, match="not gold entity texts"):
        ev.merge_geonames("snn-09", gold[2:], layer)
    failures, _ = doctest.testmod(ev, verbose=False)
    assert failures == 0


def _geonames_ids(shared: Path) -> dict[int, tuple[str, str]]:
    """geonameid -> (name, kind) over cities15000, countryInfo and regionInfo."""
    ids: dict[int, tuple[str, str]] = {}
    gz = shared / "gazetteer"
    with zipfile.ZipFile(gz / "geonames_cities15000.zip") as z:
        name = next(n for n in z.namelist() if n.endswith(".txt"))
        for line in io.TextIOWrapper(z.open(name), encoding="utf-8"):
            f = line.split("\t")
            ids[int(f[0])] = (f[2], "city")
    for row in csv.reader((gz / "geonames_countryInfo.tsv").read_text("utf-8").splitlines(), delimiter="\t"):
        if row and not row[0].startswith("#") and len(row) > 16 and row[16].isdigit():
            ids[int(row[16])] = (row[4], "country")
    for row in csv.reader((gz / "geonames_regionInfo.tsv").read_text("utf-8").splitlines(), delimiter="\t"):
        if row and not row[0].startswith("#") and len(row) > 3 and row[3].isdigit():
            ids[int(row[3])] = (row[2], "region")
    return ids


@pytest.mark.shared
def test_layer_ids_exist_and_texts_are_gold_places(shared_data):
    ids = _geonames_ids(shared_data)
    rows = _rows()
    ann = shared_data / "gold_dev" / "annotations"
    assert sorted(rows) == sorted(p.stem for p in ann.glob("*.json"))
    kinds = {"city": 0, "country": 0, "region": 0}
    for gid, items in rows.items():
        gold = {e["text"]: e for e in json.loads((ann / f"{gid}.json").read_text("utf-8"))["entities"]}
        places = {t for t, e in gold.items() if e["label"] in {"GPE", "LOC", "FAC"}}
        assert {r["text"] for r in items} == places, gid  # every gold place annotated, nothing else
        for r in items:
            assert gold[r["text"]]["label"] == r["label"]
            if r["geonames"] is not None:
                assert r["geonames"] in ids, (gid, r)
                kinds[ids[r["geonames"]][1]] += 1
    # a few checked by hand: the namesakes are rejected
    by = {(g, r["text"]): r["geonames"] for g, items in rows.items() for r in items}
    assert by[("seed", "الرقة")] == 172955 and ids[172955] == ("Ar Raqqah", "city")  # not Kuwait's
    assert by[("snn-09", "الرياض")] == 108410 and ids[108410][0] == "Riyadh"  # not the Egyptian town
    assert by[("snn-01", "تونس")] == 2464461 and ids[2464461] == ("Tunisia", "country")
    assert by[("snn-00", "التواهي")] is None
    assert kinds == {"city": 23, "country": 20, "region": 11}


@pytest.mark.shared
def test_merge_fits_every_gold_article(shared_data):
    ev = _evaluator()
    layer = ev.load_geonames_layer(LAYER)
    ann = shared_data / "gold_dev" / "annotations"
    n_id = n_null = 0
    for p in sorted(ann.glob("*.json")):
        merged = ev.merge_geonames(p.stem, json.loads(p.read_text("utf-8"))["entities"], layer)
        n_id += sum(1 for e in merged if e.get("geonames") is not None)
        n_null += sum(1 for e in merged if "geonames" in e and e["geonames"] is None)
    assert (n_id, n_null) == (54, 26)
