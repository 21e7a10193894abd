"""encode_document: the batch workers' one serialisation gives the same text and rows as before."""
import json

from hadath import analyze
from hadath.io.store import N_SENTENCES, Store, document_rows, encode_document


def test_encode_document_matches_to_json_and_rows(sample_text, tmp_path):
    doc = analyze(sample_text, published="2016-06-08T11:39:00+03:00", id="sample")
    text, drow, irows = encode_document(doc)
    assert text == doc.to_json()
    assert (drow, irows) == document_rows(json.loads(text))
    assert drow[0] == "sample" and drow[N_SENTENCES] == len(doc.sentences)
    kinds = {r[1] for r in irows}
    assert {"time", "quantity", "entity", "attribution", "event"} <= kinds
    # each item's payload is that item's JSON text
    by_kind = {"time": doc.times, "quantity": doc.quantities, "entity": doc.entities}
    for r in irows:
        if r[1] in by_kind:
            assert json.loads(r[9]) == by_kind[r[1]][r[2]]
    st = Store(tmp_path / "h.db")
    st.add_rows([(0, "sample.txt", drow, irows)])
    st.commit()
    assert st.db.execute("select seq, input, n_sentences from documents").fetchall() == [(0, "sample.txt", len(doc.sentences))]
    assert st.db.execute("select count(*) from items").fetchone()[0] == len(irows)
    st.add_rows([(1, "again.txt", drow, irows)])  # the same id again replaces it
    st.commit()
    assert st.db.execute("select seq, input from documents").fetchall() == [(1, "again.txt")]
    assert st.db.execute("select count(*) from items").fetchone()[0] == len(irows)
    st.close()


def test_entity_and_event_rows_take_the_text_of_their_span():
    text = "قال مجلس الأمن إن مجلس الأمن الدولي سيجتمع."
    doc = {"id": "d", "text": text, "input": {}, "metadata": {}, "warnings": [],
           "entities": [{"id": "e1", "label": "ORG", "text": "مجلس الأمن الدولي",
                         "mentions": [{"start": 4, "end": 14, "text": "مجلس الأمن"},
                                      {"start": 18, "end": 35, "text": "مجلس الأمن الدولي"}]}]}
    _, (row,) = document_rows(doc)
    assert row[3:6] == (4, 14, "مجلس الأمن") and text[4:14] == "مجلس الأمن"
