"""HTML pages: detection, article extraction with our Arabic fixes, page metadata (hadath.io.html)."""
from __future__ import annotations

import difflib
import json

import pytest

from hadath.io.html import HtmlExtractor, looks_like_html
from hadath.io.ingest import Ingester, InputError
from hadath.settings import Settings
from hadath.extract.structure import NO_PUBLICATION_TIME

P1 = "افتتح الوزير صباح اليوم المعرض الدولي للكتاب في دورته الجديدة بمشاركة واسعة من دور النشر."
P2 = "وأضاف الوزير أن المعرض يستقبل الزوار طوال الأسبوع وأن الدخول مجاني لطلاب المدارس والجامعات."
P3 = "وتشارك في المعرض أكثر من مئتي دار نشر من عشرين دولة عربية وأجنبية."


@pytest.fixture(scope="module")
def ex():
    return HtmlExtractor(Settings())


def page(body: str, head: str = "<title>خبر</title>") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_detection():
    assert looks_like_html(page("<p>x</p>"))
    assert looks_like_html("  <html><body><p>نص</p></body></html>")
    assert looks_like_html("<div class='a'><p>نص</p><span>x</span></div>")
    assert not looks_like_html("قال الوزير إن <الاجتماع> انتهى")
    assert not looks_like_html("a < b and c > d")


def test_headline_first_and_blank_lines(ex):
    r = ex.extract(page(f"<article><h1>عنوان الخبر</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"), name="x")
    assert r.headline == "عنوان الخبر"
    assert r.text == f"عنوان الخبر\n\n{P1}\n\n{P2}\n\n{P3}"
    assert r.text[r.body_start:].startswith(P1)


def test_refill_puts_back_dropped_paragraph(ex):
    """Whatever made the extractor drop a paragraph of the article container, it comes back in place."""
    import lxml.html

    tree = lxml.html.document_fromstring(page(f"<article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"))
    blocks = [(p, p.text_content()) for p in tree.iter("p")]
    out, added = ex._refill([P1, P3], blocks)
    assert out == [P1, P2, P3] and added == 1
    # a link list in the same container is not put back
    tree = lxml.html.document_fromstring(page(
        f"<article><p>{P1}</p><p><a href='/a'>اقرأ أيضا خبرا آخر عن المعرض الدولي</a></p><p>{P3}</p></article>"))
    blocks = [(p, p.text_content()) for p in tree.iter("p")]
    assert ex._refill([P1, P3], blocks) == ([P1, P3], 0)


def test_comment_policy_dropped_outside_article(ex):
    html = page(f"<div class='story'><h1>عنوان</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
                "<div><p>ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر إلى مراجعة التعليقات قبل نشرها.</p>"
                "<p>الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.</p></div>")
    r = ex.extract(html, name="x")
    assert r.paragraphs == [P1, P2, P3]
    # our cue filter on its own (trafilatura may or may not have kept them)
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    blocks = [(p, p.text_content()) for p in tree.iter("p")]
    paras = [t for _p, t in blocks]
    kept, fired = ex._drop_cues(paras, blocks)
    assert kept == [P1, P2, P3]
    assert fired == ["html.comment_policy", "html.opinion_disclaimer"]
    # inside the article body and not at its end, a cue word is kept
    body = [P1, "وقال إن سياسة الخصوصية الجديدة للشركة تحمي المستخدمين من التتبع.", P2, P3]
    tree = lxml.html.document_fromstring(page("<article>" + "".join(f"<p>{t}</p>" for t in body) + "</article>"))
    blocks = [(p, p.text_content()) for p in tree.iter("p")]
    assert ex._drop_cues(body, blocks) == (body, [])


def test_date_text_and_meta(ex):
    html = page(f"<article><h1>خبر عاجل</h1><span class='date'>منذ ساعتين</span><p>{P1}</p></article>",
                head="<title>خبر عاجل - الموقع</title><meta property='og:site_name' content='الموقع'>"
                     "<meta property='article:published_time' content='2024-03-05T13:00:00+03:00'>"
                     "<meta name='author' content='سامي الكاتب'>")
    r = ex.extract(html, name="x", url="https://example.com/a")
    assert r.meta == {"title": "خبر عاجل", "author": "سامي الكاتب", "date": "2024-03-05T13:00:00+03:00",
                      "date_text": "منذ ساعتين", "sitename": "الموقع", "url": "https://example.com/a"}


