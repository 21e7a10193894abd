"""Tokenisation over the normalised text, with raw offsets.

Tokens are found on the normalised text (so bidi marks, tatweel and diacritics
never split or end a word) and mapped back to raw offsets: diacritics and shadda
stay inside their word. A token is a run of letters/digits (numbers may hold the
separators ``. , ٫ ٬`` between digits) or a single punctuation mark.

Example:
    >>> from hadath.text.normalize import normalize
    >>> [t[0] for t in tokenize(normalize("قالَ: ١٤٬٥٠٠ شخص"))]
    ['قالَ', ':', '١٤٬٥٠٠', 'شخص']
"""
from __future__ import annotations

import re

from hadath.text.normalize import Normalized

__all__ = ["TOKEN_RE", "tokenize"]

_MARKS = frozenset(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, 0x0640])

#: Word (letters/digits, with digit-internal separators) or one non-space symbol.
TOKEN_RE = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+(?:\d+)?|\d+|[^\w\s]|_", re.UNICODE)


def tokenize(norm: Normalized, start: int = 0, end: int | None = None) -> list[tuple[str, int, int, int, int]]:
    """Tokenise the raw text behind ``norm``.

    Args:
        norm: Normalised text with offset map.
        start: Normalised start offset to tokenise from (code points).
        end: Normalised end offset (exclusive); default: the end.

    Returns:
        ``[(raw_token_text, raw_start, raw_end, norm_start, norm_end), ...]`` in text order,
        half-open code-point offsets into the raw and the normalised text.
    """
    out = []
    text = norm.text
    raw = norm.raw
    n_raw = len(raw)
    for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        rs, re_ = norm.raw_span(m.start(), m.end())
        while re_ < n_raw and raw[re_] in _MARKS:  # trailing diacritics/tatweel stay in the word
            re_ += 1
        out.append((norm.raw[rs:re_], rs, re_, m.start(), m.end()))
    return out
