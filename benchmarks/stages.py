"""Cost of each extractor stage in the pipeline, on a fixed SaudiNewsNet sample.

Prints per-stage milliseconds per article (one process, one core; CPU time of
this process, ``time.process_time``, so other jobs on the machine do not inflate
the figures) and the throughput (articles/s of CPU time) of the pipeline with
cumulative stage sets, so each issue's budget can be read off:

* times + quantities: throughput loss vs the pipeline without extractors (budget 20%);
* entities: throughput with entities vs without (must keep >= 80%);
* attributions + events: throughput loss vs without them (budget 30%).

Usage: python benchmarks/stages.py [--n 400] [--repeat 2]
Reads ../shared/data (HADATH_SHARED_DATA overrides).
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import snn_sample  # noqa: E402

from hadath.pipeline import Pipeline, State  # noqa: E402
from hadath.settings import Settings  # noqa: E402

ALL = ("times", "quantities", "entities", "attributions", "events")


def stage_times(records: list[dict], repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` CPU seconds per stage over ``records`` (dict: stage -> seconds)."""
    pipe = Pipeline(Settings(stages=ALL))
    best: dict[str, float] = {}
    for _ in range(repeat):
        tot: collections.Counter[str] = collections.Counter()
        for r in records:
            r = dict(r)
            data = r.pop("data")
            t0 = time.process_time()
            doc, hints = pipe.ingester.ingest(data, **r)
            st = State(doc=doc, settings=pipe.settings, scratch={"input": hints})
            tot["ingest"] += time.process_time() - t0
            for name, stage in [("structure", pipe.structure), ("segment", pipe.segment)] + pipe.stages:
                t0 = time.process_time()
                stage(st)
                tot[name] += time.process_time() - t0
        for k, v in tot.items():
            best[k] = min(best.get(k, v), v)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    records = snn_sample(args.n)
    best = stage_times(records, args.repeat)
    n = len(records)
    print(f"{n} SaudiNewsNet articles, best of {args.repeat}; CPU ms per article by stage:")
    for k, v in best.items():
        print(f"  {k:13s} {1000 * v / n:7.2f}")
    base = best["ingest"] + best["structure"] + best["segment"]

    def rate(stages: tuple[str, ...]) -> float:
        return n / (base + sum(best[s] for s in stages))

    r0 = rate(())
    r_tq = rate(("times", "quantities"))
    r_e0 = rate(("times", "quantities"))
    r_e1 = rate(("times", "quantities", "entities"))
    r_full = rate(ALL)
    print(f"articles/s: no extractors {r0:.1f}; +times+quantities {r_tq:.1f}; +entities {r_e1:.1f}; all {r_full:.1f}")
    print(f"times+quantities cost {100 * (1 - r_tq / r0):.1f}% of throughput (issue 3 budget: 20%)")
    print(f"with entities: {100 * r_e1 / r_e0:.1f}% of the throughput before entities (issue 4 floor: 80%)")
    print(f"attributions+events cost {100 * (1 - r_full / r_e1):.1f}% of throughput (issue 5 budget: 30%)")


if __name__ == "__main__":
    main()
