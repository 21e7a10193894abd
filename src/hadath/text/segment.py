"""Segment stage: sentences inside body paragraphs, and tokens over the whole text.

Tokens are dicts ``{start, end, text, norm, segments}``: raw half-open offsets,
the normalised form and its clitic segments (see :mod:`hadath.text.clitics`).
"""
from __future__ import annotations

from typing import Any

from hadath.text.clitics import Segmenter
from hadath.text.sentences import SentenceSplitter
from hadath.text.tokens import tokenize

__all__ = ["SegmentStage"]

_MARKS = "".join(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, 0x0640])


class SegmentStage:
    """Fills ``doc.sentences`` and ``state.tokens``.

    Args:
        settings: :class:`hadath.settings.Settings` (unused; kept for the stage contract).
    """

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.splitter = SentenceSplitter.load()
        self.segmenter = Segmenter.load()

    def __call__(self, state: Any) -> None:
        """Split the body paragraphs into sentences and tokenise the whole text."""
        doc = state.doc
        for p in doc.paragraphs:
            for s, e in self.splitter.split(doc.text, p["start"], p["end"]):
                doc.sentences.append(doc.span(s, e))
        norm = state.norm
        seg = self.segmenter.segment
        tokens = []
        for text, s, e, ns, ne in tokenize(norm):
            nf = norm.text[ns:ne]
            tokens.append({"start": s, "end": e, "text": text, "norm": nf,
                           "segments": seg(nf, text.rstrip(_MARKS).endswith("ة"))})
        state.tokens = tokens

