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
* relay: ``نقلت X عن Y (أن|القول:) CONTENT``: X reports Y (two items, nested); with no X
  (``ونُقل عن شهود عيان قولهم إن``: passive, or a pronoun subject) one item, Y's; the same two
  items for a relay marker (``نقلا عن``، ``استنادا إلى``، ``على لسان``) after any cue's speaker
  (``ذكرت قناة العربية نقلا عن مصادر عسكرية أن``) and for ``عن`` after the source of an
  "according to what X relayed" cue (``وفقا لما نقلته وكالة رويترز عن مصدر قضائي فإن``)
* topic: ``أما X فـCUE (أن|إن|:) CONTENT``: X, fronted by أما, is the speaker
* according to: ``(وفقا ل|بحسب|حسب|نقلا عن|على حد قول) SPEAKER``, the content is the
  rest of the sentence, before the cue when the cue closes the sentence
* passive: ``قيل إن CONTENT`` (no speaker)
* asides between the speaker and the content are skipped and are not part of the speaker:
  a bracket (``قالت وكالة الأنباء السورية (سانا) إن``: speaker ``وكالة الأنباء السورية``), a
  comma aside followed by the opener (``، ومقره بريطانيا، إن``، ``، رئيس الحزب، إن``), a setting
  (``في بيان``، ``في تصريح لـ``), a time (``اليوم الأحد``); ل + the right after the cue is an
  addressee (``قال للوفد إن``); a setting right after a cue without subject (``وقال في تصريح
  لـ«الحياة» إن``) makes a pronoun attribution, the outlet being the one told
* an "according to" source in an aside (``يقول الناطق - حسب وكالة الصحافة الفرنسية - إن``,
  ``قال المسؤول، بحسب رويترز، إن``) is an item of its own with the same content; the speaker's
  item is nested in it, unless the speaker is an outlet (``قالت صحيفة X، حسب مصادر، إن``) or the
  cue is على لسان, where the source's item is nested in the speaker's
* nesting: a cue without و/ف in the content clause of an earlier attribution of the sentence
  (opened by أن/إن/: or a quotation, no comma before the cue) is nested in it (``parent``);
  right after a pronoun complementizer (``قال الرئيس إنه أبلغ نظيره أن``) or as the first-person
  verb opening a quotation (``«أبلغت نظيري أن``) its subject is that pronoun, i.e. the outer
  speaker when the pronoun agrees with the outer cue (else no speaker), and the words before the
  content are the addressee (``نظيره``، ``لنظيره``); with its own subject after the complementizer
  (``إن الحكومة أبلغت الوسطاء أن``) that subject speaks and the words after the verb are the addressee

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
_FI = "فى"  # "في" after normalisation (final ya -> alef maksura)
_MAX_SPEAKER = 14
_SIDE_WORDS = frozenset(["جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها", "جهتهم", "جانبهم"])
_RELATIVES = frozenset(["التى", "الذى", "الذين", "اللذين", "اللواتى", "اللاتى"])
_PREPOSITIONS = frozenset(["فى", "على", "عن", "من", "الى", "مع", "لدى", "عند", "بعد", "قبل", "خلال", "حول", "ضد", "بين", "منذ", "نحو", "عبر", "حتى", "ب", "ل"])
_MAX_BACK = 10
_DASHES = ("-", "–", "—")
_ASIDE_MARKS = frozenset(("،", ",", *_DASHES))
#: The pronoun of ما after an "according to what X said" cue: "بحسب ما صرح به X" (normalised).
_RESUMPTIVE = frozenset(["به", "بها", "عنه", "عنها", "له", "لها"])
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
        aside: An "according to" source in an aside between a speaker and its content
            (``يقول الناطق - حسب وكالة الصحافة الفرنسية - إن``); the speaker's item is nested in it,
            and a later pronoun cue still refers to the speaker, not to this source.
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
    speaker_from_clause: bool = False
    anchor_hint: list = field(default_factory=list)
    aside: bool = False


