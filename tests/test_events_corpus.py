"""Corpus tests of the event coder (tests/corpus/events_*.yaml), with hand-built one-sentence States.

The coder runs alone (no other stage), so these tests pin the coder's own
lexicons and syntax rules; the whole pipeline is tested on the sample article
in tests/test_events_sample.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.document import Document, check_spans
from hadath.extract.events import EventCoder
from hadath.pipeline import State
from hadath.settings import Settings

CORPUS = Path(__file__).resolve().parent / "corpus"
POSITIVE = yaml.safe_load((CORPUS / "events_positive.yaml").read_text("utf-8"))
NEGATIVE = yaml.safe_load((CORPUS / "events_negative.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def coder():
    return EventCoder(Settings())


def code(coder, text):
    doc = Document(text=text)
    doc.sentences = [doc.span(0, len(text))]
    coder(State(doc=doc, settings=Settings()))
    assert check_spans(doc.to_dict()) == []
    return doc.events


def _matches(ev, exp) -> bool:
    for k, v in exp.items():
        if k == "actor":
            if (ev["actor"] or {}).get("code") != v:
                return False
        elif k == "actor_text":
            if (ev["actor"] or {}).get("text") != v:
                return False
        elif k == "recipient_text":
            if (ev["recipient"] or {}).get("text") != v:
                return False
        elif k == "location":
            if (ev["location"] or {}).get("text") != v:
                return False
        elif k == "size":
            if ev["size"] != v:
                return False
        elif ev.get(k) != v:
            return False
    return True


@pytest.mark.parametrize("case", POSITIVE, ids=[c["id"] for c in POSITIVE])
def test_events_positive(coder, case):
    evs = code(coder, case["text"])
    pos = 0
    for exp in case["events"]:
        exp = dict(exp)
        while pos < len(evs) and not _matches(evs[pos], exp):
            pos += 1
        assert pos < len(evs), f"{case['id']}: no event {exp} in order among " + str(
            [(e["type"], e["mode"], (e["actor"] or {}).get("code"), (e["actor"] or {}).get("text"),
              (e["recipient"] or {}).get("text"), (e["location"] or {}).get("text"), e["size"], e["negated"],
              e["hypothetical"]) for e in evs])
        pos += 1
    if case.get("only"):
        assert len(evs) == len(case["events"]), [(e["type"], e["trigger"]["text"]) for e in evs]


@pytest.mark.parametrize("text", NEGATIVE)
def test_events_negative(coder, text):
    evs = code(coder, text)
    assert evs == [], [(e["type"], e["rule"], e["trigger"]["text"]) for e in evs]
