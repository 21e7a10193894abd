"""Entity-level (CoNLL exact match) scores of the NER model.

Usage:
    python evaluation/ner.py                 # shipped model on the ANERcorp dev split
    python evaluation/ner.py --model DIR     # another model folder (or file: .onnx neural, .crfsuite CRF)
    python evaluation/ner.py --model src/hadath/data/ner/ner.crfsuite   # the CRF kept beside the default
    python evaluation/ner.py --file PRED     # score a "token GOLD PRED" file (e.g. from `hadath ner --conll`)

The dev split is :func:`hadath.train.ner.dev_split` of
``../shared/data/ner/anercorp_train.conll`` (blocks of 200 sentences, every
10th block). Prints precision, recall and F1 overall and per type.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def read_triples(path: str) -> tuple[list[list[str]], list[list[str]]]:
    """Gold and predicted tag sequences of a "token GOLD PRED" file."""
    gold: list[list[str]] = []
    pred: list[list[str]] = []
    g: list[str] = []
    p: list[str] = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            parts = line.split()
            if not parts:
                if g:
                    gold.append(g)
                    pred.append(p)
                    g, p = [], []
                continue
            if len(parts) < 3:
                raise ValueError(f"{path}:{i}: expected 'token GOLD PRED', got {line.strip()!r}")
            g.append(parts[-2])
            p.append(parts[-1])
    if g:
        gold.append(g)
        pred.append(p)
    return gold, pred


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None, help="model folder or file (default: the shipped default model)")
    ap.add_argument("--file", default=None, help="score this 'token GOLD PRED' file instead")
    ap.add_argument("--data", type=Path, default=SHARED)
    a = ap.parse_args(argv)
    from hadath.extract.entities.ner_model import NerModel
    from hadath.train.ner import dev_split, format_scores, load_anercorp, score

    if a.file:
        try:
            gold, pred = read_triples(a.file)
        except (OSError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"{a.file}: {len(gold)} sentences, {sum(map(len, gold))} tokens")
        print(format_scores(score(gold, pred)))
        return 0
    path = a.data / "ner" / "anercorp_train.conll"
    if not path.is_file():
        print(f"error: {path} not found", file=sys.stderr)
        return 2
    _, dev = dev_split(load_anercorp(a.data))
    t = time.perf_counter()
    model = NerModel.load(a.model)
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    pred = model.predict([s[0] for s in dev])
    t_tag = time.perf_counter() - t
    ntok = sum(len(s[0]) for s in dev)
    print(f"model {model.path} ({type(model).__name__}, load {t_load:.2f} s)")
    print(f"ANERcorp dev split: {len(dev)} sentences, {ntok} tokens (tagged in {t_tag:.2f} s)")
    print(format_scores(score([s[1] for s in dev], pred)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
