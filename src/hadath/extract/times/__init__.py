"""Times stage: every Arabic date, time, duration and relative time, resolved.

Duckling-style: rules and lexicons are data (``ar/*.yaml``), matching
(:mod:`.match`) runs compiled regular expressions over the normalised text
(``state.norm.text``) and composes adjacent pieces (weekday + date, time +
date, "من ... إلى ..."), and resolution (:mod:`.resolve`) computes ISO 8601
values against ``state.reference_time`` (None: relative expressions get value
None). Offsets are mapped back to ``doc.text`` with ``state.norm.raw_span``.

Each item follows the ``time`` $def of ``document.schema.json``:
``{start, end, text, kind, value, grain, calendar, relative, approx, rule}``
plus optional ``bound`` (min|max|approx), ``part`` (day part / early|mid|late),
``duration`` (the length of a "منذ ثلاثين عاما"), ``interval`` (anchored
span of a "الأيام الثلاثة الماضية"), ``resolved`` (a bare clock time on the
reference day), ``timezone``, ``year_from`` (where a yearless date's year came
from: "context", a dated neighbour, rule year.context; "when", a bare year
opening a "when"-clause, rule year.when) and ``ref_from`` ("now": the page's relative publication stamp,
resolved against the caller's wall-clock time like metadata.published, rule
stamp.now).

Example:
    >>> from datetime import datetime, timezone
    >>> ex = TimeExtractor(None)
    >>> ref = datetime(2016, 6, 8, 11, 39, tzinfo=timezone.utc)
    >>> [(t["text"], t["value"]) for t in ex.extract("11:39 ص الأربعاء 08 يونيو 2016", ref)]
    [('11:39 ص الأربعاء 08 يونيو 2016', '2016-06-08T11:39')]
    >>> [(t["text"], t["value"], t["approx"]) for t in ex.extract("لشهر على الأقل", ref)]
    [('شهر على الأقل', 'P1M', True)]
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from hadath.extract.times.match import find
from hadath.extract.times.resolve import HijriMemo, resolve
from hadath.extract.quantities.numbers import Tokens, state_tokens
from hadath.extract.times.rules import TimeLexicon, load_yaml
from hadath.text.clitics import load_vocab
from hadath.text.normalize import Normalized, normalize, normalize_word

__all__ = ["TimeExtractor"]

#: Sentence boundary between two dates (a "." inside a number such as 2.5 is not one).
_SENT_BREAK = re.compile(r"[!?؟;؛\n]|\.(?!\d)")
#: A comma, set apart as a word of its own in the gap between two dates (rule year.context).
_COMMA = re.compile(r"([،,])")


def _yearless(sem: dict) -> bool:
    """A Gregorian/Hijri day or month with no year and no relative modifier of its own."""
    return (sem.get("type") == "date" and sem.get("y") is None and sem.get("m") is not None
            and sem.get("mod") is None and sem.get("mref") is None and sem.get("yref") is None)


def _dated(sem: dict) -> dict | None:
    """The date part (with year and month) of a meaning, or None."""
    t = sem.get("type")
    if t == "datetime":
        return _dated(sem["date"])
    if t == "interval":
        return _dated(sem["b"]) or _dated(sem["a"])
    if t == "date" and sem.get("y") is not None and sem.get("m") is not None:
        return sem
    return None


def _slots(sem: dict) -> list[dict]:
    """The yearless date dicts inside a meaning (the meaning itself, a datetime's day, both ends of an interval)."""
    t = sem.get("type")
    if t == "datetime":
        return [sem["date"]] if _yearless(sem["date"]) else []
    if t == "interval":
        a, b = sem["a"], sem["b"]
        return [a, b] if _yearless(a) and _yearless(b) else []
    return [sem] if _yearless(sem) else []


def _open_dates(sem: dict, out: list[dict]) -> list[dict]:
    """The date and weekday dicts inside a meaning that carry no year and no modifier of their own."""
    t = sem.get("type")
    if t == "date":
        if _yearless(sem):
            out.append(sem)
    elif t == "weekday":
        if sem.get("mod") is None:
            out.append(sem)
    elif t == "datetime":
        _open_dates(sem["date"], out)
    elif t == "interval":
        _open_dates(sem["a"], out)
        _open_dates(sem["b"], out)
    elif t == "partof":
        _open_dates(sem["base"], out)
    return out


#: The one-character sentence breaks of _SENT_BREAK (the other one: "." not before a digit).
_BREAK_CHARS = "!?؟;؛\n"


def _sentence_start(text: str, pos: int) -> int:
    """Start of the sentence holding ``pos`` (after the last break before it; at most 400 code points back).

    The end of the last match of :data:`_SENT_BREAK` in ``text[pos - 400:pos]``,
    found with ``str.rfind`` (a tenth of the cost of scanning the piece with
    the pattern): the last of each break character, and the last "." not
    followed by a decimal digit or standing right before ``pos``.

    Example:
        >>> t = "قال. ثم 2.5 مليون؛ و3.1"
        >>> [_sentence_start(t, p) for p in (3, 11, 20, len(t))]
        [0, 4, 18, 18]
    """
    lo = max(0, pos - 400)
    start = lo
    rfind = text.rfind
    for ch in _BREAK_CHARS:
        i = rfind(ch, lo, pos)
        if i >= start:
            start = i + 1
    i = rfind(".", start, pos)
    while i >= 0 and i + 1 < pos and text[i + 1].isdecimal():  # "2.5": not a break
        i = rfind(".", start, i)
    return i + 1 if i >= 0 else start


class FutureCues:
    """Rule tense.future of ``ar/tense.yaml``: does a sentence speak of the future before a date?

    Args:
        data: The parsed ``tense.yaml`` (see there for the keys and the source).
        vocab: Normalised word form -> corpus count (the shipped
            :func:`hadath.text.clitics.load_vocab`); a س-word is a future verb only
            when what follows س is a known imperfect form (``future_verb_known``).
            None skips that check (the lists in ``tense.yaml`` alone decide).

    Example:
        >>> from hadath.text.clitics import load_vocab
        >>> cues = FutureCues(load_yaml("tense.yaml"), load_vocab())
        >>> t = normalize("وقال سناتور أمريكي في يناير").text
        >>> cues.before(t, t.index("يناير"))
        False
        >>> t = normalize("قال إنه سيزور البلاد في سبتمبر").text
        >>> cues.before(t, t.index("سبتمبر"))
        True
        >>> t = normalize("وكانت السلطات اعلنت في يناير تحرير ديالى").text
        >>> cues.before(t, t.index("يناير"))
        False
    """

    def __init__(self, data: dict, vocab: dict[str, int] | None = None) -> None:
        def alt(words) -> str:
            forms = sorted({" ".join(normalize_word(w).split()) for w in words}, key=len, reverse=True)
            return "|".join(re.escape(f).replace("\\ ", r"\s+") for f in forms)

        cues = data["future_words"] + data["future_phrases"] + data["future_postpone"]
        self.rx = re.compile(r"(?<!\w)[وف]?(?:" + alt(cues) + r")(?!\w)")
        self.right_before = re.compile(r"(?<!\w)(?:" + alt(data["future_right_before"]) + r")\s+$")
        self.past_rx = re.compile(r"(?<!\w)(?:" + alt(data["past_clause_openers"]) + r")(?!\w)")
        self.clause_rx = re.compile(r"(?<!\w)[وف]?(?:" + alt(data["later_clause_openers"]) + r")(?!\w)")
        self._right_after = re.compile(r"[ \t]*[،,]?[ \t]*(?:" + alt(data["future_right_after"]) + r")(?!\w)")
        # word starts: normalised inside a word (a final ي would become ى), the added letter cut off again
        pre = "|".join(re.escape(normalize_word(p + "م")[:-1]) for p in data["future_verb_prefixes"])
        self.verb_rx = re.compile(r"(?<!\w)[وف]?((?:" + pre + r")\w+)")
        self.min_len = int(data["future_verb_min_len"])
        self.not_endings = tuple(normalize_word(w) for w in data["future_verb_not_endings"])
        self.not_starts = tuple(normalize_word(w + "م")[:-1] for w in data["future_verb_not_starts"])
        self.not_words = frozenset(normalize_word(w) for w in data["future_verb_not_words"])
        self.scheduled_rx = re.compile(r"(?<!\w)[وف]?(?:" + alt(data["near_future_verbs"]) + r")(?!\w)")
        self.lasting_rx = re.compile(r"(?<!\w)[وف]?(?:" + alt(data["near_future_verbs_before"]) + r")(?!\w)")
        self.near_days = int(data["near_future_days"])
        self.near_days_any = int(data["near_future_days_any"])
        known = data["future_verb_known"]
        self.known: frozenset[str] | None = None
        if vocab is not None:
            lo = int(known["min_count"])
            self.known = frozenset(w for w, c in vocab.items() if c >= lo and w[:1] in "يتن")
        self.known_suffixes = tuple(sorted({normalize_word(x) for x in known["suffixes"]}, key=len, reverse=True))
        self.known_min_stem = int(known["min_stem"])

    def _imperfect(self, rest: str) -> bool:
        """Whether ``rest`` (a word without its س) is a known imperfect form, bare or before suffixes."""
        known = self.known
        if known is None or rest in known:
            return True
        for suf in self.known_suffixes:  # verb endings and object pronouns: سيترشحون، سيزورها
            if rest.endswith(suf) and len(rest) - len(suf) >= self.known_min_stem:
                stem = rest[:-len(suf)]
                if stem in known or (stem[-1] == "ي" and stem[:-1] + "ى" in known):
                    return True
        return False

    def right_after(self, text: str, end: int) -> bool:
        """Whether a future apposition follows the date ending at ``end`` (``future_right_after``: "يوم 3
        أغسطس الشهر المقبل"); other cues after a date do not count ("أعلن في يناير أنه سيزور")."""
        return self._right_after.match(text, end) is not None

    def near_window(self, text: str, pos: int, lo: int | None = None, lasting: bool = True) -> int:
        """Days ahead of the reference a yearless single day may lie (rule tense.near_future).

        Args:
            text: Normalised text.
            pos: Start of the date (code point of ``text``).
            lo: The start of its sentence if already known (``_sentence_start(text, pos)``).
            lasting: Whether words of lasting count (not for a bare weekday: "يستمر المعسكر 16 يوما
                بعد وصول البعثة أمس الأول «الاثنين»" is the Monday past).

        Returns:
            ``near_future_days`` when the sentence of ``pos`` holds a scheduling
            verb (``near_future_verbs``: تقام، تنطلق، يلتقي ...), or a word of
            lasting before ``pos`` (``near_future_verbs_before``: تستمر، تمديد ...),
            else ``near_future_days_any``.
        """
        if lo is None:
            lo = _sentence_start(text, pos)
        if lasting and self.lasting_rx.search(text, lo, pos):
            return self.near_days
        m = _SENT_BREAK.search(text, pos, min(len(text), pos + 400))
        hi = m.start() if m else min(len(text), pos + 400)
        return self.near_days if self.scheduled_rx.search(text, lo, hi) else self.near_days_any

    def before(self, text: str, pos: int, lo: int | None = None, clause: bool = False) -> bool:
        """Whether a future cue stands in the sentence of ``pos`` before it.

        Args:
            text: Normalised text.
            pos: Start of the date (code point of ``text``).
            lo: The start of its sentence if already known (``_sentence_start(text, pos)``).
            clause: Look only after the last relative clause opener (``later_clause_openers``:
                الذي، التي ...) before ``pos`` too (rule later.count).

        Returns:
            True when a future word/phrase, a postponement word or a
            س-prefixed imperfect verb occurs between the sentence start
            (. ! ? ؟ ; ؛ or line break), or the last past clause opener
            (``past_clause_openers``: كان، وكانت ...) after it, and ``pos``, or
            a future_right_before word stands right before ``pos``.
        """
        if lo is None:
            lo = _sentence_start(text, pos)
        for m in self.past_rx.finditer(text, lo, pos):  # (a past clause between: the cues before it do not reach)
            lo = m.end()
        if clause:
            for m in self.clause_rx.finditer(text, lo, pos):
                lo = m.end()
        if self.rx.search(text, lo, pos) or self.right_before.search(text, max(lo, pos - 12), pos):
            return True
        for m in self.verb_rx.finditer(text, lo, pos):
            w = m.group(1)
            if len(w) >= self.min_len and not w.endswith(self.not_endings) and not w.startswith(self.not_starts) \
                    and w not in self.not_words and self._imperfect(w[1:]):
                return True
        return False


class TimeExtractor:
    """Fills ``doc.times`` (see the module docstring for the item shape).

    Args:
        settings: The pipeline settings (unused; kept for the stage interface).

    The lexicons and rules are loaded once here (about 0.5 s, with the table of trigger-word forms).
    """

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.lex = TimeLexicon.load()
        self.vocab = load_vocab()
        self.future = FutureCues(load_yaml("tense.yaml"), self.vocab)
        self.hijri = HijriMemo()  # Hijri <-> Gregorian conversions, remembered across articles

    def __call__(self, state: Any) -> None:
        """Fill ``state.doc.times`` from ``state.norm`` and ``state.reference_time``.

        Rule stamp.now: the publication stamp found in the page
        (``state.doc.metadata["published"]["span"]``, set by the structure
        stage) that is relative ("منذ ساعتين") was resolved there against the
        caller's wall-clock time (``state.scratch["input"]["now"]``); the
        times item over that span is resolved against the same ``now`` (in
        the publication value's UTC offset), not against the publication time
        it produced, so both carry the same value.
        """
        times = self._extract(state.norm, state.reference_time, state_tokens(state), self._stamp(state))
        if (getattr(state, "scratch", None) or {}).get("reference_day_only"):
            for it in times:  # a reference day without its time: "منذ ساعتين" is that day, not 22:00 the day before
                if it.get("relative") and it.get("grain") in ("hour", "minute", "second") and it.get("value") \
                        and it["kind"] == "datetime" and "ref_from" not in it:
                    it.update(kind="date", value=state.reference_time.date().isoformat(), grain="day", approx=True)
        state.doc.times = times

    @staticmethod
    def _stamp(state: Any) -> tuple[int, int, datetime] | None:
        """The publication stamp's raw span and the ``now`` it was resolved against, or None.

        Returns:
            ``(start, end, now)`` (code points of ``doc.text``; ``now`` moved to
            the UTC offset of ``metadata["published"]["value"]`` when that is
            an aware datetime) when the page's stamp gave the publication time
            (source text/html) and the caller gave an aware ``now``; else None.
        """
        meta = getattr(state.doc, "metadata", None) or {}
        pub = meta.get("published") or {}
        span = pub.get("span")
        now = ((getattr(state, "scratch", None) or {}).get("input") or {}).get("now")
        if not isinstance(span, dict) or not isinstance(now, datetime) or now.tzinfo is None \
                or pub.get("source") not in ("text", "html"):
            return None
        try:
            value = datetime.fromisoformat(str(pub.get("value")))
        except ValueError:
            value = None
        if value is not None and value.tzinfo is not None:
            now = now.astimezone(value.tzinfo)
        return int(span["start"]), int(span["end"]), now

    def extract(self, text: str, reference_time: datetime | None = None) -> list[dict[str, Any]]:
        """Times in a plain string (offsets into ``text``).

        Args:
            text: Raw text.
            reference_time: Reference for relative expressions, or None.

        Returns:
            Time items sorted by start.
        """
        return self._extract(normalize(text), reference_time)

    def _extract(self, norm: Normalized, ref: datetime | None, tokens: Tokens | None = None,
                 stamp: tuple[int, int, datetime] | None = None) -> list[dict[str, Any]]:
        text = norm.text
        if not text.strip():
            return []
        cands = find(self.lex, text, tokens)
        self._years_from_context(cands, text)
        prev_open = None
        for c in cands:  # rule later.count: "سيمثل أمام المحكمة بعد ثلاثة أسابيع" is a date three weeks ahead
            sem = c["sem"]
            if sem["type"] == "duration" and sem.pop("after", False) and \
                    self.future.before(text, c["s"], _sentence_start(text, c["s"]), clause=True):
                c["sem"] = {"type": "ago", "qty": sem["qty"], "unit": sem["unit"], "bound": sem["bound"], "dir": 1}
                c["rule"] = "later.count"
        for c in cands:  # rule tense.future (ar/tense.yaml): open dates after a future cue look forward
            open_ = _open_dates(c["sem"], [])
            if open_:
                lo = _sentence_start(text, c["s"])  # (found once for both tests)
                if self.future.before(text, c["s"], lo) or self.future.right_after(text, c["e"]):
                    for d in open_:
                        d["future"] = True
                elif prev_open is not None and self._interval_end(prev_open, c, text):
                    c["after_prev"] = True  # "ما بين 15 يونيو إلى 15 سبتمبر": the end on or after the start
                else:
                    near = self.future.near_window(text, c["s"], lo, c["sem"]["type"] != "weekday")
                    for d in open_:  # rule tense.near_future: a day a few weeks ahead, not a year back
                        d["near"] = near
            # (a holiday starts no interval of the next open date: "خلال أيام عيد الفطر، مشيرا إلى أن ... خلال شهر
            # رمضان" is the Ramadan before it)
            prev_open = c if open_ and not c["sem"].get("holiday") else None
        anchor = self._anchor(cands, ref)
        out = []
        last_value = None
        for c in cands:
            if c.get("after_prev") and last_value:
                try:
                    nb = date.fromisoformat((last_value.split("/")[0] + "-01-01")[:10])
                except ValueError:
                    nb = None
                for d in _open_dates(c["sem"], []) if nb else ():
                    d["not_before"] = nb
            s, e = norm.raw_span(c["s"], c["e"])
            c_ref, c_anchor = ref, anchor
            if stamp is not None and s < stamp[1] and stamp[0] < e:  # rule stamp.now (see __call__)
                c_ref, c_anchor = stamp[2], stamp[2].date()
            try:
                res = resolve(c["sem"], c_ref, c_anchor, self.hijri)
            except (ValueError, OverflowError):  # a date outside the calendars (year 0, Hijri 1600 ...)
                res = None
            last_value = res.get("value") if res else None
            if res is None:
                continue
            raw = norm.raw
            if c["rule"] == "now" and raw[s] == "آ":
                continue  # "آلان" (Alain) is not "الآن"
            while e < len(raw) and (raw[e] == "\u0640" or "\u064b" <= raw[e] <= "\u065f"):
                e += 1  # keep a trailing tatweel / diacritic (هـ, غداً) inside the span
            item = {"start": s, "end": e, "text": norm.raw[s:e]}
            item.update(res)
            item["rule"] = "times." + c["rule"]
            if c.get("year_from"):
                item["year_from"] = c["year_from"]
            if c_ref is not ref:
                item["ref_from"] = "now"
            out.append(item)
        return out

    def _years_from_context(self, cands: list[dict], text: str) -> None:
        """Rule year.context (relative.yaml): a yearless day/month takes the year of a dated neighbour.

        The nearest candidate in the same sentence that carries a year and a
        month in the same calendar gives its year (the one before first, else
        the one after); across an interval word (حتى، إلى) a date that falls
        earlier in the calendar year than the dated one before it moves to the
        next year (later than the dated one after it: the year before).
        Rule year.when: the candidate right before it may also be a bare
        year that opens a "when"-clause holding the date ("عام 2011 عندما
        اندلعت الاحتجاجات في 15 آذار" -> 2011-03-15; see :meth:`_when_year`).
        Changes the meanings in place and marks the candidate ``year_from``.
        """
        fwd = self.lex.year_forward
        for i, c in enumerate(cands):
            slots = _slots(c["sem"])
            if not slots:
                continue
            cal = slots[0].get("cal", "gregorian")
            src, after, via = None, False, "context"
            across = False
            for j in range(i - 1, -1, -1):  # the dated date before it, same sentence, within reach
                lo, hi = cands[j]["e"], c["s"]
                if hi - lo > self.lex.year_reach or _SENT_BREAK.search(text, lo, hi):
                    break
                d = _dated(cands[j]["sem"])
                if d is None and j == i - 1:  # rule year.when: "عام 2011 عندما ... في 15 آذار"
                    d = self._when_year(cands[j], c, text)
                    if d is not None and d.get("cal", "gregorian") == cal:
                        src, via = d, "when"
                        break
                if d is not None and d.get("cal", "gregorian") == cal:
                    src = d
                    gap_words = set(text[lo:hi].split())
                    across = bool((gap_words | {w[1:] for w in gap_words if len(w) > 2 and w[0] == "و"}) & fwd)
                    break
            if src is None and i + 1 < len(cands):  # else the next one, across coordination/interval words only
                lo, hi = c["e"], cands[i + 1]["s"]
                d = _dated(cands[i + 1]["sem"])
                if d is not None and d.get("cal", "gregorian") == cal:  # (the gap's words only then)
                    gap_words = set(_COMMA.sub(r" \1 ", text[lo:hi]).split())
                    if gap_words <= self.lex.year_link:
                        src, after = d, True
                        across = bool(gap_words & fwd)
            if src is None:
                continue
            y = src["y"]
            key_src = (src["m"], src.get("d") or 0)
            first = slots[0]
            key = (first["m"], first.get("d") or 0)
            if across and not after and key < key_src:
                y += 1
            elif across and after and key > key_src:
                y -= 1
            for k, sl in enumerate(slots):
                sl["y"] = y
                if k and (sl["m"], sl.get("d") or 0) < key:
                    sl["y"] = y + 1
            c["year_from"] = via

    def _when_year(self, year_c: dict, c: dict, text: str) -> dict | None:
        """Rule year.when (relative.yaml): the bare year of ``year_c`` when a "when"-clause it opens holds ``c``.

        Args:
            year_c: The candidate right before ``c`` (same sentence, within reach: checked by the caller).
            c: A candidate with a yearless day/month.
            text: Normalised text.

        Returns:
            The year's date meaning (``y`` set, ``m`` None) when one of
            ``year_when_conjunctions`` follows the year at once (spaces or a
            comma between) and no clause break (``year_when_break_*``) stands
            between it and ``c``; else None.

        Example:
            >>> ex = TimeExtractor(None)
            >>> t = normalize("عام 2011 عندما اندلعت الاحتجاجات في 15 آذار").text
            >>> cands = find(ex.lex, t)
            >>> ex._when_year(cands[0], cands[1], t)["y"]
            2011
            >>> t = normalize("انتخب عام 2011، وقال في 15 مارس").text
            >>> cands = find(ex.lex, t)
            >>> ex._when_year(cands[0], cands[1], t) is None
            True
        """
        sem = year_c["sem"]
        if sem.get("type") != "date" or sem.get("y") is None or sem.get("m") is not None \
                or sem.get("mod") is not None:
            return None
        lex = self.lex
        m = lex.when_rx.match(text, year_c["e"], c["s"])
        if m is None or lex.when_break_rx.search(text, m.end(), c["s"]):
            return None
        lo_count, ratio = lex.when_clitic
        for p in lex.when_punct_rx.finditer(text, m.end(), c["s"]):
            w = p.group(1)
            rest = self.vocab.get(w[1:], 0)
            if rest >= lo_count and rest * ratio >= self.vocab.get(w, 0):
                return None  # "، وقال ...": a new clause, no longer about that year
        return sem

    def _interval_end(self, prev: dict, c: dict, text: str) -> bool:
        """Whether ``c`` ends an interval that ``prev`` (an open date) starts: same sentence,
        within reach, an interval word (relative.yaml year_context_forward) between them."""
        lo, hi = prev["e"], c["s"]
        if hi - lo > self.lex.year_reach or _SENT_BREAK.search(text, lo, hi):
            return False
        words = set(text[lo:hi].split())
        return bool((words | {w[1:] for w in words if len(w) > 2 and w[0] == "و"}) & self.lex.year_forward)

    @staticmethod
    def _anchor(cands: list[dict], ref: datetime | None) -> date | None:
        """The reference day, moved when "اليوم (الاثنين)" or "أمس الجمعة" names another day.

        A publication time shortly after midnight (or a crawl date a day or two
        late) belongs to the previous days' news: when the text names today's
        weekday and it is at most three days before the reference day, that day
        anchors every relative day of the document. A reference one day early
        (a date taken from another clock: "اليوم السبت" in a text dated Friday)
        moves forward to the day the text names.
        """
        if ref is None:
            return None
        d = ref.date()
        for c in cands:
            sem = c["sem"]
            if sem["type"] == "datetime":
                sem = sem["date"]
            if sem["type"] == "relday_wd" and sem["off"] in (-1, 0, 1):
                # the day the article was written: "اليوم الاثنين" names it, "أمس الجمعة" the day before it
                # (so it was written on Saturday), "غدا السبت" the day after it
                written = (sem["wd"] - sem["off"] - 1) % 7 + 1
                back = (d.isoweekday() - written) % 7
                if back <= 3:  # the article names its own day; the time stamp may be a later crawl
                    return d - timedelta(days=back)
                if back == 6:  # the day after the reference
                    return d + timedelta(days=1)
                break
        return d
