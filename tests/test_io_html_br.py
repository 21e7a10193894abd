"""A <br> inside a paragraph is a line break (it was dropped: "سيناء<br>وأضاف" gave "سيناءوأضاف"); the other
newlines of the HTML source stay spaces."""
import hadath

P1 = "قال المتحدث العسكري إن سبعة مسلحين قتلوا في سيناء"
P1B = "وأضاف المتحدث أن القوات ضبطت أسلحة وذخائر في المنطقة نفسها خلال العملية."
P2 = "وأوضح أن العملية مستمرة منذ أيام في شمال سيناء وأن القوات تواصل ملاحقة العناصر المسلحة في المنطقة."


def test_br_separates_words():
    for br in ("<br>", "<br/>", "<br />", "<BR>"):
        html = (f"<html><head><meta charset='utf-8'><title>خبر</title></head><body><article>"
                f"<h1>مقتل سبعة مسلحين في سيناء</h1><p>{P1}{br}{P1B}</p><p>{P2}</p></article></body></html>")
        doc = hadath.analyze(html.encode("utf-8"))
        assert f"{P1}\n{P1B}" in doc.text, br
        assert "سيناءوأضاف" not in doc.text
        assert any(e["text"] == "سيناء" for e in doc.entities)


def test_source_newlines_are_spaces_and_a_br_dateline_is_its_own_line():
    html = ("<html><head><meta charset='utf-8'><title>خبر</title></head><body><article>"
            "<h1>مقتل ثلاثة جنود في سيناء</h1><p>القاهرة - أ ش أ<br />قتل ثلاثة جنود في هجوم على كمين للجيش في "
            "شمال سيناء أمس.</p><p>وأضاف المتحدث العسكري أن القوات تلاحق العناصر المسلحة في المنطقة\n   منذ "
            "الصباح.</p></article></body></html>")
    doc = hadath.analyze(html.encode("cp1256"), published="2016-06-10T10:00:00+02:00")
    assert "في المنطقة منذ الصباح." in doc.text
    assert doc.metadata["dateline"]["place"] == "القاهرة"
    assert doc.sentences[0]["text"].startswith("قتل ثلاثة جنود")
