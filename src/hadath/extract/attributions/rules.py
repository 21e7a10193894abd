"""Attribution rules over normalised text: cues, speakers, contents, nesting.

Everything here works on the normalised text (``state.norm.text``) and on
normalised offsets; :mod:`hadath.extract.attributions` maps the results back to
raw offsets. Rule sets: ``ar/cues.yaml`` (reporting verbs, "according to"
forms, passives) and ``ar/grammar.yaml`` (function words, quote marks,
anaphoric heads), written for hadath.

Patterns (verb-first is the default Arabic order):

* verb-first: ``[و|ف]CUE SPEAKER [addressee|setting|time] (أن|إن|:|«) CONTENT``
* subject-first: ``SPEAKER [قد|كانت] CUE (أن|إن|:) CONTENT`` (cue without و/ف)
* pronoun: ``وCUE (أن|إن|:|إلى) CONTENT``, and adverbial participles
  (``مؤكدا أن``, ``مشيرا إلى``): the speaker is the previous one
* relay: ``نقلت X عن Y (أن|القول:) CONTENT``: X reports Y (two items, nested)
* according to: ``(وفقا ل|بحسب|حسب|نقلا عن|على حد قول) SPEAKER``, the content is the
  rest of the sentence, before the cue when the cue closes the sentence
* passive: ``قيل إن CONTENT`` (no speaker)

Example:
    >>> from hadath.extract.attributions.lexicon import CueLexicon
    >>> from hadath.text.normalize import normalize
    >>> p = RuleParser(CueLexicon.load())
    >>> t = normalize("وقال الوزير إن الوضع مستقر.").text
    >>> [(t[a.cue[0]:a.cue[1]], t[a.speaker[0]:a.speaker[1]], t[a.content[0]:a.content[1]])
    ...  for a in p.parse(t, [(0, len(t))])]
    [('قال', 'الوزير', 'الوضع مستقر')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from hadath.extract.attributions.lexicon import CueLexicon

__all__ = ["RawAttr", "RuleParser", "TOKEN_RE", "split_sentences"]

#: Word (letters/digits) or one punctuation mark, on normalised text.
TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_SENT_RE = re.compile(r"[^.!؟?\n]+[.!؟?]*")
_PUNCT_STOP = frozenset("،,؛;.!؟?()[]{}-–—/|")
_TRIM_TAIL = frozenset(["،", ",", "؛", ";", ".", "-", "–", "—", "و", "ولكن", "لكن", "كما", "فيما", "بينما", "ثم"])
_MAX_SPEAKER = 14
_MAX_BACK = 10
_MAX_GAP = 12


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Fallback sentence split on ``. ! ؟ ?`` and newlines (offsets in ``text``).

    Example:
        >>> split_sentences("قال. وأضاف؟ نعم")
        [(0, 4), (5, 11), (12, 15)]
    """
    end = len(text) if end is None else end
    out = []
    for m in _SENT_RE.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


@dataclass
class RawAttr:
    """One attribution in normalised offsets (before mapping to the document).

    Attributes:
        cue: ``(start, end)`` of the cue.
        speaker: ``(start, end)`` of an explicit speaker, or None.
        antecedent: Index (in the parse output) of the attribution whose speaker a
            pronoun cue refers to, or None.
        content: ``(start, end)`` or None.
        direct: Content is a quotation in quote marks.
        parent: Index of the relaying (outer) attribution, or None.
        rule: Rule id (``say.qala``, ``acc.hasaba`` ...), with a suffix naming the pattern.
        sentence: ``(start, end)`` of the sentence holding the cue.
        forward: Content follows the cue (else it precedes it).
    """

    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    content: tuple[int, int] | None
    direct: bool
    rule: str
    sentence: tuple[int, int]
    antecedent: int | None = None
    parent: int | None = None
    forward: bool = True
    kind: str = "verb"
    no_speaker: bool = False
    anchor_hint: list = field(default_factory=list)


