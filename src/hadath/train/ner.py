"""Train the shipped Arabic NER model (CRF) from ``../shared/data/ner``.

Run ``python -m hadath.train ner`` (options: ``--help``). It

1. reads the corpora (:func:`load_corpora`):

   * ANERcorp, train part (``anercorp_train.conll``), split into train and
     dev by :func:`dev_split` (no document boundaries in the file, so
     contiguous blocks of 200 sentences; every 10th block, index 9, 19, ...,
     is dev);
   * AQMAR (28 Wikipedia articles; malformed tags normalised by
     :func:`normalize_aqmar_tag`; ``MIS*`` -> MISC) and the Wojood sample
     (nested; :func:`wojood_outer_tags` keeps the outermost
     PERS/ORG/GPE/LOC/FAC/EVENT/CURR/PRODUCT/WEBSITE span): available with
     ``--sources``, but not in the default, since they lowered dev F1
     (``evaluation/NER.md``).

   NewsFANE is NOT used: it is ANERcorp itself re-annotated (its first
   sentence is ANERcorp's first sentence; 2,699 of its 4,760 sentences equal
   sentences of ``anercorp_train.conll`` letter for letter), so it also holds
   the held-back ANERcorp test sentences and our dev sentences; training on
   it would leak both.
2. compiles the feature gazetteer (:func:`build_gazetteer`) into
   ``hadath/data/ner/ner_gazetteer.tsv`` and word clusters from
   SaudiNewsNet (:func:`build_clusters`, needs numpy) into
   ``ner_clusters.tsv``;
3. trains a CRF (L-BFGS with elastic-net, python-crfsuite) and writes
   ``hadath/data/ner/ner.crfsuite`` and ``ner_attributes.txt``;
4. prints entity-level precision/recall/F1 on the dev split.

Training is deterministic: L-BFGS has no randomness, and ``--seed`` drives
only the cluster SVD/k-means and ``--subsample``. About 4 minutes and 1.7 GB
peak memory on a 2-core machine.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

from hadath.extract.entities.ner_model import (
    ATTRIBUTES_FILE,
    _DIGITS as _DIGITS_T,
    CLUSTERS_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    Gazetteer,
    NerFeaturizer,
    NerModel,
    bio_spans,
    load_clusters,
    ner_norm,
    read_conll,
)

Sentence = tuple[list[str], list[str]]

ROOT = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("HADATH_SHARED_DATA", ROOT.parent / "shared" / "data"))
PACKAGE_NER_DIR = Path(__file__).resolve().parents[1] / "data" / "ner"

BLOCK = 200
DEV_EVERY = 10
DEV_INDEX = 9


# --- corpora --------------------------------------------------------------


def _read(path: Path) -> list[Sentence]:
    with open(path, encoding="utf-8-sig") as f:
        return read_conll(f, str(path))


def load_anercorp(data: Path = SHARED) -> list[Sentence]:
    """ANERcorp train part as ``[(tokens, tags)]`` (tags B/I-PERS, LOC, ORG, MISC)."""
    return _read(data / "ner" / "anercorp_train.conll")


def dev_split(sents: Sequence[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """Split ANERcorp into (train, dev) by contiguous blocks of sentences.

    The file has no document markers, so documents are approximated by
    blocks of 200 consecutive sentences (about 6,000 tokens, several news
    stories); block ``b`` is dev when ``b % 10 == 9``.

    Args:
        sents: Sentences in file order.

    Returns:
        ``(train, dev)`` lists, order kept.

    Example:
        >>> tr, dv = dev_split([([str(i)], ["O"]) for i in range(4000)])
        >>> len(tr), len(dv), dv[0][0]
        (3600, 400, ['1800'])
    """
    train: list[Sentence] = []
    dev: list[Sentence] = []
    for i, s in enumerate(sents):
        (dev if (i // BLOCK) % DEV_EVERY == DEV_INDEX else train).append(s)
    return train, dev


def normalize_aqmar_tag(tag: str) -> str:
    """Map an AQMAR tag (some malformed) to the ANERcorp tag set.

    Example:
        >>> [normalize_aqmar_tag(t) for t in ["B-MIS1`", "I--ORG", "OO", "B-PER", "B-ENGLISH", "B-MISS1"]]
        ['B-MISC', 'I-ORG', 'O', 'B-PERS', 'O', 'B-MISC']
    """
    t = tag.strip().upper()
    if len(t) < 3 or t[0] not in "BI" or t[1] != "-":
        return "O"
    typ = t[2:].strip("-`' ")
    if typ.startswith("MIS"):
        typ = "MISC"
    elif typ.startswith("PER"):
        typ = "PERS"
    elif typ not in ("LOC", "ORG"):
        return "O"
    return t[0] + "-" + typ


def load_aqmar(data: Path = SHARED, misc: bool = True) -> list[Sentence]:
    """AQMAR sentences with normalised tags (``misc=False`` turns MISC into O)."""
    out: list[Sentence] = []
    for p in sorted((data / "ner" / "aqmar").glob("*.txt")):
        for toks, tags in _read(p):
            tags = [normalize_aqmar_tag(t) for t in tags]
            if not misc:
                tags = ["O" if t.endswith("MISC") else t for t in tags]
            out.append((toks, tags))
    return out


#: Wojood type -> ANERcorp type (others, e.g. NORP, OCC, DATE, are O as in ANERcorp).
WOJOOD_MAP = {
    "PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "EVENT": "MISC", "CURR": "MISC", "PRODUCT": "MISC", "WEBSITE": "MISC",
}


def wojood_outer_tags(tag_lists: Sequence[Sequence[str]]) -> list[str]:
    """Flatten Wojood's nested tags: outermost mapped span wins.

    Args:
        tag_lists: For each token, its tags (``B-X``/``I-X`` of every level).

    Returns:
        One flat BIO tag per token in the ANERcorp tag set.

    Example:
        >>> wojood_outer_tags([["B-OCC"], ["I-OCC", "B-ORG"], ["I-OCC", "I-ORG"], ["O"]])
        ['O', 'B-ORG', 'I-ORG', 'O']
    """
    n = len(tag_lists)
    spans = []
    open_: dict[str, int] = {}
    for i, tags in enumerate(list(tag_lists) + [[]]):
        cur = {}
        for t in tags:
            if len(t) > 2 and t[1] == "-":
                cur[t[2:]] = t[0]
        for typ in list(open_):
            if cur.get(typ) != "I":
                spans.append((open_.pop(typ), i, typ))
        for typ, pre in cur.items():
            if pre == "B" or typ not in open_:
                if typ in open_:
                    spans.append((open_.pop(typ), i, typ))
                open_[typ] = i
    out = ["O"] * n
    taken = [False] * n
    for a, b, typ in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        m = WOJOOD_MAP.get(typ)
        if not m or any(taken[a:b]):
            continue
        for j in range(a, b):
            taken[j] = True
            out[j] = ("B-" if j == a else "I-") + m
    return out


def load_wojood(data: Path = SHARED) -> list[Sentence]:
    """The Wojood sample (train, val and test files), flattened; ``$#$`` markers dropped."""
    out: list[Sentence] = []
    for name in ("train.txt", "val.txt", "test.txt"):
        p = data / "ner" / "wojood_sample" / name
        if not p.is_file():
            continue
        toks: list[str] = []
        tls: list[list[str]] = []
        with open(p, encoding="utf-8-sig") as f:
            for line in list(f) + [""]:
                parts = line.split()
                if not parts:
                    if toks:
                        out.append((toks, wojood_outer_tags(tls)))
                        toks, tls = [], []
                    continue
                if parts[0] == "$#$":
                    continue
                toks.append(parts[0])
                tls.append(parts[1:])
    return out


