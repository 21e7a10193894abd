"""Sentence splitting for Arabic news text.

Breaks after ``. ! ؟ ? ؛ …`` followed by whitespace or the end, never inside a
quotation (« » “ ” and balanced straight quotes), never after an abbreviation
(د. أ. ...: ``hadath/text/ar/sentences.yaml``), never at the Arabic comma, and
never between a speaker's colon and the quote. A line break always ends a
sentence (paragraphs are split before this step).

A sentence longer than :data:`MAX_SENTENCE` code points (a text with no
full stops: a transcript, a scraped page that lost its punctuation) is cut
into pieces of at most that length, each at a word boundary: after the last
Arabic or Latin comma or semicolon followed by a space in the second half of
the window, else at the last space; a window with no space at all (one
"word" of that length) is cut at the limit, never between a letter and its
combining marks. Later stages work sentence by sentence (the tagger's
arrays grow with the sentence), so this bounds their memory; real news
sentences are far shorter (on SaudiNewsNet 99.9% are under 1,400 code
points).

Example:
    >>> sp = SentenceSplitter.load()
    >>> t = "قال الوزير: «سنبدأ العمل غداً». وأضاف أن الخطة جاهزة."
    >>> [t[s:e] for s, e in sp.split(t)]
    ['قال الوزير: «سنبدأ العمل غداً».', 'وأضاف أن الخطة جاهزة.']
    >>> len(sp.split("وصل د. سامي إلى المستشفى صباحا."))
    1
    >>> long = " ".join(["كلمة"] * 1000)  # 4,999 code points, no full stop
    >>> [e - s for s, e in sp.split(long)]
    [1999, 1999, 999]
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from importlib import resources

import yaml

from hadath.text.normalize import normalize_word

__all__ = ["SentenceSplitter", "MAX_SENTENCE"]

#: Longest sentence (code points) the splitter gives; longer runs without a sentence end are cut at
#: word boundaries (see the module docstring). Far above real news sentences (SaudiNewsNet: 99.9th
#: percentile about 1,400, longest about 3,400), low enough that a 200,000 code point text with no
#: full stop does not make the later stages hold arrays for one 40,000-word sentence.
MAX_SENTENCE = 2000

_BREAK_AFTER = "،,؛;"  # a cut prefers the place after these (followed by a space)

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

    def split(self, text: str, start: int = 0, end: int | None = None,
              max_len: int = MAX_SENTENCE) -> list[tuple[int, int]]:
        """Split ``text[start:end]`` into sentences.

        Args:
            text: The document text.
            start: Start offset (code points).
            end: End offset (exclusive); default ``len(text)``.
            max_len: Longest sentence (code points, >= 2); longer ones are cut at word
                boundaries (:data:`MAX_SENTENCE`).

        Returns:
            Half-open ``(start, end)`` sentence spans, trimmed of surrounding whitespace,
            each at most ``max_len`` code points long.
        """
        return self.split_counted(text, start, end, max_len)[0]

    def split_counted(self, text: str, start: int = 0, end: int | None = None,
                      max_len: int = MAX_SENTENCE) -> tuple[list[tuple[int, int]], int]:
        """Like :meth:`split`, also counting the sentences that were cut for being over ``max_len``.

        Returns:
            ``(spans, n_cut)``: the spans of :meth:`split` and how many over-long sentences were
            cut into pieces.

        Example:
            >>> t = "قال إن الوفد، الذي وصل أمس، غادر. انتهى"
            >>> spans, n = SentenceSplitter.load().split_counted(t, max_len=20)
            >>> [t[s:e] for s, e in spans], n
            (['قال إن الوفد،', 'الذي وصل أمس، غادر.', 'انتهى'], 1)
        """
        spans, n_cut = self._split(text, start, end), 0
        if any(e - s > max_len for s, e in spans):
            out: list[tuple[int, int]] = []
            for s, e in spans:
                if e - s > max_len:
                    n_cut += 1
                    out += _cut(text, s, e, max(2, max_len))
                else:
                    out.append((s, e))
            spans = out
        return spans, n_cut

    def _split(self, text: str, start: int, end: int | None) -> list[tuple[int, int]]:
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


def _cut(text: str, s: int, e: int, max_len: int) -> list[tuple[int, int]]:
    """Cut the sentence ``text[s:e]`` (trimmed) into trimmed pieces of at most ``max_len`` code points."""
    out: list[tuple[int, int]] = []
    while e - s > max_len:
        lim = s + max_len  # the piece is text[s:cut] with cut <= lim
        window = text[s:lim + 1]  # the character at lim may be the space that ends the piece
        cut = -1
        for ch in _BREAK_AFTER:  # after a comma / semicolon that a space follows, in the second half
            k = window.rfind(ch + " ", max_len // 2, max_len)
            if k > cut:
                cut = k
        cut = s + cut + 1 if cut >= 0 else -1
        if cut < 0:
            k = len(window) - 1  # the last whitespace of the window
            while k > 0 and not window[k].isspace():
                k -= 1
            cut = s + k if k > 0 else -1
        if cut < 0:  # no space in the window: cut at the limit, keeping combining marks with their letter
            cut = lim
            while cut > s + 1 and unicodedata.combining(text[cut]):
                cut -= 1
        SentenceSplitter._add(text, s, cut, out)
        s = cut
        while s < e and text[s].isspace():
            s += 1
    SentenceSplitter._add(text, s, e, out)
    return out
