"""Article metadata: page date lines, bylines, datelines, outlets and their home time zones.

Three narrow, data-driven parsers used by :class:`hadath.extract.structure.StructureStage`:

* :class:`DateLineParser` reads an article's own publication stamp: "11:39 ص الأربعاء 08 يونيو
  2016" (12-hour clock with ص/م: 12:xx ص is 00:xx, 12:xx م is 12:xx), "الرياض 25 شوال 1436 هـ
  الموافق 10 أغسطس 2015 م واس", "Tuesday, 11 August 2015 - 13:08 pm", "2015-08-10 21:00",
  "13:44 ت م" (a time with a zone marker) and relative stamps "منذ ساعتين". Month names of every
  regional series, weekdays, clock markers and cues come from ``ar/dates.yaml``.
* :class:`BylineParser` splits bylines ("كتبت- هدى الشيمي:", "بقلم: سامي الكاتب"), author fields
  ("القاهرة: محمد عوض", "أ ف ب (بيروت)", "محمد زامل- سبق- الرياض:") and dateline lines ("عين
  اليوم – جدة") into segments and labels each one cue, agency, outlet, place or person, using
  ``ar/byline.yaml``, ``ar/outlets.yaml``, ``ar/places.yaml`` and ``ar/places.txt`` (GeoNames).
* :class:`OutletTable` maps a ``source`` name or a URL to an outlet id and its IANA home zone.

All matching is on normalised text (:func:`hadath.text.normalize.normalize`); offsets returned
are code points of the raw string given.

Example:
    >>> p = DateLineParser.load()
    >>> s = p.parse_line("11:39 ص الأربعاء 08 يونيو 2016")
    >>> (s.year, s.month, s.day, s.hour, s.minute, s.weekday, s.end)
    (2016, 6, 8, 11, 39, 2, 30)
    >>> p.parse_line("12:05 ص الخميس 09 يونيو 2016").hour
    0
    >>> b = BylineParser.load()
    >>> [x.text for x in b.parse_cue_line("كتب: سامي الكاتب وهدى المحررة").authors]
    ['سامي الكاتب', 'هدى المحررة']
    >>> f = b.parse_field("القاهرة: محمد عوض")
    >>> (f.place.text, [a.text for a in f.authors])
    ('القاهرة', ['محمد عوض'])
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib import resources
from typing import Any
from urllib.parse import urlparse

import yaml

from hadath.text.normalize import normalize, normalize_word

__all__ = [
    "DateStamp", "DateLineParser", "Segment", "BylineResult", "BylineParser", "OutletTable",
    "url_date", "norm_key",
]


def _load_yaml(name: str) -> Any:
    return yaml.safe_load(resources.files("hadath.extract.ar").joinpath(name).read_text("utf-8"))


_QUOTES = "«»\"'“”„‘’()[]{}"


def norm_key(s: str) -> str:
    """Lookup key of a name: normalised, lower-cased, quotes and dots dropped, spaces collapsed.

    Example:
        >>> norm_key("«الشرق الأوسط»") == norm_key("الشرق الاوسط")
        True
        >>> norm_key("أ.ف.ب") == norm_key("ا ف ب")
        True
    """
    t = normalize_word(s.replace("&nbsp;", " ")).lower()
    t = "".join(" " if c in _QUOTES or c in ".·" else c for c in t)
    return " ".join(t.split())


def _alt(words: list[str]) -> str:
    """Regex alternation of normalised words, longest first, spaces matching any whitespace."""
    forms = sorted({normalize_word(w).lower() for w in words if w}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in f.split()) for f in forms)


# --------------------------------------------------------------------------------------------
# Date lines
# --------------------------------------------------------------------------------------------

@dataclass
class DateStamp:
    """A parsed page date stamp. Offsets are code points of the string given to the parser.

    Attributes:
        start, end: Span of the stamp (half-open).
        year, month, day: Gregorian date, or None (time-only stamps).
        hour, minute, second: Local clock time (24 h), or None (date-only stamps).
        weekday: Weekday named in the stamp (Monday = 0), or None.
        weekday_text: The weekday as written, or None.
        zone: IANA zone named by a marker ("ت م" -> Asia/Riyadh), or None.
        relative: For "منذ ساعتين": the time before ``now`` (timedelta), else None.
        place: Dateline place written before the date ("الرياض 25 شوال ..."), as written, or None.
        place_span: (start, end) of that place, or None.
        agency: Agency written after the date ("واس"), or None.
        rule: Rule id of the form that matched.
    """

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    weekday: int | None = None
    weekday_text: str | None = None
    zone: str | None = None
    relative: timedelta | None = None
    place: str | None = None
    place_span: tuple[int, int] | None = None
    agency: str | None = None
    rule: str = ""

    def weekday_mismatch(self) -> bool:
        """True when a weekday is written and the date falls on another day."""
        if self.weekday is None or self.year is None:
            return False
        return date(self.year, self.month, self.day).weekday() != self.weekday


#: Longest line (code points) the date-line parsers look at; page stamps are short.
_MAX_STAMP = 160


class DateLineParser:
    """Parser of page date lines (see the module docstring); build with :meth:`load`.

    Lines longer than 160 code points are never date lines (None without parsing).
    """

    def __init__(self, data: dict[str, Any]) -> None:
        def index(table: dict[int, list[str]]) -> dict[str, int]:
            return {norm_key(w): int(k) for k, ws in table.items() for w in ws}

        self.months = index(data["gregorian_months"])
        self.hijri = index(data["hijri_months"])
        self.weekdays = index(data["weekdays"])
        self.am = {norm_key(w) for w in data["am"]}
        self.pm = {norm_key(w) for w in data["pm"]}
        self.zones = {norm_key(w): z for z, ws in data["zone_markers"].items() for w in ws}
        rel = data["relative"]
        self.rel_units: dict[str, tuple[str, int | None]] = {}
        for unit, forms in rel["units"].items():
            for w in forms.get("many", []):
                self.rel_units[norm_key(w)] = (unit, None)
            for w in forms.get("one", []):
                self.rel_units.setdefault(norm_key(w), (unit, 1))
                if self.rel_units[norm_key(w)][1] is None:
                    self.rel_units[norm_key(w)] = (unit, 1)
            for w in forms.get("two", []):
                self.rel_units[norm_key(w)] = (unit, 2)
        self.rel_numbers = {norm_key(k): int(v) for k, v in rel["numbers"].items()}

        mon = _alt([w for ws in data["gregorian_months"].values() for w in ws])
        hij = _alt([w for ws in data["hijri_months"].values() for w in ws])
        wd = _alt([w for ws in data["weekdays"].values() for w in ws])
        ampm = _alt(list(data["am"]) + list(data["pm"]))
        zones = _alt([w for ws in data["zone_markers"].values() for w in ws])
        cues = _alt(data["cues"])
        tcues = _alt(data["time_cues"])
        sep = r"\s*[-|،,/–]?\s*"

        def time(p: str) -> str:
            return (rf"(?P<{p}h>[012]?\d)[:.](?P<{p}mi>[0-5]\d)(?::(?P<{p}s>[0-5]\d))?"
                    rf"(?:\s*(?P<{p}ap>{ampm})(?!\w))?(?:\s*(?P<{p}z>{zones})(?!\w))?")

        date_alts = (
            rf"(?P<d1>0?[0-3]?\d)\s*(?P<mon1>{mon})(?:\s*[/(-]\s*(?:{mon})\s*\)?)?\s*[,،]?\s*(?P<y1>(?:19|20)\d\d)"
            rf"(?:\s*م(?!\w))?"
            rf"|(?P<mon2>{mon})\s+(?P<d2>[0-3]?\d),?\s+(?P<y2>(?:19|20)\d\d)"
            rf"|(?P<y3>(?:19|20)\d\d)[-/.](?P<m3>[01]?\d)[-/.](?P<d3>[0-3]?\d)"
            rf"|(?P<d4>[0-3]?\d)[-/.](?P<m4>[01]?\d)[-/.](?P<y4>(?:19|20)\d\d)"
        )
        hijri = rf"(?:0?[0-3]?\d\s*(?:{hij})\s*1[34]\d\d\s*ه?(?!\w)\s*[-,،]?\s*(?:الموافق(?:\s*ل)?\s*)?)"
        self._line = re.compile(
            rf"(?:(?:{cues})\s*[:：]?\s*)?(?:{time('a')}{sep})?(?:(?P<wd1>{wd})(?!\w){sep})?{hijri}?"
            rf"(?:{date_alts})(?:{sep}(?:(?:{tcues})\s*)?{time('b')})?(?:{sep}(?P<wd2>{wd})(?!\w))?",
            re.IGNORECASE,
        )
        self._time_line = re.compile(rf"(?:(?:{cues}|{tcues})\s*[:：]?\s*)?{time('a')}", re.IGNORECASE)
        self._agency_dateline = re.compile(
            rf"(?P<place>[^\W\d][^\d\n]{{1,40}}?)\s*{hijri}?(?:{date_alts})(?:\s*(?P<agency>واس|[^\W\d]\w*(?:\s+\w+)?))?",
            re.IGNORECASE,
        )
        self._relative = re.compile(
            rf"(?:(?:{cues})\s*[:：]?\s*)?(?:{_alt(rel['prefixes'])})\s+(?:(?P<n>\d+|{_alt(list(rel['numbers']))})\s+)?"
            rf"(?P<unit>{_alt([w for f in rel['units'].values() for ws in f.values() for w in ws])})(?!\w)",
            re.IGNORECASE,
        )

    @classmethod
    def load(cls) -> "DateLineParser":
        """Build the parser from ``ar/dates.yaml`` and the times stage's month names.

        The Arabic month names of every regional series and the Hijri months come
        from ``hadath/extract/times/ar/months.yaml`` (one lexicon for both stages);
        ``dates.yaml`` adds only the stamp-specific extras (English names, misspellings).
        """
        data = _load_yaml("dates.yaml")
        shared = yaml.safe_load(resources.files("hadath.extract.times").joinpath("ar/months.yaml").read_text("utf-8"))
        for key, series in (("gregorian_months", "gregorian"), ("hijri_months", "hijri")):
            table: dict[int, list[str]] = {m: [] for m in range(1, 13)}
            for entry in shared[series]:
                table[int(entry["month"])] += entry["names"]
            for m, names in (data.get("extra_" + key) or {}).items():
                table[int(m)] += names
            data[key] = table
        return cls(data)

    # -- helpers ---------------------------------------------------------------------------
    def _fill(self, st: DateStamp, m: re.Match, n) -> DateStamp | None:
        g = m.groupdict()
        y = mo = d = None
        if g.get("mon1"):
            y, mo, d = int(g["y1"]), self.months.get(norm_key(g["mon1"])), int(g["d1"])
        elif g.get("mon2"):
            y, mo, d = int(g["y2"]), self.months.get(norm_key(g["mon2"])), int(g["d2"])
        elif g.get("y3"):
            y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
        elif g.get("y4"):
            y, mo, d = int(g["y4"]), int(g["m4"]), int(g["d4"])
        if y is not None:
            try:
                date(y, mo or 0, d)
            except (ValueError, TypeError):
                return None
            st.year, st.month, st.day = y, mo, d
        for p in ("a", "b"):
            if g.get(p + "h") is not None:
                h, mi = int(g[p + "h"]), int(g[p + "mi"])
                if h > 23:
                    return None
                ap = norm_key(g.get(p + "ap") or "")
                if ap and h <= 12:
                    if ap in self.pm and h < 12:
                        h += 12
                    elif ap in self.am and h == 12:
                        h = 0
                st.hour, st.minute = h, mi
                st.second = int(g[p + "s"]) if g.get(p + "s") else 0
                if g.get(p + "z"):
                    st.zone = self.zones.get(norm_key(g[p + "z"]))
                break
        for k in ("wd1", "wd2"):
            if g.get(k):
                st.weekday = self.weekdays.get(norm_key(g[k]))
                a, b = n.raw_span(m.start(k), m.end(k))
                st.weekday_text = n.raw[a:b]
        return st

    # -- public ----------------------------------------------------------------------------
    def parse_line(self, line: str) -> DateStamp | None:
        """Parse a whole line that is a date stamp (and nothing else).

        Args:
            line: One line, already trimmed.

        Returns:
            A :class:`DateStamp` (offsets into ``line``) or None.

        Example:
            >>> p = DateLineParser.load()
            >>> s = p.parse_line("Tuesday, 11 August 2015 - 13:08 pm")
            >>> (s.month, s.day, s.hour, s.weekday)
            (8, 11, 13, 1)
            >>> p.parse_line("وقع الاتفاق في 8 يونيو 2016 في القاهرة") is None
            True
        """
        if len(line) > _MAX_STAMP:
            return None
        n = normalize(line)
        t = n.text.rstrip(" .:")
        m = self._line.fullmatch(t)
        if m:
            a, b = n.raw_span(m.start(), m.end())
            return self._fill(DateStamp(a, b, rule="date_line"), m, n)
        m = self._time_line.fullmatch(t)
        if m and (m.group("az") or m.group("aap")):
            a, b = n.raw_span(m.start(), m.end())
            return self._fill(DateStamp(a, b, rule="time_line"), m, n)
        return None

    def parse_relative(self, line: str) -> DateStamp | None:
        """Parse a relative page stamp ("منذ ساعتين", "قبل 3 أيام") filling ``relative``.

        Example:
            >>> DateLineParser.load().parse_relative("منذ ساعتين").relative
            datetime.timedelta(seconds=7200)
            >>> DateLineParser.load().parse_relative("منذ 5 دقائق").relative.seconds
            300
        """
        if len(line) > _MAX_STAMP:
            return None
        n = normalize(line)
        t = n.text.rstrip(" .:")
        m = self._relative.fullmatch(t)
        if not m:
            return None
        unit, fixed = self.rel_units[norm_key(m.group("unit"))]
        if m.group("n"):
            raw = m.group("n")
            count = int(raw) if raw.isdigit() else self.rel_numbers.get(norm_key(raw), 1)
        else:
            count = fixed or 1
        a, b = n.raw_span(m.start(), m.end())
        return DateStamp(a, b, relative=timedelta(**{unit: count}), rule="relative_stamp")

    def parse_agency_dateline(self, line: str) -> DateStamp | None:
        """Parse an agency dateline with a date: "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس".

        The place (1-4 words before the date) is returned in ``place``/``place_span``; a trailing
        word or two after the date in ``agency``.

        Example:
            >>> s = DateLineParser.load().parse_agency_dateline("الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس")
            >>> (s.place, s.year, s.month, s.day, s.agency)
            ('الرياض', 2015, 8, 10, 'واس')
        """
        if len(line) > _MAX_STAMP:
            return None
        n = normalize(line)
        t = n.text.rstrip(" .:")
        m = self._agency_dateline.fullmatch(t)
        if not m or len(m.group("place").split()) > 4:
            return None
        a, b = n.raw_span(m.start(), m.end())
        st = self._fill(DateStamp(a, b, rule="agency_dateline"), m, n)
        if st is None or st.year is None:
            return None
        pa, pb = n.raw_span(m.start("place"), m.end("place"))
        st.place, st.place_span = line[pa:pb].strip(), (pa, pa + len(line[pa:pb].rstrip()))
        if m.group("agency"):
            ga, gb = n.raw_span(m.start("agency"), m.end("agency"))
            st.agency = line[ga:gb]
        return st


def url_date(url: str | None) -> date | None:
    """The publication date written in a URL path (/2016/06/08/, /20150722/), or None.

    Example:
        >>> url_date("https://example.com/news/2016/06/08/story")
        datetime.date(2016, 6, 8)
        >>> url_date("http://www.okaz.com.sa/new/Issues/20150722/Con20150722784960.htm")
        datetime.date(2015, 7, 22)
        >>> url_date("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html")
        datetime.date(2013, 8, 3)
        >>> url_date("https://www.masrawy.com/news/x") is None
        True
    """
    if not url:
        return None
    path = urlparse(url).path
    for rx in (r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?=/|$|[-_.])",
               r"/((?:19|20)\d\d)([01]\d)([0-3]\d)(?=/|$)",
               r"/((?:19|20)\d\d)/(?:[A-Za-z_-]+/){1,2}([01]?\d)/([0-3]?\d)(?=/)"):
        m = re.search(rx, path)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
    return None


# --------------------------------------------------------------------------------------------
# Outlets
# --------------------------------------------------------------------------------------------

class OutletTable:
    """Outlets with self-names, domains and IANA home zones (``ar/outlets.yaml``).

    Example:
        >>> t = OutletTable.load()
        >>> t.find(url="https://www.masrawy.com/news/x")
        'masrawy'
        >>> t.zone("sabq"), t.find(source="Masrawy"), t.find(source="unknown paper")
        ('Asia/Riyadh', 'masrawy', None)
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.outlets = {o["id"]: o for o in data["outlets"]}
        self._by_name: dict[str, str] = {}
        for o in data["outlets"]:
            self._by_name[o["id"].lower()] = o["id"]
            for n in o.get("names") or []:
                self._by_name.setdefault(norm_key(n), o["id"])
        self._domains = [(d.lower(), o["id"]) for o in data["outlets"] for d in o.get("domains") or []]

    @classmethod
    def load(cls) -> "OutletTable":
        """Build from ``ar/outlets.yaml``."""
        return cls(_load_yaml("outlets.yaml"))

    def find(self, *, source: str | None = None, url: str | None = None) -> str | None:
        """Outlet id from a source name/id or a URL's domain, or None."""
        if source:
            s = source.strip()
            hit = self._by_name.get(s.lower()) or self._by_name.get(norm_key(s))
            if hit:
                return hit
        if url:
            try:
                p = urlparse(url if "//" in url else "//" + url)
            except ValueError:
                return None
            host = (p.hostname or "").lower()
            full = host + p.path.lower()
            for dom, oid in self._domains:
                if "/" in dom:
                    if full.startswith(dom) or full.startswith("www." + dom):
                        return oid
                elif host == dom or host.endswith("." + dom):
                    return oid
        return None

    def zone(self, outlet: str | None) -> str | None:
        """IANA home zone of an outlet id, or None."""
        o = self.outlets.get(outlet or "")
        return o.get("zone") if o else None

    def names(self, outlet: str | None) -> set[str]:
        """Normalised self-names of an outlet (empty set when unknown)."""
        o = self.outlets.get(outlet or "")
        return {norm_key(n) for n in (o.get("names") or [])} if o else set()

    def all_names(self) -> dict[str, str]:
        """Normalised self-name -> outlet id, for every outlet."""
        return dict(self._by_name)


