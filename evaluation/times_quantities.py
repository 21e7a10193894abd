"""Score times and quantities against hand annotations: precision, recall, value accuracy.

Data (read from ../shared/data, never copied into the repository):

* ``gold_dev/``: 12 articles with gold annotations (``GUIDE.md`` there);
* ``evaluation/annotations/snn-x*.json``: SaudiNewsNet articles annotated for
  this project the same way (article id = zip name + index + url; the texts
  are read from ``news/saudinewsnet/<zip>``). Files with ``"split":
  "heldout"`` were annotated after the rules were tuned and are reported
  apart ("own-heldout"); the others ("own") were used while developing.

Each article runs through the full :class:`hadath.Pipeline` as structured
input (title, author, content) with ``published`` = ``date_extracted`` in
Asia/Riyadh (+03:00) for SaudiNewsNet and +02:00 for the Masrawy sample.

Annotations carry text and value but no offsets, so each annotated item is
placed on the occurrences of its text in the article content, and predicted
items are matched to annotated ones by character overlap (a maximum
one-to-one matching; a prediction may match an annotated item when it
overlaps any occurrence of that item's text). Only
predictions inside the content count (not the title/author fields, not
spans the structure stage marked as boilerplate); quantities of kind
"ordinal" are left out (the guide does not annotate ordinals).

* precision = matched predictions / predictions,
* recall = matched annotations / annotations,
* value accuracy = matched pairs with the same value / matched pairs
  (times: same ISO string, a leading ``T`` and ``:00`` minutes ignored, or
  the annotation's ``value_alt``; quantities: same number to 1e-6 relative).

Usage:
    python evaluation/times_quantities.py [--verbose] [--only gold|own] [--stages times,quantities]

Prints one block per dimension and source set, then the totals.
"""
from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
ANNOTATIONS = Path(__file__).resolve().parent / "annotations"


def load_articles(only: str | None = None) -> list[dict[str, Any]]:
    """Annotated articles as dicts {gid, set, article (title/author/content/...), times, quantities, published}."""
    out = []
    if only in (None, "gold"):
        for f in sorted((SHARED / "gold_dev" / "annotations").glob("*.json")):
            ann = json.loads(f.read_text("utf-8"))
            art = json.loads((SHARED / "gold_dev" / "articles" / f.name).read_text("utf-8"))
            zone = "+02:00" if art.get("source") == "masrawy" else "+03:00"
            out.append({"gid": f.stem, "set": "gold_dev", "article": art, "times": ann.get("times", []),
                        "quantities": ann.get("quantities", []), "published": _iso(art["date_extracted"], zone)})
    if only in (None, "own"):
        cache: dict[str, list] = {}
        for f in sorted(ANNOTATIONS.glob("*.json")):
            ann = json.loads(f.read_text("utf-8"))
            if "article" not in ann:
                continue  # another layer kept in the same folder (geonames_gold_dev.json)
            ref = ann["article"]
            if ref["zip"] not in cache:
                with zipfile.ZipFile(SHARED / "news" / "saudinewsnet" / ref["zip"]) as zf:
                    cache[ref["zip"]] = json.loads(zf.read(zf.namelist()[0]))
            art = cache[ref["zip"]][ref["index"]]
            if art.get("url") != ref["url"]:
                raise SystemExit(f"{f.name}: article {ref['zip']}#{ref['index']} does not have url {ref['url']}")
            split = "own-heldout" if ann.get("split") == "heldout" else "own"
            out.append({"gid": ann["gid"], "set": split, "article": art, "times": ann["times"],
                        "quantities": ann["quantities"], "published": _iso(art["date_extracted"], "+03:00")})
    return out


def _iso(date_extracted: str, zone: str) -> str:
    return date_extracted.strip().replace(" ", "T") + zone


