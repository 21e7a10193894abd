"""A trigger verb that ends the text (no token after it) is coded, not an IndexError (seen on a SaudiNewsNet poem)."""
import pytest

import hadath


@pytest.mark.parametrize("text", ["وفي الحادث قتل", "العايل هددها",
                                  "ومن يهوم حـدودنا صاغر ونادم\nدونـها صقــورٍ على العايل هددها "])
def test_trigger_at_the_end_of_the_text(text):
    doc = hadath.analyze(text, published="2015-07-31T10:00:00+03:00")
    assert len(doc.events) == 1
    ev = doc.events[0]
    assert doc.text[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