# --------------------------------------------------------------------------------------------
# Bylines, author fields, dateline lines
# --------------------------------------------------------------------------------------------

@dataclass
class Segment:
    """One part of a byline/author field. Offsets are code points of the parsed string.

    Attributes:
        start, end: Span of the part, trimmed. text: The part as written.
        kind: "cue", "agency", "outlet", "place", "person", "date" or "other".
        paren: Whether it was written in parentheses.
        value: Normalised form for places/outlets/agencies (lookup key), else None.
        outer: For a part written in parentheses, the span including them; else None.
        sep: The separator written after the part (stripped, e.g. ":" or "-"), or "".
    """

    start: int
    end: int
    text: str
    kind: str = "other"
    paren: bool = False
    value: str | None = None
    outer: tuple[int, int] | None = None
    sep: str = ""


@dataclass
class BylineResult:
    """What a byline, author field or dateline line holds (offsets into the parsed string).

    Attributes:
        authors: Person-name segments, split on "،", "," and "و".
        place: The first place segment, or None.
        agency: The first agency/outlet segment, or None.
        dateline: (start, end) of the dateline part (place with its agency/outlet), or None.
        cue: The cue segment ("كتبت"), or None.
        rule: Rule id that produced the result.
        segments: All segments.
    """

    authors: list[Segment] = field(default_factory=list)
    place: Segment | None = None
    agency: Segment | None = None
    dateline: tuple[int, int] | None = None
    cue: Segment | None = None
    rule: str = ""
    segments: list[Segment] = field(default_factory=list)


