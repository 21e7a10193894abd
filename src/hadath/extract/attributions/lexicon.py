"""Load the attribution lexicons (``ar/cues.yaml``, ``ar/grammar.yaml``) into lookup tables.

Every Arabic entry is normalised with :func:`hadath.text.normalize.normalize_word`
so it can be matched on ``state.norm.text``. Verb entries are expanded to their
inflected forms (see the header of ``ar/cues.yaml``).

Example:
    >>> lex = CueLexicon.load()
    >>> lex.token_cues["واكدت"] if "واكدت" in lex.token_cues else lex.token_cues["اكدت"][0]
    'say.akkada'
    >>> lex.token_cues["يقولون"][:2]
    ('say.qala', 'present')
    >>> "استقال" in lex.token_cues
    False
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from hadath.text.normalize import normalize_word

__all__ = ["CueLexicon", "VerbEntry", "bare_word", "expand_past", "expand_present", "expand_participle"]

_MARKS = re.compile("[\u064b-\u0652\u0640]")


def bare_word(w: str) -> str:
    """A written word without vowel marks and tatweel, أ/إ/آ as ا; ة and final ي are kept (شقيقة is
    not شقيقه "his brother").

    Example:
        >>> bare_word("الموالِية"), bare_word("أحد"), bare_word("شقيقه") == bare_word("شقيقة")
        ('الموالية', 'احد', False)
    """
    return _MARKS.sub("", w).replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")

_PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا")
_PRESENT_PREFIXES = ("ي", "ت")
_PART_SUFFIXES = ("ا", "ة", "ين", "ون")


def expand_past(form: str | list[str]) -> list[str]:
    """Inflected past forms of a verb (3rd m.sg. given), or the given list as is.

    Example:
        >>> expand_past("أكد")[:4]
        ['أكد', 'أكدت', 'أكدوا', 'أكدا']
    """
    if isinstance(form, list):
        return list(form)
    return [form + s for s in _PAST_SUFFIXES]


def expand_present(form: str | list[str]) -> list[str]:
    """Inflected present forms from the 3rd m.sg. (``ي`` + stem), or the given list.

    Example:
        >>> sorted(expand_present("يقول"))[:3]
        ['تقول', 'تقولان', 'تقولون']
    """
    if isinstance(form, list):
        return list(form)
    stem = form[1:] if form.startswith("ي") else form
    out = [p + stem for p in _PRESENT_PREFIXES]
    out += [p + stem + s for p in ("ي", "ت") for s in ("ون", "ان")]
    return out


def expand_participle(form: str | list[str] | None) -> list[str]:
    """Adverbial participle forms (``مؤكدا``, ``مؤكدة`` ...) from the bare stem, or the list.

    Example:
        >>> expand_participle("مشير")
        ['مشيرا', 'مشيرة', 'مشيرين', 'مشيرون']
    """
    if form is None:
        return []
    if isinstance(form, list):
        return list(form)
    return [form + s for s in _PART_SUFFIXES]


@dataclass(frozen=True)
class VerbEntry:
    """One reporting verb.

    Attributes:
        id: Stable rule id (e.g. ``say.qala``).
        complement: ``"required"``, ``"optional"`` (a noun-phrase object may be the content) or
            ``"listed"`` (only a noun phrase opening with one of ``content_nouns``).
        opens: Normalised words that may open the content (``الى`` after اشار).
        keep_open: Keep the opening word inside the content (``عن`` after كشف).
        relay: ``نقل X عن Y``: X relays Y (nested attribution).
        participle_np: The participle may take a noun-phrase content (``داعيا جميع ...``).
        strict: Ambiguous word (بين "between", زاد "increased"): a cue only when the
            complementizer or colon follows the cue or a short speaker directly.
        addressee: The verb takes the person told as a direct object (أبلغ الوزير نظيره أن).
    """

    id: str
    complement: str = "required"
    opens: frozenset[str] = frozenset()
    keep_open: bool = False
    relay: bool = False
    participle_np: bool = False
    strict: bool = False
    addressee: bool = False


def _norm_list(items: list[str] | None) -> list[str]:
    return [normalize_word(x) for x in (items or [])]


@dataclass
class CueLexicon:
    """All tables the attribution rules use (normalised strings).

    Attributes:
        verbs: Rule id -> :class:`VerbEntry`.
        token_cues: Normalised word form -> ``(rule id, "past"|"present"|"participle")``.
        multi: Normalised multi-word cue form (single spaces) -> ``(rule id, kind)``; kind is
            ``according``, ``according_pronoun``, ``passive`` or ``masdar``.
        multi_re: One regex over all multi-word forms (longest first); group 1 is the form
            without a leading و.
        impersonal, not_sources, blockers_before, complementizers, after_according, settings_after,
        settings_fi, time_words, clause_openers, auxiliaries, content_nouns, quantifiers: word sets
            (quantifiers: كل، بعض، أي ... which with من/ما make "whoever", never a speaker;
            month_words: the words of Gregorian month names, for dates when no times are given;
            addressees: nouns that after ل/لل end a speaker, "قال أبوت للبرلمان"; document_heads /
            document_adjectives: a definite report/statement head keeps only its adjectives;
            document_participles: الصادر ... after which the noun phrase goes on; relay_saying:
            قوله، تأكيده ... after a relayed source, part of the cue, not of the speaker; media_heads:
            صحيفة، وكالة ... heads of an outlet speaker, which relays the source of an aside).
        quotes: Opening mark -> closing mark.
        brackets: Opening bracket -> closing bracket (an aside between speaker and content).
        pronoun_complementizers: Complementizer carrying a subject pronoun (``إنه``) -> the pronoun's
            person/number/gender: ``m``, ``f``, ``pl`` or ``1``.
        anaphors: Definite head -> heads of the full mentions it may refer back to.
        relay_markers: Words of an "according to" form flagged ``relays`` (``("نقلا", "عن")``) ->
            its rule id: after a speaker it marks a source that speaker relays.
        relation_heads, relation_quantifiers, relation_words: written forms (:func:`bare_word`) that make a
            person named inside a speaker someone the speaker is related to (والد الشهيد X، أحد أنصار X،
            القوات الموالية للرئيس X); ``on_behalf`` (باسم, normalised) counts only before one of
            ``principal_titles`` (المتحدث باسم الرئيس X).
        relay_heads: Normalised "according to what X reported" cues (``وفقا لما نقلته``) whose verb is
            one of the entry's ``relay_verbs``: ``عن`` after their speaker opens a relayed source.
    """

    verbs: dict[str, VerbEntry] = field(default_factory=dict)
    token_cues: dict[str, tuple[str, str]] = field(default_factory=dict)
    multi: dict[str, tuple[str, str]] = field(default_factory=dict)
    multi_re: Any = None
    impersonal: frozenset[str] = frozenset()
    not_sources: frozenset[str] = frozenset()
    blockers_before: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    after_according: frozenset[str] = frozenset()
    settings_after: frozenset[str] = frozenset()
    settings_fi: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    clause_openers: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    content_nouns: frozenset[str] = frozenset()
    relay_saying: frozenset[str] = frozenset()
    quantifiers: frozenset[str] = frozenset()
    month_words: frozenset[str] = frozenset()
    addressees: frozenset[str] = frozenset()
    document_heads: frozenset[str] = frozenset()
    document_adjectives: frozenset[str] = frozenset()
    document_participles: frozenset[str] = frozenset()
    media_heads: frozenset[str] = frozenset()
    quotes: dict[str, str] = field(default_factory=dict)
    brackets: dict[str, str] = field(default_factory=dict)
    pronoun_complementizers: dict[str, str] = field(default_factory=dict)
    anaphors: dict[str, frozenset[str]] = field(default_factory=dict)
    relay_markers: dict[tuple[str, ...], str] = field(default_factory=dict)
    relation_heads: frozenset[str] = frozenset()
    relation_quantifiers: frozenset[str] = frozenset()
    relation_words: frozenset[str] = frozenset()
    on_behalf: frozenset[str] = frozenset()
    principal_titles: frozenset[str] = frozenset()
    relay_heads: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> "CueLexicon":
        """Read and normalise the shipped YAML files.

        Raises:
            ValueError: If a word form is claimed by two different rules.
        """
        pkg = resources.files("hadath.extract.attributions")
        cues = yaml.safe_load(pkg.joinpath("ar/cues.yaml").read_text("utf-8"))
        gram = yaml.safe_load(pkg.joinpath("ar/grammar.yaml").read_text("utf-8"))
        lex = cls()
        for v in cues["verbs"]:
            entry = VerbEntry(
                id=v["id"], complement=v.get("complement", "required"),
                opens=frozenset(_norm_list(v.get("opens"))), keep_open=bool(v.get("keep_open")),
                relay=bool(v.get("relay")), participle_np=bool(v.get("participle_np")),
                strict=bool(v.get("strict")), addressee=bool(v.get("addressee")),
            )
            lex.verbs[entry.id] = entry
            forms = [(f, "past") for f in expand_past(v["past"])]
            if v.get("present"):
                forms += [(f, "present") for f in expand_present(v["present"])]
            forms += [(f, "participle") for f in expand_participle(v.get("participle"))]
            for f, kind in forms:
                nf = normalize_word(f)
                old = lex.token_cues.get(nf)
                if old and old[0] != entry.id:
                    raise ValueError(f"cues.yaml: form {f!r} of {entry.id} is also a form of {old[0]}")
                if not old:
                    lex.token_cues[nf] = (entry.id, kind)
        multi = []
        relay_heads = set()

        def with_pronoun(verbs: list[str]) -> list[str]:
            return [*verbs, *(v[:-1] + "ه" if v.endswith("وا") else v + "ه" for v in verbs if not v.endswith("ى"))]

        for kind in ("according", "according_pronoun", "passive", "masdar"):
            for item in cues.get(kind, []):
                # forms, plus every head + verb phrase ("بحسب ما" + "أفادت")
                # (and with the pronoun of ما on the verb: "وفقا لما أعلنته"، "كما ذكروه")
                verbs = with_pronoun(item.get("verbs", []))
                phrases = [f"{h} {v}" for h in item.get("heads", []) for v in verbs]
                relay_heads.update(" ".join(normalize_word(f"{h} {v}").split()) for h in item.get("heads", [])
                                   for v in with_pronoun(item.get("relay_verbs", [])))
                if item.get("relays"):
                    for f in item.get("forms", []):
                        nf = normalize_word(f)
                        if not nf.endswith(" ل"):  # "استنادا لـ" is glued to its noun: no whole-word marker
                            lex.relay_markers[tuple(nf.split())] = item["id"]
                for f in [*item.get("forms", []), *phrases]:
                    multi.append((normalize_word(f), item["id"], kind))
        multi.sort(key=lambda x: -len(x[0]))
        alts = []
        for nf, rid, kind in multi:
            key = " ".join(nf.split())
            if key in lex.multi:
                continue
            lex.multi[key] = (rid, kind)
            body = r"\s+".join(re.escape(w) for w in nf.split())
            tail = "" if nf.endswith(" ل") else r"(?!\w)"
            alts.append(body + tail)
        lex.multi_re = re.compile(r"(?<!\w)و?(" + "|".join(alts) + ")")
        lex.relay_heads = frozenset(relay_heads)
        lex.impersonal = frozenset(_norm_list(cues.get("impersonal")))
        lex.not_sources = frozenset(_norm_list(cues.get("not_sources")))
        lex.blockers_before = frozenset(_norm_list(cues.get("blockers_before")))
        for key in ("complementizers", "after_according", "settings_after", "settings_fi", "time_words",
                    "clause_openers", "auxiliaries", "content_nouns", "quantifiers", "addressees", "document_heads",
                    "document_adjectives", "document_participles", "relay_saying", "media_heads",
                    "on_behalf", "principal_titles"):
            setattr(lex, key, frozenset(_norm_list(gram.get(key))))
        for key in ("relation_heads", "relation_quantifiers", "relation_words"):  # written forms (ة kept)
            setattr(lex, key, frozenset(bare_word(w) for w in gram.get(key) or []))
        lex.month_words = frozenset(w for m in _norm_list(gram.get("months")) for w in m.split())
        lex.quotes = dict(gram["quotes"])
        lex.brackets = dict(gram.get("brackets") or {})
        lex.pronoun_complementizers = {normalize_word(k): str(v)
                                       for k, v in (gram.get("pronoun_complementizers") or {}).items()}
        lex.anaphors = {normalize_word(k): frozenset(_norm_list(v)) for k, v in gram["anaphors"].items()}
        return lex
