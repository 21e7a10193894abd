"""What each group of stages costs in ``hadath run`` itself, end to end.

Runs ``hadath run`` (a fresh output folder each time, no progress bar) on the same
SaudiNewsNet zips with the stage lists below, and prints for each: wall seconds,
articles/s, CPU seconds of the whole run (main process and workers) and CPU
milliseconds per article; then the cost of each addition as the fraction of
throughput it takes away (1 - articles/s with / articles/s without):

* ``none``: ingest, structure and segmentation only (``stages = []``);
* ``tq``: + times and quantities (issue 3 budget: at most 20%);
* ``tqe``: + entities (issue 4 budget: at least 80% of ``tq``, so at most 20%);
* ``all``: + attributions and events (the default stages of ``hadath run``);
* ``all-tq``: ``all`` without times and quantities, so that ``all`` against it is
  what times and quantities cost in the default ``hadath run`` (the events stage
  then runs without the times and counts it reads, and says so in a warning).

Each configuration runs ``--repeat`` times (default 2), interleaved (in reverse
order every other round, so that a drifting machine hits both sides), and the best
run is kept (the least disturbed by other load on the machine); with more than one
round the cost is also printed per round (the runs of a round follow each other,
so they share the machine's state), as a median and range, on the wall clock and
on CPU time. Throughput is
measured on the wall clock with ``--jobs`` workers (default 2); the CPU figures
are printed beside it because they are steadier on a shared machine.

Usage: python benchmarks/run_cost.py [--zips 2015-07-22,2015-07-23,2015-07-24]
       [--jobs 2] [--repeat 2] [--configs none,tq,tqe,all,all-tq]
Reads ../shared/data (resolved from this file; HADATH_SHARED_DATA overrides).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(os.environ.get("HADATH_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))

CONFIGS = {
    "none": [],
    "tq": ["times", "quantities"],
    "tqe": ["times", "quantities", "entities"],
    "all": ["times", "quantities", "entities", "attributions", "events"],
    "all-tq": ["entities", "attributions", "events"],
}
#: (with, without, what the issue allows it to cost)
COSTS = (("tq", "none", "times+quantities", 0.20), ("tqe", "tq", "entities", 0.20),
         ("all", "tqe", "attributions+events", None),
         ("all", "all-tq", "times+quantities in the default stages", None))


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_once(zips: list[Path], stages: list[str], jobs: int, tmp: Path) -> tuple[float, float, int]:
    """One ``hadath run``: (wall s, CPU s, documents written)."""
    out = Path(tempfile.mkdtemp(dir=tmp))
    cfg = out / "c.toml"
    cfg.write_text("[hadath]\nstages = " + json.dumps(stages) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-c", "from hadath.cli import main; main()", "run", *map(str, zips),
           "--out", str(out / "run"), "--config", str(cfg), "-j", str(jobs), "--no-progress"]
    cpu0, t0 = children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, children_cpu() - cpu0
    if proc.returncode not in (0, 1):
        sys.exit(f"run_cost: hadath run failed (rc {proc.returncode}): {proc.stderr[-2000:]}")
    with open(out / "run" / "documents.jsonl", "rb") as fh:
        n = sum(1 for _ in fh)
    return wall, cpu, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--zips", default="2015-07-22,2015-07-23,2015-07-24",
                    help="SaudiNewsNet zip names (comma-separated, without .zip)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of hadath run")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each configuration (best kept)")
    ap.add_argument("--configs", default="none,tq,tqe,all", help="configurations to run, in order")
    args = ap.parse_args()
    zips = [SHARED / "news" / "saudinewsnet" / f"{z}.zip" for z in args.zips.split(",")]
    missing = [str(z) for z in zips if not z.is_file()]
    if missing:
        sys.exit(f"run_cost: not found: {', '.join(missing)}")
    names = args.configs.split(",")
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        sys.exit(f"run_cost: unknown configuration(s) {unknown}; known: {sorted(CONFIGS)}")
    import hadath

    best: dict[str, tuple[float, float, int]] = {}
    rounds: list[dict[str, tuple[float, float, int]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.repeat):
            rounds.append({})
            for name in (names if k % 2 == 0 else names[::-1]):  # ABBA order: a drift hits both sides
                wall, cpu, n = run_once(zips, CONFIGS[name], args.jobs, Path(tmp))
                rounds[-1][name] = (wall, cpu, n)
                if name not in best or wall < best[name][0]:
                    best[name] = (wall, cpu, n)
    print(f"hadath {hadath.__version__}, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; "
          f"hadath run -j {args.jobs} on {', '.join(z.name for z in zips)}; best of {args.repeat}; "
          f"load average now {os.getloadavg()[0]:.2f}")
    print(f"{'stages':<7} {'docs':>6} {'wall s':>7} {'art/s':>7} {'CPU s':>7} {'CPU ms/art':>10}")
    for name in names:
        wall, cpu, n = best[name]
        print(f"{name:<7} {n:>6} {wall:>7.2f} {n / wall:>7.1f} {cpu:>7.2f} {1000 * cpu / n:>10.2f}")
    for with_, without, what, budget in COSTS:
        if with_ in best and without in best:
            w, wo = best[with_], best[without]
            cost = 1 - (w[2] / w[0]) / (wo[2] / wo[0])
            cpu_cost = 1 - (wo[1] / wo[2]) / (w[1] / w[2])
            tail = f" (budget {budget:.0%})" if budget is not None else ""
            print(f"{what} cost {cost:.1%} of hadath run throughput, {cpu_cost:.1%} of CPU throughput{tail}")
            if len(rounds) > 1:  # the runs of one round follow each other: less exposed to a drifting machine
                for label, col in (("throughput", 0), ("CPU", 1)):
                    paired = sorted(1 - (r[with_][2] / r[with_][col]) / (r[without][2] / r[without][col])
                                    for r in rounds)
                    mid = len(paired) // 2
                    med = paired[mid] if len(paired) % 2 else (paired[mid - 1] + paired[mid]) / 2
                    print(f"  paired by round ({label}): median {med:.1%}, range {paired[0]:.1%} to "
                          f"{paired[-1]:.1%} ({len(paired)} rounds)")


if __name__ == "__main__":
    main()
