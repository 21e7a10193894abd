"""Links decided by the document (coalitions, homonymous cities and their CAMEO codes), places inside
a city (rule sub-place), dates that are no persons, three-part names and curated organisations:
tests/corpus/entities_context_links.yaml, run with the times and entities stages."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.pipeline import Pipeline
from hadath.settings import Settings

CORPUS = yaml.safe_load((Path(__file__).resolve().parent / "corpus" / "entities_context_links.yaml").read_text("utf-8"))
CASES = CORPUS["cases"]
KINDS = ("sub-place", "coalition", "homonym", "dates-names", "organisations")


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(Settings(stages=("times", "entities")))


def _show(ents) -> list:
    return [(e["text"], e["label"], e["country"], e["cameo"], e["geonames"], e["canonical"], e["rule"]) for e in ents]


def test_corpus_has_each_kind():
    for kind in KINDS:
        assert sum(c["kind"] == kind for c in CASES) >= 4, kind
    assert len(CORPUS["no_person_or_org"]) >= 8


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_context_links_corpus(pipe, case, entity_case_checker):
    entity_case_checker(pipe.analyze(case["text"]).entities, case, ("PER", "ORG"))


@pytest.mark.parametrize("sentence", CORPUS["no_person_or_org"])
def test_no_person_or_org(pipe, sentence):
    ents = pipe.analyze(sentence).entities
    assert not [e for e in ents if e["label"] in ("PER", "ORG")], _show(ents)


def test_month_date_without_times_stage():
    """The month guard of the person rules works without the times stage too."""
    d = Pipeline(Settings(stages=("entities",))).analyze("وقع الهجوم في رجب 1436 وفي 15 شعبان.")
    assert not [e for e in d.entities if e["label"] == "PER"], _show(d.entities)


def test_place_cameo_follows_link(pipe):
    """A linked place's CAMEO code is its country's, never another reading's."""
    text = ("وصل الوفد إلى طرابلس ثم إلى عمان والتقى مسؤولين في بنغازي. "
            "وفي طرابلس اللبنانية قرب عكار، وفي حلب وعدن وصنعاء، تواصلت الاشتباكات.")
    ents = pipe.analyze(text).entities
    places = [e for e in ents if e["geonames"] and e["country"] and e["cameo"]]
    assert len(places) >= 4, _show(ents)
    for e in places:
        assert e["cameo"][:3] == e["country"], _show([e])


def test_sub_place_span_offsets(pipe):
    text = "قتل شخصان في حي صلاح الدين بمدينة حلب."
    d = pipe.analyze(text)
    sub = [e for e in d.entities if e["rule"] == "sub-place"]
    assert [(m["text"], text[m["start"]:m["end"]]) for e in sub for m in e["mentions"]] == [("صلاح الدين", "صلاح الدين")]
