"""Regression floor on the OEDA Arabic GSR dev files (figures: evaluation/events_gsr.py)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _evaluator():
    spec = importlib.util.spec_from_file_location("events_gsr_eval", ROOT / "evaluation" / "events_gsr.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.shared
def test_gsr_detection_floor(shared_data):
    ev = _evaluator()
    code = ev.make_coder(False)
    data = shared_data / "events" / "oeda_gsr_dev"
    a = ev.detection(code, data, "ASSAULT")
    p = ev.detection(code, data, "PROTEST")
    assert a["n"] == 1546 and p["n"] == 1073
    assert a["f1"] >= 0.75 and a["precision"] >= 0.7 and a["recall"] >= 0.8, a
    assert p["f1"] >= 0.6 and p["recall"] >= 0.8, p
    acc = ev.actor_accuracy(code, data, "PROTEST")
    assert acc["exact"] >= 0.45 and acc["exact_when_coded"] >= 0.6, acc
    acc = ev.actor_accuracy(code, data, "ASSAULT")
    assert acc["exact"] >= 0.3, acc
