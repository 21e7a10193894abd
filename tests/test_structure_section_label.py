"""A section or navigation label above a pasted page's title is boilerplate, not the title nor the body;
a "most read" list is boilerplate up to the line of another rule."""
from __future__ import annotations

import pytest

from hadath.pipeline import get_pipeline
from hadath.settings import Settings

PAGE = """مقتل 3 جنود في هجوم على نقطة تفتيش بسيناء
الأحد 12 يونيو 2016 - 09:15 م
العريش - محمد حسن
قتل ثلاثة جنود وأصيب اثنان آخران في هجوم شنه مسلحون على نقطة تفتيش أمنية جنوب مدينة العريش مساء اليوم.
وقال مصدر أمني إن قوات الجيش تلاحق المهاجمين.
الأكثر قراءة
ارتفاع أسعار الذهب
مقتل 7 في حادث سير
جميع الحقوق محفوظة
"""


@pytest.fixture(scope="module")
def pipe():
    return get_pipeline(Settings(stages=()))


@pytest.mark.parametrize("label", ["الرئيسية", "أخبار مصر", "الرئيسية / سياسة", "عاجل"])
def test_section_label_keeps_title_date_and_byline(pipe, label):
    doc = pipe.analyze(f"{label}\n{PAGE}", id="x")
    md = doc.metadata
    assert md["headline"]["text"] == "مقتل 3 جنود في هجوم على نقطة تفتيش بسيناء"
    assert md["published"]["value"] == "2016-06-12T21:15:00"
    assert [a["text"] for a in md["authors"]] == ["محمد حسن"]
    assert md["dateline"]["text"] == "العريش"
    first = doc.boilerplate[0]
    assert (first["start"], first["text"], first["reason"]) == (0, label, "navigation")
    assert doc.text[doc.paragraphs[0]["start"]:].startswith("قتل ثلاثة جنود")


def test_navigation_menu_lines_keep_title_date_and_byline(pipe):
    menu = ["الرئيسية", "أخبار", "سياسة", "رياضة", "اقتصاد", "منوعات"]
    doc = pipe.analyze("\n".join(menu) + "\n" + PAGE, id="x")
    md = doc.metadata
    assert md["headline"]["text"] == "مقتل 3 جنود في هجوم على نقطة تفتيش بسيناء"
    assert md["published"]["value"] == "2016-06-12T21:15:00"
    assert [a["text"] for a in md["authors"]] == ["محمد حسن"]
    assert [(b["text"], b["reason"]) for b in doc.boilerplate[:6]] == [(w, "navigation") for w in menu]


def test_no_label_changes_nothing(pipe):
    doc = pipe.analyze(PAGE, id="x")
    assert doc.metadata["headline"]["text"] == "مقتل 3 جنود في هجوم على نقطة تفتيش بسيناء"
    assert all(b["rule"] != "section_label" for b in doc.boilerplate)


def test_most_read_list_is_boilerplate_and_copyright_keeps_its_reason(pipe):
    doc = pipe.analyze(PAGE, id="x")
    got = [(b["text"], b["reason"]) for b in doc.boilerplate]
    assert got == [("الأكثر قراءة", "widget_caption"), ("ارتفاع أسعار الذهب", "widget_caption"),
                   ("مقتل 7 في حادث سير", "widget_caption"), ("جميع الحقوق محفوظة", "copyright")]
    assert all("حادث سير" not in doc.text[p["start"]:p["end"]] for p in doc.paragraphs)


def test_a_short_title_over_a_lead_is_still_the_title(pipe):
    # a two-word title followed by a lead sentence (not title-like: it ends with a full stop)
    doc = pipe.analyze("هجوم العريش\nقتل ثلاثة جنود في هجوم شنه مسلحون على نقطة تفتيش جنوب مدينة العريش.\n", id="x")
    assert doc.metadata["headline"]["text"] == "هجوم العريش"


def test_times_and_quantities_inside_boilerplate_are_left_out():
    pipe = get_pipeline(Settings(stages=("times", "quantities")))
    page = PAGE.replace("الأكثر قراءة", "اقرأ أيضا: اعتقال 40 متظاهرا في القاهرة أمس\nالأكثر قراءة")
    doc = pipe.analyze(page, id="x")
    assert [q["text"] for q in doc.quantities] == ["3 جنود", "ثلاثة جنود", "اثنان آخران"]
    assert "أمس" not in [t["text"] for t in doc.times]
    assert any(b["reason"] == "read_also" for b in doc.boilerplate)
