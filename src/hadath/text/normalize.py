"""Arabic normalisation for matching, with an offset map back to the raw text.

The raw text is never changed. :func:`normalize` returns a :class:`Normalized`
whose ``text`` is the matching form and whose offset arrays map every
normalised code point back to the raw code points it came from, so a match
``[a, b)`` in the normalised text becomes ``raw_span(a, b)`` in the raw text.

Rules (each one standard in Arabic IR / NLP, cf. CAMeL Tools ``normalize_*``
and Larkey et al. 2007 light stemming):

* presentation forms U+FB50-FDFF and U+FE70-FEFF: NFKC (ligatures expand; all
  expanded characters map to the one raw character),
* tatweel U+0640, diacritics U+064B-065F and U+0670, Quranic marks
  U+06D6-06ED: removed,
* bidi and zero-width controls (U+200B-200F, U+061C, U+202A-202E,
  U+2066-2069, U+FEFF): removed,
* alef variants أ إ آ ٱ -> ا; hamza carriers ؤ ئ -> ء; ta marbuta ة -> ه,
* ya: Persian ی -> ي and word-final ي -> ى, so في and فى match while
  alef maksura stays distinct from alef (إلى -> الى, إلا -> الا),
* Persian kaf ک -> ك; Arabic-Indic and Persian digits -> ASCII digits;
  Arabic percent ٪ -> %.

Example:
    >>> n = normalize("إلى الرقّة ١٢")
    >>> n.text
    'الى الرقه 12'
    >>> n.raw_span(4, 9)
    (4, 10)
    >>> normalize("إلا").text != normalize("إلى").text
    True
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

__all__ = ["Normalized", "normalize", "normalize_word", "REMOVED", "ATTACHED", "CHAR_MAP"]

#: Code points removed by normalisation (diacritics, tatweel, bidi/zero-width controls).
REMOVED = frozenset(
    [0x0640, 0x0670, 0x061C, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F]
    + list(range(0x064B, 0x0660))
    + list(range(0x06D6, 0x06EE))
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)

#: Removed code points that belong to the letter before them (harakat, tanween, shadda, sukun, dagger
#: alef, Quranic marks, tatweel): a span that ends with that letter ends after them (``شخصاً``, ``قُتِلَ``).
ATTACHED = frozenset([0x0640, 0x0670] + list(range(0x064B, 0x0660)) + list(range(0x06D6, 0x06EE)))

#: One-to-one replacements applied after presentation-form folding.
CHAR_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "ء", "ئ": "ء",
    "ة": "ه",
    "ی": "ي", "ې": "ي", "ۍ": "ي",
    "ک": "ك", "ڪ": "ك",
    "٪": "%",
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}

_FINAL_YA = re.compile("ي(?![\u0621-\u063A\u0641-\u064A])")


def _is_presentation(cp: int) -> bool:
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF


@dataclass(frozen=True)
class Normalized:
    """A normalised text with its offset map.

    Attributes:
        raw: The original text.
        text: The normalised text.
        starts: ``starts[i]`` is the raw offset (code points) of the raw
            character that normalised character ``i`` came from.
        ends: ``ends[i]`` is the raw end offset (exclusive) of that character, with the
            diacritics and tatweel right after it (:data:`ATTACHED`), which belong to it.
    """

    raw: str
    text: str
    starts: array
    ends: array

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalised span to the half-open raw span.

        Args:
            start: Normalised start offset (code points).
            end: Normalised end offset (exclusive); ``start <= end``.

        Returns:
            ``(raw_start, raw_end)`` in code points of :attr:`raw`.

        Raises:
            IndexError: If the span lies outside the normalised text.
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"normalised span [{start}, {end}) outside 0..{len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.text) else len(self.raw)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def raw_offset(self, i: int) -> int:
        """Raw offset of normalised position ``i`` (``len(text)`` maps to the raw end)."""
        return self.starts[i] if i < len(self.text) else len(self.raw)


def normalize(raw: str) -> Normalized:
    """Normalise Arabic text for matching, keeping an offset map.

    Args:
        raw: Any text (str).

    Returns:
        A :class:`Normalized` for ``raw``.
    """
    out: list[str] = []
    starts = array("i")
    ends = array("i")
    cmap = CHAR_MAP
    removed = REMOVED
    attached = ATTACHED
    for i, ch in enumerate(raw):
        cp = ord(ch)
        if cp in removed:
            if cp in attached and ends and ends[-1] == i:
                ends[-1] = i + 1  # the mark belongs to the letter before it
            continue
        if _is_presentation(cp):
            folded = unicodedata.normalize("NFKC", ch)
            for f in folded:
                fcp = ord(f)
                if fcp in removed:
                    continue
                out.append(cmap.get(f, f))
                starts.append(i)
                ends.append(i + 1)
            continue
        out.append(cmap.get(ch, ch))
        starts.append(i)
        ends.append(i + 1)
    text = _FINAL_YA.sub("ى", "".join(out))
    return Normalized(raw=raw, text=text, starts=starts, ends=ends)


def normalize_word(word: str) -> str:
    """Normalise a lexicon entry or a single word (no offsets).

    Example:
        >>> normalize_word("مُسْؤُولٌ") == normalize_word("مسئول")
        True
    """
    return normalize(word).text
