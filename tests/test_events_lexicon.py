"""Consistency of the event lexicons (the generic lint is tests/test_lexicon_lint.py)."""
from __future__ import annotations

from importlib import resources

import yaml

from hadath.extract.events.lexicon import load_lexicon, noun_forms, verb_forms

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
KEYS = {"id", "cameo", "type", "mode", "context", "verbs", "nouns", "require_near", "require_before",
        "require_around", "require_near_prefix", "not_forms", "definite_ok", "exclude_near", "exclude_before", "exclude_window", "window", "confidence", "genitive", "elaboration",
        "support", "recipient_preps", "also", "actor_sectors"}


def _rules():
    return yaml.safe_load(resources.files("hadath.extract.events").joinpath("ar", "triggers.yaml").read_text("utf-8"))


def test_rules_are_well_formed():
    rules = _rules()
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids)), "rule ids are unique"
    lex = load_lexicon()
    for r in rules:
        assert set(r) <= KEYS, f"{r['id']}: unknown keys {set(r) - KEYS}"
        assert r["id"].split(".")[0] == lex.rules[r["id"]].type.lower() or r["id"].startswith(("sanction.", "coerce.")), r["id"]
        assert lex.rules[r["id"]].type in PLOVER_TYPES
        assert r.get("verbs") or r.get("nouns"), r["id"]
        assert 0 < lex.rules[r["id"]].confidence <= 1
        for also in r.get("also") or ():  # other PLOVER readings: a known type, a CAMEO code of the table
            assert also["type"] in PLOVER_TYPES and str(also["cameo"]) in lex.cameo2plover, r["id"]


def test_cameo2plover_covers_the_table():
    lex = load_lexicon()
    assert lex.cameo2plover["173"] == ("COERCE", "arrest", ["legal"])
    assert lex.cameo2plover["195"][0] == "ASSAULT"
    assert lex.cameo2plover["141"][:2] == ("PROTEST", "demo")
    assert {t for t, _, _ in lex.cameo2plover.values()} <= PLOVER_TYPES
    assert len(lex.cameo2plover) > 200


def test_derived_lexicons_are_loaded():
    lex = load_lexicon()
    assert lex.agents["سلط"] == "GOV" and lex.agents["استخبار"] == "SPY"
    assert lex.countries["الماني"] == ("DEU", "nat") or lex.countries["الماني"][0] == "DEU"
    assert len(lex.actors) > 3000 and len(lex.agents) > 1500 and len(lex.patterns) > 10000


def test_inflection():
    assert {"قصف", "قصفت", "قصفوا", "يقصف", "تقصف", "يقصفون", "سيقصف"[1:]} <= verb_forms("قصف")
    assert {"اعتقل", "اعتقلت", "اعتقلوا", "يعتقل", "تعتقل", "اعتقلته"} <= verb_forms("اعتقل/عتقل")
    assert {"التقى", "التقت", "التقوا", "يلتقي"[:-1] + "ى"} <= verb_forms("التقى/لتقي")
    assert {"غاره", "غارتها"} <= noun_forms("غارة")


def test_dual_agents_are_whole_forms_of_singular_agents():
    """Nominative duals come from the curated singular agents (مسلح -> مسلحان, حكومة -> حكومتان, جندي ->
    جنديان); the stem of a plural never makes one (سلطات -> no "سلطان", the name / sultan)."""
    lex = load_lexicon(with_patterns=False)
    assert lex.dual_agents["مسلحان"] == "مسلح"
    assert lex.dual_agents["جنديان"] == "جندي"
    assert lex.dual_agents["حكومتان"] == "حكوم"
    assert "سلطان" not in lex.dual_agents and "انتحاريانان" not in lex.dual_agents


def test_sentence_rules_carry_their_plover_readings():
    """A prison sentence is SANCTION convict with COERCE arrest as its other reading (PLOVER_MANUAL, SANCTION);
    a court or an authority sentences; release and aid rules read their object preposition."""
    lex = load_lexicon(with_patterns=False)
    prison, other = lex.rules["sanction.sentence_prison"], lex.rules["sanction.sentence"]
    assert (prison.type, prison.mode, prison.context, prison.cameo) == ("SANCTION", "convict", ("legal",), "173")
    assert prison.also == (("COERCE", "arrest", "173"),) and other.also == ()
    assert prison.actor_sectors == frozenset({"JUD", "GOV", "LEG"})
    assert "اصدرت" in prison.support
    assert lex.rules["retreat.release"].recipient_preps == frozenset({"عن"})
    assert lex.rules["aid.provide"].recipient_preps == frozenset({"الى"})
    cell = lex.rules["coerce.dismantle_cell"]
    assert (cell.type, cell.mode, cell.cameo) == ("COERCE", "arrest", "173")
