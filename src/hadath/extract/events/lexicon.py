"""Lexicons of the event coder: trigger rules, agents, actors, countries, CAMEO->PLOVER.

All keys are normalised with :func:`hadath.text.normalize.normalize_word`, so
they match ``state.norm.text``. Verb rules list past-tense 3sg.m. forms and get
their inflected forms (past and imperfect persons, object pronouns) from
:func:`verb_forms`; noun rules list their written forms and get clitic and
pronoun variants from :func:`noun_forms`. Clitics (و ف ب ل ك ال س) are handled at
match time by :func:`token_candidates`.

Example:
    >>> "يقصفون" in verb_forms("قصف")
    True
    >>> "اعتقلت" in verb_forms("اعتقل/عتقل") and "يعتقل" in verb_forms("اعتقل/عتقل")
    True
    >>> stem_key("السلطات الألمانية") in key_variants("سلطة ألماني")
    True
    >>> [c for c, _ in token_candidates("وبالهجمات")][:3]
    ['وبالهجمات', 'بالهجمات', 'الهجمات']
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from hadath.text.normalize import normalize_word

__all__ = ["stem", "stem_norm", "stem_key", "key_variants", "verb_forms", "noun_forms", "token_candidates", "Rule", "Lexicon", "load_lexicon"]

_PAST_SUFFIX = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "و")
_IMPF_SUFFIX = ("", "ون", "ان", "ين", "وا", "ن")
_OBJ = ("ه", "ها", "هم", "هما", "نا", "ني")
_NOUN_POSS = ("ه", "ها", "هم", "هما", "هن", "نا")


def stem(tok: str) -> str:
    """Light stem of one normalised token for actor/agent matching.

    Strips one conjunction, one preposition and the article (keeping 2+ letters),
    then plural/feminine/nisba endings: ``السلطات`` -> ``سلط``, ``الألمانية`` -> ``الماني``.

    Example:
        >>> stem("والقوات"), stem("الأمريكيين"), stem("للتحالف")
        ('قو', 'امريكي', 'تحالف')
    """
    return stem_norm(normalize_word(tok))


def stem_norm(t: str) -> str:
    """:func:`stem` of a token that is already normalised (no normalisation pass)."""
    if t.endswith("ى"):
        t = t[:-1] + "ي"
    if len(t) > 4 and t[0] in "وف" and (t[1:3] == "ال" or t[1] in "بل"):
        t = t[1:]
    if t.startswith("لل") and len(t) > 4:
        t = t[2:]
    elif len(t) > 4 and t[0] in "بلك" and t[1:3] == "ال":
        t = t[1:]
    if t.startswith("ال") and len(t) > 4:
        t = t[2:]
    for suf, rep in (("يين", "ي"), ("يون", "ي"), ("يات", "ي"), ("يه", "ي"), ("ات", ""), ("ون", ""), ("ين", ""), ("ه", "")):
        if t.endswith(suf) and len(t) - len(suf) + len(rep) >= 2:
            t = t[: len(t) - len(suf)] + rep
            break
    return t


def stem_key(phrase: str) -> str:
    """Space-joined light stems of a phrase (``_`` counts as a space)."""
    return " ".join(stem(w) for w in phrase.replace("_", " ").split() if w)


def key_variants(phrase: str) -> set[str]:
    """Stem keys of a lexicon phrase as written, fully definite, and as a construct.

    Lexicon entries are often written without the article (``سلطة ألماني``,
    ``وزارة دفاع أميركي``) while news text has ``السلطات الألمانية`` and
    ``وزارة الدفاع الأمريكية``; the article cannot be told from a stem-initial
    ال (ألماني), so every entry is keyed as written, with ال on every word, and
    with ال on every word but the first.

    Example:
        >>> stem_key("الاستخبارات التركية") in key_variants("استخبارات تركي")
        True
    """
    words = [w for w in phrase.replace("_", " ").split() if w]
    if not words:
        return set()
    defi = [w if w.startswith("ال") else "ال" + w for w in words]
    return {stem_key(" ".join(words)), stem_key(" ".join(defi)), stem_key(" ".join(words[:1] + defi[1:]))}


@functools.lru_cache(maxsize=4096)
def verb_forms(spec: str) -> frozenset[str]:
    """Inflected, normalised forms of a verb given as ``past`` or ``past/imperfect-stem``.

    Args:
        spec: Past 3sg.m. form, optionally ``/`` and the imperfect stem without
            the person prefix (``اعتقل/عتقل``); defaults: the past form itself,
            or without its first letter when it starts with ا (forms IV, VII, VIII, X).

    Returns:
        Frozen set of normalised forms (past and imperfect persons, with and
        without object pronouns). Passive forms are spelt the same unvowelled.
    """
    past, _, impf = normalize_word(spec).partition("/")
    if not impf:
        impf = past[1:] if past.startswith("ا") and len(past) >= 4 else past
    forms: set[str] = set()
    pbases = [past]
    if past.endswith(("ى", "ا")):  # defective: التقى -> التقت التقوا التقينا
        b = past[:-1]
        forms.update({past, b + "ت", b + "وا", b + "يا", b + "ينا", b + "يت", b + "اه", b + "اها", b + "اهم"})
        pbases = []
    for b in pbases:
        for s in _PAST_SUFFIX:
            forms.add(b + s)
        for o in _OBJ:
            forms.update({b + o, b + "ت" + o, b + "و" + o})
    ibases = [impf]
    if impf.endswith(("ي", "و", "ى", "ا")):
        ibases.append(impf[:-1])
    for pre in "يتنا":
        for b in ibases:
            for s in _IMPF_SUFFIX:
                forms.add(pre + b + s)
            for o in _OBJ:
                forms.update({pre + b + o, pre + b + "ون" + o, pre + b + "و" + o})
    return frozenset(normalize_word(f) for f in forms if len(f) >= 2)


def noun_forms(word: str) -> frozenset[str]:
    """Normalised forms of a noun: itself, construct (ة->ت) and possessive pronouns, dual.

    Example:
        >>> sorted(noun_forms("محاصرة"))[:3]
        ['محاصرتان', 'محاصرتنا', 'محاصرته']
    """
    w = normalize_word(word)
    forms = {w}
    base = w[:-1] + "ت" if w.endswith("ه") else w
    if w.endswith("ا") and not w.endswith("اا"):  # accusative -an written with alif
        return frozenset(forms)
    if not w.endswith(("ه", "ى", "ء", "ات")):
        forms.add(w + "ا")  # accusative: اعتصام -> اعتصاما
    for s in _NOUN_POSS:
        forms.add(base + s)
    forms.update({base + "ين", base + "ان"})
    return frozenset(forms)


def token_candidates(tok: str) -> list[tuple[str, str]]:
    """Proclitic-stripped candidates of a normalised token, with what was stripped.

    Returns:
        ``[(candidate, kind)]`` where kind is ``""`` (nothing), ``"c"`` (conjunction
        or preposition only, verbs and nouns) or ``"n"`` (article stripped: nouns only),
        ``"v"`` (future س stripped: verbs only), ``"l"`` (ل stripped before ي ت ن ا: the purpose ل of an
        imperfect verb, or the preposition of a noun such as لتفجير، لاعتداء). The unstripped token comes first.

    Examples:
        >>> token_candidates("لاعتداء")
        [('لاعتداء', ''), ('اعتداء', 'l')]
    """
    out = [(tok, "")]
    seen = {tok}

    def add(c: str, k: str) -> None:
        if len(c) >= 2 and c not in seen:
            seen.add(c)
            out.append((c, k))

    t = tok
    if len(t) > 2 and t[0] in "وف":
        t = t[1:]
        add(t, "c")
    if len(t) > 3 and t[0] == "س" and t[1] in "يتنا":
        add(t[1:], "v")
    if len(t) > 3 and t[0] == "ل" and t[1] in "يتنا":
        add(t[1:], "l")
    if t.startswith("لل") and len(t) > 4:
        add("ال" + t[2:], "c")
        add(t[2:], "n")
    if len(t) > 3 and t[0] in "بلك":
        add(t[1:], "c")
        t2 = t[1:]
        if t2.startswith("ال") and len(t2) > 3:
            add(t2[2:], "n")
    if t.startswith("ال") and len(t) > 3:
        add(t[2:], "n")
    return out


@dataclass(frozen=True)
class Rule:
    """One trigger rule of ``ar/triggers.yaml`` (see the file header for the keys)."""

    id: str
    cameo: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    confidence: float
    window: int
    require_near: frozenset[str] = frozenset()
    require_before: frozenset[str] = frozenset()
    require_around: frozenset[str] = frozenset()
    require_near_prefix: tuple[str, ...] = ()
    exclude_near: frozenset[str] = frozenset()
    exclude_window: int = 2
    exclude_before: frozenset[str] = frozenset()
    patient_genitive: bool = False
    definite_ok: bool = False
    elaboration: bool = False
    support: frozenset[str] = frozenset()
    recipient_preps: frozenset[str] = frozenset()
    actor_sectors: frozenset[str] = frozenset()
    also: tuple[tuple[str, str | None, str], ...] = ()


@dataclass
class Lexicon:
    """All compiled lookups of the coder (built once per :class:`EventCoder`).

    Attributes:
        rules: Rule id -> :class:`Rule`.
        single: Normalised form -> list of (rule id, pos "verb"|"noun", tense "past"|"impf"|None).
        phrases: Normalised head form -> list of (tuple of following words, rule id).
        agents: Stem key -> sector code (GOV MIL SPY REB CVL COP JUD ...).
        actors: Stem key -> list of (code, start YYYYMMDD or "", end or "").
        countries: Stem key -> (ISO3, "country"|"nat").
        cameo2plover: CAMEO code -> (TYPE, mode or None, [contexts]).
        patterns: Inflected verb form -> list of (object stem, cameo), from the
            UniversalPetrarch verb+object patterns (``cameo_patterns.tsv``).
        cues: Cue lists (negation, modality, agent markers ...) from ``ar/cues.yaml``.
        max_actor_len: Longest actor/agent key in words.
        curated_agents: Agent keys from the curated ``actors.yaml`` (they win over derived actors).
        first_words: First stems of every actor/agent/country key (a fast precheck).
        dual_agents: Nominative dual form (normalised, no article) -> agent stem key, made from the
            one-word singular agents of ``actors.yaml`` (``مسلح`` -> ``مسلحان``, ``حكومة`` -> ``حكومتان``);
            the stemmer keeps -ان (it ends too many names: سلطان، لبنان), so duals are looked up whole.
    """

    rules: dict[str, Rule] = field(default_factory=dict)
    single: dict[str, list[tuple[str, str, str | None]]] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)
    actors: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    countries: dict[str, tuple[str, str]] = field(default_factory=dict)
    cameo2plover: dict[str, tuple[str, str | None, list[str]]] = field(default_factory=dict)
    patterns: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    cues: dict[str, Any] = field(default_factory=dict)
    curated_agents: frozenset[str] = frozenset()
    max_actor_len: int = 1
    first_words: frozenset[str] = frozenset()
    dual_agents: dict[str, str] = field(default_factory=dict)


def dual_form(word: str) -> str | None:
    """The nominative dual of a normalised singular noun without the article, or None for a plural, an
    accusative (ending in ا) or a dual.

    Example:
        >>> dual_form("مسلح"), dual_form("حكومه"), dual_form("جندى"), dual_form("مسلحين")
        ('مسلحان', 'حكومتان', 'جنديان', None)
    """
    if len(word) < 3 or word.endswith(("ون", "ين", "ات", "اء", "ا", "ان")):
        return None
    if word.endswith("ى"):
        return word[:-1] + "يان"
    return word[:-1] + "تان" if word.endswith("ه") else word + "ان"


def _read(name: str) -> str:
    return resources.files("hadath.extract.events").joinpath("ar", name).read_text("utf-8")


def _tsv(name: str) -> list[list[str]]:
    return [ln.split("\t") for ln in _read(name).splitlines() if ln and not ln.startswith("#")]


def _stemset(words: Any) -> frozenset[str]:
    return frozenset(normalize_word(w) for w in (words or [])) | frozenset(stem(w) for w in (words or []))


def load_lexicon(with_patterns: bool = True) -> Lexicon:
    """Load every lexicon file of ``hadath/extract/events/ar/``.

    Args:
        with_patterns: Also expand the UniversalPetrarch verb+object patterns
            (~80k inflected forms; about a second to build).

    Raises:
        ValueError: If a trigger rule names an unknown CAMEO code or lacks forms.
    """
    import yaml

    lex = Lexicon()
    for cameo, typ, mode, ctx in _tsv("cameo2plover.tsv"):
        lex.cameo2plover[cameo] = (typ, mode or None, [c for c in ctx.split(";") if c])
    for r in yaml.safe_load(_read("triggers.yaml")):
        cameo = str(r["cameo"])
        if cameo not in lex.cameo2plover:
            raise ValueError(f"triggers.yaml: rule {r['id']} has unknown CAMEO code {cameo}")
        typ, mode, ctx = lex.cameo2plover[cameo]
        rule = Rule(
            id=r["id"], cameo=cameo, type=r.get("type", typ), mode=r.get("mode", mode),
            context=tuple(r.get("context", ctx)), confidence=float(r.get("confidence", 0.8)),
            window=int(r.get("window", 4)), require_near=_stemset(r.get("require_near")),
            require_before=_stemset(r.get("require_before")), require_around=_stemset(r.get("require_around")),
            require_near_prefix=tuple(normalize_word(x) for x in r.get("require_near_prefix") or ()),
            exclude_near=_stemset(r.get("exclude_near")), exclude_window=int(r.get("exclude_window", 2)),
            exclude_before=_stemset(r.get("exclude_before")),
            patient_genitive=r.get("genitive") == "patient", definite_ok=bool(r.get("definite_ok")),
            elaboration=bool(r.get("elaboration")),
            support=frozenset(normalize_word(w) for w in r.get("support") or ()),
            recipient_preps=frozenset(normalize_word(w) for w in r.get("recipient_preps") or ()),
            actor_sectors=frozenset(r.get("actor_sectors") or ()),
            also=tuple((a["type"], a.get("mode"), str(a["cameo"])) for a in r.get("also") or ()),
        )
        if not (r.get("verbs") or r.get("nouns")):
            raise ValueError(f"triggers.yaml: rule {r['id']} has no verbs or nouns")
        lex.rules[rule.id] = rule
        not_forms = {normalize_word(f) for f in r.get("not_forms") or ()}
        for v in r.get("verbs") or []:
            past = normalize_word(v.split("/")[0])
            for f in verb_forms(v) - not_forms:
                tense = "impf" if f[0] in "يتن" and not past.startswith(f[0]) else "past"
                lex.single.setdefault(f, []).append((rule.id, "verb", tense))
        for n in r.get("nouns") or []:
            words = normalize_word(n).split()
            if len(words) == 1:
                for f in noun_forms(words[0]) - not_forms:
                    lex.single.setdefault(f, []).append((rule.id, "noun", None))
            else:
                for f in noun_forms(words[0]):
                    lex.phrases.setdefault(f, []).append((tuple(words[1:]), rule.id))
    for key, sector in _tsv("agents.tsv"):
        lex.agents[key] = sector
    import yaml as _y

    cur = _y.safe_load(_read("actors.yaml"))
    curated = set()
    for phrase, sector in (cur.get("agents") or {}).items():
        for k in key_variants(phrase):
            lex.agents[k] = sector
            curated.add(k)
    lex.curated_agents = frozenset(curated)
    for phrase in cur.get("agents") or {}:
        w = normalize_word(phrase)
        w = w[2:] if w.startswith("ال") and len(w) > 4 else w
        form = dual_form(w) if " " not in w else None
        if form is not None:
            lex.dual_agents.setdefault(form, stem_norm(w))
    for key, code, start, end in _tsv("actors.tsv"):
        lex.actors.setdefault(key, []).append((code, start, end))
    for phrase, code in (cur.get("actors") or {}).items():
        for k in key_variants(phrase):
            lex.actors[k] = [(code, "", "")]
    for key, iso, kind in _tsv("countries.tsv"):
        lex.countries[key] = (iso, kind)
    for phrase, iso in (cur.get("countries") or {}).items():
        for k in key_variants(phrase):
            lex.countries[k] = (iso, "country")
    for verb, obj, cameo in (_tsv("cameo_patterns.tsv") if with_patterns else ()):
        if cameo in lex.cameo2plover:
            for f in verb_forms(verb):
                lex.patterns.setdefault(f, []).append((obj, cameo))
    lex.cues = _y.safe_load(_read("cues.yaml"))
    lex.max_actor_len = max(len(k.split()) for k in list(lex.agents) + list(lex.actors))
    lex.max_actor_len = min(lex.max_actor_len, 6)
    lex.first_words = frozenset(k.split()[0] for k in list(lex.agents) + list(lex.actors) + list(lex.countries))
    return lex
