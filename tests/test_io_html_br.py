"""A <br> inside a paragraph separates words (it was dropped: "سيناء<br>وأضاف" gave "سيناءوأضاف")."""
import hadath

P1 = "قال المتحدث العسكري إن سبعة مسلحين قتلوا في سيناء"
P1B = "وأضاف المتحدث أن القوات ضبطت أسلحة وذخائر في المنطقة نفسها خلال العملية."
P2 = "وأوضح أن العملية مستمرة منذ أيام في شمال سيناء وأن القوات تواصل ملاحقة العناصر المسلحة في المنطقة."


def test_br_separates_words():
    for br in ("<br>", "<br/>", "<br />", "<BR>"):
        html = (f"<html><head><meta charset='utf-8'><title>خبر</title></head><body><article>"
                f"<h1>مقتل سبعة مسلحين في سيناء</h1><p>{P1}{br}{P1B}</p><p>{P2}</p></article></body></html>")
        doc = hadath.analyze(html.encode("utf-8"))
        assert f"{P1} {P1B}" in doc.text, br
        assert "سيناءوأضاف" not in doc.text
        assert any(e["text"] == "سيناء" for e in doc.entities)