def _occurrences(text: str, needle: str, base: int) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0 and needle:
        out.append((base + i, base + i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def same_value(dim: str, gold: Any, pred: Any) -> bool:
    """Whether a predicted value equals the annotated one (see the module docstring)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if dim == "times":
        g, p = str(gold).removeprefix("T"), str(pred).removeprefix("T")
        return g == p or g.replace(":00", "") == p.replace(":00", "")
    try:
        g, p = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    return abs(g - p) <= 1e-6 * max(1.0, abs(g))


def value_ok(dim: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """The annotated value, or its ``value_alt`` (a second reading the issue accepts, e.g. "منذ 5 أعوام"
    as the duration P5Y or the year 2010), equals the predicted one."""
    return same_value(dim, gold["value"], pred["value"]) or (
        "value_alt" in gold and same_value(dim, gold["value_alt"], pred["value"]))


def match(gold_items, gold_occ, preds):
    """Maximum matching of predictions to annotated items by overlap (Kuhn's augmenting paths,
    larger overlaps tried first). Returns a list of (pred index, gold index)."""
    edges: list[list[int]] = []
    for p in preds:
        scored = []
        for gi, occs in enumerate(gold_occ):
            best = max((min(b, p["end"]) - max(a, p["start"]) for a, b in occs), default=0)
            if best > 0:
                scored.append((-best, gi))
        edges.append([gi for _, gi in sorted(scored)])
    owner: dict[int, int] = {}

    def augment(pi: int, seen: set[int]) -> bool:
        for gi in edges[pi]:
            if gi in seen:
                continue
            seen.add(gi)
            if gi not in owner or augment(owner[gi], seen):
                owner[gi] = pi
                return True
        return False

    for pi in range(len(preds)):
        augment(pi, set())
    return sorted((pi, gi) for gi, pi in owner.items())


def evaluate(articles, pipeline, verbose: bool = False) -> dict[str, dict[str, dict[str, int]]]:
    """Run the pipeline and count, per dimension and set: pred, gold, matched, value_ok."""
    counts: dict[str, dict[str, dict[str, int]]] = {}
    for art in articles:
        a = art["article"]
        content = a.get("content") or ""
        doc = pipeline.analyze(content, title=a.get("title") or None, author=a.get("author") or None,
                               url=a.get("url") or None, source=a.get("source") or None,
                               published=art["published"], id=art["gid"])
        core = content.strip()
        base = doc.text.find(core)
        if base < 0:
            raise SystemExit(f"{art['gid']}: the article content is not found in the document text")
        lo, hi = base, base + len(core)
        boiler = [(s["start"], s["end"]) for s in doc.boilerplate]
        for dim in ("times", "quantities"):
            golds = art[dim]
            occ = []
            for g in golds:
                o = _occurrences(core, g.get("surface") or g["text"], base)
                if not o:
                    print(f"warning: {art['gid']} {dim} text not in content: {g['text']!r}", file=sys.stderr)
                occ.append(o)
            preds = [p for p in getattr(doc, dim)
                     if lo <= p["start"] and p["end"] <= hi
                     and not any(a_ <= p["start"] and p["end"] <= b_ for a_, b_ in boiler)
                     and not (dim == "quantities" and p.get("kind") == "ordinal")]
            pairs = match(golds, occ, preds)
            ok = sum(value_ok(dim, golds[gi], preds[pi]) for pi, gi in pairs)
            for key in (art["set"], "all"):
                c = counts.setdefault(dim, {}).setdefault(key, {"pred": 0, "gold": 0, "matched": 0, "value_ok": 0})
                c["pred"] += len(preds)
                c["gold"] += len(golds)
                c["matched"] += len(pairs)
                c["value_ok"] += ok
            if verbose:
                mp = {pi for pi, _ in pairs}
                mg = {gi for _, gi in pairs}
                for pi, gi in pairs:
                    if not value_ok(dim, golds[gi], preds[pi]):
                        print(f"  VALUE {art['gid']} {dim}: {preds[pi]['text']!r} -> {preds[pi]['value']!r}, "
                              f"gold {golds[gi]['text']!r} = {golds[gi]['value']!r}")
                for pi, p in enumerate(preds):
                    if pi not in mp:
                        print(f"  FP    {art['gid']} {dim}: {p['text']!r} = {p['value']!r} ({p.get('rule')})")
                for gi, g in enumerate(golds):
                    if gi not in mg:
                        print(f"  FN    {art['gid']} {dim}: {g['text']!r} = {g['value']!r}")
    return counts


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def report(counts) -> None:
    """Print precision, recall and value accuracy per dimension and set."""
    for dim in ("times", "quantities"):
        for key in ("gold_dev", "own", "own-heldout", "all"):
            c = counts.get(dim, {}).get(key)
            if not c:
                continue
            print(f"{dim:<10} {key:<11} annotated={c['gold']:<4} predicted={c['pred']:<4} matched={c['matched']:<4} "
                  f"precision={_ratio(c['matched'], c['pred'])} recall={_ratio(c['matched'], c['gold'])} "
                  f"value_accuracy={_ratio(c['value_ok'], c['matched'])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true", help="list false positives, misses and wrong values")
    ap.add_argument("--only", choices=["gold", "own"], help="score only gold_dev or only our annotations")
    ap.add_argument("--stages", default=None, help="comma-separated extractor stages (default: all, the full pipeline)")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"error: shared data not found at {SHARED}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from hadath import Pipeline, Settings

    settings = Settings() if not args.stages else Settings(stages=tuple(args.stages.split(",")))
    articles = load_articles(args.only)
    counts = evaluate(articles, Pipeline(settings), verbose=args.verbose)
    n = {k: sum(1 for a in articles if a["set"] == k) for k in ("gold_dev", "own", "own-heldout")}
    print(f"articles: gold_dev={n['gold_dev']} own={n['own']} own-heldout={n['own-heldout']}")
    report(counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
