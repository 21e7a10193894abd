"""Events stage: PLOVER/CAMEO event coding of Arabic, directly from verbs and event nouns.

:class:`EventCoder` fills ``doc.events`` with items following the ``event`` $def
of ``hadath.document/1``: PLOVER type, mode and context (from the CAMEO code of
the rule through CAMEO2PLOVER-2021), trigger span(s), actor and recipient
(span + entity id + CAMEO code, country, sector), place, date, size, negation,
modality, attribution, sentence, confidence, and the ``rule`` that fired with
its ``evidence``. Lexicons live in ``hadath/extract/events/ar/``; see
:mod:`hadath.extract.events.coder` for the method.

Example:
    >>> from hadath.document import Document
    >>> from hadath.pipeline import State
    >>> from hadath.settings import Settings
    >>> doc = Document(text="اعتقلت الشرطة المصرية ثلاثة متظاهرين في القاهرة.")
    >>> doc.sentences = [doc.span(0, len(doc.text))]
    >>> coder = EventCoder(Settings())
    >>> coder(State(doc=doc, settings=Settings()))
    >>> ev = doc.events[0]
    >>> ev["type"], ev["mode"], ev["actor"]["code"], ev["recipient"]["text"], ev["size"]
    ('COERCE', 'arrest', 'EGYCOP', 'ثلاثة متظاهرين', {'arrested': 3})
"""
from __future__ import annotations

from typing import Any

from hadath.extract.events.coder import Coder
from hadath.extract.events.lexicon import load_lexicon

__all__ = ["EventCoder"]


class EventCoder:
    """Fills ``state.doc.events``. Built once per pipeline.

    Args:
        settings: :class:`hadath.settings.Settings` (unused for now).
        use_patterns: Also code with the verb+object patterns derived from the
            UniversalPetrarch Arabic CAMEO dictionary (low confidence, 0.45; off by
            default: on the gold articles they add more false events than true ones).
    """

    def __init__(self, settings: Any, use_patterns: bool = False) -> None:
        self.settings = settings
        self.coder = Coder(load_lexicon(with_patterns=use_patterns), use_patterns=use_patterns)

    def __call__(self, state: Any) -> None:
        """Code the events of ``state.doc`` into ``state.doc.events`` (replacing any)."""
        state.doc.events = self.coder.code(state)
