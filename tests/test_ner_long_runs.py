"""The neural tagger's memory is bounded on a text with no full stop.

A long unpunctuated text used to reach the model as one token run (34,000 tokens,
about 6.5 KB each in one onnxruntime call); runs are now cut every
``NnNerModel.max_run`` tokens and a call holds at most ``max_call_tokens`` tokens.
"""
from __future__ import annotations

import pytest

from hadath.extract.entities.ner_model import NnNerModel


@pytest.fixture(scope="module")
def model() -> NnNerModel:
    return NnNerModel.load()


class _Recorder:
    """Stands in for the onnxruntime session: records each call's (batch, tokens) shape."""

    def __init__(self, session) -> None:
        self.session, self.shapes = session, []

    def run(self, names, feeds):
        self.shapes.append(feeds["ids"].shape[:2])
        return self.session.run(names, feeds)

    def get_inputs(self):
        return self.session.get_inputs()


def test_unpunctuated_text_is_cut_into_bounded_runs(model, monkeypatch):
    words = ["قال", "الرئيس", "الأمريكي", "باراك", "أوباما", "في", "واشنطن", "إن", "بلاده", "ستدعم"] * 100
    text = " ".join(words)  # 1,000 tokens, no full stop
    tokens, pos = [], 0
    for w in words:
        tokens.append((pos, pos + len(w)))
        pos += len(w) + 1
    rec = _Recorder(model.session)
    monkeypatch.setattr(model, "session", rec)
    spans = model.predict_spans_many(text, [tokens])
    assert rec.shapes, "the model was not called"
    assert max(t for _, t in rec.shapes) <= model.max_run == 200
    assert max(b * t for b, t in rec.shapes) <= model.max_call_tokens
    # the name is still found in every one of the 100 repeats
    assert sum(1 for s, e, label, _ in spans if text[s:e] == "باراك أوباما" and label == "PER") >= 95


def test_many_sentences_are_split_into_calls_of_bounded_size(model, monkeypatch):
    rec = _Recorder(model.session)
    monkeypatch.setattr(model, "session", rec)
    sents = [["وصل", "وزير", "الخارجية", "إلى", "بغداد"] * 30] * 100  # 100 runs of 150 tokens
    tagged = model._tag(sents)
    assert len(tagged) == 100 and all(len(t) == 150 for t, _ in tagged)
    assert len(rec.shapes) >= 4 and all(b * t <= model.max_call_tokens for b, t in rec.shapes)
    assert len({tuple(t) for t, _ in tagged}) == 1  # a sentence's tags do not depend on its batch
