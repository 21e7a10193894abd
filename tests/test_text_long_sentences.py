"""Sentences of a text without full stops are cut at word boundaries to at most MAX_SENTENCE code points."""
from __future__ import annotations

import pytest

from hadath.document import check_spans
from hadath.settings import Settings
from hadath.text.sentences import MAX_SENTENCE, SentenceSplitter

WORDS = "أعلن الوزير في القاهرة أن الحكومة ستبدأ العمل على مشروع جديد لبناء مدارس ومستشفيات".split()


@pytest.fixture(scope="module")
def splitter():
    return SentenceSplitter.load()


def unpunctuated(n_words: int) -> str:
    return " ".join(WORDS[i % len(WORDS)] for i in range(n_words))


def test_constant_is_documented_value():
    assert MAX_SENTENCE == 2000


def test_long_text_cut_at_word_boundaries(splitter):
    text = unpunctuated(40_000)  # about 230,000 code points, no sentence end
    spans, n_cut = splitter.split_counted(text)
    assert n_cut == 1
    lengths = [e - s for s, e in spans]
    assert max(lengths) <= MAX_SENTENCE
    assert min(lengths[:-1]) > MAX_SENTENCE - 20  # cut at the last space before the limit, not early
    # every piece starts and ends on a word boundary, and the pieces cover every word once, in order
    for s, e in spans:
        assert (s == 0 or text[s - 1] == " ") and (e == len(text) or text[e] == " ")
    assert " ".join(text[s:e] for s, e in spans) == text
    assert all(spans[k][1] < spans[k + 1][0] for k in range(len(spans) - 1))


def test_cut_prefers_a_comma_in_the_second_half(splitter):
    head = unpunctuated(300)  # > 1,000 code points
    text = head + "، " + unpunctuated(400)
    (a, b), *rest = splitter.split(text)
    assert (a, b) == (0, len(head) + 1) and text[b - 1] == "،"
    assert all(e - s <= MAX_SENTENCE for s, e in rest)


def test_word_longer_than_the_limit_is_cut_hard(splitter):
    text = "أ" * 5000 + " نهاية."
    spans = splitter.split(text)
    assert [e - s for s, e in spans] == [2000, 2000, 1000 + len(" نهاية.")]
    # never between a letter and its combining mark
    text = "ا" + ("بَ" * 3000)  # the limit falls on a fatha
    spans = splitter.split(text)
    assert [e - s for s, e in spans] == [1999, 2000, 2000, 2]
    assert [text[s] for s, _ in spans] == ["ا", "ب", "ب", "ب"]


def test_short_sentences_unchanged(splitter):
    t = "قال الوزير: «سنبدأ العمل غداً». وأضاف أن الخطة جاهزة."
    assert splitter.split_counted(t) == (splitter.split(t, max_len=10**9), 0)
    assert [t[s:e] for s, e in splitter.split(t)] == ["قال الوزير: «سنبدأ العمل غداً».", "وأضاف أن الخطة جاهزة."]


def test_pipeline_sentences_bounded_and_warned():
    import hadath

    text = unpunctuated(6_000)  # about 35,000 code points
    settings = Settings(stages=())
    doc = hadath.analyze(text, settings=settings)
    lengths = [s["end"] - s["start"] for s in doc.sentences]
    assert lengths and max(lengths) <= MAX_SENTENCE and sum(lengths) + len(lengths) - 1 == len(text)
    check_spans(doc.to_dict())
    assert "1 sentence without a sentence end over 2,000 code points cut at word boundaries" in doc.warnings