class RuleParser:
    """Applies the attribution rules to normalised sentences.

    Args:
        lex: The loaded :class:`~hadath.extract.attributions.lexicon.CueLexicon`.
    """

    def __init__(self, lex: CueLexicon) -> None:
        self.lex = lex
        self._text = ""
        self._time_mask = bytearray()
        self._openq = frozenset(lex.quotes)
        self._relaying = frozenset(lex.relay_markers.values())

    def _time_at(self, toks, k: int, n: int) -> int:
        """Number of tokens from ``k`` that form a time expression (with a leading في/ب/يوم), 0 if none."""
        mask = self._time_mask
        if k >= n:
            return 0
        j = k
        if toks[j][2] in (_FI, "ب", "يوم", "منذ", "خلال") and j + 1 < n:
            j += 1
        if mask and mask[toks[j][0]]:
            while j < n and mask[toks[j][0]]:
                j += 1
            return j - k
        # no time item here: a written date "3 يناير 2015" / "12 جانفي" / "يناير 2015"
        months = self.lex.month_words
        e = j + 1 if toks[j][2].isdigit() else j
        if e >= n or toks[e][2] not in months:
            return 0
        while e < n and toks[e][2] in months:
            e += 1
        if e < n and toks[e][2].isdigit():
            e += 1
        if e - j < 2:
            return 0  # a month word alone (مارس "he practised", ماي) is no date
        return e - k

    # ------------------------------------------------------------------ helpers
    def _fi_setting(self, w: str) -> bool:
        """``في`` + this word is a setting (في بيان، في الحوار)."""
        fi = self.lex.settings_fi
        return w in fi or (w.startswith("ال") and w[2:] in fi)

    def _after_setting(self, w: str) -> bool:
        """Word ``w`` after a speaker opens an addressee or setting (``settings_after``, or ل/لل +
        a noun of ``addressees``: للبرلمان، لنواب، لأنصاره)."""
        if w in self.lex.settings_after:
            return True
        if len(w) < 3 or w[0] != "ل":
            return False
        rest = w[1:]
        ad = self.lex.addressees
        return rest in ad or (rest[0] == "ل" and "ا" + rest in ad)

    def _document_adjective(self, w: str) -> bool:
        """Word ``w`` may follow a definite document head inside the speaker (التقرير السنوي)."""
        if w in self.lex.document_adjectives:
            return True
        return w.startswith("ال") and len(w) > 4 and (w.endswith("ى") or w.endswith("يه") or w.endswith("يين"))

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

    def _relay_marker(self, toks, k: int, n: int) -> tuple[int, str] | None:
        """``(index of its last token, rule id)`` when a relaying "according to" form (``نقلا عن``,
        ``على لسان``: ``relays`` in cues.yaml) starts at token ``k``, else None."""
        for words, rid in self.lex.relay_markers.items():
            m = len(words)
            if k + m <= n and all(toks[k + x][2] == words[x] for x in range(m)):
                return k + m - 1, rid
        return None

    def _relay_after_speaker(self, toks, s1: int, n: int) -> tuple[int, int, str] | None:
        """``(first token, last token, rule id)`` of a relay marker right after a speaker ending at token
        ``s1`` (a bracketed aside may stand between: ``وكالة الأنباء السعودية (واس) نقلا عن``), else None."""
        a = s1
        if a < n and toks[a][2] in self.lex.brackets:
            a = self._skip_aside(toks, a, n) or a
        mk = self._relay_marker(toks, a, n)
        return (a, mk[0], mk[1]) if mk is not None else None

    def _close_quote(self, toks, i: int, limit: int) -> int | None:
        """Index of the token closing the quote opened at ``toks[i]`` (or None)."""
        op = toks[i][2]
        closes = {self.lex.quotes.get(op), op}
        if op in ('"', "“", "”"):
            closes |= {'"', "”", "“"}
        for k in range(i + 1, limit):
            if toks[k][2] in closes:
                return k
        return None

    # ------------------------------------------------------------------ main
    def parse(self, text: str, sentences: list[tuple[int, int]],
              entity_spans: list[tuple[int, int]] | None = None,
              time_spans: list[tuple[int, int]] | None = None) -> list[RawAttr]:
        """Find attributions.

        Args:
            text: Normalised document text.
            sentences: Normalised ``(start, end)`` sentence spans, in order.
            entity_spans: Normalised spans of PER/ORG entity mentions (used to end a speaker
                that has no other boundary and to find a participle's subject); may be empty.
            time_spans: Normalised spans of time expressions (``doc.times``): a time between the
                speaker and the content is skipped and ends the speaker ("قال X يوم 3 يناير إن",
                "أعلنت الوزارة في 12 جانفي 2016 مقتل ..."); may be empty.

        Returns:
            The attributions in text order; ``antecedent`` and ``parent`` index this list.
        """
        out: list[RawAttr] = []
        ents = sorted(entity_spans or [])
        self._text = text
        self._time_mask = bytearray(len(text) + 1)
        for a, b in time_spans or ():
            self._time_mask[max(0, a):max(0, b)] = b"\x01" * (max(0, b) - max(0, a))
        quoted_until = -1
        for ss, se in sentences:
            if se <= quoted_until:
                continue  # inside a quotation opened in an earlier sentence
            if ss < quoted_until:
                ss = quoted_until
            toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, ss, se)]
            if not toks:
                continue
            ctx = {"first_new": len(out), "subject": self._initial_subject(toks), "ents": ents}
            cues = self._find_cues(text, toks, ss, se)
            used_until = -1
            for c in cues:
                if c["ti"] <= used_until:
                    if c["kind"] == "according" and len(out) > ctx["first_new"]:
                        self._aside_source(toks, c, (ss, se), out)
                    continue
                n_before = len(out)
                res = self._parse_cue(text, toks, c, (ss, se), out, ctx)
                if res is not None:
                    used_until = max(used_until, res)
                    last = out[-1] if len(out) > n_before else None
                    if last is not None and last.forward and last.content is not None:
                        # words between the cue and the content (speaker, addressee, "في تصريح لـ")
                        # belong to this attribution: no other cue starts there
                        cs = last.content[0]
                        used_until = max([used_until] + [ix for ix, t in enumerate(toks) if t[0] < cs])
            self._close_contents(text, out, ctx["first_new"], (ss, se))
            for a in out[ctx["first_new"]:]:
                if a.direct and a.content is not None and a.content[1] > se:
                    quoted_until = max(quoted_until, a.content[1] + 1)
        return out

    def _find_cues(self, text, toks, ss, se) -> list[dict]:
        lex = self.lex
        found: list[dict] = []
        taken: list[tuple[int, int]] = []
        for m in lex.multi_re.finditer(text, ss, se):
            a, b = m.start(1), m.end(1)
            rid, kind = lex.multi[" ".join(m.group(1).split())]
            ti = next(i for i, t in enumerate(toks) if t[1] > a)
            tj = ti
            while tj + 1 < len(toks) and toks[tj + 1][0] < b:
                tj += 1
            taken.append((a, b))
            found.append({"ti": ti, "tj": tj, "span": (a, b), "rule": rid, "kind": kind, "prefix": False})
        for i, (a, b, w) in enumerate(toks):
            hit = self._cue_at(w)
            if not hit or (taken and any(a < y and x < b for x, y in taken)):
                continue
            rid, fkind, plen = hit
            if w in lex.impersonal or w[plen:] in lex.impersonal:
                continue
            if i > 0:
                prev = toks[i - 1][2]
                if prev in lex.blockers_before or (prev[:1] in "وف" and prev[1:] in lex.blockers_before) \
                        or prev in _PREPOSITIONS:
                    continue
            found.append({"ti": i, "tj": i, "span": (a + plen, b), "rule": rid,
                          "kind": "participle" if fkind == "participle" else "verb",
                          "prefix": plen > 0, "form": fkind})
        found.sort(key=lambda c: c["ti"])
        return found

    def _initial_subject(self, toks) -> tuple[int, int] | None:
        """Subject of a sentence that opens with ``(و)VERB ال...`` (used for participles)."""
        lex = self.lex
        if len(toks) < 3:
            return None
        w = toks[0][2]
        if w[:1] not in "وف" or len(w) < 4:  # news sentences open with و + verb: "وأعربت المنظمة ..."
            return None
        base = w[1:]
        if base.startswith("ال") or w in lex.clause_openers or base in lex.clause_openers:
            return None
        if not toks[1][2].startswith("ال"):
            return None
        s0, s1 = self._speaker_forward(toks, 1, len(toks), None)
        return (s0, s1) if s1 > s0 else None

    def _skip_quoted(self, toks, k: int, n: int, max_len: int = 6) -> int | None:
        """Index after a short quoted chunk opening at ``k`` (or None)."""
        if k < n and toks[k][2] in self._openq:
            cq = self._close_quote(toks, k, min(n, k + max_len + 2))
            if cq is not None:
                return cq + 1
        return None

    def _skip_aside(self, toks, k: int, n: int, extra: frozenset = frozenset(), depth: int = 0) -> int | None:
        """Index after an aside opening at ``k`` between a speaker and its content (or None).

        An aside is a bracketed chunk of 1-8 tokens (``(سانا)``, ``(ومقره لندن)``; brackets of
        ``grammar.yaml``) or a chunk of 1-``_MAX_GAP`` tokens between two commas or two dashes
        (``، ومقره بريطانيا،``, ``، رئيس الوزراء،``, ``، في تصريح لـ«الحياة»،``, ``- الذي يزور
        المدينة -``) that is followed by a complementizer, a colon, a word of ``extra`` or (up to
        three in a row) another comma aside. Neither holds a complementizer, a colon or a sentence
        mark; a comma or dash aside may hold a bracket or a short quoted name.
        """
        lex = self.lex
        w = toks[k][2]
        close = lex.brackets.get(w)
        if close is not None:
            for m in range(k + 1, min(n, k + 10)):
                t = toks[m][2]
                if t == close:
                    return m + 1 if m > k + 1 else None
                if self._is_compl(t) or t == ":" or t in lex.brackets or t in self._openq:
                    return None
            return None
        if w in ("،", ","):
            closers = ("،", ",")
        elif w in _DASHES:
            closers = _DASHES
        else:
            return None
        m = k + 1
        lim = min(n - 1, k + 2 + _MAX_GAP)
        while m < lim:
            t = toks[m][2]
            if t in closers:
                if m == k + 1:
                    return None
                nxt = toks[m + 1][2]
                if self._is_compl(nxt) or nxt == ":" or nxt in extra:
                    return m + 1
                if t in ("،", ",") and depth < 2:  # "، الذي ...، ويعتمد على ...، إن"
                    return self._skip_aside(toks, m, n, extra, depth + 1)
                return None
            skip = self._skip_aside if t in lex.brackets else self._skip_quoted if t in self._openq else None
            if skip is not None:  # a bracket or a quotation inside the aside: jump over it
                m = skip(toks, m, n)
                if m is None:
                    return None
                continue
            if self._is_compl(t) or t == ":" or t in _PUNCT_STOP:
                return None
            m += 1
        return None

    def _skip_settings(self, toks, j: int, n: int, *, before_subject: bool) -> int:
        """Skip addressees (لـ"X"), settings (في بيان ...), time words; return the next index."""
        lex = self.lex
        while j < n:
            w = toks[j][2]
            if w in lex.time_words:
                j += 1
                continue
            t = self._time_at(toks, j, n)
            if t:
                j += t
                continue
            if w == "من" and j + 1 < n and toks[j + 1][2] in _SIDE_WORDS:
                j += 2
                continue
            if before_subject and len(w) > 4 and w.startswith("لل") and w[2:] not in _SIDE_WORDS:
                # "وقال للوفد المرافق إن": ل + the, right after the cue, is an addressee, never the subject
                k = self._skip_np(toks, j + 1, n)
                if k < n and (self._is_compl(toks[k][2]) or toks[k][2] == ":"):
                    return k
                j += 1
                continue
            if w == "ل" or self._after_setting(w):
                q = self._skip_quoted(toks, j + 1, n)
                if q is not None:
                    j = q
                    continue
                if before_subject:
                    if w == "ل" and j + 1 < n:
                        j += 2
                        continue
                    # "وقال لوكالة الصحافة الفرنسية إن": an addressee, then (usually) the content
                    k = self._skip_np(toks, j + 1, n)
                    if k < n and (self._is_compl(toks[k][2]) or toks[k][2] == ":"):
                        return k
                    return j
                return self._skip_np(toks, j + 1, n)
            if w in ("فيه", "فيها", "له", "لها", "لهم", "لنا", "لى", "لكم"):  # "أكد فيه أن", "قال لنا"
                j += 1
                continue
            if w == _FI and j + 1 < n and self._fi_setting(toks[j + 1][2]):
                if before_subject:
                    k = j + 2
                    while k < n and (toks[k][2] in ("له", "لها", "لهم", "صحفى", "رسمى", "منفصل", "مشترك", "صادر")
                                     or toks[k][2] in lex.time_words):
                        k += 1
                    if k < n and (toks[k][2] == ":" or self._is_compl(toks[k][2])):
                        return k
                    return j
                return self._skip_np(toks, j + 2, n)
            return j
        return j

    def _skip_np(self, toks, k: int, n: int, extra: frozenset = frozenset()) -> int:
        """From ``k``, skip words up to a complementizer, colon, comma, quote or a word of
        ``extra`` (max _MAX_GAP)."""
        lim = min(n, k + _MAX_GAP)
        while k < lim:
            w = toks[k][2]
            if self._is_compl(w) or w in (":", "،", ",") or w in self._openq or self._cue_at(w) or w in extra:
                return k
            k += 1
        return k

    def _speaker_forward(self, toks, j: int, n: int, entry, source: bool = False) -> tuple[int, int]:
        """Speaker tokens ``[j, k)`` after a verb-first cue; returns ``(j, k)``. ``source``: a relayed
        source after عن / نقلا عن, whose ل-words are its own (``الإدارة الحكومية للصحافة``), not an addressee."""
        lex = self.lex
        k = j
        stops = entry.opens if entry is not None else frozenset()
        if j < n and (self._cue_at(toks[j][2]) or toks[j][2] in _PREPOSITIONS
                      or not any(ch.isalpha() for ch in toks[j][2]) and toks[j][2] not in self._openq):
            return j, j
        doc_head = j < n and toks[j][2] in lex.document_heads
        while k < n and k - j < _MAX_SPEAKER:
            w = toks[k][2]
            if w in self._openq:
                # a quoted name inside the speaker: صحيفة "وول ستريت جورنال", " مسهور "
                q = self._skip_quoted(toks, k, n)
                if q is not None and q - k <= 6 and (k > j or not self._quote_starts_content(toks, k, n)):
                    k = q
                    continue
                break
            if w in _PUNCT_STOP or w == ":" or self._is_compl(w):
                break
            if k > j and self._time_at(toks, k, n):
                break  # "وزارة الدفاع الجزائرية في 12 جانفي 2016": the speaker ends before the date
            if k > j and w in ("عن", "من", _FI) and toks[k - 1][2] in lex.document_participles:
                k += 1  # "البيان الصادر عن الوزارة": the participle's complement
                continue
            if k > j and (w in lex.time_words or (self._after_setting(w) and not source) or w in stops or w == "عن"
                          or w in lex.content_nouns or w in _RELATIVES or w in lex.clause_openers
                          or (w[:1] in stops and w[1:] in lex.content_nouns)):  # "أفادت مصادر بمقتل"
                break
            if w == _FI and k + 1 < n and self._fi_setting(toks[k + 1][2]):
                break
            if k > j and (w == "بهذا" or (w == "من" and k + 1 < n and toks[k + 1][2] in _SIDE_WORDS)):
                break
            if k > j and (self._cue_at(w) or self._relay_marker(toks, k, n)):
                break  # (a relayed source: "ذكرت قناة العربية نقلا عن مصادر")
            if doc_head and k > j:
                if (w[:1] == "ل" and len(w) > 2) or w in lex.document_participles:
                    # "التقرير الأخير للمنظمة", "التقرير الصادر من المجلس": an ordinary noun phrase goes on
                    doc_head = False
                elif not self._document_adjective(w):
                    break  # "أورد التقرير عدد العمليات": a report's name is not followed by a name
            k += 1
        return j, k

    def _aside_before(self, toks, k: int) -> int | None:
        """Index of the comma (or dash) opening an aside that the mark at token ``k`` closes, or None.

        The aside is 1-``_MAX_GAP`` tokens with no sentence mark, complementizer,
        colon or cue: a relative clause (``، الذي يزور القاهرة،``), a و clause of
        a pronoun or a headquarters (``، ومقره لندن،``, ``، وهو ...،``) or a
        definite apposition (``، العميد أحمد عسيري،``); not a setting or a
        clause (``، وبعد الاجتماع،``: a clause opener, a preposition or a time word).
        """
        lex = self.lex
        group = ("،", ",") if toks[k][2] in ("،", ",") else _DASHES
        op = next((m for m in range(k - 1, max(0, k - 2 - _MAX_GAP), -1) if toks[m][2] in _ASIDE_MARKS), None)
        if op is None or op < 2 or op == k - 1 or toks[op][2] not in group:
            return None
        for m in range(op + 1, k):
            t = toks[m][2]
            if t in _PUNCT_STOP or t == ":" or self._is_compl(t) or self._cue_at(t):
                return None
        first = toks[op + 1][2]
        base = first[1:] if first[:1] == "و" and len(first) > 2 else first
        if first in _RELATIVES or (first != base and (base in ("هو", "هى", "هم", "هما") or base.startswith("مقر"))):
            return op
        if first.startswith("ال") and first not in lex.clause_openers and first not in lex.time_words \
                and first not in _RELATIVES and not self._cue_at(first):
            return op
        return None

    def _speaker_backward(self, toks, i: int) -> tuple[int, int] | None:
        """Subject before a cue at token ``i`` (subject-first), as token range, or None.

        The subject must start a clause: at the sentence start, after punctuation or after a
        conjunction / complementizer / auxiliary; a phrase opening with a preposition
        ("وعن توقعاته ... يقول") is not a subject.
        """
        lex = self.lex
        k = i - 1
        while k >= 0 and toks[k][2] in lex.auxiliaries:
            k -= 1
        if k > 1 and toks[k][2] in lex.brackets.values():
            # "وكالة الأنباء السورية (سانا) قالت": the bracketed aside is not part of the subject
            op = next((m for m in range(k - 1, max(-1, k - 10), -1) if toks[m][2] in lex.brackets), None)
            if op is None or op == k - 1 or lex.brackets[toks[op][2]] != toks[k][2]:
                return None
            k = op - 1
        elif k > 2 and toks[k][2] in _ASIDE_MARKS:
            # "المرصد السوري، ومقره لندن، قال إن": a comma (or dash) aside between the subject and the cue
            op = self._aside_before(toks, k)
            if op is None:
                return None
            k = op - 1
        end = k + 1
        start = end
        closing = set(lex.quotes.values()) | self._openq
        while k >= 0:
            if end - k > _MAX_BACK:
                return None
            w = toks[k][2]
            if w in closing:
                start = k
                k -= 1
                continue
            if w in _PUNCT_STOP or w == ":" or w in lex.clause_openers or w in lex.blockers_before \
                    or (w[:1] in "وف" and w[1:] in lex.clause_openers):
                break
            if self._cue_at(w) or w in lex.time_words:
                return None
            start = k
            if (w.startswith("وال") or w.startswith("فال")) and (
                    k == 0 or toks[k - 1][2] in _PUNCT_STOP or toks[k - 1][2] in lex.clause_openers):
                break  # "، والسلطات أكدت": the و opens the clause
            k -= 1
        while start < end and toks[start][2] in closing and self._close_quote(toks, start, end) is None:
            start += 1
        if start >= end:
            return None
        w = toks[start][2]
        base = w[1:] if w[:1] in "وف" and len(w) > 2 else w
        if w in _PREPOSITIONS or base in _PREPOSITIONS:
            return None
        if k >= 0 and toks[k][2] in _PREPOSITIONS:
            return None
        return start, end

    def _open_content(self, toks, j: int, n: int, entry, *, allow_np: bool,
                      strict: bool = False) -> tuple[int, bool, int, bool] | None:
        """Where the content opens at or after token ``j``.

        Returns:
            ``(first content token, direct, closing quote index or -1, is a bare noun phrase)``,
            or None when no content opener is found (and a noun phrase is not allowed).
        """
        lex = self.lex
        k = j
        lim = min(n, j + (2 if strict else _MAX_GAP))
        while k < lim:
            w = toks[k][2]
            if w == ":" or self._is_compl(w):
                k += 1
                while k < n and (toks[k][2] == ":" or self._is_compl(toks[k][2])):
                    k += 1
                return self._quote_or_plain(toks, k, n)
            if entry is not None and (w in entry.opens or (w[:1] in entry.opens and len(w) > 2)):
                if entry.keep_open:
                    return k, False, -1, False
                if w in entry.opens:
                    k += 1
                if k < n and self._is_compl(toks[k][2]):
                    k += 1
                return self._quote_or_plain(toks, k, n)
            if w in self._openq and k == j:
                return self._quote_or_plain(toks, k, n)
            if strict:
                return None
            aside = self._skip_aside(toks, k, n, entry.opens if entry is not None else frozenset())
            if aside is not None:  # "قالت وكالة الأنباء السورية (سانا) إن", "وقال المرصد، ومقره بريطانيا، إن"
                k = aside
                lim = max(lim, min(n, k + 3))
                continue
            if w in self._openq:  # a quoted name in a setting: في تصريحات نقلتها "سكاي نيوز" أن
                q = self._skip_quoted(toks, k, n)
                if q is None:  # a long quotation after a setting: "يقول أوباما في الفيديو “ان ...”"
                    return self._quote_or_plain(toks, k, n)
                k = q
                continue
            if w in lex.time_words or w == "،" or w == ",":
                k += 1
                continue
            t = self._time_at(toks, k, n)
            if t:  # "قال السيسي يوم 3 يناير 2015 إن": a date between the speaker and إن
                k += t
                continue
            if w in _RELATIVES:  # "وقال المسؤول، الذي طلب عدم الكشف عن اسمه، إن"
                k = self._skip_np(toks, k + 1, n)
                continue
            extra = entry.opens if entry is not None else frozenset()
            if w == _FI and k + 1 < n and self._fi_setting(toks[k + 1][2]):
                k = self._skip_np(toks, k + 2, n, extra)
                continue
            if w == "ل" or self._after_setting(w):
                q = self._skip_quoted(toks, k + 1, n)
                k = q if q is not None else self._skip_np(toks, k + 1, n, extra)
                continue
            listed_only = entry is not None and entry.complement == "listed"
            if allow_np and ((k == j and not listed_only) or w in lex.content_nouns) and w not in _PUNCT_STOP \
                    and w not in self._openq:
                return k, False, -1, True
            return None
        return None

    def _quote_or_plain(self, toks, k: int, n: int) -> tuple[int, bool, int, bool] | None:
        if k >= n:
            return None
        w = toks[k][2]
        if w in self._openq:
            p = toks[k][0]
            if w == '"' and p > 0 and not self._text[p - 1].isspace() and self._text[p - 1] not in ":(":
                return None  # a '"' glued to the word before it closes a quotation
            cq = self._close_quote(toks, k, n)
            if cq is not None and cq > k + 1:
                return k + 1, True, cq, False
            # a quotation running over several sentences: find its end in the paragraph
            end = self._far_close(toks[k][2], toks[k][1]) if w in ("«", "“") else None
            if end is not None and k + 1 < n:
                return k + 1, True, -1, False, end
            return None
        if w in _PUNCT_STOP:
            return None
        return k, False, -1, False

    def _far_close(self, op: str, pos: int) -> int | None:
        """Offset of the mark closing quote ``op`` after ``pos`` in the same paragraph (or None)."""
        text = self._text
        closes = {self.lex.quotes.get(op), op}
        if op in ('"', "“", "”"):
            closes |= {'"', "”", "“"}
        lim = min(len(text), pos + 2000)
        for x in range(pos, lim):
            ch = text[x]
            if ch == "\n":
                return None
            if ch in closes:
                return x if x > pos else None
        return None

    def _make(self, toks, c, sent, speaker_tok, content_open, rule, **kw) -> RawAttr:
        cue = c["span"]
        sp = (toks[speaker_tok[0]][0], toks[speaker_tok[1] - 1][1]) if speaker_tok else None
        content = None
        direct = False
        if content_open is not None:
            ci, direct, cq = content_open[:3]
            if ci < len(toks):
                cs = toks[ci][0]
                if len(content_open) > 4:
                    ce = content_open[4]
                else:
                    ce = toks[cq][0] if direct else sent[1]
                content = (cs, ce)
        return RawAttr(cue=cue, speaker=sp, content=content, direct=direct, rule=rule, sentence=sent, **kw)

    @staticmethod
    def _top(out: list[RawAttr], idx: int) -> bool:
        """Item ``idx`` is not reported by another speaker (no parent, or only an aside source)."""
        a = out[idx]
        if a.aside:
            return False
        return a.parent is None or out[a.parent].aside

    @classmethod
    def _antecedent(cls, out: list[RawAttr], cue_start: int) -> int | None:
        """The attribution a pronoun cue refers back to: the latest one with a speaker."""
        for idx in range(len(out) - 1, -1, -1):
            a = out[idx]
            if a.cue[0] < cue_start and (a.speaker is not None or a.antecedent is not None) and cls._top(out, idx):
                return idx
        return None

    def _aside_source(self, toks, c, sent, out) -> None:
        """An "according to" cue opening an aside between the last item's speaker and its content
        (``يقول الناطق علي الأحمدي - حسب وكالة الصحافة الفرنسية - إن``): add the source as an item
        with the same content and nest the speaker's item in it, or, when the speaker is a media
        outlet (``media_heads``) or the cue relays (``relays`` in cues.yaml: على لسان، نقلا عن), nest the
        source's item in the speaker's."""
        last_idx = len(out) - 1
        last = out[last_idx]
        i, tj = c["ti"], c["tj"]
        n = len(toks)
        if c["rule"].startswith("acc.statement"):
            return  # "، في تصريحات لـ«الشرق الأوسط»،": a setting, the outlet is told
        if i == 0 or last.kind != "verb" or not last.forward or last.content is None or last.speaker is None \
                or last.parent is not None or not (last.speaker[1] <= c["span"][0] and c["span"][1] < last.content[0]):
            return
        op = toks[i - 1][2]
        closers = _DASHES if op in _DASHES else ("،", ",") if op in ("،", ",") else \
            (self.lex.brackets[op],) if op in self.lex.brackets else None
        if closers is None or tj + 1 >= n or toks[tj][1] > c["span"][1]:
            return
        k = tj + 1
        # a relayed source may be a long noun phrase ("نقلا عن أحد الأسرى من القوات الموالية للرئيس ...")
        longest = _MAX_GAP if c["rule"] in self._relaying else 8
        while k < n and k - tj <= longest and toks[k][2] not in closers:
            if toks[k][2] in _PUNCT_STOP or self._is_compl(toks[k][2]):
                return
            k += 1
        if k >= n or toks[k][2] not in closers or k == tj + 1 or toks[k][0] >= last.content[0]:
            return
        src = RawAttr(cue=c["span"], speaker=(toks[tj + 1][0], toks[k - 1][1]), content=last.content,
                      direct=last.direct, rule=c["rule"] + ".aside", sentence=sent, kind="according", aside=True)
        out.append(src)
        head = next((t[2] for t in toks if t[0] >= last.speaker[0]), "")
        if c["rule"] in self._relaying or head in self.lex.media_heads:
            # "تؤكد الصحيفة، على لسان خبير الآثار، أن", "قال المسؤول، نقلا عن مصادر، إن": the speaker relays
            src.parent = last_idx
        else:
            last.parent = len(out) - 1  # "قال المسؤول، بحسب وكالة رويترز، إن": the agency reports him

    def _inside_previous(self, out, ctx, pos: int) -> bool:
        for a in out[ctx["first_new"]:]:
            if a.forward and a.content is not None and a.content[0] <= pos < a.content[1]:
                return True
        return False

    def _parse_cue(self, text, toks, c, sent, out, ctx):
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
            out.append(self._make(toks, c, sent, None, op, rid, kind="passive", no_speaker=True))
            return i
        if kind == "masdar":  # "...، في إشارة إلى أن ..."
            op = self._open_content(toks, j, n, None, allow_np=True)
            if op is None:
                return None
            ant = self._participle_subject(toks, c, out, ctx, sent)
            a = self._make(toks, c, sent, ant if isinstance(ant, tuple) else None, op, rid, kind="participle")
            if not isinstance(ant, tuple):
                a.antecedent = ant
            out.append(a)
            return i
        if kind in ("according", "according_pronoun"):
            return self._according(text, toks, c, sent, out, ctx)
        entry = lex.verbs[rid]
        if kind == "participle":
            op = self._open_content(toks, j, n, entry,
                                    allow_np=entry.complement != "required" or entry.participle_np,
                                    strict=entry.strict)
            if op is None:
                return None
            ant = self._participle_subject(toks, c, out, ctx, sent)
            a = self._make(toks, c, sent, ant if isinstance(ant, tuple) else None, op, rid + ".participle",
                           kind="participle")
            if isinstance(ant, tuple):
                a.speaker_from_clause = True
            else:
                a.antecedent = ant
            out.append(a)
            return i
        if entry.relay:
            return self._relay(toks, c, sent, out, entry)
        allow_np = entry.complement != "required"
        nest = self._nesting(toks, c, out, ctx)
        if nest is not None and nest[1] is not None:
            return self._nested_pronoun(toks, c, sent, out, entry, nest)
        if nest is not None and entry.strict and c["ti"] > 0 and toks[c["ti"] - 1][2].startswith("ال") \
                and not self._is_compl(toks[c["ti"] - 1][2]) and toks[c["ti"] - 1][2] not in _RELATIVES:
            return None  # "إن التجارة الثنائية بين البلدين": after a noun, an ambiguous word is not a cue
        if nest is not None and not allow_np:
            res = self._nested_subject_first(toks, c, sent, out, entry, nest[0])
            if res is not None:
                return res
        n_before = len(out)
        res = self._verb_cue(text, toks, c, sent, out, ctx, entry, allow_np)
        if nest is not None and len(out) > n_before:
            out[-1].parent = nest[0]  # "قال الوزير إن الرئيس أكد أن": reported inside the outer content
        return res

    def _nesting(self, toks, c, out, ctx) -> tuple[int, str | None] | None:
        """``(outer index, pronoun code or None)`` when cue ``c`` (without و/ف) sits in the forward
        content of an earlier attribution of the sentence; the pronoun code (``m``, ``f``, ``pl``,
        ``1``) is set when the content opens with a pronoun complementizer (``إنه``) and only
        auxiliaries (قد، كان) stand between it and the cue: the verb's subject is that pronoun.
        The content must open with a complementizer or a colon (or be a quotation), and no comma
        may stand between its start and the cue."""
        if c["prefix"]:
            return None
        i = c["ti"]
        pos = toks[i][0]
        for idx in range(len(out) - 1, ctx["first_new"] - 1, -1):
            a = out[idx]
            if a.forward and a.content is not None and a.content[0] <= pos < a.content[1]:
                break
        else:
            return None
        inside = [t for t in toks[:i] if t[0] >= a.content[0]]
        before = [t for t in toks[:i] if t[1] <= a.content[0]]
        if any(t[2] in ("،", ",", "؛", ";") for t in inside):
            return None  # "...، أكد وزير الدفاع": a new clause, not the reported one
        if not a.direct and not (before and (self._is_compl(before[-1][2]) or before[-1][2] == ":")):
            return None  # a noun-phrase content ("أعلنت عن قرارها ...") holds no reported clause
        p = i - 1
        while p >= 0 and toks[p][0] >= a.content[0] and toks[p][2] in self.lex.auxiliaries:
            p -= 1
        if not a.direct and p >= 0 and toks[p][1] <= a.content[0]:
            code = self.lex.pronoun_complementizers.get(toks[p][2])
            if code is not None:
                return idx, code
        if a.direct and (p < 0 or toks[p][1] <= a.content[0]):
            # «أبلغت نظيري أن ...» opening a quotation: a first-person verb, the quoted speaker
            w = toks[i][2]
            form = c.get("form")
            nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
            # أبلغت is also "she informed": first person only before an opener, ل or a word with "my" (نظيري)
            first = w.endswith("نا") or (w.endswith("ت") and (
                self._is_compl(nxt) or nxt == ":" or nxt.startswith("ل") or (len(nxt) > 3 and nxt.endswith("ى"))))
            if (form == "past" and first) or (form == "present" and w[:1] in "انأ"):
                return idx, "1"
        return idx, None

    @staticmethod
    def _agrees(code: str, cue_word: str, form: str | None) -> bool:
        """A pronoun complementizer of person/gender ``code`` may refer to the speaker of a cue
        word (``قالت`` + ``إنها``, ``قال`` + ``إنه``, ``قالوا`` + ``إنهم``; ``1`` always)."""
        if code in ("1", "pl"):
            return True
        w = cue_word[1:] if cue_word[:1] in "وف" and len(cue_word) > 3 else cue_word
        if form == "past":
            fem = w.endswith("ت") or w.endswith("تا")
        elif form == "present":
            fem = w.startswith("ت")
        else:
            return True
        return fem == (code == "f")

    def _nested_pronoun(self, toks, c, sent, out, entry, nest):
        """``قال الرئيس إنه أبلغ نظيره أن ...``: the inner cue's subject is the pronoun of ``إنه``,
        referring back to the outer speaker; the words up to the content are its addressee
        (``نظيره``، ``لنظيرها``، ``السفير``). The inner attribution is nested in the outer one."""
        n = len(toks)
        i = c["ti"]
        outer_idx, code = nest
        k = self._skip_settings(toks, c["tj"] + 1, n, before_subject=True)
        if k < n and (self._after_setting(toks[k][2]) or (toks[k][2].startswith("لل") and len(toks[k][2]) > 4)):
            k += 1  # "أكد لنظيره الفرنسي أهمية ...": the addressee and its adjectives
            while k < n and toks[k][2].startswith("ال") and not self._is_compl(toks[k][2]):
                k += 1
        if k < n and toks[k][2] in self._openq and not self._quote_starts_content(toks, k, n):
            k = self._skip_quoted(toks, k, n) or k  # "إنها أبلغت «الشرق الأوسط» أن": a quoted addressee
        w = toks[k][2] if k < n else ""
        opens = (w == ":" or self._is_compl(w) or w in entry.opens
                 or (w[:1] in entry.opens and len(w) > 2 and not w.startswith("ال")))
        if not opens and entry.complement == "required" and w and w not in self._openq:
            m = self._skip_np(toks, k, n, entry.opens)  # the addressee: أبلغ نظيره الفرنسي أن
            if m - k > 4 or m >= n or not (self._is_compl(toks[m][2]) or toks[m][2] == ":" or toks[m][2] in entry.opens):
                return None  # "أنها تتابع عددا من المسلسلات ... «مريم»": an object, no reported content
            k = m
        op = self._open_content(toks, k, n, entry, allow_np=entry.complement != "required" and not opens,
                                strict=entry.strict)
        if op is None:
            return None
        a = self._make(toks, c, sent, None, op, entry.id + ".nested_pronoun", kind="verb")
        a.parent = outer_idx
        outer = out[outer_idx]
        outer_cue = self._text[outer.cue[0]:outer.cue[1]]
        if self._agrees(code, outer_cue, self.lex.token_cues.get(outer_cue, (None, None))[1]) \
                and (outer.speaker is not None or outer.antecedent is not None):
            a.antecedent = outer_idx
        else:
            a.no_speaker = True
        out.append(a)
        return i

    def _nested_subject_first(self, toks, c, sent, out, entry, outer_idx):
        """``قال الوزير إن الحكومة أبلغت الوسطاء أن ...``: inside a reported clause, a subject between
        the complementizer and the cue is the speaker and the noun phrase after the cue (up to the
        opener) is the addressee. Only for verbs whose content needs an opener; returns the cue
        index, or None when the pattern does not apply."""
        n = len(toks)
        i = c["ti"]
        back = self._speaker_backward(toks, i)
        outer = out[outer_idx]
        if back is None or toks[back[0]][0] != outer.content[0]:
            return None
        k = self._skip_settings(toks, c["tj"] + 1, n, before_subject=True)
        w = toks[k][2] if k < n else ""
        if not w or w == ":" or self._is_compl(w) or w in entry.opens or w in self._openq or w in _PUNCT_STOP:
            return None  # the opener follows the cue: the ordinary subject-first rule
        m = self._skip_np(toks, k, n, entry.opens)
        if m - k > 4 or m >= n or not (self._is_compl(toks[m][2]) or toks[m][2] == ":" or toks[m][2] in entry.opens):
            return None
        op = self._open_content(toks, m, n, entry, allow_np=False, strict=entry.strict)
        if op is None:
            return None
        a = self._make(toks, c, sent, back, op, entry.id + ".subject_first", kind="verb")
        a.parent = outer_idx
        out.append(a)
        return i

    def _amma_topic(self, toks, i: int) -> tuple[int, int] | None:
        """The topic of ``أما X فـ<cue>`` (``أما المعارضة فقالت إن``: المعارضة) as a token range, or None.

        Arabic fronts a contrasted subject with أما and opens its predicate with ف: the noun
        phrase between أما (or وأما) and a ف-prefixed cue at token ``i`` is the cue's subject
        (at most ``_MAX_SPEAKER`` tokens, no punctuation, complementizer or cue between)."""
        if not toks[i][2].startswith("ف"):
            return None
        for k in range(i - 1, max(-1, i - 2 - _MAX_SPEAKER), -1):
            w = toks[k][2]
            if w in ("أما", "وأما", "اما", "واما"):
                return (k + 1, i) if k + 1 < i else None
            if w in _PUNCT_STOP or w in ("،", ",", ":") or self._is_compl(w) or self._cue_at(w):
                return None
        return None

    def _verb_cue(self, text, toks, c, sent, out, ctx, entry, allow_np):
        """A verb cue: subject-first, pronoun or verb-first pattern (see the module docstring)."""
        lex = self.lex
        n = len(toks)
        rid = c["rule"]
        i = c["ti"]
        j = c["tj"] + 1
        k = self._skip_settings(toks, j, n, before_subject=True)
        told_op = None
        if entry.addressee and k < n and toks[k][2] in self._openq:
            # "أبلغت «الشرق الأوسط» (في تصريحات) أن": a quoted outlet right after the verb is the one told
            q = self._skip_quoted(toks, k, n)
            if q is not None and q < n and toks[q][2] not in self._openq:
                told_op = self._open_content(toks, q, n, entry, allow_np=False)
        w = toks[k][2] if k < n else ""
        relay = self._relay_marker(toks, k, n) if told_op is None else None
        if relay is not None:
            # "القناة ذكرت نقلا عن مصادر عسكرية أن": the subject relays the source; with no subject
            # ("وذكرت نقلا عن مصادر أن") the marker's own item names the source
            back = self._amma_topic(toks, i) if c["prefix"] else self._speaker_backward(toks, i)
            if back is None:
                return None
            return self._relay_pair(toks, c, sent, out, back, (k, relay[0], relay[1]), rid, entry, allow_np)
        if w == _FI and k + 1 < n and self._fi_setting(toks[k + 1][2]) and told_op is None:
            # "وقال في تصريح لـ«الحياة» إن", "وأكدت في بيان أصدرته اليوم أن": a setting right after the
            # cue, no subject; the outlet told is not the speaker
            told_op = self._open_content(toks, k, n, entry, allow_np=False, strict=entry.strict)
        opens_here = told_op is not None or (not w or w == ":" or self._is_compl(w) or w in entry.opens
                      or (w[:1] in entry.opens and len(w) > 2 and not w.startswith("ال"))
                      or w in lex.content_nouns or w in ("،", ",")
                      or (w in self._openq and self._quote_starts_content(toks, k, n)))
        if opens_here:
            back = self._amma_topic(toks, i) if c["prefix"] else self._speaker_backward(toks, i)
            op = told_op or self._open_content(toks, k, n, entry, allow_np=allow_np, strict=entry.strict)
            if op is None:
                return None
            if op[3] and not c["prefix"] and self._inside_previous(out, ctx, c["span"][0]):
                return None
            if back is not None:
                a = self._make(toks, c, sent, back, op, rid + ".subject_first", kind="verb")
            else:
                a = self._make(toks, c, sent, None, op, rid + ".pronoun", kind="verb")
                subj = ctx.get("subject")
                same = [x for x in out[ctx["first_new"]:] if x.cue[0] < c["span"][0] and x.parent is None]
                if not same and subj is not None and toks[subj[1] - 1][1] <= c["span"][0]:
                    # "وأعربت المنظمة عن قلقها، وقالت إن": the clause's subject
                    a.speaker = (toks[subj[0]][0], toks[subj[1] - 1][1])
                    a.speaker_from_clause = True
                else:
                    a.antecedent = self._antecedent(out, c["span"][0])
            out.append(a)
            return i
        s0, s1 = self._speaker_forward(toks, k, n, entry)
        if s1 <= s0 or (entry.strict and s1 - s0 > 6):
            return None
        addressee_end = None
        if entry.addressee:
            cut = self._addressee_cut(toks, s0, s1)
            if cut < s1 or (s1 < n and not self._is_compl(toks[s1][2])):
                m = cut
                if m < n and toks[m][2] in self._openq:
                    m = self._skip_quoted(toks, m, n) or m
                addressee_end = self._skip_np(toks, m, n, entry.opens)
            s1 = cut
        if toks[s0][2] in lex.quantifiers and s0 + 1 < n and toks[s0 + 1][2] in ("من", "ما"):
            return None  # "ويحذر كل من يستغل ...": "whoever" is the object, not a speaker
        relay = self._relay_after_speaker(toks, s1, n) if addressee_end is None else None
        if relay is not None:
            res = self._relay_pair(toks, c, sent, out, (s0, s1), relay, rid, entry, allow_np)
            if res is not None:
                return res
        # a chained cue right after the speaker ("وأضاف مسهور يقول:")
        after = s1
        if after < n and toks[after][2] in _RELATIVES:  # "دبلوماسيون ... التي تدعم المعارضين إن"
            after = self._skip_np(toks, after, n)
        if after < n and after - s0 <= 4 and toks[after][2][:1] not in "وف" and self._cue_at(toks[after][2]):
            after += 1
        op = None
        if addressee_end is not None and addressee_end - s1 <= 4:
            # "أبلغ الوزير نظيره الفرنسي أن": the addressee, then the content
            op = self._open_content(toks, addressee_end, n, entry, allow_np=False, strict=entry.strict)
        if op is None:
            op = self._open_content(toks, after, n, entry, allow_np=allow_np, strict=entry.strict)
        if op is None and toks[s0][2] in lex.document_heads and entry.opens and s1 < n:
            # "ودعا البيان الأكراد إلى ...": the object noun phrase after a report/statement, then the opener
            m = self._skip_np(toks, s1, n, entry.opens)
            if m < n and toks[m][2] in entry.opens:
                op = self._open_content(toks, m, n, entry, allow_np=allow_np, strict=entry.strict)
        if op is None and s1 - s0 >= 3 and ctx["ents"] and allow_np:
            cut = self._entity_cut(toks, s0, s1, ctx["ents"])
            if cut is not None:
                s1 = cut
                op = self._open_content(toks, s1, n, entry, allow_np=True)
        if op is None and not c["prefix"]:
            fronted = self._fronted_quote(toks, i)
            if fronted is not None:  # '"الوضع خطير جدا"، قال مسؤول عسكري': the quotation before the cue
                out.append(self._make(toks, c, sent, (s0, s1), fronted, rid + ".fronted_quote", kind="verb"))
                return i
        if op is None:
            if ctx["subject"] is None and toks[s0][0] >= c["span"][1]:
                ctx["subject"] = (s0, s1)  # e.g. "وكشف مسهور ... قائلا:" -> the participle's speaker
            return None
        out.append(self._make(toks, c, sent, (s0, s1), op, rid + ".verb_first", kind="verb"))
        return max(i, after - 1 if after > s1 else i)

    def _addressee_cut(self, toks, s0: int, s1: int) -> int:
        """End of the speaker of a verb with an addressee object (أبلغ، أخبر): before a word of
        ``addressees`` or a word with a pronoun suffix (نظيره، مسؤوليها) that follows a definite
        word (``أبلغ الوزير نظيره أن`` -> ``الوزير``; ``وزير خارجيته`` is one noun phrase), or
        before a quoted name not headed by a media noun (``أبلغ مصدر «الشرق الأوسط» أن``)."""
        for k in range(s0 + 1, s1):
            w, prev = toks[k][2], toks[k - 1][2]
            if w in self._openq and prev not in self.lex.addressees:
                return k  # "أبلغ مصدر أمني «الشرق الأوسط» أن": a quoted outlet after the speaker is told
            if not (prev.startswith("ال") or prev in self.lex.quotes.values()):
                continue
            if w in self.lex.addressees or (len(w) >= 4 and not w.startswith("ال")
                                            and w.endswith(("ه", "ها", "هم", "هما"))):
                return k
        return s1

    def _fronted_quote(self, toks, i) -> tuple[int, bool, int, bool] | None:
        """Content opener of a quotation standing right before cue token ``i`` ("«...»، قال"), or None.

        The quotation must open the sentence (nothing but و or punctuation before it), hold at
        least two tokens and end just before the cue, followed only by a comma or dash.
        """
        if i < 4 or toks[i - 1][2] not in ("،", ",", "-", "–"):
            return None
        close = toks[i - 2][2]
        for k in range(i - 3, -1, -1):
            if self.lex.quotes.get(toks[k][2]) == close:
                opens_sentence = all(t[2] == "و" or not any(ch.isalnum() for ch in t[2]) for t in toks[:k])
                return (k + 1, True, i - 2, False) if opens_sentence and i - 2 - (k + 1) >= 2 else None
        return None

    def _quote_starts_content(self, toks, k, n) -> bool:
        """A quote right after the cue opens the content unless it is a short quoted name."""
        cq = self._close_quote(toks, k, min(n, k + 7))
        if cq is None:
            return True
        nxt = toks[cq + 1][2] if cq + 1 < n else ""
        if cq - k <= 4 and (self._is_compl(nxt) or nxt in ("،", ",", "ل") or self._after_setting(nxt)
                            or nxt in self.lex.time_words or (nxt and nxt != ":" and cq - k <= 3)):
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

    def _participle_subject(self, toks, c, out, ctx, sent):
        """Antecedent index for a participle, or a token range of the clause's subject."""
        for idx in range(len(out) - 1, ctx["first_new"] - 1, -1):
            if out[idx].cue[0] < c["span"][0] and self._top(out, idx):
                return idx
        subj = ctx.get("subject")
        if subj is not None and toks[subj[1] - 1][1] <= c["span"][0]:
            return subj
        for es, ee in ctx["ents"]:
            if sent[0] <= es and ee <= c["span"][0]:
                ks = [k for k, t in enumerate(toks) if t[0] >= es and t[1] <= ee]
                if ks:
                    return (ks[0], ks[-1] + 1)
        return self._antecedent(out, c["span"][0])


    def _relay(self, toks, c, sent, out, entry):
        n = len(toks)
        i, j = c["ti"], c["tj"] + 1
        k = self._skip_settings(toks, j, n, before_subject=True)
        if k < n and toks[k][2] == "عن":
            return self._passive_relay(toks, c, sent, out, entry, k)
        s0, s1 = self._speaker_forward(toks, k, n, entry)
        an = s1
        if s1 < n and (toks[s1][2] in self.lex.brackets or toks[s1][2] in ("،", ",")):
            # "نقلت وكالة الأنباء السورية (سانا) عن", "نقلت صحيفة «الحياة»، في عددها الصادر اليوم، عن"
            an = self._skip_aside(toks, s1, n, frozenset(["عن"])) or s1
        if s1 <= s0 or an >= n or toks[an][2] != "عن":
            return None
        src = self._relay_source(toks, an)
        if src is None:
            return None
        i0, sp_end, op = src
        outer = self._make(toks, c, sent, (s0, s1), (an, False, -1), entry.id + ".relay", kind="verb")
        outer_idx = len(out)
        out.append(outer)
        inner_c = {"span": (toks[an][0], toks[an][1])}
        inner = self._make(toks, inner_c, sent, (i0, sp_end), op, entry.id + ".relay_source", kind="verb")
        inner.parent = outer_idx
        out.append(inner)
        return i

    def _relay_source(self, toks, an: int, entry=None, allow_np: bool = False) -> tuple[int, int, tuple] | None:
        """The source after the عن of a relay (token ``an``, the last token of the relay marker): ``(speaker
        start, speaker end, content opener)``, the source's own verbal noun of saying left out of the speaker
        ("عن مصدر أمني قوله إن"); None when no speaker or no content follows. ``entry``/``allow_np``: the
        reporting verb whose openers and noun-phrase content apply (``نقلا عن`` after any verb)."""
        n = len(toks)
        i0, i1 = self._speaker_forward(toks, an + 1, n, entry, source=True)
        if i1 <= i0:
            return None
        sp_end = self._source_end(toks, i0, i1)
        op = self._open_content(toks, i1, n, entry, allow_np=allow_np)
        return None if op is None else (i0, sp_end, op)

    def _source_end(self, toks, i0: int, i1: int) -> int:
        """End of a relayed source's tokens ``[i0, i1)`` without its verbal noun of saying (قوله)."""
        while i1 - 1 > i0 and toks[i1 - 1][2] in self.lex.relay_saying:
            i1 -= 1
        return i1

    def _relay_pair(self, toks, c, sent, out, speaker_tok, relay, rid, entry, allow_np):
        """``ذكرت قناة العربية نقلا عن مصادر عسكرية أن ...`` (a verb cue, its speaker ``speaker_tok``, then a
        relay marker ``relay`` = (first token, last token, rule id)): two items as for ``نقلت X عن Y``, the
        speaker's (rule ``<rid>.relay``, content from the marker on) and the source's, nested in it (cue: the
        marker; rule ``<marker rule>.relay_source``). Returns the cue index, or None when no source with a
        content follows."""
        a, mend, mrid = relay
        src = self._relay_source(toks, mend, entry, allow_np)
        if src is None:
            return None
        i0, sp_end, op = src
        outer = self._make(toks, c, sent, speaker_tok, (a, False, -1), rid + ".relay", kind="verb")
        outer_idx = len(out)
        out.append(outer)
        inner = self._make(toks, {"span": (toks[a][0], toks[mend][1])}, sent, (i0, sp_end), op,
                           mrid + ".relay_source", kind="verb")
        inner.parent = outer_idx
        out.append(inner)
        return c["ti"]

    def _passive_relay(self, toks, c, sent, out, entry, an):
        """``نُقل عن Y قوله إن CONTENT`` (a relay with no relaying speaker: passive, or a pronoun subject): one
        attribution to the source Y, its cue running from the verb to عن (token ``an``); rule ``<cue>.passive_relay``."""
        src = self._relay_source(toks, an)
        if src is None:
            return None
        i0, sp_end, op = src
        cue = dict(c, span=(c["span"][0], toks[an][1]))
        out.append(self._make(toks, cue, sent, (i0, sp_end), op, entry.id + ".passive_relay", kind="verb"))
        return c["ti"]

    def _according(self, text, toks, c, sent, out, ctx):
        lex = self.lex
        n = len(toks)
        i, tj = c["ti"], c["tj"]
        a, b = c["span"]
        # material before the cue in the sentence (excluding openers and punctuation)
        before = [t for t in toks[:i] if t[2] not in _PUNCT_STOP and t[2] not in lex.clause_openers
                  and t[2] not in self._openq]
        relay = None  # (marker first token, marker last token, rule id, source start, source end, source tokens end)
        if c["kind"] == "according_pronoun":
            if any(x.cue[0] < a for x in out[ctx["first_new"]:]):
                return None
            sp = None
        else:
            relay_head = " ".join(text[a:b].split()) in lex.relay_heads  # "وفقا لما نقلته X عن Y"
            # speaker starts at the cue end (cue may end inside a word: "وفقا لديدييه")
            if tj < n and toks[tj][1] > b:
                s0 = tj
                sp_start = b
            else:
                s0 = tj + 1
                sp_start = toks[s0][0] if s0 < n else b
            if s0 >= n:
                return None
            if c["span"][1] - c["span"][0] > 6 and sp_start == toks[s0][0]:
                # "بحسب ما صرح به X"، "وطبقا لما أعلنته لـ«المدينة» X": the pronoun of ما and an outlet told
                # come before the speaker
                while s0 + 1 < n and toks[s0][2] in _RESUMPTIVE:
                    s0 += 1
                if s0 + 1 < n and toks[s0][2] in ("ل", "لـ") and toks[s0 + 1][2] in self._openq:
                    q0 = self._skip_quoted(toks, s0 + 1, n)
                    if q0 is not None and q0 < n:
                        s0 = q0
                sp_start = toks[s0][0]
            k = s0 + 1
            q = self._skip_quoted(toks, s0, n) if sp_start == toks[s0][0] else None
            if q is not None:  # بحسب «رويترز»: the quoted name is the speaker
                k = q
            while q is None and k < n and k - s0 < _MAX_SPEAKER:
                w = toks[k][2]
                if w in self._openq or w in lex.quotes.values():
                    qq = self._skip_quoted(toks, k, n)
                    k = qq if qq is not None else k + 1  # a quoted name: شبكة «سي إن إن»
                    continue
                if w in _PUNCT_STOP or w == ":" or self._is_compl(w) or self._cue_at(w) \
                        or w in lex.clause_openers or w in _RELATIVES or w in lex.after_according \
                        or w in lex.time_words or self._time_at(toks, k, n):
                    break  # (and a time after the speaker: "بحسب ما أعلن النادي أمس")
                if k > s0 and ((w == "عن" and relay_head) or self._relay_marker(toks, k, n)):
                    break  # a relayed source: "وفقا لما نقلته وكالة رويترز عن مصدر"، "بحسب رويترز نقلا عن"
                k += 1
            head = text[sp_start:toks[s0][1]]
            if q is None and (head.endswith("ها") or head.endswith("هم") or head.endswith("هما")):
                return None  # "حسب قربها": a possessed noun, not a source
            head_al = "ال" + head[1:] if head.startswith("ل") and not head.startswith("ال") else head
            if head in lex.not_sources or head_al in lex.not_sources or toks[s0][2] in lex.not_sources:
                return None
            if head.isdigit() or head in ("ه", "ها", "هم", "هما", "هن"):
                return None
            sp = (sp_start, toks[k - 1][1])
            after_sp = k
            if relay_head and k < n and toks[k][2] == "عن":
                mk = (k, k, c["rule"])
            else:
                mk = self._relay_after_speaker(toks, k, n)
            if mk is not None:
                i0, i1 = self._speaker_forward(toks, mk[1] + 1, n, None, source=True)
                if i1 > i0:
                    relay = (*mk, i0, self._source_end(toks, i0, i1), i1)
                    after_sp = i1
        if len(before) >= 2:
            # the cue closes the statement: content is the sentence part before it
            first = next(t for t in toks[:i] if t[2] not in _PUNCT_STOP and t[2] not in ("و",))
            cs = first[0]
            ce = toks[i - 1][1] if i > 0 else a
            attr = RawAttr(cue=(a, b), speaker=sp, content=(cs, ce), direct=False, rule=c["rule"] + ".after",
                           sentence=sent, forward=False, kind="according")
            inner = None
            if relay is not None:  # "قتل عشرة، وفقا لما نقلته رويترز عن مصادر طبية": the source, same content
                inner = RawAttr(cue=(toks[relay[0]][0], toks[relay[1]][1]), speaker=(toks[relay[3]][0],
                                toks[relay[4] - 1][1]), content=(cs, ce), direct=False,
                                rule=relay[2] + ".relay_source", sentence=sent, forward=False, kind="according")
        else:
            if sp is None:
                return None
            k = after_sp
            if k < n and toks[k][2] in lex.brackets:  # "بحسب المرصد (ومقره لندن)، قتل"
                k = self._skip_aside(toks, k, n) or k
            while k < n and toks[k][2] in ("،", ","):
                k += 1
            # apposition: "وفقا لديدييه لو بريه، منسق ...، فإن"
            m = k
            def opener(w):
                return self._is_compl(w) or w in lex.after_according
            while m < min(n, k + _MAX_GAP) and not opener(toks[m][2]):
                if c["rule"] == "acc.statement" and self._cue_at(toks[m][2]) and not (
                        m + 1 < n and toks[m + 1][2] in ("فيه", "فيها")):
                    return None  # "وفي حديث لشبكة X قالت الوالدة": X is the addressee of the verb's subject
                m += 1
            if m < n and opener(toks[m][2]):
                k = m + 1
            if k >= n:
                return None
            op = self._quote_or_plain(toks, k, n)
            inner = None
            if relay is not None:
                # "وفقا لما نقلته وكالة رويترز عن مصدر قضائي فإن ...": as نقلت X عن Y, the speaker's content
                # runs from the marker, and the source's item (the content proper) is nested in it
                inner = self._make(toks, {"span": (toks[relay[0]][0], toks[relay[1]][1])}, sent,
                                   (relay[3], relay[4]), op, relay[2] + ".relay_source", kind="according")
                op = (relay[0], False, -1)
            attr = self._make(toks, c, sent, None, op, c["rule"] + ".before", kind="according")
            attr.speaker = sp
        if c["kind"] == "according_pronoun":
            attr.antecedent = self._antecedent(out, a)
        out.append(attr)
        if relay is not None and inner is not None and inner.content is not None:
            inner.parent = len(out) - 1
            out.append(inner)
            return max(tj, relay[5] - 1)
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
                        if s < ce:
                            ce = s
                            while ce > cs and text[ce - 1].isalpha():
                                ce -= 1  # a cue behind a proclitic (فأكد، وقال): its word is not content
                        break
            ce = self._trim(text, cs, ce)
            a.content = (cs, ce) if ce > cs else None
        for idx in range(first_new, len(out)):
            a = out[idx]
            if a.parent is not None and a.content is not None:
                p = out[a.parent]
                if p.content is not None and p.direct and not a.direct and a.content[1] > p.content[1]:
                    # a clause reported inside a quotation ends with it: «أبلغت نظيري أن ...»
                    ce = self._trim(text, a.content[0], p.content[1])
                    a.content = (a.content[0], ce) if ce > a.content[0] else None
                    if a.content is None:
                        continue
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