class RuleParser:
    """Applies the attribution rules to normalised sentences.

    Args:
        lex: The loaded :class:`~hadath.extract.attributions.lexicon.CueLexicon`.
    """

    def __init__(self, lex: CueLexicon) -> None:
        self.lex = lex
        self._openq = frozenset(lex.quotes)

    # ------------------------------------------------------------------ helpers
    def _is_compl(self, w: str) -> bool:
        return w in self.lex.complementizers

    def _cue_at(self, w: str) -> tuple[str, str, int] | None:
        """(rule id, form kind, prefix length) when word ``w`` is a token cue."""
        tc = self.lex.token_cues
        hit = tc.get(w)
        if hit:
            return hit[0], hit[1], 0
        if len(w) > 3 and w[0] in "وف":
            hit = tc.get(w[1:])
            if hit:
                return hit[0], hit[1], 1
            if len(w) > 4 and w[1] == "ل" and w[0] == "ف":
                return None
        return None

    def _close_quote(self, toks, i: int, limit: int) -> int | None:
        """Index of the token closing the quote opened at ``toks[i]`` (or None)."""
        close = self.lex.quotes.get(toks[i][2])
        for k in range(i + 1, limit):
            w = toks[k][2]
            if w == close or (close == '"' and w in ('"', "”")) or (close == "”" and w in ('"', "”")):
                return k
        return None

    # ------------------------------------------------------------------ main
    def parse(self, text: str, sentences: list[tuple[int, int]],
              entity_spans: list[tuple[int, int]] | None = None) -> list[RawAttr]:
        """Find attributions.

        Args:
            text: Normalised document text.
            sentences: Normalised ``(start, end)`` sentence spans, in order.
            entity_spans: Normalised spans of PER/ORG entity mentions (used to end a speaker
                that has no other boundary and to find a participle's subject); may be empty.

        Returns:
            The attributions in text order; ``antecedent`` and ``parent`` index this list.
        """
        out: list[RawAttr] = []
        ents = sorted(entity_spans or [])
        for ss, se in sentences:
            toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, ss, se)]
            if not toks:
                continue
            first_new = len(out)
            cues = self._find_cues(text, toks, ss, se)
            used_until = -1
            for c in cues:
                if c["ti"] <= used_until:
                    continue
                res = self._parse_cue(text, toks, c, (ss, se), out, first_new, ents)
                if res is not None:
                    used_until = max(used_until, res)
            self._close_contents(text, out, first_new, (ss, se))
        return out

    def _find_cues(self, text, toks, ss, se) -> list[dict]:
        lex = self.lex
        found: list[dict] = []
        taken: list[tuple[int, int]] = []
        for rx, rid, kind in lex.multi:
            for m in rx.finditer(text, ss, se):
                a, b = m.start(), m.end()
                if any(a < y and x < b for x, y in taken):
                    continue
                ti = next(i for i, t in enumerate(toks) if t[1] > a)
                tj = ti
                while tj + 1 < len(toks) and toks[tj + 1][0] < b:
                    tj += 1
                taken.append((a, b))
                found.append({"ti": ti, "tj": tj, "span": (a, b), "rule": rid, "kind": kind, "prefix": False})
        for i, (a, b, w) in enumerate(toks):
            if any(a < y and x < b for x, y in taken):
                continue
            hit = self._cue_at(w)
            if not hit:
                continue
            rid, fkind, plen = hit
            if w in lex.impersonal or w[plen:] in lex.impersonal:
                continue
            if i > 0 and toks[i - 1][2] in lex.blockers_before:
                continue
            found.append({"ti": i, "tj": i, "span": (a + plen, b), "rule": rid,
                          "kind": "participle" if fkind == "participle" else "verb",
                          "prefix": plen > 0, "form": fkind})
        found.sort(key=lambda c: c["ti"])
        return found

    def _skip_settings(self, toks, j: int, n: int, *, before_subject: bool) -> int:
        """Skip addressees (لـ"X"), settings (في بيان ...), time words; return the next index."""
        lex = self.lex
        while j < n:
            w = toks[j][2]
            if w in lex.time_words:
                j += 1
                continue
            if w == "من" and j + 1 < n and toks[j + 1][2] in ("جهته", "جهتها", "جانبه", "جانبها", "ناحيته"):
                j += 2
                continue
            if w == "ل" or (w in lex.settings_after and w != "ل"):
                k = j + 1
                if k < n and toks[k][2] in self._openq:
                    cq = self._close_quote(toks, k, min(n, k + 6))
                    if cq is not None:
                        j = cq + 1
                        continue
                if before_subject:
                    if w == "ل" and k < n:
                        j = k + 1
                        continue
                    return j
                return self._skip_np(toks, k, n)
            if w == "في" and j + 1 < n and toks[j + 1][2] in lex.settings_fi:
                if before_subject:
                    return j
                return self._skip_np(toks, j + 2, n)
            if w == "،" and before_subject is False:
                return j
            return j
        return j

    def _skip_np(self, toks, k: int, n: int) -> int:
        """From ``k``, skip words up to a complementizer, colon, comma or quote (max _MAX_GAP)."""
        lim = min(n, k + _MAX_GAP)
        while k < lim:
            w = toks[k][2]
            if self._is_compl(w) or w in (":", "،", ",") or w in self._openq or self._cue_at(w):
                return k
            k += 1
        return k

    def _speaker_forward(self, toks, j: int, n: int, entry) -> tuple[int, int]:
        """Speaker tokens ``[j, k)`` after a verb-first cue; returns ``(j, k)``."""
        lex = self.lex
        k = j
        stops = entry.opens if entry is not None else frozenset()
        while k < n and k - j < _MAX_SPEAKER:
            w = toks[k][2]
            if w in self._openq:
                cq = self._close_quote(toks, k, min(n, k + 7))
                if cq is not None and cq > k + 1 and not (k == j and cq + 1 < n and False):
                    # a quoted name inside the speaker: صحيفة "وول ستريت جورنال"
                    nxt = toks[cq + 1][2] if cq + 1 < n else ""
                    if k > j or self._is_compl(nxt) or nxt in ("،", ",", ":") or nxt in lex.settings_after \
                            or nxt in lex.time_words or nxt == "عن" or cq + 1 == n or not self._is_compl(toks[k + 1][2]):
                        if cq - k <= 6:
                            k = cq + 1
                            continue
                break
            if w in _PUNCT_STOP or w == ":" or self._is_compl(w):
                break
            if k > j and (w in lex.time_words or w in lex.settings_after or w in stops or w == "عن"
                          or w in lex.content_nouns):
                break
            if w == "في" and k + 1 < n and toks[k + 1][2] in lex.settings_fi:
                break
            if k > j and self._cue_at(w):
                break
            k += 1
        return j, k

    def _speaker_backward(self, toks, i: int) -> tuple[int, int] | None:
        """Subject before a cue at token ``i`` (subject-first), as token range, or None."""
        lex = self.lex
        k = i - 1
        while k >= 0 and toks[k][2] in lex.auxiliaries:
            k -= 1
        end = k + 1
        start = end
        while k >= 0 and end - k <= _MAX_BACK:
            w = toks[k][2]
            if w in self._openq or w in lex.quotes.values():
                start = k
                k -= 1
                continue
            if w in _PUNCT_STOP or w == ":" or w in lex.clause_openers or w in lex.blockers_before:
                break
            if self._cue_at(w) or w in lex.time_words:
                break
            start = k
            if w.startswith("وال") or w.startswith("فال"):
                break
            k -= 1
        if start >= end or end - k > _MAX_BACK + 1 and k >= 0 and toks[k][2] not in lex.clause_openers \
                and toks[k][2] not in _PUNCT_STOP:
            return None
        # strip quote tokens at the edges
        while start < end and (toks[start][2] in self._openq or toks[start][2] in lex.quotes.values()) \
                and self._close_quote(toks, start, end) is None:
            start += 1
        if start >= end:
            return None
        return start, end

    def _open_content(self, toks, j: int, n: int, entry, *, allow_np: bool) -> tuple[int, bool, int] | None:
        """Where the content opens at or after token ``j``.

        Returns:
            ``(token index of the first content token, direct, index of closing quote or -1)``,
            or None when no content opener is found (and a noun phrase is not allowed).
        """
        lex = self.lex
        k = j
        lim = min(n, j + _MAX_GAP)
        while k < lim:
            w = toks[k][2]
            if w in (":",) or self._is_compl(w):
                k += 1
                while k < n and (toks[k][2] in (":",) or self._is_compl(toks[k][2])):
                    k += 1
                return self._quote_or_plain(toks, k, n)
            if entry is not None and (w in entry.opens or (w[:1] in entry.opens and len(w) > 2)):
                if entry.keep_open:
                    return k, False, -1
                k += 1
                if k < n and self._is_compl(toks[k][2]):
                    k += 1
                return self._quote_or_plain(toks, k, n)
            if w in self._openq and k == j:
                return self._quote_or_plain(toks, k, n)
            if k == j and allow_np and w not in _PUNCT_STOP:
                return k, False, -1
            if w in lex.time_words or w == "،" or w == ",":
                k += 1
                continue
            if w == "في" and k + 1 < n and toks[k + 1][2] in lex.settings_fi:
                k = self._skip_np(toks, k + 2, n)
                continue
            if w == "ل" or w in lex.settings_after:
                k = self._skip_np(toks, k + 1, n)
                continue
            if allow_np and w in lex.content_nouns:
                return k, False, -1
            return None
        return None

    def _quote_or_plain(self, toks, k: int, n: int) -> tuple[int, bool, int] | None:
        if k >= n:
            return None
        if toks[k][2] in self._openq:
            cq = self._close_quote(toks, k, n)
            if cq is not None and cq > k + 1:
                return k + 1, True, cq
        return k, False, -1

    def _make(self, toks, c, sent, speaker_tok, content_open, rule, **kw) -> RawAttr:
        cue = c["span"]
        sp = (toks[speaker_tok[0]][0], toks[speaker_tok[1] - 1][1]) if speaker_tok else None
        content = None
        direct = False
        if content_open is not None:
            ci, direct, cq = content_open
            if ci < len(toks):
                cs = toks[ci][0]
                ce = toks[cq][0] if direct else sent[1]
                content = (cs, ce)
        return RawAttr(cue=cue, speaker=sp, content=content, direct=direct, rule=rule, sentence=sent, **kw)

    def _antecedent(self, out: list[RawAttr], first_new: int, cue_start: int, participle: bool,
                    ents, sent) -> int | None:
        """The attribution a pronoun cue refers back to (or None)."""
        for idx in range(len(out) - 1, -1, -1):
            a = out[idx]
            if a.cue[0] < cue_start and (a.speaker is not None or a.antecedent is not None):
                if participle and idx < first_new and ents:
                    break
                return idx
        if participle and ents:
            return None
        return None

    def _parse_cue(self, text, toks, c, sent, out, first_new, ents):
        lex = self.lex
        n = len(toks)
        kind = c["kind"]
        rid = c["rule"]
        i, tj = c["ti"], c["tj"]
        j = tj + 1
        if kind == "passive":
            op = self._open_content(toks, j, n, None, allow_np=False)
            if op is None:
                return None
            a = self._make(toks, c, sent, None, op, rid, kind="passive", no_speaker=True)
            out.append(a)
            return i
        if kind in ("according", "according_pronoun"):
            return self._according(text, toks, c, sent, out, first_new, ents)
        entry = lex.verbs[rid]
        if kind == "participle":
            op = self._open_content(toks, j, n, entry,
                                    allow_np=entry.complement == "optional" or entry.participle_np)
            if op is None:
                return None
            ant = self._participle_subject(toks, c, out, first_new, ents, sent)
            a = self._make(toks, c, sent, ant if isinstance(ant, tuple) else None, op, rid + ".participle",
                           kind="participle")
            if not isinstance(ant, tuple):
                a.antecedent = ant
            out.append(a)
            return i
        if entry.relay:
            return self._relay(toks, c, sent, out, entry)
        # verb
        k = self._skip_settings(toks, j, n, before_subject=True)
        w = toks[k][2] if k < n else ""
        opens_here = (not w or w == ":" or self._is_compl(w) or w in entry.opens
                      or (w[:1] in entry.opens and len(w) > 2) or w in lex.content_nouns
                      or (w in self._openq and self._quote_starts_content(toks, k, n)))
        if w in ("،", ",") and k + 1 < n:
            # "أعلنت وزارة الدفاع الخميس، أن" handled below; a comma right after the cue: pronoun
            opens_here = True
        if opens_here:
            back = None
            if not c["prefix"]:
                back = self._speaker_backward(toks, i)
            op = self._open_content(toks, k, n, entry, allow_np=entry.complement == "optional")
            if op is None:
                return None
            if back is not None:
                a = self._make(toks, c, sent, back, op, rid + ".subject_first", kind="verb")
            else:
                a = self._make(toks, c, sent, None, op, rid + ".pronoun", kind="verb")
                a.antecedent = self._antecedent(out, first_new, c["span"][0], False, ents, sent)
            out.append(a)
            return i
        s0, s1 = self._speaker_forward(toks, k, n, entry)
        if s1 <= s0:
            return None
        # a chained cue right after the speaker ("وأضاف مسهور يقول:")
        after = s1
        if after < n and self._cue_at(toks[after][2]):
            after += 1
        op = self._open_content(toks, after, n, entry, allow_np=entry.complement == "optional")
        if op is None and s1 - s0 >= 3 and ents and entry.complement == "optional":
            cut = self._entity_cut(toks, s0, s1, ents)
            if cut is not None:
                s1 = cut
                op = self._open_content(toks, s1, n, entry, allow_np=True)
        if op is None:
            return None
        a = self._make(toks, c, sent, (s0, s1), op, rid + ".verb_first", kind="verb")
        out.append(a)
        return max(i, after - 1 if after > s1 else i)

    def _quote_starts_content(self, toks, k, n) -> bool:
        """A quote right after the cue opens the content unless it is a short quoted name."""
        cq = self._close_quote(toks, k, min(n, k + 7))
        if cq is None:
            return True
        nxt = toks[cq + 1][2] if cq + 1 < n else ""
        if cq - k <= 4 and (self._is_compl(nxt) or nxt in ("،", ",", "ل") or nxt in self.lex.settings_after
                            or nxt in self.lex.time_words or (nxt and not self._is_compl(nxt) and nxt != ":"
                                                              and cq - k <= 3)):
            return False
        return True

    def _entity_cut(self, toks, s0, s1, ents) -> int | None:
        a, b = toks[s0][0], toks[s1 - 1][1]
        best = None
        for es, ee in ents:
            if es >= a and ee <= b and es < toks[min(s1 - 1, s0 + 8)][1]:
                best = ee if best is None else max(best, ee)
        if best is None:
            return None
        for k in range(s0, s1):
            if toks[k][0] >= best:
                return k
        return None

    def _participle_subject(self, toks, c, out, first_new, ents, sent):
        """Antecedent index for a participle, or a token range of the clause's subject entity."""
        for idx in range(len(out) - 1, first_new - 1, -1):
            if out[idx].cue[0] < c["span"][0]:
                return idx
        if ents:
            for es, ee in ents:
                if sent[0] <= es and ee <= c["span"][0]:
                    ks = [k for k, t in enumerate(toks) if t[0] >= es and t[1] <= ee]
                    if ks:
                        return (ks[0], ks[-1] + 1)
        for idx in range(len(out) - 1, -1, -1):
            if out[idx].cue[0] < c["span"][0]:
                return idx
        return None

    def _relay(self, toks, c, sent, out, entry):
        n = len(toks)
        i, j = c["ti"], c["tj"] + 1
        k = self._skip_settings(toks, j, n, before_subject=True)
        s0, s1 = self._speaker_forward(toks, k, n, entry)
        if s1 <= s0 or s1 >= n or toks[s1][2] != "عن":
            return None
        an = s1
        i0, i1 = self._speaker_forward(toks, an + 1, n, None)
        if i1 <= i0:
            return None
        op = self._open_content(toks, i1, n, None, allow_np=False)
        if op is None:
            return None
        outer = self._make(toks, c, sent, (s0, s1), (an, False, -1), entry.id + ".relay", kind="verb")
        outer_idx = len(out)
        out.append(outer)
        inner_c = {"span": (toks[an][0], toks[an][1])}
        inner = self._make(toks, inner_c, sent, (i0, i1), op, entry.id + ".relay_source", kind="verb")
        inner.parent = outer_idx
        out.append(inner)
        return i

    def _according(self, text, toks, c, sent, out, first_new, ents):
        lex = self.lex
        n = len(toks)
        i, tj = c["ti"], c["tj"]
        a, b = c["span"]
        # material before the cue in the sentence (excluding openers and punctuation)
        before = [t for t in toks[:i] if t[2] not in _PUNCT_STOP and t[2] not in lex.clause_openers
                  and t[2] not in self._openq]
        if c["kind"] == "according_pronoun":
            if any(x.cue[0] < a for x in out[first_new:]):
                return None
            sp = None
        else:
            # speaker starts at the cue end (cue may end inside a word: "وفقا لديدييه")
            if tj < n and toks[tj][1] > b:
                s0 = tj
                sp_start = b
            else:
                s0 = tj + 1
                sp_start = toks[s0][0] if s0 < n else b
            if s0 >= n:
                return None
            k = s0 + 1
            while k < n and k - s0 < _MAX_SPEAKER:
                w = toks[k][2]
                if w in self._openq or w in lex.quotes.values():
                    k += 1
                    continue
                if w in _PUNCT_STOP or w == ":" or self._is_compl(w) or self._cue_at(w):
                    break
                k += 1
            head = text[sp_start:toks[s0][1]]
            head_al = "ال" + head[1:] if head.startswith("ل") and not head.startswith("ال") else head
            if head in lex.not_sources or head_al in lex.not_sources or toks[s0][2] in lex.not_sources:
                return None
            if head.isdigit():
                return None
            sp = (sp_start, toks[k - 1][1])
            after_sp = k
        if len(before) >= 2:
            # the cue closes the statement: content is the sentence part before it
            first = next(t for t in toks[:i] if t[2] not in _PUNCT_STOP and t[2] not in ("و",))
            cs = first[0]
            ce = toks[i - 1][1] if i > 0 else a
            attr = RawAttr(cue=(a, b), speaker=sp, content=(cs, ce), direct=False, rule=c["rule"] + ".after",
                           sentence=sent, forward=False, kind="according")
        else:
            if sp is None:
                return None
            k = after_sp
            while k < n and toks[k][2] in ("،", ","):
                k += 1
            # apposition: "وفقا لديدييه لو بريه، منسق ...، فإن"
            m = k
            while m < min(n, k + _MAX_GAP) and not self._is_compl(toks[m][2]):
                m += 1
            if m < n and self._is_compl(toks[m][2]):
                k = m + 1
            if k >= n:
                return None
            op = self._quote_or_plain(toks, k, n)
            attr = self._make(toks, c, sent, None, op, c["rule"] + ".before", kind="according")
            attr.speaker = sp
        if c["kind"] == "according_pronoun":
            attr.antecedent = self._antecedent(out, first_new, a, False, ents, sent)
        out.append(attr)
        return tj

    def _close_contents(self, text, out, first_new, sent):
        """End forward contents at the next attribution in the sentence; trim the tails."""
        new = out[first_new:]
        starts = sorted(min(x for x in (a.cue[0], a.speaker[0] if a.speaker else a.cue[0]))
                        for a in new if a.parent is None)
        for a in new:
            if a.content is None or a.direct:
                continue
            cs, ce = a.content
            if a.forward:
                for s in starts:
                    if s > cs:
                        ce = min(ce, s)
                        break
            ce = self._trim(text, cs, ce)
            a.content = (cs, ce) if ce > cs else None
        for idx in range(first_new, len(out)):
            a = out[idx]
            if a.parent is not None and a.content is not None:
                p = out[a.parent]
                if p.content is not None:
                    p.content = (p.content[0], max(p.content[1], a.content[1]))

    @staticmethod
    def _trim(text: str, cs: int, ce: int) -> int:
        while ce > cs:
            while ce > cs and text[ce - 1].isspace():
                ce -= 1
            m = re.search(r"(\w+|[^\w\s])$", text[cs:ce])
            if m and m.group() in _TRIM_TAIL:
                ce = cs + m.start()
                continue
            break
        return ce
