"""Quality figures of the structure stage (metadata, boilerplate) on ../shared/data.

Prints:
* gold_dev (12 hand-annotated articles): exact-match accuracy of headline, author list and
  dateline place against ``annotations/<id>.json`` ``metadata``;
* a fixed sample of SaudiNewsNet articles (default 2,000, seed 7): how many get a dateline
  place, authors, a publication time (and from which source), boilerplate spans by reason,
  span-invariant errors, and articles/s of the structure stage alone.

Run: ``python evaluation/structure_metadata.py [--n 2000]``.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time
import zipfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000, help="SaudiNewsNet articles to sample")
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args(argv)
    if not args.shared.is_dir():
        print(f"structure_metadata: shared data not found at {args.shared}", file=sys.stderr)
        return 2
    from hadath import Pipeline, Settings
    from hadath.document import check_spans

    pipe = Pipeline(Settings(stages=()))
    strip = " \t\r\n\u00a0\u200b\u200e\u200f\ufeff"

    # -- gold_dev ---------------------------------------------------------------------------
    root = args.shared / "gold_dev"
    ok = collections.Counter()
    n = 0
    for f in sorted((root / "articles").glob("*.json")):
        a = json.loads(f.read_text("utf-8"))
        g = json.loads((root / "annotations" / f.name).read_text("utf-8"))["metadata"]
        md = pipe.analyze(a["content"], title=a["title"] or None, author=a["author"] or None,
                          source=a["source"], url=a["url"]).metadata
        n += 1
        ok["headline"] += (md["headline"] or {}).get("text") == g["headline"].strip(strip)
        ok["authors"] += [x["text"] for x in md["authors"]] == g["authors"]
        ok["dateline_place"] += (md["dateline"] or {}).get("place") == g["dateline_place"]
    print(f"gold_dev metadata ({n} articles): " + ", ".join(f"{k} {v}/{n}" for k, v in ok.items()))

    # -- SaudiNewsNet sample ----------------------------------------------------------------
    arts = []
    for z in sorted((args.shared / "news" / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                arts.extend(json.loads(zf.read(name)))
    arts = [a for a in arts if a["content"].strip()]
    sample = random.Random(7).sample(arts, min(args.n, len(arts)))
    c = collections.Counter()
    reasons = collections.Counter()
    sources = collections.Counter()
    t0 = time.perf_counter()
    for a in sample:
        doc = pipe.analyze(a["content"], title=a["title"] or None, author=a["author"] or None,
                           source=a["source"], url=a["url"])
        d = doc.to_dict()
        c["docs"] += 1
        c["span_errors"] += len(check_spans(d))
        md = d["metadata"]
        c["dateline"] += md["dateline"] is not None
        c["dateline_place"] += bool(md["dateline"] and md["dateline"]["place"])
        c["authors"] += bool(md["authors"])
        c["author_field"] += bool((a["author"] or "").strip())
        c["published"] += md["published"]["value"] is not None
        sources[md["published"]["source"]] += 1
        c["headline_eq_title"] += bool(a["title"].strip(strip)) and (md["headline"] or {}).get("text") == a["title"].strip(strip)
        c["with_title"] += bool(a["title"].strip(strip))
        for b in d["boilerplate"]:
            reasons[b["reason"]] += 1
        c["warnings"] += bool(d["warnings"])
    dt = time.perf_counter() - t0
    N = c["docs"]
    print(f"SaudiNewsNet sample: {N} articles, {N / dt:.0f} articles/s (ingest+structure+segment)")
    print(f"  span invariant errors: {c['span_errors']}")
    print(f"  headline == title: {c['headline_eq_title']}/{c['with_title']}")
    print(f"  dateline: {c['dateline']} ({c['dateline'] / N:.1%}), with a place: {c['dateline_place']} ({c['dateline_place'] / N:.1%})")
    print(f"  authors: {c['authors']} ({c['authors'] / N:.1%}); articles with an author field: {c['author_field']}")
    print(f"  published: {c['published']} ({c['published'] / N:.1%}) by source: {dict(sources)}")
    print(f"  boilerplate spans by reason: {dict(reasons.most_common())}")
    print(f"  documents with warnings: {c['warnings']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
