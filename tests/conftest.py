"""Shared test helpers: the location of ../shared/data, the ``shared`` marker, and a stand-in NER model.

Tests that read ../shared/data are marked ``@pytest.mark.shared``; where the
folder is absent they are skipped with a reason (CI has it).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from hadath.pipeline import Pipeline
from hadath.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HADATH_SHARED_DATA", ROOT.parent / "shared" / "data"))


def pytest_collection_modifyitems(config, items):
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=f"needs ../shared/data (not found at {SHARED})")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path of ../shared/data (tests using it must be marked ``shared``)."""
    return SHARED


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The bundled sample article (Masrawy, 8 June 2016), as shipped in the package."""
    from importlib import resources

    return resources.files("hadath.data").joinpath("sample_masrawy_2016-06-08.txt").read_text("utf-8")


# -- the entity stage with a stand-in NER model (tests/test_entities_*.py) ------------------------

class FakeModel:
    """Stands in for NerModel: tags fixed raw spans (start, end, label, confidence)."""

    def __init__(self, spans):
        self.spans = spans
        self.calls = 0

    def predict_spans(self, text, tokens):
        self.calls += 1
        spans = [(t["start"], t["end"]) if isinstance(t, dict) else tuple(t) for t in tokens]  # as NerModel
        assert all(text[a:b].strip() for a, b in spans)
        return [(a, b, lab, c) for a, b, lab, c in self.spans(text)]


def with_fake_model(spans_for):
    """A pipeline of the entity stage alone whose model is ``FakeModel(spans_for)``, offered every clause."""
    from hadath.extract.entities import _RARE_WORD, EntityExtractor

    ex = EntityExtractor(Settings(stages=("entities",)))
    ex.model = FakeModel(spans_for)
    flags = ex._word_flags

    def every_word_rare(w):  # offer every clause to the fake model
        f = ex._flags_cache[w] = flags(w) | _RARE_WORD
        return f

    ex._word_flags = every_word_rare
    p = Pipeline(Settings(stages=("entities",)))
    p.stages = [("entities", ex)]
    return p


@pytest.fixture
def fake_ner_model():
    """The :class:`FakeModel` class (a stand-in NerModel tagging fixed spans)."""
    return FakeModel


@pytest.fixture
def fake_model_pipeline():
    """:func:`with_fake_model`: ``spans_for(text) -> [(start, end, label, conf)]`` -> an entity pipeline."""
    return with_fake_model


@pytest.fixture
def one_model_span_pipeline():
    """``(span, label) -> pipeline``: :func:`with_fake_model` whose model tags the first ``span`` of the text
    as ``label`` (confidence 0.9)."""
    def build(span, label):
        def spans_for(text):
            a = text.index(span)
            return [(a, a + len(span), label, 0.9)]
        return with_fake_model(spans_for)
    return build


# -- entity corpus cases (tests/corpus/entities_*.yaml) --------------------------------------------

def show_entities(ents) -> list:
    """The fields of entities that corpus assertions print on failure."""
    return [(e["text"], e["label"], e["country"], e["cameo"], e["geonames"], e["canonical"], e["rule"]) for e in ents]


def check_entity_case(ents, case, not_entity_labels=None) -> None:
    """Assert one entity corpus case: every ``expect`` entity found (text compared normalised; ``label``,
    ``country``, ``cameo``, ``geonames``, ``canonical`` and the number of ``mentions`` where given), and no
    ``not_entity`` text an entity with a label of the case's ``labels`` (default ``not_entity_labels``;
    None: any label)."""
    from hadath.text.normalize import normalize_word

    labels = case.get("labels", not_entity_labels)
    for w in case.get("not_entity", []):
        bad = [e for e in ents if normalize_word(e["text"]) == normalize_word(w) and (labels is None or e["label"] in labels)]
        assert not bad, (w, show_entities(ents))
    for ex in case.get("expect", []):
        hits = [e for e in ents if normalize_word(e["text"]) == normalize_word(ex["text"])]
        assert hits, (ex["text"], show_entities(ents))
        e = hits[0]
        for key in ("label", "country", "cameo", "geonames", "canonical"):
            if key in ex:
                assert e[key] == ex[key], (key, ex, show_entities(ents))
        if "mentions" in ex:
            assert len(e["mentions"]) == ex["mentions"], e["mentions"]


@pytest.fixture
def entity_case_checker():
    """:func:`check_entity_case`."""
    return check_entity_case

