"""hadath run builds the store's item indexes once, after a fresh load (Store.defer_item_indexes, add_rows(fresh=True))."""
from __future__ import annotations

import sqlite3

from hadath.batch import run_batch
from hadath.io.store import Store
from hadath.settings import Settings

A = "قتل 18 شخصا في هجوم يوم الخميس."
B = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الزراعة."
SEARCH = {"items_doc", "items_kind_label", "items_kind_text"}


def _indexes(path) -> set[str]:
    db = sqlite3.connect(str(path))
    try:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        db.close()


def test_defer_and_build(tmp_path):
    st = Store(tmp_path / "h.db")
    st.defer_item_indexes()
    assert not SEARCH & _indexes(tmp_path / "h.db")
    st.build_item_indexes()
    st.build_item_indexes()  # no-op when present
    st.close()
    assert SEARCH <= _indexes(tmp_path / "h.db")
    st = Store(tmp_path / "h.db")
    st.defer_item_indexes()
    st.close()
    Store(tmp_path / "h.db").close()  # an opening builds what a cut-short load left out
    assert SEARCH <= _indexes(tmp_path / "h.db")


def test_run_leaves_item_indexes_and_rows(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(A, "utf-8")
    out = tmp_path / "out"
    settings = Settings(stages=("times", "quantities"))
    res = run_batch([str(corpus)], out, jobs=1, settings=settings, progress=False)
    assert res.ok == 1 and SEARCH <= _indexes(out / "hadath.db")
    (corpus / "b.txt").write_text(B, "utf-8")  # a resumed run on a non-empty store keeps its indexes
    res = run_batch([str(corpus)], out, jobs=1, settings=settings, progress=False)
    assert (res.ok, res.total_documents) == (1, 2) and SEARCH <= _indexes(out / "hadath.db")
    db = sqlite3.connect(str(out / "hadath.db"))
    rows = db.execute("SELECT kind, text, value FROM items WHERE kind = 'quantity'").fetchall()
    db.close()
    assert rows == [("quantity", "18 شخصا", "18")]  # the value column is text


def test_fresh_rows_given_again_after_an_interrupted_call(tmp_path):
    """A batch interrupted inside a flush gives the same pending rows again at its end (fresh=True): they
    replace what the cut call left in, no UNIQUE error (found by a user with SIGINT on hadath run -j 2)."""
    from hadath.io.store import encode_document
    from hadath.pipeline import get_pipeline

    doc = get_pipeline(Settings(stages=("quantities",))).analyze(A, id="a1")
    _text, drow, irows = encode_document(doc)
    st = Store(tmp_path / "h.db")
    st.defer_item_indexes()
    st.db.executemany("INSERT INTO documents VALUES (" + ",".join("?" * 18) + ")", [(drow[0], 0, "x", *drow[1:])])
    st.add_rows([(0, "x", drow, irows)], fresh=True)  # the documents row is already in: replaced
    st.add_rows([(0, "x", drow, irows)], fresh=True)  # and again, items too
    st.build_item_indexes()
    assert st.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
    assert st.db.execute("SELECT COUNT(*) FROM items").fetchone()[0] == len(irows) > 0
    st.close()
