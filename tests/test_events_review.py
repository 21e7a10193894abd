"""Event cases of the fresh users' reviews through the whole pipeline.

``tests/corpus/events_review.yaml``: roles of verbal nouns (their genitive is the object), the act inside an
accusation, modality and the future, outcomes that did not happen, where an actor phrase ends, and the origin
of an attack. ``tests/corpus/events_user2.yaml``: numbers inside time expressions (never a toll or a role),
attack nouns as subjects, members of a body as the actor, denials, victims before passive plurals, purpose
nouns, hypothetical objects, common nouns that look like triggers, relative-clause launches, CAMEO codes by
means and attempts, and counted spans.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.pipeline import Pipeline
from hadath.settings import Settings

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = [c for name in ("events_review.yaml", "events_user2.yaml")
         for c in yaml.safe_load((CORPUS / name).read_text("utf-8"))]
PUBLISHED = "2015-07-23T10:00+03:00"


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings())


def _got(ev, k):
    if k in ("actor_text", "recipient_text"):
        return (ev[k[:-5]] or {}).get("text")
    if k in ("actor", "recipient"):
        return (ev[k] or {}).get("code")
    if k in ("actor_sector", "recipient_sector"):
        return (ev[k.split("_")[0]] or {}).get("sector")
    if k == "location":
        return (ev["location"] or {}).get("text")
    if k == "triggers":
        return len(ev["triggers"])
    if k == "future":
        return ev["evidence"].get("future")
    if k == "alleged":
        return [a["type"] for a in ev["evidence"].get("alleged", [])]
    if k == "alleged_actor_text":
        alleged = ev["evidence"].get("alleged") or [{"actor": None}]
        return (alleged[0]["actor"] or {}).get("text")
    return ev.get(k)


def _matches(ev, exp) -> bool:
    return all(_got(ev, k) == v for k, v in exp.items())


def _show(evs):
    return [(e["type"], e["mode"], [t["text"] for t in e["triggers"]], (e["actor"] or {}).get("text"),
             (e["actor"] or {}).get("code"), (e["recipient"] or {}).get("text"), (e["location"] or {}).get("text"),
             e["size"], e["negated"], e["hypothetical"], e["evidence"].get("future")) for e in evs]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_events_review(pipe, case):
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
    for exp in case.get("absent", []):
        assert not any(_matches(ev, exp) for ev in evs), f"{case['id']}: unexpected {exp} in {_show(evs)}"