def load_corpora(data: Path = SHARED, aqmar_misc: bool = True) -> dict[str, list[Sentence]]:
    """All training material: ``{"train", "dev", "aqmar", "wojood"}`` sentence lists."""
    train, dev = dev_split(load_anercorp(data))
    return {
        "train": train,
        "dev": dev,
        "aqmar": load_aqmar(data, misc=aqmar_misc),
        "wojood": load_wojood(data),
    }


# --- gazetteer ------------------------------------------------------------


def _nat_forms(entry: dict) -> set[str]:
    forms = set()
    for k in ("male", "males", "female", "females", "the_male", "the_female"):
        v = entry.get(k)
        if v:
            forms.add(v)
    m = entry.get("male")
    if m and m.endswith("ي"):
        for suf in ("ون", "ين", "ة", "ات"):
            forms.add(m + suf)
            forms.add("ال" + m + suf)
    return forms


def build_gazetteer(data: Path = SHARED, corpus_names: Sequence[Sentence] = ()) -> list[str]:
    """Compile the feature gazetteer lines ``"name<TAB>TYPES"`` (sorted, unique).

    Sources: ANERGazet (LOC, ORG, PERS), mledoze country names in Arabic and
    arwikicats nationality country names (LOC), arwikicats city names (LOC),
    arwikicats nationalities in their nisba forms (NAT). Names are
    normalised with :func:`ner_norm`; one-letter words and names longer than
    five words are dropped.
    """
    types: dict[str, set[str]] = {}

    def add(name: str, typ: str) -> None:
        words = ner_norm(name).replace("(", " ").replace(")", " ").split()
        if not words or len(words) > 5 or (len(words) == 1 and len(words[0]) < 2):
            return
        if not all(any("\u0621" <= c <= "\u064a" for c in w) for w in words):
            return
        types.setdefault(" ".join(words), set()).add(typ)

    gz = data / "ner" / "anergazet"
    for fname, typ in (("loc.txt", "LOC"), ("org.txt", "ORG"), ("pers.txt", "PERS")):
        with open(gz / fname, encoding="utf-8-sig") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("="):
                    add(line, typ)
    g = data / "gazetteer"
    with open(g / "mledoze_countries.json", encoding="utf-8") as f:
        for c in json.load(f):
            ara = c.get("translations", {}).get("ara", {})
            for k in ("common", "official"):
                if ara.get(k):
                    add(ara[k], "LOC")
    with open(g / "arwikicats_nationalities.json", encoding="utf-8") as f:
        for e in json.load(f).values():
            if e.get("ar"):
                add(e["ar"], "LOC")
            for form in _nat_forms(e):
                add(form, "NAT")
    with open(g / "arwikicats_cities_en_ar.json", encoding="utf-8") as f:
        for ar in json.load(f).values():
            if isinstance(ar, str):
                add(ar, "LOC")
    for toks, tags in corpus_names:
        for a, b, typ in bio_spans(tags):
            if typ in ("PERS", "LOC", "ORG"):
                add(" ".join(toks[a:b]), typ)
    return [f"{k}\t{','.join(sorted(v))}" for k, v in sorted(types.items())]


