"""What a group of stages costs in instructions and cache misses: counts, not clock time.

On a shared machine the clock-time figures of ``run_cost.py`` move by several
points from one round to the next (other tenants share the cores and the
last-level cache). This benchmark runs the batch worker's own path
(:func:`hadath.pipeline.analyze_records` in chunks of 8 with the batch
garbage-collector thresholds, each document encoded as ``hadath run`` does)
under Valgrind's cachegrind, which counts instructions and simulates the
caches, so the same code gives nearly the same figures on every run: the children run with
``PYTHONHASHSEED=0`` (the same dict and set layouts), and two runs of the same code then differed by
0.1% in instructions and 0.7% in last-level misses (400 articles; memory addresses still vary).
Compare code versions with ``PYTHONPATH=<other checkout>/src``, each imported once before (a
module compiled during one of the two runs would count in its difference).

For each configuration it runs the script twice, on ``--n`` articles and on
none (the lexicons' loading alone), and prints per article the difference:
instructions (Ir), first-level data and instruction misses (D1, I1) and misses
of the simulated last level (LL; ``--ll`` sets its size, by default 2 MiB,
16-way, 64-byte lines: the per-core L2 of the machine these figures were taken
on; cachegrind's own default takes the host's L3). Then, for each addition, how
much each count grows.

Usage: python benchmarks/cache_cost.py [--n 400] [--zip 2015-07-23] [--configs none,tq]
       [--ll 2097152,16,64]
Needs ``valgrind`` on PATH (about 1 minute per 100 articles and configuration,
two runs at a time). Reads ../shared/data (HADATH_SHARED_DATA overrides).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_cost import CONFIGS, SHARED  # noqa: E402  (the same stage lists and data folder)

COSTS = (("tq", "none", "times+quantities"), ("tqe", "tq", "entities"), ("all", "tqe", "attributions+events"))

#: The measured child: load the pipeline, then analyse the first N records as a batch worker does.
CHILD = r"""
import gc, itertools, sys
from hadath.batch import BATCH_GC_THRESHOLDS
from hadath.io.readers import ANALYZE_KEYS, iter_input
from hadath.io.store import encode_document
from hadath.pipeline import analyze_records, get_pipeline
from hadath.settings import Settings
zip_path, n, stages = sys.argv[1], int(sys.argv[2]), tuple(s for s in sys.argv[3].split(",") if s)
recs = [{k: r[k] for k in ANALYZE_KEYS if k in r}
        for r in itertools.islice(iter_input(zip_path), n) if "error" not in r]
settings = Settings(stages=stages)
get_pipeline(settings)
gc.collect()
gc.freeze()
gc.set_threshold(*BATCH_GC_THRESHOLDS)
for i in range(0, len(recs), 8):
    analyze_records(recs[i:i + 8], settings, encode=encode_document)
print(len(recs))
"""

_FIELDS = {"Ir": r"I\s+refs", "I1": r"I1\s+misses", "D1": r"D1\s+misses", "LL": r"LL misses"}


def cachegrind(script: Path, args: list[str], ll: str, out: Path) -> tuple[dict[str, int], str]:
    """One cachegrind run: its summary counts and the child's standard output."""
    # a fixed string hash seed: the layout of every dict and set, and so their probes, is the same in each run
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=yes", f"--LL={ll}",
                           f"--cachegrind-out-file={out}", sys.executable, str(script), *args],
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"cache_cost: the run {' '.join(args)} failed: {proc.stderr[-2000:]}")
    counts = {}
    for key, label in _FIELDS.items():
        m = re.search(label + r":\s+([\d,]+)", proc.stderr)
        if m is None:
            sys.exit(f"cache_cost: no {key} count in cachegrind's summary")
        counts[key] = int(m.group(1).replace(",", ""))
    return counts, proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400, help="articles (the first of the zip)")
    ap.add_argument("--zip", default="2015-07-23", help="SaudiNewsNet zip name (without .zip)")
    ap.add_argument("--configs", default="none,tq", help="configurations, comma-separated (those of run_cost.py)")
    ap.add_argument("--ll", default="2097152,16,64", help="simulated last level: size in bytes,ways,line bytes")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("cache_cost: valgrind is not on PATH (apt install valgrind)")
    zip_path = SHARED / "news" / "saudinewsnet" / f"{args.zip}.zip"
    if not zip_path.is_file():
        sys.exit(f"cache_cost: not found: {zip_path}")
    names = args.configs.split(",")
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        sys.exit(f"cache_cost: unknown configuration(s) {unknown}; known: {sorted(CONFIGS)}")
    per: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(CHILD, encoding="utf-8")
        jobs = [(name, n) for name in names for n in (0, args.n)]
        with ThreadPoolExecutor(max_workers=2) as pool:
            runs = list(pool.map(lambda job: cachegrind(
                script, [str(zip_path), str(job[1]), ",".join(CONFIGS[job[0]])], args.ll,
                Path(tmp) / f"cg.{job[0]}.{job[1]}"), jobs))
        res = dict(zip(jobs, runs))
        for name in names:
            (base, _), (full, out) = res[(name, 0)], res[(name, args.n)]
            docs = int(out.split()[-1])
            per[name] = {k: (full[k] - base[k]) / docs for k in full}
    print(f"cachegrind, {docs} articles of {args.zip}.zip, chunks of 8, simulated last level {args.ll}; "
          "per article:")
    print(f"{'stages':<7} {'Ir':>12} {'I1 misses':>10} {'D1 misses':>10} {'LL misses':>10}")
    for name in names:
        p = per[name]
        print(f"{name:<7} {p['Ir']:>12,.0f} {p['I1']:>10,.0f} {p['D1']:>10,.0f} {p['LL']:>10,.0f}")
    for with_, without, what in COSTS:
        if with_ in per and without in per:
            w, wo = per[with_], per[without]
            print(f"{what} adds " + ", ".join(f"{(w[k] - wo[k]) / wo[k]:.1%} to {k}" for k in ("Ir", "I1", "D1", "LL")))


if __name__ == "__main__":
    main()
