"""Linking: choose the referent of an ambiguous name from the document, and pick CAMEO codes by date.

Rules (in order): curated entries and countries before admin-1 regions, before cities, before
CAMEO actors; among places, one whose country is named elsewhere in the document (a country name,
a nationality or a city of that country) wins, then the larger population. So الرقة is the Syrian
city (pop. 531,952) in an article about Syria, and also by population against the Kuwaiti town.
A country name that is also a city's name (عمان: Oman / Amman) is the city when the article names
the city's country and not the homonymous country.

Example:
    >>> cameo_at([["IRQGOV", 20101221, 20140908], ["IRQELI", 20140908, 20161010]], 20150101)
    'IRQELI'
    >>> cameo_at("USA", None)
    'USA'
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from hadath.extract.entities.gazetteer import Entry

__all__ = ["cameo_at", "choose", "actor_code", "KIND_PRIORITY"]

#: Base score per entry kind (higher wins).
KIND_PRIORITY = {"curated": 6.0, "country": 5.0, "nationality": 4.5, "region": 3.0, "city": 2.0, "actor": 1.0,
                 "nat_adj": 0.0}


def cameo_at(cameo: Any, date: int | None) -> str | None:
    """The CAMEO code valid at ``date``.

    Args:
        cameo: A code (str), None, or ``[[code, start, end], ...]`` with ``YYYYMMDD`` ints
            (0 = open start or end).
        date: ``YYYYMMDD`` int (the publication date), or None (then the range with the latest
            start is used).

    Returns:
        The code, or None when no range covers the date.
    """
    if cameo is None or isinstance(cameo, str):
        return cameo
    best: tuple[int, str] | None = None
    for code, start, end in cameo:
        if date is None:
            cand = (start, code)
        elif (start == 0 or start <= date) and (end == 0 or date < end):
            cand = (start, code)
        else:
            continue
        if best is None or cand[0] > best[0]:
            best = cand
    return best[1] if best else None


def doc_countries(entries_per_match: Iterable[Sequence[Entry]]) -> Counter:
    """Country evidence of a document: counts of ISO alpha-3 codes named unambiguously.

    Args:
        entries_per_match: For each name match, its candidate entries.

    Returns:
        Counter of alpha-3 codes from matches whose candidates all agree on one country.
    """
    c: Counter = Counter()
    for ents in entries_per_match:
        cs = {e.country for e in ents if e.country}
        if len(cs) == 1:
            c[cs.pop()] += 1
    return c


def score(e: Entry, countries: Counter) -> float:
    """Score of a candidate entry given the document's country evidence (higher wins)."""
    s = KIND_PRIORITY.get(e.kind, 0.0)
    if e.kind in ("city", "region", "actor") and e.country and countries.get(e.country):
        s += 2.5
    if e.population:
        s += min(math.log10(e.population + 1), 8.0) / 8.0
    if e.context:  # a shared curated name (التحالف الدولي): the reading the document's countries support
        s += 0.1 * min(sum(countries.get(c, 0) for c in e.context), 5)
    return s


def choose(entries: Sequence[Entry], countries: Counter) -> Entry | None:
    """Pick the referent among candidate entries (None when only nationality adjectives).

    Example:
        >>> from hadath.extract.entities.gazetteer import Gazetteer
        >>> g = Gazetteer.load()
        >>> choose(g.lookup("الرقه"), Counter({"SYR": 2})).country
        'SYR'
        >>> [choose(g.lookup("عمان"), Counter(c)).canonical for c in ({"JOR": 1}, {"OMN": 1}, {})]
        ['Amman', 'Oman', 'Oman']
        >>> [choose(g.lookup("قوات التحالف الدوليه"), Counter(c)).canonical[:5] for c in ({"AFG": 1}, {"YEM": 2}, {})]
        ['Combi', 'Saudi', 'Combi']
    """
    cands = [e for e in entries if e.kind != "nat_adj"]
    if len(cands) <= 1:
        return cands[0] if cands else None
    best = max(cands, key=lambda e: (score(e, countries), -e.idx))
    if best.kind == "country" and not countries.get(best.country or ""):
        # عمان: Oman (a country) or Amman (Jordan's capital): with Jordan named in the article
        # (الأردن، أردني، عبدالله الثاني) and Oman not, the city of the named country wins
        local = [e for e in cands if e.kind in ("city", "region") and e.country and countries.get(e.country)]
        if local:
            best = max(local, key=lambda e: (score(e, countries), -e.idx))
    return best


def actor_code(entries: Sequence[Entry], date: int | None, country: str | None = None) -> str | None:
    """CAMEO code from the actor-dictionary senses of a name, valid at ``date`` (None if none).

    Args:
        entries: The candidate entries of the name.
        date: ``YYYYMMDD`` int or None.
        country: When given (the ISO alpha-3 of the chosen place), only codes of that country count:
            the code follows the chosen link, never another reading of the name (طرابلس is listed
            as LBN and LBY; Tripoli, Libya gets LBY).

    Example:
        >>> from hadath.extract.entities.gazetteer import Gazetteer
        >>> ents = Gazetteer.load().lookup("طرابلس")
        >>> actor_code(ents, None, "LBY"), actor_code(ents, None, "LBN"), actor_code(ents, None, "FRA")
        ('LBY', 'LBN', None)
    """
    for e in entries:
        if e.kind == "actor":
            cameo = e.cameo
            if country is not None:
                if isinstance(cameo, str):
                    cameo = cameo if cameo[:3] == country else None
                elif cameo is not None:
                    cameo = [r for r in cameo if str(r[0])[:3] == country]
                if not cameo:
                    continue
            c = cameo_at(cameo, date)
            if c:
                return c
    return None