# --- word clusters ----------------------------------------------------------


def iter_saudinewsnet(data: Path = SHARED) -> Iterable[str]:
    """Yield title and content strings of every SaudiNewsNet article (zip order)."""
    import zipfile

    for p in sorted((data / "news" / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(p) as z:
            for name in sorted(z.namelist()):
                for a in json.loads(z.read(name)):
                    for k in ("title", "content"):
                        if a.get(k):
                            yield a[k]


def build_clusters(
    texts: Iterable[str],
    vocab_size: int = 30000,
    ctx_size: int = 800,
    dim: int = 100,
    ks: Sequence[int] = (64, 256, 1024),
    seed: int = 13,
    min_count: int = 3,
) -> list[str]:
    """Word clusters from raw text: PPMI of left/right neighbours, SVD, k-means.

    Words are :func:`ner_norm` forms with digits mapped to 0. Each of the
    ``vocab_size`` most frequent words is described by positive PMI with the
    ``ctx_size`` most frequent words at offsets -1 and +1 (and, down-weighted,
    -2 and +2), reduced to ``dim`` dimensions by randomised SVD and
    clustered by k-means (k-means++ seeding, ``seed``) for every k in ``ks``.

    Args:
        texts: Raw texts.
        vocab_size: Words to cluster.
        ctx_size: Context words per side.
        dim: SVD dimensions.
        ks: Cluster counts (one column each).
        seed: Random seed (SVD and k-means).
        min_count: Minimum frequency of a clustered word.

    Returns:
        Lines ``"word<TAB>c_k1<TAB>c_k2..."`` sorted by word.

    Requires numpy (training only).
    """
    import numpy as np

    vocab, X = build_word_vectors(texts, vocab_size, ctx_size, dim, seed, min_count)
    rng = np.random.default_rng(seed)
    idx = {w: i for i, w in enumerate(vocab)}
    # the vectors used up the generator's first draws before; replay them so
    # that the shipped clusters stay byte-identical
    rng.standard_normal((4 * min(ctx_size, len(vocab)), dim + 20))
    cols_out = []
    for k in ks:
        cols_out.append(_kmeans(X, k, rng))
    return [w + "\t" + "\t".join(str(int(c[i])) for c in cols_out) for w, i in sorted(idx.items())]


def build_word_vectors(
    texts: Iterable[str],
    vocab_size: int = 30000,
    ctx_size: int = 800,
    dim: int = 100,
    seed: int = 13,
    min_count: int = 3,
):
    """Unit-length word vectors: PPMI of neighbours (offsets -2..+2), randomised SVD.

    Args: as :func:`build_clusters`.

    Returns:
        ``(vocab, X)``: the words (most frequent first, :func:`ner_norm`
        forms, digits -> 0) and a float32 array of shape
        ``(len(vocab), dim)`` with unit-length rows.

    Requires numpy (training only).
    """
    import re

    import numpy as np

    tok_re = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
    counts: Counter = Counter()
    docs: list[list[str]] = []
    for t in texts:
        words = [w.translate(_DIGITS_T) for w in tok_re.findall(ner_norm(t))]
        counts.update(words)
        docs.append(words)
    vocab = [w for w, c in counts.most_common(vocab_size) if c >= min_count]
    idx = {w: i for i, w in enumerate(vocab)}
    V, C = len(vocab), min(ctx_size, len(vocab))
    ids_all = np.fromiter((idx.get(w, -1) for d in docs for w in (d + ["<S>"])), dtype=np.int64)
    del docs
    weights = {-1: 1.0, 1: 1.0, -2: 0.5, 2: 0.5}
    col_base = {-1: 0, 1: C, -2: 2 * C, 2: 3 * C}
    M = np.zeros((V, 4 * C), dtype=np.float32)
    flat = M.reshape(-1)
    for off, w in weights.items():
        if off > 0:
            a, b = ids_all[:-off], ids_all[off:]
        else:
            a, b = ids_all[-off:], ids_all[:off]
        m = (a >= 0) & (b >= 0) & (b < C)
        key = a[m] * (4 * C) + col_base[off] + b[m]
        u, cnt = np.unique(key, return_counts=True)
        flat[u] += cnt.astype(np.float32) * w
        del u, cnt, key, m
    total = float(M.sum())
    rows = M.sum(axis=1, keepdims=True) + 1e-9
    cols = M.sum(axis=0, keepdims=True) ** 0.75
    cols = cols / cols.sum() * total + 1e-9
    with np.errstate(divide="ignore", invalid="ignore"):
        M *= total
        M /= rows
        M /= cols
        np.log(M, out=M)
    np.maximum(M, 0, out=M)
    M[~np.isfinite(M)] = 0
    rng = np.random.default_rng(seed)
    # randomised SVD (Halko et al. 2011), 2 power iterations
    Q = M @ rng.standard_normal((M.shape[1], dim + 20)).astype(np.float32)
    for _ in range(2):
        Q, _r = np.linalg.qr(Q)
        Q = M @ (M.T @ Q)
    Q, _r = np.linalg.qr(Q)
    B = Q.T @ M
    Ub, S, _vt = np.linalg.svd(B, full_matrices=False)
    X = (Q @ Ub[:, :dim]) * np.sqrt(S[:dim])
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9
    del M, Q, B
    return vocab, X.astype(np.float32)


def _kmeans(X, k: int, rng, iters: int = 25):
    """Spherical k-means with k-means++ seeding; returns labels (numpy int array)."""
    import numpy as np

    n = X.shape[0]
    centers = [X[rng.integers(n)]]
    d2 = np.full(n, np.inf, dtype=np.float32)
    for _ in range(1, k):
        d2 = np.minimum(d2, ((X - centers[-1]) ** 2).sum(axis=1))
        centers.append(X[rng.choice(n, p=d2 / d2.sum())])
    Cm = np.stack(centers)
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iters):
        labels = np.argmax(X @ Cm.T, axis=1)
        for j in range(k):
            mem = X[labels == j]
            if len(mem):
                c = mem.sum(axis=0)
                Cm[j] = c / (np.linalg.norm(c) + 1e-9)
    return labels


# --- scoring --------------------------------------------------------------


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, dict[str, float]]:
    """CoNLL entity-level exact-match scores (as conlleval).

    Args:
        gold: Gold BIO tag sequences.
        pred: Predicted BIO tag sequences (same lengths).

    Returns:
        ``{"overall": {...}, "PERS": {...}, ...}`` each with ``precision``,
        ``recall``, ``f1`` (0..1) and counts ``gold``, ``pred``, ``correct``.

    Example:
        >>> score([["B-PERS", "I-PERS", "O"]], [["B-PERS", "O", "O"]])["overall"]["f1"]
        0.0
    """
    g_c: Counter = Counter()
    p_c: Counter = Counter()
    ok: Counter = Counter()
    for g, p in zip(gold, pred):
        gs = set(bio_spans(g))
        ps = set(bio_spans(p))
        for s in gs:
            g_c[s[2]] += 1
        for s in ps:
            p_c[s[2]] += 1
        for s in gs & ps:
            ok[s[2]] += 1

    def prf(c: int, ng: int, np_: int) -> dict[str, float]:
        pr = c / np_ if np_ else 0.0
        rc = c / ng if ng else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {"precision": pr, "recall": rc, "f1": f, "gold": ng, "pred": np_, "correct": c}

    res = {"overall": prf(sum(ok.values()), sum(g_c.values()), sum(p_c.values()))}
    for t in sorted(set(g_c) | set(p_c)):
        res[t] = prf(ok[t], g_c[t], p_c[t])
    return res


