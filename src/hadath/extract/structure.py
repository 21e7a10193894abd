"""Structure stage: boilerplate, metadata and body paragraphs (first version: paragraphs only)."""
from __future__ import annotations

import re
from typing import Any

__all__ = ["StructureStage"]


class StructureStage:
    """Marks boilerplate, finds metadata and body paragraphs. Args: settings."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def __call__(self, state: Any) -> None:
        """Fill ``boilerplate``, ``paragraphs`` and ``metadata`` of ``state.doc``."""
        doc = state.doc
        for m in re.finditer(r"[^\n]+", doc.text):
            if m.group().strip():
                doc.paragraphs.append(doc.span(m.start(), m.end()))
