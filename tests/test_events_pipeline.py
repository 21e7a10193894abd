"""Event cases through the whole pipeline.

``tests/corpus/events_pipeline.yaml``: the times, quantities and entities stages feed the coder here, so
these cases pin how the coder uses them: dates that keep mentions apart, casualty and arrest counts as sizes,
roles of passives, disaster tolls, the seizure cue صادر.

The fresh users' reviews, run the same way (``test_events_review``): ``tests/corpus/events_review.yaml``:
roles of verbal nouns (their genitive is the object), the act inside an accusation, modality and the future,
outcomes that did not happen, where an actor phrase ends, and the origin of an attack;
``tests/corpus/events_user2.yaml``: numbers inside time expressions (never a toll or a role), attack nouns
as subjects, members of a body as the actor, denials, victims before passive plurals, purpose nouns,
hypothetical objects, common nouns that look like triggers, relative-clause launches, CAMEO codes by means
and attempts, and counted spans; ``tests/corpus/events_user3.yaml``: counts led by their cue as counted victims,
victims of an earlier passive that are no later subject, dual and plural subjects before their object,
decision verbs before a verbal noun, court sentences, releases, dismantled cells, and aid destinations.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.pipeline import Pipeline
from hadath.settings import Settings

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = yaml.safe_load((CORPUS / "events_pipeline.yaml").read_text("utf-8"))
REVIEW_CASES = [c for name in ("events_review.yaml", "events_user2.yaml", "events_user3.yaml")
                for c in yaml.safe_load((CORPUS / name).read_text("utf-8"))]
PUBLISHED = "2015-07-23T10:00+03:00"


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings())


def _got(ev, k):
    """The value of an event that an expected key names."""
    if k in ("actor_text", "recipient_text"):
        return (ev[k[:-5]] or {}).get("text")
    if k in ("actor", "recipient"):
        return (ev[k] or {}).get("code")
    if k == "location":
        return (ev["location"] or {}).get("text")
    if k == "date":
        return (ev["date"] or {}).get("value")
    if k == "date_source":
        return (ev["date"] or {}).get("source")
    if k in ("actor_sector", "recipient_sector", "recipient_code", "actor_country"):
        role, f = k.split("_")
        return (ev[role] or {}).get(f)
    if k == "triggers":
        return len(ev["triggers"])
    if k == "size_quantity":
        return ev["evidence"].get("size_quantities") or {}
    if k == "future":
        return ev["evidence"].get("future")
    if k == "also":
        return ev["evidence"].get("also")
    if k == "alleged":
        return [a["type"] for a in ev["evidence"].get("alleged", [])]
    if k == "alleged_actor_text":
        alleged = ev["evidence"].get("alleged") or [{"actor": None}]
        return (alleged[0]["actor"] or {}).get("text")
    return ev.get(k)


def _matches(ev, exp) -> bool:
    for k, v in exp.items():
        if k == "max_confidence":
            if ev["confidence"] > v:
                return False
            continue
        got = _got(ev, k)
        if k == "size_quantity":
            got = {key: {f: got.get(key, {}).get(f) for f in want} for key, want in v.items()}
        if got != v:
            return False
    return True


def _show(evs):
    return [(e["type"], e["mode"], [t["text"] for t in e["triggers"]], (e["actor"] or {}).get("text"),
             (e["actor"] or {}).get("code"), (e["recipient"] or {}).get("text"), (e["location"] or {}).get("text"),
             e["date"], e["size"], e["negated"], e["hypothetical"], e["evidence"].get("future")) for e in evs]


def _check(pipe, case):
    """The case's ``events`` are found in order, ``only`` them when it says so, and none of ``absent``."""
    doc = pipe.analyze(case["text"], published=case.get("published", PUBLISHED))
    evs = doc.events
    pos = 0
    for exp in case.get("events", []):
        while pos < len(evs) and not _matches(evs[pos], exp):
            pos += 1
        assert pos < len(evs), f"{case['id']}: no event {exp} in order among {_show(evs)}"
        pos += 1
    if case.get("only"):
        assert len(evs) == len(case["events"]), _show(evs)
    for exp in case.get("absent", []):  # negatives: no event matches these
        assert not any(_matches(ev, exp) for ev in evs), f"{case['id']}: unexpected {exp} in {_show(evs)}"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_events_pipeline(pipe, case):
    _check(pipe, case)


@pytest.mark.parametrize("case", REVIEW_CASES, ids=[c["id"] for c in REVIEW_CASES])
def test_events_review(pipe, case):
    _check(pipe, case)


def test_distinct_dates_follow_the_times(pipe):
    """Each of the four one-line sentences is its own event dated by its own time expression."""
    text = CASES[0]["text"]
    doc = pipe.analyze(text, published=PUBLISHED)
    assert len(doc.events) == 4
    for ev in doc.events:
        sent_times = [t for t in doc.times if ev["sentence"]["start"] <= t["start"] < ev["sentence"]["end"]]
        assert len(sent_times) == 1 and ev["date"]["value"] == sent_times[0]["value"]
    assert len({ev["date"]["value"] for ev in doc.events}) == 4
