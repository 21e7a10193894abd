"""Event cases through the whole pipeline (tests/corpus/events_pipeline.yaml).

The times, quantities and entities stages feed the coder here, so these cases
pin how the coder uses them: dates that keep mentions apart, casualty and
arrest counts as sizes, roles of passives, disaster tolls, the seizure cue صادر.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.pipeline import Pipeline
from hadath.settings import Settings

CASES = yaml.safe_load((Path(__file__).resolve().parent / "corpus" / "events_pipeline.yaml").read_text("utf-8"))
PUBLISHED = "2015-07-23T10:00+03:00"


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings())


def _matches(ev, exp) -> bool:
    for k, v in exp.items():
        if k in ("actor_text", "recipient_text"):
            got = (ev[k[:-5]] or {}).get("text")
        elif k == "actor":
            got = (ev["actor"] or {}).get("code")
        elif k == "location":
            got = (ev["location"] or {}).get("text")
        elif k == "date":
            got = (ev["date"] or {}).get("value")
        elif k == "date_source":
            got = (ev["date"] or {}).get("source")
        elif k in ("actor_sector", "recipient_sector", "recipient_code", "actor_country"):
            role, f = k.split("_")
            got = (ev[role] or {}).get(f)
        elif k == "max_confidence":
            if ev["confidence"] > v:
                return False
            continue
        elif k == "triggers":
            got = len(ev["triggers"])
        elif k == "size_quantity":
            sq = ev["evidence"].get("size_quantities") or {}
            got = {key: {f: sq.get(key, {}).get(f) for f in want} for key, want in v.items()}
        else:
            got = ev.get(k)
        if got != v:
            return False
    return True


def _show(evs):
    return [(e["type"], e["mode"], [t["text"] for t in e["triggers"]], (e["actor"] or {}).get("text"),
             (e["recipient"] or {}).get("text"), (e["location"] or {}).get("text"), e["date"], e["size"])
            for e in evs]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_events_pipeline(pipe, case):
    doc = pipe.analyze(case["text"], published=case.get("published", PUBLISHED))
    evs = doc.events
    pos = 0
    for exp in case["events"]:
        while pos < len(evs) and not _matches(evs[pos], exp):
            pos += 1
        assert pos < len(evs), f"{case['id']}: no event {exp} in order among {_show(evs)}"
        pos += 1
    if case.get("only"):
        assert len(evs) == len(case["events"]), _show(evs)
    for exp in case.get("absent", []):  # negatives: no event matches these
        assert not any(_matches(ev, exp) for ev in evs), f"{case['id']}: unexpected {exp} in {_show(evs)}"


def test_distinct_dates_follow_the_times(pipe):
    """Each of the four one-line sentences is its own event dated by its own time expression."""
    text = CASES[0]["text"]
    doc = pipe.analyze(text, published=PUBLISHED)
    assert len(doc.events) == 4
    for ev in doc.events:
        sent_times = [t for t in doc.times if ev["sentence"]["start"] <= t["start"] < ev["sentence"]["end"]]
        assert len(sent_times) == 1 and ev["date"]["value"] == sent_times[0]["value"]
    assert len({ev["date"]["value"] for ev in doc.events}) == 4
