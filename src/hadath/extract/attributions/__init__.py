"""Attributions stage: who said what.

Finds reporting cues (verbs of saying in all persons and tenses, adverbial
participles, "according to" forms, passives), their speakers (a person, a role,
an outlet, a source; pronouns and "الصحيفة"-style back-references resolved to
the earlier full mention) and their contents (direct quotes in «» “” "" and
indirect أن/إن clauses), with nesting for relays (``نقلت الصحيفة عن
الدبلوماسيين أن ...``), for reports inside a reported clause (``قال الرئيس إنه أبلغ نظيره أن
...``: the inner speaker is the outer one, its parent the outer item) and for "according to"
sources in an aside. Asides between a speaker and its content (``(سانا)``, ``، ومقره بريطانيا،``,
``- الذي ... -``) are skipped and are never part of the speaker span; a person named in a comma
apposition after a role (``قال المتحدث، العقيد فلان، إن``) is the speaker's entity; a person named inside
a speaker after a kinship or follower head or a "loyal to / close to" word (``والد الشهيد فلان``، ``القوات
الموالية للرئيس هادي``; ``grammar.yaml`` ``relation_*``) is not. Rules: :mod:`hadath.extract.attributions.rules`; data:
``ar/cues.yaml`` and ``ar/grammar.yaml`` (written for hadath).

Each item follows the ``attribution`` $def of ``hadath.document/1``::

    {id: "a1", start, end, text,                 # the whole attribution, raw code points
     cue: span, speaker: span + {entity: id|null, canonical: str|null, resolved?: str} | null,
     content: span | null, direct: bool, parent: id | null, rule: str}

``speaker.resolved`` is ``"pronoun"`` (the cue had no explicit subject; the span
is the antecedent's), ``"anaphor"`` ("الصحيفة" -> its full mention) or
``"name"`` (a surname -> the full name); absent for a plain explicit speaker.

Example:
    >>> from hadath.document import Document
    >>> from hadath.pipeline import State
    >>> from hadath.settings import Settings
    >>> st = State(doc=Document(text="قالت صحيفة «الأهرام» إن الوضع مستقر. وأضافت أن الحكومة تعمل."),
    ...            settings=Settings())
    >>> AttributionExtractor(Settings())(st)
    >>> [(a["cue"]["text"], a["speaker"]["text"], a["speaker"]["canonical"], a["content"]["text"])
    ...  for a in st.doc.attributions]
    [('قالت', 'صحيفة «الأهرام»', 'صحيفة الأهرام', 'الوضع مستقر'), ('أضافت', 'صحيفة «الأهرام»', 'صحيفة الأهرام', 'الحكومة تعمل')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from hadath.extract.attributions.lexicon import CueLexicon, bare_word
from hadath.extract.attributions.rules import RawAttr, RuleParser, split_sentences
from hadath.text.normalize import normalize

__all__ = ["AttributionExtractor"]

_QUOTE_CHARS = "«»“”\"„'‘’"
_SPEAKER_LABELS = ("PER", "ORG", "NORP", "GPE")
_WORD = re.compile(r"\w+")


def _canon_tokens(norm_text: str) -> list[str]:
    """Normalised comparison tokens: words, with و/ل/ب before ال dropped and لل -> ال."""
    out = []
    for w in _WORD.findall(norm_text):
        if len(w) > 3 and w[0] in "وبلف" and w[1:3] == "ال":
            w = w[1:]
        elif w.startswith("لل") and len(w) > 3:
            w = "ا" + w[1:]
        out.append(w)
    return out


class AttributionExtractor:
    """Fills ``doc.attributions``.

    Args:
        settings: :class:`hadath.settings.Settings` (unused; kept for the stage contract).

    The lexicons are loaded once here; ``__call__`` is pure per document.
    """

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.lex = CueLexicon.load()
        self.parser = RuleParser(self.lex)
        # cheap precheck: a document with none of these letter sequences has no cue
        stems = {f[:3] for f in self.lex.token_cues if len(f) >= 3} | {f for f in self.lex.token_cues if len(f) < 3}
        stems |= {"حسب", "وفقا", "طبقا", "نقلا", "قيل", "افيد", "اشيع", "على حد", "لسان", "استنادا"}
        self._precheck = re.compile("|".join(re.escape(f) for f in sorted(stems)))

    def __call__(self, state: Any) -> None:
        """Fill ``state.doc.attributions`` (a list of attribution dicts, in text order)."""
        doc = state.doc
        norm = state.norm
        nt = norm.text
        if not nt or not self._precheck.search(nt):
            return
        starts = norm.starts

        def to_norm(pos: int) -> int:
            return bisect_left(starts, pos)

        sentences = [(to_norm(s["start"]), to_norm(s["end"])) for s in doc.sentences]
        if not sentences:
            if doc.paragraphs:
                for p in doc.paragraphs:
                    sentences += split_sentences(nt, to_norm(p["start"]), to_norm(p["end"]))
            else:
                sentences = split_sentences(nt)
        ent_mentions = self._entity_mentions(doc)
        ent_norm = [(to_norm(s), to_norm(e)) for s, e, _ in ent_mentions]
        time_norm = [(to_norm(t["start"]), to_norm(t["end"])) for t in (doc.times or [])
                     if isinstance(t, dict) and "start" in t and "end" in t]
        raw_attrs = self.parser.parse(nt, sentences, ent_norm, time_norm)
        doc.attributions = self._build(doc, norm, raw_attrs, ent_mentions)

    # ------------------------------------------------------------------ entities
    @staticmethod
    def _entity_mentions(doc) -> list[tuple[int, int, dict]]:
        out = []
        for e in doc.entities or []:
            if e.get("label") not in _SPEAKER_LABELS:
                continue
            for m in e.get("mentions") or []:
                if isinstance(m, dict) and isinstance(m.get("start"), int):
                    out.append((m["start"], m["end"], e))
        out.sort(key=lambda x: (x[0], -x[1]))
        return out

    def _entity_for(self, span: tuple[int, int], mentions, text: str = "") -> dict | None:
        """The entity a speaker refers to: a person named inside it, or a mention that
        starts the speaker or covers most of it (not a place merely modifying it). A person named
        after a relation word (:meth:`_related_before`) is someone the speaker is related to, not the
        speaker: ``المتحدث باسم الرئيس هادي``، ``مصادر مقربة من الرئيس هادي``، ``نجل الرئيس حسني مبارك``."""
        best, best_key = None, None
        length = max(1, span[1] - span[0])
        for s, e, ent in mentions:
            ov = min(e, span[1]) - max(s, span[0])
            if ov <= 0:
                continue
            is_per = ent.get("label") == "PER"
            if is_per and text and s > span[0] and self._related_before(text[span[0]:s], ent.get("source") == "gazetteer"):
                continue
            heads = s <= span[0] + 2
            if not (is_per or heads or ov >= 0.6 * length):
                continue
            key = (is_per, ov)
            if best_key is None or key > best_key:
                best, best_key = ent, key
        return best

    def _related_before(self, before: str, known: bool = True) -> bool:
        """True when the speaker words ``before`` a person's name (raw text) make the name another
        person's: a kinship or follower head (``relation_heads``: first, or after أحد/عدد من/بعض), a
        word of ``relation_words`` (الموالية، مقربة), or, for a ``known`` person (a gazetteer figure),
        باسم + a head of state's title (المتحدث باسم الرئيس هادي; an unknown name there is usually the
        spokesperson)."""
        lex = self.lex
        words = [bare_word(w) for w in _WORD.findall(before)]
        k = 0
        while k < len(words) and words[k] in lex.relation_quantifiers:
            k += 1
        if k < len(words) and words[k] in lex.relation_heads:
            return True
        if any(w in lex.relation_words for w in words):
            return True
        if known:
            norm = _WORD.findall(normalize(before).text)
            return any(w in lex.on_behalf and n in lex.principal_titles for w, n in zip(norm, norm[1:]))
        return False

    @staticmethod
    def _appositive_person(text: str, end: int, limit: int, mentions) -> dict | None:
        """The person named in a comma apposition right after a speaker ending at ``end``
        (``قال مدير الأمن، اللواء فلان الفلاني، إن``): a PER mention that starts the aside (at most
        one title word before it) and ends it, before ``limit`` (the content start); else None."""
        m = re.match(r"\s*[،,]\s*", text[end:limit])
        if not m:
            return None
        p = end + m.end()
        for s, e, ent in mentions:
            if s < p or s >= limit or e > limit or ent.get("label") != "PER":
                continue
            if len(text[p:s].split()) > 1 or re.match(r"\s*[،,]", text[e:limit]) is None:
                continue
            return ent
        return None

    @staticmethod
    def _entity_canonical(ent: dict) -> str | None:
        c = ent.get("canonical")
        if isinstance(c, str) and c:
            return c
        if isinstance(c, dict):
            for k in ("ar", "text", "name", "en"):
                if isinstance(c.get(k), str) and c[k]:
                    return c[k]
        t = ent.get("text")
        return t if isinstance(t, str) else None

    # ------------------------------------------------------------------ output
    def _raw(self, norm, span: tuple[int, int]) -> tuple[int, int]:
        return norm.raw_span(span[0], span[1])

    @staticmethod
    def _strip_quotes(text: str, s: int, e: int) -> tuple[int, int]:
        while e - s > 2 and text[s] in _QUOTE_CHARS and text[e - 1] in _QUOTE_CHARS:
            s, e = s + 1, e - 1
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
        while e - s > 1 and text[s] in _QUOTE_CHARS and text[s + 1:e].count(text[s]) == 0 \
                and not any(c in text[s + 1:e] for c in _QUOTE_CHARS):
            s += 1
            while s < e and text[s].isspace():
                s += 1
        return s, e

    def _resolve_name(self, ntext: str, prev: list[dict], prev_norm: list[list[str]],
                      mentions, before: int) -> tuple[dict | None, str | None]:
        """Anaphor / surname resolution of an explicit speaker. Returns (antecedent speaker, kind)."""
        toks = _canon_tokens(ntext)
        if not toks or len(toks) > 2:
            return None, None
        heads = self.lex.anaphors.get(toks[0]) if len(toks) == 1 else None
        if heads is None and toks[0] in self.lex.anaphors:
            return None, None  # "الدبلوماسيين الأجانب": a new, more specific mention
        for sp, nt in zip(reversed(prev), reversed(prev_norm)):
            if not nt or nt == toks:
                continue
            if heads and nt[0] in heads:
                return sp, "anaphor"
            if not heads and len(nt) > len(toks):
                for k in range(len(nt) - len(toks) + 1):
                    if nt[k:k + len(toks)] == toks:
                        return sp, "name"
        return None, None

    def _build(self, doc, norm, raws: list[RawAttr], mentions) -> list[dict]:
        text = doc.text
        out: list[dict] = []
        speakers: list[dict | None] = []
        prev_explicit: list[dict] = []
        prev_norm: list[list[str]] = []
        for idx, a in enumerate(raws):
            cs, ce = self._raw(norm, a.cue)
            cue = doc.span(cs, ce)
            speaker = None
            if a.speaker is not None:
                ss, se = self._raw(norm, a.speaker)
                ss, se = self._strip_quotes(text, ss, se)
                ent = self._entity_for((ss, se), mentions, text)
                if (ent is None or ent.get("label") != "PER") and a.content is not None and a.forward:
                    # a role whose name follows in an apposition: the speaker is that person
                    per = self._appositive_person(text, se, self._raw(norm, a.content)[0], mentions)
                    ent = per or ent
                ntext = norm.text[bisect_left(norm.starts, ss):bisect_left(norm.starts, se)]
                canonical = self._entity_canonical(ent) if ent else None
                resolved = None
                if ent is None:
                    ante, kind = self._resolve_name(ntext, prev_explicit, prev_norm, mentions, ss)
                    if ante is not None:
                        canonical, resolved = ante.get("canonical"), kind
                        ent_id = ante.get("entity")
                    else:
                        ent_id = None
                else:
                    ent_id = ent.get("id")
                if canonical is None:
                    canonical = " ".join(re.sub(f"[{_QUOTE_CHARS}]", " ", text[ss:se]).split()) or None
                    if canonical and ss > 0 and text[ss - 1] == "ل" and canonical.startswith("ل") \
                            and a.kind == "according":
                        canonical = "ا" + canonical  # "وفقا للمرصد" -> المرصد
                speaker = doc.span(ss, se, entity=ent_id, canonical=canonical)
                if resolved:
                    speaker["resolved"] = resolved
                prev_explicit.append(speaker)
                prev_norm.append(_canon_tokens(ntext))
            elif a.antecedent is not None and speakers[a.antecedent] is not None:
                ante = speakers[a.antecedent]
                speaker = {k: v for k, v in ante.items()}
                speaker["resolved"] = "pronoun"
            speakers.append(speaker)
            content = None
            if a.content is not None:
                ks, ke = self._raw(norm, a.content)
                content = doc.span(ks, ke)
            parts = [(cs, ce)]
            if a.speaker is not None and speaker is not None:
                parts.append((speaker["start"], speaker["end"]))
            if content is not None:
                parts.append((content["start"], content["end"]))
            st, en = min(p[0] for p in parts), max(p[1] for p in parts)
            if a.direct and content is not None and en < len(text) and text[en] in _QUOTE_CHARS:
                en += 1
            item = doc.span(st, en)
            item.update({
                "id": f"a{idx + 1}", "cue": cue, "speaker": speaker, "content": content,
                "direct": bool(a.direct), "parent": f"a{a.parent + 1}" if a.parent is not None else None,
                "rule": a.rule,
            })
            out.append(item)
        return out
