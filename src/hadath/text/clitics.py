"""Rule- and lexicon-based clitic segmentation of normalised Arabic words.

Proclitics (و ف, then ب ك ل س, then the article ال; ل + ال written لل) and
pronominal enclitics (ه ها هم هما هن ك كم كن نا ني ى) are split off when the
remaining stem is a known word form. Known forms come from the shipped
vocabulary ``hadath/data/text/vocab.tsv.gz`` (normalised word counts over
SaudiNewsNet, built by ``python -m hadath.build vocab``); the clitic inventory
is ``hadath/text/ar/clitics.yaml`` (ATB segmentation scheme).

Segments are normalised strings, in order; the article is its own segment.

Example:
    >>> seg = Segmenter.load()
    >>> seg.segment("واسم")
    ['و', 'اسم']
    >>> seg.segment("للتحالف")
    ['ل', 'ال', 'تحالف']
    >>> seg.segment("بلادهم")
    ['بلاد', 'هم']
    >>> seg.segment("سوريا")
    ['سوريا']
"""
from __future__ import annotations

import functools
import gzip
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType

import yaml

__all__ = ["Segmenter", "load_vocab"]

_MIN_STEM = 2


@functools.lru_cache(maxsize=1)
def load_vocab() -> Mapping[str, int]:
    """Load the shipped vocabulary: normalised word form -> corpus count (read-only).

    Loaded once per process (about 0.2 s, 117k forms) and shared by its users, the
    clitic :class:`Segmenter` and the times stage's future-verb check.

    Raises:
        FileNotFoundError: If the compiled vocabulary is missing from the package.
    """
    path = resources.files("hadath.data").joinpath("text/vocab.tsv.gz")
    vocab: dict[str, int] = {}
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, _, c = line.rstrip("\n").partition("\t")
            vocab[w] = int(c)
    return MappingProxyType(vocab)


@dataclass
class Segmenter:
    """Segments normalised words into clitics and stem.

    Attributes:
        vocab: Normalised form -> corpus count.
        conjunctions, particles: Proclitic slots (normalised).
        article: The definite article (``ال``).
        lam_article: ``لل`` (ل + ال with the alef dropped).
        enclitics: Pronominal enclitics, longest first.
        unsegmentable: Whole words never split.
        min_count: A stem is "known" when its count is at least this.
    """

    vocab: Mapping[str, int]
    conjunctions: tuple[str, ...]
    particles: tuple[str, ...]
    article: str
    lam_article: str
    enclitics: tuple[str, ...]
    unsegmentable: frozenset[str]
    pronoun_hosts: dict[str, str] = field(default_factory=dict)
    min_count: int = 5
    _cache: dict[tuple[str, bool], tuple[str, ...]] = field(default_factory=dict, repr=False)
    _ta: bool = field(default=False, repr=False)

    @classmethod
    def load(cls) -> "Segmenter":
        """Build a segmenter from the shipped clitic inventory and vocabulary."""
        data = yaml.safe_load(resources.files("hadath.text").joinpath("ar/clitics.yaml").read_text("utf-8"))
        return cls(
            vocab=load_vocab(),
            conjunctions=tuple(data["conjunctions"]),
            particles=tuple(data["particles"]),
            article=data["article"],
            lam_article=data["lam_article"],
            enclitics=tuple(data["enclitics"]),
            unsegmentable=frozenset(data["unsegmentable"]),
            pronoun_hosts=dict(data.get("pronoun_hosts") or {}),
        )

    def known(self, w: str) -> bool:
        """True when ``w`` is a known word form (count >= min_count)."""
        return self.vocab.get(w, 0) >= self.min_count

    def segment(self, word: str, ta_marbuta: bool = False) -> list[str]:
        """Split a normalised word into ``[proclitics..., stem, enclitic?]``.

        Args:
            word: A normalised word (see :func:`hadath.text.normalize.normalize_word`).
            ta_marbuta: True when the raw word ends in ة (normalised to ه): its
                final ه is then not the pronoun enclitic.

        Returns:
            The segments (list of str); ``[word]`` when nothing is split.
        """
        key = (word, ta_marbuta)
        hit = self._cache.get(key)
        if hit is None:
            self._ta = ta_marbuta
            hit = tuple(self._segment(word))
            if len(self._cache) < 200_000:
                self._cache[key] = hit
        return list(hit)

    def _split_enclitic(self, stem: str, definite: bool) -> list[str]:
        if definite or stem in self.unsegmentable:
            return [stem]
        for enc in self.enclitics:
            if enc == "ه" and self._ta:
                continue
            if stem.endswith(enc) and stem[: -len(enc)] in self.pronoun_hosts:
                return [self.pronoun_hosts[stem[: -len(enc)]], enc]
            if stem.endswith(enc) and len(stem) - len(enc) >= _MIN_STEM + 1:
                base = stem[: -len(enc)]
                # ta marbuta is written ت before an enclitic: حكومتهم -> حكومه + هم
                cands = [base] + ([base[:-1] + "ه"] if base.endswith("ت") else [])
                for b in cands:
                    if self.known(b) and (len(enc) > 1 or self.vocab.get(b, 0) > self.vocab.get(stem, 0)):
                        return [b, enc]
        return [stem]

    def _segment(self, w: str) -> list[str]:
        if len(w) < 3 or w in self.unsegmentable or not ("\u0621" <= w[0] <= "\u064a"):
            return [w]
        candidates: list[list[str]] = []
        for conj in ("",) + self.conjunctions:
            if conj and not w.startswith(conj):
                continue
            rest1 = w[len(conj):]
            for part in ("",) + self.particles:
                if part and not rest1.startswith(part):
                    continue
                rest2 = rest1[len(part):]
                options: list[tuple[list[str], str, bool]] = []
                if part == "ل" and rest2.startswith("ل") and len(rest2) > 3:
                    options.append(([self.article], rest2[1:], True))  # لل -> ل + ال
                if rest2.startswith(self.article) and len(rest2) - 2 >= _MIN_STEM:
                    # a two-letter stem after ال must be a known word (الام = ال + ام, but الاف = آلاف)
                    if len(rest2) - 2 > _MIN_STEM or self.known(rest2[2:]):
                        options.append(([self.article], rest2[2:], True))
                options.append(([], rest2, False))
                for art, stem, definite in options:
                    pre = [p for p in (conj, part) if p] + art
                    if not pre or len(stem) < _MIN_STEM or (part == "س" and definite):
                        continue  # the future marker س only goes on verbs
                    if not definite and stem.startswith(self.article) and len(stem) > 3:
                        continue  # the article is always its own segment
                    stem_known = self.known(stem) or self.known(self.article + stem)
                    if not (definite or stem_known):
                        continue
                    if definite and not stem_known and self.known(w):
                        continue  # a known word with an unknown stem is whole (كاليفورنيا is not ك + ال + يفورنيا)
                    # a known whole word much more frequent than its stem stays whole (وصل is not و + صل)
                    if not definite and self.vocab.get(w, 0) > 20 * max(self.vocab.get(stem, 0), 1):
                        continue
                    free = (self.article + stem) if definite else stem
                    score = (self.vocab.get(free, 0) + self.vocab.get(stem, 0), len(pre))
                    candidates.append((score, pre + self._split_enclitic(stem, definite)))
        if not candidates:
            return self._split_enclitic(w, w.startswith(self.article) and len(w) > 4)
        # the reading whose stem is the most frequent free word wins (وباتت = و + باتت, not و + ب + اتت)
        return max(candidates, key=lambda c: c[0])[1]
