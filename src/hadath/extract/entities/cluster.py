"""Clustering of entity mentions into entities.

Rules:

* mentions linked to the same gazetteer entry are one entity (داعش = تنظيم الدولة = الدولة
  الإسلامية through the curated aliases);
* unlinked mentions with the same normalised key and label are one entity;
* a person mention whose words are a contiguous part of a longer person name in the same document
  (the surname alone, or the first name alone) joins that person (المالكي -> نوري المالكي);
* anaphors (التنظيم after ISIS has been named) are added by the extractor, see
  :func:`hadath.extract.entities.EntityExtractor`.

Example:
    >>> ms = [Mention(0, 9, "PER", "نورى المالكى"), Mention(20, 27, "PER", "المالكى")]
    >>> [[m.key for m in c] for c in cluster(ms)]
    [['نورى المالكى', 'المالكى']]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Mention", "cluster"]


@dataclass
class Mention:
    """One mention before clustering (normalised offsets).

    Attributes:
        start: Normalised start offset.
        end: Normalised end offset (exclusive).
        label: PER ORG GPE LOC NORP FAC EVENT.
        key: Normalised name key (clitics stripped, ال restored after لل).
        entry: Linked :class:`~hadath.extract.entities.gazetteer.Entry` or None.
        source: model | gazetteer | rule.
        rule: Id of the rule that produced it.
        confidence: 0..1.
        country: ISO alpha-3 or None (for unlinked mentions from rules).
        cameo: CAMEO code or None (for unlinked mentions from rules).
        canonical: English name or None (for unlinked mentions from rules).
        roles: Titles/roles attached (raw strings), for people.
        restored: The name text with ال restored when written as لل, else None.
        soft: A place reading kept on weak evidence (a frequent word, no strong cue): a person
            name read over it (بول بيا) replaces it.
    """

    start: int
    end: int
    label: str
    key: str
    entry: Any = None
    source: str = "gazetteer"
    rule: str = ""
    confidence: float = 0.8
    country: str | None = None
    cameo: str | None = None
    canonical: str | None = None
    roles: list[str] = field(default_factory=list)
    restored: str | None = None
    soft: bool = False


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return 0 < n < len(long) and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def cluster(mentions: list[Mention]) -> list[list[Mention]]:
    """Group mentions into entities.

    Args:
        mentions: Mentions in any order.

    Returns:
        Clusters (lists of mentions in text order), ordered by their first mention.
    """
    groups: dict[Any, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        k = ("e", m.entry.uid) if m.entry is not None else ("k", m.label, m.key)
        groups.setdefault(k, []).append(m)
    clusters = list(groups.values())
    # persons: short names join the longest containing name
    per = [c for c in clusters if c[0].label == "PER"]
    # the words of each person cluster's longest name (merging only adds shorter names to a cluster)
    longest = {id(c): max((m.key.split() for m in c), key=len) for c in per}
    per.sort(key=lambda c: -len(longest[id(c)]))
    merged: set[int] = set()
    for i, short in enumerate(per):
        sw = longest[id(short)]
        for long in per[:i]:
            if id(long) in merged:
                continue
            lw = longest[id(long)]
            if _contains(lw, sw):
                long.extend(short)
                long.sort(key=lambda m: m.start)
                merged.add(id(short))
                break
    out = [c for c in clusters if id(c) not in merged]
    out.sort(key=lambda c: c[0].start)
    return out
