"""Times stage vs dateparser: speed on SaudiNewsNet sentences, resolved dates on the gold set.

1. Speed: the first N (default 2,000) sentences of the first SaudiNewsNet zips
   (articles in file order, content split simply on . ! ? ؟ and newlines,
   sentences of at least 20 characters), each run through
   ``TimeExtractor.extract`` and through
   ``dateparser.search.search_dates(sentence, languages=["ar"])`` with the
   article's ``date_extracted`` as reference. Prints seconds per sentence for
   both and the ratio, and how many sentences each found something in.
2. Resolution: every annotated time with a non-null value in
   ``gold_dev/annotations`` (12 articles) is placed on its first occurrence
   in the article content; a system resolves it right when one of its
   results overlaps that occurrence with the same value. dateparser returns
   datetimes, compared at the gold value's precision (day / minute / month /
   year); it has no durations, weeks or seasons, so those count as misses for
   it. For hadath the item ``value`` must be equal (``:00`` minutes ignored);
   bare clock times are also counted when their ``resolved`` extra equals
   the gold value (printed separately).

Usage:
    python benchmarks/times.py [--sentences 2000] [--zips 3]

Reads ../shared/data (never copied into the repository).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zipfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
_SPLIT = re.compile(r"[.!?؟\n]+")


def load_sentences(n: int, zips: int) -> list[tuple[str, datetime]]:
    """First ``n`` sentences (>= 20 chars) of the first ``zips`` SaudiNewsNet zips, with reference times."""
    out: list[tuple[str, datetime]] = []
    for z in sorted((SHARED / "news" / "saudinewsnet").glob("*.zip"))[:zips]:
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for art in json.loads(zf.read(name)):
                    ref = datetime.fromisoformat(art["date_extracted"].strip().replace(" ", "T"))
                    for s in _SPLIT.split(art.get("content") or ""):
                        s = s.strip()
                        if len(s) >= 20:
                            out.append((s, ref))
                            if len(out) >= n:
                                return out
    return out


def _dp_value(dt: datetime, gold: str) -> str:
    if "T" in gold:
        return dt.strftime("%Y-%m-%dT%H:%M")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold):
        return dt.strftime("%Y-%m-%d")
    if re.fullmatch(r"\d{4}-\d{2}", gold):
        return dt.strftime("%Y-%m")
    if re.fullmatch(r"\d{4}", gold):
        return dt.strftime("%Y")
    return dt.isoformat()


def _same(gold: str, pred: str | None) -> bool:
    return pred is not None and (gold == pred or gold.replace(":00", "") == pred.replace(":00", ""))


def resolution(extractor, search_dates) -> dict[str, int]:
    """Count gold times with a value and how many each system resolves right."""
    counts = {"gold": 0, "hadath": 0, "hadath_with_resolved": 0, "dateparser": 0}
    for f in sorted((SHARED / "gold_dev" / "annotations").glob("*.json")):
        ann = json.loads(f.read_text("utf-8"))
        art = json.loads((SHARED / "gold_dev" / "articles" / f.name).read_text("utf-8"))
        content = art["content"]
        ref = datetime.fromisoformat(art["date_extracted"].strip().replace(" ", "T"))
        ours = extractor.extract(content, ref)
        theirs = search_dates(content, languages=["ar"], settings={"RELATIVE_BASE": ref}) or []
        spans_theirs = []
        pos = 0
        for sub, dt in theirs:  # place dateparser's substrings in order
            i = content.find(sub, pos)
            if i < 0:
                i = content.find(sub)
            if i >= 0:
                spans_theirs.append((i, i + len(sub), dt))
                pos = i + len(sub)
        for g in ann["times"]:
            if g.get("value") is None:
                continue
            a = content.find(g["text"])
            if a < 0:
                continue
            b = a + len(g["text"])
            counts["gold"] += 1
            hits = [t for t in ours if t["start"] < b and a < t["end"]]
            ok = any(_same(g["value"], t["value"]) for t in hits)
            counts["hadath"] += ok
            counts["hadath_with_resolved"] += ok or any(_same(g["value"], t.get("resolved")) for t in hits)
            counts["dateparser"] += any(
                s < b and a < e and _same(g["value"], _dp_value(dt, g["value"])) for s, e, dt in spans_theirs)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--zips", type=int, default=3, help="how many SaudiNewsNet zips to read sentences from")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"error: shared data not found at {SHARED}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("error: dateparser is not installed (pip install dateparser)", file=sys.stderr)
        return 2
    from hadath.extract.times import TimeExtractor

    ex = TimeExtractor(None)
    sents = load_sentences(args.sentences, args.zips)
    search_dates("أمس", languages=["ar"])  # load dateparser's Arabic data before timing

    t0 = time.perf_counter()
    ours = sum(bool(ex.extract(s, ref)) for s, ref in sents)
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    theirs = sum(bool(search_dates(s, languages=["ar"], settings={"RELATIVE_BASE": ref})) for s, ref in sents)
    t_dp = time.perf_counter() - t0
    n = len(sents)
    print(f"sentences: {n} (SaudiNewsNet, first {args.zips} zips)")
    print(f"hadath times:   {1000 * t_ours / n:.3f} ms/sentence, sentences with a time: {ours}")
    print(f"dateparser:     {1000 * t_dp / n:.3f} ms/sentence, sentences with a date: {theirs}")
    print(f"speed ratio (dateparser / hadath): {t_dp / t_ours:.1f}x")
    c = resolution(ex, search_dates)
    print(f"gold_dev times with a value: {c['gold']}")
    print(f"resolved right: hadath {c['hadath']} (with bare clock times on the reference day: "
          f"{c['hadath_with_resolved']}), dateparser {c['dateparser']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
