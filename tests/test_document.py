import hadath
from hadath.document import check_spans, validate


def test_sample_document_validates(sample_text):
    d = hadath.analyze(sample_text).to_dict()
    validate(d)
    assert d["schema"] == "hadath.document/1"
    assert d["text"] == sample_text
    assert check_spans(d) == []
