"""Event detection quality on the OEDA Arabic gold standard (dev half): ASSAULT and PROTEST.

For each labelled sentence the event coder runs alone (no other stage, unless
``--entities``) on the sentence as a one-sentence document. A sentence is
predicted positive when the coder finds an event of the type that is neither
negated nor hypothetical. Label "yes" is positive, "easy no" and "difficult no"
negative, "ambiguous" left out. Prints precision, recall, F1 per type (and per
negative kind), then source-actor code accuracy on the span files: the gold
code is the majority (country, sector) of the annotators' source roles; ours is
the actor (country, sector) of the first event of the type.

Usage: ``python evaluation/events_gsr.py [--data DIR] [--entities] [--errors N]``
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def make_coder(with_entities: bool):
    """Return ``code(text) -> list[event]`` using the events stage (and optionally entities)."""
    from hadath.document import Document
    from hadath.extract.events import EventCoder
    from hadath.pipeline import State
    from hadath.settings import Settings

    settings = Settings()
    coder = EventCoder(settings)
    ent = None
    if with_entities:
        from hadath.extract.entities import EntityExtractor

        ent = EntityExtractor(settings)

    def code(text: str):
        doc = Document(text=text)
        doc.sentences = [doc.span(0, len(text))]
        doc.paragraphs = [doc.span(0, len(text))]
        st = State(doc=doc, settings=settings)
        if ent is not None:
            ent(st)
        coder(st)
        return doc.events

    return code


#: Events below this confidence do not count as a detection (chosen on dev: see --sweep).
MIN_CONFIDENCE = 0.9


def _pos(events, typ: str, min_conf: float = MIN_CONFIDENCE) -> bool:
    return any(e["type"] == typ and not e["negated"] and not e["hypothetical"] and (e["confidence"] or 0) >= min_conf
               for e in events)


def detection(code, data: Path, typ: str, errors: int = 0, min_conf: float = MIN_CONFIDENCE) -> dict:
    """Per-sentence detection figures for one type on ``<type>_gsr.csv``."""
    rows = list(csv.DictReader((data / f"{typ.lower()}_gsr.csv").open(encoding="utf-8")))
    tp = fp = fn = tn = 0
    fp_by = collections.Counter()
    errs = []
    t0 = time.perf_counter()
    n = 0
    for r in rows:
        lab = r["label"].strip()
        if lab == "ambiguous":
            continue
        n += 1
        evs = code(r["text"])
        pred = _pos(evs, typ, min_conf)
        gold = lab == "yes"
        if pred and gold:
            tp += 1
        elif pred:
            fp += 1
            fp_by[lab] += 1
            if lab == "difficult no" and r.get("accept") == r.get("reject"):
                fp_by["tie"] += 1  # as many annotators accepted as rejected
            errs.append(("FP", lab, r["text"], [(e["type"], e["rule"], e["trigger"]["text"]) for e in evs]))
        elif gold:
            fn += 1
            errs.append(("FN", lab, r["text"], [(e["type"], e["rule"], e["trigger"]["text"]) for e in evs]))
        else:
            tn += 1
    dt = time.perf_counter() - t0
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    for kind, lab, text, evs in errs[:errors]:
        print(f"  {kind} [{lab}] {text[:160]}\n      {evs}")
    fp2 = fp - fp_by["difficult no"]  # the same figures with "difficult no" (one annotator said yes) left out
    p2 = tp / (tp + fp2) if tp + fp2 else 0.0
    f12 = 2 * p2 * rc / (p2 + rc) if p2 + rc else 0.0
    return {"type": typ, "n": n, "tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": p, "recall": rc, "f1": f1,
            "precision_wo_difficult": p2, "f1_wo_difficult": f12,
            "fp_easy_no": fp_by["easy no"], "fp_difficult_no": fp_by["difficult no"], "fp_tie": fp_by["tie"],
            "seconds": dt}


def _gold_role(spans) -> tuple[str | None, str | None] | None:
    votes = collections.Counter()
    for s in spans:
        r = s.get("source_role")
        if not isinstance(r, dict) or not r:
            continue
        main = None if r.get("main") in (None, "None") else r["main"]
        role = None if r.get("role") in (None, "None") else r["role"]
        if main is None and role is None:
            continue
        votes[(main, role)] += 1
    return votes.most_common(1)[0][0] if votes else None


def _pred_role(actor) -> tuple[str | None, str | None]:
    code = actor.get("code") or ""
    country = actor.get("country") or (code[:3] if len(code) >= 3 and code[:3] not in _SECTORS else None)
    sector = actor.get("sector") or (code[3:6] if len(code) >= 6 else (code if code in _SECTORS else None))
    return country, sector


_SECTORS = {"GOV", "MIL", "COP", "SPY", "REB", "CVL", "JUD", "LEG", "OPP", "PTY", "EDU", "MED", "BUS", "LAB",
            "REL", "REF", "UAF", "CRM", "ACT", "HLH", "AGR", "IGO", "IMG", "INS", "ELI", "NGO", "ISM"}


def actor_accuracy(code, data: Path, typ: str) -> dict:
    """Source-actor code accuracy on ``<type>_spans.json`` (sentences with a gold source code)."""
    recs = json.loads((data / f"{typ.lower()}_spans.json").read_text("utf-8"))
    n = coded = exact = main_ok = role_ok = 0
    for r in recs:
        gold = _gold_role(r.get("spans") or [])
        if gold is None:
            continue
        n += 1
        evs = [e for e in code(r["text"]) if e["type"] == typ and e["actor"]]
        if not evs:
            continue
        coded += 1
        pm, pr = _pred_role(evs[0]["actor"])
        exact += (pm, pr) == gold
        main_ok += pm == gold[0]
        role_ok += pr == gold[1]
    return {"type": typ, "with_gold_source": n, "coded_with_actor": coded,
            "exact": exact / n if n else 0.0, "country": main_ok / n if n else 0.0, "sector": role_ok / n if n else 0.0,
            "exact_when_coded": exact / coded if coded else 0.0}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "events" / "oeda_gsr_dev")
    ap.add_argument("--entities", action="store_true", help="run the entity stage before the coder")
    ap.add_argument("--errors", type=int, default=0, help="print the first N errors per type")
    ap.add_argument("--min-confidence", type=float, default=MIN_CONFIDENCE)
    ap.add_argument("--sweep", action="store_true", help="print F1 over a range of confidence thresholds")
    a = ap.parse_args(argv)
    if not a.data.is_dir():
        print(f"events_gsr: data folder {a.data} not found", file=sys.stderr)
        return 2
    code = make_coder(a.entities)
    print(f"OEDA Arabic GSR dev ({a.data}); coder{' + entities' if a.entities else ' alone'}")
    if a.sweep:
        for typ in ("ASSAULT", "PROTEST"):
            for th in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
                d = detection(code, a.data, typ, 0, th)
                print(f"  sweep {typ} >= {th:.2f}: P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f}")
    print(f"detection counts events with confidence >= {a.min_confidence}, not negated, not hypothetical")
    for typ in ("ASSAULT", "PROTEST"):
        d = detection(code, a.data, typ, a.errors, a.min_confidence)
        print(f"{typ:8s} detection  P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f}  "
              f"(n={d['n']} tp={d['tp']} fp={d['fp']} [easy no {d['fp_easy_no']}, difficult no {d['fp_difficult_no']}] "
              f"fn={d['fn']}; {d['n'] / d['seconds']:.0f} sentences/s)")
        print(f"{'':8s} without the 'difficult no' sentences: P={d['precision_wo_difficult']:.3f} "
              f"F1={d['f1_wo_difficult']:.3f}; {d['fp_tie']} of the difficult-no false positives are ties "
              f"(as many annotators accepted as rejected)")
    for typ in ("ASSAULT", "PROTEST"):
        s = actor_accuracy(code, a.data, typ)
        print(f"{typ:8s} source actor: exact {s['exact']:.3f}, country {s['country']:.3f}, sector {s['sector']:.3f} "
              f"over {s['with_gold_source']} sentences with a gold source code "
              f"({s['coded_with_actor']} coded with an actor; exact when coded {s['exact_when_coded']:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
