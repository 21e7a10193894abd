"""Compiled gazetteer: freshness, contents, lexicon lint, clitic-aware matching, linking."""
from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

from hadath.extract.entities.gazetteer import DATA_DIR, Gazetteer, name_key
from hadath.extract.entities.linker import cameo_at, choose


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.shared
def test_compiled_gazetteer_is_fresh(shared_data, gaz):
    """Fails when the build inputs or the build script changed: run `python -m hadath.build gazetteer`."""
    from hadath.build.gazetteer import SCRIPT_VERSION, inputs_hash

    assert gaz.meta["script_version"] == SCRIPT_VERSION
    assert gaz.meta["inputs_sha1"] == inputs_hash(shared_data)


@pytest.mark.shared
def test_actor_dictionary_parses(shared_data):
    from hadath.build.gazetteer import parse_actor_dict

    text = (shared_data / "events/up_arabic_dictionaries/actor_dict_ar_v4.txt").read_text("utf-8", "replace")
    parsed = parse_actor_dict(text)
    maliki = [c for name, codes in parsed if name == "نوري المالكي" for c in codes]
    assert ("IRQGOV", 20101221, 20140908) in maliki
    assert len(parsed) > 3000


def _lexicon_strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _lexicon_strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _lexicon_strings(v)


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_lexicon_lint(path: Path):
    data = yaml.safe_load(path.read_text("utf-8"))
    for s in _lexicon_strings(data):
        assert s.strip(), f"{path.name}: empty string"
        assert unicodedata.is_normalized("NFC", s), f"{path.name}: not NFC: {s!r}"
        assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in s), s
    # no duplicate surface forms inside one list, and unique ids
    def lists(obj):
        if isinstance(obj, list):
            yield obj
            for v in obj:
                yield from lists(v)
        elif isinstance(obj, dict):
            for v in obj.values():
                yield from lists(v)

    for lst in lists(data):
        forms = [x for x in lst if isinstance(x, str)]
        assert len(forms) == len(set(forms)), f"{path.name}: duplicates in {forms}"
        ids = [x["id"] for x in lst if isinstance(x, dict) and "id" in x]
        assert len(ids) == len(set(ids)), f"{path.name}: duplicate ids"
        names = [tuple(x["ar"]) if isinstance(x.get("ar"), list) else x.get("ar") for x in lst if isinstance(x, dict)]
        names = [n for n in names if n]
        assert len(names) == len(set(names)), f"{path.name}: duplicate entries"


def test_countries_and_colloquial_names(gaz):
    for name in ["أمريكا", "أميركا", "الولايات المتحدة", "الولايات المتحدة الأمريكية"]:
        assert any(e.country == "USA" and e.kind == "country" for e in gaz.lookup(name_key(name))), name
    fr = [e for e in gaz.lookup(name_key("فرنسا")) if e.kind == "country"][0]
    assert (fr.geonames, fr.canonical) == (3017382, "France")


def test_nationality_forms(gaz):
    for form in ["فرنسيون", "فرنسيين", "الفرنسيين", "الفرنسيون", "فرنسيات", "الفرنسيات"]:
        assert any(e.kind == "nationality" and e.country == "FRA" for e in gaz.lookup(name_key(form))), form
    for form in ["فرنسي", "فرنسية", "الفرنسية"]:
        assert any(e.kind == "nat_adj" and e.country == "FRA" for e in gaz.lookup(name_key(form))), form


def test_cities_arabic_letters_only(gaz):
    persian = set("پچژگکیےٹڈ")
    for key in gaz.names:
        assert not persian & set(key), key
    paris = [e for e in gaz.lookup(name_key("باريس")) if e.kind == "city"][0]
    assert (paris.geonames, paris.country, paris.population > 2_000_000) == (2988507, "FRA", True)


def test_regions(gaz):
    anbar = [e for e in gaz.lookup(name_key("محافظة الأنبار")) if e.kind == "region"][0]
    assert (anbar.country, anbar.canonical) == ("IRQ", "Al Anbar")
    assert any(e.kind == "region" and e.country == "SYR" for e in gaz.lookup(name_key("ريف دمشق")))


def test_match_clitics(gaz):
    ms = gaz.match(name_key("وأذربيجان بتركيا للتحالف الدولي لداعش وبالعراق"))
    assert [(m.key, m.prefix) for m in ms] == [
        ("اذربيجان", "و"), ("تركيا", "ب"), ("التحالف الدولى", "لل"), ("داعش", "ل"), ("العراق", "وب")]


def test_match_word_boundaries(gaz):
    assert gaz.match(name_key("معدن ومعادن")) == []  # عدن inside a word is not Aden
    assert [m.key for m in gaz.match(name_key("عدن"))] == ["عدن"]


def test_match_longest_first(gaz):
    assert [m.key for m in gaz.match(name_key("في الولايات المتحدة الأمريكية"))] == ["الولايات المتحده الامريكيه"]


def test_stop_names(gaz):
    for w in ["بي", "لين", "فإن", "السلطات", "أمس"]:
        assert gaz.match(name_key(w)) == [], w


def test_cameo_dates():
    ranges = [["IRQGOV", 20101221, 20140908], ["IRQELI", 20140908, 20161010]]
    assert cameo_at(ranges, 20120101) == "IRQGOV"
    assert cameo_at(ranges, 20150101) == "IRQELI"
    assert cameo_at(ranges, 20200101) is None
    assert cameo_at([["PSEREB", 19870101, 0]], 20200101) == "PSEREB"


def test_disambiguation_by_population_and_document(gaz):
    from hadath.extract.entities.gazetteer import Entry

    def city(idx, cc, pop):
        return Entry(idx, "city", "GPE", "Ar Raqqah", cc, idx, 0.0, 0.0, pop, cc, "الرقة", f"gn:{idx}")

    syr, kwt = city(1, "SYR", 531952), city(2, "KWT", 52068)
    assert choose([kwt, syr], Counter()).country == "SYR"  # population
    assert choose([kwt, syr], Counter({"SYR": 3})).country == "SYR"
    assert choose([syr, kwt], Counter({"KWT": 2})).country == "KWT"  # the article is about Kuwait
    assert choose(gaz.lookup(name_key("الرقة")), Counter()).country == "SYR"


def test_compact(gaz):
    from hadath.extract.entities import gazetteer as g

    p = Path(g.__file__).resolve().parents[2] / "data" / "gazetteer" / "gazetteer.json.gz"
    assert p.stat().st_size < 2_000_000
