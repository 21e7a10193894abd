"""An interrupted parallel batch stops its workers at once instead of waiting for their chunks."""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
import time
from pathlib import Path

import pytest

import hadath.batch as batch
from hadath.settings import Settings

pytestmark = pytest.mark.skipif("fork" not in mp.get_all_start_methods() or not hasattr(signal, "SIGALRM"),
                                reason="needs fork (the patched chunk function reaches the workers) and SIGALRM")

_FLAG = "HADATH_TEST_POOL_STOP_FLAG"


def _slow_chunk(records, settings, as_json=False, encode=None):
    Path(os.environ[_FLAG]).touch()  # a worker holds a chunk now
    time.sleep(60)  # a chunk that would keep shutdown(wait=True) waiting for a minute
    return [("ok", r["id"]) for r in records]


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def test_ctrl_c_terminates_the_workers(monkeypatch, tmp_path):
    flag = tmp_path / "started"
    monkeypatch.setenv(_FLAG, str(flag))
    monkeypatch.setattr(batch, "_analyze_chunk", _slow_chunk)  # inherited by the forked workers
    records = [{"data": "نص", "id": f"r{i}"} for i in range(8)]

    def ctrl_c_once_a_chunk_runs():
        for _ in range(600):
            if flag.exists():
                time.sleep(0.2)  # (the parent is waiting for the chunk's result by now)
                break
            time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGALRM)  # handled in the main thread: a KeyboardInterrupt there

    before = set(mp.active_children())  # (processes other tests of the session may have left)
    old = signal.signal(signal.SIGALRM, _interrupt)
    t0 = time.monotonic()
    killer = threading.Thread(target=ctrl_c_once_a_chunk_runs)
    killer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            list(batch.parallel_analyze(records, n_process=2, settings=Settings(stages=()), chunksize=2))
    finally:
        killer.join()
        signal.signal(signal.SIGALRM, old)
    assert time.monotonic() - t0 < 45  # not the 60 s of the chunks in flight
    assert set(mp.active_children()) - before == set()  # every worker of this pool is gone


def test_stop_pool_on_a_pool_that_never_started():
    from concurrent.futures import ProcessPoolExecutor

    ex = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork"))
    batch._stop_pool(ex)  # no worker yet: nothing to terminate, no error
