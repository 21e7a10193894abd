"""Dictionary event coder for Arabic: triggers, roles, place, date, size, flags.

The coder works sentence by sentence over the normalised text
(:attr:`hadath.pipeline.State.norm`), with no parser:

1. Tokens (words and punctuation) of the normalised text, mapped back to raw offsets.
2. Actor mentions: entities of ``state.doc.entities`` (their ``cameo`` and
   ``country``), plus the coder's own phrases: named actors (``actors.yaml``,
   ``actors.tsv``), agent nouns with a following nationality or country
   (``السلطات الألمانية`` -> DEU + GOV), countries and nationalities.
3. Triggers: verbs and event nouns of ``triggers.yaml`` (id'd rules with
   CAMEO codes; PLOVER type/mode/context from CAMEO2PLOVER), then the
   UniversalPetrarch verb+object patterns for verbs no rule covers.
4. Roles from word order: passive agents (على يد، من قبل), verb-subject-object
   and subject-verb order, nominal events (the genitive or the subject of a
   support verb such as شن is the actor; targets after ضد / على). A
   clause-initial unvowelled harm/arrest verb followed by a counted phrase
   (قتل 3 جنود، وأصيب 17 آخرون، اعتقل 5 أشخاص; cues ``passive_verbs``) and a
   counted phrase before a plural one with no object (أربعة مدنيين قتلوا) are
   passive: the counted phrase is the victim, never the actor; a bare counted
   phrase (23 شخصا) is a possible victim / detainee only; a phrase after في /
   بـ-place is neither actor nor recipient. An indefinite accusative agent noun
   (tanween alef: مسلحا، جنديا، شخصا; curated agents and cues
   ``accusative_objects``; ``_acc_agent``) is an object: it ends the actor
   before it ("قتل الجيش مسلحا": actor الجيش, recipient مسلحا) and is never an
   actor itself. A definite noun after such a verb (قتل الجندي) is the victim
   only with evidence (``_roles``, how ``passive-vowelled`` / ``passive-form``
   / ``passive-definite``): passive vowels on the verb (قُتل، قُتِل), a
   passive-only form (cues ``passive_only_verbs``: أصيب، اغتيل), an agent
   phrase after the noun (cues ``passive_agent_phrases``: برصاص، في هجوم،
   جراء; the mention after برصاص / بنيران is the actor), or a person noun (not
   ``collective_agents``: الجيش، الشرطة) with no object after it; active vowels
   (قَتل) or an object ("قتل الجندي مسلحا") keep the verb active.
5. Place (the nearest في / بـ + place of the trigger's clause), date (a time of
   the sentence, else the publication date), size (dead / injured / arrested /
   participants: each count goes to ONE event, the nearest ASSAULT / COERCE
   arrest / PROTEST trigger of its clause, see ``_assign_sizes``), negation
   (not bare ما, mostly the resultative ما أسفر عن) and modality, attribution,
   and a document-level merge of repeated mentions (a definite, actor-less
   ASSAULT/PROTEST noun such as الانفجار refers back to the last one; a toll noun
   after أسفر عن / أدى إلى is the outcome of the attack before it; two attacks
   with the same death toll are one).
6. Names, origins, intentions, tolls: a trigger word inside an entity mention or a multi-word named actor
   (منظمة الأمن والتعاون) is none, nor an event noun that is the subject of the verb trigger before it
   (قصفت المدفعية); "من (داخل) الأراضي اليمنية" is where an attack came from (its country is the actor when
   none other is named, never the recipient; cues ``origin_phrases``); a verb of wanting, needing or calling
   for (cues ``intention_heads``: يريد أن، يجب أن، دعا إلى، طالب بـ) makes the trigger it governs
   hypothetical; a count of the dead and injured together (300 قتيل وجريح) is no size; a coordinated victim
   list after a killing noun (استشهاد عريف وجنديين) counts everyone.
   Verbal nouns: a bare past form that is the object of a verb (right after a verb of reacting or denying or a
   trigger verb of another type, or after that verb's subject: "أدانت الحكومة قصف المدنيين") or that carries a
   proclitic ب / ل (لقصف، بخطف) is read as the verbal noun; its genitive is its object (rules with
   ``genitive: patient``), except before a ل-object ("اقتحام القوات الإسرائيلية للمسجد": the genitive acts) or
   when it is a weapon-bearing body (cues ``instrument_agents``, ``armed_genitive_rules``: "قصف الطيران
   الروسي"); a من-phrase right after an attack / coercion noun names its actor ("تعرضت القرية لقصف من الطيران
   الروسي"); what follows a verbal-noun object is not the reacting verb's recipient. Accusations: the triggers
   in the complement of "اتهم X بـ ..." / "حمّل X مسؤولية ..." make no event (PLOVER codes one ACCUSE event;
   they are kept in its ``evidence.alleged`` with the accused as actor; ``_alleged_acts``). Modality: a noun
   carried by a support verb takes the verb's future (س، سوف) or possibility (قد + imperfect); the future makes
   an event hypothetical and sets ``evidence.future``. Outcomes that did not happen ("لم يسفر عن سقوط قتلى"،
   "دون وقوع إصابات"; ``_negated_results``) make no killing / wounding event and no size, and do not negate the
   attack noun before them (``لم تقع أعمال شغب``, an occurrence verb, stays negated). An actor phrase ends at a
   place preposition (cues ``span_enders``: أمام، قرب). An actor that is only the attack's origin country is the
   same attacker as one of that country. An attack noun after في / جراء / ب that follows a killing / wounding
   trigger of its sentence is how that harm was done: one event ("قتلوا في قصف ..."). A noun after a verb of
   occurrence in the future (ستشهد القاهرة مظاهرات) is future too.
   Second review: a number inside a time expression of ``doc.times`` (عام 2016، 15 ربيع الأول 1441 هـ) is no
   number for the coder (never a toll, a counted victim or part of a role); a counted phrase spans the quantity
   stage's compound count (أحد عشر مدنيا). An attack verb whose subject is an attack noun takes the noun's
   ل-phrase or nationality adjective as actor and what follows as target (استهدفت غارة جوية للتحالف حافلة
   أطفال; ``_attack_noun_subject``). Members or units of a body before it (cues ``member_heads``: عناصر
   الشرطة) are that body. A denier is the actor of the act it denies (نفى الجيش قصف المستشفى, negated; not
   verbs of foiling), and a possessed subject (طائراتها قد قصفت) is its possessor's (``_possessor_subject``). A
   person phrase right before a passive-capable plural verb with no object is its victim (المدنيون الخمسة
   قتلوا، إن 12 مدنيا قتلوا). A purpose noun (للمطالبة برحيل بوتفليقة) is done by the actor of the event it
   follows, its genitive addressed. A definite object after a verb's subject is its recipient (هاجمت إيران
   السفن), never past a following ف/و + future verb. A weapon, then a relative verb with an object pronoun
   (صاروخا أطلقته جماعة الحوثي; cues ``relative_object_rules``), is an attack by the verb's subject. The
   CAMEO code follows the means (cues ``mode_cameo``: aerial and drone 195, heavy weapons 194); an attempt
   before a killing noun (محاولة اغتيال) is 185, its survivor (نجا محافظ عدن) the target. A bare form that is
   more often a noun (أسر "families"; cues ``bare_noun_forms``) needs verb evidence. A title after a person's
   name starts another phrase (السيسي / وزير الخارجية الروسي). A title whose body follows as a ل-genitive (cues
   ``genitive_titles``: الأمين العام للأمم المتحدة بان كي مون) is one actor, the body's. A verb with the plural
   suffix -وا holds its subject (وطالبوا الحكومة: the government is the recipient). A denial of a link to an
   act (cues ``denied_links``: نفت حماس أي علاقة لها بالهجوم) neither negates the act nor makes the denier its
   actor. The headline's events are linked to the body event that reports the same thing
   (``evidence.in_headline``, ``evidence.same_as``; the exports write it once). An aid noun takes the subject of
   its support verb (cues ``aid_support_verbs``: قدمت الإمارات مساعدات) and its ل-phrase as beneficiary. Coordinated
   counted victims after a passive harm verb are all counted (قتل 3 جنود و5 مدنيين: dead 8); a dual noun counts 2.
   In a sports report only events with an armed, security, judicial or IGO party are kept
   (:class:`hadath.extract.events.EventCoder`).
   Third review: a count led by its quantity cue (أكثر من 40، نحو 30، ما لا يقل عن 12) starts where the cue starts
   (``lead``): right after a harm / arrest verb it is the counted victim, and the من of the cue governs nothing.
   The victim of an earlier passive verb of the unit is no later verb's subject ("قتل خمسة أشخاص وجرح آخرون").
   A nominative dual of an agent noun (مسلحان، جنديان عراقيان; ``Lexicon.dual_agents``) is a mention counting 2;
   a dual, sound-plural or counted subject right after a verb and followed by an object (an accusative agent
   noun, or a definite noun after a nominative ending: "قتل مسلحان جنديا"، "قتل مسلحون الجندي") makes the verb
   active (``_subject_with_object``); the counted attackers are no toll. A decision verb (cues
   ``decision_verbs``: قرر، أمر, as written) carries the verbal noun after it like a support verb ("قررت السلطات
   إبعاد الصحفي") and makes a verb-or-noun trigger word after it the noun. Rules may name extra support verbs
   (``support``), object prepositions (``recipient_preps``: أفرج عن، مساعدات إلى, in the trigger's phrase), the
   sectors that may act (``actor_sectors``: a court sentences; another subject is who was sentenced), and other
   PLOVER readings (``also``: a prison sentence is SANCTION convict and COERCE arrest, in ``evidence.also``). A
   release or a sentence takes a bare counted phrase as recipient (cues ``counted_recipient_modes``). Two
   arrests with different counts are two events. When two mentions merge, a finer mode wins (cues
   ``mode_refinements``: suicide attack over explosives).
7. Work stays linear in the text: clause breaks are indexed once per sentence (bisect), trigger-independent
   facts of a sentence are computed once, and a "sentence" longer than :attr:`Coder.MAX_WINDOW` tokens (text
   without punctuation) is coded in windows.
8. Confidence: how concretely the sentence *reports* the event. Concreteness
   cues (casualty or crowd counts, time, place, roles, a past verb, other cues
   of the type) add support that saturates at 0.99; cues that the sentence
   refers back to, reacts to or characterises events (background frames such
   as بعد/إثر/غداة, toll updates, condemnations and blame, statistics and
   habits, a trigger late in a long sentence, no means of attack named,
   already-introduced protesters elaborating a protest, a habit (كثيرا ما), a topic opener
   (وعن ...), a ranking of the event (وهذا هو رابع هجوم), an attack verb in the
   imperfect, a definite plural without a count (الاغتيالات) ...) subtract
   :attr:`Coder.PENALTIES` from it (see ``_confidence``; cue words in
   ``ar/cues.yaml``).
"""
from __future__ import annotations

import bisect
import re
from datetime import datetime
from typing import Any

from hadath.extract.events.lexicon import Lexicon, Rule, dual_form, stem, stem_norm, token_candidates
from hadath.text.normalize import normalize_word

__all__ = ["Coder", "TOKEN_RE", "sector_of"]

#: How a passive harm verb's victims were found (evidence ``roles``): right after the verb.
_PASSIVE_ROLES = frozenset(["passive-counted", "passive-no-agent", "passive-form", "passive-vowelled"])

#: CAMEO role codes that name a sector (the part of an actor code after its country: SYRMIL -> MIL).
SECTOR_CODES = frozenset({"GOV", "MIL", "COP", "SPY", "REB", "CVL", "JUD", "LEG", "OPP", "PTY", "EDU", "MED", "BUS",
                          "LAB", "REL", "REF", "UAF", "CRM", "ACT", "HLH", "AGR", "INS", "ELI", "NGO", "ISM", "SEP",
                          "MOD", "RAD", "JRN", "IGO", "PRO", "DEV", "ENV", "HRI"})


def sector_of(code: str | None, country: str | None = None) -> str | None:
    """The sector of a CAMEO actor code: its role part after the country (``UKRMIL`` -> ``MIL``,
    ``YEMREB`` -> ``REB``), the code itself when it is a role code (``MIL``), else None (``USA``, ``IGOUNO``).

    Args:
        code: A CAMEO actor code, or None.
        country: The actor's ISO3 country when known (the first 3 letters of ``code`` are taken when they are
            not a role code).

    Returns:
        A 3-letter sector code of :data:`SECTOR_CODES`, or None.

    Examples:
        >>> sector_of("UKRMIL"), sector_of("MIL"), sector_of("USA"), sector_of("YEMREB", "YEM"), sector_of(None)
        ('MIL', 'MIL', None, 'REB', None)
        >>> sector_of("IGOMIL"), sector_of("IGOUNO")
        ('MIL', None)
    """
    if not code:
        return None
    if code in SECTOR_CODES:
        return code
    head = code[:3]
    if head in ("IGO", "IMG", "NGO"):  # an international body: IGOMIL -> MIL, IGOUNO -> None
        return code[3:6] if code[3:6] in SECTOR_CODES else None
    if (country and code.startswith(country)) or (head.isalpha() and head not in SECTOR_CODES):
        role = code[3:6]
        return role if role in SECTOR_CODES else None
    return None

#: Words (Arabic letters, Latin letters, digits) or single punctuation marks.
TOKEN_RE = re.compile(r"[\u0621-\u064A\u0660-\u0669A-Za-z0-9]+|[^\s\u0621-\u064A\w]")
_PUNCT_BREAK = set(",،;؛:.!?؟()[]")
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ACTOR_LABELS = {"PER", "ORG", "GPE", "NORP", "MISC"}
#: Sectors that take the article's country when the text names none (state bodies and domestic armed groups).
#: Sectors of people who protest (an unmarked civil mention near a protest trigger is its actor).
_CIVIL_SECTORS = {"CVL", "EDU", "LAB", "REL", "OPP", "BUS", "MED", "AGR", "REF", "HLH", "NGO", "ACT", "JRN"}
_STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB", "OPP", "PTY"}


def _ns(words) -> set[str]:
    return {normalize_word(w) for w in words}


