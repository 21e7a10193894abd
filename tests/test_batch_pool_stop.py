"""An interrupted parallel batch stops its workers at once instead of waiting for their chunks."""
from __future__ import annotations

import multiprocessing as mp
import signal
import time

import pytest

import hadath.batch as batch
from hadath.settings import Settings

pytestmark = pytest.mark.skipif("fork" not in mp.get_all_start_methods() or not hasattr(signal, "setitimer"),
                                reason="needs fork (the patched chunk function reaches the workers) and setitimer")


def _slow_chunk(records, settings, as_json=False, encode=None):
    time.sleep(60)  # a chunk that would keep shutdown(wait=True) waiting for a minute
    return [("ok", r["id"]) for r in records]


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def test_ctrl_c_terminates_the_workers(monkeypatch):
    monkeypatch.setattr(batch, "_analyze_chunk", _slow_chunk)  # inherited by the forked workers
    records = [{"data": "نص", "id": f"r{i}"} for i in range(8)]
    old = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, 2.0)  # the pool and its workers are up by then
    t0 = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            list(batch.parallel_analyze(records, n_process=2, settings=Settings(stages=()), chunksize=2))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert time.monotonic() - t0 < 30  # not the 60 s of the chunks in flight
    assert mp.active_children() == []  # every worker is gone


def test_stop_pool_on_a_pool_that_never_started():
    from concurrent.futures import ProcessPoolExecutor

    ex = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork"))
    batch._stop_pool(ex)  # no worker yet: nothing to terminate, no error
