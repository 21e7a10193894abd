"""Peak memory of ``hadath analyze`` on a long text without full stops, stage by stage.

Builds a fixed text of 40,000 Arabic words joined by spaces (about 230,000 code points, no
sentence end; the pipeline keeps its first ``Settings.max_chars``), then runs ``hadath analyze``
on it once per stage set (a config file ``[hadath] stages = [...]``), each in a fresh process,
and prints that process's peak resident memory (``ru_maxrss`` of the child), its wall time, the
number of sentences and the longest sentence (code points). The same text with a full stop
every 20 words is run as the reference. No shared data is needed.

Usage: python benchmarks/long_text_memory.py [--words 40000]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("أعلن الوزير في القاهرة أن الحكومة ستبدأ العمل على مشروع جديد لبناء مدارس ومستشفيات في "
         "المحافظات الجنوبية وقال مصدر مسؤول إن القوات قتلت 12 مسلحا يوم الخميس").split()
STAGE_SETS = ([], ["times"], ["quantities"], ["entities"], ["attributions"], ["times", "events"],
              ["times", "quantities", "entities", "attributions", "events"])


def texts(n: int) -> dict[str, str]:
    """The unpunctuated text and its punctuated reference (words drawn with a fixed seed)."""
    rnd = random.Random(1)
    words = [rnd.choice(WORDS) for _ in range(n)]
    return {"no full stop": " ".join(words),
            "stop every 20 words": " ".join(" ".join(words[i:i + 20]) + "." for i in range(0, n, 20))}


def run(path: Path, stages: list[str], tmp: Path) -> tuple[float, float, dict]:
    """``(peak RSS in MiB, wall seconds, document)`` of ``hadath analyze path`` with ``stages``."""
    cfg = tmp / "c.toml"
    cfg.write_text(f"[hadath]\nstages = {json.dumps(stages)}\n", "utf-8")
    exe = Path(sys.executable).with_name("hadath")
    cmd = [str(exe), "analyze", str(path), "--config", str(cfg)]
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: run hadath with stdout to a file, so that its own ru_maxrss is measured
        with open(tmp / "out.json", "wb") as out, open(os.devnull, "wb") as err:
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
            os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"hadath analyze failed for stages {stages}")
    return usage.ru_maxrss / 1024, wall, json.loads((tmp / "out.json").read_text("utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=40_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for label, text in texts(args.words).items():
            path = tmp / "long.txt"
            path.write_text(text, "utf-8")
            print(f"{label}: {len(text):,} code points, {len(text.encode()):,} bytes")
            for stages in STAGE_SETS:
                rss, wall, doc = run(path, stages, tmp)
                longest = max((s["end"] - s["start"] for s in doc["sentences"]), default=0)
                print(f"  stages {','.join(stages) or '(none)':<45} peak RSS {rss:6.0f} MiB  {wall:5.1f} s  "
                      f"sentences {len(doc['sentences']):5d}  longest {longest:5d}")


if __name__ == "__main__":
    main()
