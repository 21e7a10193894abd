"""Defects a fresh user found in the entities stage (issue 4), each fixed for its kind:
tests/corpus/entities_user_defects.yaml, run with the times and entities stages."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.pipeline import Pipeline
from hadath.settings import Settings
from hadath.text.normalize import normalize_word

CORPUS = yaml.safe_load((Path(__file__).resolve().parent / "corpus" / "entities_user_defects.yaml").read_text("utf-8"))
CASES = CORPUS["cases"]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(Settings(stages=("times", "entities")))


def _show(ents) -> list:
    return [(e["text"], e["label"], e["country"], e["cameo"], e["geonames"], e["canonical"], e["rule"]) for e in ents]


def test_corpus_kinds_have_positives_and_negatives():
    kinds = {c["kind"] for c in CASES}
    for kind in kinds:
        assert any(c["kind"] == kind and c.get("expect") for c in CASES), kind
        assert any(c["kind"] == kind and c.get("not_entity") for c in CASES), kind


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_user_defects_corpus(pipe, case):
    ents = pipe.analyze(case["text"]).entities
    labels = case.get("labels")
    for w in case.get("not_entity", []):
        bad = [e for e in ents if normalize_word(e["text"]) == normalize_word(w) and (labels is None or e["label"] in labels)]
        assert not bad, (w, _show(ents))
    for ex in case.get("expect", []):
        hits = [e for e in ents if normalize_word(e["text"]) == normalize_word(ex["text"])]
        assert hits, (ex["text"], _show(ents))
        e = hits[0]
        for key in ("label", "country", "cameo", "geonames", "canonical"):
            if key in ex:
                assert e[key] == ex[key], (key, ex, _show(ents))
