"""Quantities stage (placeholder until its issue lands: fills nothing)."""
from __future__ import annotations

from typing import Any


class QuantityExtractor:
    """Fills ``doc.quantities``. Args: settings (hadath.settings.Settings)."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def __call__(self, state: Any) -> None:
        """Fill ``state.doc.quantities`` (currently nothing)."""
        return None