def format_scores(res: dict[str, dict[str, float]]) -> str:
    """A small table of :func:`score` results (percentages)."""
    lines = [f"{'type':8} {'prec':>6} {'rec':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for k, v in res.items():
        lines.append(
            f"{k:8} {100 * v['precision']:6.2f} {100 * v['recall']:6.2f} {100 * v['f1']:6.2f}"
            f" {v['gold']:6d} {v['pred']:6d}"
        )
    return "\n".join(lines)


# --- training -------------------------------------------------------------


def train(
    sents: Sequence[Sentence],
    out_dir: Path,
    gazetteer_lines: list[str],
    cluster_lines: list[str] | None = None,
    c1: float = 0.05,
    c2: float = 0.01,
    max_iter: int = 250,
    min_freq: int = 1,
    verbose: bool = False,
) -> NerModel:
    """Train a CRF and write ``ner.crfsuite`` and ``ner_gazetteer.tsv`` to ``out_dir``.

    Args:
        sents: Training sentences ``(tokens, tags)``.
        out_dir: Output directory (created).
        gazetteer_lines: Lines from :func:`build_gazetteer`.
        cluster_lines: Lines from :func:`build_clusters` (``None``: no
            cluster features; an old ``ner_clusters.tsv`` in ``out_dir`` is removed).
        c1: L1 coefficient.
        c2: L2 coefficient.
        max_iter: L-BFGS iterations.
        min_freq: Drop features seen fewer times.
        verbose: Print crfsuite's progress.

    Returns:
        The trained model, loaded from ``out_dir``.
    """
    import pycrfsuite

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / GAZETTEER_FILE).write_text("".join(l + "\n" for l in gazetteer_lines), encoding="utf-8")
    cl_path = out_dir / CLUSTERS_FILE
    clusters: dict[str, tuple[str, ...]] = {}
    if cluster_lines:
        cl_path.write_text("".join(l + "\n" for l in cluster_lines), encoding="utf-8")
        clusters = load_clusters(cl_path)
    elif cl_path.exists():
        cl_path.unlink()
    feat = NerFeaturizer(Gazetteer.from_lines(gazetteer_lines), clusters)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=verbose)
    for toks, tags in sents:
        if toks:
            trainer.append(feat.features(toks), tags)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iter,
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
        }
    )
    tmp = out_dir / (MODEL_FILE + ".tmp")
    trainer.train(str(tmp))
    os.replace(tmp, out_dir / MODEL_FILE)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out_dir / MODEL_FILE))
    attrs = sorted({a for a, _ in tagger.info().state_features})
    tagger.close()
    (out_dir / ATTRIBUTES_FILE).write_text("".join(a + "\n" for a in attrs), encoding="utf-8")
    return NerModel.load(out_dir)


