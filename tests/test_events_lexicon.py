"""Consistency of the event lexicons (the generic lint is tests/test_lexicon_lint.py)."""
from __future__ import annotations

from importlib import resources

import yaml

from hadath.extract.events.lexicon import load_lexicon, noun_forms, verb_forms

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
KEYS = {"id", "cameo", "type", "mode", "context", "verbs", "nouns", "require_near", "require_before",
        "require_around", "require_near_prefix", "not_forms", "definite_ok", "exclude_near", "exclude_before", "exclude_window", "window", "confidence", "genitive", "elaboration"}


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
