"""Acceptance of the structure stage on the bundled Masrawy sample (issue 2, section 5)."""
from __future__ import annotations

from datetime import datetime

import pytest

from hadath import Pipeline, Settings
from hadath.document import validate
from hadath.pipeline import State

HEADLINE = "مقاتلو داعش الأجانب يطلبون المساعدة للعودة لبلادهم"
PARAGRAPH_OPENINGS = [
    "أكد دبلوماسيون وأعضاء شبكات سوريا",
    "تقول صحيفة \"وول ستريت جورنال\"",
    "وتشير الصحيفة إلى أن طلبات",
    "وأوضحت أن بعض الراغبين",
    "وفقا لديدييه لو بريه",
    "وقال الدبلوماسيين الأجانب",
    "بحسب الصحيفة، فإن طلبات",
    "ومن جانبهم يحاول المسئولون",
    "ونقلت الصحيفة عن الدبلوماسيين",
]


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings(stages=()))


@pytest.mark.parametrize("kw", [{"source": "masrawy"}, {"url": "https://www.masrawy.com/news/x"}])
def test_sample_metadata(pipe, sample_text, kw):
    doc = pipe.analyze(sample_text, **kw)
    md = doc.metadata
    assert md["headline"]["text"] == HEADLINE
    assert [a["text"] for a in md["authors"]] == ["هدى الشيمي"]
    assert md["byline"]["text"] == "كتبت- هدى الشيمي:"
    assert md["published"] == {
        "value": "2016-06-08T11:39:00+02:00", "timezone": "Africa/Cairo", "source": "text",
        "span": md["published"]["span"],
    }
    assert md["published"]["span"]["text"] == "11:39 ص الأربعاء 08 يونيو 2016"
    assert md["outlet"] == "masrawy"
    assert doc.warnings == []
    assert doc.language == "ar"
    validate(doc.to_dict())


def test_sample_boilerplate_and_paragraphs(pipe, sample_text):
    doc = pipe.analyze(sample_text, source="masrawy")
    assert [(b["text"], b["reason"]) for b in doc.boilerplate] == [
        ("إعلان", "ad_label"), ("فيديو قد يعجبك:", "widget_caption"),
        ("إعلان", "ad_label"), ("إعلان", "ad_label"),
    ]
    assert len(doc.paragraphs) == 9
    for p, opening in zip(doc.paragraphs, PARAGRAPH_OPENINGS):
        assert p["text"].startswith(opening)
        assert p["text"] == p["text"].strip()
        assert sample_text[p["start"]:p["end"]] == p["text"]
    # plain text is kept unchanged: boilerplate is marked, not deleted
    assert doc.text == sample_text


def test_sample_without_outlet_has_no_zone_and_a_warning(pipe, sample_text):
    doc = pipe.analyze(sample_text)
    md = doc.metadata
    assert md["published"]["value"] == "2016-06-08T11:39:00"
    assert md["published"]["timezone"] is None
    assert doc.warnings == ["publication time 2016-06-08T11:39:00 (text) has no time zone and the outlet's "
                            "home zone is unknown: timezone left null (relative times resolved as if UTC)"]


def test_sample_default_timezone_setting(sample_text):
    p = Pipeline(Settings(stages=(), default_timezone="Asia/Riyadh"))
    assert p.analyze(sample_text).metadata["published"]["value"] == "2016-06-08T11:39:00+03:00"


def test_sample_sets_reference_time(sample_text):
    p = Pipeline(Settings(stages=()))
    doc, hints = p.ingester.ingest(sample_text, source="masrawy")
    hints["now"] = None
    state = State(doc=doc, settings=p.settings, scratch={"input": hints})
    p.structure(state)
    assert state.reference_time.isoformat() == "2016-06-08T11:39:00+02:00"
    assert state.reference_time.tzinfo is not None
    # the caller's published wins for relative dates
    doc, hints = p.ingester.ingest(sample_text, source="masrawy", published="2016-06-09T08:00:00")
    hints["now"] = None
    state = State(doc=doc, settings=p.settings, scratch={"input": hints})
    p.structure(state)
    assert state.reference_time == datetime.fromisoformat("2016-06-09T08:00:00+02:00")
    # ... and for the metadata too (issue 2 fix): source "input", not the page's date line
    assert doc.metadata["published"]["source"] == "input"
    assert doc.metadata["published"]["value"] == "2016-06-09T08:00:00+02:00"
    # a corpus field (published_hint, e.g. SaudiNewsNet's crawl time) stays behind the date line
    doc, hints = p.ingester.ingest(sample_text, source="masrawy", published_hint="2016-06-09T08:00:00")
    hints["now"] = None
    state = State(doc=doc, settings=p.settings, scratch={"input": hints})
    p.structure(state)
    assert state.reference_time == datetime.fromisoformat("2016-06-09T08:00:00+02:00")
    assert doc.metadata["published"]["source"] == "text"