_SEP = re.compile(r"\s*(?:[-–—|:/•*،,_]+|&[nm]dash;|\s{3,}|\t|&nbsp;|\u00a0|(?<=\s)ـ+|ـ+(?=\s)|^ـ+|ـ+$)\s*")
_WORD = re.compile(r"[^\W\d_][\w.]*", re.UNICODE)
_LETTERS = re.compile(r"[\u0621-\u064A\u0671-\u06D3A-Za-z]")


class BylineParser:
    """Splits bylines, author fields and dateline lines into labelled segments.

    Args:
        data: Parsed ``byline.yaml``. places: Normalised place keys. outlets: :class:`OutletTable`.
    """

    def __init__(self, data: dict[str, Any], places: set[str], outlets: OutletTable) -> None:
        self.cues: dict[str, str] = {}
        for c in data["cues"]:
            for w in c["words"]:
                self.cues[norm_key(w)] = c["id"]
        self.agencies = {norm_key(a) for a in data["agencies"]}
        self.honorifics = {norm_key(h) for h in data["honorifics"]}
        self.places = places
        self.outlets = outlets
        self.outlet_names = outlets.all_names()
        cue_alt = _alt([w for c in data["cues"] for w in c["words"]])
        self._cue = re.compile(rf"(?P<cue>{cue_alt})(?!\w)\s*(?P<sep>[-–—:/]+|(?=\s))\s*", re.IGNORECASE)

    @classmethod
    def load(cls, outlets: OutletTable | None = None) -> "BylineParser":
        """Build from ``byline.yaml``, ``places.yaml``, ``places.txt`` and ``outlets.yaml``."""
        places = {norm_key(p) for p in _load_yaml("places.yaml")["places"]}
        txt = resources.files("hadath.extract.ar").joinpath("places.txt").read_text("utf-8")
        places.update(norm_key(p) for p in txt.splitlines() if p.strip())
        places.discard("")
        return cls(_load_yaml("byline.yaml"), places, outlets or OutletTable.load())

    # -- segmenting --------------------------------------------------------------------------
    def split(self, s: str, a: int = 0, b: int | None = None, *, min_from: bool = False) -> list[Segment]:
        """Split ``s[a:b]`` at dashes, colons, bars, slashes, parentheses (and " من " if asked)."""
        b = len(s) if b is None else b
        out: list[Segment] = []

        def add(x: int, y: int, paren: bool) -> bool:
            x0, y0 = x - 1, y + 1
            paren = paren and x0 >= 0 and s[x0] == "(" and y < len(s) and s[y] == ")"
            while x < y and s[x].isspace():
                x += 1
            while y > x and (s[y - 1].isspace() or s[y - 1] in ".،,;"):
                y -= 1
            if y > x:
                out.append(Segment(x, y, s[x:y], paren=paren, outer=(x0, min(y0, len(s))) if paren else None))
                return True
            return False

        pos = a
        depth_start = None
        i = a
        while i < b:
            ch = s[i]
            if ch == "(" and depth_start is None:
                self._split_plain(s, pos, i, add, min_from, out)
                depth_start = i + 1
                pos = i + 1
            elif ch == ")" and depth_start is not None:
                self._split_plain(s, depth_start, i, add, min_from, out, paren=True)
                depth_start = None
                pos = i + 1
            i += 1
        if depth_start is not None:
            self._split_plain(s, depth_start, b, add, min_from, out)
        else:
            self._split_plain(s, pos, b, add, min_from, out)
        return out

    def _split_plain(self, s: str, a: int, b: int, add, min_from: bool, out: list[Segment],
                     paren: bool = False) -> None:
        pos = a
        for m in _SEP.finditer(s, a, b):
            if m.end() == m.start():
                continue
            add(pos, m.start(), paren)
            if out and not out[-1].sep and out[-1].end <= m.start():
                out[-1].sep = m.group().strip()
            pos = m.end()
        rest_a = pos
        if min_from:
            m = re.search(r"\s+من\s+", s[rest_a:b])
            if m and len(s[rest_a + m.end():b].split()) <= 3:
                add(rest_a, rest_a + m.start(), paren)
                rest_a = rest_a + m.end()
        add(rest_a, b, paren)

    def classify(self, seg: Segment, outlet: str | None) -> Segment:
        """Label one segment (in place) and return it."""
        key = norm_key(seg.text)
        own = self.outlets.names(outlet)
        if not key or not _LETTERS.search(seg.text):
            seg.kind = "other"
        elif key in self.cues:
            seg.kind = "cue"
        elif key in self.agencies:
            seg.kind, seg.value = "agency", key
        elif key in own:
            seg.kind, seg.value = "outlet", key
        elif key in self.places:
            seg.kind, seg.value = "place", key
        elif key in self.outlet_names and (len(key.split()) >= 2 or seg.text[:1] in "«\"“"):
            # another outlet's name: only when unambiguous (two words or quoted), not اليوم / الوطن
            seg.kind, seg.value = "outlet", key
        else:
            words = key.split()
            letters_only = all(w.isalpha() for w in words)
            seg.kind = "person" if 1 <= len(words) <= 6 and letters_only else "other"
        return seg

    def _resolve(self, segs: list[Segment], outlet: str | None, rule: str) -> BylineResult:
        res = BylineResult(rule=rule, segments=segs)
        places = [s for s in segs if s.kind == "place"]
        # the outlet's own name that is also a place (الرياض, المدينة): an outlet when another place exists
        for s in segs:
            if s.kind == "outlet" and s.value in self.places and not places and s is segs[0]:
                s.kind = "place"
                places = [s]
                break
        # a person-like part in parentheses is a place: "وكالات (فلوريدا)", "سالمون (أيداهو)"
        for s in segs:
            if s.paren and s.kind == "person" and len(s.text.split()) <= 3:
                s.kind = "place"
        # "يانجون (ميانمار)", "أوفنباخ/برلين", "محايل، الباحة": a one-word unknown before a place
        # (in parentheses, or after a slash or comma) is a place too
        for x, y in zip(segs, segs[1:]):
            if x.kind == "person" and not x.paren and y.kind == "place" and len(x.text.split()) == 1 \
                    and (y.paren or x.sep in ("/", "،", ",")):
                x.kind = "place"
        # "X: Y" (place, then names or agency): the parts before the first colon are places
        if rule == "author_field" and not any(s.kind == "place" and not s.paren for s in segs):
            colon = next((i for i, s in enumerate(segs) if s.sep.startswith(":")), None)
            if colon is not None and colon + 1 < len(segs) and all(s.kind != "cue" for s in segs[:colon + 1]):
                for s in segs[:colon + 1]:
                    if s.kind == "person" and len(s.text.split()) <= 3:
                        s.kind = "place"
        places = [s for s in segs if s.kind == "place"]
        persons = [s for s in segs if s.kind == "person"]
        # "كابول - د ب أ": one one-word unknown beside an agency is the place
        if not places and len(persons) == 1 and len(persons[0].text.split()) == 1 \
                and any(s.kind in ("agency", "outlet") for s in segs) \
                and norm_key(persons[0].text) not in self.honorifics:
            persons[0].kind = "place"
            places = [persons[0]]
        if not places and len(persons) >= 2:
            singles = [s for s in persons if len(s.text.split()) == 1 and norm_key(s.text) not in self.honorifics]
            multi = [s for s in persons if len(s.text.split()) >= 2]
            if len(singles) == 1 and multi:
                singles[0].kind = "place"
        places = [s for s in segs if s.kind == "place"]
        # the first place is the dateline's; a parenthesised one after it qualifies it: الحديدة (اليمن)
        res.place = places[0] if places else None
        for s in segs:
            if s.kind == "cue" and res.cue is None:
                res.cue = s
            if s.kind in ("agency", "outlet") and res.agency is None:
                res.agency = s
        cue_id = None
        for s in segs:
            if s.kind == "cue":
                cue_id = self.cues.get(norm_key(s.text))
            elif s.kind == "person" and cue_id != "cue_photo":
                res.authors.extend(self._split_names(s))
        if res.place is not None:
            i = segs.index(res.place)
            lo = hi = i
            while lo > 0 and segs[lo - 1].kind in ("agency", "outlet", "place"):
                lo -= 1
            while hi + 1 < len(segs) and segs[hi + 1].kind in ("agency", "outlet", "place"):
                hi += 1
            res.dateline = ((segs[lo].outer or (segs[lo].start,))[0], (segs[hi].outer or (0, segs[hi].end))[1])
        elif res.agency is not None and not res.authors:
            res.dateline = (res.agency.start, res.agency.end)
        return res

    def _split_names(self, seg: Segment) -> list[Segment]:
        """Split a person segment on "،", "," and " و" (both sides at least two words)."""
        parts: list[tuple[int, int]] = []
        pos = seg.start
        text = seg.text
        for m in re.finditer(r"\s*[،,]\s*", text):
            parts.append((pos, seg.start + m.start()))
            pos = seg.start + m.end()
        parts.append((pos, seg.end))
        out: list[Segment] = []
        full = seg.text
        base = seg.start
        for x, y in parts:
            chunk = full[x - base:y - base]
            cut = None
            for m in re.finditer(r"\s+و\s*(?=[^\W\d])", chunk):
                left, right = chunk[:m.start()], chunk[m.end():]
                if len(left.split()) >= 2 and len(right.split()) >= 2:
                    cut = m
                    break
            if cut:
                out.append(Segment(x, x + cut.start(), chunk[:cut.start()], "person"))
                out.append(Segment(x + cut.end(), y, chunk[cut.end():], "person"))
            elif chunk.strip():
                out.append(Segment(x, y, chunk, "person"))
        return out

    # -- entry points ------------------------------------------------------------------------
    def parse_field(self, s: str, outlet: str | None = None) -> BylineResult:
        """Parse an author field given separately ("القاهرة: محمد عوض", "واس - الرياض", "أ ف ب (بيروت)").

        Every part is labelled; unknown short word groups are taken as person names.

        Example:
            >>> b = BylineParser.load()
            >>> r = b.parse_field("\\u00a0أ ف ب (بيروت)", "okaz")
            >>> (r.place.text, r.agency.text, r.authors)
            ('بيروت', 'أ ف ب', [])
            >>> r = b.parse_field("منصور الغدرة - - تعز", "almadina")
            >>> (r.place.text, [a.text for a in r.authors])
            ('تعز', ['منصور الغدرة'])
        """
        m = self._cue.match(s.lstrip(" \u00a0*•"))
        segs = self.split(s, min_from=True)
        segs = [self.classify(x, outlet) for x in segs]
        if m:
            off = len(s) - len(s.lstrip(" \u00a0*•"))
            cue_end = off + m.end("cue")
            for x in segs:
                if x.start < cue_end and x.kind != "cue":
                    # "كتب محمد علي": the cue and the name in one segment
                    x.start, x.text = off + m.end(), s[off + m.end():x.end]
                    self.classify(x, outlet)
                    segs.insert(segs.index(x), Segment(off + m.start("cue"), cue_end, s[off:cue_end], "cue"))
                    break
        return self._resolve(segs, outlet, "author_field")

    def parse_cue_line(self, s: str, outlet: str | None = None) -> BylineResult | None:
        """Parse a byline that opens with a cue word ("كتبت- هدى الشيمي:", "بقلم: سامي الكاتب").

        Returns None unless the line starts with a cue followed by a separator (or, for a short
        line ending in ":", by a space) and the rest holds only names, places and agencies.

        Example:
            >>> b = BylineParser.load()
            >>> [a.text for a in b.parse_cue_line("كتبت- هدى الشيمي:").authors]
            ['هدى الشيمي']
            >>> b.parse_cue_line("كتب الوزير رسالة طويلة إلى نظيره الفرنسي يطلب فيها الدعم.") is None
            True
        """
        if len(s.split()) > 14:
            return None
        lead = len(s) - len(s.lstrip(" \u00a0*•"))
        n = normalize(s[lead:])
        m = self._cue.match(n.text)
        if not m:
            return None
        rest = s[lead:].rstrip()
        has_sep = bool(m.group("sep").strip())
        words = len(rest.split())
        if not has_sep and not ((rest.endswith(":") and words <= 6) or (words <= 5 and norm_key(m.group("cue")) == norm_key("بقلم"))):
            return None
        if words > 14:
            return None
        body_start = lead + n.raw_offset(m.end())
        ca, cb = n.raw_span(m.start("cue"), m.end("cue"))
        cue = Segment(lead + ca, lead + cb, s[lead + ca:lead + cb], "cue")
        segs = [self.classify(x, outlet) for x in self.split(s, body_start)]
        if not segs or any(x.kind in ("other", "cue") for x in segs):
            return None
        if sum(1 for x in segs if x.kind == "person") > 4:
            return None
        return self._resolve([cue] + segs, outlet, "byline_cue")

    def parse_dateline_line(self, s: str, outlet: str | None = None) -> BylineResult | None:
        """Parse a stand-alone byline/dateline line without cue ("عين اليوم – جدة", "ناصر الطميحي ـ جدة").

        Accepted when it has 2-5 parts, all names, places, agencies or outlets, at least one
        place, agency or outlet, at most three person parts and at most 12 words.

        Example:
            >>> b = BylineParser.load()
            >>> r = b.parse_dateline_line(" عين اليوم – جدة", "3alyoum")
            >>> (r.place.text, r.agency.text, r.authors)
            ('جدة', 'عين اليوم', [])
            >>> b.parse_dateline_line("أسعار النفط - تحليل") is None
            True
        """
        if len(s.split()) > 12 or re.search(r"[.!؟?]\s*$", s.rstrip(":")):
            return None
        segs = [self.classify(x, outlet) for x in self.split(s)]
        if not 2 <= len(segs) <= 5 or any(x.kind in ("other", "cue") for x in segs):
            return None
        if not any(x.kind in ("place", "agency", "outlet") for x in segs):
            return None
        if sum(1 for x in segs if x.kind == "person") > 3:
            return None
        # need a separator-delimited structure: two person-like parts and nothing else is not enough
        res = self._resolve(segs, outlet, "dateline_line")
        if res.place is None and res.agency is None:
            return None
        return res

    def parse_inline(self, s: str, outlet: str | None = None) -> tuple[BylineResult, int] | None:
        """Find a dateline opening a body paragraph: "القاهرة - ...", "لاس فيغاس: ...",
        "(رويترز) - ...", "واشنطن (رويترز) - ...", "محمد زامل- سبق- الرياض: ...".

        Returns:
            ``(result, body_start)`` with ``body_start`` the offset where the body text begins,
            or None.

        Example:
            >>> b = BylineParser.load()
            >>> r, k = b.parse_inline("لاس فيغاس: افتتح المعرض أمس أبوابه.")
            >>> (r.place.text, k)
            ('لاس فيغاس', 11)
            >>> b.parse_inline("القاهرة مدينة كبيرة يسكنها الملايين.") is None
            True
        """
        lead = len(s) - len(s.lstrip(" \u00a0*•"))
        head = s[:lead + 80]
        cands: list[tuple[int, int, int, str]] = []  # (prefix end, separator end, body start, kind)
        m = re.search(r"\s*[:：]\s*", head)
        if m and m.start() > lead:
            cands.append((m.start(), m.start() + len(m.group().rstrip()), m.end(), ":"))
        m = re.search(r"\s*(?:(?<=\s)[-–—ـ]+|[-–—]+(?=\s))\s*", head)
        if m and m.start() > lead:
            cands.append((m.start(), m.start() + len(m.group().rstrip()), m.end(), "-"))
        for end, sep_end, body, kind in sorted(cands, key=lambda c: (c[3] != ":", c[0])):
            if len(s[lead:end].split()) > 10 or body >= len(s.rstrip()):
                continue
            segs = [self.classify(x, outlet) for x in self.split(s, lead, end)]
            if not segs or any(x.kind == "other" or (x.kind == "cue" and kind != ":") for x in segs):
                continue
            persons = [i for i, x in enumerate(segs) if x.kind == "person"]
            if len(persons) > 2 or (kind == ":" and persons and persons != [0]):
                continue
            if kind != ":" and segs[-1].kind not in ("place", "agency", "outlet"):
                continue
            res = self._resolve(segs, outlet, "dateline_inline")
            if res.place is None and res.agency is None:
                continue
            res.dateline = ((segs[0].outer or (segs[0].start,))[0], sep_end)
            return res, body
        return None


def strip_nfc(s: str) -> str:
    """NFC form of ``s`` (helper for data checks)."""
    return unicodedata.normalize("NFC", s)


def combine(d: date, hour: int | None, minute: int | None, second: int | None) -> datetime:
    """A naive datetime from a date and an optional clock time (midnight when None)."""
    return datetime(d.year, d.month, d.day, hour or 0, minute or 0, second or 0)


def minus(now: datetime, delta: timedelta) -> datetime:
    """``now - delta`` (kept for symmetry with :meth:`DateLineParser.parse_relative`)."""
    return now - delta
