"""The offset map of normalisation: a letter's diacritics and tatweel belong to it, bidi marks do not."""
from __future__ import annotations

import pytest

from hadath.pipeline import get_pipeline
from hadath.settings import Settings
from hadath.text.normalize import normalize


@pytest.mark.parametrize("raw, word", [
    ("قتل ١٢ شخصاً أمس", "شخصاً"),       # tanween after the last letter
    ("وقُتِلَ آخر", "وقُتِلَ"),            # a fatha after the last letter
    ("محمّدٌ وصل", "محمّدٌ"),              # shadda inside, tanween at the end
    ("الجيـــش تقدم", "الجيـــش"),         # tatweel inside
])
def test_a_word_span_takes_its_marks(raw, word):
    n = normalize(raw)
    k = n.text.index(normalize(word).text)
    a, b = n.raw_span(k, k + len(normalize(word).text))
    assert raw[a:b] == word


def test_bidi_marks_stay_outside():
    raw = "قتل 12\u200f شخصا"
    n = normalize(raw)
    a, b = n.raw_span(4, 6)
    assert raw[a:b] == "12"


def test_quantity_span_keeps_the_tanween():
    doc = get_pipeline(Settings(stages=("times", "quantities"))).analyze("قُتِلَ ١٢ شخصاً أمسِ.", id="x")
    assert [q["text"] for q in doc.quantities] == ["١٢ شخصاً"]
    assert [t["text"] for t in doc.times] == ["أمسِ"]
