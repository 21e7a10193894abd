"""The events stage does a bounded, linear amount of work on long text without sentence punctuation.

No timings: the test counts calls of the coder's per-token predicates (clause breaks, cue look-ups), which
were O(items x events x tokens) before clause boundaries were indexed per sentence and long "sentences"
were coded in windows of :attr:`Coder.MAX_WINDOW` tokens.
"""
from __future__ import annotations

import pytest

from hadath.extract.events.coder import Coder
from hadath.pipeline import get_pipeline
from hadath.settings import Settings
from hadath.text.normalize import normalize

PHRASE = "قتل خمسة جنود في هجوم على حاجز للجيش في سيناء و "


@pytest.fixture()
def counts(monkeypatch):
    c = {"is_break": 0, "has": 0, "clause": 0}
    is_break, has, clause = Coder._is_break, Coder._has, Coder._clause

    def count_break(self, tok):
        c["is_break"] += 1
        return is_break(self, tok)

    def count_has(self, tok, words):
        c["has"] += 1
        return has(self, tok, words)

    def count_clause(self, *args):
        c["clause"] += 1
        return clause(self, *args)
    monkeypatch.setattr(Coder, "_is_break", count_break)
    monkeypatch.setattr(Coder, "_has", count_has)
    monkeypatch.setattr(Coder, "_clause", count_clause)
    return c


def _run(counts, reps: int) -> tuple[int, dict[str, int], list]:
    text = PHRASE * reps
    pipe = get_pipeline(Settings())
    for k in counts:
        counts[k] = 0
    doc = pipe.analyze(text, published="2015-07-31T19:00:00+03:00")
    n_tok = len(dict(pipe.stages)["events"].coder.tokenize(normalize(doc.text)))
    return n_tok, dict(counts), doc.events


def test_long_unpunctuated_text_linear_work(counts):
    n_tok, c, events = _run(counts, 580)  # 27,840 characters, one "sentence"
    assert len(PHRASE * 580) > 27_000 and n_tok > 6000
    # (before the fix: 22 million _is_break calls for 4.8k characters, growing with the cube of the length)
    assert c["is_break"] <= 3 * n_tok
    assert c["has"] <= 100 * n_tok
    assert c["clause"] <= 3 * n_tok
    # still coded: the attack with its toll
    assert any(ev["type"] == "ASSAULT" and ev["size"].get("dead") == 5 for ev in events)
    half_tok, half, _ = _run(counts, 290)
    # doubling the text at most doubles the work (plus a margin)
    for k in ("is_break", "has"):
        assert c[k] <= 2.2 * half[k] * n_tok / (2 * half_tok), (k, c[k], half[k])


def test_windows_cover_the_sentence():
    coder = dict(get_pipeline(Settings()).stages)["events"].coder
    toks = coder.tokenize(normalize(PHRASE * 100))
    wins = coder._windows(toks, 0, len(toks))
    assert wins[0][0] == 0 and wins[-1][1] == len(toks)
    assert all(w1 == v0 for (_, w1), (v0, _) in zip(wins, wins[1:]))
    assert all(0 < w1 - w0 <= Coder.MAX_WINDOW for w0, w1 in wins)
    assert all(toks[w0]["t"] == "و" for w0, _ in wins[1:])  # cut before a lone و (no clause break here)
    assert coder._windows(toks, 0, 50) == [(0, 50)]
