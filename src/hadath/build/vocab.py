"""Build the word-frequency vocabulary used by clitic segmentation (and common-word filters).

Reads the SaudiNewsNet zips in ``../shared/data/news/saudinewsnet/`` (CC BY-NC-SA 4.0,
research use: only word counts are kept, no text), counts normalised word forms
(:func:`hadath.text.normalize.normalize_word`) and writes the forms seen at least
``min_count`` times to ``src/hadath/data/text/vocab.tsv.gz`` as ``form<TAB>count``
lines, most frequent first. A header line ``# inputs-sha1 <hash>`` records the inputs.

Run: ``python -m hadath.build vocab [--shared PATH]``.
"""
from __future__ import annotations

import collections
import gzip
import hashlib
import json
import re
import zipfile
from pathlib import Path

__all__ = ["build_vocab", "inputs_hash", "VOCAB_PATH"]

VOCAB_PATH = Path(__file__).resolve().parents[1] / "data" / "text" / "vocab.tsv.gz"
_WORD = re.compile(r"[\u0621-\u064A]{2,}")


def inputs_hash(shared: Path) -> str:
    """SHA-1 over the names and sizes of the SaudiNewsNet zips (str, 40 hex digits)."""
    h = hashlib.sha1()
    for p in sorted((shared / "news" / "saudinewsnet").glob("*.zip")):
        h.update(f"{p.name}:{p.stat().st_size}\n".encode())
    return h.hexdigest()


def build_vocab(shared: Path, out: Path = VOCAB_PATH, min_count: int = 3) -> int:
    """Count normalised Arabic word forms over SaudiNewsNet and write the vocabulary.

    Args:
        shared: Path of ``../shared/data``.
        out: Output ``.tsv.gz`` path.
        min_count: Minimum corpus count for a form to be kept.

    Returns:
        Number of forms written.

    Raises:
        FileNotFoundError: If no SaudiNewsNet zip is found.
    """
    from hadath.text.normalize import normalize_word

    zips = sorted((shared / "news" / "saudinewsnet").glob("*.zip"))
    if not zips:
        raise FileNotFoundError(f"no SaudiNewsNet zips under {shared / 'news' / 'saudinewsnet'}")
    counts: collections.Counter[str] = collections.Counter()
    for zp in zips:
        with zipfile.ZipFile(zp) as z:
            for name in z.namelist():
                for art in json.loads(z.read(name)):
                    text = normalize_word(f"{art.get('title') or ''}\n{art.get('content') or ''}")
                    counts.update(_WORD.findall(text))
    out.parent.mkdir(parents=True, exist_ok=True)
    kept = [(w, c) for w, c in counts.most_common() if c >= min_count]
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"# inputs-sha1 {inputs_hash(shared)}\n")
        for w, c in kept:
            f.write(f"{w}\t{c}\n")
    return len(kept)
