"""Structure stage: boilerplate, metadata (headline, byline, dateline, publication time) and body paragraphs.

Runs after ingest and before sentence segmentation. It reads the ingest hints in
``state.scratch["input"]`` (``title_span``, ``author_span``, ``content_span``, ``published``,
``source``, ``now``, ``html_meta``) and fills, on ``state.doc``:

* ``boilerplate``: spans with ``reason`` and ``rule`` (rules in ``ar/boilerplate.yaml``);
* ``metadata``: ``headline``, ``authors``, ``byline``, ``dateline`` (+ ``place``, ``agency``),
  ``published`` {value, timezone, span, source}, ``outlet``, ``url``;
* ``paragraphs``: body paragraphs only (not headline, date line, byline, dateline, boilerplate);
  a paragraph is one non-empty line, trimmed; a dateline or boilerplate prefix at its start is
  left out of it;
* ``language`` (and a "no Arabic text" warning for other pages) and ``warnings``;

and sets ``state.reference_time`` (aware datetime) to the caller's ``published`` when given, else
to the publication time found (in the outlet's home zone, else ``Settings.default_timezone``,
else UTC), for the times stage.

Publication time: the caller's explicit ``published`` (``Pipeline.analyze(published=...)``,
``hadath analyze --published``, a JSONL ``published`` field) wins (source "input"); else, first
found wins: the page's date line (source "text"), HTML metadata and date elements ("html"), a
corpus field (``published_hint``: SaudiNewsNet ``date_extracted``, the crawl time; "input"), the
URL path ("url"). Relative stamps such as
"منذ ساعتين" (on the page or in ``html_meta["date_text"]``) are resolved against ``now``.
A time with a clock carries a UTC offset in ``published.value`` whenever a zone is known: a
zone given with it (offset, "بتوقيت مكة") wins and is converted to the outlet's home zone, else
``Settings.default_timezone``. With neither, the value keeps no offset, ``timezone`` is null
(issue 2: no zone is invented) and the document gets a warning saying so; relative times are
then resolved as if the page were in UTC. A day-only value ("2015-07-22") keeps no offset; its
``timezone`` follows the same order.

Example:
    >>> from hadath import Pipeline, Settings
    >>> doc = Pipeline(Settings(stages=())).analyze("بقلم: سامي الكاتب\\n\\nانطلقت أمس أعمال المؤتمر في العاصمة.")
    >>> [a["text"] for a in doc.metadata["authors"]], [p["text"] for p in doc.paragraphs]
    (['سامي الكاتب'], ['انطلقت أمس أعمال المؤتمر في العاصمة.'])
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hadath.extract.boilerplate import BoilerplateRules
from hadath.extract.metadata import (
    BylineParser, BylineResult, DateLineParser, DateStamp, OutletTable, norm_key, url_date,
)

__all__ = ["StructureStage", "detect_language", "NO_PUBLICATION_TIME"]

#: Warning of a document with no publication time (none in the page, its URL or the input fields).
NO_PUBLICATION_TIME = ("no publication time found in the page, its URL or the input fields (give --published, "
                       "or a 'published' field): relative times and dates without a year are left unresolved")

_TRIM = " \t\r\f\v\u00a0\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_SENT_END = re.compile(r"[.!؟?…]\s*[\"'»”)]*\s*$")
_HEADER_LINES = 7
#: Most lines of a navigation menu (one label a line) above a pasted page's title.
_MENU_LINES = 12

_SCRIPTS = (
    ("ar", re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")),
    ("en", re.compile(r"[A-Za-z\u00C0-\u024F]")),
    ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
    ("hi", re.compile(r"[\u0900-\u097F]")),
)
_PERSIAN = re.compile(r"[پچژگکی]")


def detect_language(text: str) -> tuple[str | None, str | None]:
    """Guess the language from the dominant script.

    Args:
        text: Any text.

    Returns:
        ``(code, warning)``: ``("ar", None)`` when Arabic letters dominate; otherwise the script's
        usual language (``"en"`` for Latin, ``"fa"`` for Arabic script with Persian letters ...)
        and a warning ("no Arabic text ..." or, when some Arabic is there, "mostly non-Arabic
        text ..."); ``(None, warning)`` without letters.

    Example:
        >>> detect_language("قال الوزير إن الاجتماع انتهى")
        ('ar', None)
        >>> detect_language("The minister said the meeting ended.")[0]
        'en'
    """
    sample = text[:20000]
    counts = {code: len(rx.findall(sample)) for code, rx in _SCRIPTS}
    total = sum(counts.values())
    if total == 0:
        return None, "no Arabic text: the text has no letters"
    best = max(counts, key=counts.get)
    if best == "ar" and counts["ar"] >= 0.3 * total:
        persian = len(_PERSIAN.findall(sample))
        if persian > 0.02 * counts["ar"]:
            return "fa", "no Arabic text: the text is in Arabic script but looks Persian"
        return "ar", None
    if counts["ar"] >= 0.3 * total:
        return "ar", None
    if counts["ar"] == 0:
        return best, f"no Arabic text: the dominant script is that of {best!r}"
    return best, (f"mostly non-Arabic text: the dominant script is that of {best!r} "
                  f"({counts['ar'] / total:.0%} of letters are Arabic)")


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


class StructureStage:
    """Marks boilerplate, finds metadata and body paragraphs (see the module docstring).

    Args:
        settings: :class:`hadath.settings.Settings` (uses ``default_timezone``).

    Raises:
        ValueError: If a data file under ``hadath/extract/ar/`` is malformed.
    """

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.boilerplate = BoilerplateRules.load()
        self.dates = DateLineParser.load()
        self.outlets = OutletTable.load()
        self.bylines = BylineParser.load(self.outlets)

    # ------------------------------------------------------------------------------------
    def __call__(self, state: Any) -> None:
        """Fill ``boilerplate``, ``paragraphs``, ``metadata``, ``language`` of ``state.doc``
        and set ``state.reference_time``."""
        doc = state.doc
        text = doc.text
        hints = state.scratch.get("input") or {}
        html_meta = hints.get("html_meta") or {}
        md = doc.metadata

        source = hints.get("source") or md.get("outlet")
        url = md.get("url") or doc.input.get("url") or html_meta.get("url")
        outlet = self.outlets.find(source=source, url=url) or self.outlets.find(
            source=html_meta.get("sitename"), url=html_meta.get("url"))
        md["outlet"] = outlet or source or html_meta.get("sitename") or None
        md["url"] = url or None
        zone_name = self.outlets.zone(outlet) or getattr(self.settings, "default_timezone", None)

        lang, warn = detect_language(text)
        doc.language = lang
        if warn and not any("Arabic" in w or "no letters" in w for w in doc.warnings):
            doc.warnings.append(warn)

        cstart, cend = hints.get("content_span") or (0, len(text))
        lines = self._lines(text, cstart, cend)
        roles: dict[int, str] = {}
        self._mark_boilerplate(state, lines, roles)

        found: dict[str, Any] = {"stamp": None, "stamp_trailer": None}
        # -- input fields: title and author -------------------------------------------------
        ts = hints.get("title_span")
        if ts:
            a, b = self._trim(text, *ts)
            if b > a:
                md["headline"] = doc.span(a, b)
        elif html_meta.get("title"):
            self._find_headline(doc, html_meta["title"], cstart, cend)
        aus = hints.get("author_span")
        if aus:
            self._author_field(doc, found, outlet, *aus)

        # -- header zone ---------------------------------------------------------------------
        body_idx = self._header(doc, lines, roles, found, outlet, given_title=md["headline"] is not None)
        doc.boilerplate.sort(key=lambda s: s["start"])  # (with the section labels of the header)
        # trailing stamps ("13:44 ت م", "نشر في ...")
        tail = [i for i in range(len(lines)) if i not in roles][-2:]
        for i in tail:
            if body_idx is not None and i <= body_idx:
                continue
            a, b = lines[i]
            st = self.dates.parse_line(text[a:b])
            if st and (st.end - st.start) >= 0.8 * (b - a):
                roles[i] = "date"
                if found["stamp"] is None:
                    found["stamp"] = (st, a)
                elif found["stamp_trailer"] is None:
                    found["stamp_trailer"] = (st, a)

        # -- html author -------------------------------------------------------------------------
        if not md["authors"] and html_meta.get("author"):
            name = str(html_meta["author"]).strip()
            k = text.find(name, cstart, cend) if name else -1
            if k >= 0:
                md["authors"].append(doc.span(k, k + len(name)))

        # -- paragraphs ----------------------------------------------------------------------
        for i, (a, b) in enumerate(lines):
            if i in roles:
                continue
            if b > a:
                doc.paragraphs.append(doc.span(a, b))

        # -- publication time ----------------------------------------------------------------
        self._published(state, found, hints, html_meta, url, zone_name)

    # ------------------------------------------------------------------------------------
    @staticmethod
    def _trim(text: str, a: int, b: int) -> tuple[int, int]:
        while a < b and text[a] in _TRIM or (a < b and text[a].isspace()):
            a += 1
        while b > a and (text[b - 1] in _TRIM or text[b - 1].isspace()):
            b -= 1
        return a, b

    def _lines(self, text: str, cstart: int, cend: int) -> list[tuple[int, int]]:
        out = []
        for m in re.finditer(r"[^\n\u2028\u2029]+", text[cstart:cend]):
            a, b = self._trim(text, cstart + m.start(), cstart + m.end())
            if b > a:
                out.append((a, b))
        return out

    def _mark_boilerplate(self, state: Any, lines: list[tuple[int, int]], roles: dict[int, str]) -> None:
        doc = state.doc
        text = doc.text
        norm = state.norm
        starts = norm.starts
        ntext = norm.text
        i = 0
        while i < len(lines):
            a, b = lines[i]
            na, nb = bisect_left(starts, a), bisect_left(starts, b)
            if na >= nb:
                roles[i] = "empty"
                i += 1
                continue
            hit = self.boilerplate.match_line(ntext, na, nb)
            if hit is None:
                i += 1
                continue
            if hit.kind == "line":
                doc.boilerplate.append(doc.span(a, b, reason=hit.reason, rule=hit.rule))
                roles[i] = "boilerplate"
                if hit.list:
                    j = i + 1
                    while j < len(lines) and j <= i + hit.list_max:
                        x, y = lines[j]
                        t = text[x:y]
                        if len(t.split()) > 18 or _SENT_END.search(t):
                            break
                        if self.boilerplate.match_line(ntext, bisect_left(starts, x), bisect_left(starts, y)):
                            break  # a line of another rule ("جميع الحقوق محفوظة" after a list) keeps its own reason
                        doc.boilerplate.append(doc.span(x, y, reason=hit.reason, rule=hit.rule))
                        roles[j] = "boilerplate"
                        j += 1
                    i = j
                    continue
            elif hit.kind == "prefix":
                ra, rb = norm.raw_span(hit.start, hit.end)
                ra, rb = self._trim(text, ra, rb)
                doc.boilerplate.append(doc.span(ra, rb, reason=hit.reason, rule=hit.rule))
                lines[i] = self._trim(text, rb, b)
                continue  # look at the rest of the line again
            else:  # suffix
                ra, rb = norm.raw_span(hit.start, hit.end)
                ra, rb = self._trim(text, ra, rb)
                doc.boilerplate.append(doc.span(ra, rb, reason=hit.reason, rule=hit.rule))
                lines[i] = self._trim(text, a, ra)
            i += 1
        doc.boilerplate.sort(key=lambda s: s["start"])

    def _find_headline(self, doc: Any, title: str, cstart: int, cend: int) -> None:
        t = " ".join(str(title).split())
        if not t:
            return
        k = doc.text.find(t, cstart, min(cend, cstart + 3000))
        if k >= 0:
            doc.metadata["headline"] = doc.span(k, k + len(t))

    def _set_byline(self, doc: Any, found: dict[str, Any], res: BylineResult, off: int,
                    span: tuple[int, int] | None) -> None:
        md = doc.metadata
        if res.authors and not md["authors"]:
            md["authors"] = [doc.span(off + s.start, off + s.end) for s in res.authors]
            if span and md["byline"] is None:
                md["byline"] = doc.span(*span)
        elif res.authors and md["byline"] is None and span:
            md["byline"] = doc.span(*span)
        if md["dateline"] is None and res.dateline is not None:
            a, b = res.dateline
            place = res.place.text if res.place else None
            agency = res.agency.text if res.agency else None
            md["dateline"] = doc.span(off + a, off + b, place=place, agency=agency, rule=res.rule)

    def _author_field(self, doc: Any, found: dict[str, Any], outlet: str | None, a0: int, b0: int) -> None:
        text = doc.text
        a, b = self._trim(text, a0, b0)
        if b <= a:
            return
        field_text = text[a:b]
        main_end = b
        if "|" in field_text:  # arriyadiyah: "جدة – محمد | Tuesday, 11 August 2015 - 13:08 pm"
            k = field_text.index("|")
            da, db = self._trim(text, a + k + 1, b)
            st = self.dates.parse_line(text[da:db])
            if st is not None and found["stamp"] is None:
                found["stamp"] = (st, da)
            main_end = a + k
        elif self.dates.parse_line(field_text):
            found["stamp"] = found["stamp"] or (self.dates.parse_line(field_text), a)
            return
        ma, mb = self._trim(text, a, main_end)
        if mb <= ma:
            return
        cue = self.bylines.parse_cue_line(text[ma:mb], outlet)
        res = cue or self.bylines.parse_field(text[ma:mb], outlet)
        if len(text[ma:mb].split()) > 16 or any(x.kind == "other" and len(x.text.split()) >= 5 for x in res.segments):
            return  # a sentence in the author field, not a byline
        self._set_byline(doc, found, res, ma, (ma, mb) if res.authors else None)

    def _header(self, doc: Any, lines: list[tuple[int, int]], roles: dict[int, str],
                found: dict[str, Any], outlet: str | None, *, given_title: bool) -> int | None:
        """Classify the header lines; returns the index of the first body line (or None)."""
        text = doc.text
        md = doc.metadata
        seen = 0
        first = True
        for i, (a, b) in enumerate(lines):
            if i in roles:
                continue
            if seen >= _HEADER_LINES:
                return None
            seen += 1
            t = text[a:b]
            if first and md["headline"] is None and found["stamp"] is None and self._section_label(text, t, lines, roles, i):
                # "الرئيسية", "أخبار مصر" above the title: the page's section or menu, neither title nor body
                doc.boilerplate.append(doc.span(a, b, reason="navigation", rule="section_label"))
                roles[i] = "boilerplate"
                seen -= 1  # (a menu's lines do not use up the header's lines)
                continue
            if given_title and md["headline"] and norm_key(t) == norm_key(md["headline"]["text"]):
                roles[i] = "headline"  # the given title repeated at the top of the content
                continue
            if found["stamp"] is None:
                st = self.dates.parse_line(t) or self.dates.parse_relative(t)
                if st is not None:
                    found["stamp"] = (st, a)
                    roles[i] = "date"
                    first = False
                    continue
                st = self.dates.parse_agency_dateline(t)
                if st is not None and self._valid_agency_dateline(st, outlet):
                    found["stamp"] = (st, a)
                    roles[i] = "date"
                    if md["dateline"] is None:
                        pa, pb = st.place_span
                        md["dateline"] = doc.span(a + st.start, a + st.end, place=st.place,
                                                  agency=st.agency, rule="agency_dateline")
                    first = False
                    continue
            res = self.bylines.parse_cue_line(t, outlet)
            if res is not None:
                roles[i] = "byline"
                self._set_byline(doc, found, res, a, (a, b))
                first = False
                continue
            res = self.bylines.parse_dateline_line(t, outlet)
            if res is not None:
                roles[i] = "byline" if res.authors else "dateline"
                self._set_byline(doc, found, res, a, (a, b))
                first = False
                continue
            if first and not given_title and md["headline"] is None and self._headline_like(t) \
                    and any(j not in roles for j in range(i + 1, len(lines))) \
                    and self.bylines.parse_inline(t, outlet) is None:  # "القاهرة - قال ...": a lead, not a title
                md["headline"] = doc.span(a, b)
                roles[i] = "headline"
                first = False
                continue
            # first body line: a dateline may open it ("القاهرة - ...", "محمد زامل- سبق- الرياض: ...")
            hit = self.bylines.parse_inline(t, outlet)
            if hit is not None:
                res, body = hit
                if md["dateline"] is None or res.authors and not md["authors"]:
                    self._set_byline(doc, found, res, a, None)
                    if res.authors and md["byline"] is None:
                        da, db = res.segments[0].start, res.dateline[1]
                        md["byline"] = doc.span(a + da, a + db)
                lines[i] = self._trim(text, a + body, b)
            return i
        return None

    def _section_label(self, text: str, t: str, lines: list[tuple[int, int]], roles: dict[int, str], i: int) -> bool:
        """A short line opening the page (1-3 words, no digit, no sentence mark, no byline) right before a
        longer title-like line: a section or navigation label (``الرئيسية``، ``أخبار مصر``), not the title."""
        def label(s: str) -> bool:
            return 1 <= len(s.split()) <= 3 and not any(c.isdigit() for c in s) and not re.search(r"[.!؟?:،,;]", s)

        words = t.split()
        if not label(t):
            return False
        # (a menu: a run of such labels, one a line, before the title: "الرئيسية / أخبار / سياسة / رياضة")
        later = [j for j in range(i + 1, min(len(lines), i + 1 + _MENU_LINES)) if j not in roles]
        nxt = next((j for j in later if not label(text[lines[j][0]:lines[j][1]])), None)
        if nxt is None:
            return False
        u = text[lines[nxt][0]:lines[nxt][1]]
        return self._headline_like(u) and len(u.split()) > len(words) + 1

    @staticmethod
    def _headline_like(t: str) -> bool:
        words = len(t.split())
        return 2 <= words <= 25 and not re.search(r"[.!؟?:،,;]\s*$", t)

    def _valid_agency_dateline(self, st: DateStamp, outlet: str | None) -> bool:
        if not st.place or norm_key(st.place) not in self.bylines.places:
            return False
        if st.agency:
            k = norm_key(st.agency)
            return k in self.bylines.agencies or k in self.outlets.all_names()
        return True

    # ------------------------------------------------------------------------------------
    def _published(self, state: Any, found: dict[str, Any], hints: dict[str, Any],
                   html_meta: dict[str, Any], url: str | None, zone_name: str | None) -> None:
        doc = state.doc
        pub = doc.metadata["published"]
        zi = _zone(zone_name)
        now = hints.get("now")
        value: datetime | date | None = None
        tzname: str | None = None
        span = None
        source = None

        assumed: list[str] = []  # values left without a zone (none given, none known)

        def localise(dt: datetime, marker_zone: str | None = None) -> tuple[datetime, str | None]:
            """An aware datetime in the marker's zone, else the outlet's; naive (zone None) when none is known."""
            z = _zone(marker_zone) or zi
            zname = marker_zone if _zone(marker_zone) else zone_name if zi else None
            if dt.tzinfo is None:
                if z is None:
                    assumed.append(dt.isoformat())
                    return dt, None
                return dt.replace(tzinfo=z), zname
            if z is not None:
                return dt.astimezone(z), zname
            key = getattr(dt.tzinfo, "key", None)
            return dt, key or ("UTC" if dt.utcoffset() == timedelta(0) else None)

        def day_zone(d: date, marker_zone: str | None = None) -> str | None:
            """The zone name a day-only value is in (marker, else outlet, else None)."""
            if _zone(marker_zone):
                return marker_zone  # type: ignore[return-value]
            if zi:
                return zone_name  # type: ignore[return-value]
            assumed.append(d.isoformat())
            return None

        given = hints.get("published")
        if isinstance(given, str):
            given = self._parse_iso(given)
        explicit = bool(hints.get("published_explicit")) and given is not None
        stamp = found.get("stamp")
        if explicit:  # the caller's publication time wins over dates found in the page
            stamp = None
        if stamp is not None:
            st, off = stamp
            if st.relative is not None:
                if isinstance(now, datetime):
                    value, tzname = localise(now - st.relative)
                    value = value.replace(microsecond=0)
                    span, source = (off + st.start, off + st.end), "text"
            else:
                d = date(st.year, st.month, st.day) if st.year else None
                hour, minute, second, mz = st.hour, st.minute, st.second, st.zone
                trailer = found.get("stamp_trailer")
                if d is not None and hour is None and trailer is not None and trailer[0].hour is not None:
                    hour, minute, second, mz = trailer[0].hour, trailer[0].minute, trailer[0].second, trailer[0].zone
                if d is None and hour is not None:
                    d = url_date(url)
                    if d is None and isinstance(hints.get("published"), datetime):
                        d = hints["published"].date()
                if d is not None:
                    if hour is None:
                        value, tzname = d, day_zone(d, mz)
                    else:
                        value, tzname = localise(datetime(d.year, d.month, d.day, hour, minute or 0, second or 0), mz)
                    span, source = (off + st.start, off + st.end), "text"
                    if st.weekday_mismatch():
                        doc.warnings.append(
                            f"date line {doc.text[off + st.start:off + st.end]!r}: {st.weekday_text!r} "
                            f"does not match {d.isoformat()}, a {d.strftime('%A')}")
        if value is None and explicit:
            if isinstance(given, datetime):
                value, tzname = localise(given)
            else:
                value, tzname = given, day_zone(given)
            source = "input"
        if value is None and html_meta.get("date"):
            v = self._parse_iso(html_meta["date"])
            if isinstance(v, datetime):
                value, tzname = localise(v)
                source = "html"
            elif isinstance(v, date):
                value, tzname, source = v, day_zone(v), "html"
        ds = hints.get("date_span")
        if ds:  # the page's date element, kept as a header line of doc.text
            dt_off, dt_end = self._trim(doc.text, *ds)
            date_text = doc.text[dt_off:dt_end]
        else:
            dt_off, date_text = None, str(html_meta.get("date_text") or "").strip()
        if value is None and date_text:
            st = self.dates.parse_relative(date_text)
            if st is not None:
                if isinstance(now, datetime):
                    value, tzname = localise(now - st.relative)
                    value = value.replace(microsecond=0)
                    source = "html"
            else:
                st = self.dates.parse_line(date_text)
                if st is not None and st.year:
                    d = date(st.year, st.month, st.day)
                    if st.hour is None:
                        value, tzname = d, day_zone(d, st.zone)
                    else:
                        value, tzname = localise(datetime(d.year, d.month, d.day, st.hour, st.minute or 0,
                                                          st.second or 0), st.zone)
                    source = "html"
                    if st.weekday_mismatch():
                        doc.warnings.append(
                            f"date line {date_text[st.start:st.end]!r}: {st.weekday_text!r} "
                            f"does not match {d.isoformat()}, a {d.strftime('%A')}")
            if st is not None and source == "html" and dt_off is not None:
                span = (dt_off + st.start, dt_off + st.end)
        if value is None and given is not None:
            if isinstance(given, datetime):
                value, tzname = localise(given)
            else:
                value, tzname = given, day_zone(given)
            source = "input"
        if value is None:
            d = url_date(url)
            if d is not None:
                value, tzname, source = d, day_zone(d), "url"

        if value is not None:
            pub.update(value=value.isoformat(), timezone=tzname,
                       span=doc.span(*span) if span else None, source=source)
            if assumed:
                doc.warnings.append(
                    f"publication time {assumed[-1]} ({source}) has no time zone and the outlet's home zone "
                    "is unknown: timezone left null (relative times resolved as if UTC)")
        # reference time: the caller's published first, else what was found
        ref = given if given is not None else value
        if isinstance(ref, datetime):
            if ref.tzinfo is None:
                ref = ref.replace(tzinfo=zi or timezone.utc)
            elif zi is not None:
                # the same instant on the outlet's clock: "اليوم" in a Cairo paper given a UTC time of
                # 23:30 on the 7th is the 8th
                ref = ref.astimezone(zi)
            state.reference_time = ref
        elif isinstance(ref, date):
            state.reference_time = datetime(ref.year, ref.month, ref.day, tzinfo=zi or timezone.utc)
            state.scratch["reference_day_only"] = True  # (no time of day: "منذ ساعتين" is only that day)
        if state.reference_time is None:
            doc.warnings.append(NO_PUBLICATION_TIME)

    @staticmethod
    def _parse_iso(v: Any) -> datetime | date | None:
        if isinstance(v, datetime):
            return v
        if isinstance(v, date):
            return v
        s = str(v).strip()
        if not s:
            return None
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
                return date.fromisoformat(s)
            return datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            return None
