"""Boilerplate line rules: ad labels, widget captions, "read also" lists, share prompts, copyright ...

The rules live in ``hadath/extract/ar/boilerplate.yaml`` (each with a stable ``id`` and the
``reason`` written on the span). Patterns are written in ordinary Arabic, normalised with
:func:`hadath.text.normalize.normalize_word` rules before compiling, and matched against the
normalised text of one trimmed line (:attr:`hadath.pipeline.State.norm`), so spelling variants
(أ/ا, ة/ه, tanween, tatweel, Arabic-Indic digits) need no extra patterns.

Example:
    >>> from hadath.text.normalize import normalize
    >>> rules = BoilerplateRules.load()
    >>> n = normalize("فيديو قد يعجبك:")
    >>> hit = rules.match_line(n.text, 0, len(n.text))
    >>> (hit.rule, hit.reason, hit.kind)
    ('widget_video_you_may_like', 'widget_caption', 'line')
    >>> rules.match_line(normalize("إعلان").text, 0, 5).reason
    'ad_label'
    >>> rules.match_line(normalize("قال الوزير إن الإعلان تأجل.").text, 0, 27) is None
    True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from hadath.text.normalize import normalize

__all__ = ["BoilerplateRule", "BoilerplateHit", "BoilerplateRules"]


@dataclass(frozen=True)
class BoilerplateRule:
    """One compiled rule.

    Attributes:
        id: Stable rule id (str).
        reason: Reason written on the boilerplate span (e.g. ``"ad_label"``).
        kind: ``"line"`` (whole line), ``"prefix"`` (line start) or ``"suffix"`` (line end).
        regex: Compiled pattern over normalised text.
        list: Whether following short lines belong to the same widget.
        list_max: At most this many following lines (int).
    """

    id: str
    reason: str
    kind: str
    regex: re.Pattern
    list: bool = False
    list_max: int = 0


@dataclass(frozen=True)
class BoilerplateHit:
    """A rule match inside a line, in normalised offsets (code points of the normalised text).

    Attributes:
        rule: Rule id. reason: Span reason. kind: Rule kind.
        start: Normalised start of the matched part. end: Normalised end (exclusive).
        list: Whether following lines may continue the widget. list_max: How many.
    """

    rule: str
    reason: str
    kind: str
    start: int
    end: int
    list: bool = False
    list_max: int = 0


def _compile(pattern: str) -> re.Pattern:
    return re.compile(normalize(pattern).text, re.IGNORECASE)


class BoilerplateRules:
    """The boilerplate rule set (loaded once per pipeline).

    Args:
        rules: Compiled rules in file order (line rules are tried first, then prefixes, then suffixes).
    """

    def __init__(self, rules: list[BoilerplateRule]) -> None:
        self.rules = rules
        self._line = [r for r in rules if r.kind == "line"]
        self._prefix = [r for r in rules if r.kind == "prefix"]
        self._suffix = [r for r in rules if r.kind == "suffix"]

    @classmethod
    def load(cls, data: dict[str, Any] | None = None) -> "BoilerplateRules":
        """Load ``ar/boilerplate.yaml`` (or the given parsed data).

        Raises:
            ValueError: If a rule lacks id/reason/pattern, has an unknown kind or a bad regex.
        """
        if data is None:
            text = resources.files("hadath.extract.ar").joinpath("boilerplate.yaml").read_text("utf-8")
            data = yaml.safe_load(text)
        rules = []
        for r in data.get("rules", []):
            try:
                kind = r.get("kind", "line")
                if kind not in ("line", "prefix", "suffix") or not r["pattern"]:
                    raise ValueError(f"bad kind {kind!r} or empty pattern")
                rules.append(BoilerplateRule(
                    id=r["id"], reason=r["reason"], kind=kind, regex=_compile(r["pattern"]),
                    list=bool(r.get("list", False)), list_max=int(r.get("list_max", 0)),
                ))
            except (KeyError, re.error, ValueError) as e:
                raise ValueError(f"boilerplate.yaml: rule {r.get('id')!r}: {e}") from None
        return cls(rules)

    def match_line(self, ntext: str, a: int, b: int) -> BoilerplateHit | None:
        """Match one trimmed line ``ntext[a:b]`` (normalised text).

        Args:
            ntext: The normalised document text.
            a: Normalised start of the trimmed line.
            b: Normalised end (exclusive).

        Returns:
            The first hit (whole-line rules first, then prefix, then suffix rules), or None. A
            prefix or suffix hit never covers the whole line (that would be a line rule).
        """
        for r in self._line:
            if r.regex.fullmatch(ntext, a, b):
                return BoilerplateHit(r.id, r.reason, "line", a, b, r.list, r.list_max)
        for r in self._prefix:
            m = r.regex.match(ntext, a, b)
            if m and a < m.end() < b:
                return BoilerplateHit(r.id, r.reason, "prefix", a, m.end())
        for r in self._suffix:
            for m in r.regex.finditer(ntext, a, b):
                if m.end() == b and a < m.start():
                    return BoilerplateHit(r.id, r.reason, "suffix", m.start(), b)
        return None
