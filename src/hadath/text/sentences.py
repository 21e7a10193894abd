"""Sentence splitting for Arabic news text.

Breaks after ``. ! ؟ ? ؛ …`` followed by whitespace or the end, never inside a
quotation (« » “ ” and balanced straight quotes), never after an abbreviation
(د. أ. ...: ``hadath/text/ar/sentences.yaml``), never at the Arabic comma, and
never between a speaker's colon and the quote. A line break always ends a
sentence (paragraphs are split before this step).

Example:
    >>> sp = SentenceSplitter.load()
    >>> t = "قال الوزير: «سنبدأ العمل غداً». وأضاف أن الخطة جاهزة."
    >>> [t[s:e] for s, e in sp.split(t)]
    ['قال الوزير: «سنبدأ العمل غداً».', 'وأضاف أن الخطة جاهزة.']
    >>> len(sp.split("وصل د. سامي إلى المستشفى صباحا."))
    1
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

from hadath.text.normalize import normalize_word

__all__ = ["SentenceSplitter"]

_MAX_QUOTE = 600  # code points: an unclosed or runaway quote stops protecting breaks after this


@dataclass(frozen=True)
class SentenceSplitter:
    """Rule-based sentence splitter (data: ``hadath/text/ar/sentences.yaml``)."""

    abbreviations: frozenset[str]
    terminators: frozenset[str]
    openers: dict[str, str]

    @classmethod
    def load(cls) -> "SentenceSplitter":
        """Build from the shipped data file."""
        d = yaml.safe_load(resources.files("hadath.text").joinpath("ar/sentences.yaml").read_text("utf-8"))
        return cls(
            abbreviations=frozenset(normalize_word(a) for a in d["abbreviations"]),
            terminators=frozenset(d["terminators"]),
            openers={a: b for a, b in d["quotes"]},
        )

    def split(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Split ``text[start:end]`` into sentences.

        Args:
            text: The document text.
            start: Start offset (code points).
            end: End offset (exclusive); default ``len(text)``.

        Returns:
            Half-open ``(start, end)`` sentence spans, trimmed of surrounding whitespace.
        """
        end = len(text) if end is None else end
        spans: list[tuple[int, int]] = []
        s = start
        closer_stack: list[tuple[str, int]] = []
        straight_open: int | None = None
        i = start
        while i < end:
            ch = text[i]
            if closer_stack and ch == closer_stack[-1][0]:
                closer_stack.pop()
            elif ch in self.openers:
                closer_stack.append((self.openers[ch], i))
            elif ch == '"':
                straight_open = None if straight_open is not None else i
            if closer_stack and i - closer_stack[-1][1] > _MAX_QUOTE:
                closer_stack.clear()
            if straight_open is not None and i - straight_open > _MAX_QUOTE:
                straight_open = None
            if ch == "\n":
                self._add(text, s, i, spans)
                s = i + 1
                closer_stack.clear()
                straight_open = None
            elif ch in self.terminators and not closer_stack and straight_open is None:
                j = i + 1
                while j < end and text[j] in self.terminators:
                    j += 1
                # closing quotes/brackets right after the terminator belong to this sentence
                while j < end and text[j] in "»”\"')]":
                    j += 1
                if (j >= end or text[j].isspace()) and not self._is_abbrev(text, s, i):
                    self._add(text, s, j, spans)
                    s = j
                    i = j
                    continue
            i += 1
        self._add(text, s, end, spans)
        return spans

    def _is_abbrev(self, text: str, s: int, i: int) -> bool:
        if text[i] != ".":
            return False
        k = i
        while k > s and not text[k - 1].isspace():
            k -= 1
        word = text[k:i]
        if not word or word.isdigit():
            return False
        return normalize_word(word) in self.abbreviations

    @staticmethod
    def _add(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
