"""Throughput and memory of hadath on a fixed SaudiNewsNet sample, and HTML extraction time.

Prints:
* articles/s, sentences/s and code points/s of the whole pipeline on the
  first N (default 2,000) articles of the SaudiNewsNet zips in sorted order
  (2015-07-21.zip first), with ``--jobs`` worker processes (default 1: the
  per-core figure), plus the pipeline build time;
* peak resident memory (RSS) of this process and of the largest worker;
* on the CNN Arabic page: trafilatura's own extraction time next to ours
  (trafilatura plus our Arabic fixes, decoding included) and the full analysis.

Usage: python benchmarks/throughput.py [--n 2000] [--jobs 1] [--html-runs 20]
Reads ../shared/data (resolved from this file; HADATH_SHARED_DATA overrides).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import zipfile
from itertools import islice
from pathlib import Path

SHARED = Path(os.environ.get("HADATH_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))


def snn_sample(n: int):
    """The first ``n`` SaudiNewsNet records in sorted zip order, as analyze keyword dicts."""
    from hadath.io.readers import ANALYZE_KEYS, iter_input

    def gen():
        for z in sorted((SHARED / "news" / "saudinewsnet").glob("*.zip")):
            for rec in iter_input(str(z)):
                if "error" not in rec:
                    yield {k: rec[k] for k in ANALYZE_KEYS if k in rec}
    return list(islice(gen(), n))


def rss_mb() -> tuple[float, float]:
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles in the sample")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (1: this process)")
    ap.add_argument("--html-runs", type=int, default=20, help="repetitions of the HTML timing")
    args = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"throughput: {SHARED} not found")

    import hadath
    from hadath.pipeline import analyze_many, get_pipeline
    from hadath.settings import Settings

    settings = Settings()
    t = time.perf_counter()
    records = snn_sample(args.n)
    t_read = time.perf_counter() - t
    t = time.perf_counter()
    pipe = get_pipeline(settings)
    t_build = time.perf_counter() - t
    chars = sum(len(r["data"]) for r in records)
    t = time.perf_counter()
    ok = failed = sentences = 0
    for status, doc in analyze_many(records, n_process=args.jobs, settings=settings, chunksize=8):
        if status == "ok":
            ok += 1
            sentences += len(doc["sentences"])
        else:
            failed += 1
    dt = time.perf_counter() - t
    main_mb, worker_mb = rss_mb()
    print(f"hadath {hadath.__version__}, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
    print(f"SaudiNewsNet sample: first {len(records)} articles in sorted zip order "
          f"({chars:,} code points of content; read in {t_read:.1f} s)")
    print(f"pipeline build: {t_build:.2f} s; stages: {', '.join(settings.stages)}")
    print(f"jobs={args.jobs}: {ok} documents, {failed} failures in {dt:.1f} s")
    print(f"  articles/s:    {len(records) / dt:8.1f}")
    print(f"  sentences/s:   {sentences / dt:8.1f}")
    print(f"  code points/s: {chars / dt:8.0f}")
    print(f"  peak RSS: {main_mb:.0f} MiB this process, {worker_mb:.0f} MiB largest worker")

    html_path = SHARED / "news" / "html" / "cnn_arabic_2013.html"
    raw = html_path.read_bytes()
    import trafilatura

    from hadath.io.decode import decode_bytes

    text = raw.decode("utf-8")
    runs = args.html_runs

    def timed(fn) -> float:
        fn()
        t0 = time.perf_counter()
        for _ in range(runs):
            fn()
        return (time.perf_counter() - t0) / runs * 1000

    ms_traf = timed(lambda: trafilatura.extract(text))
    ms_traf_raw = timed(lambda: trafilatura.extract(raw))
    ms_ours = timed(lambda: pipe.ingester.html.extract(decode_bytes(raw, name="cnn").text, name="cnn"))
    ms_ingest = timed(lambda: pipe.ingester.ingest(raw, path="cnn"))
    ms_full = timed(lambda: pipe.analyze(raw, path="cnn"))
    print(f"HTML extraction, CNN Arabic page ({len(raw):,} bytes), mean of {runs} runs:")
    print(f"  trafilatura.extract(str):          {ms_traf:7.1f} ms")
    print(f"  trafilatura.extract(bytes):        {ms_traf_raw:7.1f} ms")
    print(f"  hadath decode + extract + fixes:   {ms_ours:7.1f} ms")
    print(f"  hadath ingest (as above + checks): {ms_ingest:7.1f} ms")
    print(f"  hadath full analysis of the page:  {ms_full:7.1f} ms")
    print(json.dumps({"articles_per_s": round(len(records) / dt, 2), "sentences_per_s": round(sentences / dt, 1),
                      "peak_rss_mb": round(main_mb), "peak_rss_worker_mb": round(worker_mb),
                      "trafilatura_ms": round(ms_traf, 1), "hadath_extract_ms": round(ms_ours, 1)}))


if __name__ == "__main__":
    main()
