"""Score predicted attributions against gold annotations (speaker precision / recall).

Gold items follow ``gold_dev/GUIDE.md``: ``{"speaker", "cue", "content_start",
"direct", ...}`` with surface strings and no offsets. Matching:

1. Each gold item is anchored at the first unused occurrence of its
   ``content_start`` in the document text (normalised search; the first three
   words are tried when the whole string is not found).
2. The predicted attribution for it is the innermost one whose content span
   contains the anchor (or, for a prediction without content, whose cue ends at
   most 150 code points before it). Each prediction serves one gold item.
3. The pair counts as a true positive when the speakers agree: the normalised
   word sequence of the gold speaker is contained in the predicted speaker's
   text or canonical form, or the other way round (prefixes و/ل/ب before ال are
   ignored, quotes dropped).

A matched pair with the wrong speaker is one false positive and one false
negative. Unmatched predictions are false positives, except a relaying outer
attribution whose nested (inner) attribution was matched; unmatched gold items
are false negatives.

Example:
    >>> doc = {"text": "قال الوزير إن الوضع مستقر.", "attributions": [
    ...   {"id": "a1", "parent": None, "cue": {"start": 0, "end": 3, "text": "قال"},
    ...    "speaker": {"start": 4, "end": 10, "text": "الوزير", "canonical": "الوزير"},
    ...    "content": {"start": 14, "end": 25, "text": "الوضع مستقر"}}]}
    >>> score_attributions(doc, [{"speaker": "الوزير", "cue": "قال", "content_start": "الوضع مستقر"}])
    (1, 0, 0)
    >>> score_attributions(doc, [{"speaker": "الرئيس", "cue": "قال", "content_start": "الوضع"}])
    (0, 1, 1)
"""
from __future__ import annotations

from typing import Any

from hadath.text.normalize import normalize

__all__ = ["score_attributions", "speaker_matches", "prf"]



def _toks(s: str | None) -> list[str]:
    from hadath.extract.attributions import _canon_tokens

    return _canon_tokens(normalize(s).text) if s else []


def _contains(big: list[str], small: list[str]) -> bool:
    if not small or len(small) > len(big):
        return False
    return any(big[k:k + len(small)] == small for k in range(len(big) - len(small) + 1))


def speaker_matches(pred_speaker: dict[str, Any] | None, gold_speaker: str) -> bool:
    """True when a predicted speaker (span dict with ``text``/``canonical``) agrees with a gold string.

    Example:
        >>> speaker_matches({"text": 'صحيفة "وول ستريت جورنال"', "canonical": None}, "وول ستريت جورنال")
        True
        >>> speaker_matches({"text": "الصحيفة", "canonical": "صحيفة وول ستريت جورنال"}, "الصحيفة")
        True
        >>> speaker_matches(None, "الوزير")
        False
    """
    if not pred_speaker:
        return False
    g = _toks(gold_speaker)
    if not g:
        return False
    for cand in (pred_speaker.get("text"), pred_speaker.get("canonical")):
        p = _toks(cand)
        if p and (_contains(p, g) or _contains(g, p)):
            return True
    return False


def _anchor(ntext: str, content_start: str, used: set[int]) -> int | None:
    needle = normalize(content_start or "").text.strip()
    tries = [needle, " ".join(needle.split()[:3])] if needle else []
    for nd in tries:
        if not nd:
            continue
        pos = ntext.find(nd)
        while pos != -1 and pos in used:
            pos = ntext.find(nd, pos + 1)
        if pos != -1:
            return pos
    return None


def score_attributions(pred_doc_dict: dict[str, Any], gold_list: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Speaker-level true positives, false positives and false negatives for one document.

    Args:
        pred_doc_dict: A ``hadath.document/1`` dict (needs ``text`` and ``attributions``).
        gold_list: The gold ``attributions`` list of one ``gold_dev`` annotation file.

    Returns:
        ``(tp, fp, fn)`` counts (ints).
    """
    norm = normalize(pred_doc_dict["text"])
    ntext = norm.text
    preds = list(pred_doc_dict.get("attributions") or [])
    used_pos: set[int] = set()
    used_pred: set[int] = set()
    matched_ids: set[str] = set()
    tp = fp = fn = 0
    for g in gold_list:
        npos = _anchor(ntext, g.get("content_start", ""), used_pos)
        best = None
        if npos is not None:
            used_pos.add(npos)
            p = norm.raw_offset(npos)
            best_key = None
            for k, a in enumerate(preds):
                if k in used_pred:
                    continue
                c = a.get("content")
                if c is not None and c["start"] - 3 <= p < c["end"]:
                    key = (0, -c["start"])
                elif c is None and a["cue"]["end"] <= p <= a["cue"]["end"] + 150:
                    key = (1, p - a["cue"]["end"])
                else:
                    continue
                if best_key is None or key < best_key:
                    best, best_key = k, key
        if best is None:
            fn += 1
            continue
        used_pred.add(best)
        if speaker_matches(preds[best].get("speaker"), g.get("speaker", "")):
            tp += 1
            matched_ids.add(preds[best].get("id"))
        else:
            fp += 1
            fn += 1
    parents_of_matched = {a.get("parent") for a in preds if a.get("id") in matched_ids and a.get("parent")}
    for k, a in enumerate(preds):
        if k not in used_pred and a.get("id") not in parents_of_matched:
            fp += 1
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined).

    Example:
        >>> [round(x, 3) for x in prf(3, 1, 2)]
        [0.75, 0.6, 0.667]
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
