"""Records handed to analyze_many / the batch: key aliases and bad keys give clear errors."""
import hadath


def test_analyze_many_accepts_text_and_html_keys_and_names_bad_keys():
    out = list(hadath.analyze_many([
        {"text": "قال الوزير إن الاجتماع انتهى.", "id": "a"},
        {"html": "<p>x</p>", "id": "b"},
        {"text": "نص", "id": "c", "foo": 1},
    ]))
    assert out[0][0] == "ok" and out[0][1]["id"] == "a"
    assert out[1] == ("error", "b: no article text found in the HTML page")
    assert out[2][0] == "error" and "unknown keys ['foo']" in out[2][1] and out[2][1].startswith("c: bad record")
