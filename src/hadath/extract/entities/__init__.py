"""Entities stage: gazetteer matching, rules, the NER model (when shipped), linking and clustering.

Pipeline of :class:`EntityExtractor` (all matching on ``state.norm.text``, offsets mapped back with
``state.norm.raw_span``); every mention names its rule:

1. ``gazetteer:<kind>``: names of the compiled gazetteer and ``ar/aliases.yaml``, clitic-aware
   (:mod:`.gazetteer`), linked from the document (:mod:`.linker`); a one-word name written with
   tanween (دورًا) is a word, not a name; a city/region name that is a frequent word (ينقل، مشهد،
   عشاق) needs evidence (``ar/place_evidence.yaml``: a cue such as في/مدينة/بلدة before it, a
   dateline, its country named, or a listed big city; for a Yemeni/Syrian/Iraqi/Libyan word-name
   after في/على a conflict word of its sentence counts as its country: معارك في حجة; a place listed
   with و after an accepted one of its country shares its cue: في الضالع وعمران); ``homonym``
   (``ar/homonyms.yaml``): a name that is a country and a city (عمان Oman / Amman, تونس Tunisia /
   Tunis) takes the reading of its vowelled spelling (عُمان، عمّان), a capital cue (العاصمة الأردنية
   عمان; تونس العاصمة, the mention covering both words), a dateline (عمان - بترا), its coordinated
   list (عمان among capitals = Amman, among Gulf states = Oman), the countries and region words
   (خليجية) of its sentence, a firm reading of the same name elsewhere in the document (two-country
   names only), then the linker's document rule; a place word without a cue next to a
   person's name is part of the name (بول بيا، أندرو اكسوم); a linked place's CAMEO code is
   computed from its own country (طرابلس of Libya is LBY, never the Lebanese reading's LBN); names
   shared by curated entries are decided by the document (``context`` in ``ar/aliases.yaml``:
   التحالف الدولي is the US-led coalition in an Afghan/Iraqi/Syrian article, the Saudi-led one in a
   Yemeni article, and follows an unambiguous التحالف الذي تقوده السعودية of the same article); a
   named district (``within``: باب التبانة) picks its city among homonyms (Tripoli, Lebanon);
   ``sub-place`` (``ar/sub_places.yaml``): a name after حي/شارع/ساحة ... (or after منطقة with a
   container of another country) is a place inside its container ("حي صلاح الدين بمدينة حلب":
   LOC, SYR, no GeoNames id), never the same-named region of another country; ``sub-place-name``:
   the name after حي that neither the gazetteer nor the model knows (حي جوبر، حي بابا عمرو في حمص:
   one word, two after a compound first word, stopping at prepositions, verbs and punctuation) is
   such a place too, and حي "alive, live" (بث حي، كائن حي) gives none; على is a cue only in a
   conflict sentence (قصف على دوما), a word-name opening a list before a city of its country needs
   no other cue (زار حماة وحمص), some names need a strong cue (``strong_only``: صور "pictures" /
   Tyre), and a kinship noun (``kin_words``: جدة "grandmother") followed by a definite noun, or
   written with ه (جده), is no place; ``nisba-norp`` (``ar/nisba.yaml``): a plural nisba after a
   noun is a NORP (اللاجئون السوريون، ملايين السوريين) except after officials' plural titles
   (المسئولون الأتراك) and for ``word_after_noun`` (مشتقات الألبان), and a singular one after a person
   noun too (مسؤول عماني: OMN; سيدة سورية: no Syria), also in the accusative (صحفيا ليبيا: a
   Libyan journalist, no Libya; مواطنا سعوديا: no person);
2. ``institution-nationality:<id>``: "institution + nationality adjective" organisations
   (السلطات الألمانية -> ORG, DEU, DEUGOV; الشعب العراقي -> NORP; الصليب الأحمر اللبناني -> ORG, LBN,
   LBNNGOHLH, a national society whose phrase replaces the bare الصليب الأحمر = ICRC inside it;
   ``ar/institutions.yaml``); after a
   title word the phrase is a role of a person instead (منسق الاستخبارات الوطنية الفرنسية), except
   after المتحدث باسم;
3. ``place-head:<id>`` (جامعة تعز، شرطة كابل), ``quoted-media`` (لـ«سبق»), ``media-head``
   (صحيفة الوئام), ``reporter-outlet`` (مراسل الجزيرة: the curated قناة الجزيرة), ``ministry``
   (وزارة الصحة, the article's country);
4. person rules (``ar/titles.yaml``): ``person-apposition`` (NAME، TITLE ...), ``person-title``
   (TITLE [nationality] NAME), ``person-honorific`` (a one-word gazetteer city/region after a
   definite honorific such as الملكة/الأمير/الشيخ/السيدة (``honorifics`` of ``ar/titles.yaml``, titles
   or not), or after a construct title with its country, is a
   person's name whatever the city's size: الملكة صوفيا; ملك الأردن / أمير الرياض stay places),
   ``person-firstname`` (known first name + rare words; a third, frequent part is kept after a
   first name and a name: محمد جواد ظريف); a month name next to a number is a date, never a person
   (رجب 1436), and no person or organisation lies inside a span of the times stage
   (``state.doc.times``); titles attach to the person as ``roles``
   and give the person's country and agent code; a person without one takes the article's
   dominant country, except a ``person-honorific`` name (الملكة صوفيا), and a city read as a
   person's name is no evidence of that country (زارت الملكة صوفيا بلغاريا: no BGRGOV queen);
   ``role-country`` (``ar/role_bodies.yaml``): a role naming a body gives the body's code and no
   guessed country (المبعوث الأممي إلى اليمن: IGOUNO), a country after a host preposition is not
   the person's (السفير الأمريكي لدى العراق: USA), a title before a model person across definite
   words and places is its role, and the article's country is no guess for a person when all its
   mentions lie in other people's clauses (قال محمد صلاح ...، وأكد عمر البشير أن السودان آمن);
5. ``model``: NER model spans (:mod:`.ner_model`, when the module and its model file exist) for
   names the gazetteer does not know; only clauses holding a name-like rare word are tagged; a
   place span made only of place nouns and common modifiers (``place-modifier``,
   ``ar/place_modifiers.yaml``: منطقة عازلة، آمنة، حدودية) is dropped;
6. ``place-head-name``: the full name after a place head (بلدة تل حلف; منطقة أصفر ونجار gives two
   places);
7. ``not-name`` (``ar/not_names.yaml``, on the model's and rules' mentions): a fixed expression is
   no name (يحفظه الله، حسن نية: a mention is cut before it or dropped), nor a span of function
   words only, nor a model person made only of common words without name evidence (ولي عهده);
8. ``anaphor`` (التنظيم after ISIS), ``surname`` (المالكي after نوري المالكي), then clustering
   (:mod:`.cluster`). Authors in the byline and boilerplate text give no entities.

Each entity follows the ``entity`` $def of ``hadath.document/1`` plus ``rule`` (the rule id of its
first mention) and ``roles`` (people).

Example:
    >>> from hadath.pipeline import Pipeline
    >>> from hadath.settings import Settings
    >>> p = Pipeline(Settings(stages=("entities",)))
    >>> d = p.analyze("قالت السلطات الألمانية إنها اعتقلت ثلاثة أشخاص في باريس.")
    >>> [(e["text"], e["label"], e["country"], e["cameo"]) for e in d.entities]
    [('السلطات الألمانية', 'ORG', 'DEU', 'DEUGOV'), ('باريس', 'GPE', 'FRA', 'FRA')]
"""
from __future__ import annotations

import bisect
import operator
import re
import unicodedata
from collections import Counter
from types import MappingProxyType
from typing import Any

import yaml

from hadath.extract.entities.cluster import Mention, cluster
from hadath.extract.entities.gazetteer import DATA_DIR, PROCLITICS, Gazetteer, Match, name_key
from hadath.extract.entities.linker import actor_code, cameo_at, choose, doc_countries

__all__ = ["EntityExtractor"]

_WORD = re.compile(r"[^\W_]+")
_TANWEEN = re.compile("[\u064B-\u064D]")
_LATIN = re.compile("[A-Za-z]")
#: Prefix and suffix strings peeled off a rare word to find a frequent stem (normalised).
_CAND_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "فال", "وب", "ول", "وس", "س", "ي", "ت", "ن",
                  "وي", "وت", "ست", "سي", "است")
_CAND_SUFFIXES = ("", "ه", "ها", "هم", "هما", "كم", "نا", "ات", "ون", "ين", "ان", "وا", "ى", "يه", "تها", "تهم", "ته")
_CAND_PREFIX_SET = frozenset(_CAND_PREFIXES)
_CAND_SUFFIX_SET = frozenset(_CAND_SUFFIXES)
_CAND_PREFIX_MAX = max(map(len, _CAND_PREFIXES))
_CAND_SUFFIX_MAX = max(map(len, _CAND_SUFFIXES))
#: Bits of :meth:`EntityExtractor._word_flags`.
_RARE_WORD, _TITLE_WORD, _FIRST_WORD = 1, 2, 4
#: Sentence-final tokens (the NER model tags sentence by sentence).
_SENT_END = frozenset({".", "!", "؟", "?", "…"})
#: Tokens that end a clause: the text is offered to the model clause by clause.
_CLAUSE_END = _SENT_END | {"،", ",", "؛", ";", ":"}
_START = operator.itemgetter("start")
#: The word right before an offset, separated by blanks only (group 1).
_PREV_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")

#: A sentence or line break between two offsets (the containing city of a sub-place is looked for before it).
_SENT_BREAK = re.compile("[.!؟?\n]")
_CLAUSE_END_RE = re.compile("[" + re.escape("".join(sorted(_CLAUSE_END))) + "]")
_CLAUSE_CUT_RE = re.compile("[" + re.escape("".join(sorted(_CLAUSE_END))) + "\n]")  # clause ends and line breaks
#: A quoted span: opening quote, the name, closing quote.
_QUOTED = re.compile("([«»\"“”])\\s*([^«»\"“”\n]{2,40}?)\\s*[«»\"”“]")
#: Media cues right before a quoted outlet name (normalised text): لـ، صحيفة، جريدة، نقلته ...
_MEDIA_CUE = re.compile("(?:^|\\s)(?:و?ل[ـ]?|و?ب?صحيفه|و?ب?جريده|و?ب?مجله|و?ب?قناه|و?ب?موقع|و?ب?وكاله|"
                        "و?ب?شبكه|نقلته|نقلت|نشرته|نشرت|ذكرته|ذكرت|اوردته|اوردت|بحسب|حسب|وفقا ل|وفق|[-–—])\\s*[ـ-]?\\s*$")
#: Indefinite heads of a media outlet's name (normalised).
_MEDIA_HEADS = frozenset(["صحيفه", "جريده", "قناه", "مجله", "وكاله", "اذاعه", "شبكه"])
#: A reporter of an outlet (normalised): "مراسل الجزيرة" (rule ``reporter-outlet``).
_REPORTER_HEADS = frozenset(["مراسل", "مراسله", "مراسلو", "مراسلى", "مراسلا"])
#: Definite words after a media head that describe, not name, the outlet.
_MEDIA_GENERIC = frozenset(["الانباء", "الانباء", "الرسميه", "المحليه", "الحكوميه", "الالكترونيه", "اليوميه",
                            "الاسبوعيه", "التلفزيونيه", "الفضاءيه", "الاخباريه", "التواصل", "الاجتماعى",
                            "الحكومه", "الدوله", "الامم",
                            # a relative phrase ends the name: قناة العالم التابعة لإيران، الموالية للنظام
                            "التابعه", "التابع", "المواليه", "الموالى", "المقربه", "المقرب", "المموله",
                            "الناطقه", "الناطق"])
#: Endings of a noun with a pronoun suffix (سيطرتها، قواتهم), never a name.
_PRONOUN_SUFFIXES = ("تها", "تهم", "تهما", "تكم", "تنا")
#: Entry kinds whose names are not parts of people's names.
_PLACE_KINDS = frozenset(["country", "city", "region", "nationality", "nat_adj", "curated"])
_MODEL_LABELS = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE", "FAC": "FAC",
                 "NORP": "NORP", "EVENT": "EVENT"}
#: Words ranked above this (more frequent) are not name words in the person rules.
NAME_RANK = 6000
#: Definite nisba words (surnames such as العبادي) need only be less frequent than this.
DEF_NAME_RANK = 1000


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


#: Entries kept in each per-word-type cache of an extractor before it is emptied (bounds memory).
CACHE_MAX = 200_000


#: Nasab particles (normalised and raw spellings): the name after them is a father's name.
_NASAB = frozenset({"بن", "ابن", "إبن", "بنت", "ابنه", "ابنة"})
_NASAB_BEFORE = re.compile(r"(?<!\w)(?:بن|ابن|إبن|بنت|ابنة)\s+$")


def _after_nasab(text: str, start: int) -> bool:
    """True when the word before ``start`` (code point of ``text``) is بن/ابن/بنت."""
    return _NASAB_BEFORE.search(text, max(0, start - 8), start) is not None

#: Vowel marks ignored when a raw spelling is compared with ``spellings`` of ``ar/homonyms.yaml``
#: (fatha, kasra, sukun, tatweel); damma and shadda tell عُمان from عمّان.
_IGNORED_MARKS = MappingProxyType(dict.fromkeys(map(ord, "\u064e\u0650\u0652\u0640")))  # read-only


def _marks_key(s: str) -> str:
    """A raw spelling without fatha, kasra, sukun and tatweel, NFC (``عَمَّان`` -> ``عمّان``).

    Example:
        >>> _marks_key("عَمَّان") == _marks_key("عمّان"), _marks_key("عُمان") == _marks_key("عمّان")
        (True, False)
    """
    return unicodedata.normalize("NFC", s).translate(_IGNORED_MARKS)


def _clitic_forms(keys) -> frozenset[str]:
    """Every word that :func:`_strip_clitic` (default proclitics) splits into one of ``keys``.

    ``ب`` + ``تركيا`` -> بتركيا; ``لل`` + the rest of ``التحالف`` -> للتحالف (ل+ال merged). A
    word holds a key after a clitic exactly when it is one of these forms, so the rules look such
    words up in a document's word index instead of splitting every word.

    Args:
        keys: Normalised words (the ``rest`` side of a split).

    Returns:
        The set of written forms (the keys themselves included).

    Example:
        >>> sorted(_clitic_forms(["الدوله"]))[:3]
        ['الدوله', 'بالدوله', 'فالدوله']
        >>> "للدوله" in _clitic_forms(["الدوله"])
        True
    """
    out = set()
    for k in keys:
        out.add(k)
        if len(k) >= 3:
            out.update(p + k for p in PROCLITICS if p)
        if k.startswith("ال") and len(k) > 4:
            out.add("لل" + k[2:])
    return frozenset(out)


class _WordIndex:
    """Where the words of one document occur, found on demand.

    Args:
        wtexts: The document's normalised words in text order.
        flags: Word -> :meth:`EntityExtractor._word_flags` bits (a read-through cache).
        flag_of: Computes the bits of a word missing from ``flags``.

    Attributes:
        types: The distinct words, in order of first occurrence (a dict used as an ordered set).
        rare, title, first: The distinct words with the ``_RARE_WORD``, ``_TITLE_WORD`` and
            ``_FIRST_WORD`` bit (one cache lookup per distinct word for all three).
    """

    __slots__ = ("wtexts", "types", "rare", "title", "first", "_pos")

    def __init__(self, wtexts: list[str], flags: dict[str, int], flag_of) -> None:
        self.wtexts = wtexts
        self.types = dict.fromkeys(wtexts)
        self.rare: list[str] = []
        self.title: list[str] = []
        self.first: list[str] = []
        for w in self.types:
            f = flags.get(w)
            if f is None:
                f = flag_of(w)
            if f:
                if f & _RARE_WORD:
                    self.rare.append(w)
                if f & _TITLE_WORD:
                    self.title.append(w)
                if f & _FIRST_WORD:
                    self.first.append(w)
        self._pos: dict[str, list[int]] = {}

    def index(self, forms) -> None:
        """Find the positions of ``forms`` (words) in one pass over the text, for :meth:`positions`."""
        todo = {f for f in forms if f in self.types and f not in self._pos}
        if not todo:
            return
        pos = self._pos
        for f in todo:
            pos[f] = []
        for i, w in enumerate(self.wtexts):
            if w in todo:
                pos[w].append(i)

    def positions(self, forms) -> list[int]:
        """Sorted indices of the words written as one of ``forms``."""
        self.index(forms)
        pos = self._pos
        out = [i for f in forms if f in pos for i in pos[f]]
        out.sort()
        return out


