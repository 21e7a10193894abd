"""Document-level entity precision/recall and linking accuracy on ../shared/data/gold_dev/.

For every gold article (``articles/<id>.json``, annotations in ``annotations/<id>.json``) the
article is analysed with the entities stage and the predicted entities with a mention inside the
``content`` field are compared with the gold entities (one per real-world referent):

* a predicted entity matches a gold entity when one of its surface forms (entity text, mention
  texts, ال restored after لل) equals one of the gold forms (text, variants, surface) after
  normalisation (:func:`hadath.text.normalize.normalize_word`);
* precision = matched predicted entities / predicted entities; recall = matched gold entities /
  gold entities (each side counted once per document; a gold entity is scored for label and
  linking against the first predicted entity that matches it);
* label accuracy: matched pairs with the same label; linking accuracy: matched pairs whose gold
  ``country`` is set and equals the predicted country; English canonical name and CAMEO code:
  exact agreement where the gold gives one.
* GeoNames: the gold has no ids of its own; they come from the hand-checked layer
  ``evaluation/annotations/geonames_gold_dev.json`` (one row per GPE/LOC/FAC gold entity:
  ``{"text", "label", "geonames": int | null, "name_en", "note"}`` under the article id, merged
  by article id + exact gold ``text`` with :func:`merge_geonames`; ``null`` means the place has
  no id in GeoNames cities15000/countryInfo/regionInfo, e.g. a district or a facility). Printed:

  - ``GeoNames accuracy`` (on the existing line): matched pairs whose gold id is set and equals
    the predicted entity's ``geonames`` (n = such pairs; a predicted ``None`` counts as wrong);
  - the same pairs split into right id / wrong id / no id predicted;
  - null gold places: how many were matched, and how many of those hadath gave no id (right) or
    an id (an error: it claims a GeoNames place the gold says is not in the files);
  - overall GeoNames agreement over every matched annotated place (the id, or null, must be equal).

Run: ``python evaluation/entities.py [--verbose] [--no-model] [--geonames PATH]`` (prints the
figures; reads ../shared/data). ``--verbose`` also lists every GeoNames disagreement
(``GEONAMES gid: text gold <id> pred <id> (<predicted canonical>)``).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
#: Hand-checked GeoNames ids of the gold_dev places (see the module docstring).
GEONAMES_GOLD = ROOT / "evaluation" / "annotations" / "geonames_gold_dev.json"


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


def load_geonames_layer(path: Path = GEONAMES_GOLD) -> dict[str, list[dict]]:
    """Read the GeoNames annotation layer.

    Args:
        path: JSON file ``{"format", "method", "licence", "<gid>": [row, ...]}``; each row is
            ``{"text": str, "label": str, "geonames": int | None, "name_en": str, "note": str}``.

    Returns:
        Article id -> its rows (header fields, which are not lists, are left out).

    Raises:
        ValueError: a row lacks ``text`` or ``geonames``, or ``geonames`` is neither int nor null.
        OSError, json.JSONDecodeError: the file cannot be read or parsed.
    """
    data = json.loads(Path(path).read_text("utf-8"))
    out = {}
    for gid, rows in data.items():
        if not isinstance(rows, list):
            continue
        for r in rows:
            gn = r.get("geonames", "missing")
            if "text" not in r or not (gn is None or (isinstance(gn, int) and not isinstance(gn, bool))):
                raise ValueError(f"{path}: {gid}: bad row {r!r} (needs text and geonames int|null)")
        out[gid] = rows
    return out


def merge_geonames(gid: str, entities: list[dict], layer: dict[str, list[dict]]) -> list[dict]:
    """Attach the layer's GeoNames ids to one article's gold entities.

    Args:
        gid: Article id (``seed``, ``snn-00`` ...).
        entities: The gold entities of that article (dicts with ``text``); not modified.
        layer: Output of :func:`load_geonames_layer`.

    Returns:
        Copies of ``entities``; those named in the layer (same exact ``text``) get ``geonames``
        (int or None: "no id") and ``geonames_note``; the others are unchanged (no ``geonames``
        key: not annotated). An article absent from the layer comes back unchanged.

    Raises:
        ValueError: a layer row's text is not a gold entity text of that article (stale layer).

    Example:
        >>> layer = {"a": [{"text": "عدن", "geonames": 415189, "note": "city"}]}
        >>> merge_geonames("a", [{"text": "عدن", "label": "GPE"}, {"text": "هادي"}], layer)
        [{'text': 'عدن', 'label': 'GPE', 'geonames': 415189, 'geonames_note': 'city'}, {'text': 'هادي'}]
    """
    rows = {r["text"]: r for r in layer.get(gid, [])}
    texts = {e["text"] for e in entities}
    missing = [t for t in rows if t not in texts]
    if missing:
        raise ValueError(f"GeoNames layer: article {gid}: {missing} not gold entity texts")
    out = []
    for e in entities:
        e = dict(e)
        r = rows.get(e["text"])
        if r is not None:
            e["geonames"] = r["geonames"]
            e["geonames_note"] = r.get("note", "")
        out.append(e)
    return out


def evaluate(gold_dir: Path, verbose: bool = False, model: bool = True,
             geonames: Path | None = GEONAMES_GOLD) -> dict[str, float]:
    """Score the entities stage on a gold folder; returns the figures (also printed).

    Args:
        gold_dir: Folder with ``articles/`` and ``annotations/``.
        verbose: Also print false positives, false negatives, country and GeoNames errors.
        model: Use the NER model when it is installed (False: gazetteer and rules only).
        geonames: GeoNames layer merged into the gold (:func:`merge_geonames`); None: no layer.

    Raises:
        ValueError: the GeoNames layer does not fit the gold (see :func:`merge_geonames`).
    """
    from hadath.pipeline import Pipeline
    from hadath.settings import Settings

    pipe = Pipeline(Settings(stages=("entities",)))
    stage = pipe.stages[0][1]
    if not model:
        stage.model = None
    print(f"NER model: {'on' if stage.model is not None else 'off'}")
    layer = load_geonames_layer(geonames) if geonames is not None and Path(geonames).is_file() else {}
    tp_p = n_p = tp_g = n_g = 0
    # GeoNames: annotated places (with id / null), id pairs split right/wrong/none, null pairs
    gl_id = gl_null = g_wrong = g_none = z_n = z_ok = 0
    gn_errors: list[str] = []
    lab_ok = lab_n = c_ok = c_n = g_ok = g_n = n_ok = n_n = k_ok = k_n = 0
    for ap in sorted((gold_dir / "articles").glob("*.json")):
        art = json.loads(ap.read_text("utf-8"))
        gold = json.loads((gold_dir / "annotations" / ap.name).read_text("utf-8"))
        doc = pipe.analyze(art["content"], url=art.get("url"),
                           published=(art.get("date_extracted") or "")[:10] or None, source=art.get("source"))
        preds = doc.entities
        gents = merge_geonames(ap.stem, gold.get("entities", []), layer)
        gl_id += sum(1 for g in gents if g.get("geonames") is not None)
        gl_null += sum(1 for g in gents if "geonames" in g and g["geonames"] is None)
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
            if g.get("geonames") is not None:
                g_n += 1
                pg = e.get("geonames")
                if pg == g["geonames"]:
                    g_ok += 1
                else:
                    g_wrong += pg is not None
                    g_none += pg is None
                    gn_errors.append(f"{ap.stem}: {g['text']} gold {g['geonames']} pred {pg} ({e.get('canonical')})")
            elif "geonames" in g:
                z_n += 1
                if e.get("geonames") is None:
                    z_ok += 1
                else:
                    gn_errors.append(f"{ap.stem}: {g['text']} gold None pred {e['geonames']} ({e.get('canonical')})")
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
        "geonames_null_accuracy": z_ok / z_n if z_n else float("nan"),
        "geonames_all_accuracy": (g_ok + z_ok) / (g_n + z_n) if g_n + z_n else float("nan"),
        "geonames_n": g_n, "geonames_null_n": z_n,
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
    if layer:
        def _f(x):
            return "n/a" if x != x else f"{x:.3f}"
        print(f"GeoNames gold layer: {gl_id + gl_null} places annotated ({gl_id} with an id, {gl_null} null); "
              f"matched by a prediction: {g_n} with an id, {z_n} null")
        print(f"GeoNames on gold ids: right {g_ok}, wrong id {g_wrong}, no id predicted {g_none} (n={g_n})")
        print(f"GeoNames on null gold: no id predicted {z_ok} (right), an id predicted {z_n - z_ok} (error); "
              f"null accuracy {_f(res['geonames_null_accuracy'])} (n={z_n})")
        print(f"GeoNames agreement, all matched annotated places (id equal, or both null) "
              f"{_f(res['geonames_all_accuracy'])} (n={g_n + z_n})")
        if verbose:
            for line in gn_errors:
                print(f"  GEONAMES {line}")
    return res


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold_dev")
    ap.add_argument("--verbose", "-v", action="store_true", help="list false positives and negatives")
    ap.add_argument("--no-model", action="store_true", help="gazetteer and rules only (no NER model)")
    ap.add_argument("--geonames", type=Path, default=GEONAMES_GOLD,
                    help="GeoNames id layer merged into the gold (default: %(default)s)")
    args = ap.parse_args(argv)
    if not (args.gold / "articles").is_dir():
        print(f"evaluation/entities.py: error: gold folder not found at {args.gold}", file=sys.stderr)
        return 2
    if not args.geonames.is_file():
        print(f"evaluation/entities.py: error: GeoNames layer not found at {args.geonames}", file=sys.stderr)
        return 2
    try:
        evaluate(args.gold, args.verbose, model=not args.no_model, geonames=args.geonames)
    except (ValueError, json.JSONDecodeError) as exc:
        print(f"evaluation/entities.py: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
