"""Attribution speaker precision / recall on ../shared/data/gold_dev (12 annotated articles).

Usage: python evaluation/attributions_gold.py [-v] [--alone]
Prints per-article counts and the totals; -v also lists the predictions; --alone runs the
attributions stage without the others (no entity links).
Scoring: hadath.extract.attributions.score.score_attributions (see its docstring).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from hadath.extract.attributions.score import prf, score_attributions
from hadath.pipeline import Pipeline
from hadath.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def main() -> int:
    gold_dir = SHARED / "gold_dev"
    if not gold_dir.is_dir():
        print(f"gold_dev not found at {gold_dir}", file=sys.stderr)
        return 2
    verbose = "-v" in sys.argv
    pipe = Pipeline(Settings(stages=("attributions",))) if "--alone" in sys.argv else Pipeline()
    T = [0, 0, 0]
    for ann_path in sorted((gold_dir / "annotations").glob("*.json")):
        gid = ann_path.stem
        ann = json.loads(ann_path.read_text("utf-8"))
        art = json.loads((gold_dir / "articles" / f"{gid}.json").read_text("utf-8"))
        doc = pipe.analyze(art["content"], id=gid, title=art.get("title"), author=art.get("author"),
                           source=art.get("source"), published=(art.get("date_extracted") or None))
        d = doc.to_dict()
        tp, fp, fn = score_attributions(d, ann.get("attributions", []))
        T = [T[0] + tp, T[1] + fp, T[2] + fn]
        print(f"{gid:8s} gold={len(ann.get('attributions', [])):3d} pred={len(d['attributions']):3d} tp={tp} fp={fp} fn={fn}")
        if verbose:
            for a in d["attributions"]:
                sp = a["speaker"]
                print("   ", a["id"], a["cue"]["text"], "|", sp and sp["text"], "->", sp and sp["canonical"],
                      "|", (a["content"] or {}).get("text", "")[:50])
    p, r, f = prf(*T)
    print(f"TOTAL attribution speakers: tp={T[0]} fp={T[1]} fn={T[2]}  precision={p:.3f} recall={r:.3f} F1={f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
