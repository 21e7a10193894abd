"""Place names that are ordinary words or name parts (rule place-evidence), list context for
homonyms (عمان), and full names after place heads (rule place-head-name): tests/corpus/entities_place_evidence.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.pipeline import Pipeline
from hadath.settings import Settings
from hadath.text.normalize import normalize_word

CORPUS = Path(__file__).parent / "corpus" / "entities_place_evidence.yaml"
CASES = yaml.safe_load(CORPUS.read_text("utf-8"))["cases"]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(Settings(stages=("entities",)))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_place_evidence_corpus(pipe, case):
    ents = pipe.analyze(case["text"]).entities
    places = {normalize_word(e["text"]) for e in ents if e["label"] in ("GPE", "LOC")}
    for w in case.get("not_place", []):
        assert normalize_word(w) not in places, (w, [(e["text"], e["label"], e["canonical"]) for e in ents])
    for ex in case.get("expect", []):
        hits = [e for e in ents if normalize_word(e["text"]) == normalize_word(ex["text"])]
        assert hits, (ex["text"], [e["text"] for e in ents])
        e = hits[0]
        assert e["label"] == ex["label"], e
        if "country" in ex:
            assert e["country"] == ex["country"], e
        if "geonames" in ex:
            assert e["geonames"] == ex["geonames"], e


def test_place_head_span_offsets(pipe):
    """The coordinated second place starts after its و; spans are exact substrings."""
    text = "قصفت الطائرات منطقة أصفر ونجار في سوريا."
    d = pipe.analyze(text)
    spans = [m for e in d.entities if e["rule"] == "place-head-name" for m in e["mentions"]]
    assert [(m["text"], text[m["start"]:m["end"]]) for m in spans] == [("أصفر", "أصفر"), ("نجار", "نجار")]


def test_place_evidence_lists_are_disjoint():
    from hadath.extract.entities.gazetteer import DATA_DIR, name_key

    data = yaml.safe_load((DATA_DIR / "place_evidence.yaml").read_text("utf-8"))
    words = {name_key(w) for w in data["words"]}
    places = {name_key(w) for w in data["places"]}
    assert not words & places
    assert data["frequent_rank"] > 0 and data["heads"] and data["compound_first"]
