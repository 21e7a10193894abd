"""NER speed on one core: model load time and tokens per second.

Usage: python benchmarks/ner.py [--model DIR|FILE]

``--model`` takes a model folder or file as ``NerModel.load`` does (e.g.
``src/hadath/data/ner/ner.crfsuite`` for the CRF; default: the shipped
default model).

Tags the whole ANERcorp train file (../shared/data/ner/anercorp_train.conll,
123,857 tokens; only its tokens are used) with the process pinned to one
CPU. Reports load time (fresh process, first load), throughput of
``predict`` with a cold feature cache (first pass) and a warm one (second
pass), and of ``predict_spans`` (which also computes marginals), both per
wall-clock second and per CPU second (the latter is steadier on a busy
machine).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None, help="model folder or file (default: the shipped default)")
    ap.add_argument("--data", type=Path, default=SHARED)
    a = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    path = a.data / "ner" / "anercorp_train.conll"
    if not path.is_file():
        print(f"error: {path} not found", file=sys.stderr)
        return 2
    t, c = time.perf_counter(), time.process_time()
    from hadath.extract.entities.ner_model import NerModel, read_conll

    model = NerModel.load(a.model)
    t_load, c_load = time.perf_counter() - t, time.process_time() - c
    with open(path, encoding="utf-8") as f:
        sents = [s[0] for s in read_conll(f)]
    ntok = sum(map(len, sents))
    mp = Path(model.path)
    if mp.suffix == ".onnx":
        names = [mp.name, "ner_nn_vocab.json", "ner_gazetteer.tsv"]
    else:
        names = [mp.name, "ner_attributes.txt", "ner_gazetteer.tsv", "ner_clusters.tsv"]
    size = sum((mp.parent / n).stat().st_size for n in names if (mp.parent / n).is_file())
    print(f"model {model.path} ({type(model).__name__}): {size / 1e6:.1f} MB with its vocabulary/gazetteer files;"
          f" load (incl. imports) {t_load:.3f} s wall, {c_load:.3f} s CPU")
    for name in ("cold cache", "warm cache"):
        t, c = time.perf_counter(), time.process_time()
        model.predict(sents)
        dt, dc = time.perf_counter() - t, time.process_time() - c
        print(f"predict, {name}: {ntok} tokens in {dt:.2f} s = {ntok / dt:,.0f} tokens/s wall,"
              f" {ntok / dc:,.0f} tokens per CPU second (1 core)")
    text_parts, spans, pos = [], [], 0
    for s in sents:
        for w in s:
            spans.append((pos, pos + len(w)))
            text_parts.append(w + " ")
            pos += len(w) + 1
    text = "".join(text_parts)
    t, c = time.perf_counter(), time.process_time()
    model.predict_spans(text, spans)
    dt, dc = time.perf_counter() - t, time.process_time() - c
    print(f"predict_spans (with marginals): {ntok / dt:,.0f} tokens/s wall, {ntok / dc:,.0f} per CPU second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
