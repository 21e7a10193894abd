"""Compile the entity gazetteer from ``../shared/data`` into ``src/hadath/data/gazetteer/``.

Sources (licences credited in ``src/hadath/data/LICENSES.md``):

* countries: ``gazetteer/mledoze_countries.json`` (ODbL: ISO alpha-2/3, Arabic official and common
  names, coordinates), ``gazetteer/geonames_countryInfo.tsv`` and
  ``gazetteer/geonames_country_translations.json`` (GeoNames, CC BY 4.0: geonameid, Arabic name);
* nationalities: ``gazetteer/arwikicats_nationalities.json`` (MIT): every nisba form, with the
  oblique plurals (-يين) and definite plurals derived here;
* cities: ``gazetteer/geonames_cities15000.zip`` (CC BY 4.0): only names written in Arabic letters
  (Persian/Urdu-only letters such as پ چ ژ گ ک ی ے ٹ ڈ drop a name) plus
  ``gazetteer/arwikicats_cities_en_ar.json`` (MIT) for the most populous city of each English name;
* admin-1 regions: ``src/hadath/extract/entities/ar/regions.yaml`` (curated Arabic names) joined with
  ``gazetteer/geonames_regionInfo.tsv`` (CC BY 4.0) for the geonameid and English name;
* actors: ``events/up_arabic_dictionaries/actor_dict_ar_v4.txt`` (MIT, UniversalPetrarch) with dated
  CAMEO codes, and ``agents.all.ar.txt`` (agent/role words -> CAMEO agent codes);
* common words: normalised word counts over SaudiNewsNet (``news/saudinewsnet/*.zip``, only counts
  kept) decide which one-word city names are ordinary words (:func:`_keep_city_name`): a word that
  is also written with/without the article about as often (سنة/السنة, المدينة/مدينة) is a noun, a
  word that is a proclitic + a frequent word (وان = و + ان) is not a name, and outside the Arab
  world and its neighbours only big cities keep their one-word names.

Output: ``gazetteer.json.gz`` (gzip JSON), see :func:`build_gazetteer`. The file stores
``inputs_sha1`` (:func:`inputs_hash`: the inputs and :data:`SCRIPT_VERSION`) so a test can tell
when it is stale.

Run: ``python -m hadath.build gazetteer [--shared PATH]``.
"""
from __future__ import annotations

import collections
import csv
import gzip
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import yaml

from hadath.text.normalize import normalize_word

__all__ = ["build_gazetteer", "inputs_hash", "GAZETTEER_PATH", "SCRIPT_VERSION", "name_key",
           "is_arabic_name", "parse_actor_dict"]

#: Bump when the output format or the compilation rules change.
SCRIPT_VERSION = "gazetteer-15"

_PKG = Path(__file__).resolve().parents[1]
GAZETTEER_PATH = _PKG / "data" / "gazetteer" / "gazetteer.json.gz"
REGIONS_YAML = _PKG / "extract" / "entities" / "ar" / "regions.yaml"
#: Curated aliases; cities they refer to (``ref: gn:<id>``) are kept whatever the name filters say.
ALIASES_YAML = _PKG / "extract" / "entities" / "ar" / "aliases.yaml"
#: Foreign city names that are first names or ordinary words (never kept as cities).
CITY_FILTERS_YAML = _PKG / "extract" / "entities" / "ar" / "city_filters.yaml"

#: Letters used in Persian, Urdu, Pashto ... but not in Arabic; a name containing one is dropped.
NON_ARABIC_LETTERS = frozenset("پچژگکیےٹڈڑںھۀەۆێۇۈۋۉېۍڤڭڠۓ")
_ARABIC_LETTERS = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 \-]+$")
_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0640\u064B-\u0652]+")

#: Country-code letters of the Arab world and its neighbours (admin-1 and population bonus).
#: Words ranked above this in SaudiNewsNet are names only of big places (see :func:`_keep_city_name`).
COMMON_STRICT = 6000
#: How many of the most frequent words the build filters consult.
COMMON_FILTER = 20000

