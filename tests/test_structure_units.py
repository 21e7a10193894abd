"""Unit tests of the structure stage: boilerplate kinds, publication-time sources, language."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from hadath import Pipeline, Settings
from hadath.extract.structure import StructureStage
from hadath.pipeline import State
from hadath.extract.structure import NO_PUBLICATION_TIME

BODY = "وأعلنت الجهات المختصة أمس عن بدء المرحلة الثانية من المشروع في المنطقة."


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings(stages=()))


def _run(pipe, text, **hints):
    """Run ingest + structure with extra ingest hints (html_meta, now ...)."""
    doc, h = pipe.ingester.ingest(text, source=hints.pop("source", None), url=hints.pop("url", None),
                                  published=hints.pop("published", None))
    h.update(hints)
    h.setdefault("now", None)
    state = State(doc=doc, settings=pipe.settings, scratch={"input": h})
    pipe.structure(state)
    return doc, state


@pytest.mark.parametrize("line,reason", [
    ("إعلان", "ad_label"),
    ("اقرأ أيضاً:", "read_also"),
    ("شاهد أيضا: الرئيس يصل إلى القاهرة", "read_also"),
    ("تابعونا على تويتر وفيسبوك", "share_prompt"),
    ("شارك", "share_prompt"),
    ("© 2023 جميع الحقوق محفوظة", "copyright"),
    ("جميع الحقوق محفوظة لموقع الخبر 2016", "copyright"),
    ("الرئيسية » أخبار » مصر", "navigation"),
    ("المصدر: وكالة الأنباء الألمانية", "source"),
    ("رابط الخبر بصحيفة الوئام: أسعار النفط تغلق على تراجع", "source"),
    ("للتواصل مع الكاتب ارسل رسالة SMS", "contact"),
    ("737221 - Zain", "contact"),
    ("لمراسلة الكاتب: writer@example.com", "contact"),
    ("// انتهى //", "end_marker"),
    ("...المزيد", "read_more"),
    ("الكلمات المفتاحية: النفط، الأسعار", "navigation"),
])
def test_boilerplate_lines(pipe, line, reason):
    doc, _ = _run(pipe, f"{BODY}\n{line}\n{BODY}")
    assert [(b["text"], b["reason"]) for b in doc.boilerplate] == [(line, reason)]
    assert len(doc.paragraphs) == 2
    assert all(b["rule"] for b in doc.boilerplate)


def test_read_also_list_and_prefixes(pipe):
    text = (f"{BODY}\nاقرأ أيضا:\nالرئيس يصل إلى القاهرة في زيارة رسمية\nارتفاع أسعار النفط\n{BODY}\n"
            " شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد المدير أن العمل مستمر.\n"
            f"{BODY} سمات النفط الأسعار السوق")
    doc, _ = _run(pipe, text)
    reasons = [(b["text"], b["reason"]) for b in doc.boilerplate]
    assert reasons[:3] == [("اقرأ أيضا:", "read_also"), ("الرئيس يصل إلى القاهرة في زيارة رسمية", "read_also"),
                           ("ارتفاع أسعار النفط", "read_also")]
    assert ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك", "share_prompt") in reasons
    assert ("سمات النفط الأسعار السوق", "navigation") in reasons
    assert [p["text"] for p in doc.paragraphs] == [BODY, BODY, "أكد المدير أن العمل مستمر.", BODY]


def test_published_from_html_meta_is_put_in_outlet_zone(pipe):
    doc, state = _run(pipe, BODY, source="masrawy", html_meta={"date": "2016-06-08T09:39:00Z"})
    pub = doc.metadata["published"]
    assert (pub["value"], pub["timezone"], pub["source"], pub["span"]) == (
        "2016-06-08T11:39:00+02:00", "Africa/Cairo", "html", None)
    assert state.reference_time.isoformat() == "2016-06-08T11:39:00+02:00"


def test_relative_date_text_needs_now(pipe):
    now = datetime.fromisoformat("2024-03-05T15:00:00+03:00")
    doc, _ = _run(pipe, BODY, html_meta={"date_text": "منذ ساعتين"}, now=now)
    assert doc.metadata["published"]["value"] == "2024-03-05T13:00:00+03:00"
    doc, state = _run(pipe, BODY, html_meta={"date_text": "منذ ساعتين"})
    assert doc.metadata["published"]["value"] is None and state.reference_time is None


def test_relative_stamp_in_text(pipe):
    now = datetime(2024, 3, 5, 12, 0, tzinfo=timezone.utc)
    doc, _ = _run(pipe, f"منذ 3 ساعات\n{BODY}", source="sabq", now=now)
    pub = doc.metadata["published"]
    assert (pub["value"], pub["timezone"], pub["source"], pub["span"]["text"]) == (
        "2024-03-05T12:00:00+03:00", "Asia/Riyadh", "text", "منذ 3 ساعات")


def test_published_from_input_and_url(pipe):
    doc, state = _run(pipe, BODY, source="okaz", published="2015-07-22T10:04:16")
    pub = doc.metadata["published"]
    assert (pub["value"], pub["timezone"], pub["source"]) == ("2015-07-22T10:04:16+03:00", "Asia/Riyadh", "input")
    doc, state = _run(pipe, BODY, url="http://www.okaz.com.sa/new/Issues/20150722/Con20150722784960.htm")
    pub = doc.metadata["published"]
    assert (pub["value"], pub["timezone"], pub["source"], doc.metadata["outlet"]) == (
        "2015-07-22", "Asia/Riyadh", "url", "okaz")
    assert state.reference_time.isoformat() == "2015-07-22T00:00:00+03:00"


def test_weekday_mismatch_warns(pipe):
    doc, _ = _run(pipe, f"11:39 ص الخميس 08 يونيو 2016\n{BODY}", source="masrawy")
    assert doc.metadata["published"]["value"] == "2016-06-08T11:39:00+02:00"
    assert len(doc.warnings) == 1 and "الخميس" in doc.warnings[0] and "Wednesday" in doc.warnings[0]


def test_language(pipe):
    doc, _ = _run(pipe, "The minister said on Monday that the talks had ended without agreement.")
    assert doc.language == "en"
    assert any("Arabic" in w for w in doc.warnings)
    doc, _ = _run(pipe, BODY)
    assert doc.language == "ar" and doc.warnings == [NO_PUBLICATION_TIME]


def test_no_publication_time_warns_once(pipe):
    doc, state = _run(pipe, BODY)
    assert state.reference_time is None and doc.warnings == [NO_PUBLICATION_TIME]
    doc, state = _run(pipe, f"11:39 ص الأربعاء 08 يونيو 2016\n{BODY}", source="masrawy")
    assert state.reference_time is not None and doc.warnings == []


def test_headline_from_title_and_repeat_in_content(pipe):
    doc = pipe.analyze(f"عنوان الخبر للتجربة\n\n{BODY}", title="عنوان الخبر للتجربة")
    assert doc.metadata["headline"] == {"start": 0, "end": 19, "text": "عنوان الخبر للتجربة"}
    assert [p["text"] for p in doc.paragraphs] == [BODY]


def test_stage_is_built_once_and_reusable():
    st = StructureStage(Settings())
    assert st.boilerplate.rules and st.bylines.places and st.outlets.zone("masrawy") == "Africa/Cairo"


def test_a_lead_with_a_dateline_is_not_the_headline(pipe):
    lead = "القاهرة - قال الجيش المصري إن سبعة مسلحين قتلوا في هجوم على كمين للشرطة صباح اليوم"
    doc, _ = _run(pipe, f"{lead}\n\n{BODY}")
    md = doc.metadata
    assert md["headline"] is None and md["dateline"]["place"] == "القاهرة"
    assert any("قال الجيش المصري" in p["text"] for p in doc.paragraphs)
    doc, _ = _run(pipe, f"مقتل سبعة مسلحين في سيناء\n\n{lead}\n\n{BODY}")
    assert doc.metadata["headline"]["text"] == "مقتل سبعة مسلحين في سيناء"
    assert doc.metadata["dateline"]["place"] == "القاهرة"
