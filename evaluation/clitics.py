"""Clitic segmentation accuracy on UD Arabic-PUD multiword tokens.

Prints word-level accuracy of :class:`hadath.text.clitics.Segmenter` against the
gold splits of ``../shared/data/ud/ar_pud-ud-test.conllu`` (CC BY-SA 3.0). UD does
not split the article ال, so our article segment is joined back to its stem before
comparing. Usage: ``python evaluation/clitics.py [--shared PATH]``.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from hadath.text.clitics import Segmenter
from hadath.text.normalize import normalize_word

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def gold_words(path: Path):
    """Yield ``(surface, [segments])`` for every word of the treebank.

    PUD writes clitics as separate tokens joined by ``SpaceAfter=No``; consecutive
    Arabic-letter tokens joined that way form one written word.
    """
    arabic = re.compile(r"[\u0621-\u065F\u0670]+")
    parts: list[str] = []
    glue = False
    for line in path.open(encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            if parts:
                yield "".join(parts), parts
            parts, glue = [], False
            continue
        cols = line.rstrip("\n").split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form = cols[1]
        if glue and parts and arabic.fullmatch(form):
            parts.append(form)
        else:
            if parts:
                yield "".join(parts), parts
            parts = [form] if arabic.fullmatch(form) else []
        glue = "SpaceAfter=No" in cols[9]
    if parts:
        yield "".join(parts), parts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args()
    seg = Segmenter.load()
    total = ok = mwt = mwt_ok = 0
    for surface, parts in gold_words(args.shared / "ud" / "ar_pud-ud-test.conllu"):
        if not re.fullmatch(r"[\u0621-\u065F\u0670]+", surface):
            continue
        gold = [normalize_word(p) for p in parts]
        pred = seg.segment(normalize_word(surface), surface.endswith("ة"))
        joined: list[str] = []
        for s in pred:
            if joined and joined[-1] == "ال":
                # UD writes ل + ال as ل + لX (no restored alef)
                art = "ل" if len(joined) > 1 and joined[-2] == "ل" and "لل" in normalize_word(surface) else "ال"
                joined[-1] = art + s
            else:
                joined.append(s)
        # we restore ta marbuta before an enclitic (حكومتهم -> حكومه + هم); UD keeps the surface ت
        if len(joined) > 1 and len(gold) == len(joined) and gold[-2].endswith("ت") and joined[-2] == gold[-2][:-1] + "ه":
            joined[-2] = gold[-2]
        total += 1
        ok += joined == gold
        if len(parts) > 1:
            mwt += 1
            mwt_ok += joined == gold
    print(f"UD Arabic-PUD words: {total}; segmentation accuracy {ok / total:.3f}")
    print(f"multiword tokens (clitic splits): {mwt}; accuracy {mwt_ok / mwt:.3f}")


if __name__ == "__main__":
    main()
