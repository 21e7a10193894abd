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