class Coder:
    """Codes the events of one document. Built once per pipeline (holds the lexicon).

    Args:
        lex: The loaded :class:`~hadath.extract.events.lexicon.Lexicon`.
        use_patterns: Also use the derived UniversalPetrarch verb+object patterns.
    """

    #: Confidence penalties of the frames that show a sentence refers to, rather than reports, an event.
    PENALTIES: dict[str, float] = {'long-sentence': 0.1, 'question': 0.35, 'generic-frame': 0.2, 'bare-definite-noun': 0.12, 'reference-frame': 0.12, 'purpose-noun': 0.1, 'relative-clause': 0.15, 'toll-update': 0.15, 'reaction-frame': 0.15, 'aggregate': 0.1, 'late-trigger': 0.1, 'non-violent-cause': 0.3, 'known-participants': 0.15, 'no-means': 0.1, 'hypothetical': 0.1, 'topic-frame': 0.2, 'generic-plural': 0.1, 'imperfect-verb': 0.1, 'characterisation': 0.2, 'habitual': 0.3}

    def __init__(self, lex: Lexicon, use_patterns: bool = True) -> None:
        self.lex = lex
        self.penalties = dict(self.PENALTIES)
        self.use_patterns = use_patterns
        # the first words of every trigger (phrases, single words, CAMEO verb patterns)
        self._trigger_keys = frozenset(lex.phrases) | frozenset(lex.single) | (
            frozenset(lex.patterns) if use_patterns else frozenset())
        self._wcache: dict[str, dict[str, Any]] = {}
        self._size_memo: tuple[Any, int, int, dict[str, float]] = (None, 0, 0, {})
        self._doc_country: str | None = None
        self._victims: set[int] = set()
        self._passive_victims: set[int] = set()
        self._noun_starts: dict[int, str] = {}  # token index -> PLOVER type of the noun triggers of the unit
        self._noun_ends: dict[int, int] = {}  # token index -> end token index of the noun triggers of the unit
        self._trig_info: dict[int, tuple[str, int]] = {}  # token index -> (type, end) of every trigger of the unit
        self._brk_key: tuple[Any, int, int] = (None, 0, 0)
        self._brk: list[int] = []
        self._sc: dict[str, Any] = {}
        self._unit_q: list[dict[str, Any]] = []  # quantities / times of the unit (sentence or window) being coded
        self._unit_t: list[dict[str, Any]] = []
        c = lex.cues
        self.neg_before = _ns(c["negation_before"])
        self.passive_verbs = _ns(c["passive_verbs"])
        self.passive_only = _ns(c.get("passive_only_verbs", []))
        self.not_counted = _ns(c["not_counted"])
        self.result_verbs = _ns(c["result_verbs"])
        self.cause_frames = _ns(c.get("cause_frames", []))
        self.neg_verbs = _ns(c["negation_verbs"])
        self.modal = _ns(c["modality_before"])
        self.agent_markers = [tuple(normalize_word(w) for w in m) for m in c["agent_markers"]]
        self.rec_markers = _ns(c["recipient_markers"])
        self.partner_markers = _ns(c["partner_markers"])
        self.place_markers = _ns(c["place_markers"])
        self.breaks = _ns(c["clause_breaks"])
        self.decision = _ns(c.get("decision_verbs", []))
        self.counted_modes = frozenset(c.get("counted_recipient_modes", []))
        self.support = _ns(c["support_verbs"])
        self.aid_support = self.support | _ns(c.get("aid_support_verbs", []))
        self.announce = _ns(["اعلن", "اعلنت", "اعلنوا", "يعلن", "تعلن"])
        self.dead = _ns(c["dead_words"])
        self.injured = _ns(c["injured_words"])
        self.numwords = {normalize_word(k): v for k, v in c["number_words"].items()}
        self.harm_rules = set(c.get("harm_rules", []))
        self.disaster = [tuple(normalize_word(w) for w in p.split()) for p in c.get("disaster_causes", [])]
        self.person_lemmas = set(c.get("person_lemmas", []))
        self.breakdown_words = _ns(c.get("breakdown_words", []))
        self.kill_rules = set(c.get("kill_rules", []))
        self.wound_rules = set(c.get("wound_rules", []))
        self.assault_modes = [(m, _ns(ws)) for m, ws in c["assault_modes"]]
        self.time_words = _ns(c["time_words"])
        self.generic_before = _ns(c["generic_before"])
        self.relative = _ns(c["relative_before"])
        self.victim_verbs = _ns(c["victim_verbs"])
        self.reference_frames = _ns(c["reference_frames"])
        self.occur_verbs = _ns(c["occur_verbs"])
        self.toll_update = _ns(c["toll_update"])
        self.reaction_verbs = _ns(c["reaction_verbs"])
        self.aggregate_words = _ns(c["aggregate_words"])
        self.non_violent = _ns(c["non_violent_causes"])
        self.protest_details = _ns(c["protest_details"])
        self.definite_participants = _ns(c["definite_participants"])
        self.participant_counts = _ns(c["participant_counts"])
        self.actor_stop = _ns(c["actor_stopwords"]) | {w[2:] for w in _ns(c["actor_stopwords"]) if w.startswith("ال")}
        self.modifiers = _ns(c["mention_modifiers"])
        self.acc_adverbs = _ns(c.get("accusative_adverbs", []))
        self.alef_nouns = _ns(c.get("alef_final_nouns", []))
        self.acc_objects = {stem_norm(normalize_word(k)): v for k, v in c.get("accusative_objects", {}).items()}
        # nominative duals of agent nouns (مسلحان، جنديان، شرطيان) -> sector: the curated agents' and the
        # accusative objects' (the stemmer keeps -ان; see Lexicon.dual_agents)
        self.dual_agents = {f: lex.agents[k] for f, k in lex.dual_agents.items() if k in lex.agents}
        for k, v in c.get("accusative_objects", {}).items():
            f = dual_form(normalize_word(k))
            if f is not None:
                self.dual_agents.setdefault(f, v)
        self.passive_agent_phrases = [tuple(normalize_word(w) for w in p.split()) for p in c.get("passive_agent_phrases", [])]
        self.collective_agents = _ns(c.get("collective_agents", []))
        self.agentive_phrase_heads = _ns(c.get("agentive_phrase_heads", []))
        self._raw = ""
        self.topic_openers = _ns(c.get("topic_openers", []))
        self.perception = _ns(c.get("perception_verbs", []))
        self.char_subjects = _ns(c.get("characterisation_subjects", []))
        self.char_ranks = _ns(c.get("characterisation_ranks", []))
        self.complementizers = _ns(["ان", "انه", "لان", "بان", "وان", "فان"])
        self.pron_preps = {p + suf for p in ("مع", "من", "عن", "علي", "الي", "ل", "ب", "ضد", "في")
                           for suf in ("ه", "ها", "هم", "هما", "هن")} | {"منه", "عنه", "لديه", "لديهم"}
        self.origin_phrases = [tuple(normalize_word(w) for w in p.split()) for p in c.get("origin_phrases", [])]
        self.noun_preps = _ns(["جراء", "اثر", "بعد", "عقب", "خلال", "اثناء", "ضد", "بسبب", "نتيجه"])
        ih = _ns(c.get("intention_heads", []))
        self.intention_heads = ih | {"و" + w for w in ih}
        self.habitual = _ns(c.get("habitual_before", []))
        self.member_sectors = {"UAF", "REB", "MIL", "INS"}
        # verbs whose object may be a verbal noun: "أدانت الحكومة قصف المدنيين"، "أعلن الجيش قتل 5 مسلحين"
        # (not the support or announcing verbs: "أعلن الجيش قتل خمسة مسلحين"، "واصلت القوات قصف المدينة" keep
        # their subject as the actor)
        self.object_heads = self.reaction_verbs | self.neg_verbs | _ns(c.get("masdar_object_heads", []))
        self.instrument_agents = _ns(c.get("instrument_agents", []))
        # imperfect verbs of occurrence (for the future of the noun after them: "ستشهد القاهرة مظاهرات")
        self.occur_impf = _ns(["يشهد", "تشهد", "يجري", "تجري", "يقع", "تقع", "تنطلق", "ينطلق", "تندلع", "يندلع", "تقام",
                               "يقام", "تنعقد", "ينعقد", "تعقد", "يعقد"])
        self.cause_preps = _ns(["في", "فى", "جراء", "اثر", "بسبب", "بفعل", "نتيجه", "خلال"])
        self.span_enders = _ns(c.get("span_enders", []))
        self.genitive_titles = frozenset(" ".join(normalize_word(w) for w in t.split())
                                         for t in c.get("genitive_titles", []))
        self.armed_genitive_rules = frozenset(c.get("armed_genitive_rules", []))
        self.armed_sectors = frozenset({"MIL", "REB", "UAF", "INS", "SPY"})
        self.accusation_heads = _ns(c.get("accusation_heads", []))
        # verbs that open a clause of their own after و (reporting, announcing, support and reaction verbs)
        self.clause_verbs = self.announce | self.support | self.reaction_verbs | _ns(
            ["قال", "قالت", "قالوا", "اكد", "اكدت", "اكدوا", "اضاف", "اضافت", "اوضح", "اوضحت", "ذكر", "ذكرت", "افاد", "افادت"])
        self.neg_result_verbs = _ns(c.get("negated_result_verbs", []))
        self.without_outcome = _ns(c.get("without_outcome", []))
        self.result_verbs_neg = self.result_verbs | _ns(["يسفر", "تسفر", "يسفرا", "يؤد", "تؤد", "يؤدي", "تؤدي", "يخلف", "تخلف",
                                                         "يوقع", "توقع"])
        self._neg_ranges: list[tuple[int, int]] = []  # token ranges of the unit's outcomes that did not happen
        self._neg_heads: set[int] = set()  # negations that govern a result verb (لم يسفر)
        self.blame_heads = _ns(c.get("blame_heads", []))
        self.blame_objects = _ns(c.get("blame_objects", []))
        self.mode_refinements = {m: frozenset(v) for m, v in (c.get("mode_refinements") or {}).items()}
        self.mode_cameo = {m: (frozenset(str(x) for x in v["from"]), str(v["to"]))
                           for m, v in (c.get("mode_cameo") or {}).items()}
        self.attempt_words = _ns(c.get("attempt_words", []))
        self.pronoun_complementizers = _ns(["انها", "انه", "انهم", "بانها", "بانه", "بانهم", "لانها", "لانه", "لانهم",
                                            "وانها", "وانه", "وانهم", "انهما", "بانهما"])
        self.bare_noun_forms = {rid: (_ns(v.get("forms", [])), _ns(v.get("before", [])))
                                for rid, v in (c.get("bare_noun_forms") or {}).items()}
        self.denial_verbs = _ns(c.get("denial_verbs", []))
        self.denied_links = _ns(c.get("denied_links", []))
        self.defence_heads = _ns(c.get("mode_defence_heads", []))
        self.relative_object_rules = frozenset(c.get("relative_object_rules", []))
        self.member_heads = frozenset(normalize_word(w) for w in c.get("member_heads", []))
        self.attempt_rules = frozenset(c.get("attempt_rules", []))
        self.survive_verbs = _ns(c.get("survive_verbs", []))
        self.preps = _ns(["في", "من", "الى", "على", "عن", "مع", "ضد", "بين", "حول", "منذ", "خلال", "الى", "لدى", "عند", "حتى"])

    # ------------------------------------------------------------------ tokens
    def tokenize(self, norm) -> list[dict[str, Any]]:
        """Tokens of a :class:`~hadath.text.normalize.Normalized` text with raw offsets.

        Each token dict shares its per-word analysis (stem, clitic candidates,
        form set) with earlier occurrences of the same word through a bounded
        per-coder cache.
        """
        toks = []
        cache = self._wcache
        if len(cache) > 200_000:
            cache.clear()
        starts, ends = norm.starts, norm.ends
        n = len(norm.text)
        get, append = cache.get, toks.append
        for m in TOKEN_RE.finditer(norm.text):
            a, b = m.span()
            t = m.group()
            w = get(t)
            if w is None:
                w = cache[t] = {"t": t, "w": t[0].isalnum(), "c": None, "s": None, "f": None}
            tok = w.copy()
            tok["rs"] = starts[a]
            tok["re"] = ends[b - 1] if b <= n else len(norm.raw)
            tok["_w"] = w
            append(tok)
        return toks

    @staticmethod
    def _cands(tok: dict[str, Any]) -> list[tuple[str, str]]:
        if tok["c"] is None:
            tok["c"] = tok["_w"]["c"] = token_candidates(tok["t"]) if tok["w"] else []
        return tok["c"]

    @staticmethod
    def _stem(tok: dict[str, Any]) -> str:
        if tok["s"] is None:
            tok["s"] = tok["_w"]["s"] = stem_norm(tok["t"]) if tok["w"] else tok["t"]
        return tok["s"]

    def _forms(self, tok: dict[str, Any]) -> frozenset[str]:
        """The forms a token is looked up under (itself, its stem, its clitic-stripped candidates); cached."""
        f = tok["f"]
        if f is None:
            if not tok["w"]:
                f = frozenset()
            else:
                f = frozenset([tok["t"], self._stem(tok)] + [c for c, _ in self._cands(tok)])
            tok["f"] = tok["_w"]["f"] = f
        return f

    def _has(self, tok: dict[str, Any], words: set[str] | frozenset[str]) -> bool:
        f = tok["f"]
        if f is None:
            f = self._forms(tok)
        return not words.isdisjoint(f)

    def _is_break(self, tok: dict[str, Any]) -> bool:
        if not tok["w"]:
            return tok["t"] in _PUNCT_BREAK
        t = tok["t"]
        return t in self.breaks or (len(t) > 2 and t[0] in "وف" and t[1:] in self.breaks)

    # ---------------------------------------------------------------- mentions
    def _actor_code(self, key: str, day: str | None) -> str | None:
        rows = self.lex.actors.get(key)
        if not rows:
            return None
        if day:
            for code, s, e in rows:
                if (not s or s <= day) and (not e or day <= e):
                    return code
        undated = [c for c, s, e in rows if not s and not e]
        return undated[0] if undated else rows[-1][0]

    def _mentions(self, toks, a: int, b: int, ents, day, trig_starts=frozenset()) -> list[dict[str, Any]]:
        """Actor/place mentions of tokens [a, b): dicts with i0, i1, code, country, sector, entity, place.

        ``trig_starts`` (token indices of the sentence's triggers) ends a counted phrase: "العشرات وأصيب"
        is no phrase."""
        out: list[dict[str, Any]] = []
        covered = [False] * (b - a)
        for m in ents:
            i0, i1 = m["i0"], m["i1"]
            if (m.get("label") == "NORP" and i1 == i0 + 1 and a < i0 < b and toks[i0]["t"].endswith("ا")
                    and (st := self._acc_stem(toks[i0 - 1])) is not None
                    and (st in self.lex.curated_agents or st in self.lex.agents or st in self.acc_objects)):
                continue  # "شابا فلسطينيا"، "صحفيا ليبيا": an accusative nisba NORP (entities' nisba-norp) after an
                # accusative agent noun is that agent's nationality, extended below as before the NORP existed
            if i0 >= a and i1 <= b:
                m = dict(m)
                if not m.get("code") and all(toks[k]["w"] for k in range(i0, i1)):
                    # an entity without a CAMEO code: the coder's own actor lexicons, else its country
                    key = " ".join(self._stem(toks[k]) for k in range(i0, i1))
                    if key in self.lex.actors:
                        m["code"] = self._actor_code(key, day)
                    elif key in self.lex.countries:
                        m["code"] = self.lex.countries[key][0]
                    elif (d := self._dual_agent(toks, i0, i1)) is not None and d["i1"] == i1:
                        # ("جنديان عراقيان" tagged as a name: two Iraqi soldiers)
                        m.update(code=d["code"], sector=d["sector"], country=d["country"] or m.get("country"),
                                 count=2.0, nominative=True)
                    elif m.get("country") and m.get("label") in ("ORG", "GPE", "NORP"):
                        m["code"] = m["country"]
                out.append(m)
                for k in range(i0, i1):
                    covered[k - a] = True
        lex = self.lex
        i = a
        maxn = lex.max_actor_len
        while i < b:
            if not toks[i]["w"] or covered[i - a]:
                i += 1
                continue
            if i > a and covered[i - 1 - a] and toks[i]["t"] in self.modifiers:
                i += 1  # an adjective of the entity before it ("الميليشيا الحوثية الإرهابية"), no actor of its own
                continue
            found = None
            if self._stem(toks[i]) not in lex.first_words:
                found = self._acc_agent(toks, i, a) or (self._dual_agent(toks, i, b) if toks[i]["t"].endswith("ان")
                                                         else None)  # (its first test, without the call)
                if found is None:
                    i += 1
                    continue
            for n in range(min(maxn, b - i), 0, -1) if found is None else ():
                if not all(toks[k]["w"] for k in range(i, i + n)):
                    continue
                key = " ".join(self._stem(toks[k]) for k in range(i, i + n))
                if n == 1 and key not in lex.curated_agents and (key in self.actor_stop or toks[i]["t"] in self.actor_stop):
                    continue
                ckind = lex.countries.get(key)
                if ckind and ckind[1] == "country":
                    found = {"i0": i, "i1": i + n, "code": ckind[0], "sector": None, "country": ckind[0],
                             "entity": None, "place": True}
                    break
                if key in lex.curated_agents or (key in lex.agents and key not in lex.actors and len(key) >= 2):
                    found = {"i0": i, "i1": i + n, "code": None, "sector": lex.agents[key], "country": None,
                             "entity": None, "place": False}
                    break
                if key in lex.actors:
                    found = {"i0": i, "i1": i + n, "code": self._actor_code(key, day), "sector": None,
                             "country": None, "entity": None, "place": False}
                    break
                if ckind:
                    found = {"i0": i, "i1": i + n, "code": ckind[0], "sector": None, "country": ckind[0],
                             "entity": None, "place": False}
                    break
            if not found:
                found = self._acc_agent(toks, i, a)
            if not found:
                i += 1
                continue
            if found["sector"] is not None and found["i1"] == i + 1 and self._acc_stem(toks[i]) is not None:
                # an indefinite accusative agent (مسلحا، جنديا): an object; only its agreeing accusative
                # nationality extends it ("جنديا إسرائيليا")
                found["accusative"] = True
                j = i + 1
                while j < b and j - i < 3 and toks[j]["w"] and not covered[j - a] and toks[j]["t"].endswith("ا"):
                    nat = self._acc_stem(toks[j])
                    ck = (lex.countries.get(nat) if nat else None) or lex.countries.get(self._stem(toks[j]))
                    if ck and found["country"] is None:
                        found["country"] = ck[0]
                    elif not (nat and (nat in lex.curated_agents or nat in self.acc_objects
                                       or self._stem(toks[j]) in lex.curated_agents)):
                        break  # ("مهاجما انتحاريا": an agreeing accusative agent noun)
                    j += 1
                found["i1"] = j
                found["code"] = (found["country"] or "") + found["sector"]
            # extend an agent with following agents / nationality / named actor ("قوات الجيش العراقي")
            if found["sector"] is not None and not found.get("accusative"):
                j = found["i1"]
                nat_seen = False
                while j < b and j - i < 7 and toks[j]["w"] and not covered[j - a]:
                    ext = None
                    if nat_seen and not (toks[j]["t"] in self.modifiers
                                         or self._nisba(toks[j]) and self._stem(toks[j]) in lex.countries):
                        # (a nationality adjective ends the noun phrase but for another nationality or a modifier:
                        # "قصف مدفعي تركي قرى كردية"; قرى ends like a normalised nisba)
                        break
                    if toks[j]["t"] in self.span_enders:
                        break  # "عمال أمام وزارة الصحة": a place preposition ends the phrase (أمام is also "imam")
                    if toks[j]["t"] in self.modifiers:
                        j += 1
                        continue
                    if pt_dual := (toks[j - 1]["t"].endswith("ان") and self._dual_agent(toks, j, b)):
                        j = pt_dual["i1"]  # an agreeing dual agent noun: "انتحاريان إرهابيان"
                        continue
                    if self._stem(toks[j]) not in lex.first_words:
                        break
                    # after a definite word a noun phrase takes no genitive (the construct's first noun has no
                    # article), no indefinite modifier, and a definite word only as an agreeing nisba adjective
                    # (الجيش العراقي): "قتل الجيش مسلحا / المسلحين"، "اعتقلت الشرطة الوزير" are verb + subject
                    # + object
                    if self._definite(toks[j - 1]) and (not self._definite(toks[j]) or not self._nisba(toks[j])):
                        break
                    # nor after a sound plural or a dual that kept its ن (no construct: "مسلحو الحركة" is one,
                    # "قتل مسلحون الجندي" subject + object)
                    # (an agreeing adjective goes on: a nationality, or a nisba with the head's plural ending,
                    # "المعتقلين الإسلاميين")
                    pt, nt = toks[j - 1]["t"], toks[j]["t"]
                    plural = pt.endswith(("ون", "ين")) and len(self._stem(toks[j - 1])) <= len(pt) - 2
                    if (self._definite(toks[j]) and not (self._nisba(toks[j]) and self._stem(toks[j]) in lex.countries)
                            and not (plural and nt.endswith(pt[-2:] if pt[-3:-2] != "ي" else "ي" + pt[-2:])
                                     and self._nisba(toks[j]))
                            and ((j - 1 == found["i0"] and found.get("nominative")) or plural)):
                        break
                    for n in range(min(4, b - j), 0, -1):
                        if not all(toks[k]["w"] for k in range(j, j + n)):
                            continue
                        key = " ".join(self._stem(toks[k]) for k in range(j, j + n))
                        if key in lex.countries and found["country"] is None:
                            found["country"] = lex.countries[key][0]
                            ext = j + n
                            nat_seen = n == 1 and self._nisba(toks[j])
                        elif key in lex.actors and found["code"] is None:
                            found["code"] = self._actor_code(key, day)
                            ext = j + n
                        elif key in lex.agents:
                            ext = j + n
                        if ext:
                            break
                    if not ext:
                        break
                    j = ext
                found["i1"] = j
                if found["code"] is None:
                    found["code"] = (found["country"] or "") + found["sector"] if found["country"] else found["sector"]
                elif found["country"] is None:
                    found["country"] = found["code"][:3] if found["code"][:3].isalpha() and found["code"][:3] not in {"IGO", "IMG", "ISM"} else None
            # a count right before the mention belongs to it ("ثلاثة مقاتلين")
            if found["i0"] > a and self._number(toks[found["i0"] - 1]) is not None:
                found["i0"] -= 1
                found["count"] = self._number(toks[found["i0"]])
            out.append(found)
            i = found["i1"]
        # a dual noun counts itself ("قتل جنديان عراقيان": two soldiers; the quantities stage's count.dual)
        duals = {q["start"] for q in self._unit_q if q.get("rule") == "count.dual"}
        if duals:
            for found in out:
                if found.get("count") is None and not found.get("place") and toks[found["i0"]]["rs"] in duals:
                    found["count"] = 2
        out.sort(key=lambda m: m["i0"])
        # a title right before a name is one actor ("نائب رئيس الجمهورية إياد علاوي")
        joined: list[dict[str, Any]] = []
        for m in out:
            p = joined[-1] if joined else None
            # (a counted phrase is never part of a title: "اعتقلت الشرطة التركية عشرة أشخاص" is subject + object)
            if (p is not None and p["i1"] == m["i0"] and not p.get("place") and not m.get("place")
                    and m.get("count") is None and not m.get("accusative")
                    # ("التقت الملكة صوفيا بالرئيس": a proclitic preposition or و before the article starts
                    # another phrase)
                    and not self._clitic_article(toks[m["i0"]])
                    # (a definite word after a definite one starts another phrase unless it is a name:
                    # "اتهم الانفصاليون القوات الأوكرانية" is subject + object; "الرئيس الأسد" one actor)
                    and not (self._definite(toks[p["i1"] - 1]) and self._definite(toks[m["i0"]])
                             and (m.get("entity") is None or m.get("label") != "PER"))
                    and (p.get("entity") is None) != (m.get("entity") is None)
                    # (a title after a person's name starts another phrase: "استقبل الرئيس عبد الفتاح السيسي وزير
                    # الخارجية الروسي"، "استقبل الملك سلمان وزير الدفاع")
                    # (nor an indefinite noun after a named body: "قصف للجيش السوري مستشفى")
                    and not (p.get("entity") is not None and (m.get("sector") or m.get("code"))
                             and m.get("entity") is None and not m.get("place")
                             and (p.get("label") == "PER" or not self._definite(toks[m["i0"]])))
                    # (a nationality adjective ends a phrase before anything but a person's name: "قصف مدفعي تركي
                    # قرى كردية" is subject + object; "الرئيس الأمريكي باراك أوباما" one actor)
                    and not (p.get("country") and self._nisba(toks[p["i1"] - 1]) and m.get("label") != "PER")):
                q = dict(m if m.get("entity") else p)
                q["i0"], q["i1"] = p["i0"], m["i1"]
                q["code"] = m.get("code") or p.get("code") if m.get("entity") else p.get("code") or m.get("code")
                q["sector"] = p.get("sector") or m.get("sector")
                q["country"] = m.get("country") or p.get("country")
                q.pop("ms", None)
                q.pop("me", None)
                if p.get("count") is not None:  # "3 جنود" + "أتراك": the count of the first part stays
                    q["count"] = p["count"]
                joined[-1] = q
            elif ((n_title := self._genitive_title(toks, a, m)) and (p is None or p["i1"] <= m["i0"] - n_title
                                                                   or p["i0"] >= m["i0"] - n_title)):
                # "الأمين العام للأمم المتحدة"، "المتحدث الرسمي للجيش المصري": a title and its body in a ل-genitive
                # are one actor, the body's (the title, a mention of its own or not, is taken in)
                if p is not None and p["i1"] > m["i0"] - n_title:
                    joined.pop()
                q = dict(m, i0=m["i0"] - n_title, genitive_title=True)
                q.pop("ms", None)
                q.pop("me", None)
                joined.append(q)
            elif (p is not None and p.get("genitive_title") and p["i1"] == m["i0"] and m.get("label") == "PER"
                  and not m.get("place")):
                # "الأمين العام للأمم المتحدة بان كي مون": the holder's name in apposition is the same actor
                q = dict(m, i0=p["i0"], code=m.get("code") or p.get("code"),
                         country=m.get("country") or p.get("country"))
                q.pop("ms", None)
                q.pop("me", None)
                joined[-1] = q
            elif (p is not None and p["i1"] == m["i0"] and self._nisba_join(toks, p, m)):
                # "المدفعية السعودية": an agent noun and a nationality adjective the entity stage tagged as the
                # country (SAU): one actor, Saudi + MIL
                joined[-1] = dict(p, i1=m["i1"], country=m["country"], code=m["country"] + p["sector"])
            elif (p is not None and m.get("code") and not m.get("place") and p["i1"] + 1 == m["i0"]
                  and m.get("sector") is None and (m.get("entity") is None or m.get("label") == "ORG")
                  and p.get("sector") in self.member_sectors and p.get("country") is None and p.get("entity") is None
                  and not p.get("object_only") and p.get("count") is None and toks[p["i1"]]["t"] == "من"):
                # "مسلحون من حركة الشباب": armed men of a named group are that group (its code and country)
                q = dict(p, i1=m["i1"], code=m["code"], country=m.get("country"), entity=m.get("entity"))
                q["sector"] = sector_of(m["code"], m.get("country")) or p["sector"]
                q.pop("ms", None)
                q.pop("me", None)
                joined[-1] = q
            else:
                joined.append(m)
        # token index -> how many mentions cover it (kept up to date below: O(1) per look-up)
        cov: dict[int, int] = {}
        for o in joined:
            for q in range(o["i0"], o["i1"]):
                cov[q] = cov.get(q, 0) + 1
        # a definite number word after a person phrase counts it ("المدنيون الخمسة"، "الجنود الثلاثة")
        for m in joined:
            k = m["i1"]
            if (k < b and m.get("count") is None and m.get("sector") and not m.get("place") and toks[k]["w"]
                    and not cov.get(k) and toks[k]["t"].startswith("ال") and not toks[k].get("tm")):
                n = self.numwords.get(toks[k]["t"][2:])
                if n is not None:
                    m["i1"], m["count"] = k + 1, float(n)
                    m.pop("me", None)
                    cov[k] = cov.get(k, 0) + 1
        # the members of a body right before it are that body ("عناصر الشرطة"، "أفراد الأمن"; cues member_heads)
        for m in joined:
            k = m["i0"] - 1
            if (k >= a and not cov.get(k) and toks[k]["w"] and toks[k]["t"] in self.member_heads and not m.get("place")
                    and not m.get("counted") and m.get("count") is None and (m.get("sector") or m.get("code"))
                    and not self._clitic_article(toks[m["i0"]]) and not toks[m["i0"]]["t"].startswith("ل")):
                m["i0"] = k
                m.pop("ms", None)
                cov[k] = cov.get(k, 0) + 1
        # a count right before any mention belongs to it ("15 جنديا إسرائيليا"; not a year)
        for m in joined:
            k = m["i0"] - 1
            if m.get("count") is None and k >= a and not cov.get(k):
                n = self._number(toks[k])
                if n is not None and not (toks[k]["t"].isdigit() and 1900 <= n <= 2100):
                    m["i0"], m["count"] = k, n
                    m.pop("ms", None)
                    cov[k] = cov.get(k, 0) + 1
        # a partitive count before a people mention: "مئات من العمال"، "عدد من المتظاهرين" (one phrase, counted)
        for m in joined:
            k = m["i0"] - 2
            if (m.get("count") is None and m.get("sector") and not m.get("place") and k >= a and not cov.get(k)
                    and not cov.get(k + 1) and toks[k + 1]["t"] == "من"):
                n = self._number(toks[k])
                if n is not None and not toks[k]["t"].isdigit():
                    m["i0"], m["count"] = k, n
                    m.pop("ms", None)
                    cov[k] = cov.get(k, 0) + 1
                    cov[k + 1] = cov.get(k + 1, 0) + 1
        # a counted noun phrase that names no actor ("23 شخصا", "15 فلسطينيا", "17 آخرون"): a possible
        # recipient (victims, detainees), never an actor of a harm
        for k in range(a, b - 1):
            n = self._number(toks[k])
            if n is None or cov.get(k):
                continue
            if toks[k]["t"].isdigit() and 1900 <= n <= 2100:
                continue
            j = k + 1
            nt = toks[j]
            if (not nt["w"] or j in trig_starts or nt["t"] in self.preps or self._number(nt) is not None
                    or nt["t"] in self.passive_verbs or (nt["t"][:1] in "وف" and nt["t"][1:] in self.passive_verbs)
                    or self._has(nt, self.time_words)
                    or self._has(nt, self.not_counted)
                    or cov.get(j) or self._is_break(nt)):
                continue
            joined.append({"i0": k, "i1": j + 1, "code": None, "sector": None, "country": None, "entity": None,
                           "place": False, "count": n, "counted": True})
            cov[k] = cov.get(k, 0) + 1
            cov[j] = cov.get(j, 0) + 1
        # a counted phrase starts where the quantity stage's count starts ("أحد عشر مدنيا": 11, not "عشر مدنيا")
        for m in joined:
            if m.get("count") is None:
                continue
            rs = toks[m["i0"]]["rs"]
            q = next((q for q in self._unit_q if q["start"] < rs < q["end"] and q.get("value") is not None), None)
            if q is not None and q["value"] == m["count"]:
                # (only a compound number; "نحو 50 شخصا" stays "50 شخصا", but the phrase is led by the quantity's
                # cue: "جرح أكثر من 40 آخرين" has the counted phrase right after the verb, and the من of the cue
                # governs no phrase; see :meth:`_lead`)
                k = m["i0"]
                while k - 1 >= a and toks[k - 1]["rs"] >= q["start"] and not cov.get(k - 1):
                    k -= 1
                if k < m["i0"]:
                    m["lead"] = k
                continue
            if q is None:
                continue
            k = m["i0"]
            while k - 1 >= a and toks[k - 1]["rs"] >= q["start"] and not cov.get(k - 1):
                k -= 1
            if k < m["i0"]:
                m["i0"], m["count"] = k, q["value"]
                m.pop("ms", None)
        joined.sort(key=lambda m: m["i0"])
        return joined

    @staticmethod
    def _nisba_join(toks, p: dict[str, Any], m: dict[str, Any]) -> bool:
        """True when mention ``m`` is a one-word definite nationality adjective (an entity with a country:
        "السعودية"، "الأمريكية") right after the agent noun ``p`` that has no country yet."""
        if not (p.get("sector") and p.get("country") is None and p.get("entity") is None and not p.get("place")
                and not p.get("object_only") and not p.get("accusative") and m.get("entity") and m.get("country")
                and m["i1"] == m["i0"] + 1 and m.get("label") in ("GPE", "NORP")):
            return False
        t = toks[m["i0"]]["t"]
        return t.startswith("ال") and t.endswith(("ي", "ى", "يه", "يين", "يون")) and Coder._definite(toks[p["i1"] - 1])

    def _dual_agent(self, toks, i: int, b: int) -> dict[str, Any] | None:
        """A mention of a nominative dual agent noun at token ``i`` ("مسلحان"، "الجنديان"، "وشرطيان"), with an
        agreeing dual nationality adjective after it ("جنديان عراقيان") and a dual modifier ("مسلحان مجهولان"):
        count 2, marked ``nominative`` (the subject of its verb, see :meth:`_subject_with_object`), or None."""
        t = toks[i]["t"]
        if not toks[i]["w"] or not t.endswith("ان") or len(t) < 5:
            return None
        sector = None
        for w in (t, t[1:] if t[:1] in "وف" else ""):
            if w.startswith("ال") and len(w) > 6:
                w = w[2:]
            if w in self.dual_agents:
                sector = self.dual_agents[w]
                break
        if sector is None:
            return None
        country = None
        j = i + 1
        while j < b and j - i <= 2 and toks[j]["w"] and toks[j]["t"].endswith("ان"):
            w = toks[j]["t"]
            base = w[:-3] if w.endswith("تان") else w[:-2]  # عراقيان، عراقيتان -> عراقي
            base = base[2:] if base.startswith("ال") and len(base) > 4 else base
            if country is None and base.endswith("ي") and stem_norm(base) in self.lex.countries:
                country = self.lex.countries[stem_norm(base)][0]
            elif not (base + "ون" in self.modifiers or base + "ين" in self.modifiers):
                break
            j += 1
        return {"i0": i, "i1": j, "code": (country or "") + sector, "sector": sector, "country": country,
                "entity": None, "place": False, "count": 2.0, "nominative": True}

    def _subject_with_object(self, toks, m: dict[str, Any], b: int, ments) -> bool:
        """True when mention ``m``, right after a verb, is its subject because an object follows it: an
        indefinite accusative agent noun ("قتل مسلحان جنديا"، "قتل ثلاثة مسلحين جنديا"), or, after a
        nominative-marked subject (a dual in -ان, a sound plural in -ون), a definite noun phrase with no
        preposition ("قتل مسلحون الجندي"). The verb is then active, whatever a passive reading would allow."""
        k = m["i1"]
        if k >= b or not toks[k]["w"]:
            return False
        o = next((o for o in ments if o["i0"] == k), None)
        if o is not None and (o.get("accusative") or o.get("object_only")):
            return True
        alt = self._acc_stem(toks[k])
        if alt is not None and (alt in self.lex.curated_agents or alt in self.acc_objects):
            return True
        nominative = m.get("nominative") or (m.get("sector") and m.get("count") is None
                                             and toks[m["i1"] - 1]["t"].endswith("ون"))
        return bool(nominative and o is not None and not o.get("place") and not o.get("counted")
                    and self._definite(toks[k]) and not self._clitic_article(toks[k])
                    and not toks[k]["t"].startswith("لل"))

    def _acc_agent(self, toks, i: int, a: int) -> dict[str, Any] | None:
        """A one-word mention of an indefinite accusative curated agent noun (``جنديا``، ``شخصا``، ``صحفيا``:
        the noun without its tanween alef), marked ``object_only`` (never an actor), or None. Only curated
        agents (the derived lexicon lists participles such as مشير، داعي، معلق) and not after a number, where
        the accusative is the counted noun of a bare counted phrase ("13 متظاهرا")."""
        lex = self.lex
        alt = self._acc_stem(toks[i])
        if (alt is None or (alt not in lex.curated_agents and alt not in self.acc_objects)
                or toks[i]["t"] in self.acc_adverbs or (i > a and self._number(toks[i - 1]) is not None)):
            return None
        sector = self.acc_objects.get(alt) or lex.agents.get(alt)
        if sector is None:
            return None
        return {"i0": i, "i1": i + 1, "code": None, "sector": sector, "country": None,
                "entity": None, "place": False, "object_only": True}

    def _voice(self, tok: dict[str, Any]) -> str | None:
        """Voice of a past verb from its diacritics in the raw text: ``"passive"`` (a damma on a letter
        before the last, or a kasra inside the stem: قُتل، قتِل، اُعتُقل، أُصيب), ``"active"`` (a fatha on
        its first or second letter and no passive mark: قَتل، اعتَقل), or None (unvowelled)."""
        raw = self._raw[tok["rs"]:tok["re"]]
        letters: list[list[str]] = []
        for ch in raw:
            if "\u064B" <= ch <= "\u0652":
                if letters:
                    letters[-1].append(ch)
            elif ch.isalpha():
                letters.append([ch])
        if len(letters) > 3 and letters[0][0] in "وف" and tok["t"][1:] in self.passive_verbs:
            letters = letters[1:]  # the conjunction
        if len(letters) < 2:
            return None
        marks = [set(x[1:]) for x in letters]
        if any("\u064F" in m for m in marks[:-1]) or any("\u0650" in m for m in marks[1:-1]):
            return "passive"
        if "\u064E" in marks[0] or "\u064E" in marks[1]:
            return "active"
        return None

    def _agent_phrase_at(self, toks, k: int, b: int) -> tuple[str, ...] | None:
        """The passive-agent phrase (``passive_agent_phrases`` of ``ar/cues.yaml``: برصاص، في هجوم، جراء
        ...) starting at token ``k`` (after one time word at most), or None."""
        for _ in range(2):  # (one time word or ل-genitive between: "قتل القائد العسكري للتنظيم في غارة")
            if k < b and toks[k]["w"] and (self._has(toks[k], self.time_words) or toks[k]["t"].startswith("لل")):
                k += 1
        for ph in self.passive_agent_phrases:
            if k + len(ph) <= b and all(toks[k + q]["w"] and toks[k + q]["t"] == ph[q] for q in range(len(ph))):
                return ph
        return None

    def _bare_victim(self, toks, k: int, b: int, ments) -> dict[str, Any] | None:
        """A victim phrase at token ``k`` that no mention covers: a definite word (not a clitic-article,
        time, preposition or place word) and up to two definite adjectives after it ("القيادي البارز"),
        or None."""
        def plain_definite(q: int) -> bool:
            if q >= b or q >= len(toks):  # the victim would start past the clause (or the text)
                return False
            t = toks[q]
            return (t["w"] and t["t"].startswith("ال") and len(t["t"]) > 3 and not self._is_break(t)
                    and t["t"] not in self.relative and not self._has(t, self.time_words) and not self._has(t, self.place_markers)
                    and not any(m["i0"] <= q < m["i1"] for m in ments))
        if not plain_definite(k):
            return None
        e = k + 1
        while e < min(b, k + 3) and plain_definite(e):
            e += 1
        return self._with_nationality(
            toks, {"i0": k, "i1": e, "code": None, "sector": None, "country": None, "entity": None, "place": False},
            ments)

    @staticmethod
    def _with_nationality(toks, m, ments) -> dict[str, Any]:
        """``m`` extended over a definite nisba adjective mention right after it ("الضابط | الإسرائيلي": ISR)."""
        e = m["i1"]
        if m.get("country") or e >= len(toks):
            return m
        t = toks[e]["t"]
        nat = next((x for x in ments if x["i0"] == e and x["i1"] == e + 1 and x.get("country") and not x.get("sector")
                    and not x.get("entity")), None)
        if nat is None or not t.startswith("ال") or not t.endswith(("ي", "ى", "يه", "يين", "يون")):
            return m
        code = m.get("code") or ""
        return dict(m, i1=e + 1, country=nat["country"],
                    code=nat["country"] + code if code and not code.startswith(nat["country"]) else nat["country"])

    def _passive_agent(self, toks, victim, after, b):
        """The actor named by an agentive phrase right after a passive victim ("برصاص قناص"، "بنيران
        الجيش"): the mention that follows it, else None."""
        k = victim["i1"]
        ph = self._agent_phrase_at(toks, k, b)
        if ph is None or ph[0] not in self.agentive_phrase_heads:
            return None
        while not (k + len(ph) <= b and all(toks[k + q]["t"] == ph[q] for q in range(len(ph)))):
            k += 1
        k += len(ph)
        return next((m for m in after if m["i0"] == k and not m.get("place") and not m.get("object_only")), None)

    def _next_clause_verb(self, toks, k: int, b: int, trig_spans) -> int:
        """Index of the first word from ``k`` that opens another clause with و / ف + a trigger or a passive-capable
        verb ("وأصيب"، "وقتل"), else ``b``."""
        for t in range(k, b):
            w = toks[t]["t"]
            if w[:1] in "وف" and toks[t]["w"] and (t in trig_spans or w[1:] in self.passive_verbs or w[1:] in self.passive_only):
                return t
        return b

    def _object_after(self, toks, k: int, b: int, after, trig_spans=()) -> bool:
        """True when an object candidate follows token ``k`` in its clause (up to the next trigger opened by
        و/ف): a mention not introduced by a preposition, ب or a clause break, or an indefinite accusative
        agent noun (مسلحا، شخصا)."""
        nxt = [t for t in range(k, b) if toks[t]["t"][:1] in "وف" and (
            t in trig_spans or toks[t]["t"][1:] in self.passive_verbs or toks[t]["t"][1:] in self.passive_only)]
        if nxt:
            b = min(b, min(nxt))
        after = [m for m in after if m["i0"] < b]
        for m in after:
            if m["i0"] >= k and not m.get("place") and (m.get("accusative") or m.get("count") is not None or not any(
                    toks[q]["t"] in self.preps or toks[q]["t"][:1] == "ب" or self._is_break(toks[q])
                    for q in range(k, m["i0"]))):
                return True
        for q in range(k, min(b, k + 8)):
            alt = self._acc_stem(toks[q])
            if (alt is not None and (alt in self.lex.curated_agents or alt in self.acc_objects)
                    and not self._prep_before(toks, {"i0": q}, 0)):
                return True
        return False

    def _genitive_title(self, toks: list[dict[str, Any]], a: int, m: dict[str, Any]) -> int:
        """How many tokens right before mention ``m`` (from token ``a`` on) are a title of cues ``genitive_titles``
        whose ل-genitive ``m`` is (``المتحدث الرسمي للجيش``: 2); 0 when none.

        ``m`` must be a coded body (a named organisation or an agent, not a person or a place) starting with ل or
        لل (not ``بالأمم`` or ``والأمم``); the longest title wins."""
        i0 = m["i0"]
        t = toks[i0]["t"]
        if not (toks[i0]["w"] and len(t) > 3 and t[0] == "ل" and t[1] != "ا" and m.get("code")
                and not m.get("place") and m.get("label") not in ("PER", "LOC", "GPE")):
            return 0
        for n in (3, 2, 1):
            if i0 - n >= a and all(toks[k]["w"] for k in range(i0 - n, i0)) \
                    and " ".join(toks[k]["t"] for k in range(i0 - n, i0)) in self.genitive_titles:
                return n
        return 0

    @staticmethod
    def _clitic_article(tok: dict[str, Any]) -> bool:
        """True for a word with a proclitic ب/ك/و/ف before the article: ``بالرئيس``، ``والجيش``، ``وللشرطة``
        (not ``للأمم المتحدة``: a ل-genitive can belong to a title)."""
        t = tok["t"]
        return bool(tok["w"]) and len(t) > 4 and t[0] in "وفبك" and (
            t[1:3] == "ال" or (t[1] in "بلك" and t[2:4] == "ال"))

    @staticmethod
    def _nisba(tok: dict[str, Any]) -> bool:
        """True for a word with a nisba (relative adjective) ending: -ي، -ية، -يون، -يين، -يات (normalised)."""
        t = tok["t"]
        return tok["w"] and t.endswith(("ي", "ى", "يه", "ية", "يون", "يين", "يات"))

    @staticmethod
    def _definite(tok: dict[str, Any]) -> bool:
        """True for a word with the article (``الجيش``، ``والشرطة``، ``للجيش``، ``بالقوات``)."""
        t = tok["t"]
        if not tok["w"]:
            return False
        if t[:1] in "وف" and len(t) > 4:
            t = t[1:]
        if t.startswith("لل"):
            return len(t) > 3
        if t[:1] in "بلك" and t[1:3] == "ال":
            t = t[1:]
        return t.startswith("ال") and len(t) > 3

    def _acc_stem(self, tok: dict[str, Any]) -> str | None:
        """Stem of an indefinite accusative noun with the tanween alef (``مسلحا`` -> ``مسلح``,
        ``جنديا`` -> ``جندي``), or None: a word without the article or a proclitic, of 4+ letters, that
        ends in ا and is no country name (``روسيا``) or plural verb (``قتلوا``)."""
        t = tok["t"]
        if (not tok["w"] or len(t) < 4 or not t.endswith("ا") or t.endswith(("وا", "اا", "ها", "نا"))
                or t.startswith("ال") or self._definite(tok) or t[0].isdigit()):
            return None
        if t[:1] in "وف" and len(t) > 4 and (stem_norm(t[1:-1]) in self.lex.curated_agents
                                             or stem_norm(t[1:-1]) in self.acc_objects):
            t = t[1:]  # "وضابطا": the conjunction
        if self._stem(tok) in self.lex.countries or t in self.alef_nouns:
            return None
        return stem_norm(t[:-1])

    def _number(self, tok: dict[str, Any]) -> float | None:

        if not tok["w"] or tok.get("tm"):
            return None
        t = tok["t"]
        if t.isdigit():
            return float(t)
        for c, _ in self._cands(tok):
            if c in self.numwords:
                return float(self.numwords[c])
        return None

    # ---------------------------------------------------------------- triggers
    def _near(self, toks, i0, i1, a, b, words, window, before: bool) -> bool:
        if not words:
            return False
        rng = range(max(a, i0 - window), i0) if before else range(i1, min(b, i1 + window))
        return any(self._has(toks[k], words) for k in rng)

    def _rule_ok(self, rule: Rule, toks, i0, i1, a, b) -> bool:
        w = rule.window
        if rule.id in self.relative_object_rules and not toks[i0]["t"].endswith(("ه", "ها", "هم", "هما")):
            return False  # (the relative clause's verb carries its object: أطلقته، أطلقها; "أطلق من طائرة" is passive)
        bn = self.bare_noun_forms.get(rule.id)
        if bn is not None and toks[i0]["t"] in bn[0] and not self._verb_evidence(toks, i0, a, b, bn[1]):
            return False
        if rule.require_near and not self._near(toks, i0, i1, a, b, rule.require_near, w, False):
            return False
        if rule.require_before and not self._near(toks, i0, i1, a, b, rule.require_before, w, True):
            return False
        if rule.require_near_prefix and not any(
                toks[k]["w"] and toks[k]["t"].startswith(rule.require_near_prefix) for k in range(i1, min(b, i1 + w))):
            return False
        if rule.require_around and not (self._near(toks, i0, i1, a, b, rule.require_around, w, False)
                                        or self._near(toks, i0, i1, a, b, rule.require_around, w, True)):
            return False
        if rule.exclude_near and self._near(toks, i0, i1, a, b, rule.exclude_near, rule.exclude_window, False):
            return False
        if rule.exclude_before and self._near(toks, i0, i1, a, b, rule.exclude_before, w, True):
            return False
        return True

    def _phrase_match(self, toks, j, words, b) -> bool:
        for k, w in enumerate(words):
            if j + k >= b or not toks[j + k]["w"]:
                return False
            tk = toks[j + k]
            wn = w[2:] if w.startswith("ال") else w
            if not any(c == w or c == wn or (c.startswith("ال") and c[2:] == wn) for c, _ in self._cands(tk)):
                return False
        return True

    def _triggers(self, toks, a: int, b: int) -> list[dict[str, Any]]:
        lex = self.lex
        out = []
        i = a
        keys = self._trigger_keys
        while i < b:
            tok = toks[i]
            if not tok["w"] or len(tok["t"]) < 2:
                i += 1
                continue
            may = tok["_w"].get("g")  # does any reading of this word start a trigger? (once per word type)
            if may is None:
                may = tok["_w"]["g"] = any(c in keys for c, _ in self._cands(tok))
            if not may:
                i += 1
                continue
            hit = None
            st = self._stem(tok)
            actor_word = st in lex.agents or st in lex.actors or st in lex.countries
            cands = self._cands(tok)
            for c, kind in cands:  # phrases first (longest)
                for words, rid in lex.phrases.get(c, ()):
                    if kind == "v":
                        continue
                    if self._phrase_match(toks, i + 1, words, b):
                        rule = lex.rules[rid]
                        if self._rule_ok(rule, toks, i, i + 1 + len(words), a, b):
                            if hit is None or hit["i1"] < i + 1 + len(words):
                                hit = {"i0": i, "i1": i + 1 + len(words), "rule": rule, "pos": "noun", "tense": None,
                                       "kind": kind}
            if hit is None:
                for c, kind in cands:
                    for rid, pos, tense in lex.single.get(c, ()):
                        if (pos == "verb" and kind == "n") or (pos == "noun" and kind == "v"):
                            continue
                        if pos == "verb" and kind and actor_word:  # "وزارة" is not "و + زاره"
                            continue
                        rule = lex.rules[rid]
                        if self._rule_ok(rule, toks, i, i + 1, a, b):
                            hit = {"i0": i, "i1": i + 1, "rule": rule, "pos": pos, "tense": tense, "kind": kind}
                            break
                    if hit:
                        break
            if hit is not None and hit["pos"] == "verb" and ((hit["kind"] == "c" and self._prep_clitic(tok)) or (i > a and toks[i - 1]["w"] and (
                    toks[i - 1]["t"] in self.noun_preps or toks[i - 1]["t"] in self.preps))):
                # "في قصف من الأراضي"، "تعرضت القرية لقصف": after a preposition (or with a proclitic ب / ل / ك) the
                # word is the verbal noun, not the verb
                hit = self._noun_reading(toks, i, a, b, hit) or hit
            elif hit is not None and hit["pos"] == "verb" and self._decision_before(toks, a, i):
                # "قررت الحكومة طرد السفير": after a decision verb and its subject, the verbal noun
                hit = self._noun_reading(toks, i, a, b, hit) or hit
            if hit is None and self.use_patterns:
                for c, kind in cands:
                    if kind == "n":
                        continue
                    pats = lex.patterns.get(c)
                    if not pats:
                        continue
                    objs = {}
                    for k in range(i + 1, min(b, i + 4)):
                        if toks[k]["w"]:
                            objs.setdefault(self._stem(toks[k]), k)
                    for obj, cameo in pats:
                        if obj in objs:
                            typ, mode, ctx = lex.cameo2plover[cameo]
                            rule = Rule(id=f"up.cameo.{cameo}", cameo=cameo, type=typ, mode=mode, context=tuple(ctx),
                                        confidence=0.45, window=3)
                            hit = {"i0": i, "i1": i + 1, "rule": rule, "pos": "verb", "tense": None, "kind": kind,
                                   "obj": objs[obj]}
                            break
                    if hit:
                        break
            if hit:
                out.append(hit)
                i = hit["i1"]
            else:
                i += 1
        # "ألقى/إلقاء ... القبض": the arrest noun carries the event; drop the light verb
        ids = [h["rule"].id for h in out]
        if "coerce.arrest_phrase" in ids and "coerce.arrest" in ids:
            out = [h for h in out if h["rule"].id != "coerce.arrest_phrase"]
        return out

    def _in_phrase(self, toks, k0: int, k1: int, trig_spans, most: int = 6) -> bool:
        """True when tokens [k0, k1) are at most ``most`` words of one phrase: no punctuation or clause break, no
        other trigger, no imperfect verb with و / ف ("وتيسر"، "ويتم")."""
        if k1 - k0 > most:
            return False
        for q in range(k0, k1):
            t = toks[q]["t"]
            if (not toks[q]["w"] or self._is_break(toks[q]) or q in trig_spans
                    or (len(t) > 3 and t[0] in "وف" and t[1] in "يت")):
                return False
        return True

    def _decision_tok(self, tok: dict[str, Any]) -> bool:
        """True for a decision verb (cues ``decision_verbs``) as written, with و / ف at most: not the noun
        "الأمر" (the matter), whose stripped form is the verb's."""
        t = tok["t"]
        return bool(tok["w"]) and (t in self.decision or (len(t) > 3 and t[0] in "وف" and t[1:] in self.decision))

    def _decision_before(self, toks, a: int, i: int) -> bool:
        """True when a decision verb (cues ``decision_verbs``: قرر، أمر) stands 1 to 4 words before token ``i``,
        with only words between (no punctuation, no other verb of the list)."""
        for k in range(i - 1, max(a, i - 5) - 1, -1):
            if not toks[k]["w"]:
                return False
            if self._decision_tok(toks[k]):
                return True
        return False

    def _noun_reading(self, toks, i: int, a: int, b: int, hit: dict[str, Any]) -> dict[str, Any] | None:
        """The verbal-noun (masdar) reading of the verb trigger ``hit`` at token ``i``: a noun rule of the same
        PLOVER type for one of the token's forms (``قصف`` the verb -> ``قصف`` the noun), or None."""
        lex = self.lex
        for c, kind in self._cands(toks[i]):
            if kind == "v":
                continue
            rn = next((r for r, pos, _ in lex.single.get(c, ()) if pos == "noun" and lex.rules[r].type == hit["rule"].type
                       and self._rule_ok(lex.rules[r], toks, i, i + 1, a, b)), None)
            if rn is not None:
                return {"i0": i, "i1": i + 1, "rule": lex.rules[rn], "pos": "noun", "tense": None, "kind": kind}
        return None

    @staticmethod
    def _l_object(tok: dict[str, Any]) -> bool:
        """True for a word with the preposition ل of an object (``للمسجد``، ``لمواقع``، ``ولمواقع``)."""
        t = tok["t"]
        if t[:1] in "وف" and len(t) > 4:
            t = t[1:]
        return bool(tok["w"]) and len(t) > 3 and t[0] == "ل" and t[1] not in "يتن"

    @staticmethod
    def _prep_clitic(tok: dict[str, Any]) -> bool:
        """True for a word with a proclitic preposition ب / ل / ك (after و / ف) before a stem of 3+ letters
        that does not start with the article: ``لقصف``، ``بقتل``، ``ولاعتقال`` (not ``لقي``، ``بلغ``, 3 letters)."""
        t = tok["t"]
        if t[:1] in "وف" and len(t) > 4:
            t = t[1:]
        return len(t) > 3 and t[0] in "بلك" and t[1:3] != "ال" and t[1] not in "يتن"

    def _masdar_objects(self, toks, a: int, b: int, trigs, ments) -> list[dict[str, Any]]:
        """Verb triggers re-read as verbal nouns when they are the object of a verb: right after a verb
        (a trigger verb, or a verb of reporting, reacting or carrying out: ``أدانت قصف``، ``أعلن قتل``) or right
        after the subject that follows such a verb (``أدانت الحكومة قصف المدنيين``: قصف is the noun, المدنيين
        its object, never its actor). Only bare past forms (no ت / وا: قصف، قتل) that a noun rule of the same
        type also lists."""
        verb_ends = {t["i1"]: t["rule"].type for t in trigs if t["pos"] == "verb"}
        heads = self.object_heads
        out = []
        for t in trigs:
            i0 = t["i0"]
            if t["pos"] == "verb" and not t.get("kind") and i0 > a and t.get("tense") == "past":
                prev = i0 - 1
                subj = next((m for m in ments if m["i1"] == i0 and not m.get("place") and m["i0"] > a), None)
                gov = [prev] + ([subj["i0"] - 1] if subj is not None else [])
                if any(verb_ends.get(k, t["rule"].type) != t["rule"].type or (toks[k]["w"] and self._has(toks[k], heads))
                       for k in gov):
                    nt = self._noun_reading(toks, i0, a, b, t)
                    if nt is not None:
                        t = nt
            out.append(t)
        return out

    def _negated_results(self, toks, a: int, b: int, trigs) -> list[dict[str, Any]]:
        """Drop the harm triggers of an outcome that did not happen, and keep its counts out of sizes.

        "لم يسفر (الهجوم) عن سقوط قتلى"، "دون وقوع إصابات"، "دون أن تسفر عن إصابات": a negation (cues
        ``negation_before``) with a result verb right after it (cues ``negated_result_verbs``: يسفر، تسفر، يؤدي،
        تقع ...), or دون / بدون with one of them or with a word of cues ``without_outcome`` (وقوع، سقوط), opens a
        range up to the next punctuation or clause break (10 words at most). A killing / wounding / toll trigger
        (cues ``harm_rules``, ``assault.killed_passive``) in it is no event; the range's counts are no sizes
        (``self._neg_ranges``: token ranges, filtered from ``self._unit_q`` and :meth:`_size_items`); and a
        negation that governs the result verb does not negate the event noun between them ("ولم يسفر الهجوم
        عن" : الهجوم is not negated, ``self._neg_heads``)."""
        self._neg_ranges = []
        self._neg_heads = set()
        rv, wo = self.neg_result_verbs, self.without_outcome
        neg = self.neg_before
        for k in range(a, b):
            t = toks[k]
            w = t["t"]
            if not t["w"] or not (w in neg or (w[:1] in "وف" and w[1:] in neg)):
                continue
            start = None
            for q in range(k + 1, min(b, k + 3)):
                tq = toks[q]
                if not tq["w"]:
                    break
                if self._has(tq, rv):
                    start = q + 1
                    if self._has(tq, self.result_verbs_neg):
                        # (لم يسفر الهجوم عن: the attack happened; not لم تقع أعمال شغب: no riot occurred)
                        self._neg_heads.add(k)
                    break
                if t["t"].lstrip("و") in ("دون", "بدون", "دونما") and self._has(tq, wo):
                    start = q + 1
                    break
                if tq["t"] not in ("ان", "من"):  # ("دون أن تسفر"، "من دون")
                    break
            if start is None:
                continue
            end = start
            while end < min(b, start + 10) and not (toks[end]["t"] in _PUNCT_BREAK or self._is_break(toks[end])):
                end += 1
            self._neg_ranges.append((start, end))
        if not self._neg_ranges:
            return trigs
        rngs = [(toks[s0]["rs"], toks[e0 - 1]["re"]) for s0, e0 in self._neg_ranges if e0 > s0]
        self._unit_q = [q for q in self._unit_q if not any(r0 <= q["start"] < r1 for r0, r1 in rngs)]
        harm = self.harm_rules | {"assault.killed_passive"}
        return [t for t in trigs if not (t["rule"].id in harm and any(s0 <= t["i0"] < e0 for s0, e0 in self._neg_ranges))]

    def _in_neg_range(self, k: int) -> bool:
        """True when token ``k`` lies in a negated outcome of the unit (see :meth:`_negated_results`)."""
        return any(s0 <= k < e0 for s0, e0 in self._neg_ranges)

    def _alleged_acts(self, toks, a: int, b: int, trigs) -> tuple[list[dict[str, Any]], dict[int, list[dict[str, Any]]]]:
        """Triggers inside the complement of an accusation, split off: "اتهم X بـ + act" (an ``accuse.allege``
        trigger or a word of cues ``accusation_heads``: متهما) and "حمل X مسؤولية + act" (cues ``blame_heads``).
        The complement runs from the first ب-word (مسؤولية for blame) within 8 words of the head to the next
        punctuation or clause break (not a complementizer: "اتهمه بأنه قصف") or 20 words.

        Returns:
            ``(the other triggers, {token index of the head trigger: [the triggers of its complement]})``; a head
            that is no trigger (متهما) keeps nothing.
        """
        heads = []
        acc = self.accusation_heads
        for k in range(a, b):
            t = toks[k]
            if not t["w"]:
                continue
            w = t["t"]
            if w[:1] in "وف" and len(w) > 4:
                w = w[1:]
            if w in acc or (w.startswith("ال") and w[2:] in acc):
                heads.append((k, "acc"))
            elif t["t"] in self.blame_heads or (t["t"][:1] in "وف" and t["t"][1:] in self.blame_heads):
                heads.append((k, "blame"))
        if not heads:
            return trigs, {}
        head_trig = {t["i0"]: t for t in trigs}
        drop: dict[int, int] = {}  # trigger start -> head index
        for k, kind in heads:
            start = None
            for q in range(k + 1, min(b, k + 9)):
                tq = toks[q]
                if not tq["w"]:
                    if tq["t"] in "()":  # ("تبادلوا الاتهامات أمس (السبت) بقصف")
                        continue
                    break
                w = tq["t"][1:] if tq["t"][:1] in "وف" and len(tq["t"]) > 4 else tq["t"]
                if kind == "acc" and w[:1] == "ب" and len(w) > 3 and w not in self.complementizers and not w.startswith("بين"):
                    start = q
                    break
                if kind == "blame" and self._has(tq, self.blame_objects):
                    start = q
                    break
            if start is None:
                continue
            verb_starts = {t["i0"] for t in trigs if t["pos"] == "verb"}
            for q in range(start, min(b, start + 16)):
                tq = toks[q]
                w = tq["t"]
                if q > start and w[:1] in "وف" and len(w) > 3 and (q in verb_starts or self._has(tq, self.clause_verbs)):
                    break  # ("... بقصف مناطق سكانية وأعلنوا مقتل أربعة مدنيين": a coordinated verb, another clause)
                if q > start and (tq["t"] in _PUNCT_BREAK or (self._is_break(tq) and tq["t"] not in self.complementizers)):
                    nx = toks[q + 1]["t"] if q + 1 < b else ""
                    if tq["t"] in ",،" and nx[:2] in ("وب", "فب") and len(nx) > 4:
                        continue  # "بتكثيف الهجمات ...، وبقصف بلدة": another act of the same accusation
                    break
                if q in head_trig and q != k:
                    drop.setdefault(q, k)
        if not drop:
            return trigs, {}
        alleged: dict[int, list[dict[str, Any]]] = {}
        kept = []
        for t in trigs:
            if t["i0"] in drop:
                alleged.setdefault(drop[t["i0"]], []).append(t)
            else:
                kept.append(t)
        return kept, alleged

    # ------------------------------------------------------------------- roles
    def _breaks(self, toks, a: int, b: int) -> list[int]:
        """Sorted token indices of the clause breaks of tokens [a, b), computed once per range (the coder works
        one sentence or window at a time, so one cached range suffices)."""
        key = self._brk_key
        if key[0] is toks and key[1] == a and key[2] == b:
            return self._brk
        # ("من قبل" is the agent marker "by", not the clause break قبل "before")
        self._brk = [k for k in range(a, b) if self._is_break(toks[k])
                     and not (k > a and toks[k]["t"] == "قبل" and toks[k - 1]["t"] == "من")]
        self._brk_key = (toks, a, b)
        return self._brk

    def _clause(self, toks, a, b, i0, i1) -> tuple[int, int]:
        """Token range ``[s, e)`` of the clause of tokens [i0, i1) inside [a, b): from after the last clause
        break before ``i0`` to the first break at or after ``i1`` (O(log n) with the range's break index)."""
        brk = self._breaks(toks, a, b)
        j = bisect.bisect_left(brk, i0)  # breaks < i0 are brk[:j]; the loop checked toks[s - 1] for s > a
        s = brk[j - 1] + 1 if j > 0 else a
        s = min(max(s, a), i0) if i0 > a else i0
        j = bisect.bisect_left(brk, i1)
        e = brk[j] if j < len(brk) else b
        e = max(e, i1) if i1 < b else i1
        return s, e

    @staticmethod
    def _trig_between(trig_spans: list[int], lo: int, hi: int) -> bool:
        """True when a trigger of the sorted start indices ``trig_spans`` starts in tokens [lo, hi)."""
        j = bisect.bisect_left(trig_spans, lo)
        return j < len(trig_spans) and trig_spans[j] < hi

    def _intention_head(self, toks, a: int, i0: int, trig_spans) -> int | None:
        """Index of a verb of wanting, needing or calling for (cues ``intention_heads``: يريد، يجب، ينبغي، يسعى
        إلى، دعا إلى، طالب بـ) that governs the trigger at ``i0`` through أن / إلى / a ب-noun or directly
        ("يريد أن تبذل بريطانيا ... في تدمير تنظيم داعش"), up to 12 tokens back with no punctuation and no
        other trigger in between; else None. A ب-noun coordinated with و to an earlier ب-noun trigger that such a
        verb governs shares its head ("يطالبون بانسحاب حزب الله الذي يقاتل ... وبالإفراج عن المعتقلين": up to 20
        words back, no punctuation)."""
        links = ("ان", "بان", "الى", "لان")
        t0 = toks[i0]["t"]
        if len(t0) > 4 and t0[:2] == "وب":
            for k in range(i0 - 1, max(a, i0 - 20) - 1, -1):
                if not toks[k]["w"]:
                    break
                if k in trig_spans and toks[k]["t"][:1] == "ب":
                    head = self._intention_head(toks, a, k, trig_spans)
                    if head is not None:
                        return head
                    break
        for k in range(i0 - 1, max(a, i0 - 12) - 1, -1):
            t = toks[k]
            if not t["w"]:
                return None  # (punctuation ends the reach)
            if t["t"] in self.intention_heads:
                nxt = toks[k + 1]["t"]
                if k + 1 == i0 or nxt in links or (nxt[:1] == "ب" and len(nxt) > 3):
                    return k
                return None
            if k in trig_spans:
                return None
            # (a clause break ends the reach, "الذين قتلوا", except the link right after the head)
            if self._is_break(t) and not (t["t"] in links and k > a and toks[k - 1]["t"] in self.intention_heads):
                return None
        return None

    def _origin_at(self, toks, m, a) -> bool:
        """True when mention ``m`` names where an attack came from: "من (داخل) الأراضي اليمنية"، "من الجانب
        السوري" (cues ``origin_phrases``)."""
        i = m["i0"]
        for ph in self.origin_phrases:
            n = len(ph)
            if i - n >= a and all(toks[i - n + q]["w"] and toks[i - n + q]["t"] == ph[q] for q in range(n)):
                return True
        return False

    def _prev_is(self, toks, m, words, a) -> bool:
        k = m["i0"] - 1
        if k < a:
            return False
        t = toks[m["i0"]]
        first = t["t"]
        if len(first) > 3 and first[0] in "بل" and words is self.rec_markers:
            pass
        return self._has(toks[k], words)

    def _place_marked(self, toks, m, a) -> bool:
        """True when mention ``m`` is introduced as a place: after a place word (في، قرب، مدينة ...) or with a
        proclitic بـ outside the name ("ببغداد"; not the ب of "بيونغ يانغ")."""
        prev = toks[m["i0"] - 1] if m["i0"] > a else None
        if prev is not None and self._has(prev, self.place_markers):
            return True
        tok = toks[m["i0"]]
        first = tok["t"]
        if m.get("ms") is not None:  # an entity: the ب must lie before the entity's own first character
            return m["ms"] > tok["rs"] and (first[:1] == "ب" or first[:2] in ("وب", "فب"))
        return (len(first) > 3 and first[0] == "ب" and not first.startswith("بين")) or (
            len(first) > 4 and first[:2] in ("وب", "فب"))

    def _prep_before(self, toks, m, a) -> bool:
        """True when a preposition governs mention ``m`` (the word before it, or before the cue that leads its
        count: "أكثر من 40 آخرين" is governed by nothing)."""
        k = m.get("lead", m["i0"]) - 1
        if k < a:
            return False
        tk = toks[k]
        return tk["w"] and (tk["t"] in self.preps or (len(tk["t"]) > 2 and tk["t"][0] in "وف" and tk["t"][1:] in self.preps))

    def _support_before(self, toks, cs: int, i0: int, rule: Rule) -> int | None:
        """Index of the support verb that carries the event noun at ``i0`` (شن، نفذ، عقد ... up to 6 tokens back in
        its clause; not an announcing verb for an attack), or None; the same search as the roles'."""
        support = (self.aid_support if rule.type == "AID" else self.support) | rule.support
        for k in range(i0 - 1, max(cs, i0 - 6) - 1, -1):
            if (self._has(toks[k], support) or self._decision_tok(toks[k])) and not (
                    rule.type == "ASSAULT" and self._has(toks[k], self.announce)):
                return k
        return None

    def _verb_modality(self, toks, a: int, k: int) -> tuple[str, str] | None:
        """Modality of the verb at token ``k``: ``("future", cue)`` for the future prefix س (سيعقد، ستشن) or سوف
        before it, ``("possible", cue)`` for قد right before an imperfect (قد تشن), else None."""
        t = toks[k]["t"]
        w = t[1:] if t[:1] in "وف" and len(t) > 4 else t
        if len(w) > 3 and w[0] == "س" and w[1] in "يتن" and any(kind == "v" for _, kind in self._cands(toks[k])):
            return "future", t
        for q in range(max(a, k - 2), k):
            if toks[q]["t"] in ("سوف", "وسوف", "فسوف"):
                return "future", toks[q]["t"]
        if k - 1 >= a and toks[k - 1]["t"] in ("قد", "وقد", "فقد") and w[:1] in "يتن":
            return "possible", toks[k - 1]["t"]
        return None

    def _roles(self, toks, a, b, trig, ments, trig_spans) -> tuple[Any, Any, str]:
        i0, i1 = trig["i0"], trig["i1"]
        rule: Rule = trig["rule"]
        cs, ce = self._clause(toks, a, b, i0, i1)
        # bare counted phrases are victims / detainees only: of an attack, a coercion, a release or a sentence
        # (cues ``counted_recipient_modes``: "أفرجت السلطات عن 20 معتقلا"، "حكما بالسجن على ثلاثة متهمين")
        counts_people = rule.type in ("ASSAULT", "COERCE") or rule.mode in self.counted_modes
        if not counts_people:
            # (or the subject right after a protest verb: "تظاهر 300 عامل")
            ments = [m for m in ments if not m.get("counted") or (rule.type == "PROTEST" and m["i0"] == i1)]
        # (the origin of an attack, "من الأراضي اليمنية", is no recipient: see _origin)
        after = [m for m in ments if m["i0"] >= i1 and m["i0"] < max(ce, i1 + 1) and not m.get("place_only")
                 and not self._origin_at(toks, m, a)]
        before = [m for m in ments if m["i1"] <= i0 and m["i0"] >= cs and not m.get("place_only")]
        # no other trigger between a before-mention and this trigger
        before = [m for m in before if not self._trig_between(trig_spans, m["i1"], i0)]
        # the victim of an earlier passive verb is none of a later verb's subject ("قتل خمسة أشخاص وجرح آخرون"،
        # "اعتقل ثلاثة ناشطين وأفرج عن آخرين": the same unnamed actor acts)
        before = [m for m in before if m["i0"] not in self._passive_victims]
        actor = recipient = None
        how = ""
        # passive / explicit agent
        for m in after:
            for mk in self.agent_markers:
                n = len(mk)
                k = m["i0"] - n
                if k >= i1 and all(toks[k + q]["w"] and (toks[k + q]["t"] == mk[q] or toks[k + q]["t"][1:] == mk[q]) for q in range(n)):
                    actor, how = m, "agent-marker"
                    break
            if actor:
                break
        # a place named with في/بـ is where the event happened, never who it was done to
        after = [m for m in after if not (m.get("place") and self._place_marked(toks, m, a))]
        # (a phrase after في / قرب / بـ-place is no subject either: "منازل في الخليل واعتقلت")
        before = [m for m in before if not (self._place_marked(toks, m, a) and (
            m.get("place") or m["i0"] > a and self._has(toks[m["i0"] - 1], self.place_markers)))]
        rec_after = [m for m in after if m is not actor and (self._prev_is(toks, m, self.rec_markers, a) or (
            # (the rule's own object preposition: "أفرجت السلطات عن 20 معتقلا"، "مساعدات إنسانية إلى سوريا"; in the
            # trigger's phrase: not past another verb, "الدعم اللوجستي وتيسر عبور المقاتلين إلى العراق")
            rule.recipient_preps and m.get("lead", m["i0"]) > a
            and toks[m.get("lead", m["i0"]) - 1]["t"] in rule.recipient_preps
            and self._in_phrase(toks, i1, m.get("lead", m["i0"]) - 1, trig_spans)) or (
            # "هجوم على آلية للشرطة": the ل-genitive of the noun after على / ضد is the target
            toks[m["i0"]]["t"].startswith("لل") and i1 <= m["i0"] - 2 <= i1 + 1 and toks[m["i0"] - 1]["w"]
            and not any(o["i0"] <= m["i0"] - 1 < o["i1"] for o in after)
            and self._has(toks[m["i0"] - 2], self.rec_markers)))]
        partner = [m for m in after if m is not actor and self._prev_is(toks, m, self.partner_markers, a)]

        def at_least_words(k: int) -> bool:
            return k - 2 >= a and toks[k - 2]["t"] == "على" and toks[k - 1]["t"] == "الاقل"
        if rule.id in self.relative_object_rules:
            before = []  # ("صاروخا أطلقته جماعة الحوثي": the missile is the verb's object pronoun)
        if trig["pos"] == "verb" and rule.type == "ASSAULT" and actor is None:
            got = self._attack_noun_subject(toks, i1, b, ments, trig_spans)
            if got is not None:
                return got[0], got[1], "attack-noun-subject"
        if trig["pos"] == "verb":
            tok = toks[i0]["t"]
            # a past verb with the plural suffix -وا holds its subject ("فقتلوا 3 جنود"): what follows is its object
            plural_subject_first = (tok.endswith(("وا", "ون")) and not any(
                m["i0"] <= i1 + 1 and not self._prep_before(toks, m, a) for m in after)) or (
                tok.endswith("وا") and len(tok) > 4)  # ("وطالبوا الحكومة": the government is asked, not asking)
            direct = [m for m in after if (m["i0"] == i1 or (m["i0"] == i1 + 1 and (
                self._has(toks[i1], self.time_words) or toks[i1]["t"] in self.pron_preps)))
                      and not self._prep_before(toks, m, a)]
            adjacent_before = before and before[-1]["i1"] == i0 and (
                before[-1]["i0"] == cs or self._has(toks[before[-1]["i0"] - 1], self.complementizers))
            # "قتل 3 جنود"، "وأصيب 17 آخرون"، "اعتقل 5 أشخاص": an unvowelled passive-capable verb opening its
            # clause, followed by a counted noun phrase, is passive; the counted phrase is the victim / detainee
            w0 = tok[1:] if tok[:1] in "وف" and tok[1:] in self.passive_verbs else tok
            opens = i0 == cs or (tok[:1] in "وف" and w0 != tok) or (i0 > a and toks[i0 - 1]["t"] in ("و", "ف"))
            # (a date between: "قتل في 12 مارس 2011 سبعة مدنيين")
            k_t = i1 + 1 if i1 + 1 < b and toks[i1]["t"] in ("في", "فى") and toks[i1 + 1].get("tm") else i1
            while k_t < b and toks[k_t].get("tm"):
                k_t += 1
            k_t = k_t if k_t > i1 + 1 else i1
            # (a count led by its cue right after the verb: "وجرح أكثر من 40 آخرين"، "قتل نحو 30 شخصا")
            counted = [m for m in after if m.get("lead", m["i0"]) in (i1, i1 + 1, k_t) and m.get("count") is not None
                       and not self._prep_before(toks, m, a)]
            if how == "agent-marker" and direct and direct[0]["i1"] <= actor["i0"] and not direct[0].get("place"):
                recipient = direct[0]  # "قتل الجندي على يد مسلحين": the noun before the agent is the victim
            voice = self._voice(toks[i0]) if w0 in self.passive_verbs else None
            if voice is None and (w0 in self.passive_only or tok in self.passive_only):
                voice = "passive"  # أصيب، اغتيل: passive forms whatever the vowels
            if counted and self._subject_with_object(toks, counted[0], b, ments):
                counted = []  # "قتل مسلحان جنديا": the counted phrase is the subject of an active verb
            if voice != "active" and w0 in self.passive_verbs and opens and counted and (
                    counted[0].get("lead", counted[0]["i0"]) == i1 or self._has(toks[i1], self.time_words)
                    or counted[0].get("lead", counted[0]["i0"]) == k_t > i1 + 1):
                recipient = counted[0]
                how = how or "passive-counted"
                if actor is None:  # "أصيب خمسة جنود بنيران الحوثيين": the agent phrase after the victims
                    actor = self._passive_agent(toks, recipient, after, b)
                return actor, recipient, how
            if voice == "passive" and actor is None and not direct and opens:
                bare = self._bare_victim(toks, i1, b, ments)
                if bare is not None:  # "قُتل القيادي البارز": a victim the actor lexicons do not know
                    return self._passive_agent(toks, bare, after, b), bare, (
                        "passive-form" if (w0 in self.passive_only or tok in self.passive_only) else "passive-vowelled")
            if (voice == "passive" and actor is None and direct and not direct[0].get("place")
                    and not self._clitic_article(toks[direct[0]["i0"]])):
                # "قُتل الجندي"، "اُعتُقل الناشط"، "أصيب الجندي": a passive verb (vowels or form); what follows
                # is the victim ("واصيب بالجراح": a ب-phrase is none)
                victim = self._with_nationality(toks, direct[0], ments)
                return self._passive_agent(toks, victim, after, b), victim, (
                    "passive-form" if (w0 in self.passive_only or tok in self.passive_only) else "passive-vowelled")
            # "قتل جندي في ..."، "اغتيل ضابط": an unvowelled passive-capable verb opening its clause, followed by an
            # indefinite noun with no agent (على يد) and no object after it, is passive: the noun is the victim
            nxt_k = direct[0]["i1"] if direct else b
            # a definite noun ("قتل الجندي في هجوم") is the victim only with evidence: an agent phrase after it
            # (برصاص، في هجوم، جراء), or a person (no collective body such as الجيش, no named entity) with no
            # object anywhere after it ("قتل الجندي مسلحا" is active)
            definite = i1 < b and toks[i1]["t"].startswith(("ال", "لل"))  # (a trigger may end the text)
            if (actor is None and voice != "active" and w0 in self.passive_verbs and opens and not direct
                    and definite):
                bare = self._bare_victim(toks, i1, b, ments)
                if bare is not None and self._agent_phrase_at(toks, bare["i1"], b) is not None:
                    # "قتل القيادي في غارة": an agent phrase after a definite noun the lexicons do not know
                    return self._passive_agent(toks, bare, after, b), bare, "passive-definite"
            if (actor is None and voice != "active" and w0 in self.passive_verbs and opens and direct
                    and direct[0]["i0"] == i1 and definite and not direct[0].get("place")
                    and not direct[0].get("accusative")):
                ev_phrase = self._agent_phrase_at(toks, nxt_k, b)
                if ev_phrase is not None or (
                        not direct[0].get("entity") and not self._has(toks[i1], self.collective_agents)
                        and (nxt_k >= b or self._is_break(toks[nxt_k]) or toks[nxt_k]["t"] in self.preps
                             or self._has(toks[nxt_k], self.time_words)
                             # ("قتل الجندي وأصيب اثنان": و + the next trigger starts another clause)
                             or (toks[nxt_k]["t"][:1] in "وف" and (nxt_k in trig_spans or toks[nxt_k]["t"][1:] in (
                                 self.passive_verbs | self.passive_only))))
                        and not self._object_after(toks, nxt_k, b, after, trig_spans)):
                    victim = self._with_nationality(toks, direct[0], ments)
                    return self._passive_agent(toks, victim, after, b), victim, "passive-definite"
            if (actor is None and voice != "active" and w0 in self.passive_verbs and opens and direct and direct[0]["i0"] == i1
                    and not direct[0].get("place") and not definite
                    and not direct[0].get("entity")
                    # (armed men in the nominative plural are the attackers: "خطف مسلحون، قبل خمسة أيام، عددا من")
                    and not (direct[0].get("sector") in ("UAF", "REB") and toks[direct[0]["i1"] - 1]["t"].endswith("ون"))
                    and (nxt_k >= b or self._is_break(toks[nxt_k]) or toks[nxt_k]["t"] in self.preps
                         or toks[nxt_k]["t"][:1] in "بو" or self._has(toks[nxt_k], self.time_words))
                    # (what follows و + the next trigger is another clause's: "قتل جندي وأصيب ثلاثة آخرون")
                    and not any(m["i0"] >= direct[0]["i1"] and not m.get("place") and m["i0"] < self._next_clause_verb(
                        toks, direct[0]["i1"], b, trig_spans) and not any(
                        toks[k]["t"] in self.preps or toks[k]["t"][:1] == "ب" or self._is_break(toks[k])
                        for k in range(direct[0]["i1"], m["i0"])) for m in after)):
                return None, direct[0], "passive-no-agent"
            # "قتل خمسة مدنيين" / "أصيب ثلاثة جنود": a counted or civilian noun after a harm verb is its victim
            if (actor is None and direct and rule.patient_genitive
                    and (direct[0].get("count") is not None or direct[0].get("sector") == "CVL")
                    and not self._subject_with_object(toks, direct[0], b, ments)
                    # (a nominative plural is the subject: "اقتحم مستوطنون باحات المسجد")
                    and not (direct[0].get("count") is None and toks[direct[0]["i0"]]["t"].endswith("ون"))):
                recipient = direct[0]
                direct = []
                after = [m for m in after if m is not recipient]
            before0 = before
            if counts_people:
                # a bare counted phrase ("17 آخرون", "23 شخصا") or the victim of a harm noun is who was harmed,
                # not who did it
                before = [m for m in before if not m.get("counted") and m["i0"] not in self._victims]
                direct = [m for m in direct if not m.get("counted")]
                adjacent_before = before and before[-1]["i1"] == i0 and (
                    before[-1]["i0"] == cs or self._has(toks[before[-1]["i0"] - 1], self.complementizers))
            # "أربعة مدنيين قتلوا في قصف"، "30 شخصا قتلوا": a counted phrase right before an unvowelled plural
            # passive-capable verb with no object of its own is its victim (قُتلوا), not its subject
            stem_v = tok[1:] if tok[:1] in "وف" else tok
            stem_v = stem_v[:-2] if stem_v.endswith("وا") else None
            # ("خمسة مدنيين على الأقل قتلوا": "at least" may come between)
            at_least = bool(before) and before[-1]["i1"] == i0 - 2 and toks[i0 - 2]["t"] == "على" and toks[i0 - 1]["t"] == "الاقل"
            if at_least and not adjacent_before:
                adjacent_before = before[-1]["i0"] == cs or self._has(toks[before[-1]["i0"] - 1], self.complementizers)
            # (also a bare counted phrase, "إن 12 مدنيا قتلوا"، or a definite person phrase, "المدنيون الخمسة قتلوا")
            pv = before0[-1] if before0 and not before0[-1].get("place") else None
            if pv is not None and not (pv["i1"] == i0 or (pv["i1"] == i0 - 2 and at_least_words(i0))):
                pv = None
            if pv is not None and not (pv["i0"] == cs or (pv["i0"] > a and self._has(toks[pv["i0"] - 1], self.complementizers))):
                pv = None
            if (actor is None and pv is not None and stem_v in self.passive_verbs
                    and (pv.get("count") is not None or not pv.get("entity"))
                    and not (i1 < b and toks[i1]["w"] and toks[i1]["t"] not in self.preps
                             and toks[i1]["t"][:1] not in "وفبل" and self._number(toks[i1]) is None
                             and not self._has(toks[i1], self.time_words))):
                return None, pv, "passive-counted" if pv.get("count") is not None else "passive-plural"
            if (actor is None and adjacent_before and stem_v in self.passive_verbs and before[-1].get("count") is not None
                    and not (i1 < b and toks[i1]["w"] and toks[i1]["t"] not in self.preps
                             and toks[i1]["t"][:1] not in "وفبل" and self._number(toks[i1]) is None
                             and not self._has(toks[i1], self.time_words))):
                return None, before[-1], "passive-counted"
            victim_subj = w0 in self.passive_only or tok in self.passive_only
            if actor is None and victim_subj:
                # أصيب، اغتيل، استشهد: the subject is who was harmed; only an agent phrase names the actor
                if adjacent_before and recipient is None:
                    recipient, how = before[-1], "passive-form"
                after = [m for m in after if m["i0"] <= i1 + 1 or m is recipient]
            elif actor is None and rule.type in ("ASSAULT", "COERCE") and self._possessor_subject(toks, a, i0, ments) is not None:
                # "نفت وزارة الدفاع الروسية أن تكون طائراتها قد قصفت مستشفى": a subject with a possessive pronoun
                # (its aircraft) is its possessor's; what follows the verb is the object
                actor, how = self._possessor_subject(toks, a, i0, ments), "possessor"
                direct = []
            elif actor is None:
                if adjacent_before:
                    actor, how = before[-1], "subject-verb"
                elif (direct and not plural_subject_first and not direct[0].get("accusative") and voice != "passive"
                      # ("أنها استهدفت عناصر طالبان": the subject is the pronoun on أن; what follows is the object)
                      and not (i0 > a and toks[i0 - 1]["t"] in self.pronoun_complementizers)):
                    actor, how = direct[0], "verb-subject"
                elif before:
                    # (a phrase governed by a preposition, "حاجزا للجيش", is no subject)
                    subj = [m for m in before if not self._prep_before(toks, m, a) and not toks[m["i0"]]["t"].startswith("لل")]
                    if subj:
                        actor, how = subj[-1], "subject-verb"
            rest = [m for m in after if m is not actor and (actor is None or m["i0"] >= actor["i1"])
                    and not (m.get("counted") and (not counts_people or self._prep_before(toks, m, a)))]
            rec_after = [m for m in rec_after if not m.get("counted") or counts_people]
            partner = [m for m in partner if not m.get("counted")]
            # a verbal noun as the verb's object ("أدانت الحكومة قصف المدنيين"): what follows it is the noun's, not
            # the verb's ("المدنيين" were shelled, not condemned)
            # (a noun of the verb's own type is the same event: "انفجرت عبوة ناسفة قرب دورية للجيش")
            # ("نددت المنظمة باعتقال الصحفيين": up to two words, no mention, between)
            # (only after a verb of reacting or denying: "تعهدت بتخصيص مساعدات لتونس" promises the aid to Tunisia)
            obj_k = None
            for k0 in ([actor["i1"]] if actor is not None and actor["i0"] >= i1 else []) + [i1] if self._has(
                    toks[i0], self.object_heads) else ():
                obj_k = next((k for k in range(k0, min(b, k0 + 3)) if self._noun_starts.get(k, rule.type) != rule.type
                              and toks[k]["w"] and not any(m["i0"] <= k < m["i1"] for m in after)
                              and all(toks[q]["w"] and not any(m["i0"] <= q < m["i1"] for m in after)
                                      for q in range(k0, k))), None)
                if obj_k is not None:
                    break
            if obj_k is not None:
                rec_after = [m for m in rec_after if m["i0"] < obj_k]
                partner = [m for m in partner if m["i0"] < obj_k]
                rest = [m for m in rest if m["i0"] < obj_k]
            if (recipient is None and actor is not None and how == "verb-subject" and rule.type in ("ASSAULT", "COERCE")
                    and actor["i0"] >= i1):
                # "هاجمت إيران السفن": a definite object the lexicons do not know, right after the subject
                k = actor["i1"]
                while (k < b and toks[k]["w"] and self._definite(toks[k]) and self._nisba(toks[k])
                       and not any(m["i0"] <= k < m["i1"] for m in ments)):
                    k += 1  # (an adjective of the subject: "عناصر الشرطة القضائية")
                bare = self._bare_victim(toks, k, b, ments)
                # (not the noun the trigger needs: "أطلقت الشرطة النار")
                if bare is not None and not (rule.require_near and self._has(toks[bare["i0"]], rule.require_near)):
                    recipient = bare
            if recipient is None:
                # (not past the verb of another clause: "إذا هاجمت إيران السفن فسترد الولايات المتحدة")
                fut = next((k for k in range(i1, b) if toks[k]["w"] and len(toks[k]["t"]) > 4
                            and toks[k]["t"][:2] in ("فس", "وس") and toks[k]["t"][2] in "يتن"), b)
                rec_after = [m for m in rec_after if m["i0"] < fut]
                partner = [m for m in partner if m["i0"] < fut]
                rest = [m for m in rest if m["i0"] < fut]
                recipient = (rec_after or partner or [m for m in rest if not self._prev_is(toks, m, self.place_markers, a)]
                             or [None])[0]
        else:
            # a bare counted phrase is at most the patient genitive of a harm noun ("مقتل 30 شخصا")
            after = [m for m in after if not m.get("counted") or (rule.patient_genitive and m["i0"] == i1)]
            before = [m for m in before if not m.get("counted")]
            rec_after = [m for m in rec_after if not m.get("counted") or (counts_people and rule.type != "ASSAULT")]
            partner = [m for m in partner if not m.get("counted")]
            # subject of a support verb before the noun ("شنت القوات هجوما", "إلقاء السلطات القبض")
            support = (self.aid_support if rule.type == "AID" else self.support) | rule.support
            if actor is None:
                for k in range(i0 - 1, max(cs, i0 - 6) - 1, -1):
                    if (self._has(toks[k], support) or self._decision_tok(toks[k])) and not (
                            rule.type == "ASSAULT" and self._has(toks[k], self.announce)):
                        between = [m for m in ments if m["i0"] > k and m["i1"] <= i0]
                        if between:
                            actor, how = between[0], "support-verb"
                        elif before and before[-1]["i1"] <= k and not (
                                before[-1].get("place") and self._prep_before(toks, before[-1], a)):
                            # ("توجه المبعوث إلى القاهرة بهدف عقد اجتماع": a place after a preposition is none)
                            actor, how = before[-1], "support-verb-subject"
                        break
            # "الهجوم الذي نفذته طالبان", "هجوم شنه مقاتلو الحزب": the subject of a following support verb
            if actor is None:
                for k in range(i1, min(ce if ce > i1 else b, i1 + 5)):
                    t = toks[k]["t"]
                    if t in self.support or t[:-1] in self.support or t[:-2] in self.support:
                        nxt = [m for m in ments if k < m["i0"] <= k + 2]
                        if nxt:
                            actor, how = nxt[0], "relative-support-verb"
                        break
            gen = None
            for m in after:
                gap = [toks[k] for k in range(i1, m["i0"])]
                # (a place word ends the noun phrase: "عبوة ناسفة قرب دورية للجيش" has no genitive)
                plain = all(g["w"] and g["t"] not in self.preps and not self._has(g, self.rec_markers)
                            and g["t"] not in self.place_markers for g in gap)
                # (nor is a noun coordinated with و after other words: "تفجيرات المساجد والمواكب والقضاة")
                plain = plain and not (gap and toks[m["i0"]]["t"][:1] == "و" and self._clitic_article(toks[m["i0"]]))
                if len(gap) <= 2 and plain and not self._prep_before(toks, m, a) or (
                        m["i0"] - i1 <= 2 and toks[m["i0"]]["t"][:2] == "لل" and plain):
                    gen = m
                break
            if gen is not None and gen is not actor:
                # the genitive of a transitive verbal noun is its object ("قصف المدنيين"، "اعتقال الصحفي"), except
                # before a ل-object ("اقتحام القوات الإسرائيلية للمسجد": the genitive acts, the ل-noun is the
                # object) or when it names a weapon-bearing body that only acts (cues ``instrument_agents``:
                # "قصف الطيران الروسي")
                lobj = None
                k = gen["i1"]
                if k < b and self._l_object(toks[k]):
                    lobj = next((m for m in ments if m["i0"] == k and not m.get("counted")), None)
                    # ("للمسجد الأقصى": a definite ل-noun the lexicons do not know, and its adjectives; not an
                    # indefinite one, often a ل of cause: "اقتحام القاعدة لوجود معتقلين")
                    if lobj is None and toks[k]["t"].lstrip("وف").startswith("لل"):
                        e = k + 1
                        while e < min(b, k + 3) and toks[e]["w"] and self._definite(toks[e]) and not self._clitic_article(toks[e]):
                            e += 1
                        lobj = {"i0": k, "i1": e, "code": None, "sector": None, "country": None, "entity": None,
                                "place": False}
                armed = self._has(toks[gen["i0"]], self.instrument_agents) or (
                    rule.id in self.armed_genitive_rules
                    and sector_of(gen.get("code"), gen.get("country")) in self.armed_sectors
                    or gen.get("sector") in self.armed_sectors and rule.id in self.armed_genitive_rules)
                # (a nationality adjective is no genitive: "القصف التركي" is Turkish shelling; so is an indefinite one
                # after an indefinite shelling noun, "قصف إسرائيلي", unlike "اعتقال سوري", the arrest of a Syrian)
                nat_adj = (gen["i1"] == gen["i0"] + 1 and gen.get("country") and not gen.get("sector")
                           and self._nisba(toks[gen["i0"]])
                           and (self._definite(toks[gen["i0"]]) or (
                               rule.id in self.armed_genitive_rules and gen["i0"] == i1
                               and not self._definite(toks[i1 - 1]))))
                if (rule.type == "AID" and toks[gen["i0"]]["t"].lstrip("وف")[:1] == "ل" and recipient is None
                        and toks[gen["i0"] - 1]["t"] not in ("تابعه", "التابعه", "تابع", "التابع")):
                    recipient, how = gen, "beneficiary"  # "مساعدات إنسانية لليمن": aid to Yemen, not Yemen's
                elif (rule.patient_genitive and not toks[gen["i0"]]["t"].startswith("لل") and lobj is None and not armed
                        and not nat_adj):
                    recipient = gen
                elif actor is None:
                    actor, how = gen, "genitive"
                    if lobj is not None and rule.patient_genitive and recipient is None:
                        recipient, how = lobj, "genitive+l-object"
            # (not after a toll noun: "قتلى وجرحى من الحوثيين" counts victims among the Houthis)
            if (actor is None and rule.type in ("ASSAULT", "COERCE") and trig["pos"] == "noun"
                    and rule.id not in self.harm_rules and rule.id != "assault.killed_passive"):
                # "تعرضت القرية لقصف من الطيران الروسي"، "هجوم من مسلحين": a من-phrase right after the event noun
                # (one adjective between at most) names who did it; not an origin ("من الأراضي اليمنية"), a
                # place or a count ("مقتل 5 من الجنود")
                frm = next((m for m in after if m is not gen and m is not recipient and not m.get("place")
                            and not m.get("counted") and not m.get("object_only") and m["i0"] - 1 >= i1
                            and m["i0"] - 1 <= i1 + 1 and toks[m["i0"] - 1]["t"] == "من"
                            and all(toks[q]["w"] and self._number(toks[q]) is None
                                    and not any(o["i0"] <= q < o["i1"] for o in after)
                                    for q in range(i1, m["i0"] - 1))
                            and not self._origin_at(toks, m, a)), None)
                if frm is not None and (frm.get("code") or frm.get("sector")):
                    actor, how = frm, "from-agent"
            if recipient is None:
                cand = [m for m in rec_after + partner if m is not actor]
                recipient = cand[0] if cand else None
        if recipient is actor:
            recipient = None
        if actor is not None and actor.get("object_only"):
            # an indefinite accusative noun (شخصا، جنديا) is an object, or the subject of إن/أن of a passive verb
            # ("إن شخصا قتل"): who was harmed, never who acted
            t0 = toks[i0]["t"]
            v0 = t0[1:] if t0[:1] in "وف" and len(t0) > 3 else t0
            if recipient is None or (actor["i1"] <= i0 and trig["pos"] == "verb" and (
                    v0 in self.passive_verbs or v0 in self.passive_only or t0 in self.passive_only)):
                recipient = actor  # ("إن رجلا قتل جراء قصف القوات": رجلا, not what follows the agent phrase)
            actor, how = None, ""
        return actor, recipient, how

    def _verb_evidence(self, toks, i0: int, a: int, b: int, before) -> bool:
        """True when the bare form at ``i0`` (أسر: "captured" or "families") reads as the verb or its verbal noun: a
        word of ``before`` right before it, or right after it a count (a number, a number word: أسر العشرات،
        أسر ستة) or an indefinite person noun (أسر جنديين، أسر مسلحون)."""
        if i0 > a and toks[i0 - 1]["w"] and toks[i0 - 1]["t"] in before:
            return True
        k = i0 + 1
        if k >= b or not toks[k]["w"]:
            return False
        t = toks[k]["t"]
        if self._number(toks[k]) is not None or (t.startswith("ال") and t[2:] in self.numwords):
            return True
        if t.startswith("ال"):
            # (a definite subject, then a count or an indefinite accusative object: "أسر الحوثيون ضابطا سعوديا")
            j = k + 1
            if j < b and toks[j]["w"] and (self._number(toks[j]) is not None or (
                    toks[j]["t"].endswith("ا") and (self._acc_stem(toks[j]) in self.acc_objects
                                                    or self.lex.agents.get(self._acc_stem(toks[j]) or "")))):
                return True
            return False
        if self._nisba(toks[k]) and not t.endswith(("يين", "يون")):
            return False
        key = stem_norm(t)
        return bool(self.lex.agents.get(key)) and self._agent_person(key) or self._acc_stem(toks[k]) in self.acc_objects

    def _possessor_subject(self, toks, a: int, i0: int, ments) -> dict[str, Any] | None:
        """The possessor of a subject noun with a possessive pronoun right before the verb at ``i0`` (قد may come
        between): "طائراتها قد قصفت" -> the nearest earlier actor mention (وزارة الدفاع الروسية), or None when
        the word before the verb is no agent or instrument noun with such a suffix."""
        k = i0 - 1
        if k >= a and toks[k]["t"] in ("قد", "وقد", "لقد"):
            k -= 1
        if k < a or not toks[k]["w"] or any(m["i0"] <= k < m["i1"] for m in ments):
            return None
        t = toks[k]["t"]
        # (a raw ه, not a ta marbuta: "امرأة قتلت" has no possessor)
        base = next((t[:-len(suf)] for suf in ("هما", "هم", "ها", "ه") if t.endswith(suf) and len(t) - len(suf) >= 3
                     and (suf != "ه" or self._raw[toks[k]["re"] - 1:toks[k]["re"]] == "ه")), None)
        if base is None or t[:1] == "و":
            return None
        # only the weapons and units of a body (طائراتها، قواته، عناصرها)
        if not (base in self.instrument_agents or "ال" + base in self.instrument_agents or base in self.member_heads
                or base in ("قوات", "جيش", "مقاتلات", "مدفعيه")):
            return None
        m = next((m for m in reversed(ments) if m["i1"] <= k and m["i0"] >= a and not m.get("place")
                  and not m.get("counted") and (m.get("code") or m.get("sector"))), None)
        if m is None or (m.get("sector") or sector_of(m.get("code"), m.get("country"))) not in (
                self.armed_sectors | {"GOV", "COP"}):
            return None
        return m

    def _attack_noun_subject(self, toks, k: int, b: int, ments, trig_spans) -> tuple[Any, Any] | None:
        """Roles of an attack verb whose subject is an attack noun ("استهدفت غارة جوية للتحالف حافلة أطفال"،
        "استهدفت غارة إسرائيلية منزلا"): the ل-phrase or the nationality adjective of the noun (one adjective may
        come between) is the actor, what follows it the object. ``k`` is the token after the verb. Returns
        ``(actor, recipient)`` mentions (the recipient may be None), or None when no attack noun with an actor
        follows the verb."""
        typ, ne = self._trig_info.get(k, (None, None))
        if ne is None or typ != "ASSAULT":
            return None
        act = None
        for m in ments:
            if m["i0"] < ne or m.get("counted") or m.get("place") and not m.get("country"):
                continue
            if m["i0"] > ne + 1 or (m["i0"] == ne + 1 and not (toks[ne]["w"] and toks[ne]["t"] not in self.preps
                                                                and ne not in trig_spans)):
                break
            t = toks[m["i0"]]["t"]
            if (t.startswith("ل") and not t.startswith("لدي") and (m.get("code") or m.get("sector"))) or (
                    m.get("country") and not m.get("sector") and m["i1"] == m["i0"] + 1 and self._nisba(toks[m["i0"]])):
                act = m
            break
        if act is None:
            return None
        j = act["i1"]
        if j >= b or not toks[j]["w"] or toks[j]["t"] in self.preps or j in trig_spans or self._is_break(toks[j]):
            return act, None
        rec = next((m for m in ments if m["i0"] == j and not m.get("place")), None)
        if rec is None and toks[j]["t"][:1] not in "بل" and not self._has(toks[j], self.place_markers) \
                and not self._has(toks[j], self.time_words):
            # a bare object the lexicons do not know ("منزلا"، "حافلة أطفال"): up to three words, no preposition
            e = j + 1
            while (e < min(b, j + 3) and toks[e]["w"] and toks[e]["t"] not in self.preps and e not in trig_spans
                   and toks[e]["t"][:1] not in "بلو" and not self._has(toks[e], self.place_markers)
                   and not self._is_break(toks[e]) and not self._has(toks[e], self.time_words)
                   and not any(m["i0"] <= e < m["i1"] and m.get("place") for m in ments)):
                e += 1
            m2 = next((m for m in ments if m["i0"] < e and m["i1"] > e and not m.get("place")), None)
            rec = {"i0": j, "i1": m2["i1"] if m2 else e, "code": None, "sector": None, "country": None,
                   "entity": None, "place": False}
        return act, rec

    # ------------------------------------------------------------------ coding
    def _assault_mode(self, toks, a, b, i0, i1, default):
        lo, hi = max(a, i0 - 6), min(b, i1 + 6)
        for mode, words in self.assault_modes:
            if any(self._has(toks[k], words) for k in range(lo, hi) if (not (i0 <= k < i1) or mode in (
                    "aerial", "suicide-attack", "targeted")) and not (k > a and self._has(toks[k - 1], self.defence_heads))):
                return mode
        return default

    def code(self, state: Any) -> list[dict[str, Any]]:
        """Code the events of ``state.doc`` (see the module docstring).

        Returns:
            Event dicts following the ``event`` $def of ``hadath.document/1``,
            with ``rule`` and ``evidence`` keys added.
        """
        doc = state.doc
        text = doc.text
        toks = self.tokenize(state.norm)
        self._raw = state.norm.raw
        if not toks:
            return []
        starts = [t["rs"] for t in toks]
        # a number inside a time expression ("عام 2016"، "15 ربيع الأول 1441 هـ") is no count: never a toll, a
        # counted victim or part of a role (:meth:`_number` reads these tokens as no number)
        for tm in doc.times or []:
            for k in range(max(0, bisect.bisect_right(starts, tm["start"]) - 1), bisect.bisect_left(starts, tm["end"])):
                if toks[k]["rs"] >= tm["start"] and toks[k]["re"] <= tm["end"]:
                    toks[k]["tm"] = True
        sentences = list(doc.sentences or [doc.span(0, len(text))])
        # the headline (a span of the text when the structure stage found one) is coded too, as the first sentence
        head = (doc.metadata or {}).get("headline")
        if (isinstance(head, dict) and isinstance(head.get("start"), int) and isinstance(head.get("end"), int)
                and 0 <= head["start"] < head["end"] <= len(text)
                and not any(s["start"] <= head["start"] < s["end"] for s in sentences)):
            sentences.insert(0, doc.span(head["start"], head["end"]))
            head_span = (head["start"], head["end"])
        else:
            head_span = None
        ref = state.reference_time
        day = ref.strftime("%Y%m%d") if isinstance(ref, datetime) else None
        # entity mentions -> token ranges
        ent_m = []
        for e in doc.entities or []:
            for mm in e.get("mentions") or []:
                # the token that holds the mention's first character (a proclitic may precede it: "ببغداد",
                # "لحزب العمال") through the token that holds its last one
                i0 = max(0, bisect.bisect_right(starts, mm["start"]) - 1)
                if toks[i0]["re"] <= mm["start"]:
                    i0 += 1
                i1 = bisect.bisect_left(starts, mm["end"])
                if i1 <= i0:
                    continue
                lab = e.get("label")
                code = e.get("cameo")
                place = lab in _PLACE_LABELS
                ent_m.append({"i0": i0, "i1": i1, "ms": mm["start"], "me": mm["end"],
                              "code": code, "country": e.get("country"), "sector": None, "label": lab,
                              "entity": e.get("id"), "place": place, "geo": e,
                              "place_only": lab in {"LOC", "FAC"}})
        ent_m.sort(key=lambda m: m["i0"])
        ent_i0 = [m["i0"] for m in ent_m]
        self._doc_country = self._dominant_country(doc)
        # quantities and times by start offset (each unit takes its own slice, in document order)
        q_all = list(doc.quantities or [])
        q_ord = sorted(range(len(q_all)), key=lambda n: q_all[n]["start"])
        q_st = [q_all[n]["start"] for n in q_ord]
        t_all = [t for t in (doc.times or []) if t.get("value") and t.get("kind") in ("date", "datetime", "interval")]
        t_ord = sorted(range(len(t_all)), key=lambda n: t_all[n]["start"])
        t_st = [t_all[n]["start"] for n in t_ord]

        def in_range(items, order, st, lo, hi):
            return [items[n] for n in sorted(order[bisect.bisect_left(st, lo):bisect.bisect_left(st, hi)])]
        units = []
        for sent in sentences:
            a = bisect.bisect_left(starts, sent["start"])
            b = bisect.bisect_left(starts, sent["end"])
            if b <= a:
                continue
            wins = self._windows(toks, a, b)
            for wa, wb in wins:
                lo = sent["start"] if wa == a else toks[wa]["rs"]
                hi = sent["end"] if wb == b else toks[wb]["rs"]
                units.append((sent, wa, wb, lo, hi))
        events: list[dict[str, Any]] = []
        for sent, a, b, lo, hi in units:
            trigs = self._triggers(toks, a, b)
            if not trigs:
                continue
            self._unit_q = in_range(q_all, q_ord, q_st, lo, hi)
            self._unit_t = in_range(t_all, t_ord, t_st, lo, hi)
            e0, e1 = bisect.bisect_left(ent_i0, a), bisect.bisect_left(ent_i0, b)
            unit_ents = [m for m in ent_m[e0:e1] if m["i1"] <= b]
            ments = self._mentions(toks, a, b, unit_ents, day, frozenset(t["i0"] for t in trigs))
            trigs = self._name_triggers_out(toks, trigs, unit_ents, ments)
            trigs = self._masdar_objects(toks, a, b, trigs, ments)
            trigs = self._negated_results(toks, a, b, trigs)
            trigs, alleged = self._alleged_acts(toks, a, b, trigs)
            if not trigs:
                continue
            self._noun_starts = {t["i0"]: t["rule"].type for t in trigs if t["pos"] == "noun"}
            self._noun_ends = {t["i0"]: t["i1"] for t in trigs if t["pos"] == "noun"}
            # (every trigger's type and end: a "verb" right after another verb is its subject noun, استهدف قصف)
            self._trig_info = {t["i0"]: (t["rule"].type, t["i1"]) for t in trigs}
            if not trigs:
                continue
            trig_spans = [t["i0"] for t in trigs]
            # the genitive of a harm noun ("مقتل عشرة أشخاص") is a victim: never the actor of an attack
            self._victims = {t["i1"] for t in trigs if t["pos"] == "noun" and t["rule"].patient_genitive}
            # (and the victims of the passive verbs coded so far in the unit: filled below)
            self._passive_victims = set()
            prev = None
            first = len(events)
            for trig in trigs:
                ev = self._event(state, toks, a, b, sent, trig, ments, trig_spans)
                if ev["_rec_i0"] is not None and (ev["evidence"].get("roles") or "").startswith("passive"):
                    self._passive_victims.add(ev["_rec_i0"])
                # coordinated verbs share their subject: "تستجوب وتحقق مع المقاتلين"
                # (also farther on, "داهمت قوات الأمن منازل في الخليل واعتقلت 9 شبان", when no break intervenes)
                if (prev is not None and ev["actor"] is None and trig["pos"] == "verb" and prev[0]["pos"] == "verb"
                        and toks[trig["i0"]]["t"][0] in "وف" and (trig["i0"] - prev[0]["i1"] <= 1 or (
                            prev[1]["evidence"]["roles"] != "passive-counted" and prev[1]["actor"] is not None
                            and not any(self._is_break(toks[k]) for k in range(prev[0]["i1"], trig["i0"]))))):
                    ev["actor"] = prev[1]["actor"]
                    ev["evidence"]["roles"] = "coordinated-verb"
                if (prev is not None and trig["pos"] == "noun" and toks[trig["i0"]]["t"].startswith("لل")
                        and (prev[1]["actor"] is not None or prev[1]["type"] == "PROTEST")
                        and prev[1]["type"] in ("PROTEST", "ASSAULT", "COERCE")
                        and ev["type"] not in ("ASSAULT", "COERCE")
                        and not any(self._is_break(toks[k]) for k in range(prev[0]["i1"], trig["i0"]))):
                    # "تظاهر آلاف المحتجين ... للمطالبة برحيل بوتفليقة": a purpose noun (ل + verbal noun) is done by
                    # the actor of the event it follows; its own genitive is whom it addresses
                    if ev["recipient"] is None and ev["actor"] is not None and (
                            prev[1]["actor"] is None or ev["actor"]["start"] != prev[1]["actor"]["start"]):
                        ev["recipient"] = ev["actor"]
                    ev["actor"] = prev[1]["actor"]
                    ev["evidence"]["roles"] = "purpose-of-event"
                prev = (trig, ev)
                if trig["i0"] in alleged:
                    # "اتهم الانفصاليون القوات الأوكرانية بتكثيف الهجمات": the accused act is what the ACCUSE
                    # allege event is about (PLOVER codes the accusation, one event); kept as evidence, with the
                    # accused as its actor
                    ev["evidence"]["alleged"] = [
                        {"type": t["rule"].type, "mode": t["rule"].mode, "cameo": t["rule"].cameo, "rule": t["rule"].id,
                         "trigger": doc.span(toks[t["i0"]]["rs"], toks[t["i1"] - 1]["re"]),
                         "actor": ev["recipient"]} for t in alleged[trig["i0"]]]
                events.append(ev)
            # deaths in a natural disaster or an accident are no attack ("قتل العشرات ... في الزلزال")
            if any(ev["rule"] in self.harm_rules for ev in events[first:]) and self._disaster_sentence(toks, a, b, events[first:]):
                events[first:] = [ev for ev in events[first:] if ev["rule"] not in self.harm_rules]
            # several cues of one type in a sentence corroborate each other ("انفجار ... مقتل ... إصابة")
            # and, when their actors agree, are one event with several triggers
            # each count to one event (the sentence-wide counts above only raised confidence)
            self._assign_sizes(doc, toks, starts, a, b, sent, events[first:])
            for ev in events[first:]:
                for k in ("_i0", "_i1", "_rec_i0", "_rec_n", "_rec_one", "_act_i0", "_act_n"):
                    ev.pop(k, None)
            per_type = {}
            for ev in events[first:]:
                per_type[ev["type"]] = per_type.get(ev["type"], 0) + 1
            for ev in events[first:]:
                extra = min(per_type[ev["type"]] - 1, 2)
                if extra:
                    ev["_support"] += 0.05 * extra
                    ev["evidence"]["specificity"].append(f"corroborated+{extra}")
                # support saturates at 0.99; the penalties of reference/background frames always bite
                ev["confidence"] = round(max(0.05, min(0.99, ev.pop("_support")) - ev.pop("_penalty")), 3)
            kept: list[dict[str, Any]] = []
            for ev in events[first:]:
                res = ev.pop("_result", False)
                if ev.pop("_cause", False):
                    # "أربعة مدنيين قتلوا في قصف للمناطق الباكستانية"، "قتل ثلاثة جراء قصف الطيران": the attack noun
                    # after في / جراء is how the harm before it was done: one event (its actor fills the harm's)
                    tgt = next((k for k in reversed(kept) if k["type"] == "ASSAULT" and k["rule"] in self.harm_rules
                                and k["negated"] == ev["negated"] and k["hypothetical"] == ev["hypothetical"]
                                and not self._distinct(k, ev) and not (
                                    k["actor"] and ev["actor"] and self._role_key(k["actor"]) != self._role_key(ev["actor"])
                                    and k["evidence"].get("roles") not in (None, "armed-participants"))), None)
                    if tgt is not None:
                        if tgt["actor"] is not None and ev["actor"] is not None and \
                                tgt["evidence"].get("roles") == "armed-participants":
                            tgt["actor"] = None  # (the attack noun names its actor better than the fallback)
                        if (tgt["recipient"] is not None and ev["actor"] is not None and not tgt["evidence"].get("roles")
                                and ev["evidence"].get("roles") not in (None, "armed-participants")
                                and (tgt["recipient"]["start"], tgt["recipient"]["end"])
                                == (ev["actor"]["start"], ev["actor"]["end"])):
                            # ("قتلوا جراء ضربة جوية اميركية": the harm verb took the attack's actor for its victim)
                            tgt["recipient"] = ev["recipient"]
                            tgt["evidence"]["counted_recipient"] = ev["evidence"].get("counted_recipient", False)
                        self._absorb(tgt, ev)
                        continue
                # "شن الجيش غارات ... ما أسفر عن مقتل 30 مسلحا": the toll is the outcome of the attack before it
                # (its fallback actor, the attack's target, does not make it another event)
                tgt = next((k for k in reversed(kept) if k["type"] == "ASSAULT" and k["negated"] == ev["negated"]
                            and k["hypothetical"] == ev["hypothetical"]), None) if res else None
                if tgt is not None:
                    if ev["evidence"]["roles"] == "armed-participants":
                        ev["actor"] = None
                    self._absorb(tgt, ev)
                    continue
                tgt = next((k for k in kept if k["type"] == ev["type"] and k["negated"] == ev["negated"]
                            and (k["type"] != "COERCE" or k["mode"] == ev["mode"])  # a raid is no arrest
                            # (nor a release a withdrawal: "بانسحاب حزب الله ... وبالإفراج عن المعتقلين")
                            and (k["type"] not in ("RETREAT", "SANCTION") or k["mode"] == ev["mode"]
                                 or not (k["mode"] and ev["mode"]))
                            and k["hypothetical"] == ev["hypothetical"] and self._compatible(k, ev)), None)
                if tgt is None:
                    kept.append(ev)
                else:
                    self._absorb(tgt, ev)
            events[first:] = kept
        events = self._merge(self._anaphora(events))
        for n, ev in enumerate(events, 1):
            ev["id"] = f"ev{n}"
            mc = self.mode_cameo.get(ev["mode"]) if ev["type"] == "ASSAULT" else None
            if mc is not None and ev["cameo"] in mc[0]:
                # the CAMEO code follows the means: aerial weapons 195, artillery / rockets 194
                ev["evidence"]["cameo_rule"] = ev["cameo"]
                ev["cameo"] = mc[1]
        if head_span is not None:
            self._link_headline(events, head_span)
        return events

    def _link_headline(self, events: list[dict[str, Any]], head: tuple[int, int]) -> None:
        """Mark the headline's events (``evidence.in_headline``) and link each to the first event of the body
        that reports the same thing (``evidence.same_as``: its id), so that a count of events counts it once.

        The same thing: the same PLOVER type, negation and modality, no differing explicit date, the same
        counts where both give one, no places in different countries, and actors (and recipients) that agree
        where both are coded (same code, or same country), since a headline names its actors and places
        tersely ("مقاتلو داعش الأجانب يطلبون المساعدة" and "طلبوا المساعدة" in the body; "في انفجار ببيروت" and
        "في الضاحية الجنوبية لبيروت").
        """
        def agree(x: dict[str, Any] | None, y: dict[str, Any] | None) -> bool:
            cx, cy = (x or {}).get("code"), (y or {}).get("code")
            return not (cx and cy) or cx == cy or cx[:3] == cy[:3] and cx[:3].isalpha()

        def same_where_when(x: dict[str, Any], y: dict[str, Any]) -> bool:
            if self._dates_differ(x, y):
                return False
            xc, yc = (x.get("location") or {}).get("country"), (y.get("location") or {}).get("country")
            if xc and yc and xc != yc:
                return False
            xs, ys = x.get("size") or {}, y.get("size") or {}
            return all(xs[k] == ys[k] for k in xs.keys() & ys.keys())

        body = [e for e in events if (e["sentence"]["start"], e["sentence"]["end"]) != head]
        for ev in events:
            if (ev["sentence"]["start"], ev["sentence"]["end"]) != head:
                continue
            ev["evidence"]["in_headline"] = True
            same = next((b for b in body if b["type"] == ev["type"] and b["negated"] == ev["negated"]
                         and b["hypothetical"] == ev["hypothetical"] and same_where_when(ev, b)
                         and agree(ev["actor"], b["actor"]) and agree(ev["recipient"], b["recipient"])), None)
            if same is not None:
                ev["evidence"]["same_as"] = same["id"]

    def _name_triggers_out(self, toks, trigs, ents, ments) -> list[dict[str, Any]]:
        """Triggers that are no part of a name or of the actor of another trigger: a trigger word inside an
        entity mention ("منظمة الأمن والتعاون": no COOPERATE) or after the first word of a multi-word named
        actor of the lexicons, and an event noun that is the subject of the verb trigger right before it
        ("قصفت المدفعية السعودية": المدفعية is who shelled, no second attack)."""
        spans = [(m["i0"], m["i1"]) for m in ents if m.get("label") in _ACTOR_LABELS | _PLACE_LABELS]
        spans += [(m["i0"], m["i1"]) for m in ments if m.get("entity") is None and m.get("sector") is None
                  and m.get("code") and not m.get("place") and m["i1"] - m["i0"] >= 2]
        # a word the entity stage linked as a place is the place, never an event ("مدينة تدمر": Palmyra,
        # not "destroys")
        places = {(m["i0"], m["i1"]) for m in ents if m.get("label") in _PLACE_LABELS}
        out = []
        prev = None
        # a person the gazetteer links is a name, never a verb ("بايدن" is not ب + أيّدن)
        linked_people = {(m["i0"], m["i1"]) for m in ents if m.get("label") == "PER" and (m.get("geo") or {}).get("canonical")}
        for t in trigs:
            inside = (t["i0"], t["i1"]) in places or (t["i0"], t["i1"]) in linked_people or any(
                i0 <= t["i0"] and t["i1"] <= i1 and (i0 < t["i0"] or t["pos"] == "noun") and (i0, i1) != (t["i0"], t["i1"])
                for i0, i1 in spans)
            subject = (t["pos"] == "noun" and prev is not None and prev["pos"] == "verb" and prev["i1"] == t["i0"]
                       and prev["rule"].type == t["rule"].type and not t["rule"].definite_ok
                       and any(m["i0"] == t["i0"] and m.get("sector") for m in ments))
            if not (inside or subject):
                out.append(t)
            prev = t
        return out

    #: Longest token run coded as one unit: a longer "sentence" (text without sentence punctuation) is coded
    #: in windows of at most this many tokens, so that the work per document stays linear in its length.
    MAX_WINDOW = 400

    def _windows(self, toks, a: int, b: int) -> list[tuple[int, int]]:
        """Token ranges that cover [a, b): the whole range when it has at most :attr:`MAX_WINDOW` tokens, else
        windows of at most that many, each cut before a clause break, else before a lone و, else anywhere
        (in its second half)."""
        n = self.MAX_WINDOW
        out = []
        s = a
        while b - s > n:
            cut = None
            for test in (lambda t: self._is_break(t), lambda t: t["t"] == "و"):
                for k in range(s + n - 1, s + n // 2, -1):
                    if test(toks[k]):
                        cut = k
                        break
                if cut is not None:
                    break
            cut = cut or s + n
            out.append((s, cut))
            s = cut
        out.append((s, b))
        return out

    @staticmethod
    def _dominant_country(doc) -> str | None:
        """The country most places of the article lie in (>= half of the place mentions, at least 2), or None."""
        counts: dict[str, int] = {}
        for e in doc.entities or []:
            if e.get("label") in _PLACE_LABELS and e.get("country"):
                counts[e["country"]] = counts.get(e["country"], 0) + len(e.get("mentions") or [1])
        if not counts:
            return None
        best = max(counts, key=counts.get)
        total = sum(counts.values())
        return best if counts[best] >= 2 and counts[best] * 2 >= total else None

    def _role_dict(self, doc, toks, m) -> dict[str, Any] | None:
        if m is None:
            return None
        if (m.get("country") is None and m.get("sector") in _STATE_SECTORS and self._doc_country
                and m.get("code") == m.get("sector")):
            # "السلطات" in an article about Afghanistan: the Afghan authorities (PETRARCH-style default country)
            m = dict(m, country=self._doc_country, code=self._doc_country + m["sector"], country_from="article")
        s, e = toks[m["i0"]]["rs"], toks[m["i1"] - 1]["re"]
        if m.get("ms") is not None and s <= m["ms"] < m["me"] <= e:  # an entity mention: its own offsets
            s, e = m["ms"], m["me"]
        # leave an attached conjunction/preposition out of the span (وبالسلطات -> السلطات)
        t0 = toks[m["i0"]]["t"]
        if m.get("ms") is None and m.get("count") is None and len(t0) > 3 and t0[0] in "وفب" and e - s >= len(t0):
            raw0 = doc.text[s:toks[m["i0"]]["re"]]
            if len(raw0) == len(t0):
                cut = 1 if t0[1:3] == "ال" else (2 if t0[0] in "وف" and t0[1] == "ب" and t0[2:4] == "ال" else 0)
                s += cut
        d = doc.span(s, e)
        # (the sector of a coded actor with none of its own is the role part of its CAMEO code: UKRMIL -> MIL)
        d.update({"entity": m.get("entity"), "code": m.get("code"), "country": m.get("country"),
                  "sector": m.get("sector") or sector_of(m.get("code"), m.get("country"))})
        if m.get("country_from"):
            d["country_from"] = m["country_from"]
        return d

    def _event(self, state, toks, a, b, sent, trig, ments, trig_spans) -> dict[str, Any]:
        doc = state.doc
        rule: Rule = trig["rule"]
        i0, i1 = trig["i0"], trig["i1"]
        # extend the trigger over a support verb / light verb right before it (شن هجوم، إلقاء ... القبض)
        ts, te = toks[i0]["rs"], toks[i1 - 1]["re"]
        actor, recipient, how = self._roles(toks, a, b, trig, ments, trig_spans)
        if (rule.actor_sectors and actor is not None
                and (actor.get("sector") or sector_of(actor.get("code"), actor.get("country"))) not in (
                    None, *rule.actor_sectors)):
            # only these act so (triggers.yaml ``actor_sectors``: a court or an authority sentences): another
            # person is who it was done to ("الشابان اللذان حكم عليهما بالسجن")
            if recipient is None:
                recipient = actor
            actor, how = None, "actor-sector"
        if trig["pos"] == "noun" and recipient is None:
            # "تعرضت القوات الأميركية لهجوم": the subject of "was subjected to" is the target
            for k in range(i0 - 1, max(a, i0 - 6) - 1, -1):
                if self._has(toks[k], self.victim_verbs) and toks[k]["t"] not in ("اثر", "جراء"):
                    subj = [m for m in ments if m is not actor and (m["i1"] <= k or k < m["i0"] < i0)]
                    if not subj and 1 <= i0 - k - 1 <= 3 and all(
                            toks[q]["w"] and toks[q]["t"] not in self.preps and not self._is_break(toks[q])
                            for q in range(k + 1, i0)):
                        # "تعرض مركز المسيال لقذائف": the words between the verb and the attack noun
                        subj = [{"i0": k + 1, "i1": i0, "code": None, "sector": None, "country": None,
                                 "entity": None, "place": False}]
                    if subj:
                        recipient = min(subj, key=lambda m: abs(m["i0"] - k))
                        how = (how + "+" if how else "") + "subjected-to"
                    break
        if trig["pos"] == "noun" and actor is None and rule.type in ("ASSAULT", "COERCE"):
            # "نفى الجيش قصف المستشفى": the act denied is the denier's own (the event is negated below)
            for k in range(i0 - 1, max(a, i0 - 5) - 1, -1):
                if self._has(toks[k], self.denial_verbs):
                    if any(toks[q]["t"] in self.denied_links for q in range(k + 1, i0)):
                        break  # "نفى الجيش مسؤوليته عن قصف المستشفى": a denied link, the shelling is not its own
                    subj = [m for m in ments if k < m["i0"] and m["i1"] <= i0 and m is not recipient
                            and not m.get("place") and not m.get("counted")]
                    if subj:
                        actor, how = subj[0], (how + "+" if how else "") + "denier"
                    break
        cameo = rule.cameo
        if rule.id in self.attempt_rules and trig["pos"] == "noun" and any(
                self._has(toks[k], self.attempt_words) for k in range(max(a, i0 - 2), i0)):
            # "محاولة اغتيال"، "محاولة لاغتيال": an attempt to assassinate (CAMEO 185); who survived it is its target
            # ("نجا محافظ عدن من محاولة اغتيال")
            cameo = "185"
            if recipient is None:
                for k in range(i0 - 1, max(a, i0 - 8) - 1, -1):
                    if self._has(toks[k], self.survive_verbs):
                        subj = [m for m in ments if k < m["i0"] and m["i1"] <= i0 and m is not actor
                                and not m.get("place")]
                        if subj:
                            recipient, how = subj[0], (how + "+" if how else "") + "survived"
                            nxt = next((m for m in ments if m["i0"] == recipient["i1"] and m.get("place")
                                        and not self._clitic_article(toks[m["i0"]])), None)
                            sec = recipient.get("sector") or sector_of(recipient.get("code"))
                            if nxt is not None and sec and not recipient.get("country"):
                                # ("محافظ عدن": a title and the place it governs are one person)
                                cc = nxt.get("country")
                                recipient = dict(recipient, i1=nxt["i1"], country=cc,
                                                 code=(cc or "") + sec if recipient.get("code") in (None, sec) else recipient["code"])
                                recipient.pop("ms", None)
                                recipient.pop("me", None)
                        break
        cause_k = None
        if trig["pos"] == "noun" and rule.type == "ASSAULT":
            # "خسائر للتنظيم في الرقة ... بسبب الهجمات الجوية للتحالف": the attack noun is the cause of the effect
            # before it; the effect's non-place genitive is the target, its places are where the attack hit
            for k in range(i0 - 1, max(a, i0 - 3) - 1, -1):
                if self._has(toks[k], self.cause_frames):
                    cause_k = k
                    break
        if cause_k is not None and recipient is None:
            effect = [m for m in ments if m["i1"] <= cause_k and not m.get("place") and m is not actor]
            if effect:
                recipient = effect[-1]
                how = (how + "+" if how else "") + "cause-frame"
        t0 = toks[i0]["t"]
        victim_subject = trig["pos"] == "verb" and (t0 in self.passive_only or (t0[:1] in "وف" and t0[1:] in self.passive_only))
        if rule.type == "ASSAULT" and actor is None and not victim_subject:
            # a suicide bomber or gunmen named earlier in the sentence carried out its attack ("إن انتحاريا يقود
            # سيارة مفخخة فجر نفسه"), even when word order does not make them the subject
            # (only before the trigger: after it, "تصفية المسلحين", they are more often the target)
            # (nor the speaker of a report, "وقال الانفصاليون إن رجلا قتل": only the reported clause)
            lead = self._lead_start(toks, a, i0)
            # (nor who announced it: "وأعلنوا مقتل أربعة مدنيين" after "الانفصاليون")
            lead = max([lead] + [k + 1 for k in range(max(a, i0 - 3), i0) if self._has(toks[k], self.clause_verbs)])
            armed = [m for m in ments if m.get("sector") in ("UAF", "REB") and lead <= m["i0"] and m["i1"] <= i0
                     and not m.get("object_only")
                     and not (recipient is not None and m["i0"] < recipient["i1"] and recipient["i0"] < m["i1"])]
            if armed:
                actor = armed[-1]
                how = "armed-participants"
        if rule.type == "ASSAULT" and (actor is None or how.startswith("genitive")):
            # "قصف من الأراضي اليمنية": the country the attack came from (its country only, no sector)
            cs0, ce0 = self._clause(toks, a, b, i0, i1)
            org = next((m for m in ments if i1 <= m["i0"] < max(ce0, i1 + 1) and m.get("country")
                        and self._origin_at(toks, m, a)), None)
            if org is not None and actor is not None and not (
                    how.startswith("genitive") and actor["i1"] == actor["i0"] + 1 and actor.get("country") is None
                    and not actor.get("entity") and not self._definite(toks[actor["i0"]])):
                org = None  # (an origin replaces only an indefinite adjective read as genitive: "قذائف عسكرية")
            if org is not None:
                actor = {"i0": org["i0"], "i1": org["i1"], "code": org["country"], "country": org["country"],
                         "sector": None, "entity": org.get("entity"), "place": False,
                         "ms": org.get("ms"), "me": org.get("me")}
                how = (how + "+" if how else "") + "origin"
        if rule.type == "PROTEST" and actor is None:
            # protesters, students, workers ... named in the sentence are who protests ("تظاهر الطلاب",
            # "ورشق مئات المتظاهرين"), even when the trigger is the participant noun itself
            civil = [m for m in ments if m.get("sector") in _CIVIL_SECTORS and m is not recipient and not m.get("object_only")]
            if civil:
                actor = min(civil, key=lambda m: abs(m["i0"] - i0))
                how = "protest-participants"
        mode = rule.mode
        if (rule.type == "ASSAULT" and actor is not None and actor.get("sector") is None and actor.get("entity") is None
                and "origin" not in how
                and actor.get("code") and len(actor["code"]) == 3 and actor.get("country") == actor["code"]
                and (rule.cameo.startswith("19") or self._assault_mode(toks, a, b, i0, i1, None) in ("aerial", "drone", "heavy-weapons"))):
            actor = dict(actor, sector="MIL", code=actor["code"] + "MIL")  # "ضربة جوية أميركية": the US military
        if rule.type == "ASSAULT" and mode in (None, "", "heavy-weapons", "firearms"):
            mode = self._assault_mode(toks, a, b, i0, i1, mode)
        elif rule.type == "ASSAULT" and mode == "explosives" and self._assault_mode(toks, a, b, i0, i1, mode) == "suicide-attack":
            mode = "suicide-attack"
        cs, ce = self._clause(toks, a, b, i0, i1)
        # negation and modality
        negated = False
        hypothetical = False
        cues = []
        for k in range(max(cs, i0 - 3), i0):
            if self._has(toks[k], self.neg_before) and k not in self._neg_heads:
                negated = True
                cues.append(toks[k]["t"])
        for k in range(max(a, i0 - 10), i0):
            if self._has(toks[k], self.neg_verbs):
                if any(toks[q]["t"] in self.denied_links for q in range(k + 1, i0)):
                    continue  # "نفت حماس أي علاقة لها بالهجوم": the link is denied, not the attack
                negated = True
                cues.append(toks[k]["t"])
        for k in range(max(a, i0 - 5), i0):
            if self._has(toks[k], self.modal):
                # قد + past is "already" (وقد قتل), only قد + imperfect is "may"
                if toks[k]["t"] in ("قد", "وقد", "فقد", "لقد") and not (k == i0 - 1 and trig.get("tense") == "impf"):
                    continue
                hypothetical = True
                cues.append(toks[k]["t"])
        # أن + imperfect (subjunctive) is an intention or a possibility, not a report: "وددت أن أزور"
        if trig.get("tense") == "impf" and i0 > a and toks[i0 - 1]["t"] in ("ان", "لان", "وان", "بان", "كي", "لكي"):
            hypothetical = True
            cues.append(toks[i0 - 1]["t"])
        future = False
        if trig["pos"] == "verb" and trig.get("kind") in ("v", "l") and toks[i0]["t"].lstrip("وف")[:1] in ("س", "ل"):
            hypothetical = True
            future = future or toks[i0]["t"].lstrip("وف")[:1] == "س"
            cues.append(toks[i0]["t"])
        if trig["pos"] == "verb" and any(toks[k]["t"] in ("سوف", "وسوف") for k in range(max(cs, i0 - 3), i0)):
            future = True
        if trig["pos"] == "noun":
            # a verbal noun carried by a support verb takes the verb's modality: "قد تشن إسرائيل هجوما" (may),
            # "سيعقد الطرفان اجتماعا"، "سوف تنفذ القوات هجوما" (future)
            gov = self._support_before(toks, cs, i0, rule)
            if gov is None:  # ("ستشهد القاهرة مظاهرات"، "ستجري الانتخابات": a verb of occurrence before the noun)
                gov = next((k for k in range(i0 - 1, max(cs, i0 - 4) - 1, -1)
                            if self._has(toks[k], self.occur_verbs) or self._has(toks[k], self.occur_impf)), None)
            mod = self._verb_modality(toks, a, gov) if gov is not None else None
            if mod is not None:
                hypothetical = True
                future = future or mod[0] == "future"
                if mod[1] not in cues:
                    cues.append(mod[1])
        if not hypothetical:
            k = self._intention_head(toks, a, i0, trig_spans)
            if k is not None:
                hypothetical = True
                cues.append(toks[k]["t"])
        # place
        location = None
        places = [m for m in ments if m.get("place") and m is not actor and m is not recipient]
        best = None
        for m in places:
            if not self._place_marked(toks, m, a):
                continue
            dist = m["i0"] - i1 if m["i0"] >= i1 else (i0 - m["i1"]) * 1.5 + 3
            if dist < 0 or dist > 25:
                continue
            if not (cs <= m["i0"] < ce):
                # a place of another clause: only one before the trigger with no other trigger in between
                # ("في بغداد، قتل ..."), never one of a following clause
                if m["i0"] >= i1 or self._trig_between(trig_spans, m["i1"], i0):
                    continue
                dist += 10
            if best is None or dist < best[0]:
                best = (dist, m)
        if cause_k is not None:
            hit = [m for m in places if (recipient is None or m["i0"] >= recipient["i1"]) and m["i1"] <= cause_k]
            if hit:
                best = (0, hit[0])  # the first place of the effect clause (الرقة in "للتنظيم في الرقة في سوريا")
        if best is None and rule.type == "ASSAULT" and recipient is not None and recipient.get("place") \
                and recipient.get("geo") is not None and recipient.get("label") in _PLACE_LABELS:
            # "أطلقت ميليشيا الحوثي صاروخا على جازان": the place attacked is also where the attack struck
            best = (0, recipient)
        if best:
            m = best[1]
            location = self._role_dict(doc, toks, m)
            g = m.get("geo") or {}
            location = {k: location[k] for k in ("start", "end", "text")}
            location.update({"entity": m.get("entity"), "geonames": g.get("geonames"), "lat": g.get("lat"),
                             "lon": g.get("lon"), "country": g.get("country") or m.get("country")})
        # date
        date = None
        sent_times = self._unit_t
        if sent_times:
            t = min(sent_times, key=lambda t: abs(t["start"] - ts))
            date = {"value": t["value"], "source": "text", "time": t.get("id") or doc.span(t["start"], t["end"])["text"]}
        elif isinstance(state.reference_time, datetime):
            date = {"value": state.reference_time.date().isoformat(), "source": "published"}
        # size
        size: dict[str, float] = {}
        for q in self._unit_q:
            lem = self._q_role(q)
            if lem and q.get("value") is not None:
                size.setdefault(lem, q["value"])
        if not size:
            size = self._size_fallback(toks, a, b, rule, recipient)
        if rule.type == "COERCE" and rule.mode == "arrest" and "arrested" not in size and recipient and recipient.get("count"):
            size["arrested"] = recipient["count"]
        if not (rule.type in ("ASSAULT",) or (rule.type == "COERCE" and rule.mode == "arrest")):
            size = {}
        if rule.type == "COERCE":
            size = {k: v for k, v in size.items() if k == "arrested"}
        # attribution
        attribution = None
        for at in doc.attributions or []:
            c = at.get("content")
            if c and c["start"] <= ts < c["end"]:
                if attribution is None or (c["end"] - c["start"]) < attribution[1]:
                    attribution = (at.get("id"), c["end"] - c["start"])
        # (an actor found by the armed-participants fallback is no sign that the sentence reports the attack)
        role_actor = None if how == "armed-participants" else actor
        support, penalty, spec = self._confidence(toks, a, b, sent, trig, rule, role_actor, recipient, location, size,
                                                  hypothetical, bool(sent_times), mode)
        conf = max(0.05, min(0.99, support) - penalty)
        # one victim named by an indefinite accusative noun ("قتل الجيش مسلحا") or by an indefinite singular person
        # noun after a passive verb ("قتل جندي وأصيب ثلاثة آخرون"): a toll of one
        rec_one = bool(recipient is not None and recipient.get("count") is None and recipient.get("entity") is None
                       and (recipient.get("accusative") or (how == "passive-no-agent" and self._one_person(toks, recipient))))
        return {
            "id": "", "type": rule.type, "mode": mode or None, "context": list(rule.context), "cameo": cameo,
            "trigger": doc.span(ts, te), "triggers": [doc.span(ts, te)],
            "actor": self._role_dict(doc, toks, actor), "recipient": self._role_dict(doc, toks, recipient),
            "location": location, "date": date, "size": {k: float(v) if not float(v).is_integer() else int(v) for k, v in size.items()},
            "negated": negated, "hypothetical": hypothetical or future,
            "attribution": attribution[0] if attribution else None,
            "sentence": {"start": sent["start"], "end": sent["end"], "text": sent["text"]},
            "confidence": round(conf, 3), "rule": rule.id, "_support": support, "_penalty": penalty,
            "_result": (rule.type == "ASSAULT" and trig["pos"] == "noun" and rule.patient_genitive
                        and any(self._has(toks[k], self.result_verbs) for k in range(max(a, i0 - 3), i0))),
            "_cause": (rule.type == "ASSAULT" and trig["pos"] == "noun" and rule.id not in self.harm_rules
                       and i0 > a and (toks[i0 - 1]["t"] in self.cause_preps or toks[i0]["t"][:1] == "ب")),
            "_i0": i0, "_i1": i1, "_rec_i0": recipient["i0"] if recipient is not None else None,
            "_rec_n": recipient.get("count") if recipient is not None else None,
            # one victim named by an indefinite accusative noun ("قتل الجيش مسلحا"): a toll of one
            "_rec_one": rec_one,
            "_act_i0": actor["i0"] if actor is not None else None,
            "_act_n": actor.get("count") if actor is not None else None,
            "evidence": {"rule": rule.id, "pos": trig["pos"], "roles": how or None, "cues": cues, "specificity": spec,
                         "future": future,
                         "counted_recipient": bool(recipient is not None and recipient.get("count") is not None)
                         or rec_one,
                         # the other PLOVER readings of the same record (triggers.yaml ``also``: a prison sentence is
                         # SANCTION convict and COERCE arrest, PLOVER_MANUAL, SANCTION)
                         **({"also": [{"type": t, "mode": m, "cameo": c} for t, m, c in rule.also]} if rule.also else {})},
        }

    def _confidence(self, toks, a, b, sent, trig, rule, actor, recipient, location, size, hypothetical, has_time,
                    mode=None):
        """Rule prior adjusted by how concretely the sentence reports one event.

        Concreteness cues (size, time, place, roles, a past verb, ...) add *support*,
        which saturates at 0.99; cues that the sentence refers back to, characterises
        or reacts to an event rather than reporting it (background frames, toll
        updates, condemnations, superlatives, a trigger late in a long sentence ...)
        add a *penalty* that is subtracted from the saturated support, so that they
        lower even a richly described mention.

        Returns:
            ``(support, penalty, list of the features that fired)``; the confidence
            is ``max(0.05, min(0.99, support) - penalty)``.
        """
        i0, i1 = trig["i0"], trig["i1"]
        feats = []
        c = rule.confidence
        pen = 0.0
        if size:
            c += 0.12
            feats.append("size")
        sf = self._sent_facts(toks, a, b)
        if has_time or sf["time"]:
            c += 0.08
            feats.append("time")
        if location is not None:
            c += 0.06
            feats.append("place")
        if actor is not None or recipient is not None:
            c += 0.06
            feats.append("role")
        if trig["pos"] == "verb" and trig.get("tense") == "past" and trig.get("kind") not in ("v", "l"):
            c += 0.08
            feats.append("past-verb")
        elif trig["pos"] == "noun" and trig.get("kind") == "c" and self._prep_clitic(toks[i0]):
            # "قام مسلحون بخطف نائب رئيس البلدية"، "نفذت القوات بقصف": a ب-verbal noun carried by a past support
            # verb reports the act as a past verb does
            k = self._support_before(toks, self._clause(toks, a, b, i0, i1)[0], i0, rule)
            w = toks[k]["t"] if k is not None else ""
            w = w[1:] if w[:1] in "وف" and len(w) > 3 else w
            if k is not None and w[:1] not in "يتنس":
                c += 0.08
                feats.append("past-verb")
        if rule.type == "ASSAULT" and trig["pos"] == "verb" and trig.get("tense") == "impf" and not any(
                self._has(toks[k], self.perception) for k in range(a, i0)):
            # attacks are reported in the past tense; the imperfect describes habits, threats or intentions
            # (except what a witness saw happening: "شاهد مسلحين يطلقون النار")
            pen += self.penalties["imperfect-verb"]
            feats.append("imperfect-verb")
        # the protest analogue of a casualty count: crowd sizes, chants, banners, stated grievances
        crowd = rule.type == "PROTEST" and sf["crowd"]
        if crowd:
            c += 0.12
            feats.append("crowd")
        if sf["words"] > 40 and not size and not crowd:  # (40 words; a casualty count makes even a long sentence a report)
            pen += self.penalties["long-sentence"]
            feats.append("long-sentence")
        txt = sent["text"]
        if toks[a]["t"] in self.topic_openers:
            # "وعن تفجير الجسر، قال ...": the sentence comments on an event named as its topic
            pen += self.penalties["topic-frame"]
            feats.append("topic-frame")
        if sf["characterises"]:
            pen += self.penalties["characterisation"]
            feats.append("characterisation")
        if "?" in txt or "؟" in txt or toks[a]["t"] in ("هل", "وهل", "فهل"):
            pen += self.penalties["question"]
            feats.append("question")
        if any(self._has(toks[k], self.generic_before) for k in range(max(a, i0 - 2), i0)):
            pen += self.penalties["generic-frame"]
            feats.append("generic-frame")
        if trig["pos"] == "noun" and (any(self._has(toks[k], self.occur_verbs) for k in range(max(a, i0 - 3), i0))
                                      or any(self._has(toks[k], self.occur_verbs) for k in range(i1, min(b, i1 + 2)))):
            c += 0.08
            feats.append("occurred")
        # "was subjected to" (تعرض ل) marks a concrete event; "because of" (إثر، جراء) only after a stated harm
        # ("قتل ثلاثة جراء القصف"), not after any effect ("لم تتأثر البورصة جراء التفجير")
        subjected = trig["pos"] == "noun" and any(
            self._has(toks[k], self.victim_verbs) and (toks[k]["t"] not in ("اثر", "جراء") or sf["harm"] < k)
            for k in range(max(a, i0 - 6), i0))
        if (trig["pos"] == "noun" and not rule.definite_ok and toks[i0]["t"].startswith(("ال", "وال", "بال", "لل"))
                and not (size or location or subjected)):
            pen += self.penalties["bare-definite-noun"]
            feats.append("bare-definite-noun")
        if actor is None and recipient is None:
            c -= 0.05
        w0 = toks[i0]["t"]
        if w0[:1] in "وف" and w0[1:3] in ("ال", "بال", "لل"):
            w0 = w0[1:]
        if (trig["pos"] == "noun" and w0.startswith(("ال", "بال", "لل")) and w0.endswith("ات") and not size
                and "occurred" not in feats  # ("تجددت المظاهرات": they took place again)
                and not any(self._number(toks[k]) is not None for k in range(max(a, i0 - 3), i0))):
            # "الاغتيالات", "التفجيرات": a definite plural without a count names a kind or a series of events
            pen += self.penalties["generic-plural"]
            feats.append("generic-plural")
        if subjected:
            c += 0.1
            feats.append("subjected-to")
        # (after a reported verb the words describe its object: "قتلت أربعة من المتهمين بالهجوم")
        if rule.type != "PROTEST" and sf["ref"] < (b if trig["pos"] == "noun" else i0):
            # (a trial or a charge is what people protest against, not a sign that the protest is old)
            pen += self.penalties["reference-frame"]
            feats.append("reference-frame")
        t0 = toks[i0]["t"]
        if trig["pos"] == "noun" and t0[:1] == "ل" and t0[:2] != "لل" and trig.get("kind") and not subjected:
            pen += self.penalties["purpose-noun"]
            feats.append("purpose-noun")
        if any(toks[k]["t"] in self.relative for k in range(max(a, i0 - 2), i0)) or (
                trig["pos"] == "verb" and i1 < b and toks[i1]["t"] in ("فيه", "فيها", "فيهما")
                and i0 > a and not self._is_break(toks[i0 - 1])) or (
                # "عن أم استشهد ابنها": a verb right after an indefinite noun governed by a preposition
                trig["pos"] == "verb" and i0 - 2 >= a and toks[i0 - 2]["w"] and toks[i0 - 2]["t"] in self.preps
                and toks[i0 - 1]["w"] and not self._definite(toks[i0 - 1]) and self._number(toks[i0 - 1]) is None
                and not self._has(toks[i0 - 1], self.time_words) and not toks[i0 - 1]["t"].endswith("ه")
                and toks[i0]["t"][:1] not in "وف"):
            # (also a relative clause on an indefinite noun, with its resumptive pronoun: "هجوم قتل فيه 58 شخصا")
            pen += self.penalties["relative-clause"]
            feats.append("relative-clause")
        # a toll update, a reaction or a comparison refers to an event reported before
        if sf["toll"]:
            pen += self.penalties["toll-update"]
            feats.append("toll-update")
        if sf["reaction"] < i0:
            pen += self.penalties["reaction-frame"]
            feats.append("reaction-frame")
        if sf["aggregate"]:  # ("منذ صباح امس" is a time, not a span of many events)
            pen += self.penalties["aggregate"]
            feats.append("aggregate")
        if rule.elaboration:
            lo, hi = max(a, i0 - 4), min(b, i1 + 4)
            for k in range(lo, hi):
                if toks[k]["w"] and toks[k]["t"].lstrip("و") in self.definite_participants:
                    if not (k > a and self._has(toks[k - 1], self.participant_counts)):
                        pen += self.penalties["known-participants"]
                        feats.append("known-participants")
                    break
        if rule.type == "ASSAULT" and not mode and not sf["means"]:
            # a report of an attack names its means (explosives, aircraft, gunfire, abduction ...)
            pen += self.penalties["no-means"]
            feats.append("no-means")
        if rule.type == "ASSAULT" and sf["non_violent"]:
            pen += self.penalties["non-violent-cause"]
            feats.append("non-violent-cause")
        # news sentences lead with the reported event: a trigger in the last part of a longer
        # sentence (after its own reporting clause) is usually background or consequence
        lead = self._lead_start(toks, a, i0)
        if b - a >= 14 and (i0 - lead) > 0.5 * (b - lead) and not subjected:
            pen += self.penalties["late-trigger"]
            feats.append("late-trigger")
        cs, _ = self._clause(toks, a, b, i0, i1)
        if any(self._has(toks[k], self.habitual) for k in range(max(cs, i0 - 7), i0)):
            # "حيث كثيرا ما يشن مقاتلو طالبان هجمات": a habit, background to the reported event
            pen += self.penalties["habitual"]
            feats.append("habitual")
        if hypothetical:
            pen += self.penalties["hypothetical"]
        return c, pen, feats

    def _sent_facts(self, toks, a: int, b: int) -> dict[str, Any]:
        """Facts of tokens [a, b) that do not depend on the trigger, computed once per sentence (window):
        whether it holds a time word, a crowd detail, a toll update, an aggregate, a means of attack, a
        non-violent cause, a characterisation; its word count; and the first index of a reference frame,
        a reaction verb and a casualty word (``b`` when none), so that "any in [a, x)" is one comparison."""
        sc = self._sc
        if sc.get("_key") == (id(toks), a, b) and sc.get("_toks") is toks:
            return sc
        has = self._has
        rng = range(a, b)
        # every form of the sentence at once: "does any token have a word of W" is one set test
        forms = frozenset().union(*map(self._forms, toks[a:b]))

        def hit(words) -> bool:
            return not words.isdisjoint(forms)

        def first(words) -> int:
            return next((k for k in rng if has(toks[k], words)), b) if hit(words) else b
        sc = {
            "_key": (id(toks), a, b), "_toks": toks,
            "time": hit(self.time_words),
            "words": sum(1 for k in rng if toks[k]["w"]),
            "crowd": hit(self.protest_details),
            "characterises": self._characterises(toks, a, b),
            "toll": hit(self.toll_update),
            "aggregate": hit(self.aggregate_words) and any(
                has(toks[k], self.aggregate_words) and not (k + 1 < b and has(toks[k + 1], self.time_words))
                for k in rng),
            "means": any(hit(words) for _, words in self.assault_modes),
            "non_violent": hit(self.non_violent),
            "ref": first(self.reference_frames),
            "reaction": first(self.reaction_verbs),
            "harm": next((k for k in rng if has(toks[k], self.dead) or has(toks[k], self.injured)), b)
            if hit(self.dead) or hit(self.injured) else b,
        }
        self._sc = sc
        return sc

    def _characterises(self, toks, a, b) -> bool:
        """True when a demonstrative/copula subject (in the first 4 words) ranks an event within 3 words after it."""
        words = [k for k in range(a, b) if toks[k]["w"]][:6]
        for n, k in enumerate(words[:4]):
            if toks[k]["t"] in self.char_subjects:
                if any(toks[j]["t"] in self.char_ranks for j in words[n + 1:n + 4]):
                    return True
        return False

    def _lead_start(self, toks, a, i0) -> int:
        """Index where the reported clause starts: after "قال ... إن/أن" (or an opening quote or colon) early on."""
        for k in range(a, min(i0, a + 20)):
            t = toks[k]["t"]
            if (toks[k]["w"] and t in self.complementizers) or t in ("«", "“", ":"):
                return k + 1
        return a

    def _size_fallback(self, toks, a, b, rule, recipient) -> dict[str, float]:
        m = self._size_memo  # one scan per sentence (the tokens list is held, so identity is safe)
        if m[0] is toks and m[1] == a and m[2] == b:
            return dict(m[3])
        size = self._size_scan(toks, a, b)
        self._size_memo = (toks, a, b, dict(size))
        return size

    def _size_scan(self, toks, a, b) -> dict[str, float]:
        size: dict[str, float] = {}
        for _, key, n in self._size_items(toks, a, b):
            size.setdefault(key, n)
        return size

    def _size_items(self, toks, a, b) -> list[tuple[int, str, float]]:
        """Casualty counts of tokens [a, b) by the words around them: ``(token index, "dead"|"injured"|"casualties",
        value)``."""
        items: list[tuple[int, str, float]] = []
        for k in range(a, b):
            n = self._number(toks[k])
            if n is None or (self._neg_ranges and self._in_neg_range(k)):
                continue
            prev = toks[k - 1] if k > a else None
            # the counted noun and a following harm verb: "ثمانية اشخاص قتلوا", "28 شخصا على الاقل قتلوا"
            nxt = []
            for j in range(k + 1, min(b, k + 5)):
                if not toks[j]["w"]:
                    break
                nxt.append(toks[j])
            if 1900 <= n <= 2100:  # a year ("عام 2005 قتل") counts only right before its noun
                nxt = nxt[:1]
                prev = None
            if self._combined_toll(nxt) or (prev is not None and k - 2 >= a
                                            and self._combined_toll([toks[k - 2], prev])):
                # "300 قتيل وجريح"، "عشرات القتلى والجرحى"، "حصيلة القتلى والجرحى 80 شخصا": the dead and
                # injured together are casualties, never dead or injured alone
                items.append((k, "casualties", n))
                continue
            if prev is not None and self._has(prev, self.dead) or any(self._has(t, self.dead) for t in nxt):
                items.append((k, "dead", n))
            elif prev is not None and self._has(prev, self.injured) or any(self._has(t, self.injured) for t in nxt):
                items.append((k, "injured", n))
        return items

    def _victim_list(self, toks, k: int, b: int) -> tuple[int, int] | None:
        """A coordinated list of at least two counted victims from token ``k``: person nouns of the agent
        lexicons in the singular (1), a count of the quantity stage (the dual جنديين: 2) or a number and its
        noun, joined by و ("عريف وجنديين وثلاثة مدنيين"). Returns ``(total, end token index)``, or None (a
        plural without a count counts nothing)."""
        lex = self.lex
        qv = {}
        for q in self._unit_q:
            if q.get("value") is not None and q.get("kind", "count") == "count" and q.get("casualty") != "casualties":
                qv[q["start"]] = q
        total = parts = 0
        j = k
        while j < b and toks[j]["w"]:
            t = toks[j]["t"]
            if parts:
                if t == "و" and j + 1 < b and toks[j + 1]["w"]:
                    j += 1  # "و5 مدنيين": و and the digits are two tokens
                    t = toks[j]["t"]
                elif not (t[:1] == "و" and (len(t) > 3 or t[1:].isdigit())):
                    break
                else:
                    t = t[1:]
            q = next((qv[x] for x in (toks[j]["rs"], toks[j]["rs"] + 1) if x in qv), None)
            if q is not None:
                total += int(q["value"])
                while j < b and toks[j]["rs"] < q["end"]:
                    j += 1
            elif (not t.endswith(("ين", "ون", "ات", "اء")) and not self._broken_plural(t)
                  and not self._has(toks[j], self.dead) and not self._has(toks[j], self.injured)  # ("وجرح 45")
                  and lex.agents.get(stem_norm(t)) and self._agent_person(stem_norm(t))):
                total += 1
                j += 1
            else:
                break
            parts += 1
        return (total, j) if parts >= 2 and total else None

    def _one_person(self, toks, m: dict[str, Any]) -> bool:
        """True for a one-word indefinite singular person noun of the agent lexicons (جندي، شرطي، مدني; not a
        plural, a dual or a body such as الجيش)."""
        if m["i1"] != m["i0"] + 1:
            return False
        t = toks[m["i0"]]["t"]
        return (not t.startswith("ال") and not t.endswith(("ين", "ون", "ات", "اء", "ان")) and not self._broken_plural(t)
                and self._agent_person(stem_norm(t)))

    @staticmethod
    def _broken_plural(t: str) -> bool:
        """True for the common broken-plural shapes of person nouns (فعول جنود، فعال ضباط، أفعال أفراد،
        فعائل/فعالل عناصر), which count no one in a victim list."""
        if t.startswith("ال"):
            t = t[2:]
        return (len(t) == 4 and t[2] in "وا") or (len(t) == 5 and (t[0] == "ا" and t[3] == "ا" or t[2] == "ا"))

    def _agent_person(self, key: str) -> bool:
        """True for an agent noun that names a person (not a body such as الجيش or الشرطة)."""
        return key not in self.collective_agents and self.lex.agents.get(key) not in (None, "GOV")

    def _combined_toll(self, nxt) -> bool:
        """True when the words after a number count the dead and the injured together: a dead (injured) word
        among the first two and و + an injured (dead) word right after it ("قتيل وجريح"، "القتلى والجرحى"،
        "بين قتيل وجريح")."""
        for j in range(min(2, len(nxt) - 1)):
            d, i = self._has(nxt[j], self.dead), self._has(nxt[j], self.injured)
            if not (d or i):
                continue
            t = nxt[j + 1]
            if t["t"][:1] != "و" or len(t["t"]) < 4:
                return False
            return bool((d and self._has(t, self.injured)) or (i and self._has(t, self.dead)))
        return False

    def _assign_sizes(self, doc, toks, starts, a, b, sent, evs) -> None:
        """Give each casualty / arrest count of the sentence to ONE event (sizes must not double-count).

        Counts come from the quantity stage (``object_lemma`` dead / injured / arrested), from the words
        around a number (:meth:`_size_items`) and from the counted recipient of an arrest. Each goes to the
        nearest ASSAULT (dead, injured) or COERCE arrest (arrested) trigger, preferring one whose clause
        holds the count; ``size`` of the others stays without it.
        """
        items: list[tuple[int, str, float]] = []
        taken: set[int] = set()
        qinfo: dict[int, dict[str, Any]] = {}
        actors = {ev.get("_act_i0") for ev in evs if ev["type"] == "ASSAULT"}
        for q in self._unit_q:
            lem = self._q_role(q)
            if (lem is None and q.get("object_lemma") in self.person_lemmas and q.get("kind", "count") == "count"
                    and q.get("casualty") != "casualties"):
                lem = "counted"  # persons counted near a harm / arrest trigger: decided below by the trigger
            elif lem == "participants" and not any(ev["type"] == "PROTEST" for ev in evs):
                lem = "counted"  # ("اعتقلت عناصر الأمن خمسة متظاهرين": protesters arrested, not protesting here)
            if lem and q.get("value") is not None:
                k0 = max(a, bisect.bisect_right(starts, q["start"]) - 1)
                k1 = max(k0 + 1, bisect.bisect_left(starts, q["end"]))
                if lem == "counted":
                    lem = self._counted_role(toks, a, b, k0, evs)
                    if lem is None:
                        continue
                if k0 in actors and lem in ("dead", "injured", "casualties"):
                    continue  # ("قتل ثلاثة مسلحين جنديا": the counted attackers are no toll)
                items.append((k0, lem, q["value"]))
                qinfo[k0] = q
                taken.update(range(k0, k1))
        for k, key, n in self._size_items(toks, a, b):
            if k not in taken and k not in actors:  # ("ثلاثة مسلحين قتلوا شرطيا": the attackers are no toll)
                items.append((k, key, n))
                taken.add(k)
        for ev in evs:
            k = ev.get("_rec_i0")
            if ev.get("_rec_one") and k is not None and k not in taken and not any(it[0] == k for it in items):
                role = self._counted_role(toks, a, b, k, [ev])  # dead, injured or arrested by the trigger
                if role is not None:
                    items.append((k, role, 1))
                    taken.add(k)
            if ev["type"] == "COERCE" and ev["mode"] == "arrest" and k is not None and ev.get("_rec_n") is not None:
                if not any(it[2] == "arrested" and it[0] == k for it in items) and k not in taken:
                    items.append((k, "arrested", ev["_rec_n"]))
                    taken.add(k)
            if (ev["rule"] in self.kill_rules and ev["evidence"]["pos"] == "verb" and k is not None
                    and ev.get("_rec_n") is not None and k not in taken and not any(it[0] == k for it in items)):
                items.append((k, "dead", ev["_rec_n"]))  # "أعدمت السلطات 3 ناشطين": its counted victims
                taken.add(k)
            elif (ev["rule"] in self.kill_rules and ev["evidence"]["pos"] == "verb" and k is not None
                  and ev.get("_rec_n") is not None):
                # "أعدمت السلطات 20 سجينا": prisoners killed are dead, not arrested
                items = [(k0, "dead" if k0 == k and role == "arrested" else role, n0) for k0, role, n0 in items]
            k = ev.get("_act_i0")
            if ev["type"] == "PROTEST" and k is not None and ev.get("_act_n") is not None and k not in taken:
                # a crowd stated in figures ("200 متظاهر"), or a vague plural the quantity stage counted with its
                # bounds ("مئات العمال": 100, approx, min 100, max 999), never a number word alone
                q = next((q for q in self._unit_q if q["start"] == toks[k]["rs"] and q.get("value") is not None
                          and q.get("kind", "count") == "count"), None)
                if toks[k]["t"].isdigit():
                    items.append((k, "participants", ev["_act_n"]))
                    taken.add(k)
                elif q is not None:
                    items.append((k, "participants", q["value"]))
                    qinfo[k] = q
                    taken.add(k)
            k = ev["_i1"]
            if (ev["type"] == "PROTEST" and ev["evidence"]["pos"] == "verb" and k + 1 < b and toks[k]["t"].isdigit()
                    and k not in taken and toks[k + 1]["w"] and not self._has(toks[k + 1], self.not_counted)):
                items.append((k, "participants", int(toks[k]["t"])))  # "تظاهر 350 عاملا"
                taken.add(k)
        for ev in evs:
            # "استشهاد عريف وجنديين": a coordinated list of victims after a killing / wounding noun counts them all
            # (also after a passive harm verb: "قتل 3 جنود و5 مدنيين"، "قتل مئتا مسلح وثلاثمائة وخمسون مدنيا")
            key = "dead" if ev["rule"] in self.kill_rules else "injured" if ev["rule"] in self.wound_rules else None
            if key is None or (ev["evidence"]["pos"] != "noun" and ev["evidence"].get("roles") not in _PASSIVE_ROLES):
                continue
            vl = self._victim_list(toks, ev["_i1"], b)
            if vl is not None:
                n, end = vl
                items = [it for it in items if not (ev["_i1"] <= it[0] < end and it[1] == key)]
                items.append((ev["_i1"], key, n))
                taken.update(range(ev["_i1"], end))
                rec = ev["recipient"]
                if rec is not None and rec["start"] == toks[ev["_i1"]]["rs"] and rec["end"] < toks[end - 1]["re"]:
                    # the recipient is the whole list ("عريف وجنديين"); its code only when every part shares it
                    sp = doc.span(rec["start"], toks[end - 1]["re"])
                    rec.update(start=sp["start"], end=sp["end"], text=sp["text"])
                    secs = {self.lex.agents.get(stem_norm(toks[q]["t"].lstrip("و"))) for q in range(ev["_i1"], end)
                            if toks[q]["w"] and self._number(toks[q]) is None}
                    if len(secs - {None}) > 1:
                        rec.update(code=None, sector=None, entity=None)
        items = self._breakdown_totals(toks, starts, a, items, qinfo)
        items.sort()
        want = {"dead": ("ASSAULT", None), "injured": ("ASSAULT", None), "casualties": ("ASSAULT", None),
                "arrested": ("COERCE", "arrest"), "participants": ("PROTEST", None)}
        clauses = {}
        for ev in evs:
            ev["size"] = {}
            clauses[id(ev)] = self._clause(toks, a, b, ev["_i0"], ev["_i1"])
        for k, key, n in items:
            typ, mode = want[key]
            cands = [ev for ev in evs if ev["type"] == typ and (mode is None or ev["mode"] == mode)]
            if not cands:
                continue

            def rank(ev, k=k):
                cs, ce = clauses[id(ev)]
                # (the event whose counted recipient the count is comes first: "قتل ... خمسة أشخاص في هجوم")
                return (0 if ev.get("_rec_i0") == k and key != "participants" else 1, 0 if cs <= k < ce else 1,
                        abs(ev["_i0"] - k), 0 if ev["_i0"] <= k else 1)
            best = min(cands, key=rank)
            if key not in best["size"]:
                best["size"][key] = float(n) if not float(n).is_integer() else int(n)
                q = qinfo.get(k)
                if q is not None:  # how the count was stated ("ما لا يقل عن 40" min 40, "العشرات" approx, min 10)
                    best["evidence"].setdefault("size_quantities", {})[key] = {
                        "quantity": q.get("id"), "text": q.get("text"), "approx": bool(q.get("approx")),
                        "min": q.get("min"), "max": q.get("max")}

    def _breakdown_totals(self, toks, starts, a: int, items: list[tuple[int, str, float]],
                          qinfo: dict[int, dict[str, Any]]) -> list[tuple[int, str, float]]:
        """A count after بينهم / منهم is part of the count of people right before it ("23 مدنيا بينهم ثمانية
        أطفال لقوا حتفهم"): the size is the whole (23 dead), with the role the part was given."""
        out = []
        for k, key, n in items:
            if k - 2 >= a and toks[k - 1]["t"] in self.breakdown_words and key in ("dead", "injured", "arrested",
                                                                                 "casualties"):
                head = next((q for q in self._unit_q if q.get("value") is not None and q["value"] > n
                             and q.get("object_lemma") in self.person_lemmas and q.get("kind", "count") == "count"
                             and 0 <= toks[k - 1]["rs"] - q["end"] <= 2), None)
                if head is not None:
                    k0 = max(a, bisect.bisect_right(starts, head["start"]) - 1)
                    if not any(it[0] == k0 for it in items):
                        out.append((k0, key, head["value"]))
                        qinfo[k0] = head
                        continue
            out.append((k, key, n))
        return out

    def _disaster_sentence(self, toks, a, b, evs) -> bool:
        """True when tokens [a, b) name a natural disaster or accident (cues ``disaster_causes``) as the cause of
        harm: no ASSAULT trigger of the sentence other than a killing / wounding one, no actor of one, and no
        means of attack (``assault_modes``) named."""
        if any(ev["type"] == "ASSAULT" and (ev["rule"] not in self.harm_rules or (
                ev["actor"] is not None and ev["evidence"].get("roles") != "armed-participants")) for ev in evs):
            return False
        if any(self._has(toks[k], words) for _, words in self.assault_modes for k in range(a, b)):
            return False
        for k in range(a, b):
            for ph in self.disaster:
                if k + len(ph) <= b and all(toks[k + q]["w"] and self._has(toks[k + q], {ph[q]}) for q in range(len(ph))):
                    return True
        return False

    @staticmethod
    def _q_role(q: dict[str, Any]) -> str | None:
        """The size key of a quantity item: its ``casualty`` role (casualties: dead and injured counted
        together, "300 قتيل وجريح", never dead), else its object lemma (dead, injured, arrested,
        protesters -> participants), else None."""
        role = q.get("casualty")
        if role in ("dead", "injured", "arrested", "casualties"):
            return role
        lem = q.get("object_lemma")
        lem = "participants" if lem == "protesters" else lem
        return lem if lem in ("dead", "injured", "arrested", "participants") else None

    def _counted_role(self, toks, a, b, k, evs) -> str | None:
        """Role of a count of persons at token ``k`` with no casualty role of its own: the size key of the
        harm / arrest trigger whose clause holds it (dead for killing, injured for wounding, arrested for
        arrests), else None."""
        for ev in evs:
            cs, ce = self._clause(toks, a, b, ev["_i0"], ev["_i1"])
            if not cs <= k < ce:
                continue
            rid = ev["rule"]
            if ev["type"] == "COERCE" and ev["mode"] == "arrest":
                return "arrested"
            if rid in self.kill_rules:
                return "dead"
            if rid in self.wound_rules:
                return "injured"
        # (a relative clause between a passive harm verb and its counted victims: "وقتل في الهجوم الذي وقع في 2014
        # نحو 20 مقاتلا"): the nearest harm / arrest verb before the count, with no victim of its own and no other
        # event's trigger between
        prior = [ev for ev in evs if ev["_i1"] <= k and k - ev["_i1"] <= 12 and ev["evidence"]["pos"] == "verb"
                 and ev.get("_rec_i0") is None]
        if prior:
            ev = max(prior, key=lambda e: e["_i0"])
            if not any(o is not ev and ev["_i1"] <= o["_i0"] < k and o["rule"] not in self.harm_rules
                       and o["type"] != "ASSAULT" for o in evs):
                if ev["type"] == "COERCE" and ev["mode"] == "arrest":
                    return "arrested"
                if ev["rule"] in self.kill_rules:
                    return "dead"
                if ev["rule"] in self.wound_rules:
                    return "injured"
        return None

    @staticmethod
    def _role_key(r) -> str | None:
        if r is None:
            return None
        return r.get("code") or normalize_word(r["text"])

    @staticmethod
    def _distinct(o: dict[str, Any], ev: dict[str, Any]) -> bool:
        """True when two mentions cannot be one event: their explicit dates differ (both stated in the text)
        or both name a place and the places differ."""
        if Coder._dates_differ(o, ev):
            return True
        lo, le = o.get("location"), ev.get("location")
        if lo and le:
            ko = lo.get("entity") or normalize_word(lo.get("text") or "")
            ke = le.get("entity") or normalize_word(le.get("text") or "")
            if ko != ke:
                return True
        return False

    @staticmethod
    def _dates_differ(o: dict[str, Any], ev: dict[str, Any]) -> bool:
        """True when both events' dates are stated in the text and differ."""
        od, ed = o.get("date") or {}, ev.get("date") or {}
        return od.get("source") == "text" and ed.get("source") == "text" and od.get("value") != ed.get("value")

    def _compatible(self, o: dict[str, Any], ev: dict[str, Any]) -> bool:
        if self._distinct(o, ev):
            return False
        ak, bk = self._role_key(o["actor"]), self._role_key(ev["actor"])
        rk, sk = self._role_key(o["recipient"]), self._role_key(ev["recipient"])
        if o["evidence"].get("counted_recipient") and ev["evidence"].get("counted_recipient"):
            sk = rk  # the dead and the injured of one attack ("قتل 5 أشخاص وأصيب 17 آخرون") are its victims
        if ak and bk and ak != bk and self._origin_country(o, ev):
            bk = ak  # ("أطلقت ميليشيا الحوثي صاروخا ... من الأراضي اليمنية": YEMREB and the origin's YEM)
        return not (ak and bk and ak != bk) and not (rk and sk and rk != sk)

    @staticmethod
    def _origin_country(o: dict[str, Any], ev: dict[str, Any]) -> bool:
        """True when one event's actor is only the country an attack came from ("من الأراضي اليمنية": roles
        ``origin``) and the other's actor belongs to that country: one attacker, named twice."""
        for x, y in ((o, ev), (ev, o)):
            if "origin" in (x["evidence"].get("roles") or "") and x["actor"] and y["actor"]:
                cx = x["actor"].get("country") or (x["actor"].get("code") or "")[:3]
                cy = y["actor"].get("country") or (y["actor"].get("code") or "")[:3]
                if cx and cx == cy:
                    return True
        return False

    def _absorb(self, target: dict[str, Any], ev: dict[str, Any]) -> None:
        """Merge event ``ev`` into ``target``: its trigger, the roles and size keys ``target`` lacks, and its
        mode where ``target`` has none or a coarser one (cues ``mode_refinements``: a suicide bombing refines a
        bombing, whichever trigger came first)."""
        target["triggers"].append(ev["trigger"])
        for f in ("actor", "recipient", "location"):
            if target[f] is None and ev[f] is not None:
                other = target["recipient" if f == "actor" else "actor"] if f != "location" else None
                if other is not None and (other["start"], other["end"]) == (ev[f]["start"], ev[f]["end"]):
                    continue  # one mention is not both who acted and who was acted on
                target[f] = ev[f]
                if f == "recipient":
                    target["evidence"]["counted_recipient"] = ev["evidence"].get("counted_recipient", False)
        if ev["mode"] and (target["mode"] is None or target["mode"] in self.mode_refinements.get(ev["mode"], ())):
            target["mode"] = ev["mode"]
        for k, v in ev["size"].items():
            target["size"].setdefault(k, v)
        target["confidence"] = round(min(0.99, max(target["confidence"], ev["confidence"])), 3)

    def _anaphora(self, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Fold a definite, actor-less ASSAULT/PROTEST noun ("الانفجار") into the last earlier event of its type.

        A definite event noun without its own actor refers back to an event the
        article has already reported (the same attack named again), when their
        recipients and places do not conflict.
        """
        out: list[dict[str, Any]] = []
        for ev in events:
            first = normalize_word(ev["trigger"]["text"].split()[0])
            definite = first.startswith("ال") or (first[:1] in "وفبل" and first[1:3] == "ال")
            if (definite and ev["type"] in ("ASSAULT", "PROTEST") and ev["evidence"]["pos"] == "noun"
                    and (ev["actor"] is None or ev["evidence"]["roles"] in ("armed-participants", "protest-participants"))
                    and not ev["negated"]
                    and not ev["hypothetical"]):
                tgt = next((o for o in reversed(out) if o["type"] == ev["type"] and not o["negated"]
                            and o["sentence"]["start"] < ev["sentence"]["start"]), None)
                if tgt is not None and self._compatible(tgt, ev) and (
                        (tgt["location"] or {}).get("text") in (None, (ev["location"] or {}).get("text"))
                        or ev["location"] is None):
                    self._absorb(tgt, ev)
                    continue
            out.append(ev)
        return out

    def _same_toll(self, o: dict[str, Any], ev: dict[str, Any]) -> bool:
        """Two attacks of one article with the same death toll (and no conflicting injured count or actor) are one
        attack reported again ("قتل 13 شخصا ..." in the lead, "ما أسفر عن مقتل 13 شخصا" later), so that the toll
        is counted once."""
        if o["type"] != "ASSAULT" or not o["size"].get("dead") or o["size"].get("dead") != ev["size"].get("dead"):
            return False
        if self._distinct(o, ev):
            return False
        if o["hypothetical"] != ev["hypothetical"]:
            return False
        if any(o["size"].get(k) not in (None, v) for k, v in ev["size"].items()):
            return False
        ak, bk = self._role_key(o["actor"]), self._role_key(ev["actor"])
        return not (ak and bk and ak != bk)

    def _merge(self, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Merge mentions of the same event (same type, trigger stem, compatible actor/recipient)."""
        out: list[dict[str, Any]] = []
        groups: dict[tuple[str, bool], list[tuple[str, dict[str, Any]]]] = {}  # (type, negated) -> (stem, event)
        for ev in events:
            key_t = stem(normalize_word(ev["trigger"]["text"].split()[0]))
            target = None
            for o_t, o in groups.get((ev["type"], ev["negated"]), ()):
                if self._same_toll(o, ev):
                    target = o
                    break
                if o_t != key_t:
                    continue
                if self._distinct(o, ev):
                    continue
                ak, bk = self._role_key(o["actor"]), self._role_key(ev["actor"])
                rk, sk = self._role_key(o["recipient"]), self._role_key(ev["recipient"])
                if ak and bk and ak != bk:
                    continue
                if rk and sk and rk != sk:
                    continue
                if ev["size"].get("arrested") is not None and o["size"].get("arrested") not in (None, ev["size"]["arrested"]):
                    continue  # (arrests of 4336 and of 31 people are two operations; an arrest count is no rising toll)
                if not (ak or bk or rk or sk):
                    # no roles to compare: same place and no conflicting counts
                    lo, le = o["location"], ev["location"]
                    if (lo or {}).get("text") != (le or {}).get("text"):
                        continue
                    if any(o["size"].get(k) not in (None, v) for k, v in ev["size"].items()):
                        continue
                target = o
                break
            if target is None:
                out.append(ev)
                groups.setdefault((ev["type"], ev["negated"]), []).append((key_t, ev))
                continue
            self._absorb(target, ev)
        return out