REGION_COUNTRIES = frozenset(
    "IQ SY YE SA EG JO LB PS LY TN DZ MA MR SD SO DJ KM KW AE QA BH OM TR IR IL AF PK ER ET TD".split()
)

#: The member states of the Arab League (ISO alpha-2): their place names are Arabic words.
ARAB_COUNTRIES = frozenset("IQ SY YE SA EG JO LB PS LY TN DZ MA MR SD SO DJ KM KW AE QA BH OM".split())
#: Countries whose city names get no final-ا variant (see :func:`_cities`): Israel (Arabic names), Iran,
#: Afghanistan, Tajikistan (Persian final ه is -eh, not -a).
NO_FINAL_A_VARIANT = frozenset("IL IR AF TJ".split())


def name_key(name: str) -> str:
    """Normalised matching key of a name: :func:`normalize_word`, single spaces, no tatweel.

    Example:
        >>> name_key("  الرقّة  ")
        'الرقه'
        >>> name_key("أبو  ظبي")
        'ابو ظبى'
    """
    return " ".join(normalize_word(name).split())


def is_arabic_name(name: str) -> bool:
    """True when ``name`` is written in Arabic letters only (no Persian/Urdu-only letters).

    Example:
        >>> is_arabic_name("باريس"), is_arabic_name("پاریس"), is_arabic_name("Paris")
        (True, False, False)
    """
    if not name or any(c in NON_ARABIC_LETTERS for c in name):
        return False
    return bool(_ARABIC_LETTERS.match(name))


def _inputs(shared: Path) -> list[Path]:
    g = shared / "gazetteer"
    ev = shared / "events" / "up_arabic_dictionaries"
    return [
        g / "mledoze_countries.json", g / "geonames_countryInfo.tsv", g / "geonames_country_translations.json",
        g / "arwikicats_nationalities.json", g / "geonames_cities15000.zip", g / "arwikicats_cities_en_ar.json",
        g / "geonames_regionInfo.tsv", ev / "actor_dict_ar_v4.txt", ev / "agents.all.ar.txt", REGIONS_YAML,
        CITY_FILTERS_YAML,
    ]


def _forced_cities() -> list[int]:
    """GeoNames ids of the cities ``aliases.yaml`` refers to (``ref: gn:<id>``); kept whatever the filters say."""
    aliases = yaml.safe_load(ALIASES_YAML.read_text("utf-8"))
    return sorted({int(str(a["ref"])[3:]) for a in aliases.get("entities", [])
                   if str(a.get("ref", "")).startswith("gn:")})


def inputs_hash(shared: Path) -> str:
    """SHA-1 over :data:`SCRIPT_VERSION`, this script, the input files, the city refs of ``aliases.yaml``
    and the SaudiNewsNet zip names/sizes.

    Args:
        shared: Path of ``../shared/data``.

    Returns:
        40 hex digits.

    Raises:
        FileNotFoundError: If an input file is missing.
    """
    h = hashlib.sha1(SCRIPT_VERSION.encode() + Path(__file__).read_bytes())
    for p in _inputs(shared):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    h.update(repr(_forced_cities()).encode())  # only the city refs of aliases.yaml matter here
    for p in sorted((shared / "news" / "saudinewsnet").glob("*.zip")):
        h.update(f"{p.name}:{p.stat().st_size}\n".encode())
    return h.hexdigest()


# ----------------------------------------------------------------------------- countries

