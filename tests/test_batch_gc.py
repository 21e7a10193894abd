"""hadath run's garbage-collector thresholds (hadath.batch.BATCH_GC_THRESHOLDS) hold during a run only."""
from __future__ import annotations

import gc

from hadath.batch import BATCH_GC_THRESHOLDS, run_batch
from hadath.settings import Settings


def test_thresholds_during_the_run_and_restored(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("قتل 18 شخصا في هجوم يوم الخميس.", "utf-8")
    seen = []
    import hadath.batch as batch

    real = batch._analyze_chunk

    def spy(*a, **k):
        seen.append(gc.get_threshold())
        return real(*a, **k)

    monkeypatch.setattr(batch, "_analyze_chunk", spy)
    before = gc.get_threshold()
    res = run_batch([str(corpus)], tmp_path / "out", jobs=1, settings=Settings(stages=("times",)), progress=False)
    assert res.ok == 1
    assert seen == [BATCH_GC_THRESHOLDS]
    assert gc.get_threshold() == before
