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

import re
from typing import Any

from hadath.extract.events.coder import Coder, sector_of
from hadath.extract.events.lexicon import load_lexicon
from hadath.text.normalize import normalize_word

_WORD = re.compile(r"[\u0621-\u064A]+")


def _with_proclitics(word: str) -> list[str]:
    """A normalised word with و ف ب ل before it (لل for ال): ``الملعب`` -> ``والملعب``، ``بالملعب``، ``للملعب`` ..."""
    bare = [word, "ب" + word] + (["لل" + word[2:]] if word.startswith("ال") else ["ل" + word])
    return bare + ["و" + w for w in bare] + ["ف" + w for w in bare]

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
        cues = self.coder.lex.cues
        self.sports_words = frozenset(
            f for w in cues.get("sports_words", []) for f in _with_proclitics(normalize_word(w)))
        self._sports_rx = re.compile(r"(?<![\u0621-\u064A])(?:" + "|".join(
            map(re.escape, sorted(self.sports_words, key=len, reverse=True))) + r")(?![\u0621-\u064A])")
        limits = cues.get("sports_document") or {}
        self.sports_min_words = int(limits.get("min_words", 8))
        self.sports_min_share = float(limits.get("min_share", 0.02))
        self.sports_kept = frozenset(cues.get("sports_kept_sectors", []))
        self.sports_kept_codes = tuple(cues.get("sports_kept_codes", []))

    def __call__(self, state: Any) -> None:
        """Code the events of ``state.doc`` into ``state.doc.events`` (replacing any).

        In a sports report (:meth:`sports_report`) only the events an armed, security or
        judicial body, an IGO or a named government actor takes part in are kept (cues
        ``sports_*`` in ``ar/cues.yaml``): its clubs "attack", "sign" and "demand".
        """
        events = self.coder.code(state)
        if events and self.sports_report(state.norm.text):
            events = [e for e in events if self._kept_in_sports(e)]
        state.doc.events = events

    def sports_report(self, text: str) -> bool:
        """True when ``text`` (normalised) is a sports report: at least ``min_words`` sports words (cues
        ``sports_words``), making at least ``min_share`` of its Arabic words (cues ``sports_document``).

        Example:
            >>> from hadath.text.normalize import normalize
            >>> coder = EventCoder(None)
            >>> text = "فاز النادي في المباراة وسجل اللاعب هدفا وقال المدرب إن الدوري صعب والمنتخب جاهز للبطولة"
            >>> coder.sports_report(normalize(text).text)
            True
            >>> coder.sports_report(normalize("قصف الجيش مواقع المسلحين في الرمادي").text)
            False
        """
        n = len(self._sports_rx.findall(text))  # (one C-level scan; most texts hold none)
        if n < self.sports_min_words:
            return False
        return n >= self.sports_min_share * len(_WORD.findall(text))

    def _kept_in_sports(self, event: dict[str, Any]) -> bool:
        for role in ("actor", "recipient"):
            r = event.get(role) or {}
            code = r.get("code")
            sector = r.get("sector") or sector_of(code, r.get("country"))
            if code and (code.startswith(self.sports_kept_codes) or sector in self.sports_kept
                         or (sector == "GOV" and r.get("entity"))):  # a named government actor (بوتين يستقبل بلاتر)
                return True
        return False