def _strip_clitic(w: str, allowed: frozenset[str] = PROCLITICS) -> list[tuple[str, str]]:
    """Possible (prefix, rest) splits of a normalised word, no split first."""
    out = [("", w)]
    if w.startswith("لل") and len(w) > 4:
        out.append(("لل", "ال" + w[2:]))
    for n in (1, 2):
        if len(w) - n >= 3 and w[:n] in allowed:
            out.append((w[:n], w[n:]))
    return out


class EntityExtractor:
    """Fills ``doc.entities``.

    Args:
        settings: :class:`hadath.settings.Settings` (unused for now).

    The gazetteer, curated YAML files and (when present) the NER model are loaded once here.
    A missing model module or file is not an error: the stage then runs on the gazetteer and rules.

    Raises:
        FileNotFoundError: If the compiled gazetteer is missing.
    """

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.gaz = Gazetteer.load()
        inst = yaml.safe_load((DATA_DIR / "institutions.yaml").read_text("utf-8"))
        self.max_mod = int(inst.get("max_modifiers", 2))
        self.institutions: dict[tuple[str, ...], dict[str, Any]] = {}
        for it in inst["institutions"]:
            for form in it["ar"]:
                self.institutions[tuple(name_key(form).split())] = it
        self.inst_max = max(len(k) for k in self.institutions)
        self.inst_trailing = frozenset(name_key(w) for w in inst.get("trailing", []))
        self.place_heads: dict[tuple[str, ...], dict[str, Any]] = {}
        for it in inst.get("place_heads", []):
            for form in it["ar"]:
                self.place_heads[tuple(name_key(form).split())] = it
        tit = yaml.safe_load((DATA_DIR / "titles.yaml").read_text("utf-8"))
        self.titles: dict[tuple[str, ...], str | None] = {
            tuple(name_key(t["ar"]).split()): t.get("agent") for t in tit["titles"]}
        self.title_max = max(len(k) for k in self.titles)
        self._title_first = frozenset(k[0] for k in self.titles)
        self.cues = frozenset(name_key(c) for c in tit["cues"])
        self.particles = frozenset(name_key(p) for p in tit["particles"])
        self.first_names = frozenset(tuple(name_key(f).split()) for f in tit["first_names"])
        #: one-word compound names (عبدالعزيز) that may follow بن in a name chain
        self._compound = frozenset((f[0],) for f in self.first_names if len(f) == 1)
        self._chain_names = self.first_names | self._compound
        self.weak_first = frozenset((name_key(f),) for f in tit.get("weak_first_names", []))
        #: definite titles after which a one-word city/region is a person's name (rule person-honorific)
        self.honorifics = frozenset(tuple(name_key(h).split()) for h in tit.get("honorifics", []))
        self.place_object_verbs = frozenset(name_key(v) for v in tit.get("place_object_verbs", []))
        #: written forms (with a proclitic) of the one-word honorifics, titles or not (السيد، والسيدة)
        self.honorifics_first = frozenset(h[0] for h in self.honorifics)
        self._honor_forms = _clitic_forms({h[0] for h in self.honorifics if len(h) == 1})
        self._first_words = frozenset(f[0] for f in self.first_names | self.weak_first)
        pe = yaml.safe_load((DATA_DIR / "place_evidence.yaml").read_text("utf-8"))
        #: place-evidence gate (``ar/place_evidence.yaml``): frequent-word rank limit, cue words,
        #: names that are mostly words, and big cities that are mostly places
        self.pe_rank = int(pe["frequent_rank"])
        self.pe_strong = frozenset(name_key(w) for w in pe["strong_cues"])
        self.pe_weak = frozenset(name_key(w) for w in pe["weak_cues"])
        self.pe_words = frozenset(name_key(w) for w in pe["words"])
        self.pe_places = frozenset(name_key(w) for w in pe["places"])
        self.pe_heads = frozenset(name_key(w) for w in pe["heads"])
        self.pe_compound = frozenset(name_key(w) for w in pe["compound_first"])
        #: places of these countries take the conflict context of their sentence as country evidence
        self.pe_conflict_countries = frozenset(pe.get("conflict_countries", []))
        self.pe_conflict_cues = frozenset(name_key(w) for w in pe.get("conflict_cues", []))
        #: على before a place counts as a weak cue in a conflict sentence only (قصف على دوما)
        self.pe_conflict_weak = frozenset(name_key(w) for w in pe.get("conflict_weak_cues", []))
        #: names that need a strong cue or a dateline (صور "pictures" / Tyre)
        self.pe_strong_only = frozenset(name_key(w) for w in pe.get("strong_only", []))
        #: names that need a strong cue, a dateline, or a weak cue in a conflict sentence (الميادين)
        self.pe_conflict_only = frozenset(name_key(w) for w in pe.get("conflict_only", []))
        #: place names that are also kinship nouns (جدة "grandmother"), and definite person nouns
        #: ending like a nisba that still make them kinship nouns (جدة الضحية)
        self.pe_kin = frozenset(name_key(w) for w in pe.get("kin_words", []))
        self.pe_kin_nouns = frozenset(name_key(w) for w in pe.get("kin_nouns", []))
        self.pe_kin_place_nouns = frozenset(name_key(w) for w in pe.get("kin_place_nouns", []))
        self._head_forms = _clitic_forms(self.pe_heads)  # بلدة، وبمدينة ...
        sp = yaml.safe_load((DATA_DIR / "sub_places.yaml").read_text("utf-8"))
        #: rule ``sub-place`` (``ar/sub_places.yaml``): neighbourhood/street heads and container cues
        self.sp_strict = frozenset(name_key(w) for w in sp["strict_heads"])
        self.sp_soft = frozenset(name_key(w) for w in sp["soft_heads"])
        self.sp_fac = frozenset(name_key(w) for w in sp["facility_heads"])
        #: rule ``sub-place-name``: the unknown name after حي (heads, compound first words, stop words)
        self.sp_name_heads = _clitic_forms({name_key(w) for w in sp.get("name_heads", [])})
        self.sp_name_compound = frozenset(name_key(w) for w in sp.get("name_compound_first", []))
        self.sp_name_stop = frozenset(name_key(w) for w in sp.get("name_stop", []))
        self.sp_not_after = frozenset(name_key(w) for w in sp.get("not_after", []))
        self.sp_name_rank = int(sp.get("name_min_rank", 3000))
        self.sp_not_before = frozenset(name_key(w) for w in sp.get("not_before", []))
        self.sp_name_chain = frozenset(name_key(w) for w in sp.get("name_chain", []))
        alt = lambda ws: "|".join(map(re.escape, sorted({name_key(w) for w in ws}, key=len, reverse=True)))  # noqa: E731
        self._container_gap = re.compile("[ \t]+(?:و?(?:" + alt(sp["container_cues"]) + ")[ \t]*)?(?:(?:و?ب|ل)?(?:"
                                         + alt(sp["container_heads"]) + ")[ \t]+)?")
        #: month names (the times stage's ``months.yaml``, one source): a month + a number is a date,
        #: never a person (رجب 1436، 15 شعبان)
        self.months = self._load_months()
        rb = yaml.safe_load((DATA_DIR / "role_bodies.yaml").read_text("utf-8"))
        #: rule ``role-country`` (``ar/role_bodies.yaml``): bodies named in a role, host prepositions,
        #: words allowed between a title and a model person's name
        self.role_bodies = sorted(((tuple(name_key(ph).split()), g["cameo"]) for g in rb["bodies"] for ph in g["phrases"]),
                                  key=lambda t: -len(t[0]))
        self.role_hosts = frozenset(name_key(w) for w in rb["host_prepositions"])
        self.role_between = frozenset(name_key(w) for w in rb["between_words"])
        hy = yaml.safe_load((DATA_DIR / "homonyms.yaml").read_text("utf-8"))
        #: rule ``homonym`` (``ar/homonyms.yaml``): a name that is a country and a city/region
        self.hy_spellings = {_marks_key(f): reading for reading, forms in hy["spellings"].items() for f in forms}
        self.hy_city_before = frozenset(name_key(w) for w in hy["city_before"])
        self.hy_city_after = frozenset(name_key(w) for w in hy["city_after"])
        self.hy_capital_of = frozenset(name_key(w) for w in hy.get("capital_of", []))
        self.hy_regions: dict[str, frozenset[str]] = {}  # region word -> member countries
        for g in hy.get("regions", []):
            for w in g["words"]:
                self.hy_regions[name_key(w)] = self.hy_regions.get(name_key(w), frozenset()) | frozenset(g["countries"])
        nb = yaml.safe_load((DATA_DIR / "nisba.yaml").read_text("utf-8"))
        #: rule ``nisba-norp`` (``ar/nisba.yaml``): definite plural titles after which a plural nisba
        #: stays an adjective, and indefinite person nouns after which a singular nisba is a NORP
        self.nisba_officials = frozenset(name_key(w) for w in nb["official_plural_heads"])
        self.nisba_persons = frozenset(name_key(w) for w in nb["person_heads"])
        self.nisba_words = frozenset(name_key(w) for w in nb.get("word_after_noun", []))
        pm = yaml.safe_load((DATA_DIR / "place_modifiers.yaml").read_text("utf-8"))
        #: place-modifier filter (``ar/place_modifiers.yaml``): words that follow a place noun and are
        #: no name (عازلة، آمنة، حدودية، صناعية), and the place nouns themselves
        self.pm_words = frozenset(name_key(w) for g in pm["groups"] for w in g["words"])
        self.pm_heads = (frozenset(name_key(w) for w in pm.get("heads", [])) | self.pe_heads | self.pe_strong)
        stop = yaml.safe_load((DATA_DIR / "stopnames.yaml").read_text("utf-8"))
        forms = sorted({name_key(f) for f in stop.get("formulae", [])}, key=len, reverse=True)
        #: first words of the formulae: a text without any has no formula
        self._formula_first = frozenset(f.split()[0] for f in forms)
        self._formula_re = re.compile("(?<!\\w)(?:" + "|".join(
            "\\s+".join(re.escape(w) for w in f.split()) for f in forms) + ")(?!\\w)") if forms else None
        self.formula_words = frozenset(name_key(w) for w in stop.get("formula_words", []))
        nn = yaml.safe_load((DATA_DIR / "not_names.yaml").read_text("utf-8"))
        #: rule ``not-name`` (``ar/not_names.yaml``): fixed expressions (a proclitic allowed on the first
        #: word), function words, and the rank under which a model person's words are common words
        phrases = sorted({name_key(ph) for g in nn.get("fixed_expressions", []) for ph in g["phrases"]},
                         key=len, reverse=True)
        self._nn_first = _clitic_forms({ph.split()[0] for ph in phrases})
        self._nn_re = re.compile("(?<!\\w)(?:و|ف|ب|ل|وب|فب|ول)?(?:" + "|".join(
            "\\s+".join(re.escape(w) for w in ph.split()) for ph in phrases) + ")(?!\\w)") if phrases else None
        self.nn_function = frozenset(name_key(w) for w in nn.get("function_words", []))
        self.nn_rank = int(nn.get("common_rank", 3000))
        self.nn_evidence = frozenset(name_key(w) for w in nn.get("name_evidence_words", []))
        #: words that are never part of a person's name (ناسف: حزام ناسف is an explosive belt)
        self.not_person = frozenset(name_key(w) for w in stop.get("not_person_words", []))
        #: the media-head words with their clitics (بصحيفة، وقناة) and وزارة's forms
        self._media_forms = _clitic_forms(_MEDIA_HEADS)
        self._reporter_forms = _clitic_forms(_REPORTER_HEADS)
        self._ministry_forms = _clitic_forms(["وزاره"])
        #: per-word-type results of :meth:`_name_like` (bounded)
        self._name_like_cache: dict[str, bool] = {}
        self._key_cache: dict[str, str] = {}  # :meth:`_key`
        self._info_cache: dict[str, tuple] = {}  # :meth:`_key_info`
        self._country_in_cache: dict[str, str | None] = {}  # :meth:`_country_in`
        self._flags_cache: dict[str, int] = {}  # :meth:`_word_flags`
        #: frequent words and frequent definite words without their article (stems for :meth:`_name_candidate`)
        self._stems = frozenset(self.gaz.rank) | {w[2:] for w in self.gaz.rank if w.startswith("ال")}
        #: ISO alpha-3 -> its first country / nationality entry
        self._country_entry: dict[str, Any] = {}
        self._nationality_entry: dict[str, Any] = {}
        for e in self.gaz.entries:
            if e.kind == "country":
                self._country_entry.setdefault(e.country, e)
            elif e.kind == "nationality":
                self._nationality_entry.setdefault(e.country, e)
        self.model = None
        try:
            from hadath.extract.entities.ner_model import NerModel  # the NER model helper's module

            self.model = NerModel.load()
        except (ImportError, FileNotFoundError, OSError):
            self.model = None

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _load_months() -> frozenset[tuple[str, ...]]:
        """Normalised month names (tuples of words) of every series of ``extract/times/ar/months.yaml``
        (Gregorian: all regional series; Hijri); empty when the file is absent."""
        path = DATA_DIR.parents[1] / "times" / "ar" / "months.yaml"
        if not path.is_file():
            return frozenset()
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        out = set()
        for series in ("gregorian", "hijri"):
            for it in data.get(series, []) or []:
                for n in it.get("names", []):
                    words = tuple(name_key(str(n)).split())
                    if words and not any(ch.isdigit() for ch in words[-1]):
                        out.add(words)
        return frozenset(out)

    def _month_date(self, wtexts: list[str], a: int, b: int) -> bool:
        """True when words ``a..b`` start with a month name (a proclitic allowed) that a number
        follows or precedes: a date (رجب 1436، 15 شعبان، في مايو 2015), not a name."""
        if not self.months:
            return False
        n = len(wtexts)
        for ln in (2, 1):
            if a + ln > n:
                continue
            first = wtexts[a]
            for _p, rest in _strip_clitic(first):
                if (rest, *wtexts[a + 1:a + ln]) in self.months:
                    nxt = wtexts[a + ln] if a + ln < n else ""
                    prv = wtexts[a - 1] if a > 0 else ""
                    if any(ch.isdigit() for ch in nxt) or any(ch.isdigit() for ch in prv):
                        return True
        return False

    def _relaxed_name(self, w: str) -> bool:
        """A frequent word taken as the last part of a three-part name after a known first name and
        one name word (محمد جواد ظريف: ظريف "nice" ranks under :data:`NAME_RANK`): less frequent than
        ``NAME_RANK // 4``, no article (nor لل/وال ...), no verb prefix (ي ت ن: يواصل), no plural,
        pronoun or accusative ending (برنامجه، اعتبارا), no digit, not a role, place, stop-name or cue word."""
        if len(w) < 3 or w.startswith(("ال", "لل", "وال", "بال", "فال", "كال", "ي", "ت", "ن")):
            return False
        if w.endswith(("ون", "ين", "ات", "وا", "ه", "ها", "هم", "هما", "كم", "نا", "ا")):
            return False
        if any(ch.isdigit() for ch in w) or self.gaz.word_rank(w) < NAME_RANK // 4:
            return False
        if w in self.gaz.stop or w in self.cues or w in self.particles or w in self.gaz.agents or (w,) in self.titles:
            return False
        if w[:1] in "وبلفك" and self.gaz.word_rank(w[1:]) < 20000:
            return False
        return not any(self.gaz.entries[i].kind in _PLACE_KINDS for i in self.gaz.names.get(w, ()))

    def _is_title(self, words: list[str], i: int) -> int:
        """Length of the title starting at word ``i`` (clitic و/ف/ك/ب/ل allowed on it), 0 if none."""
        first = words[i]
        cands = [first]
        if first[:1] in "وفكبل" and len(first) > 3:
            cands.append(first[1:])
        cands = [c for c in cands if c in self._title_first]
        if not cands:
            return 0
        for n in range(min(self.title_max, len(words) - i), 0, -1):
            rest = tuple(words[i + 1:i + n])
            for c in cands:
                if (c, *rest) in self.titles:
                    return n
        return 0

    def _key_info(self, key: str) -> tuple[list, Any, float]:
        """Entries of a gazetteer key, its nationality-adjective entry (or None) and the confidence
        of a mention of it (0.9 when one referent, 0.75 when ambiguous); cached per key."""
        cache = self._info_cache
        r = cache.get(key)
        if r is None:
            if len(cache) >= CACHE_MAX:
                cache.clear()
            ents = self.gaz.lookup(key)
            adj = next((e for e in ents if e.kind == "nat_adj"), None)
            conf = 0.9 if len({x.uid for x in ents if x.kind not in ("nat_adj", "actor")}) <= 1 else 0.75
            r = cache[key] = (ents, adj, conf)
        return r

    def _key(self, s: str) -> str:
        """:func:`name_key` of ``s``, cached per string."""
        cache = self._key_cache
        r = cache.get(s)
        if r is None:
            if len(cache) >= CACHE_MAX:
                cache.clear()
            r = cache[s] = name_key(s)
        return r

    def _name_like(self, w: str) -> bool:
        """A word that may be part of a person's name: not frequent, not a clitic + ordinary word,
        not a role, place or nationality word, no pronoun suffix (سيطرتها). Cached per word."""
        cache = self._name_like_cache
        r = cache.get(w)
        if r is None:
            if len(cache) >= CACHE_MAX:
                cache.clear()
            r = cache[w] = self._name_like_uncached(w)
        return r

    def _name_like_uncached(self, w: str) -> bool:
        if w in self.gaz.stop or w in self.cues or len(w) < 2 or any(ch.isdigit() for ch in w) or w in self.not_person:
            return False  # (a number is no name part: رجب 1436)
        if w.startswith(("وال", "بال", "فال", "كال", "لل")) or w.endswith(_PRONOUN_SUFFIXES):
            return False
        if self._accusative_nisba(w) is not None:
            return False  # سعوديا: "Saudi" in the accusative (مواطنا سعوديا), no name
        if w.startswith("ال"):  # family names: nisba (العبادي) or rare definite words
            if self.gaz.word_rank(w) < (DEF_NAME_RANK if w.endswith("ى") else NAME_RANK):
                return False
        elif self.gaz.word_rank(w) < NAME_RANK:
            return False
        if w[:1] in "وبلفك" and not w.startswith("ال"):
            rest = w[1:]
            if len(rest) >= 2 and self.gaz.word_rank(rest) < 20000:
                return False
        bare = w[2:] if w.startswith("ال") else w
        if w in self.gaz.agents or bare in self.gaz.agents or (w,) in self.titles or (bare,) in self.titles:
            return False  # الملحق: a role
        kinds = _PLACE_KINDS if not w.startswith("ال") else _PLACE_KINDS - {"city", "region"}
        if any(self.gaz.entries[i].kind in kinds for i in self.gaz.names.get(w, ())):
            return False  # طنجة: a place (a definite family name such as الشبلي may be a town too)
        return True

    # ------------------------------------------------------------------ main
    def __call__(self, state: Any) -> None:
        """Fill ``state.doc.entities`` and put the mention index in ``state.scratch["entities"]``."""
        doc = state.doc
        norm = state.norm
        text = norm.text
        if not text.strip():
            return
        date = None
        if state.reference_time is not None:
            rt = state.reference_time
            date = rt.year * 10000 + rt.month * 100 + rt.day
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        wstarts = [w[0] for w in words]
        wtexts = [w[2] for w in words]
        index = self._word_index(wtexts)
        # one pass finds the words most rules look for
        index.index([*index.rare, *index.title, *index.first, *self._media_forms.intersection(index.types),
                     *self._ministry_forms.intersection(index.types)])

        def word_at(pos: int) -> int:
            return bisect.bisect_right(wstarts, pos) - 1

        matches = self.gaz.match(text)
        infos = [self._key_info(m.key) for m in matches]
        common = [self._common_place(text, m, info[0]) for m, info in zip(matches, infos)]
        sub = self._sub_place_matches(text, matches, infos)
        # country evidence from names that are no ordinary words (ينقل gives no Oman), nor places inside
        # another place (حي صلاح الدين بمدينة حلب gives no Iraq), nor a nisba family name after a first
        # name (اللواء منصور التركي gives no Turkey)
        countries = doc_countries([info[0] for mi, (info, c) in enumerate(zip(infos, common))
                                   if not c and mi not in sub and not self._family_nisba(text, matches[mi], info[0])])
        # a named district picks its city among homonyms (باب التبانة: Tripoli, Lebanon)
        within = {x.within for mi, info in enumerate(infos) if mi not in sub for x in info[0][:1] if x.within}
        # a reading named unambiguously (التحالف العربي، التحالف الذي تقوده السعودية) decides the shared
        # names of the same document (قوات التحالف) unless the other reading's countries are named
        decided = set()
        for info in infos:
            ctx = [x for x in info[0] if x.context]
            if len(ctx) == 1 and info[0][0] is ctx[0]:
                decided.add(ctx[0].uid)
        list_kinds = self._list_kinds(text, matches, infos)
        head = (doc.metadata or {}).get("headline") if isinstance(doc.metadata, dict) else None
        head_span = (bisect.bisect_left(norm.starts, head["start"]), bisect.bisect_left(norm.starts, head["end"])) \
            if isinstance(head, dict) and isinstance(head.get("start"), int) else None
        homonyms = self._homonyms(doc.text, norm, text, matches, infos, common, sub, list_kinds, head_span)
        acc_nisbas = self._accusative_nisbas(text, words, wtexts)
        mentions: list[Mention] = []
        adj_hits: list[tuple[Match, str]] = []
        raw = doc.text
        has_tanween = _TANWEEN.search(raw) is not None
        for mi, (m, (ents, adj, confidence)) in enumerate(zip(matches, infos)):
            if not ents:
                continue  # a blocking phrase (مسقط رأسه)
            if has_tanween and " " not in m.key and _TANWEEN.search(raw, *norm.raw_span(m.start, m.end)):
                continue  # دورًا، دومًا: a word with tanween is an adverb or indefinite noun, not a name
            if not m.prefix and (m.start, m.end) in acc_nisbas:
                continue  # صحفيا ليبيا: an accusative nisba, not the country (rule nisba-norp, below)
            if adj is not None:
                adj_hits.append((m, adj.country))
            if mi in sub:
                sm = self._sub_place_mention(m, ents, sub[mi], matches, infos, countries)
                if sm is not None:
                    mentions.append(sm)
                    continue
            if decided:
                ctx = [x for x in ents if x.context]
                if len(ctx) > 1 and sum(x.uid in decided for x in ctx) == 1 and not any(
                        countries.get(c) for x in ctx if x.uid not in decided for c in x.context):
                    # (unless the other reading's countries are named too: a round-up with the Saudi-led
                    # coalition in Yemen and the US-led one in Syria keeps both)
                    ents = [x for x in ents if not x.context or x.uid in decided]
            if within:
                near = [x for x in ents if x.kind in ("city", "region") and x.geonames in within]
                if near:
                    ents = near + [x for x in ents if x.kind in ("nat_adj", "actor")]
            if adj is not None and not m.prefix and " " not in m.key and (
                    self._prev_word(text, m.start) in self.nisba_persons):
                # rule nisba-norp: مسؤول عماني، سيدة سورية: a singular nisba after a person noun
                ne = self._nationality_entry.get(adj.country)
                if ne is not None:
                    mentions.append(Mention(m.start, m.end, "NORP", m.key, entry=ne, source="gazetteer",
                                            rule="nisba-norp", confidence=0.8, cameo=adj.country))
                continue
            hm = homonyms.get(mi)
            m_end = m.end
            if hm is not None:  # rule homonym (ar/homonyms.yaml): عمان Oman or Amman, تونس العاصمة
                reading, _why, m_end, city_country = hm
                pool = [x for x in ents if x.kind in (("country",) if reading == "country" else ("city", "region"))]
                if city_country and any(x.country == city_country for x in pool):
                    pool = [x for x in pool if x.country == city_country]  # العاصمة الأردنية عمان
                e = choose(pool, countries)
            else:
                e = choose(ents, countries)
            if e is None:
                continue
            soft = False
            # (a place of a list shares its neighbour's cue when it lies in the same country)
            listed = (bool(mentions) and self._listed_after(text, mentions[-1], m) and mentions[-1].entry is not None
                      and mentions[-1].entry.country == e.country)
            if e.kind in ("city", "region") and " " not in m.key and m.key in self.pe_kin and not self._kin_ok(
                    raw, norm, text, m, mentions):
                continue  # تعيش جدة الطفل: جدة + a definite noun is "the grandmother of" (rule place-evidence)
            if e.kind in ("city", "region") and " " not in m.key and m.key not in self.pe_places:
                cue = self._place_cue(text, m)
                if cue == "conflict":  # على: a cue for a war-zone place in a conflict sentence only
                    cue = "weak" if e.country in self.pe_conflict_countries and self._conflict_context(text, m) else None
                if cue in (None, "clitic") and (listed or self._listed_before(text, m, e, mi, matches, infos, common)):
                    cue = "weak"  # في الضالع وعمران، زار حماة وحمص: a place of a list shares the list's cue
                if common[mi] and not self._cue_ok(m.key, cue, e, countries, text, m):
                    continue  # rule place-evidence: ينقل، مشهد الدمار، عشاق: ordinary words
                soft = cue is None and e.population < 1_000_000  # a big city is no name part (وارسو)
            if (e.kind == "city" and m.prefix and m.prefix != "لل" and " " not in m.key and not listed
                    and self.gaz.word_rank(m.key) >= len(self.gaz.rank)
                    and not (e.population >= 1_000_000 and e.country in countries)):
                continue  # فصيلة = ف + صيلة? a rare town behind a clitic is most likely a word (not in a list of places)
            if adj is not None and e.kind == "actor":
                continue  # an adjective (سوري، تركي) that the actor dictionary lists as a name
            if e.kind == "nationality" and not m.prefix and self._prev_word(text, m.start) in self.nisba_officials:
                continue  # المسئولون الأتراك: after an official's title the plural stays an adjective (rule nisba-norp)
            if m.key in self.nisba_words and not m.prefix and self._noun_before(text, m):
                continue  # مشتقات الألبان: dairy, not Albanians (rule nisba-norp)
            label = e.label
            restored = None
            if m.prefix == "لل":
                restored = "ال" + doc.text[slice(*norm.raw_span(m.start + 1, m.end))][1:]
            code = cameo_at(e.cameo, date)  # (a plain code or None as it is)
            if e.kind != "actor":  # the actor code of the chosen reading's country only (طرابلس: LBN or LBY)
                ac = actor_code(ents, date, e.country if e.kind in ("country", "city", "region") else None)
                if ac and not (isinstance(code, str) and len(code) > len(ac) and code.startswith(ac)):
                    code = ac  # (a hand-kept code that refines the dictionary's stays: IGOUNO, not IGO)
            mentions.append(Mention(m.start, m_end, label, m.key, entry=e, source="gazetteer",
                                    rule=f"homonym:{hm[1]}" if hm is not None else f"gazetteer:{e.kind}",
                                    confidence=confidence,
                                    cameo=code, restored=restored, soft=soft))

        for (a, b), (key, ne) in acc_nisbas.items():  # rule nisba-norp: صحفيا ليبيا، مواطنا سعوديا
            mentions.append(Mention(a, b, "NORP", key, entry=ne, source="gazetteer", rule="nisba-norp",
                                    confidence=0.8, cameo=ne.country))
        roles: list[tuple[int, int, str | None, str | None]] = []  # (start, end, country, agent)
        self._institutions(text, words, wtexts, word_at, adj_hits, mentions, roles)
        self._place_heads(text, words, wtexts, word_at, mentions)
        self._quoted_media(text, words, wtexts, word_at, mentions)
        self._media_heads(text, words, wtexts, mentions, index)
        self._reporter_outlets(words, wtexts, mentions, index, date)
        tanween = set()
        for tm in _TANWEEN.finditer(raw):  # rare: map each tanween back to the word that carries it
            k = bisect.bisect_right(norm.starts, tm.start()) - 1
            if k >= 0:
                tanween.add(word_at(k))
        self._persons(text, words, wtexts, word_at, mentions, roles, date, tanween, raw, norm.raw_span, index)
        excluded = self._excluded_spans(state, norm)
        if self.model is not None:
            self._model_mentions(state, norm, mentions, countries, excluded, words, index)
        self._soft_places_by_people(text, mentions)
        self._head_names(text, words, wtexts, mentions, countries)
        self._hay_names(text, words, wtexts, mentions, index)
        self._sub_place_spans(text, mentions, countries)
        if self._formula_re is not None and not self._formula_first.isdisjoint(index.types):
            # ولله الحمد، إن شاء الله: formulae are never names
            formulae = [(fm.start(), fm.end()) for fm in self._formula_re.finditer(text)]
            if formulae:
                mentions[:] = [m for m in mentions if m.source == "gazetteer" and m.entry is not None
                               and m.entry.kind in ("country", "curated", "city", "region")
                               or not any(m.start < fe and fs < m.end for fs, fe in formulae)]
        self._not_names(text, words, wtexts, mentions, index)
        tspans = self._time_spans(state, norm)
        if tspans:  # a date the times stage found (رجب 1436، 15 شعبان) is never a person or organisation
            mentions[:] = [m for m in mentions if m.label not in ("PER", "ORG") or not any(
                s <= m.start and m.end <= e or (m.start < e and s < m.end and self._starts_with_month(m.key))
                for s, e in tspans)]
        if excluded:  # authors in the byline (كتبت- هدى الشيمي) are metadata; boilerplate is no article text
            mentions[:] = [m for m in mentions if not any(
                m.start < e and s < m.end and (m.label == "PER" or kind == "boilerplate") for s, e, kind in excluded)]
        # a known person after بن/ابن/بنت is that person's son or daughter, not them: "محمد بن سلمان بن
        # عبدالعزيز" is no mention of King Salman (rule nasab)
        mentions[:] = [m for m in mentions if not (m.label == "PER" and m.entry is not None and _after_nasab(text, m.start))]
        self._anaphors(text, words, mentions, index)
        self._surnames(words, mentions, index)
        self._ministries(text, words, wtexts, mentions, countries, index)
        # a city or region read as (part of) a person's name (الملكة صوفيا، بول بيا) is no evidence of
        # the article's country: "زارت الملكة صوفيا بلغاريا" is not an article about Bulgaria twice over
        people = [x for x in mentions if x.label == "PER"]
        if people:
            inside = bytearray(len(text) + 1)  # 1 where a person's name lies
            for x in people:
                inside[x.start:x.end] = b"\x01" * (x.end - x.start)
            named = doc_countries([[e for e in info[0] if e.kind in ("city", "region")]
                                   for mi, (m, info, c) in enumerate(zip(matches, infos, common))
                                   if inside[m.start] and inside[m.end - 1] and not c and mi not in sub])
            if named:
                countries = countries - named
        dominant = countries.most_common(1)[0][0] if countries and countries.most_common(1)[0][1] >= 2 else None
        doc.entities = self._entities(doc, norm, mentions, roles, dominant)
        state.scratch["entities"] = doc.entities

    def _common_place(self, text: str, m: Match, ents) -> bool:
        """True when a one-word match names a city/region only and is also a frequent word (its
        key or its clitic+key word ranks under ``frequent_rank``, or it is listed in ``words`` of
        ``ar/place_evidence.yaml``), and is not one of the listed big cities."""
        key = m.key
        if " " in key or key in self.pe_places:
            return False
        kinds = {e.kind for e in ents if e.kind not in ("nat_adj", "actor")}
        if not kinds or not kinds <= {"city", "region"}:
            return False
        if key in self.pe_words:
            return True
        lim = self.pe_rank
        if self.gaz.word_rank(key) < lim:
            return True
        if m.prefix and m.prefix != "لل":
            return self.gaz.word_rank(text[m.start - len(m.prefix):m.end]) < lim
        return False

    def _cue_ok(self, key: str, cue: str | None, e: Any, countries: Counter, text: str = "",
                m: Match | None = None) -> bool:
        """Whether a frequent-word place name has enough evidence (see ``ar/place_evidence.yaml``).

        ``cue`` is :meth:`_place_cue`'s answer. A name of ``words`` needs a strong cue or a dateline,
        or a weak cue (a ``"clitic"`` ب written on the name is none: بحجة "on the pretext") with its
        country named in the document or, for a place of ``conflict_countries``, a ``conflict_cues``
        word in the sentence of ``m`` (a match in the normalised ``text``); another name needs a cue
        or its country named."""
        has_country = bool(countries.get(e.country or ""))
        if cue == "conflict":  # قصف على دوما: على counts as a weak cue in a conflict sentence only
            cue = "weak" if (m is not None and e.country in self.pe_conflict_countries
                             and self._conflict_context(text, m)) else None
        if key in self.pe_strong_only:
            return cue in ("strong", "dateline")
        if key in self.pe_conflict_only:  # الميادين "the squares": its country named is not enough
            return cue in ("strong", "dateline") or (cue == "weak" and m is not None and e.country in
                                                     self.pe_conflict_countries and self._conflict_context(text, m))
        if key in self.pe_words:
            return cue in ("strong", "dateline") or (cue == "weak" and (has_country or (
                m is not None and e.country in self.pe_conflict_countries and self._conflict_context(text, m))))
        return cue is not None or has_country

    def _listed_before(self, text: str, m: Match, e: Any, mi: int, matches: list[Match], infos, common) -> bool:
        """True when match ``m`` (index ``mi``, chosen reading ``e``) opens a coordinated list whose
        next place, written with و right after it, is a place of the same country that needs no
        evidence (a big city of ``places`` or no frequent word): زار الوزير حماة وحمص."""
        if mi + 1 >= len(matches):
            return False
        nx = matches[mi + 1]
        if not nx.prefix.startswith("و") or text[m.end:nx.start - len(nx.prefix)].strip():
            return False
        if common[mi + 1] and nx.key not in self.pe_places:
            return False
        return any(x.kind in ("city", "region") and x.country == e.country for x in infos[mi + 1][0])

    def _family_nisba(self, text: str, m: Match, ents) -> bool:
        """True for a one-word nationality adjective right after a first name of ``titles.yaml``: a family
        name (منصور التركي، محمد المصري), no evidence of the document's country."""
        if " " in m.key or m.prefix or not ents or any(e.kind not in ("nat_adj", "nationality") for e in ents):
            return False
        prev = _PREV_WORD.search(text, max(0, m.start - 40), m.start)  # (the word before: a short window)
        return prev is not None and (name_key(prev.group(1)),) in self.first_names

    def _kin_ok(self, raw: str, norm: Any, text: str, m: Match, mentions: list[Mention]) -> bool:
        """For a place name that is also a kinship noun (``kin_words`` of ``ar/place_evidence.yaml``:
        جدة "grandmother"): False when it is written with ه (جده "his grandfather") or is followed by
        a definite noun (جدة الطفل) that is no place modifier or nisba (جدة التاريخية) nor a noun of a
        meeting or event (``kin_place_nouns``: استضافت جدة القمة) without a place cue before it or
        another mention of the place before it."""
        a, b = norm.raw_span(m.start, m.end)
        if raw[b - 1:b] == "ه":
            return False
        if "ب" in m.prefix:
            return True  # بمركز الأسنان بجدة: "in Jeddah"
        nm = re.match(r"[ \t]+([^\W_]+)", text[m.end:m.end + 40])
        if not nm or not nm.group(1).startswith("ال") or self._place_cue(text, m) in ("strong", "weak", "dateline"):
            return True
        w = nm.group(1)
        if w in self.pm_words or w[2:] in self.pm_words or (w.endswith(("يه", "ى")) and w not in self.pe_kin_nouns):
            return True
        if name_key(w) in self.pe_kin_place_nouns:
            return True  # استضافت جدة القمة: a meeting has no grandmother
        return any(x.key == m.key and x.label in ("GPE", "LOC") for x in mentions)

    @staticmethod
    def _listed_after(text: str, prev: Mention, m: Match) -> bool:
        """True when match ``m`` follows the gazetteer place ``prev`` in one coordinated list: only
        spaces or a comma between them, and ``m`` written with و (في الضالع وعمران، حجة)."""
        if prev.source != "gazetteer" or prev.label not in ("GPE", "LOC") or prev.end > m.start:
            return False
        ws = m.start - (len(m.prefix) if m.prefix != "لل" else 0)
        gap = text[prev.end:ws].strip()
        return (gap in ("", "،", ",") and m.prefix.startswith("و")) or (gap in ("،", ",") and not m.prefix)

    def _conflict_context(self, text: str, m: Match) -> bool:
        """True when the sentence of match ``m`` (normalised ``text``) holds a ``conflict_cues`` word
        of ``ar/place_evidence.yaml`` (غارات، قصف، اشتباكات، الحوثيين ...), a proclitic allowed."""
        a = max((text.rfind(ch, 0, m.start) for ch in ".!؟?\n"), default=-1) + 1
        bm = _SENT_BREAK.search(text, m.end)
        b = bm.start() if bm else len(text)
        cues = self.pe_conflict_cues
        return any(rest in cues for w in _WORD.findall(text, a, b) for _p, rest in _strip_clitic(w))

    def _place_evidence(self, text: str, m: Match, ents, e: Any, countries: Counter) -> bool:
        """True unless ``m`` is a frequent-word place name without evidence (:meth:`_cue_ok`)."""
        if not self._common_place(text, m, ents):
            return True
        return self._cue_ok(m.key, self._place_cue(text, m), e, countries, text, m)

    def _place_cue(self, text: str, m: Match) -> str | None:
        """Evidence right around a place name: ``"strong"`` (مدينة/بلدة/محافظة ... before it),
        ``"dateline"`` (the name opens a line and a dash or bracket follows), ``"weak"`` (في، إلى
        ... before it), ``"clitic"`` (a ب proclitic on it: بحلب), or None."""
        ws = m.start - (len(m.prefix) if m.prefix != "لل" else 0)
        ls = text.rfind("\n", 0, ws) + 1
        if not text[ls:ws].strip() and re.match(r"\s*[-–—(/:]", text[m.end:m.end + 4]):
            return "dateline"
        pm = re.search(r"([^\W_]+)[ \t]*$", text[max(0, ws - 30):ws])
        if pm:
            for _p, rest in _strip_clitic(pm.group(1)):
                if rest in self.pe_strong:
                    return "strong"
            for _p, rest in _strip_clitic(pm.group(1)):
                if rest in self.pe_weak:
                    return "weak"
            if pm.group(1) in self.pe_conflict_weak:
                return "conflict"
        if "ب" in m.prefix:
            return "clitic"
        return None

    def _list_kinds(self, text: str, matches: list[Match], infos) -> dict[int, str]:
        """Places of one list share a kind: for a name that is a country and a city (عمان: Oman /
        Amman), the kind (``"city"`` or ``"country"``) of its coordinated neighbours ("القاهرة ودمشق
        وبغداد وعمان" -> city; "الكويت والبحرين وعمان" -> country). Returns match index -> kind for the
        ambiguous names whose neighbours agree."""
        def kind(i: int) -> str | None:
            ks = {e.kind for e in infos[i][0] if e.kind not in ("nat_adj", "actor")}
            if ks and ks <= {"city", "region"}:
                return "city"
            if ks and ks <= {"country", "curated"} and any(e.kind == "country" or e.label == "GPE" and e.country
                                                          for e in infos[i][0]):
                return "country" if "country" in {e.kind for e in infos[i][0]} or all(
                    e.geonames is None for e in infos[i][0]) else None
            return None

        out: dict[int, str] = {}
        for i, m in enumerate(matches):
            ks = {e.kind for e in infos[i][0]}
            if not ("country" in ks and ks & {"city", "region"}):
                continue
            votes = []
            for j in (i - 1, i + 1):
                if not 0 <= j < len(matches):
                    continue
                a, b = (matches[j], m) if j < i else (m, matches[j])
                gap = text[a.end:b.start - (len(b.prefix) if b.prefix != "لل" else 0)]
                if gap.strip() in ("", "،", ",") and (b.prefix[:1] == "و" or gap.strip()):
                    k = kind(j)
                    if k:
                        votes.append(k)
            if votes and len(set(votes)) == 1:
                out[i] = votes[0]
        return out

    def _homonyms(self, raw: str, norm: Any, text: str, matches: list[Match], infos, common, sub,
                  list_kinds: dict[int, str], headline: tuple[int, int] | None = None
                  ) -> dict[int, tuple[str, str, int, str | None]]:
        """Rule ``homonym`` (``ar/homonyms.yaml``): the reading of each name that is a country and a
        city/region (عمان: Oman / Amman; تونس: Tunisia / Tunis).

        Args:
            raw: The document text (raw code points: vowel marks are read there).
            norm: Its :class:`~hadath.text.normalize.Normalized` (for raw spans).
            text: The normalised text.
            matches, infos, common, sub: The gazetteer matches, their :meth:`_key_info`, their
                frequent-word flags and the sub-place matches (neither gives country evidence).
            list_kinds: :meth:`_list_kinds` (a coordinated list's kind).
            headline: Normalised span of the document's headline (``metadata.headline``), or None: a
                name there is never a dateline (الجزائر: بوتفليقة يقيل ثلاثة وزراء).

        Returns:
            Match index -> ``(reading, reason, end, city country)``: reading ``"city"`` or
            ``"country"``; reason ``spelling``, ``capital``, ``dateline``, ``list``, ``sentence`` or
            ``document`` (see the YAML file for the order); ``end`` the normalised end of the mention
            (past a following العاصمة); ``city country`` the ISO alpha-3 named between a capital cue
            and the name (العاصمة الأردنية عمان: JOR), else None. Undecided names are left out.
        """
        cand = [i for i, info in enumerate(infos)
                if any(e.kind == "country" for e in info[0]) and any(e.kind in ("city", "region") for e in info[0])]
        if not cand:
            return {}
        out: dict[int, tuple[str, str, int, str | None]] = {}
        for i in cand:
            m = matches[i]
            a, b = norm.raw_span(m.start, m.end)
            sp = _marks_key(raw[a:b])
            reading = next((r for f, r in self.hy_spellings.items() if f in sp), None)
            if reading is not None:
                out[i] = (reading, "spelling", m.end, None)
                continue
            cap = self._capital_cue(text, m)
            if cap is not None:
                out[i] = ("city", "capital", cap[0], cap[1])
                continue
            if self._dateline(text, m) and not (headline and headline[0] <= m.start < headline[1]):
                out[i] = ("city", "dateline", m.end, None)
                continue
            if i in list_kinds:
                out[i] = (list_kinds[i], "list", m.end, None)
        # the countries each match names unambiguously (as for the document's evidence)
        named: list[str | None] = []
        for i, info in enumerate(infos):
            cs = {e.country for e in info[0] if e.country}
            named.append(cs.pop() if len(cs) == 1 and not common[i] and i not in sub and i not in cand else None)
        for i in cand:
            if i in out:
                continue
            ents = infos[i][0]
            c_country = {e.country for e in ents if e.kind == "country"}
            c_city = {e.country for e in ents if e.kind in ("city", "region")}
            if c_country == c_city:
                continue  # تونس: both readings in one country, the sentence cannot tell them apart
            m = matches[i]
            sa = max((text.rfind(ch, 0, m.start) for ch in ".!؟?\n"), default=-1) + 1
            bm = _SENT_BREAK.search(text, m.end)
            sb = bm.start() if bm else len(text)
            here: Counter = Counter(named[j] for j, x in enumerate(matches) if sa <= x.start < sb and named[j])
            for w in _WORD.findall(text, sa, sb):
                for _p, rest in _strip_clitic(w):
                    for c in self.hy_regions.get(rest, ()):
                        here[c] += 1
            for_country = any(here.get(c) for c in c_country - c_city)
            for_city = any(here.get(c) for c in c_city - c_country)
            if for_country != for_city:
                out[i] = ("country" if for_country else "city", "sentence", m.end, None)
        # a reading decided by its own spelling, a capital cue or a dateline holds for the name's bare
        # mentions elsewhere in the document, when all such decisions agree and the readings lie in two
        # countries (a dateline عمان is Amman, so the article is about Jordan; a dateline تونس puts
        # the reporter in Tunis and says nothing of "تونس تنفي", the country)
        firm: dict[str, set[str]] = {}
        for i, (reading, why, _e, _c) in out.items():
            if why in ("spelling", "capital", "dateline"):
                firm.setdefault(matches[i].key, set()).add(reading)
        for i in cand:
            ents = infos[i][0]
            two = {e.country for e in ents if e.kind == "country"} != {e.country for e in ents if e.kind in ("city", "region")}
            if i not in out and two and len(firm.get(matches[i].key, ())) == 1:
                out[i] = (next(iter(firm[matches[i].key])), "document", matches[i].end, None)
        return out

    def _capital_cue(self, text: str, m: Match) -> tuple[int, str | None] | None:
        """``(mention end, city country)`` when a city cue of ``ar/homonyms.yaml`` stands right before
        match ``m`` (up to two nationality adjectives or country names between: العاصمة الأردنية عمان,
        whose country is returned) or right after it (تونس العاصمة: the end moves past it); else None."""
        after = re.match(r"[ \t]+([^\W_]+)", text[m.end:m.end + 20])
        if after and after.group(1) in self.hy_city_after and not m.prefix.startswith("و"):
            return m.end + after.end(), None
        ws = m.start - (len(m.prefix) if m.prefix != "لل" else 0)
        before = _WORD.findall(text, max(0, ws - 60), ws)
        if text[max(0, ws - 60):ws].rstrip() and not re.search(r"[^\W_][ \t]+$", text[max(0, ws - 60):ws]):
            return None  # punctuation right before the name
        country = None
        for k in range(len(before) - 1, max(-1, len(before) - 4), -1):
            w = before[k]
            if any(rest in self.hy_city_before for _p, rest in _strip_clitic(w)):
                return m.end, country
            if country is not None and any(rest in self.hy_capital_of for _p, rest in _strip_clitic(w)):
                return m.end, country  # عاصمة الأردن عمان (but مسقط عاصمة عمان is Oman's)
            ents = self.gaz.lookup(w)
            cs = {e.country for e in ents if e.kind in ("nat_adj", "country", "nationality") and e.country}
            if len(cs) != 1:
                return None
            country = country or cs.pop()
        return None

    @staticmethod
    def _dateline(text: str, m: Match) -> bool:
        """True when match ``m`` is a dateline's place, on a short line of its own (at most five
        words): it opens the line and a dash, colon, slash or bracket follows (``عمان - بترا:``,
        ``عمان: محمد الدعمه``), or it closes the line after a dash (``واس- عمان``). A headline
        (``الجزائر: مقتل تسعة جنود وإصابة ...``) is no dateline."""
        ws = m.start - (len(m.prefix) if m.prefix != "لل" else 0)
        ls = text.rfind("\n", 0, ws) + 1
        head = text[ls:ws]
        le = text.find("\n", m.end)
        tail = text[m.end:le if le >= 0 else len(text)]
        if len(_WORD.findall(head)) + len(_WORD.findall(tail)) + len(m.key.split()) > 5:
            return False
        if not head.strip() and not m.prefix and re.match(r"[ \t]*[-–—(/:]", tail):
            return True
        return (not tail.strip(" \t:.") and re.search(r"[-–—][ \t]*$", head) is not None
                and len(_WORD.findall(head)) <= 3)

    def _head_names(self, text: str, words, wtexts: list[str], mentions: list[Mention], countries: Counter) -> None:
        """Rule ``place-head-name``: the full place name after a place head (``ar/place_evidence.yaml``).

        "بلدة تل حلف" -> تل حلف (a compound first word such as تل/عين/رأس takes the next word);
        "منطقة أصفر ونجار" -> أصفر and نجار (coordinated rare words, the و outside the span). A
        lone rare word after a head is kept as the place only where a place mention already starts
        there. Spans replace the model's or gazetteer's partial place spans there.
        """
        n = len(words)
        hf = self._head_forms
        heads = [i for i, w in enumerate(wtexts) if w in hf and i + 1 < n]
        if not heads:
            return
        lim = self.pe_rank

        def gap_ok(k: int) -> bool:  # no punctuation between word k-1 and word k
            return not text[words[k - 1][1]:words[k][0]].strip()

        def rare(w: str) -> bool:
            return (self.gaz.word_rank(w) >= lim or self._name_candidate(w)) and not w.startswith("ال") and not (
                w.endswith(("يه", "ى")) or w in self.gaz.stop or self._modifier_only(w))

        def name_at(k: int, off: int) -> tuple[int, int, bool] | None:
            """(first word, last word, compound) of a name starting at word k (``off`` letters of
            proclitic skipped), or None."""
            w = wtexts[k][off:]
            if w in self.pe_compound and k + 1 < n and gap_ok(k + 1) and self.gaz.word_rank(wtexts[k + 1]) >= 200:
                return (k, k + 1, True)
            if rare(w):
                return (k, k, False)
            return None

        dominant = countries.most_common(1)[0][0] if countries else None
        for i in heads:
            j = i + 1
            if not gap_ok(j) or wtexts[j].startswith("و"):
                continue
            first = name_at(j, 0)
            if first is None:
                continue
            spans = [(words[j][0], words[first[1]][1], first)]
            k = first[1] + 1
            strict = any(rest in self.sp_strict for _p, rest in _strip_clitic(wtexts[i]))
            if k < n and gap_ok(k) and wtexts[k].startswith("و") and len(wtexts[k]) > 3 and not strict:
                # (after حي no split: حي نورث ويست is one name)
                second = name_at(k, 1)
                if second is not None:
                    spans.append((words[k][0] + 1, words[second[1]][1], second))
            if len(spans) == 1 and not first[2]:
                a, b = spans[0][0], spans[0][1]
                if not any(x.start == a and x.label in ("GPE", "LOC") for x in mentions):
                    continue  # a lone rare word: only where a place reading starts already
            for a, b, _nm in spans:
                over = [x for x in mentions if a < x.end and x.start < b]
                if any(x.label not in ("GPE", "LOC") for x in over):
                    continue  # a person or organisation there
                if any(x.start == a and x.end == b for x in over):
                    continue  # already the full name
                if any(x.entry is not None and not x.soft and x.source == "gazetteer" and not (a <= x.start and x.end <= b)
                       for x in over):
                    continue
                key = " ".join(_WORD.findall(text[a:b]))
                ents = self.gaz.lookup(key)
                e = choose(ents, countries) if ents else None
                for x in over:
                    mentions.remove(x)
                country = e.country if e is not None else dominant
                mentions.append(Mention(a, b, "GPE", key, entry=e, source="rule", rule="place-head-name",
                                        confidence=0.6, country=country, cameo=country))

    def _soft_places_by_people(self, text: str, mentions: list[Mention]) -> None:
        """A soft place word (no cue before it) right before a person's name, or right after a
        one-word name or a known first name, belongs to the name (بول بيا، جان بول، أندرو اكسوم): the
        place reading is dropped and the person span takes the word. After a full name it stays a
        place (زار الملك عبدالله الثاني عمان)."""
        soft = [m for m in mentions if m.soft and m.label in ("GPE", "LOC")]
        if not soft:
            return
        people = [m for m in mentions if m.label == "PER"]
        for s in soft:
            for p in people:
                if p.end <= s.start and not text[p.end:s.start].strip() and " " not in p.key:
                    p.end, p.key = s.end, f"{p.key} {s.key}"
                elif s.end <= p.start and not text[s.end:p.start].strip():
                    p.start, p.key = s.start, f"{s.key} {p.key}"
                else:
                    continue
                mentions.remove(s)
                break
            else:
                pm = re.search(r"([^\W_]+)[ \t]*$", text[max(0, s.start - 30):s.start])
                if pm and pm.group(1) in self._first_words:
                    mentions.remove(s)  # a known first name before it: جان بول

    def _noun_before(self, text: str, m: Match) -> bool:
        """True when a word stands before match ``m`` in the same phrase that is no function word
        (SaudiNewsNet rank under 60) nor a speech cue (قال): a noun governing ``word_after_noun`` of
        ``ar/nisba.yaml`` (مشتقات الألبان، مصنع ألبان)."""
        w = self._prev_word(text, m.start)
        return bool(w) and self.gaz.word_rank(w) >= 60 and w not in self.cues

    def _accusative_nisba(self, w: str) -> tuple[str, Any] | None:
        """``(adjective key, nationality entry)`` when normalised word ``w`` is the indefinite
        accusative of a singular nisba (ليبيا = ليبي + ا, سعوديا = سعودي + ا), else None."""
        if len(w) < 5 or not w.endswith("يا"):
            return None
        key = w[:-2] + "ى"
        adj = next((e for e in self.gaz.lookup(key) if e.kind == "nat_adj"), None)
        if adj is None:
            return None
        ne = self._nationality_entry.get(adj.country)
        return (key, ne) if ne is not None else None

    def _accusative_nisbas(self, text: str, words, wtexts: list[str]) -> dict[tuple[int, int], tuple[str, Any]]:
        """Rule ``nisba-norp`` in the accusative: a word that is a singular nisba + the accusative ا
        (ليبيا، سعوديا، تركيا) right after the accusative of a person noun of ``person_heads``
        (صحفيا، مواطنا، طفلا) is a nationality modifier (``صحفيا ليبيا``: a Libyan journalist), never
        the country of the same spelling nor a person's name. Returns normalised ``(start, end)`` ->
        ``(adjective key, nationality entry)``."""
        out: dict[tuple[int, int], tuple[str, Any]] = {}
        for k in range(1, len(wtexts)):
            w = wtexts[k]
            if not w.endswith("يا"):
                continue
            prev = wtexts[k - 1]
            if len(prev) < 3 or not prev.endswith("ا") or text[words[k - 1][1]:words[k][0]].strip():
                continue
            stem = prev[:-1]
            stem = stem[:-1] + "ى" if stem.endswith("ي") else stem
            if stem not in self.nisba_persons:
                continue
            hit = self._accusative_nisba(w)
            if hit is not None:
                out[(words[k][0], words[k][1])] = hit
        return out

    @staticmethod
    def _prev_word(text: str, pos: int) -> str | None:
        """The word right before ``pos`` in the same phrase (only spaces between), or None."""
        m = re.search(r"([^\W_]+)[ \t]+$", text[max(0, pos - 30):pos])
        return m.group(1) if m else None

    # ------------------------------------------------------------------ rules
    def _institutions(self, text, words, wtexts, word_at, adj_hits, mentions, roles) -> None:
        taken = [(m.start, m.end) for m in mentions]
        for m, country in adj_hits:
            wi = word_at(m.start)
            if wi < 1:
                continue
            found = None
            for n_mod in range(0, self.max_mod + 1):
                for n_inst in range(self.inst_max, 0, -1):
                    s = wi - n_mod - n_inst
                    if s < 0:
                        continue
                    mods = wtexts[s + n_inst:wi]
                    if any(not w.startswith("ال") for w in mods):
                        continue
                    if s < wi and text[words[s][1]:words[wi][0]].strip(" ") not in ("",) and any(
                            ch in text[words[s][1]:words[wi][0]] for ch in "،,.:؛;()\"«»\n"):
                        continue
                    for prefix, rest in _strip_clitic(wtexts[s]):
                        it = self.institutions.get((rest, *wtexts[s + 1:s + n_inst]))
                        if it is not None and (found is None or s < found[0]):
                            found = (s, prefix, it)
                            break
            if not found:
                continue
            s, prefix, it = found
            start = words[s][0] + (len(prefix) if prefix != "لل" else 0)
            end = m.end
            last = word_at(m.start)
            # a trailing adjective of the institution (الجيش اليمني الوطني)
            if (last + 1 < len(words) and wtexts[last + 1] in self.inst_trailing
                    and not text[words[last][1]:words[last + 1][0]].strip()):
                last += 1
                end = words[last][1]
            absorbs = bool(it.get("absorbs"))  # (الصليب الأحمر اللبناني: the ICRC name inside gives way)
            if any(start < e and b < end for b, e in taken
                   if not (m.start <= b and e <= m.end) and not (absorbs and start <= b and e <= end)):
                continue
            if s > 0 and self._title_before(wtexts, s):
                roles.append((self._title_start(words, wtexts, s), end, country, it["agent"]))
                if wtexts[s - 1] != "باسم":  # "spokesman of X" names X; "coordinator of X" is a role
                    continue
            ce = self._country_entry.get(country)
            cname = ce.canonical if ce else country
            # drop the adjective's own mention (an adjective is never an entity) and add the ORG
            mentions[:] = [x for x in mentions if not (start <= x.start and x.end <= end)]
            label = it.get("label", "ORG")
            entry = None
            if label == "NORP":  # الشعب العراقي = العراقيين: the nationality entity
                entry = self._nationality_entry.get(country)
            first = "ال" + wtexts[s][2:] if prefix == "لل" else wtexts[s][len(prefix):]
            mentions.append(Mention(start, end, label, " ".join([first, *wtexts[s + 1:last + 1]]), entry=entry,
                                    source="rule", rule=f"institution-nationality:{it['id']}", confidence=0.8,
                                    country=country, cameo=f"{country}{it['agent'] or ''}",
                                    canonical=it["en"].format(country=cname)))
            taken.append((start, end))

    def _place_heads(self, text, words, wtexts, word_at, mentions: list[Mention]) -> None:
        """Rule ``place-head``: جامعة تعز، مطار كابل، شرطة كابل -> FAC/ORG of the place's country."""
        for m in list(mentions):
            if m.entry is None or m.entry.kind not in ("city", "region"):
                continue
            wi = word_at(m.start)
            if wi < 0 or words[wi][0] != m.start:
                continue  # the place carries a clitic (بتعز): not a head + place phrase
            for n in (2, 1):
                s = wi - n
                if s < 0 or any(ch in text[words[s][1]:m.start] for ch in "،,.:؛;()\"«»\n"):
                    continue
                found = None
                for prefix, rest in _strip_clitic(wtexts[s]):
                    it = self.place_heads.get((rest, *wtexts[s + 1:wi]))
                    if it is not None:
                        found = (prefix, it)
                        break
                if not found:
                    continue
                prefix, it = found
                a = words[s][0] + (len(prefix) if prefix != "لل" else 0)
                if any(a < x.end and x.start < m.start for x in mentions):
                    break
                c = m.entry.country
                mentions.remove(m)
                mentions.append(Mention(a, m.end, it["label"], " ".join([*wtexts[s:wi], m.key]), source="rule",
                                        rule=f"place-head:{it['id']}", confidence=0.7, country=c,
                                        cameo=(f"{c}{it['agent']}" if it["agent"] else c) if c else it["agent"]))
                break

    def _quoted_media(self, text, words, wtexts, word_at, mentions: list[Mention]) -> None:
        """Rule ``quoted-media``: a quoted name of 1-3 words after a media cue is an outlet.

        ``لـ«سبق»``، ``صحيفة "الوطن"``، ``نقلته «الشرق الأوسط»``: the quoted words become an ORG
        (CAMEO MED), replacing a place reading of the same words.
        """
        for m in _QUOTED.finditer(text):
            inner_a, inner_b = m.start(2), m.end(2)
            if not (1 <= len(text[inner_a:inner_b].split()) <= 3):
                continue
            before = text[max(0, m.start() - 25):m.start()]
            cue = _MEDIA_CUE.search(before)
            if not cue:
                continue
            inner = self._key(text[inner_a:inner_b])
            bare = inner[2:] if inner.startswith("ال") else inner
            if not inner.strip() or inner in self.gaz.agents or bare in self.gaz.agents or (
                    tuple(inner.split()) in self.titles or (bare,) in self.titles):
                continue  # لـ«الحكومة»: a role or institution word, not an outlet
            inside = [x for x in mentions if inner_a <= x.start and x.end <= inner_b]
            if any(x.label in ("ORG", "PER") for x in inside) or any(
                    inner_a < x.end and x.start < inner_b and not (inner_a <= x.start and x.end <= inner_b)
                    for x in mentions):
                continue  # already an organisation (وول ستريت جورنال) or a person
            for x in inside:
                mentions.remove(x)
            mentions.append(Mention(inner_a, inner_b, "ORG", inner, source="rule", rule="quoted-media",
                                    confidence=0.7, cameo="MED"))

    def _media_heads(self, text, words, wtexts, mentions: list[Mention], index: _WordIndex) -> None:
        """Rule ``media-head``: صحيفة/جريدة/قناة/وكالة/مجلة/موقع + 1-2 definite words is an outlet.

        ``بصحيفة الوئام``، ``صحيفة الشرق الأوسط``، ``صحيفة الغارديان البريطانية`` (the nationality
        adjective stays outside). The head must be indefinite (الصحيفة alone refers back).
        """
        n = len(words)
        for i in index.positions(self._media_forms):
            if i >= n - 1:
                break
            w = wtexts[i]
            head = None
            for prefix, rest in _strip_clitic(w):
                if rest in _MEDIA_HEADS:
                    head = prefix
                    break
            if head is None:
                continue
            j = i + 1
            while (j < n and j - i <= 2 and wtexts[j].startswith("ال")
                   and not text[words[j - 1][1]:words[j][0]].strip()
                   and not any(self.gaz.entries[k].kind in ("nat_adj", "nationality")
                               for k in self.gaz.names.get(wtexts[j], ()))
                   and wtexts[j] not in _MEDIA_GENERIC):
                j += 1
            if j == i + 1:
                continue
            a, b = words[i + 1][0], words[j - 1][1]
            if any(a < x.end and x.start < b and not (x.entry is not None and x.entry.kind in ("city", "region", "country"))
                   and x.label not in ("GPE", "LOC") for x in mentions):
                continue  # already a curated outlet or organisation (a place is not: صحيفة الشرق الأوسط)
            mentions[:] = [x for x in mentions if not (a < x.end and x.start < b)]
            mentions.append(Mention(a, b, "ORG", " ".join(wtexts[i + 1:j]), source="rule", rule="media-head",
                                    confidence=0.7, cameo="MED"))

    def _reporter_outlets(self, words, wtexts, mentions: list[Mention], index: _WordIndex, date) -> None:
        """Rule ``reporter-outlet``: a reporter's outlet is the curated outlet of that name.

        ``مراسل الجزيرة``، ``لمراسلة العربية``: a definite word after مراسل (its forms, with
        clitics) names the outlet whose curated name is a media head + that word (``قناة
        الجزيرة`` in ``ar/aliases.yaml``), where the word alone is a place or a common word
        and is not matched by itself. A place read over it is replaced.
        """
        n = len(words)
        for i in index.positions(self._reporter_forms):
            if i >= n - 1 or not wtexts[i + 1].startswith("ال"):
                continue
            w = wtexts[i + 1]
            entry = next((e for head in _MEDIA_HEADS for e in self.gaz.lookup(f"{head} {w}")
                          if e.label == "ORG"), None)
            if entry is None:
                continue
            a, b = words[i + 1][0], words[i + 1][1]
            if any(a < x.end and x.start < b and x.label not in ("GPE", "LOC") for x in mentions):
                continue
            mentions[:] = [x for x in mentions if not (a < x.end and x.start < b)]
            code = cameo_at(entry.cameo, date)
            mentions.append(Mention(a, b, "ORG", w, entry=entry, source="rule", rule="reporter-outlet",
                                    confidence=0.8, cameo=code))

    def _title_before(self, wtexts: list[str], s: int) -> bool:
        for n in range(1, self.title_max + 1):
            if s - n >= 0 and self._is_title(wtexts, s - n) == n:
                return True
        return False

    def _title_start(self, words, wtexts, s: int) -> int:
        for n in range(self.title_max, 0, -1):
            if s - n >= 0 and self._is_title(wtexts, s - n) == n:
                return words[s - n][0]
        return words[s][0]

    def _persons(self, text, words, wtexts, word_at, mentions, roles, date, tanween=frozenset(),
                 raw: str = "", raw_span=None, index: _WordIndex | None = None) -> None:
        def nl(k: int) -> bool:
            return k not in tanween and self._name_like(wtexts[k])

        if index is None:
            index = self._word_index(wtexts)
        title_len = [0] * len(wtexts)
        title_at = index.positions(index.title)
        for i in title_at:
            title_len[i] = self._is_title(wtexts, i)
        title_at = [i for i in title_at if title_len[i]]

        def free(a: int, b: int) -> bool:
            for x in mentions:
                if a < x.end and x.start < b:
                    if x.label == "PER" or x.source != "gazetteer" or (x.entry and x.entry.kind in ("country", "curated")):
                        return False
            return True

        def add(a_word: int, b_word: int, prefix_len: int, rule: str, role: tuple | None) -> None:
            a = words[a_word][0] + prefix_len
            b = words[b_word][1]
            while b_word > a_word and "\n" in text[a:b]:  # a person's name never runs on past a line end
                b_word -= 1
                b = words[b_word][1]
            if "\n" in text[a:b] or not free(a, b) or self._month_date(wtexts, a_word, b_word):
                return  # (a month and a number: رجب 1436 is a date)
            mentions[:] = [x for x in mentions if not (a < x.end and x.start < b)]
            key = " ".join([wtexts[a_word][prefix_len:], *wtexts[a_word + 1:b_word + 1]])
            ents = [e for e in self.gaz.lookup(key) if e.kind == "actor" or (e.kind == "curated" and e.label == "PER")]
            men = Mention(a, b, "PER", key, source="rule", rule=rule, confidence=0.65)
            if ents:
                men.entry = ents[0]
                men.source = "gazetteer"
            if role:
                men.roles.append(role)
            mentions.append(men)

        n = len(words)
        # person-apposition: NAME، TITLE
        for i in title_at:
            if i < 1:
                continue
            gap = text[words[i - 1][1]:words[i][0]]
            if gap.strip() not in ("،", ","):
                continue
            j = i - 1
            names: list[int] = []
            while j >= 0 and len(names) < 4:
                w = wtexts[j]
                if j < i - 1 and text[words[j][1]:words[j + 1][0]].strip():
                    break
                if w in self.particles and names:
                    names.append(j)
                elif nl(j) or (j > 0 and wtexts[j - 1] in self.cues and j not in tanween and self._name_like(w[1:])):
                    names.append(j)
                else:
                    break
                j -= 1
            while names and wtexts[names[-1]] in self.particles:
                names.pop()
            if len(names) < 2:
                continue
            a, b = names[-1], names[0]
            prefix = 0
            first = wtexts[a]
            if a > 0 and wtexts[a - 1] in self.cues and first[:1] in ("ل", "ب") and len(first) > 4:
                prefix = 1
            role_end = self._role_end(text, words, wtexts, i)
            role = (words[i][0], role_end)
            self._title_role(text, words, wtexts, i, word_at(role_end - 1), roles)
            add(a, b, prefix, "person-apposition", role)
        # person-title: TITLE [ال-words / nationality] NAME NAME
        for i in title_at:
            tl = title_len[i]
            j = i + tl
            skipped = 0
            while j < n and wtexts[j].startswith("ال") and skipped < 3 and not title_len[j]:
                j += 1
                skipped += 1
            k = j
            while k < n and k - j < 3:
                w = wtexts[k]
                if text[words[k - 1][1]:words[k][0]].strip():
                    break
                if (k == j and w.startswith("ال")) or (k > j and (w in self.pe_strong or title_len[k])):
                    break  # (a place head or a title ends the name: الأمير حمزة مخيم الزعتري، رانيا قرينة الملك)
                if nl(k) or (k == j and (w,) in self.first_names) or (k > j and w in self.particles):
                    k += 1
                elif (k == j + 2 and (wtexts[j],) in self._chain_names and k not in tanween
                      and wtexts[j + 1] not in self.particles and not wtexts[j + 1].startswith("ال")
                      and self._relaxed_name(w)):
                    k += 1  # محمد جواد ظريف: a frequent third part after a first name and a name
                else:
                    break
            if k - j >= 2 and wtexts[k - 1] not in self.particles:
                if j > i:
                    self._title_role(text, words, wtexts, i, j - 1, roles)
                add(j, k - 1, 0, "person-title", (words[i][0], words[j - 1][1]) if j > i else None)
        # person-honorific: TITLE NAME, where NAME is a one-word city/region of the gazetteer (الملكة صوفيا،
        # الأمير حمزة، ملكة إسبانيا صوفيا): after an honorific (``honorifics`` of ``ar/titles.yaml``) or a first
        # name the title makes it a person. The title must be definite (with the article, or a construct
        # with its country: ملكة إسبانيا); a construct title governs a genitive place instead (ملك الأردن،
        # أمير الرياض), and a country stays a country.
        honor_at = index.positions(self._honor_forms.intersection(index.types))
        for i in sorted(set(title_at).union(honor_at)):
            tl = title_len[i] or 1  # (an honorific that is no title: السيد، السيدة)
            j = i + tl
            tkey = list(wtexts[i:j])
            if tkey[0] not in self._title_first and tkey[0] not in self.honorifics_first and tkey[0][:1] in "وفكبل":
                tkey[0] = tkey[0][1:]
            definite = tkey[-1].startswith("ال")
            # (a nationality adjective of a definite title, or the country of a construct one, comes between)
            for _ in range(2):
                if j >= n or text[words[j - 1][1]:words[j][0]].strip():
                    break
                country = any(x.start == words[j][0] and x.source == "gazetteer" and x.entry is not None
                              and x.entry.kind == "country" for x in mentions)
                if (definite and wtexts[j].startswith("ال") and not country) or (not definite and country and j == i + tl):
                    if country:
                        definite = True
                    j = word_at(max(x.end for x in mentions if x.start == words[j][0]) - 1) + 1 if country else j + 1
                else:
                    break
            if not definite or j >= n or text[words[j - 1][1]:words[j][0]].strip():
                continue
            place = next((x for x in mentions if x.start == words[j][0] and x.end == words[j][1]
                          and x.source == "gazetteer" and x.label in ("GPE", "LOC") and x.entry is not None
                          and x.entry.kind in ("city", "region")), None)
            if place is None or any(x.start < words[i][1] and words[i][0] < x.end for x in mentions):
                continue  # (a title inside a name: الشيخ زويد)
            if not self._honorific(tkey) and (wtexts[j],) not in self.first_names:
                continue
            if place.key in self.pe_places and (j > i + tl or i > 0 and (
                    wtexts[i - 1] in self.place_object_verbs or wtexts[i - 1][1:] in self.place_object_verbs)):
                continue  # وصل الأمير جدة: a visit (and a listed big city after "title + country" is no name)
            mentions.remove(place)
            self._title_role(text, words, wtexts, i, j - 1, roles)
            add(j, j, 0, "person-honorific", (words[i][0], words[j - 1][1]))
        # person-firstname: FIRST NAME [NAME]
        for i in index.positions(index.first):
            if i >= n - 1:
                break
            weak = False
            for fl in (2, 1):
                if tuple(wtexts[i:i + fl]) in self.first_names:
                    break
            else:
                if (wtexts[i],) not in self.weak_first:
                    continue
                fl, weak = 1, True
                nxt = wtexts[i + 1]
                ra, rb = raw_span(words[i][0], words[i][1])
                rare = self.gaz.word_rank(nxt) >= 2 * NAME_RANK or (nxt.startswith("ال") and nxt.endswith("ى"))
                if (not raw[ra:rb].endswith("ي") or not nl(i + 1) or not rare
                        or text[words[i][1]:words[i + 1][0]].strip()):
                    continue  # على الأرض: a preposition
            k = i + fl
            own = 0  # name words after the first name (particles and chained first names do not count)
            while k < n and own < 2 and k - i < 6:
                gap = text[words[k - 1][1]:words[k][0]]
                if gap.strip() or "\n" in gap:
                    break  # (a name ends at a line end: "بقلم محمد عبد الله" / "العريش - ...")
                w = wtexts[k]
                if w in self.particles and k + 1 < n:
                    k += 1
                elif k > i + fl - 1 and wtexts[k - 1] in self.particles and (w,) in self._chain_names:
                    k += 1
                elif nl(k):
                    k += 1
                    own += 1
                elif (own == 1 and not weak and k == i + fl + 1 and k not in tanween
                      and not wtexts[k - 1].startswith("ال") and self._relaxed_name(w)):
                    k += 1  # محمد جواد ظريف: a frequent third part after a first name and a name
                    own += 1
                else:
                    break
            if k > i + fl and wtexts[k - 1] not in self.particles:
                add(i, k - 1, 0, "person-firstname", None)

    def _honorific(self, title_words) -> bool:
        """True when the title words (normalised, a proclitic allowed on the first) are an honorific of
        ``ar/titles.yaml`` (الملك، الملكة، الأمير، الشيخ، السيد ...), with or without the article (ملكة)."""
        first = title_words[0]
        if first not in self._title_first and first not in self.honorifics_first and first[:1] in "وفكبل":
            first = first[1:]
        head = first if first.startswith("ال") else "ال" + first
        return (head, *title_words[1:]) in self.honorifics

    def _title_role(self, text, words, wtexts, i: int, last: int, roles) -> None:
        """Record the role ``words[i..last]`` (a title and its complement) with the title's agent
        code and the country of a nationality adjective inside it (رئيس الوزراء العراقي: IRQ, GOV)."""
        a, b = words[i][0], words[last][1]
        if any(rs <= a and b <= re_ for rs, re_, _c, _g in roles):
            return  # an institution role already covers it (منسق الاستخبارات الوطنية الفرنسية)
        tl = self._is_title(wtexts, i)
        first = wtexts[i]
        agent = None
        for _p, rest in _strip_clitic(first, frozenset(["", "و", "ف", "ك", "ب", "ل"])):
            key = (rest, *wtexts[i + 1:i + tl])
            if key in self.titles:
                agent = self.titles[key]
                break
        roles.append((a, b, self._role_country(text[a:b]), agent))

    def _role_end(self, text: str, words, wtexts, i: int) -> int:
        """End of a role phrase starting at word ``i``: up to the next punctuation, at most 6 words."""
        k = i
        while k + 1 < len(words) and k - i < 5 and not text[words[k][1]:words[k + 1][0]].strip():
            k += 1
        return words[k][1]

    def _model_mentions(self, state: Any, norm: Any, mentions: list[Mention], countries: Counter = Counter(),
                        excluded: list[tuple[int, int, str]] = (), words: list = (),
                        index: _WordIndex | None = None) -> None:
        raw = state.doc.text
        starts = norm.starts
        # Only clauses with a name-like rare word outside the names already found can hold an
        # unknown name: tag those clauses (with their neighbours when adjacent) and skip the rest
        # (the model is the stage's main cost).
        covered = bytearray(len(norm.text) + 1)
        softcov = bytearray(len(norm.text) + 1)  # soft place words: a model PER span may take them
        for x in mentions:
            (softcov if x.soft else covered)[x.start:x.end] = b"\x01" * (x.end - x.start)
        if index is None:
            index = self._word_index([w for _a, _b, w in words])
        rare = [words[i][0] for i in index.positions(index.rare) if not covered[words[i][0]]]
        # a known first name before a less frequent word (محمد مرسي، سعود الفيصل) or before another
        # first name (أحمد حسن كريم، خالد منصور جميل): a name made of frequent words, which the
        # rare-word test misses
        rank = self.gaz.word_rank
        stop = self.gaz.stop
        for i in index.positions(index.first):
            if i + 1 >= len(words):
                break
            nxt = words[i + 1][2]
            if (not covered[words[i][0]] and not covered[words[i + 1][0]]
                    and (rank(nxt) >= 2000 or (nxt,) in self.first_names)  # (أحمد حسن كريم: two first names)
                    and nxt not in stop
                    and not norm.text[words[i][1]:words[i + 1][0]].strip()):
                rare.append(words[i][0])
        rare.sort()
        if not rare:
            return
        # clauses: token ranges cut after a clause-final token and before a line break; a clause
        # with a rare word is tagged, joined to the previous tagged clause of the same line
        toks = state.tokens or [{"start": m.start(), "end": m.end()} for m in re.finditer(r"\w+|[^\w\s]", raw)]
        tstarts = list(map(_START, toks))
        cuts: set[int] = set()
        breaks: set[int] = set()
        p = raw.find("\n")
        while p >= 0:
            j = bisect.bisect_left(tstarts, p)
            if j < len(toks):
                breaks.add(j)
            p = raw.find("\n", p + 1)
        for m in _CLAUSE_END_RE.finditer(raw):
            p = m.start()
            j = bisect.bisect_right(tstarts, p) - 1
            if j >= 0 and tstarts[j] == p and toks[j]["end"] == p + 1:
                cuts.add(j + 1)
        cuts |= breaks
        n_tok = len(toks)
        bounds = [0, *sorted(c for c in cuts if 0 < c < n_tok), n_tok]  # clause k: tokens bounds[k]:bounds[k + 1]
        selected = set()
        for a in rare:
            r = starts[a]  # raw offset of the rare word
            j = bisect.bisect_right(tstarts, r) - 1
            if j < 0 or (r >= toks[j]["end"] and (j + 1 == n_tok or j + 1 in cuts)):
                continue  # not inside any clause's span
            selected.add(bisect.bisect_right(bounds, j) - 1)
        runs: list[list[dict]] = []  # contiguous runs of selected clauses
        for k in sorted(selected):
            clause = toks[bounds[k]:bounds[k + 1]]  # token dicts (``start``, ``end``)
            if k - 1 in selected and bounds[k] not in breaks:
                runs[-1].extend(clause)
            else:
                runs.append(clause)
        if not runs:
            return
        spans = []
        try:
            if hasattr(self.model, "predict_spans_many"):  # one batched call per document
                spans = self.model.predict_spans_many(raw, runs)
            else:
                for run in runs:
                    spans.extend(self.model.predict_spans(raw, run))
        except Exception:  # noqa: BLE001 - a model failure must not lose the gazetteer entities
            return
        person_words = {w for x in mentions if x.label == "PER" for w in x.key.split()}
        person_words |= {w for rs, re_, lab, _c in spans if _MODEL_LABELS.get(str(lab).upper()) == "PER"
                         for w in self._key(norm.text[bisect.bisect_left(starts, rs):bisect.bisect_left(starts, re_)]).split()[1:]}
        dominant = countries.most_common(1)[0][0] if countries else None
        for rs, re_, lab, conf in spans:
            label = _MODEL_LABELS.get(str(lab).upper())
            if label is None:
                continue
            a = bisect.bisect_left(starts, rs)
            b = bisect.bisect_left(starts, re_)
            if a >= b:
                continue
            if conf is not None and float(conf) < 0.5:
                continue
            a = self._strip_model_clitic(norm.text, a, b, person_words)
            a = self._restore_model_clitic(norm.text, a, b, person_words)
            if label == "ORG":
                b = self._cut_org(norm.text, a, b)
            elif label == "PER":
                b = self._cut_coordination(norm.text, a, b)
            key = " ".join(_WORD.findall(norm.text[a:b]))
            if _LATIN.search(key) and not self.gaz.names.get(key):
                continue  # an English sentence in Arabic text: Latin runs are no Arabic entity
            if any(w in self.formula_words for w in key.split()):
                continue  # ولله الحمد، سبحانه وتعالى: a religious formula, not a name
            if key.startswith("لل") and len(key.split()[0]) > 4:
                key = "ال" + key[2:]  # للمدينة -> المدينة
            if any(covered[a:b]):
                continue
            if label in ("LOC", "GPE", "FAC") and self._modifier_only(key):
                continue  # rule place-modifier: منطقة عازلة، منطقة آمنة: a common word after a place noun
            if any(softcov[a:b]):
                if label != "PER":
                    continue
                mentions[:] = [x for x in mentions if not (x.soft and a < x.end and x.start < b)]
            parts = key.split()
            if not parts or parts[0] in self.gaz.stop:
                continue  # لين العريكة: a name does not start with a stop word
            if label == "PER" and not self.not_person.isdisjoint(parts):
                continue  # حزام ناسف: a word that is never part of a person's name
            if len(parts) == 1:
                if self.gaz.word_rank(key) < 1000:
                    continue
                if label == "PER" and key not in person_words:
                    continue  # a lone unknown word tagged PER (وكيسين) is too often a noun
                if label in ("LOC", "GPE") and key.endswith("ى") and not key.startswith("ال"):
                    continue  # شعبي: a nisba adjective
                alt = key[2:] if key.startswith("ال") else "ال" + key
                alt_rank = self.gaz.word_rank(alt)
                if label in ("LOC", "GPE") and not self.gaz.names.get(key) and alt_rank < len(self.gaz.rank) and (
                        alt_rank < 3 * self.gaz.word_rank(key)):
                    continue  # الشمال/شمال, السلامة/سلامة: a noun written with and without the article
            elif label in ("LOC", "GPE") and not self.gaz.names.get(key) and all(
                    self.gaz.word_rank(w) < 3000 for w in parts):
                continue  # جراحة العيون: ordinary words
            ents = self.gaz.lookup(key)
            e = choose(ents, Counter()) if ents else None
            if (e is not None and label in ("LOC", "GPE") and e.kind in ("city", "region")
                    and not self._place_evidence(norm.text, Match(a, b, key, "", ()), ents, e, countries)):
                continue  # rule place-evidence: the model's ميدان / مشهد without a cue is a word
            country = None
            if label in ("LOC", "GPE", "FAC"):
                if e is not None:
                    label = e.label
                else:
                    label = "GPE" if label == "LOC" else label  # towns and villages the gazetteer lacks
                    country = dominant  # an unknown town in an article about one country lies there
            mentions.append(Mention(a, b, label, key, entry=e, source="model", rule="model",
                                    confidence=float(conf) if conf is not None else 0.6, country=country,
                                    cameo=country))
            covered[a:b] = b"\x01" * (b - a)

    def _not_names(self, text: str, words, wtexts: list[str], mentions: list[Mention], index: _WordIndex) -> None:
        """Rule ``not-name`` (``ar/not_names.yaml``) on the model's and rules' mentions (gazetteer
        countries, places and curated entries are kept): a mention overlapping a fixed expression is
        cut before or after it and dropped when no name is left (a lone first name is none: سعود يحفظه
        of "آل سعود يحفظه الله"; حسن نية); a mention made only of function words is dropped, and so is a
        model person made only of common words with no name evidence (:meth:`_name_evidence`)."""
        def kept(m: Mention) -> bool:
            return m.source == "gazetteer" and m.entry is not None and m.entry.kind in (
                "country", "curated", "city", "region")

        if self._nn_re is not None and not self._nn_first.isdisjoint(index.types):
            spans = [(fm.start(), fm.end()) for fm in self._nn_re.finditer(text)]
            if spans:
                out = []
                lo, hi = spans[0][0], spans[-1][1]
                for m in mentions:
                    hit = [(fs, fe) for fs, fe in spans if m.start < fe and fs < m.end] if (
                        m.start < hi and lo < m.end) else None
                    if not hit or kept(m):
                        out.append(m)
                        continue
                    a, b = m.start, m.end
                    for fs, fe in hit:
                        if a < fs:
                            b = min(b, fs)
                        else:
                            a = max(a, fe)
                    parts = [w for w in words if a <= w[0] and w[1] <= b]
                    if not parts or (len(parts) < 2 and m.rule == "person-firstname"):
                        continue  # حسن نية، سعود يحفظه: no name left (a first name alone is none)
                    key = " ".join(w[2] for w in parts)
                    if key != m.key:
                        m.start, m.end, m.key, m.entry, m.restored = parts[0][0], parts[-1][1], key, None, None
                    out.append(m)
                mentions[:] = out
        fw = self.nn_function
        person_words = None
        out = []
        for m in mentions:
            if kept(m):
                out.append(m)
                continue
            parts = m.key.split()
            if parts and all(w in fw or (w[:1] == "و" and w[1:] in fw) for w in parts):
                continue  # في، على ذلك: function words only
            if m.rule == "model" and m.label == "PER" and m.entry is None and all(
                    self.gaz.word_rank(w) < self.nn_rank for w in parts):
                if person_words is None:
                    person_words = {w for x in mentions if x.label == "PER" and x is not m for w in x.key.split()}
                if not self._name_evidence(text, words, parts, m, person_words):
                    continue  # a phrase of common words: no name
            out.append(m)
        mentions[:] = out

    def _name_evidence(self, text: str, words, parts: list[str], m: Mention, person_words: set[str]) -> bool:
        """Whether a person mention of common words (``parts``, normalised) shows a name: a known first
        name, name particle (بن، أبو، عبد) or ``name_evidence_words`` word (عز الدين) among its words,
        its words in another person's name, a gazetteer name, a title (``ar/titles.yaml``) right before
        it, or the first words of a title (خادم الحرمين: a person named by a title)."""
        for k, w in enumerate(parts):
            if ((w,) in self._chain_names or (w,) in self.weak_first or w in self.particles or w in person_words
                    or w in self.nn_evidence or (k and w.startswith("ال") and w.endswith("ى"))):
                return True  # (a definite nisba after a name word is a family name: مساعد العتيبي)
        if self.gaz.lookup(m.key):
            return True
        tp = tuple(parts)
        if any(t[:len(tp)] == tp for t in self.titles):
            return True
        i = bisect.bisect_left([w[0] for w in words], m.start)
        wt = [w[2] for w in words[max(0, i - self.title_max):i]]
        return any(self._is_title(wt, k) == len(wt) - k for k in range(len(wt)))

    def _starts_with_month(self, key: str) -> bool:
        """True when a normalised name key starts with a month name (one or two words, a proclitic allowed)."""
        ws = key.split()
        if not ws or not self.months:
            return False
        for _p, rest in _strip_clitic(ws[0]):
            if (rest,) in self.months or (rest, *ws[1:2]) in self.months:
                return True
        return False

    def _time_spans(self, state: Any, norm: Any) -> list[tuple[int, int]]:
        """Normalised ``(start, end)`` of the spans the times stage found (``state.doc.times``)."""
        out = []
        for t in getattr(state.doc, "times", None) or []:
            if isinstance(t, dict) and "start" in t and "end" in t:
                a = bisect.bisect_left(norm.starts, t["start"])
                b = bisect.bisect_left(norm.starts, t["end"])
                if a < b:
                    out.append((a, b))
        return out

    def _sub_head(self, text: str, ws: int) -> str | None:
        """The sub-place head (normalised, clitics stripped) right before offset ``ws`` (the start of
        a name's word), or None: a ``strict_heads`` or ``soft_heads`` word of ``ar/sub_places.yaml``."""
        pm = re.search(r"([^\W_]+)[ \t]+$", text[max(0, ws - 30):ws])
        if not pm:
            return None
        for _p, rest in _strip_clitic(pm.group(1)):
            if rest in self.sp_strict or rest in self.sp_soft:
                return rest
        return None

    def _container_start(self, text: str, end: int, starts) -> int | None:
        """Where the containing place's name starts after a name ending at ``end`` ("بمدينة حلب"،
        "في حلب"، "بحلب"), among the candidate ``starts`` (a set of normalised offsets), or None."""
        for pos in range(end + 1, min(len(text), end + 30) + 1):
            if pos in starts:
                gm = self._container_gap.fullmatch(text, end, pos)
                return pos if gm else None
        return None

    def _sub_place_matches(self, text: str, matches: list[Match], infos) -> dict[int, tuple[str, int | None]]:
        """Rule ``sub-place`` on gazetteer matches: index of a place match after a sub-place head ->
        (head, index of its container match or None). A soft head needs a container."""
        out: dict[int, tuple[str, int | None]] = {}
        starts = None
        for mi, m in enumerate(matches):
            ents = infos[mi][0]
            if not ents or not any(e.kind in ("city", "region", "country") or e.kind == "curated" and e.label
                                   in ("GPE", "LOC") for e in ents):
                continue
            head = self._sub_head(text, m.start - (len(m.prefix) if m.prefix != "لل" else 0))
            if head is None:
                continue
            if starts is None:
                starts = {x.start: i for i, x in enumerate(matches)}
            cpos = self._container_start(text, m.end, starts)
            cmi = starts.get(cpos) if cpos is not None else None
            if cmi is not None and not any(e.kind in ("city", "region", "country") or e.kind == "curated" and e.label
                                           in ("GPE", "LOC") and e.country for e in infos[cmi][0]):
                cmi = None
            if head in self.sp_soft and cmi is None:
                continue
            if cmi is None:  # وفي حلب، ... في حي صلاح الدين: the city named before it in the sentence
                for mj in range(mi - 1, -1, -1):
                    if _SENT_BREAK.search(text, matches[mj].end, m.start):
                        break
                    if any(e.kind == "city" for e in infos[mj][0]) and mj not in out:
                        cmi = mj
                        break
            out[mi] = (head, cmi)
        return out

    def _sub_place_mention(self, m: Match, ents, sub: tuple[str, int | None], matches, infos,
                           countries: Counter) -> Mention | None:
        """The ``sub-place`` mention of a gazetteer match (no GeoNames id, CAMEO or canonical name of
        its own; the container's country), or None when the match keeps its link: a curated district
        of the container's country, or after a soft head a reading in the container's country."""
        head, cmi = sub
        container = choose(infos[cmi][0], countries) if cmi is not None else None
        cc = container.country if container is not None else None
        if head in self.sp_soft:
            if cc is None or any(e.country == cc for e in ents if e.kind != "nat_adj"):
                return None  # منطقة القلمون بريف دمشق: the same country keeps its link
        else:
            cur = next((e for e in ents if e.kind == "curated" and e.country), None)
            if cur is not None and (cc is None or cur.country == cc):
                return None  # حي الشيخ مقصود: a known district
            if cc is not None and any(e.kind == "city" and e.country == cc for e in ents):
                return None  # حي جوبر بدمشق: a populated place GeoNames lists in the container's country
        if cc is None and countries:
            cc = countries.most_common(1)[0][0]
        label = "FAC" if head in self.sp_fac else "LOC"
        return Mention(m.start, m.end, label, m.key, entry=None, source="rule", rule="sub-place",
                       confidence=0.6, country=cc, cameo=cc)

    def _hay_names(self, text: str, words, wtexts: list[str], mentions: list[Mention], index: _WordIndex) -> None:
        """Rule ``sub-place-name`` (``ar/sub_places.yaml``): the name after حي (one word, or two after a
        compound first word: حي بابا عمرو) is a place, known or not; :meth:`_sub_place_spans` then gives
        it its label (LOC) and its container's country. Replaces the model's or rules' partial spans
        inside it; a gazetteer name there (حي صلاح الدين، حي الوعر) is left to rule ``sub-place``."""
        heads = index.positions(self.sp_name_heads.intersection(index.types))
        n = len(words)
        stop, gstop = self.sp_name_stop, self.gaz.stop

        def gap_ok(k: int) -> bool:  # no punctuation between word k-1 and word k
            return not text[words[k - 1][1]:words[k][0]].strip()

        def word_ok(w: str) -> bool:
            return (len(w) >= 2 and w not in stop and w not in gstop and not any(ch.isdigit() for ch in w)
                    and not w.startswith(("و", "لل", "بال", "فال", "كال")))

        for i in heads:
            j = i + 1
            if j >= n or not gap_ok(j) or (i > 0 and wtexts[i - 1] in self.sp_not_after):
                continue
            w = wtexts[j]
            if not word_ok(w):
                continue
            compound = w in self.sp_name_compound
            if not compound and not (w.startswith("ال") and len(w) > 3) and not self._hay_bare_name(
                    text, words, wtexts, j, mentions):
                continue  # (an ordinary indefinite word: no name)
            last = j
            if compound:
                if j + 1 >= n or not gap_ok(j + 1) or not word_ok(wtexts[j + 1]):
                    continue
                last = j + 1
                if (wtexts[last] in self.sp_name_chain and last + 1 < n and gap_ok(last + 1)
                        and (wtexts[last] == "عبد" or word_ok(wtexts[last + 1]))):
                    last += 1  # حي الملك عبد الله
            a, b = words[j][0], words[last][1]
            over = [x for x in mentions if a < x.end and x.start < b]
            if any(x.entry is not None and x.source == "gazetteer" or (x.start == a and x.end == b and x.label in (
                    "GPE", "LOC")) for x in over):
                continue  # a known name (rule sub-place), or the model's span already
            if any(x.start < words[i][0] or x.end > b for x in over):
                continue  # a longer name runs through it
            for x in over:
                mentions.remove(x)
            mentions.append(Mention(a, b, "LOC", " ".join(wtexts[j:last + 1]), source="rule",
                                    rule="sub-place-name", confidence=0.6))

    def _hay_bare_name(self, text: str, words, wtexts: list[str], j: int, mentions: list[Mention]) -> bool:
        """Whether the indefinite word ``j`` after حي is a name (حي جوبر) rather than an adjective, verb
        or noun (حي سكني، حي يغلب الشيعة، حي مكتظ بالسكان، حي تتوفر فيه): not a frequent word (rank >=
        ``name_min_rank``), no nisba ending, pronoun suffix, ب/ل + frequent word or Latin letters, and
        nothing of its phrase after it: the text ends or punctuation, a ``name_stop`` word, a word with
        و, a place name, or a place head with ب/ل (بمدينة) follows."""
        w = wtexts[j]
        if (self.gaz.word_rank(w) < self.sp_name_rank or w.endswith(("ى", "ه", "ها", "هم", "هن", "كم"))
                or w.startswith(("يت", "تت", "يست", "تست", "ين")) or _LATIN.search(w)
                or (w[:1] in "بل" and self.gaz.word_rank(w[1:]) < 20000)):
            return False  # (verb forms: تتوفر، يتجمع)
        k = j + 1
        if k >= len(words) or text[words[j][1]:words[k][0]].strip():
            return True
        nxt = wtexts[k]
        if nxt in self.sp_not_before:
            return False
        if nxt in self.sp_name_stop or nxt.startswith("و") or nxt[1:] in self.pe_strong and nxt[:1] in "بل":
            return True
        a, b, _w = words[k]
        return any(a <= x.start < b and x.label in ("GPE", "LOC") for x in mentions)

    def _sub_place_spans(self, text: str, mentions: list[Mention], countries: Counter) -> None:
        """Rule ``sub-place`` on unlinked place spans (the model's, ``place-head-name``): after a
        strict head (حي باب التبانة) the span is LOC/FAC, with its container's country."""
        cands = [x for x in mentions if x.entry is None and x.label in ("GPE", "LOC") and x.rule != "sub-place"]
        if not cands:
            return
        by_start = {x.start: x for x in mentions if x.label == "GPE" and (
            x.entry is not None and x.entry.kind in ("city", "region", "country", "curated") or x.country)}
        for x in cands:
            head = self._sub_head(text, x.start)
            if head is None or head not in self.sp_strict:
                continue
            pos = self._container_start(text, x.end, by_start)
            c = by_start.get(pos) if pos is not None else None
            if c is None:  # the city named before it in the sentence
                c = max((y for y in by_start.values() if y.end <= x.start and y.entry is not None
                         and y.entry.kind == "city" and not _SENT_BREAK.search(text, y.end, x.start)),
                        key=lambda y: y.end, default=None)
            cc = (c.entry.country if c.entry is not None else c.country) if c is not None else None
            x.label = "FAC" if head in self.sp_fac else "LOC"
            x.country = cc or x.country or (countries.most_common(1)[0][0] if countries else None)
            x.cameo = x.country
            if x.rule != "sub-place-name":
                x.rule = "sub-place"

    def _excluded_spans(self, state: Any, norm: Any) -> list[tuple[int, int]]:
        """Normalised ``(start, end, kind)`` of the byline and boilerplate spans (kind: byline|boilerplate)."""
        doc = state.doc
        spans = [(b, "boilerplate") for b in doc.boilerplate if isinstance(b, dict)]
        byline = doc.metadata.get("byline") if isinstance(doc.metadata, dict) else None
        if isinstance(byline, dict) and "start" in byline:
            spans.append((byline, "byline"))
        out = []
        for sp, kind in spans:
            a = bisect.bisect_left(norm.starts, sp["start"])
            b = bisect.bisect_left(norm.starts, sp["end"])
            if a < b:
                out.append((a, b, kind))
        return out

    def _word_index(self, wtexts: list[str]) -> _WordIndex:
        """A :class:`_WordIndex` of a document's normalised words, with their flags."""
        return _WordIndex(wtexts, self._flags_cache, self._word_flags)

    def _word_flags(self, w: str) -> int:
        """Bit set of what a normalised word may start or be, cached per word (one lookup per
        word type and document for all the rules): ``_RARE_WORD`` (:meth:`_name_candidate`),
        ``_TITLE_WORD`` (a title's first word, with or without a one-letter proclitic) and
        ``_FIRST_WORD`` (a known first name's first word)."""
        cache = self._flags_cache
        if len(cache) >= CACHE_MAX:
            cache.clear()
        tf = self._title_first
        f = ((_RARE_WORD if w not in self.gaz.rank and self._name_candidate_uncached(w) else 0)
             | (_TITLE_WORD if w in tf or w[1:] in tf else 0)
             | (_FIRST_WORD if w in self._first_words else 0))
        cache[w] = f
        return f

    def _modifier_only(self, key: str) -> bool:
        """True when a place span is made only of place nouns and common modifiers (rule
        ``place-modifier``, ``ar/place_modifiers.yaml``): "عازلة"، "منطقة عازلة"، "والمنطقة الصناعية",
        not "منطقة القصيم" or "المنطقة الخضراء". Words are normalised; a proclitic and the article
        are ignored.

        Example (with a loaded extractor ``x``): ``x._modifier_only("منطقه عازله")`` is True.
        """
        parts = key.split()
        if not parts:
            return False
        seen_mod = False
        for w in parts:
            cands = {w}
            for _p, rest in _strip_clitic(w):
                cands.add(rest)
                if rest.startswith("ال") and len(rest) > 3:
                    cands.add(rest[2:])
            if not cands.isdisjoint(self.pm_words):
                seen_mod = True
            elif cands.isdisjoint(self.pm_heads):
                return False
        return seen_mod

    def _name_candidate(self, w: str) -> bool:
        """A word that may belong to a name the gazetteer lacks: not among the frequent words, and
        not an inflected form of one (a clitic, article or suffix around a frequent stem: وتسلمت،
        هجومهم، والقطارات). Cached per word (:meth:`_word_flags`)."""
        f = self._flags_cache.get(w)
        if f is None:
            f = self._word_flags(w)
        return bool(f & _RARE_WORD)

    def _name_candidate_uncached(self, w: str) -> bool:
        rank = self.gaz.rank
        if w in rank or w.isdigit() or len(w) < 3:
            return False
        stems = self._stems
        n = len(w)
        sufs = [suf for suf in {w[n - k:] for k in range(1, _CAND_SUFFIX_MAX + 1)} if suf in _CAND_SUFFIX_SET]
        sufs.append("")
        for k in range(_CAND_PREFIX_MAX + 1):
            pre = w[:k]
            if pre not in _CAND_PREFIX_SET:
                continue
            stem0 = w[k:]
            for suf in sufs:
                if suf and not stem0.endswith(suf):
                    continue
                stem = stem0[:len(stem0) - len(suf)] if suf else stem0
                if len(stem) >= 3 and stem in stems:
                    return False
        return True

    def _restore_model_clitic(self, text: str, a: int, b: int, known: set[str] = frozenset()) -> int:
        """Start of a model span that begins inside a word (the model split a proclitic off it).

        The split stands only when the stripped form is a name (gazetteer, first name, a person
        word of the document) and the whole word is not, or when a و/ف/ب/ل split leaves a word
        no more frequent than the whole; otherwise the span takes the whole word back:
        ``(كاليفورنيا)`` is not ك + اليفورنيا.

        Returns:
            The (possibly earlier) normalised start offset.
        """
        ws = a
        while ws > 0 and _is_word(text[ws - 1]):
            ws -= 1
        if ws == a:
            return a
        m = _WORD.match(text, ws)
        if not m or m.end() > b:
            return a
        full = m.group()
        pre, rest = full[:a - ws], full[a - ws:]
        if self.gaz.names.get(full) and not self.gaz.names.get(rest):
            return ws  # كاليفورنيا is a name itself
        if self.gaz.names.get(rest) or rest in known or (rest,) in self.first_names:
            return a
        if pre in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل") and (
                self.gaz.word_rank(rest) <= self.gaz.word_rank(full)):
            return a  # وحمدين: the stripped form is no more frequent than the whole word
        return ws

    def _cut_coordination(self, text: str, a: int, b: int) -> int:
        """End of a model PER span cut before a coordinated word ("خالد | وفهد",
        "أرنو شوارتزنيجير | وبطريرك الأرثوذكس ...").

        A later word و + (a first name, a title or a frequent word) starts a second phrase; a
        name that itself begins with و (وليد، وائل) is no coordination.
        """
        ws = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, a, b)]
        for i in range(1, len(ws)):
            w = ws[i][2]
            if not w.startswith("و") or len(w) < 3 or (w,) in self.first_names or w in self._first_words:
                continue
            rest = w[1:]
            if rest in self._first_words or rest in self._title_first or self.gaz.word_rank(rest) < len(self.gaz.rank):
                return ws[i - 1][1]
        return b

    def _cut_org(self, text: str, a: int, b: int) -> int:
        """End of a model ORG span cut before a second noun phrase ("قوات الأمن | الغاز المسيل").

        In a construct chain only the last noun is definite; a definite word after a definite
        word is an adjective (nisba -ي/-ية, participle الم..., elative الأ..., a listed trailing
        adjective) or a new noun phrase. A frequent definite noun that is none of these, after
        two or more words, starts the next phrase: the span ends before it.
        """
        ws = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, a, b)]
        for i in range(2, len(ws)):
            prev, w = ws[i - 1][2], ws[i][2]
            if not (prev.startswith("ال") and w.startswith("ال")) or text[ws[i - 1][1]:ws[i][0]].strip():
                continue
            if (w.endswith(("ى", "يه", "يون", "يين", "يات")) or w.startswith(("الم", "الا"))
                    or w in self.inst_trailing or w in self.gaz.stop
                    or any(self.gaz.entries[k].kind in ("nat_adj", "nationality") for k in self.gaz.names.get(w, ()))):
                continue
            if self.gaz.word_rank(w) < NAME_RANK:
                return ws[i - 1][1]
        return b

    def _strip_model_clitic(self, text: str, a: int, b: int, known: set[str] = frozenset()) -> int:
        """Start of a model span without a proclitic on its first word (the model tags whole words)."""
        m = _WORD.match(text, a)
        if not m:
            return a
        w = m.group()
        if w.startswith(("وال", "بال", "فال", "كال")) and len(w) > 4:
            return a + 1
        if w.startswith("لل") and len(w) > 4:
            return a  # ل + ال merged: the mention keeps the word
        if w[:1] in "وبلفك" and len(w) >= 4 and w[1:] in self._first_words and (w,) not in self.first_names:
            return a + 1  # وعبد الله، لمحمد: a clitic on a first name
        if w[:1] in "وبلفك" and len(w) > 4 and (w,) not in self.first_names and not self.gaz.names.get(w):
            rest = w[1:]
            if rest in known or self.gaz.names.get(rest) or (rest,) in self.first_names or (
                    self.gaz.word_rank(rest) < self.gaz.word_rank(w)):
                return a + 1
        return a

    def _anaphors(self, text: str, words, mentions: list[Mention], index: _WordIndex) -> None:
        firsts: dict[str, Mention] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            if m.entry is not None:
                for a in m.entry.anaphors:
                    firsts.setdefault(a, m)
        if not firsts:
            return
        for i in index.positions(_clitic_forms(firsts)):
            s, e, w = words[i]
            for prefix, rest in _strip_clitic(w):
                first = firsts.get(rest)
                if first is None or s < first.end:
                    continue
                a = s + (len(prefix) if prefix != "لل" else 0)
                if any(a < x.end and x.start < e for x in mentions):
                    break
                # the next word must not continue a longer name (التنظيم الدولي ...)
                mentions.append(Mention(a, e, first.label, rest, entry=first.entry, source="rule",
                                        rule="anaphor", confidence=0.6, cameo=first.cameo,
                                        restored=("ال" + w[2:]) if prefix == "لل" else None))
                break

    def _surnames(self, words, mentions: list[Mention], index: _WordIndex) -> None:
        """Rule ``surname``: a person's last name alone (with clitics) later in the text refers to them."""
        people = [m for m in mentions if m.label == "PER" and len(m.key.split()) >= 2]
        if not people:
            return
        last: dict[str, Mention] = {}
        for m in sorted(people, key=lambda m: m.start):
            parts = m.key.split()
            sur = parts[-1]
            # (a father's name after بن/ابن/بنت is no family name: "سلمان بن عبدالعزيز" does not make every
            # later عبدالعزيز, as in "محمد بن نايف بن عبدالعزيز", King Salman)
            if sur not in self.particles and len(sur) >= 3 and parts[-2] not in _NASAB:
                last.setdefault(sur, m)
        def blocking() -> list[tuple[int, int]]:  # spans a surname may not overlap
            return [(x.start, x.end) for x in mentions if x.label == "PER" or x.source != "gazetteer"
                    or (x.entry is not None and x.entry.kind in ("country", "curated", "nationality"))]

        blocked = None
        for i in index.positions(_clitic_forms(last)):
            s, e, w = words[i]
            if i > 0 and words[i - 1][2] in _NASAB:
                continue  # part of another person's nasab chain ("بن عبدالعزيز")
            for prefix, rest in _strip_clitic(w):
                first = last.get(rest)
                if first is None or s < first.end:
                    continue
                a = s + (len(prefix) if prefix != "لل" else 0)
                if blocked is None:
                    blocked = blocking()
                if any(a < xe and xs < e for xs, xe in blocked):
                    break
                mentions[:] = [x for x in mentions if not (a < x.end and x.start < e)]
                mentions.append(Mention(a, e, "PER", rest, entry=first.entry, source="rule", rule="surname",
                                        confidence=0.6))
                blocked = None
                break

    # ------------------------------------------------------------------ output
    def _ministries(self, text, words, wtexts, mentions: list[Mention], countries: Counter,
                    index: _WordIndex) -> None:
        """Rule ``ministry``: وزارة + definite word(s) (وزارة الدفاع) is an ORG of the article's country."""
        dominant = countries.most_common(1)[0][0] if countries else None
        for i in index.positions(self._ministry_forms):
            if i >= len(words) - 1:
                break
            for prefix, rest in _strip_clitic(wtexts[i]):
                if rest != "وزاره":
                    continue
                nxt = wtexts[i + 1]
                if not nxt.startswith("ال") or self.gaz.word_rank(nxt) < 30:
                    break
                a = words[i][0] + (len(prefix) if prefix != "لل" else 0)
                j = i + 1  # وزارة الشؤون الإسلامية: the following definite words belong to the name
                while (j + 1 < len(words) and j - i < 3 and wtexts[j + 1].startswith("ال")
                       and not text[words[j][1]:words[j + 1][0]].strip()
                       and not any(self.gaz.entries[k].kind in ("nat_adj", "nationality", "country")
                                   for k in self.gaz.names.get(wtexts[j + 1], ()))
                       and self.gaz.word_rank(wtexts[j + 1]) >= 30 and wtexts[j + 1] not in self.gaz.stop
                       and (wtexts[j + 1],) not in self.titles):  # (وزارة الداخلية اللواء منصور: a rank ends it)
                    j += 1
                b = words[j][1]
                if any(a < x.end and x.start < b for x in mentions):
                    break
                mentions.append(Mention(a, b, "ORG", " ".join(wtexts[i:j + 1]), source="rule", rule="ministry",
                                        confidence=0.6, country=dominant,
                                        cameo=f"{dominant}GOV" if dominant else "GOV"))
                break

    def _entities(self, doc, norm, mentions: list[Mention], roles, dominant: str | None = None) -> list[dict[str, Any]]:
        out = []
        clauses = self._dominant_clauses(norm.text, mentions, dominant)
        people = [m for m in mentions if m.label == "PER"]
        for i, c in enumerate(cluster(mentions), 1):
            spans = []
            for m in c:
                a, b = norm.raw_span(m.start, m.end)
                spans.append(doc.span(a, b))
            named = [(m, s) for m, s in zip(c, spans) if m.rule != "anaphor"] or list(zip(c, spans))
            best_m, best_s = max(named, key=lambda ms: (len(ms[0].key), -ms[1]["start"]))
            text = best_m.restored or best_s["text"]
            if text.startswith("لل") and best_m.key.startswith("ال"):
                text = "ال" + text[2:]  # للشعب العراقي -> الشعب العراقي
            e = best_m.entry
            label = best_m.label
            country = e.country if e is not None else best_m.country
            cameo = best_m.cameo if best_m.cameo is not None else (
                cameo_at(e.cameo, None) if e is not None and not isinstance(e.cameo, str) else
                (e.cameo if e is not None else None))
            person_roles: list[str] = []
            if label == "PER":
                for m in c:  # a role phrase right before the name (المتحدث باسم وزارة الداخلية الأفغانية نجيب دانيش)
                    for rs, re_, rc, agent in roles:
                        if re_ <= m.start <= re_ + 2 and (rs, re_) not in m.roles:
                            m.roles.append((rs, re_))
                    if m.source != "gazetteer" and not any(rc for rs, re_, rc, _g in roles if (rs, re_) in m.roles):
                        self._model_role(norm.text, m, roles, people)  # (also past a bare title: وزير ... الكويتي الشيخ)
                body = None  # rule role-country: a role naming an international body (المبعوث الأممي)
                for m in c:
                    for ra, rb in m.roles:
                        body = body or self._role_body(norm.text[ra:rb])
                if body is not None:
                    country = e.country if e is not None else None
                    cameo = best_m.cameo if best_m.cameo is not None else body
                for m in c:
                    for ra, rb in m.roles:
                        a, b = norm.raw_span(ra, rb)
                        person_roles.append(doc.text[a:b])
                        if body is not None:
                            continue
                        for rs, re_, rc, agent in roles:
                            if ra <= rs and re_ <= rb + 1 and rc:
                                country = country or rc
                                cameo = cameo or f"{rc}{agent or ''}"
                        if not country:
                            country = self._role_country(norm.text[ra:rb])
                if (not country and dominant and body is None and any(m.rule != "person-honorific" for m in c)
                        and not (cameo or "").startswith(("IGO", "NGO", "IMG"))  # (an envoy of a body: no country)
                        and not self._dominant_elsewhere(c, clauses)):
                    # a person without a stated nationality: the article's country; not for a royal or
                    # honorific name alone (الملكة صوفيا): its country is its title's, never guessed
                    country = dominant
                if country and not cameo:
                    agents = [agent for m in c for ra, rb in m.roles for rs, re_, _rc, agent in roles
                              if ra <= rs and re_ <= rb + 1 and agent]
                    if agents:  # the title's own agent (وزير: GOV, العميد: MIL)
                        cameo = f"{country}{agents[0]}"
            ent = {
                "id": f"e{i}", "label": label, "text": text, "mentions": spans,
                "canonical": e.canonical if e is not None else best_m.canonical,
                "country": country,
                "geonames": e.geonames if e is not None else None,
                "lat": e.lat if e is not None else None,
                "lon": e.lon if e is not None else None,
                "cameo": cameo,
                "source": best_m.source, "confidence": round(best_m.confidence, 3),
                "rule": best_m.rule,
            }
            if label == "PER":
                ent["roles"] = person_roles
            out.append(ent)
        return out

    def _role_body(self, ntext: str) -> str | None:
        """CAMEO code of the first international body (``bodies`` of ``ar/role_bodies.yaml``) named
        in a normalised role phrase, or None: "المبعوث الاممى الى اليمن" -> "IGOUNO"."""
        ws = _WORD.findall(ntext)
        for i in range(len(ws)):
            if i and ws[i - 1] in self.role_hosts:
                continue  # السفير الليبي لدى الأمم المتحدة: the body is where he serves, not his
            for phrase, code in self.role_bodies:
                n = len(phrase)
                if tuple(ws[i + 1:i + n]) == phrase[1:] and any(
                        rest == phrase[0] for _p, rest in _strip_clitic(ws[i])):
                    return code
        return None

    def _role_country(self, ntext: str) -> str | None:
        """ISO alpha-3 of the person's country in a normalised role phrase: the first country or
        nationality adjective, skipping places after a host preposition (``host_prepositions`` of
        ``ar/role_bodies.yaml``, or a ب written on the place): "السفير الامريكى لدى العراق" -> "USA",
        "المبعوث الاممى الى اليمن" -> None."""
        for m in self.gaz.match(ntext):
            ws = m.start - (len(m.prefix) if m.prefix != "لل" else 0)
            pm = re.search(r"([^\W_]+)[ \t]+$", ntext[max(0, ws - 20):ws])
            if (pm and pm.group(1) in self.role_hosts) or "ب" in m.prefix:
                continue
            for e in self.gaz.lookup(m.key):
                if e.kind in ("nat_adj", "country") and e.country:
                    return e.country
        return None

    def _model_role(self, text: str, m: Mention, roles, people=()) -> None:
        """Rule ``role-country`` for a person the NER model found: a title before it, separated only
        by definite words, place names and ``between_words`` (السفير الامريكى لدى العراق ماثيو تولر),
        becomes the person's role (added to ``roles`` and ``m.roles``)."""
        ws = list(_WORD.finditer(text, max(0, m.start - 90), m.start))
        found = None  # the farthest title (وزير الداخلية الكويتي الشيخ: وزير)
        for k in range(len(ws) - 1, max(-1, len(ws) - 8), -1):
            if text[ws[k].end():(ws[k + 1].start() if k + 1 < len(ws) else m.start)].strip():
                break  # punctuation between
            if any(p.start <= ws[k].start() < p.end for p in people):
                break  # another person's name (والملكة صوفيا والملكة رانيا)
            wt = [w.group() for w in ws[k:]]
            if self._is_title(wt, 0):
                found = k
                if wt[0][:1] == "و" and wt[0] not in self._title_first or k and text[ws[k - 1].end():ws[k].start()].strip():
                    break  # a coordinated title (والملكة) is the person's own: what precedes is another's
                continue
            w = wt[0]
            if not (w.startswith(("ال", "لل")) or w in self.role_between
                    or any(rest in self.gaz.names for _p, rest in _strip_clitic(w))):
                break
        if found is None:
            return
        wt = [w.group() for w in ws[found:]]
        a, b = ws[found].start(), ws[-1].end()
        rc = self._role_country(text[a:b])
        # (the title's agent only with the role's own country: no GOV on a guessed country)
        roles.append((a, b, rc, self.titles.get(tuple(wt[:self._is_title(wt, 0)])) if rc else None))
        m.roles.append((a, b))

    @staticmethod
    def _dominant_clauses(text: str, mentions: list[Mention], dominant: str | None) -> list | None:
        """The clauses (normalised ``text`` cut at ``_CLAUSE_END`` marks) holding the mentions of the
        ``dominant`` country, each as ``(start, end, owners)`` with ``owners`` the spans of the people
        of that country in it; None when some clause has no such person (the country is then the
        article's, for every person). One pass per document (rule role-country)."""
        if dominant is None:
            return None
        people = sorted((p.start, p.end) for p in mentions if p.label == "PER"
                        and (p.entry.country if p.entry is not None else p.country) == dominant)
        if not people:
            return None
        ev = [x for x in mentions if x.label != "PER"
              and (x.entry.country if x.entry is not None else x.country) == dominant]
        if not ev:
            return None
        cuts = [mm.start() for mm in _CLAUSE_CUT_RE.finditer(text)]
        out: dict[tuple[int, int], list] = {}
        for x in ev:
            k = bisect.bisect_left(cuts, x.start)
            a = cuts[k - 1] + 1 if k > 0 else 0
            b = cuts[k] if k < len(cuts) else len(text)
            if (a, b) in out:
                continue
            owners = []
            for sp in people[bisect.bisect_left(people, (a, a)):]:
                if sp[0] >= b:
                    break
                if sp[1] <= b:
                    owners.append(sp)
            if not owners:
                return None
            out[(a, b)] = owners
        return [(a, b, owners) for (a, b), owners in out.items()] or None

    @staticmethod
    def _dominant_elsewhere(c, clauses: list | None) -> bool:
        """True when every clause of :meth:`_dominant_clauses` belongs to another person than the
        mentions of cluster ``c`` and holds none of them: "قال محمد صلاح ...، وأكد عمر البشير أن
        السودان آمن" gives Salah no Sudan (rule role-country)."""
        if not clauses:
            return False
        own = [(x.start, x.end) for x in c]
        for a, b, owners in clauses:
            if any(a <= s and e <= b for s, e in own) or all(o in own for o in owners):
                return False
        return True

    def _country_in(self, ntext: str) -> str | None:
        """ISO alpha-3 of the first country or nationality adjective named in a normalised phrase
        (None if none); cached per phrase."""
        cache = self._country_in_cache
        if ntext in cache:
            return cache[ntext]
        if len(cache) >= CACHE_MAX:
            cache.clear()
        found = None
        for m in self.gaz.match(ntext):
            for e in self.gaz.lookup(m.key):
                if e.kind in ("nat_adj", "country") and e.country:
                    found = e.country
                    break
            if found:
                break
        cache[ntext] = found
        return found
