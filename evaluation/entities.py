"""Document-level entity precision/recall and linking accuracy on ../shared/data/gold_dev/.

For every gold article (``articles/<id>.json``, annotations in ``annotations/<id>.json``) the
article is analysed with the entities stage and the predicted entities with a mention inside the
``content`` field are compared with the gold entities (one per real-world referent):

* a predicted entity matches a gold entity when one of its surface forms (entity text, mention
  texts, ال restored after لل) equals one of the gold forms (text, variants, surface) after
  normalisation (:func:`hadath.text.normalize.normalize_word`);
* precision = matched predicted entities / predicted entities; recall = matched gold entities /
  gold entities (each side counted once per document);
* label accuracy: matched pairs with the same label; linking accuracy: matched pairs whose gold
  ``country`` is set and equals the predicted country; GeoNames accuracy where the gold has a
  ``geonames`` id (the current gold has none); English canonical name and CAMEO code: exact
  agreement where the gold gives one.

Run: ``python evaluation/entities.py [--verbose] [--no-model]`` (prints the figures; reads
../shared/data).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


_HEADS = frozenset(["محافظه", "مدينه", "منطقه", "ولايه", "اقليم", "بلده", "قريه"])


def _forms(values) -> set[str]:
    from hadath.text.normalize import normalize_word

    out = set()
    for v in values:
        if v:
            k = " ".join(normalize_word(v).split())
            out.add(k)
            head, _, rest = k.partition(" ")
            if rest and head in _HEADS:
                out.add(rest)  # محافظة الأنبار ~ الأنبار
    return out


def evaluate(gold_dir: Path, verbose: bool = False, model: bool = True) -> dict[str, float]:
    """Score the entities stage on a gold folder; returns the figures (also printed).

    Args:
        gold_dir: Folder with ``articles/`` and ``annotations/``.
        verbose: Also print false positives, false negatives and country errors.
        model: Use the NER model when it is installed (False: gazetteer and rules only).
    """
    from hadath.pipeline import Pipeline
    from hadath.settings import Settings

    pipe = Pipeline(Settings(stages=("entities",)))
    stage = pipe.stages[0][1]
    if not model:
        stage.model = None
    print(f"NER model: {'on' if stage.model is not None else 'off'}")
    tp_p = n_p = tp_g = n_g = 0
    lab_ok = lab_n = c_ok = c_n = g_ok = g_n = n_ok = n_n = k_ok = k_n = 0
    for ap in sorted((gold_dir / "articles").glob("*.json")):
        art = json.loads(ap.read_text("utf-8"))
        gold = json.loads((gold_dir / "annotations" / ap.name).read_text("utf-8"))
        doc = pipe.analyze(art["content"], url=art.get("url"),
                           published=(art.get("date_extracted") or "")[:10] or None, source=art.get("source"))
        preds = doc.entities
        gents = gold.get("entities", [])
        gforms = [_forms([g["text"], g.get("surface"), *g.get("variants", [])]) for g in gents]
        pforms = []
        for e in preds:
            vals = [e["text"], *[m["text"] for m in e["mentions"]]]
            pforms.append(_forms(vals))
        matched_g: set[int] = set()
        for pi, pf in enumerate(pforms):
            hit = next((gi for gi, gf in enumerate(gforms) if pf & gf), None)
            n_p += 1
            if hit is None:
                if verbose:
                    print(f"  FP {ap.stem}: {preds[pi]['text']} {preds[pi]['label']} ({preds[pi]['rule']})")
                continue
            tp_p += 1
            if hit in matched_g:
                continue
            matched_g.add(hit)
            g, e = gents[hit], preds[pi]
            lab_n += 1
            lab_ok += g["label"] == e["label"]
            if g.get("country"):
                c_n += 1
                c_ok += g["country"] == e["country"]
                if verbose and g["country"] != e["country"]:
                    print(f"  COUNTRY {ap.stem}: {g['text']} gold {g['country']} pred {e['country']}")
            if g.get("geonames"):
                g_n += 1
                g_ok += g["geonames"] == e.get("geonames")
            if g.get("canonical_en"):
                n_n += 1
                n_ok += (e.get("canonical") or "").casefold() == g["canonical_en"].casefold()
            if g.get("cameo"):
                k_n += 1
                k_ok += (e.get("cameo") or "") == g["cameo"]
        n_g += len(gents)
        tp_g += len(matched_g)
        if verbose:
            for gi, g in enumerate(gents):
                if gi not in matched_g:
                    print(f"  FN {ap.stem}: {g['text']} {g['label']}")
    res = {
        "precision": tp_p / n_p if n_p else 0.0,
        "recall": tp_g / n_g if n_g else 0.0,
        "label_accuracy": lab_ok / lab_n if lab_n else 0.0,
        "country_accuracy": c_ok / c_n if c_n else 0.0,
        "geonames_accuracy": g_ok / g_n if g_n else float("nan"),
        "canonical_accuracy": n_ok / n_n if n_n else 0.0,
        "cameo_accuracy": k_ok / k_n if k_n else 0.0,
    }
    p, r = res["precision"], res["recall"]
    res["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    print(f"gold_dev entities: {n_g} gold, {n_p} predicted")
    print(f"document-level entity precision {p:.3f}  recall {r:.3f}  F1 {res['f1']:.3f}")
    print(f"label accuracy {res['label_accuracy']:.3f} (n={lab_n})  country linking accuracy "
          f"{res['country_accuracy']:.3f} (n={c_n})  GeoNames accuracy "
          f"{'n/a' if g_n == 0 else format(res['geonames_accuracy'], '.3f')} (n={g_n})")
    print(f"English canonical name exact {res['canonical_accuracy']:.3f} (n={n_n})  CAMEO code exact "
          f"{res['cameo_accuracy']:.3f} (n={k_n})")
    return res


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold_dev")
    ap.add_argument("--verbose", "-v", action="store_true", help="list false positives and negatives")
    ap.add_argument("--no-model", action="store_true", help="gazetteer and rules only (no NER model)")
    args = ap.parse_args(argv)
    if not (args.gold / "articles").is_dir():
        print(f"evaluation/entities.py: error: gold folder not found at {args.gold}", file=sys.stderr)
        return 2
    evaluate(args.gold, args.verbose, model=not args.no_model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