def _countries(shared: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    g = shared / "gazetteer"
    info: dict[str, dict[str, Any]] = {}
    for row in csv.reader(io.StringIO((g / "geonames_countryInfo.tsv").read_text("utf-8")), delimiter="\t"):
        if not row or row[0].startswith("#") or len(row) < 17:
            continue
        info[row[0]] = {"iso3": row[1], "name": row[4], "geonames": int(row[16]) if row[16].isdigit() else None,
                        "population": int(row[7]) if row[7].isdigit() else 0}
    trans = json.loads((g / "geonames_country_translations.json").read_text("utf-8"))
    ar_by_gid = {int(k): v.get("ar") for k, v in trans.items() if k.isdigit()}
    out = []
    en2iso3: dict[str, str] = {}
    for c in json.loads((g / "mledoze_countries.json").read_text("utf-8")):
        iso2, iso3 = c.get("cca2"), c.get("cca3")
        if not iso3:
            continue
        gi = info.get(iso2, {})
        names = []
        ara = c.get("translations", {}).get("ara", {})
        for n in (ara.get("common"), ara.get("official"), ar_by_gid.get(gi.get("geonames"))):
            if n and is_arabic_name(n) and n not in names:
                names.append(n)
        lat, lon = (c.get("latlng") or [None, None])[:2]
        out.append({
            "kind": "country", "label": "GPE", "country": iso3,
            # GeoNames' short English name (Turkey, Czechia); mledoze's for Palestine
            "canonical": c["name"]["common"] if iso2 == "PS" else (gi.get("name") or c["name"]["common"]),
            "geonames": gi.get("geonames"), "lat": lat, "lon": lon, "population": gi.get("population", 0),
            "cameo": iso3, "names": names, "iso2": iso2,
        })
        for en in [c["name"]["common"], c["name"]["official"], gi.get("name"), *c.get("altSpellings", [])]:
            if en:
                en2iso3.setdefault(en.lower(), iso3)
    return out, en2iso3


def _oblique(word: str) -> list[str]:
    """Derived plural forms of a nisba: -يون -> -يين; also the definite forms."""
    forms = []
    if word.endswith("يون"):
        forms.append(word[:-3] + "يين")
    return forms


def _nationalities(shared: Path, en2iso3: dict[str, str], ar2iso3: dict[str, str]) -> list[dict[str, Any]]:
    data = json.loads((shared / "gazetteer" / "arwikicats_nationalities.json").read_text("utf-8"))
    by_country: dict[str, dict[str, set[str]]] = {}
    for _key, d in data.items():
        iso3 = en2iso3.get((d.get("en") or "").lower()) or ar2iso3.get(name_key(d.get("ar") or ""))
        if not iso3:
            continue
        slot = by_country.setdefault(iso3, {"plural": set(), "adj": set(), "demonym": []})
        slot["demonym"].append(_key)
        for f in ("males", "females"):
            w = d.get(f)
            if w and is_arabic_name(w):
                for v in [w, *_oblique(w)]:
                    slot["plural"].update({v, "ال" + v})
        for f in ("male", "female", "the_male", "the_female"):
            w = d.get(f)
            if w and is_arabic_name(w):
                slot["adj"].add(w)
    out = []
    for iso3, slot in sorted(by_country.items()):
        demonym = min(slot["demonym"], key=lambda k: (len(k), k))  # arwikicats' English key: french
        canonical = " ".join(w.capitalize() for w in demonym.replace("_", " ").split()) + " people"
        out.append({"kind": "nationality", "label": "NORP", "canonical": canonical, "country": iso3, "geonames": None,
                    "lat": None, "lon": None, "population": 0, "cameo": iso3, "names": sorted(slot["plural"])})
        out.append({"kind": "nat_adj", "label": "NORP", "canonical": None, "country": iso3, "geonames": None,
                    "lat": None, "lon": None, "population": 0, "cameo": iso3, "names": sorted(slot["adj"])})
    return out


# ----------------------------------------------------------------------------- cities

def _cities(shared: Path, iso2to3: dict[str, str], rank: dict[str, int],
            counts: dict[str, int] | None = None) -> list[dict[str, Any]]:
    g = shared / "gazetteer"
    en_ar = json.loads((g / "arwikicats_cities_en_ar.json").read_text("utf-8"))
    rows = []
    with zipfile.ZipFile(g / "geonames_cities15000.zip") as z:
        text = z.read("cities15000.txt").decode("utf-8")
    for line in text.splitlines():
        f = line.split("\t")
        if len(f) < 15:
            continue
        rows.append(f)
    rows.sort(key=lambda f: -int(f[14] or 0))
    forced = set(_forced_cities())
    not_cities = {name_key(n) for n in yaml.safe_load(CITY_FILTERS_YAML.read_text("utf-8"))["not_cities"]}
    seen_en: set[str] = set()
    ar_en: dict[str, list[str]] = {}
    for en_name, ar_name in en_ar.items():
        ar_en.setdefault(ar_name, []).append(en_name)
    out = []
    for f in rows:
        gid, name, ascii_name, alts = int(f[0]), f[1], f[2], f[3]
        pop = int(f[14] or 0)
        iso3 = iso2to3.get(f[8])
        names = [a for a in alts.split(",") if is_arabic_name(a)]
        en = ascii_name.lower()
        if en not in seen_en:
            seen_en.add(en)
            ar = en_ar.get(en) or en_ar.get(name.lower())
            if ar and is_arabic_name(ar) and ar not in names:
                names.append(ar)
        own = {ascii_name.lower(), name.lower()} | {a.lower() for a in alts.split(",") if a.isascii()}
        # arwikicats: the Arabic Wikipedia title of this city (its English name or an alternate)
        attested = {n for n in names if own.intersection(ar_en.get(n, ()))}
        names = [n for n in names if name_key(n) not in not_cities]
        # "سان بيرناردينو، كاليفورنيا": the part after the comma qualifies the name (a state or
        # country); arwikicats sometimes gives that qualifier as the city's name
        qualifiers = {a.split("،")[-1].strip() for a in alts.split(",") if "،" in a}
        names = [n for n in names if n not in qualifiers]
        # a foreign name ending in -a is written with final ة or ا (كويته، كويتا، قونية، قونيا): GeoNames often
        # gives only the first; the ا form is added for names of five letters or more (فينا "in us" is no Vinh)
        # without the article, outside the Arab countries and Israel (Arabic names: الناصرة is never الناصرا)
        # and the Persian-speaking ones (whose final ه is -eh: مراغه، كرمانشاه)
        if f[8] not in ARAB_COUNTRIES and f[8] not in NO_FINAL_A_VARIANT:
            names += [v for n in names if n[-1:] in "ةه" and " " not in n and len(name_key(n)) >= 5
                      and not name_key(n).startswith("ال") for v in [n[:-1] + "ا"] if v not in names]
        kept = [n for n in names if _keep_city_name(n, pop, f[7], f[8], rank, counts, n in attested)]
        if not kept and gid not in forced:
            continue
        names = kept
        # English canonical: the alternate name that arwikicats gives for one of the Arabic names
        # (Fallujah rather than GeoNames' transliteration Al Fallūjah)
        canonical = ascii_name or name  # GeoNames' ASCII form (Samarra, not Sāmarrā’) unless arwikicats has one
        alt_by_lower: dict[str, str] = {}
        for a in alts.split(","):
            if a and a.isascii() and (a.lower() not in alt_by_lower or a[:1].isupper()):
                alt_by_lower[a.lower()] = a  # prefer the capitalised spelling (Paris, not paris)
        found = [alt_by_lower[e] for n in names for e in ar_en.get(n, ()) if e in alt_by_lower]
        if found and not any(x.lower() in (name.lower(), ascii_name.lower()) for x in found):
            canonical = found[0]  # GeoNames' own name wins when arwikicats agrees (Jerusalem, not Zion)
        out.append({"kind": "city", "label": "GPE", "canonical": canonical, "country": iso3, "geonames": gid,
                    "lat": round(float(f[4]), 5), "lon": round(float(f[5]), 5), "population": pop,
                    "cameo": iso3, "names": names, "fcode": f[7]})
    return out


def _keep_city_name(name: str, pop: int, fcode: str, cc: str, rank: dict[str, int],
                    counts: dict[str, int] | None = None, attested: bool = False) -> bool:
    """Rules that drop city names which are ordinary words (see module docstring).

    Args:
        name: The Arabic name.
        pop: Population.
        fcode: GeoNames feature code (PPLC = capital).
        cc: ISO alpha-2 country code.
        rank: The most frequent SaudiNewsNet words -> rank (0 = most frequent).
        counts: SaudiNewsNet word counts (for the article-alternation rule).
        attested: The name is arwikicats' Arabic title of a city (a notable city's usual name).

    Returns:
        True when the name is kept.

    Example:
        >>> rank = {"ان": 5, "سنه": 900, "مدينه": 100, "المدينه": 120}
        >>> counts = {"سنه": 1798, "السنه": 1133, "مدينه": 6643, "المدينه": 4417}
        >>> [_keep_city_name(n, 400000, "PPL", "IR", rank, counts) for n in ("وان", "سنه", "مشهدين")]
        [False, False, True]
        >>> _keep_city_name("المدينة", 255000, "PPL", "IQ", rank, counts)
        False
        >>> _keep_city_name("جنيف", 201741, "PPLA", "CH", {"جنيف": 3912}, {"جنيف": 900})
        True
    """
    counts = counts or {}
    key = name_key(name)
    letters = key.replace(" ", "")
    if len(letters) < 3:
        return False
    if " " in key:  # a multiword name is no ordinary word; outside the region only towns of 100,000+
        return cc in REGION_COUNTRIES or pop >= 100_000
    big_world = pop >= 500_000 or (fcode == "PPLC" and pop >= 300_000)
    # a notable foreign city (a capital or admin-1 seat, or a Wikipedia-titled city) of 150,000+
    # keeps a name that is no ordinary word: جنيف (Geneva, 200,000) is news, not vocabulary
    notable = (cc not in REGION_COUNTRIES and pop >= 150_000 and (attested or fcode in ("PPLC", "PPLA"))
               and not ordinary_word(key, rank, counts) and rank.get(key, 10**9) >= 300)
    if notable:
        return True
    if cc not in REGION_COUNTRIES and not big_world:
        return False
    if (key[0] in "وفبلك" and not key.startswith("ال") and rank.get(key[1:], 10**9) < 3000
            and pop < 1_000_000 and fcode != "PPLC"):
        return False  # وان = و + ان
    alt = key[2:] if key.startswith("ال") else "ال" + key
    n, n_alt = counts.get(key, 0), counts.get(alt, 0)
    # a regional town written with ال (الحلة، الكوت) is a noun only when the bare form is more frequent
    regional = key.startswith("ال") and cc in REGION_COUNTRIES and pop >= 150_000
    share, floor = (1.0, 100) if regional else (0.3, 10)
    if n_alt >= floor and n_alt >= share * n and pop < 1_000_000 and fcode != "PPLC":
        return False  # سنة/السنة, المدينة/مدينة: a common noun (a capital or metropolis stays: كابل)
    r = rank.get(key, 10**9)
    if r >= len(rank):
        return len(letters) >= 4 or pop >= 100_000
    if r < COMMON_STRICT:  # a frequent word: a name in the news (عدن، الزبداني), or an ordinary word
        if cc not in REGION_COUNTRIES:
            return fcode == "PPLC" or pop >= 2_000_000  # أبا "father" is not Aba, Nigeria
        return pop >= 100_000 or r >= 3000
    return True


# ----------------------------------------------------------------------------- regions

def _regions(shared: Path, iso2to3: dict[str, str]) -> list[dict[str, Any]]:
    info = {}
    for row in csv.reader(io.StringIO((shared / "gazetteer" / "geonames_regionInfo.tsv").read_text("utf-8")),
                          delimiter="\t"):
        if row and not row[0].startswith("#") and len(row) >= 4:
            info[row[0]] = (row[2], int(row[3]) if row[3].isdigit() else None)
    data = yaml.safe_load(REGIONS_YAML.read_text("utf-8"))
    out = []
    for r in data["regions"]:
        en, gid = info.get(r["code"], (None, None))
        if en is None:
            raise ValueError(f"{REGIONS_YAML}: region {r['id']}: admin-1 code {r['code']} not in GeoNames")
        out.append({"kind": "region", "label": "GPE", "canonical": en, "country": iso2to3.get(r["code"][:2]),
                    "geonames": gid, "lat": None, "lon": None, "population": 0,
                    "cameo": iso2to3.get(r["code"][:2]), "names": r["ar"], "rid": r["id"]})
    for r in data.get("other", []):
        out.append({"kind": "region", "label": r.get("label", "GPE"), "canonical": r["en"], "country": r["country"],
                    "geonames": None, "lat": None, "lon": None, "population": 0, "cameo": r["country"],
                    "names": r["ar"], "rid": r["id"]})
    return out


# ----------------------------------------------------------------------------- CAMEO actors

_CODE = re.compile(r"\[\s*~?([A-Z]{3,15}\??)\s*(?:(>)\s*(\d{8})|(\d{8})\s*-\s*(\d{8}))?\s*\]")
_ORG_HEADS = frozenset(name_key(w) for w in (
    "حكومة حزب حركة جبهة وزارة مجلس جيش قوة قوات وكالة صحيفة جريدة مجلة منظمة اتحاد جامعة بنك شركة تنظيم جماعة "
    "هيئة لجنة محكمة برلمان ائتلاف تحالف مؤسسة كتائب كتيبة لواء ألوية فيلق شرطة مكتب رابطة نقابة منتدى "
    "مركز قناة إذاعة ديوان الديوان سفارة قيادة مجموعة").split())
_BAD_WORDS = frozenset(name_key(w) for w in "ل هو هي في من عن إلى أو حتى خلال بعض , ، و".split())
#: Words that may stand inside a person's name although they are frequent.
_NAME_PARTICLES = frozenset(name_key(w) for w in "على عبد بن ابن أبو أبي آل ال الله الدين".split())


def parse_actor_dict(text: str) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """Parse a UniversalPetrarch actor dictionary.

    Args:
        text: The dictionary text: a name line (words joined by ``_``) with an inline ``[CODE]`` or
            followed by indented ``[CODE start-end]`` / ``[CODE >start]`` lines (dates ``YYYYMMDD``).

    Returns:
        ``[(name, [(code, start, end), ...]), ...]``; ``start``/``end`` are ``YYYYMMDD`` ints, 0 when
        open. An end before the start (the dictionary's ``-18000101`` "no end" marker) becomes 0.

    Example:
        >>> parse_actor_dict("نوري_المالكي_\\n\\t[IRQGOV 20101221-20140908]\\nحماس  [PSEREB]\\n")
        [('نوري المالكي', [('IRQGOV', 20101221, 20140908)]), ('حماس', [('PSEREB', 0, 0)])]
    """
    out: list[tuple[str, list[tuple[str, int, int]]]] = []
    cur: tuple[str, list[tuple[str, int, int]]] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = []
        for m in _CODE.finditer(line):
            code = m.group(1).rstrip("?")
            if m.group(2):
                start, end = int(m.group(3)), 0
            elif m.group(4):
                start, end = int(m.group(4)), int(m.group(5))
                if end < start:
                    end = 0
            else:
                start = end = 0
            codes.append((code, start, end))
        name_part = _CODE.sub("", line).strip()
        if name_part and not name_part.startswith("["):
            name = " ".join(name_part.replace("_", " ").split())
            cur = (name, codes)
            out.append(cur)
        elif cur is not None:
            cur[1].extend(codes)
    return [(n, c) for n, c in out if c]


def ordinary_word(key: str, rank: dict[str, int], counts: dict[str, int]) -> bool:
    """True when a one-word normalised key behaves like an ordinary word in SaudiNewsNet.

    Either a proclitic + a frequent word (وان = و + ان), or a word also written with/without the
    article about as often (صورة/الصورة, مغرب/المغرب).

    Example:
        >>> ordinary_word("صوره", {}, {"صوره": 500, "الصوره": 400})
        True
        >>> ordinary_word("بغداد", {}, {"بغداد": 634})
        False
    """
    if key[0] in "وفبلك" and not key.startswith("ال") and rank.get(key[1:], 10**9) < 3000:
        return True
    alt = key[2:] if key.startswith("ال") else "ال" + key
    n, n_alt = counts.get(key, 0), counts.get(alt, 0)
    return n_alt >= 10 and n_alt >= 0.3 * n


_NISBA_END = ("ى", "يه", "يين", "يون", "يات")


def _actors(shared: Path, iso3s: set[str], rank: dict[str, int], adjectives: set[str],
            counts: dict[str, int] | None = None, places: set[str] = frozenset()) -> list[dict[str, Any]]:
    """Actors of the CAMEO actor dictionary that look like names (see :func:`parse_actor_dict`).

    One-word entries must not be ordinary words (:func:`ordinary_word`, frequency rank), nor
    nisba adjectives (أميركية), unless they are already place names (``places``); multiword
    people must not contain adjectives (سفير سعودي), multiword organisations need one rare word.
    """
    counts = counts or {}
    text = (shared / "events" / "up_arabic_dictionaries" / "actor_dict_ar_v4.txt").read_text("utf-8", "replace")
    merged: dict[str, list[tuple[str, int, int]]] = {}
    for name, codes in parse_actor_dict(text):
        if not is_arabic_name(name):
            continue
        words = name_key(name).split()
        if not words or len(words) > 5 or any(w in _BAD_WORDS for w in words):
            continue
        lst = merged.setdefault(name, [])
        for c in codes:
            if c not in lst:
                lst.append(c)
    out = []
    for name, codes in merged.items():
        words = name_key(name).split()
        first = codes[0][0]
        country = first[:3] if first[:3] in iso3s else None
        if len(words) == 1:
            w = words[0]
            bare = w[2:] if w.startswith("ال") and len(w) > 4 else w
            r = min(rank.get(w, 10**9), rank.get(bare, 10**9))
            if country is None and first not in ("IGO", "IMG", "NGO"):
                continue  # a bare agent word (جيش MIL, إعلام MED): a role, not a name
            if w in adjectives or bare in adjectives or len(w) < 3:
                continue
            if w not in places:
                if r < COMMON_STRICT or ordinary_word(w, rank, counts):
                    continue  # صورة، ترك، عون: ordinary words
                if w.endswith(_NISBA_END) and len(w) >= 5:
                    continue  # أميركية: an adjective
            placeish = all(c[0] in iso3s for c in codes)
            dated = any(c[1] for c in codes)
            label = "GPE" if placeish else ("PER" if dated and len(first) > 3 else "ORG")
        elif words[0] in _ORG_HEADS or (words[0].startswith("ال") and words[0][2:] in _ORG_HEADS):
            if all(rank.get(w, 10**9) < COMMON_STRICT for w in words):
                continue  # حكومة وحدة، مجلس شورى: a generic phrase
            label = "ORG"
        elif all(w in _NAME_PARTICLES or rank.get(w, 10**9) >= 1000 for w in words) or (
                rank.get(words[0], 10**9) >= 2000 and words[0] not in adjectives  # صدام حسين
                and all(w in _NAME_PARTICLES or rank.get(w, 10**9) >= 300 for w in words[1:])):
            if any(w in adjectives or w.replace("امير", "امري") in adjectives for w in words[1:]):
                continue  # سفير سعودي: a role with a nationality
            label = "PER"
        else:
            continue  # a phrase of ordinary words (نائب رئيس، حكومة المالكي): a role, not a name
        out.append({"kind": "actor", "label": label, "canonical": None, "country": country, "geonames": None,
                    "lat": None, "lon": None, "population": 0, "cameo": [list(c) for c in codes], "names": [name]})
    return out


def _agents(shared: Path) -> dict[str, str]:
    """Arabic agent/role words -> CAMEO agent code (``agents.all.ar.txt``)."""
    out: dict[str, str] = {}
    text = (shared / "events" / "up_arabic_dictionaries" / "agents.all.ar.txt").read_text("utf-8", "replace")
    pat = re.compile(r"\[~([A-Z]{3})\]\s*(?:#[^\u0600-\u06FF]*)?([\u0600-\u06FF][\u0600-\u06FF ]*)")
    for line in text.splitlines():
        m = pat.search(line)
        if m:
            key = name_key(m.group(2))
            if key and key not in out:
                out[key] = m.group(1)
    return out


# ----------------------------------------------------------------------------- common words

def count_words(shared: Path) -> collections.Counter:
    """Normalised word counts over the SaudiNewsNet zips (only counts are kept).

    Raises:
        FileNotFoundError: If no SaudiNewsNet zip is found.
    """
    zips = sorted((shared / "news" / "saudinewsnet").glob("*.zip"))
    if not zips:
        raise FileNotFoundError(f"no SaudiNewsNet zips under {shared / 'news' / 'saudinewsnet'}")
    raw: collections.Counter = collections.Counter()
    for zp in zips:
        with zipfile.ZipFile(zp) as z:
            for member in z.namelist():
                if not member.endswith(".json"):
                    continue
                for art in json.loads(z.read(member).decode("utf-8")):
                    raw.update(_WORD.findall(art.get("content") or ""))
    out: collections.Counter = collections.Counter()
    for w, n in raw.items():
        out[normalize_word(w)] += n
    return out


# ----------------------------------------------------------------------------- main

def build_gazetteer(shared: Path, out: Path = GAZETTEER_PATH, n_common: int = 20000) -> str:
    """Compile the gazetteer and write ``out`` (gzip JSON).

    Output object: ``{"format": "hadath.gazetteer/1", "script_version", "inputs_sha1",
    "fields": [...], "entries": [[...], ...], "names": {key: [entry index, ...]},
    "common": [word, ...] (most frequent first), "agents": {word: code}}``. Each entry lists the
    values of ``fields``: kind (country|nationality|nat_adj|city|region|actor), label, canonical
    (English), country (ISO alpha-3), geonames, lat, lon, population, cameo (a code, or
    ``[[code, start, end], ...]`` with ``YYYYMMDD`` ints, 0 = open), best (best Arabic name).
    Name keys are :func:`name_key` forms.

    Args:
        shared: Path of ``../shared/data``.
        out: Output path.
        n_common: How many of the most frequent SaudiNewsNet words to keep as the common-word list.

    Returns:
        A one-line summary (str).

    Raises:
        FileNotFoundError: If an input is missing.
    """
    counts = count_words(shared)
    ranked = [w for w, _ in counts.most_common(max(n_common, COMMON_FILTER))]
    rank = {w: i for i, w in enumerate(ranked)}
    common_list = ranked[:n_common]
    countries, en2iso3 = _countries(shared)
    for c in countries:  # مالي "financial", كاميرون "Cameron", بنين "sons": far countries' ordinary words
        if c["iso2"] not in REGION_COUNTRIES:
            c["names"] = [n for n in c["names"] if " " in name_key(n) or rank.get(name_key(n), 10**9) >= COMMON_STRICT
                          or not ordinary_word(name_key(n), rank, counts)]
    iso2to3 = {c["iso2"]: c["country"] for c in countries}
    ar2iso3 = {name_key(n): c["country"] for c in countries for n in c["names"]}
    ar2iso3.update({name_key(n[2:]): v for n, v in list(ar2iso3.items()) if n.startswith("ال")})
    items = countries + _nationalities(shared, en2iso3, ar2iso3) + _regions(shared, iso2to3)
    items += _cities(shared, iso2to3, rank, counts)
    adjectives = {name_key(n) for it in items if it["kind"] in ("nat_adj", "nationality") for n in it["names"]}
    places = {name_key(n) for it in items if it["kind"] in ("country", "city", "region") for n in it["names"]}
    items += _actors(shared, {c["country"] for c in countries}, rank, adjectives, counts, places)
    fields = ["kind", "label", "canonical", "country", "geonames", "lat", "lon", "population", "cameo", "best"]
    entries = []
    names: dict[str, list[int]] = {}
    for it in items:
        it["best"] = it["names"][0] if it["names"] else None
        idx = len(entries)
        entries.append([it.get(f) for f in fields])
        for n in it["names"]:
            k = name_key(n)
            if k:
                lst = names.setdefault(k, [])
                if idx not in lst:
                    lst.append(idx)
    obj = {
        "format": "hadath.gazetteer/1", "script_version": SCRIPT_VERSION, "inputs_sha1": inputs_hash(shared),
        "fields": fields, "entries": entries, "names": dict(sorted(names.items())), "common": common_list,
        "agents": dict(sorted(_agents(shared).items())),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(out, "wb") as fh:  # fixed mtime: byte-identical output for identical inputs
        with gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
            gz.write(data)
    kinds = collections.Counter(e[0] for e in entries)
    return f"wrote {out} ({out.stat().st_size} bytes): {len(names)} names, " + ", ".join(
        f"{k} {v}" for k, v in sorted(kinds.items()))
