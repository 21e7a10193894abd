"""HTML byline and date elements that trafilatura drops reach the metadata (hadath.io.html + structure stage)."""
from __future__ import annotations

import pytest

from hadath import Pipeline, Settings

P1 = "قال الوزير اليوم إن الاجتماع انتهى بنجاح كبير بعد مفاوضات طويلة استمرت أياما."
P2 = "وأضاف أن الحكومة ستعلن قراراتها الأسبوع المقبل في مؤتمر صحفي."


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings(stages=()))


def page(article: str, head: str = "") -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{article}</body></html>"


def test_byline_and_date_elements(pipe):
    html = page("<article><h1>عنوان الخبر الكبير</h1><div class=\"byline\">كتب: أحمد محمد</div>"
                f"<span class=\"date\">الثلاثاء 21 يوليو 2015</span><p>{P1}</p><p>{P2}</p></article>")
    doc = pipe.analyze(html.encode("utf-8"), path="a.html")
    md = doc.metadata
    assert [a["text"] for a in md["authors"]] == ["أحمد محمد"]
    assert md["byline"]["text"] == "كتب: أحمد محمد"
    assert md["published"]["value"] == "2015-07-21"
    assert md["published"]["source"] == "html"
    assert md["published"]["span"]["text"] == "الثلاثاء 21 يوليو 2015"
    assert "كتب: أحمد محمد" in doc.text and "الثلاثاء 21 يوليو 2015" in doc.text
    # the body is unchanged: the byline and date lines are not paragraphs
    assert [p["text"] for p in doc.paragraphs] == [P1, P2]
    for sp in [md["headline"], md["byline"], md["published"]["span"], *md["authors"], *doc.paragraphs]:
        assert doc.text[sp["start"]:sp["end"]] == sp["text"]


def test_date_with_clock_and_outlet_zone(pipe):
    html = page(f"<article><h1>عنوان</h1><div class='post-date'>11:39 ص الأربعاء 08 يونيو 2016</div>"
                f"<p>{P1}</p><p>{P2}</p></article>")
    doc = pipe.analyze(html, url="https://www.masrawy.com/news/x")
    pub = doc.metadata["published"]
    assert (pub["value"], pub["timezone"]) == ("2016-06-08T11:39:00+02:00", "Africa/Cairo")
    assert pub["span"]["text"] == "11:39 ص الأربعاء 08 يونيو 2016"  # kept by trafilatura or by our fix


@pytest.mark.parametrize("attr", ["class='author'", "itemprop='author'", "rel='author'", "id='writer-name'"])
def test_author_element_kinds(pipe, attr):
    tag = "a" if "rel" in attr else "span"
    html = page(f"<article><h1>عنوان</h1><{tag} {attr}>سامي الكاتب</{tag}><p>{P1}</p><p>{P2}</p></article>")
    doc = pipe.analyze(html)
    assert [a["text"] for a in doc.metadata["authors"]] == ["سامي الكاتب"]
    assert [p["text"] for p in doc.paragraphs] == [P1, P2]


def test_meta_author(pipe):
    html = page(f"<article><h1>عنوان</h1><p>{P1}</p><p>{P2}</p></article>",
                head="<title>عنوان</title><meta name='author' content='هدى الشيمي'>")
    doc = pipe.analyze(html)
    assert [a["text"] for a in doc.metadata["authors"]] == ["هدى الشيمي"]


def test_meta_author_url_or_sitename_ignored(pipe):
    for content in ("https://example.com/people/x", "الموقع"):
        html = page(f"<article><h1>عنوان</h1><p>{P1}</p><p>{P2}</p></article>",
                    head=f"<meta property='og:site_name' content='الموقع'><meta name='author' content='{content}'>")
        doc = pipe.analyze(html)
        assert doc.metadata["authors"] == [], content
        assert content not in doc.text


def test_comment_author_not_a_byline(pipe):
    html = page(f"<article><h1>عنوان</h1><p>{P1}</p><p>{P2}</p></article>"
                "<div class='comments'><span class='comment-author'>زائر</span><p>تعليق</p></div>")
    doc = pipe.analyze(html)
    assert doc.metadata["authors"] == []
    assert "زائر" not in doc.text


def test_unparsable_date_element_not_added(pipe):
    html = page(f"<article><h1>عنوان</h1><span class='date'>آخر تحديث للصفحة</span><p>{P1}</p><p>{P2}</p></article>")
    doc = pipe.analyze(html)
    assert "آخر تحديث" not in doc.text
    assert doc.metadata["published"]["value"] is None


def test_byline_already_in_body_not_repeated(pipe):
    html = page(f"<article><h1>عنوان</h1><p>{P1}</p><p>{P2}</p><p class='author'>سامي الكاتب</p></article>")
    doc = pipe.analyze(html)
    assert doc.text.count("سامي الكاتب") <= 1