def test_time_element_date_text(ex):
    r = ex.extract(page(f"<article><h1>عنوان</h1><time datetime='2016-06-08'>08 يونيو 2016</time><p>{P1}</p></article>"),
                   name="x")
    assert r.meta["date_text"] == "08 يونيو 2016"
    assert r.meta["date"] == "2016-06-08T00:00:00"


def test_page_without_article_is_an_input_error():
    html = page("<nav><a href='/'>الرئيسية</a> <a href='/s'>رياضة</a></nav><footer>© 2023</footer>")
    with pytest.raises(InputError) as e:
        Ingester(Settings()).ingest(html.encode("utf-8"), path="nav.html")
    assert str(e.value) == "nav.html: no article text found in the HTML page"


def test_non_arabic_page_is_a_document_with_warning():
    html = page("<article><h1>Minister opens book fair</h1><p>The minister opened the international book fair "
                "this morning with many publishers taking part.</p><p>Entry is free for students of schools "
                "and universities all week long.</p></article>")
    doc, hints = Ingester(Settings()).ingest(html.encode("utf-8"), path="en.html")
    assert doc.input["kind"] == "html"
    assert doc.text.startswith("Minister opens book fair\n\n")
    assert any("not Arabic" in w for w in doc.warnings)


def test_ingest_html_hints():
    html = page(f"<article><h1>عنوان الخبر</h1><p>{P1}</p><p>{P2}</p></article>")
    data = html.encode("cp1256").replace(b"utf-8", b"windows-1256")
    doc, hints = Ingester(Settings()).ingest(data, path="a.html")
    assert doc.input == {"kind": "html", "encoding": "cp1256", "url": None, "path": "a.html", "bytes": len(data)}
    a, b = hints["title_span"]
    assert doc.text[a:b] == "عنوان الخبر"
    a, b = hints["content_span"]
    assert doc.text[a:b] == f"{P1}\n\n{P2}"
    assert hints["html_meta"]["title"] == "عنوان الخبر"


@pytest.mark.shared
def test_cnn_arabic_body_similarity(shared_data):
    html = (shared_data / "news/html/cnn_arabic_2013.html").read_bytes()
    expected = (shared_data / "news/html/cnn_arabic_2013.expected_body.txt").read_text("utf-8").strip()
    doc, hints = Ingester(Settings()).ingest(html, path="cnn.html")
    a, b = hints["content_span"]
    ratio = difflib.SequenceMatcher(None, doc.text[a:b], expected, autojunk=False).ratio()
    assert ratio >= 0.9, ratio
    assert doc.text.startswith("معارضون يسيطرون على مخازن للصواريخ بريف دمشق\n\n")
    meta = hints["html_meta"]
    assert meta["sitename"] == "CNNArabic"
    assert meta["url"] == "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html"
    assert meta["date_text"].startswith("الأربعاء، 28 آب/اغسطس 2013")
    assert "ترحب شبكة CNN" not in doc.text


def _extraction_cases(shared):
    path = shared / "cases/public_failure_cases.jsonl"
    if not path.exists():
        return []
    return [c for c in map(json.loads, path.read_text("utf-8").splitlines()) if c["component"] == "extraction"]


@pytest.mark.shared
def test_public_failure_cases_extraction(shared_data):
    import hadath

    cases = _extraction_cases(shared_data)
    assert len(cases) >= 2
    for case in cases:
        data = case["input"]
        if data.startswith("BYTES:"):
            _, codec, rest = data.split(":", 2)
            data = rest.encode(codec)
        doc = hadath.analyze(data)
        for s in case["expect"]["body_contains"]:
            assert s in doc.text, (case["id"], doc.text)
        assert [w for w in doc.warnings if w != NO_PUBLICATION_TIME] == [], (case["id"], doc.warnings)


def test_small_page_without_article_container_keeps_paragraphs():
    """trafilatura merges <h1> and <p>s of a bare page into one run; the page's blocks are restored."""
    from hadath.io.html import HtmlExtractor

    html = ("<html><body><h1>خبر عاجل</h1><p>افتتح الوزير صباح اليوم المعرض الدولي للكتاب.</p>"
            "<p>وأضاف الوزير أن المعرض يستقبل الزوار.</p></body></html>")
    r = HtmlExtractor().extract(html)
    assert r.text == ("خبر عاجل\n\nافتتح الوزير صباح اليوم المعرض الدولي للكتاب.\n\n"
                      "وأضاف الوزير أن المعرض يستقبل الزوار.")
