"""Segment stage: sentences inside body paragraphs, and tokens over the whole text.

Sentences longer than :data:`hadath.text.sentences.MAX_SENTENCE` code points
(text without full stops) are cut at word boundaries, with one warning on the
document saying how many.

Tokens are dicts ``{start, end, text, norm, segments}``: raw half-open offsets,
the normalised form and its clitic segments (see :mod:`hadath.text.clitics`).
"""
from __future__ import annotations

from typing import Any

from hadath.text.clitics import Segmenter
from hadath.text.sentences import MAX_SENTENCE, SentenceSplitter
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
        n_cut = 0
        for p in doc.paragraphs:
            spans, n = self.splitter.split_counted(doc.text, p["start"], p["end"])
            n_cut += n
            for s, e in spans:
                doc.sentences.append(doc.span(s, e))
        if n_cut:
            doc.warnings.append(f"{n_cut} sentence{'s' if n_cut > 1 else ''} without a sentence end over "
                                f"{MAX_SENTENCE:,} code points cut at word boundaries")
        norm = state.norm
        seg = self.segmenter.segment
        tokens = []
        for text, s, e, ns, ne in tokenize(norm):
            nf = norm.text[ns:ne]
            tokens.append({"start": s, "end": e, "text": text, "norm": nf,
                           "segments": seg(nf, text.rstrip(_MARKS).endswith("ة"))})
        state.tokens = tokens