def evaluate(model: NerModel, sents: Sequence[Sentence]) -> dict[str, dict[str, float]]:
    """Score ``model`` on ``sents`` with :func:`score`."""
    preds = model.predict([s[0] for s in sents])
    return score([s[1] for s in sents], preds)


def main(argv: list[str] | None = None) -> int:
    """CLI of ``python -m hadath.train ner``; returns an exit status."""
    ap = argparse.ArgumentParser(prog="python -m hadath.train ner", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=SHARED, help="shared data folder (default ../shared/data)")
    ap.add_argument("--out", type=Path, default=PACKAGE_NER_DIR, help="output folder (default: the package)")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iter", type=int, default=250)
    ap.add_argument("--min-freq", type=int, default=1)
    ap.add_argument("--sources", default="train",
                    help="comma list of train, dev, aqmar, wojood (default: train; AQMAR and Wojood lowered dev F1)")
    ap.add_argument("--no-aqmar-misc", action="store_true", help="AQMAR MISC -> O")
    ap.add_argument("--subsample", type=float, default=1.0, help="fraction of training sentences (exploration)")
    ap.add_argument("--gazetteer-names", default="",
                    help="comma list of corpora (aqmar, wojood) whose tagged names join the gazetteer")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--clusters", default="build",
                    help="'build' (from SaudiNewsNet; needs numpy), 'none', or a clusters TSV to reuse")
    ap.add_argument("--cluster-vocab", type=int, default=30000, help="words to cluster")
    ap.add_argument("--cluster-ks", default="64,256,1024", help="cluster counts, coarse to fine")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    if not (a.data / "ner" / "anercorp_train.conll").is_file():
        print(f"error: {a.data}/ner/anercorp_train.conll not found (use --data)", file=sys.stderr)
        return 2
    t0 = time.time()
    corpora = load_corpora(a.data, aqmar_misc=not a.no_aqmar_misc)
    sents: list[Sentence] = []
    for src in a.sources.split(","):
        if src not in corpora:
            print(f"error: unknown source {src!r}", file=sys.stderr)
            return 2
        sents += corpora[src]
    if a.subsample < 1.0:
        rng = random.Random(a.seed)
        sents = [s for s in sents if rng.random() < a.subsample]
    extra: list[Sentence] = []
    for src in filter(None, a.gazetteer_names.split(",")):
        extra += corpora[src]
    gaz = build_gazetteer(a.data, extra)
    ntok = sum(len(s[0]) for s in sents)
    print(f"training on {len(sents)} sentences, {ntok} tokens; gazetteer {len(gaz)} names", flush=True)
    clusters = None
    if a.clusters == "build":
        try:
            import numpy  # noqa: F401
        except ImportError:
            print("error: building word clusters needs numpy (pip install 'hadath[train]'),"
                  " or pass --clusters none", file=sys.stderr)
            return 2
        t = time.time()
        ks = tuple(int(k) for k in a.cluster_ks.split(","))
        clusters = build_clusters(iter_saudinewsnet(a.data), vocab_size=a.cluster_vocab, ks=ks, seed=a.seed)
        print(f"word clusters: {len(clusters)} words in {time.time() - t:.1f} s", flush=True)
    elif a.clusters != "none":
        try:
            with open(a.clusters, encoding="utf-8") as f:
                clusters = [l.rstrip("\n") for l in f if l.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            print(f"error: --clusters {a.clusters}: {exc}", file=sys.stderr)
            return 2
    model = train(sents, a.out, gaz, clusters, a.c1, a.c2, a.iter, a.min_freq, a.verbose)
    t1 = time.time()
    res = evaluate(model, corpora["dev"])
    print(f"trained in {t1 - t0:.1f} s -> {a.out / MODEL_FILE} ({(a.out / MODEL_FILE).stat().st_size} bytes)")
    print(f"dev ({len(corpora['dev'])} sentences, {sum(len(s[0]) for s in corpora['dev'])} tokens):")
    print(format_scores(res))
    return 0
