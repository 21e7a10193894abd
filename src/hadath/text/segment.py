"""Segment stage: sentences and tokens (first version)."""
from __future__ import annotations

import re
from typing import Any

__all__ = ["SegmentStage"]


class SegmentStage:
    """Splits body paragraphs into sentences and the text into tokens. Args: settings."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def __call__(self, state: Any) -> None:
        """Fill ``state.doc.sentences`` and ``state.tokens``."""
        doc = state.doc
        for p in doc.paragraphs:
            for m in re.finditer(r"[^.!؟?]+[.!؟?]*", p["text"]):
                if m.group().strip():
                    doc.sentences.append(doc.span(p["start"] + m.start(), p["start"] + m.end()))
