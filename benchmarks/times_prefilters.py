"""Which prefilters of the times rules pay for themselves.

For each rule's prefilters (``Rule.prefilters``: the one derived from its pattern,
then the hand-written one), over the articles of two SaudiNewsNet zips: the
trigger windows it is searched in, the share of them it keeps, the time it takes,
and the time the rule's own pattern would have taken in the windows it rejects
(microseconds per article). ``net`` > 0: the prefilter costs more than it saves.
A rule marked ``derived_prefilter: false`` in rules.yaml is measured with the
prefilter that would be derived, so that the mark can be checked.

Usage: python benchmarks/times_prefilters.py [--zips 2015-07-22,2015-07-23]
Reads ../shared/data (resolved from this file; HADATH_SHARED_DATA overrides).
"""
from __future__ import annotations

import argparse
import collections
import os
import time
from pathlib import Path

from hadath.extract.quantities.numbers import tokenize
from hadath.extract.times import TimeExtractor
from hadath.extract.times.match import _windows
from hadath.extract.times.rules import Rule
from hadath.io.readers import iter_input
from hadath.text.normalize import normalize

SHARED = Path(os.environ.get("HADATH_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--zips", default="2015-07-22,2015-07-23")
    args = ap.parse_args()
    lex = TimeExtractor(None).lex
    texts = [normalize(r["data"]).text for z in args.zips.split(",")
             for r in iter_input(str(SHARED / "news" / "saudinewsnet" / f"{z}.zip")) if "error" not in r]
    prefilters = {}
    for r in lex.rules:
        pres = r.prefilters
        if not r.derive:  # what would be derived, then the hand-written ones
            pres = Rule(r.id, r.handler, r.priority, r.regex, r.needs, extra=r.extra).prefilters
        prefilters[r.id] = pres
    stats: dict[tuple[str, int], list[float]] = collections.defaultdict(lambda: [0, 0, 0.0, 0.0])
    clock = time.perf_counter
    for text in texts:
        spans = lex.trigger_spans(text, tokenize(text))
        for r in lex.rules:
            if not r.needs or not any(k in spans for k in r.needs):
                continue
            windows = _windows(r.needs, spans, len(text))
            for j, pre in enumerate(prefilters[r.id]):
                st = stats[(r.id, j)]
                t0 = clock()
                kept = [w for w in windows if pre.search(text, w[0], w[1])]
                st[2] += clock() - t0
                t0 = clock()
                for w in windows:
                    if w not in kept:
                        r.regex.search(text, w[0], w[1])
                st[3] += clock() - t0
                st[0] += len(windows)
                st[1] += len(kept)
                windows = kept
                if not windows:
                    break
    n = len(texts)
    derive = {r.id: r.derive for r in lex.rules}
    print(f"{n} articles; microseconds per article; net > 0: the prefilter costs more than it saves")
    print(f"{'rule':22s} pf  windows  kept   cost  saves    net  derived")
    for (rid, j), (a, b, c, d) in sorted(stats.items(), key=lambda x: x[1][3] - x[1][2]):
        mark = ("off" if not derive[rid] else "on") if j == 0 else ""
        print(f"{rid:22s} {j:2d} {a:8d} {b / a if a else 0:5.2f} {1e6 * c / n:6.2f} {1e6 * d / n:6.2f} "
              f"{1e6 * (c - d) / n:+6.2f}  {mark}")


if __name__ == "__main__":
    main()
