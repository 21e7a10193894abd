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


@pytest.mark.parametrize("text,n", [("اغتيل", 1), ("وفي الحادث اغتيل", 1), ("قال المسؤول إن الضابط أصيب", 0)])
def test_passive_trigger_at_the_end_of_the_text(text, n):
    """A passive-only verb with no victim after it (2015-08-10.zip:1199 raised IndexError in _bare_victim)."""
    doc = hadath.analyze(text, published="2015-07-31T10:00:00+03:00")
    assert [(e["type"], e["trigger"]["text"]) for e in doc.events] == [("ASSAULT", doc.text[-5:])] * n
