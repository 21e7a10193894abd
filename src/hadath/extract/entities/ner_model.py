"""Offline Arabic named-entity recogniser: a BiLSTM tagger (ONNX) by default, and a CRF.

:meth:`NerModel.load` returns the default model shipped in ``hadath/data/ner/``,
the neural tagger :class:`NnNerModel` (trained by ``python -m hadath.train
ner-nn``, :mod:`hadath.train.ner_nn`; run with onnxruntime, no torch needed):

* ``ner_nn.onnx``: BiLSTM over pretrained SaudiNewsNet word vectors (80,000
  words, frozen), stem/clitic/shape embeddings, a character CNN and
  gazetteer features; softmax over BIO tags, BIO-constrained Viterbi;
* ``ner_nn_vocab.json``: its vocabularies (words, stems, clitics, shapes,
  characters, labels).

The linear-chain CRF (python-crfsuite, ``python -m hadath.train ner``,
:mod:`hadath.train.ner`) is kept beside it (:meth:`NerModel.load_crf`):

* ``ner.crfsuite``: the CRF weights (crfsuite binary format),
* ``ner_attributes.txt``: the feature names that carry weight (features
  outside it are not built at run time: a speed-up only),
* ``ner_clusters.tsv``: normalised word -> cluster ids (k = 64, 256, 1024).

Both use ``ner_gazetteer.tsv``: a compact gazetteer, one normalised
(multi-)word name per line with its types (ANERGazet, country names, city
names, nationalities). See ``hadath/data/LICENSES.md`` for the sources and
``evaluation/NER.md`` for the measured accuracy and speed (dev F1 73.2 for
the neural tagger, 70.1 for the CRF).

Tokens are words split from punctuation, clitics still attached (the
ANERcorp convention). Tags are BIO over ANERcorp's types PERS, LOC, ORG and
MISC. :meth:`NerModel.predict_spans` maps them to PER, LOC, ORG and MISC.

CRF features (computed once per word type and cached, so tagging runs at tens
of thousands of tokens per second on one core): normalised form, prefixes and
suffixes, clitic split (و ف ب ل ك ال لل), stem, shape, word clusters,
gazetteer membership of the word and its stem, gazetteer multi-word matches
(B/I), and the same for the words in a +-2 window, plus word bigrams.

Example:
    >>> m = NerModel.load()  # doctest: +SKIP
    >>> m.predict([["قال", "ماكرون", "في", "باريس"]])  # doctest: +SKIP
    [['O', 'B-PERS', 'O', 'B-LOC']]
"""
from __future__ import annotations

import io
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

__all__ = [
    "NerModel",
    "NerFeaturizer",
    "Gazetteer",
    "ner_norm",
    "split_clitics",
    "read_conll",
    "tag_conll",
    "LABEL_MAP",
]

#: ANERcorp type -> hadath entity label.
LABEL_MAP = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}

MODEL_FILE = "ner.crfsuite"
GAZETTEER_FILE = "ner_gazetteer.tsv"
CLUSTERS_FILE = "ner_clusters.tsv"
ATTRIBUTES_FILE = "ner_attributes.txt"

# --- normalisation --------------------------------------------------------

_TRANS: dict[int, int | str | None] = {
    **{cp: None for cp in range(0x064B, 0x0660)},
    0x0670: None, 0x0640: None, 0x061C: None, 0xFEFF: None,
    **{cp: None for cp in range(0x200B, 0x2010)},
    **{cp: None for cp in range(0x202A, 0x202F)},
    **{cp: None for cp in range(0x2066, 0x206A)},
    ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا",
    ord("ؤ"): "ء", ord("ئ"): "ء", ord("ى"): "ي", ord("ة"): "ه",
    ord("ی"): "ي", ord("ک"): "ك",
    **{0x0660 + i: str(i) for i in range(10)},
    **{0x06F0 + i: str(i) for i in range(10)},
}
_DIGITS = str.maketrans("123456789", "000000000")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def ner_norm(word: str) -> str:
    """Normalise one word for NER features and gazetteer look-up.

    Stricter than :func:`hadath.text.normalize.normalize_word`: presentation
    forms folded (NFKC); diacritics, tatweel and bidi controls removed; أ إ آ ٱ -> ا, ؤ ئ -> ء, ى -> ي,
    ة -> ه; Arabic-Indic digits -> ASCII. Lengths may change (no offsets).

    Args:
        word: One token (str).

    Returns:
        The normalised form (str).

    Example:
        >>> ner_norm("إلى القاهرةِ")
        'الي القاهره'
    """
    if _PRESENTATION.search(word):
        word = unicodedata.normalize("NFKC", word)
    return word.translate(_TRANS)


def split_clitics(n: str) -> tuple[str, str]:
    """Split proclitics off a normalised word (light stemming, no lexicon).

    Strips at most one conjunction (و ف), then one preposition (ب ل ك) and/or
    the article (ال, or لل = ل + ال), keeping a stem of at least 2 letters.
    It over-strips names that begin with those letters (بغداد -> غداد); the
    model weighs it against the whole-word features.

    Args:
        n: A word normalised with :func:`ner_norm`.

    Returns:
        ``(clitics, stem)``; ``clitics + stem == n`` except that ``لل`` gives
        clitics ``"لل"`` and the stem without its article.

    Example:
        >>> split_clitics("وبالعراق")
        ('وبال', 'عراق')
        >>> split_clitics("للتحالف")
        ('لل', 'تحالف')
    """
    cl = ""
    s = n
    if len(s) > 3 and s[0] in "وف":
        cl, s = s[0], s[1:]
    if len(s) > 4 and s.startswith("لل"):
        return cl + "لل", s[2:]
    if len(s) > 3 and s[0] in "بلك":
        cl, s = cl + s[0], s[1:]
    if len(s) > 3 and s.startswith("ال"):
        cl, s = cl + "ال", s[2:]
    return cl, s


def _lookup_forms(n: str) -> list[str]:
    """Forms of a normalised word to look up in the gazetteer (whole word first)."""
    forms = [n]
    s = n
    if len(s) > 3 and s[0] in "وف":
        s = s[1:]
        forms.append(s)
    if len(s) > 4 and s.startswith("لل"):
        forms.append("ال" + s[2:])
        forms.append(s[2:])
    elif len(s) > 3 and s[0] in "بلك":
        forms.append(s[1:])
    return forms


# --- gazetteer ------------------------------------------------------------


@dataclass
class Gazetteer:
    """Multi-word name lists for features, keyed on :func:`ner_norm` forms.

    Attributes:
        entries: ``{first word: [(rest words tuple, types str), ...]}``, the
            rest words sorted longest first.
    """

    entries: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> "Gazetteer":
        """Build from ``"name<TAB>TYPE[,TYPE...]"`` lines (names already normalised).

        Raises:
            ValueError: On a line without a tab.
        """
        entries: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for i, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if "\t" not in line:
                raise ValueError(f"gazetteer line {i}: expected 'name<TAB>types', got {line!r}")
            name, types = line.split("\t", 1)
            words = name.split()
            if not words:
                continue
            entries.setdefault(words[0], []).append((tuple(words[1:]), types))
        for v in entries.values():
            v.sort(key=lambda e: -len(e[0]))
        return cls(entries)

    @classmethod
    def load(cls, path: str | Path) -> "Gazetteer":
        """Read a gazetteer TSV file (UTF-8)."""
        with open(path, encoding="utf-8") as f:
            return cls.from_lines(f)

    def match(self, norms: Sequence[str], forms: Sequence[list[str]]) -> list[list[str]]:
        """Gazetteer features for one sentence.

        Args:
            norms: Normalised words of the sentence.
            forms: For each word, its look-up forms (whole word, clitics
                stripped); forms that are not keys of :attr:`entries` may be
                left out.

        Returns:
            One list per word of features ``"g<B|I|S>=<TYPE>"`` (S: whole name
            in one word; B/I: first/next word of a multi-word name).
        """
        out: list[list[str]] = [[] for _ in norms]
        entries = self.entries
        n = len(norms)
        for i in range(n):
            for f in forms[i]:
                cands = entries.get(f)
                if not cands:
                    continue
                for rest, types in cands:
                    k = len(rest)
                    if k == 0:
                        for t in types.split(","):
                            out[i].append("gS=" + t)
                        continue
                    if i + k < n and tuple(norms[i + 1 : i + 1 + k]) == rest:
                        for t in types.split(","):
                            out[i].append("gB=" + t)
                            for j in range(i + 1, i + 1 + k):
                                out[j].append("gI=" + t)
                        break
        return out


# --- features -------------------------------------------------------------


def _shape(w: str) -> str:
    if w.isdigit():
        return "D"
    if any("\u0621" <= c <= "\u064a" for c in w):
        return "A"
    if w.isalpha():
        return "L"
    if any(c.isdigit() for c in w):
        return "DX"
    return "P"


class NerFeaturizer:
    """Turns sentences (lists of words) into crfsuite feature lists.

    Per word type it caches the word's own features and the prefixed copies
    used as context features of its neighbours.

    Args:
        gazetteer: A :class:`Gazetteer` (may be empty).
        clusters: ``{normalised word: (cluster id per granularity, ...)}``
            (may be empty); see :func:`load_clusters`.
        attributes: If given, only features in this set are emitted (the
            attributes a trained model has weights for; the others would be
            ignored by crfsuite anyway, so this only saves time).
        cache_size: Word types kept in the cache before it is cleared.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        clusters: dict[str, tuple[str, ...]] | None = None,
        attributes: set[str] | frozenset[str] | None = None,
        cache_size: int = 200_000,
    ) -> None:
        self.gaz = gazetteer or Gazetteer()
        self.clusters = clusters or {}
        self.attributes = attributes
        self.cache_size = cache_size
        self._cache: dict[str, tuple] = {}
    def _word(self, w: str) -> tuple:
        n = ner_norm(w)
        nd = n.translate(_DIGITS)
        cl, st = split_clitics(n)
        shape = _shape(n)
        L = len(n)
        own = [
            "w=" + nd,
            "st=" + st,
            "cl=" + cl,
            "sh=" + shape,
            "p2=" + n[:2],
            "p3=" + n[:3],
            "s1=" + n[-1:],
            "s2=" + n[-2:],
            "s3=" + n[-3:],
            "ss2=" + st[-2:],
            "sp2=" + st[:2],
            "len=" + (str(L) if L < 8 else "8+"),
        ]
        gaz_entries = self.gaz.entries
        forms = [f for f in _lookup_forms(n) if f in gaz_entries]
        ctx_m1 = ["-1w=" + nd, "-1st=" + st, "-1s2=" + n[-2:], "-1sh=" + shape]
        ctx_p1 = ["+1w=" + nd, "+1st=" + st, "+1s2=" + n[-2:], "+1sh=" + shape]
        ctx_m2 = ["-2w=" + nd]
        ctx_p2 = ["+2w=" + nd]
        if self.clusters:
            cl_ids = None
            for k, f in enumerate(_lookup_forms(nd)):
                cl_ids = self.clusters.get(f)
                if cl_ids is not None:
                    tag = "" if k == 0 else "s"
                    break
            if cl_ids is None:
                own.append("c=NONE")
            else:
                for j, c in enumerate(cl_ids):
                    own.append(f"{tag}c{j}={c}")
                    ctx_m1.append(f"-1c{j}={c}")
                    ctx_p1.append(f"+1c{j}={c}")
                ctx_m2.append(f"-2c={cl_ids[-1]}")
                ctx_p2.append(f"+2c={cl_ids[-1]}")
        keep = self.attributes
        if keep is not None:
            own, ctx_m1, ctx_p1, ctx_m2, ctx_p2 = (
                [x for x in lst if x in keep] for lst in (own, ctx_m1, ctx_p1, ctx_m2, ctx_p2)
            )
        entry = (n, nd, forms, own, ctx_m1, ctx_p1, ctx_m2, ctx_p2)
        if len(self._cache) >= self.cache_size:
            self._cache.clear()
        self._cache[w] = entry
        return entry

    def features(self, words: Sequence[str]) -> list[list[str]]:
        """Feature lists for one sentence.

        Args:
            words: The tokens of one sentence (str each).

        Returns:
            One list of feature strings per token.
        """
        cache = self._cache
        ents = [cache.get(w) or self._word(w) for w in words]
        n = len(ents)
        if n == 0:
            return []
        if any(e[2] for e in ents):
            gz = self.gaz.match([e[0] for e in ents], [e[2] for e in ents])
        else:
            gz = [()] * n
        keep = self.attributes
        out: list[list[str]] = []
        for i in range(n):
            e = ents[i]
            f = list(e[3])
            g = gz[i]
            if g:
                f += g
            if i > 0:
                p = ents[i - 1]
                f += p[4]
                bg = "bg-=" + p[1] + "|" + e[1]
                if keep is None or bg in keep:
                    f.append(bg)
                for x in gz[i - 1]:
                    f.append("-1" + x)
                if i > 1:
                    f += ents[i - 2][6]
                else:
                    f.append("-2BOS")
            else:
                f.append("BOS")
            if i + 1 < n:
                q = ents[i + 1]
                f += q[5]
                bg = "bg+=" + e[1] + "|" + q[1]
                if keep is None or bg in keep:
                    f.append(bg)
                for x in gz[i + 1]:
                    f.append("+1" + x)
                if i + 2 < n:
                    f += ents[i + 2][7]
                else:
                    f.append("+2EOS")
            else:
                f.append("EOS")
            out.append(f)
        return out


# --- model ----------------------------------------------------------------

_SENT_END = frozenset({".", "!", "؟", "?", "…"})


class NerModel:
    """A loaded CRF NER model.

    Use :meth:`load`; the constructor takes already-built parts.

    Args:
        tagger: An opened ``pycrfsuite.Tagger``.
        featurizer: The :class:`NerFeaturizer` the model was trained with.
        path: Where the weights came from (for messages).
    """

    def __init__(self, tagger, featurizer: NerFeaturizer, path: str = "") -> None:
        self.tagger = tagger
        self.featurizer = featurizer
        self.path = path

    @classmethod
    def load(cls, path: str | Path | None = None) -> "NerModel | NnNerModel":
        """Load the shipped model (or a model directory / model file).

        A directory holding ``ner_nn.onnx`` (the package's, for ``None``)
        gives the neural tagger (:class:`NnNerModel`), the default; an
        ``.onnx`` file too; a ``.crfsuite`` file, or a directory with only
        ``ner.crfsuite``, gives the CRF.

        Args:
            path: ``None`` for the model shipped in ``hadath/data/ner/``; a
                directory; or a ``.crfsuite`` / ``.onnx`` file (its
                gazetteer and vocabulary are looked up beside it).

        Returns:
            A :class:`NerModel` (CRF) or :class:`NnNerModel` (same interface).

        Raises:
            FileNotFoundError: If the model file is absent (the message says how
                to train it).
        """
        if path is None:
            base = Path(str(resources.files("hadath.data").joinpath("ner")))
        else:
            base = Path(path)
        if (base.is_dir() and (base / NN_MODEL_FILE).is_file()) or base.suffix == ".onnx":
            return NnNerModel.load(base)
        return cls.load_crf(base)

    @classmethod
    def load_crf(cls, path: str | Path | None = None) -> "NerModel":
        """Load the CRF model: ``None`` (the package's), a directory, or a ``.crfsuite`` file.

        Raises:
            FileNotFoundError: If the model file is absent.
        """
        import pycrfsuite

        if path is None:
            base = resources.files("hadath.data").joinpath("ner")
            model_path = Path(str(base.joinpath(MODEL_FILE)))
        else:
            p = Path(path)
            model_path = p / MODEL_FILE if p.is_dir() else p
        if not model_path.is_file():
            raise FileNotFoundError(
                f"NER model not found: {model_path} (train it with `python -m hadath.train ner`)"
            )
        gaz_path = model_path.parent / GAZETTEER_FILE
        gaz = Gazetteer.load(gaz_path) if gaz_path.is_file() else Gazetteer()
        cl_path = model_path.parent / CLUSTERS_FILE
        clusters = load_clusters(cl_path) if cl_path.is_file() else {}
        at_path = model_path.parent / ATTRIBUTES_FILE
        attrs = None
        if at_path.is_file():
            with open(at_path, encoding="utf-8") as f:
                attrs = frozenset(line.rstrip("\n") for line in f)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_path))
        return cls(tagger, NerFeaturizer(gaz, clusters, attrs), str(model_path))

    def predict(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tag sentences.

        Args:
            sentences: Sentences, each a list of tokens (words split from
                punctuation, clitics attached).

        Returns:
            For each sentence, one BIO tag per token (``O``, ``B-PERS``,
            ``I-LOC``, ...; types PERS, LOC, ORG, MISC).
        """
        feat = self.featurizer.features
        tag = self.tagger.tag
        return [tag(feat(s)) if s else [] for s in sentences]

    def _tag_with_marginals(self, words: list[str]) -> tuple[list[str], list[float]]:
        t = self.tagger
        t.set(self.featurizer.features(words))
        tags = t.tag()
        probs = [t.marginal(y, i) for i, y in enumerate(tags)]
        return tags, probs

    def predict_spans(
        self, text: str, tokens: Sequence[tuple[int, int]] | Sequence[dict]
    ) -> list[tuple[int, int, str, float]]:
        """Find entity mentions in ``text`` given its token spans.

        The tokens are split into sentence-like chunks at ``. ! ? ؟ …`` tokens
        and each chunk is tagged.

        Args:
            text: The document text.
            tokens: Token spans as ``(start, end)`` pairs or dicts with
                ``start`` and ``end`` (half-open code-point offsets into
                ``text``), in text order.

        Returns:
            ``(start, end, label, confidence)`` per mention, in text order;
            offsets in code points of ``text``, label PER, ORG, LOC or MISC,
            confidence the mean crfsuite marginal probability of the
            mention's tags (0..1).
        """
        spans = [(t["start"], t["end"]) if isinstance(t, dict) else (t[0], t[1]) for t in tokens]
        out: list[tuple[int, int, str, float]] = []
        chunk: list[int] = []

        def flush() -> None:
            if not chunk:
                return
            words = [text[spans[k][0] : spans[k][1]] for k in chunk]
            tags, probs = self._tag_with_marginals(words)
            for a, b, typ in bio_spans(tags):
                conf = sum(probs[a:b]) / (b - a)
                out.append((spans[chunk[a]][0], spans[chunk[b - 1]][1], LABEL_MAP.get(typ, typ), round(conf, 4)))
            chunk.clear()

        for k, (s, e) in enumerate(spans):
            chunk.append(k)
            if text[s:e] in _SENT_END:
                flush()
        flush()
        return out


def load_clusters(path: str | Path) -> dict[str, tuple[str, ...]]:
    """Read word clusters: ``"word<TAB>id<TAB>id..."`` lines (coarse to fine).

    Returns:
        ``{word: (id, ...)}`` with ids as strings.
    """
    out: dict[str, tuple[str, ...]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) > 1:
                out[parts[0]] = tuple(parts[1:])
    return out


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans of a BIO tag sequence, CoNLL style.

    An ``I-X`` after ``O`` or after another type starts a new entity (as in
    conlleval).

    Args:
        tags: BIO tags.

    Returns:
        ``(start, end, type)`` token spans, end exclusive.

    Example:
        >>> bio_spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC"])
        [(0, 2, 'PERS'), (3, 4, 'LOC'), (4, 5, 'LOC')]
    """
    out: list[tuple[int, int, str]] = []
    start = -1
    typ = ""
    for i, t in enumerate(tags):
        if t == "O" or not t:
            if start >= 0:
                out.append((start, i, typ))
            start = -1
            continue
        pre, _, ty = t.partition("-")
        if pre == "B" or start < 0 or ty != typ:
            if start >= 0:
                out.append((start, i, typ))
            start, typ = i, ty
    if start >= 0:
        out.append((start, len(tags), typ))
    return out


# --- CoNLL files ----------------------------------------------------------


def read_conll(lines: Iterable[str], source: str = "<input>") -> list[tuple[list[str], list[str]]]:
    """Parse "token TAG" lines (blank line between sentences).

    Columns are split on whitespace; the first is the token and the last the
    tag (a line with one column gets tag ``O``).

    Args:
        lines: Text lines.
        source: Name used in error messages.

    Returns:
        ``[(tokens, tags), ...]`` per sentence.
    """
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    for line in lines:
        parts = line.split()
        if not parts:
            if toks:
                sents.append((toks, tags))
                toks, tags = [], []
            continue
        toks.append(parts[0])
        tags.append(parts[-1] if len(parts) > 1 else "O")
    if toks:
        sents.append((toks, tags))
    return sents


def tag_conll(in_path: str, out_path: str, model: "NerModel | None" = None) -> int:
    """Tag a CoNLL file: read "token TAG" lines, write "token GOLD PRED" lines.

    Args:
        in_path: Input path, or ``"-"`` for stdin (UTF-8).
        out_path: Output path, or ``"-"`` for stdout.
        model: A loaded model (default: the shipped one).

    Returns:
        The number of tokens tagged.

    Raises:
        ValueError: If the input cannot be read as UTF-8 (one-line message
            naming the input).
        FileNotFoundError: If the input file or the model is absent.
    """
    model = model or NerModel.load()
    try:
        if in_path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(in_path, "rb") as f:
                data = f.read()
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{in_path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    sents = read_conll(text.splitlines(), in_path)
    preds = model.predict([s[0] for s in sents])
    buf = io.StringIO()
    n = 0
    for (toks, gold), pred in zip(sents, preds):
        for t, g, p in zip(toks, gold, pred):
            buf.write(f"{t} {g} {p}\n")
            n += 1
        buf.write("\n")
    if out_path == "-":
        sys.stdout.write(buf.getvalue())
        sys.stdout.flush()
    else:
        with open(out_path, "w", encoding="utf-8") as f:
            f.write(buf.getvalue())
    return n


# --- neural tagger (BiLSTM, ONNX) ------------------------------------------

NN_MODEL_FILE = "ner_nn.onnx"
NN_VOCAB_FILE = "ner_nn_vocab.json"
#: Gazetteer feature columns of the neural tagger's input (``g<S|B|I>=<TYPE>``).
NN_GAZ_FEATURES = tuple(f"g{p}={t}" for t in ("LOC", "ORG", "PERS", "NAT") for p in "SBI")
NN_MAX_CHARS = 16


class NnFeaturizer:
    """Turns sentences into the integer/float arrays of the neural tagger.

    Per token: id of its normalised form (digits -> 0) in the pretrained
    word-vector vocabulary (falling back to its clitic-stripped look-up
    forms), id of its clitic-stripped stem and of its clitic string in the
    training vocabularies, shape id, gazetteer features (multi-hot over
    :data:`NN_GAZ_FEATURES`) and the first :data:`NN_MAX_CHARS` letters of
    the normalised form as character ids. Id 0 is padding, 1 unknown.

    Args:
        vocab: ``{"words": [...], "stems": [...], "clitics": [...],
            "shapes": [...], "chars": [...], "labels": [...]}`` (lists of
            strings; the first two entries of the id lists are padding and
            unknown).
        gazetteer: A :class:`Gazetteer` (may be empty).
    """

    def __init__(self, vocab: dict, gazetteer: Gazetteer | None = None, cache_size: int = 200_000) -> None:
        self.vocab = vocab
        self.gaz = gazetteer or Gazetteer()
        self.words = {w: i for i, w in enumerate(vocab["words"])}
        self.stems = {w: i for i, w in enumerate(vocab["stems"])}
        self.clitics = {w: i for i, w in enumerate(vocab["clitics"])}
        self.shapes = {w: i for i, w in enumerate(vocab["shapes"])}
        self.chars = {w: i for i, w in enumerate(vocab["chars"])}
        self.labels = list(vocab["labels"])
        self.gaz_index = {f: i for i, f in enumerate(NN_GAZ_FEATURES)}
        self.cache_size = cache_size
        self._cache: dict[str, tuple] = {}
        self._cnn = None
        cnn = vocab.get("char_cnn")
        if cnn:
            import numpy as np

            w = np.asarray(cnn["weight"], dtype=np.float32)  # (filters, char_dim, width)
            self._cnn = (np.asarray(cnn["emb"], dtype=np.float32),
                         np.ascontiguousarray(w.transpose(2, 1, 0).reshape(-1, w.shape[0])),
                         np.asarray(cnn["bias"], dtype=np.float32), w.shape[2])

    def char_vector(self, char_ids: Sequence[int]):
        """The character CNN's output for one word (models exported with ``char_cnn``).

        Same computation as the training graph's character CNN: embeddings of the
        :data:`NN_MAX_CHARS` character ids (0 = padding, a zero row), a 1-d
        convolution over them (zero-padded at both ends), ReLU, max over positions.

        Returns:
            float32 numpy array ``(filters,)``.
        """
        import numpy as np

        emb, wr, bias, width = self._cnn
        x = emb[np.asarray(char_ids)]
        half = width // 2
        xp = np.concatenate([np.zeros((half, x.shape[1]), np.float32), x, np.zeros((half, x.shape[1]), np.float32)])
        cols = np.concatenate([xp[k : k + len(x)] for k in range(width)], axis=1)
        return np.maximum(cols @ wr + bias, 0).max(axis=0)

    def _word(self, w: str) -> tuple:
        n = ner_norm(w)
        nd = n.translate(_DIGITS)
        cl, st = split_clitics(nd)
        wid = 1
        for f in _lookup_forms(nd):
            j = self.words.get(f)
            if j is not None:
                wid = j
                break
        chars = [self.chars.get(c, 1) for c in nd[:NN_MAX_CHARS]]
        chars += [0] * (NN_MAX_CHARS - len(chars))
        forms = [f for f in _lookup_forms(n) if f in self.gaz.entries]
        entry = (
            n, forms, wid, self.stems.get(st, 1), self.clitics.get(cl, 1),
            self.shapes.get(_shape(n), 1), chars, self.char_vector(chars) if self._cnn else None,
        )
        if len(self._cache) >= self.cache_size:
            self._cache.clear()
        self._cache[w] = entry
        return entry

    def arrays(self, sentences: Sequence[Sequence[str]]):
        """Input arrays for sentences of one and the same length ``T``.

        Args:
            sentences: ``B`` sentences of ``T`` tokens each (``T`` >= 1).

        Returns:
            ``{"ids": int64 (B, T, 4), "gaz": float32 (B, T, G), "chars":
            int64 (B, T, NN_MAX_CHARS)}`` (numpy arrays) with ids = word,
            stem, clitic, shape.
        """
        return self._arrays(sentences, charvec=False)

    def arrays_padded(self, sentences: Sequence[Sequence[str]]):
        """Like :meth:`arrays` for sentences of any lengths, right-padded to the longest.

        Args:
            sentences: ``B`` non-empty sentences (lists of token strings).

        Returns:
            The same dict as :meth:`arrays` with ``T`` = the longest length;
            padding positions have id 0 everywhere and no gazetteer features.
            With a ``char_cnn`` vocabulary, ``charvec`` (float32 ``(B, T, filters)``,
            :meth:`char_vector` of each word, cached per word type) replaces ``chars``.
        """
        return self._arrays(sentences, charvec=self._cnn is not None)

    def _arrays(self, sentences: Sequence[Sequence[str]], charvec: bool):
        """Right-padded input arrays (see :meth:`arrays_padded`); ``charvec``: CNN outputs instead of char ids."""
        import numpy as np

        B, T = len(sentences), max(len(s) for s in sentences)
        ids = np.zeros((B, T, 4), dtype=np.int64)
        gaz = np.zeros((B, T, len(NN_GAZ_FEATURES)), dtype=np.float32)
        cnn = charvec
        if cnn:
            chars = np.zeros((B, T, self._cnn[1].shape[1]), dtype=np.float32)
        else:
            chars = np.zeros((B, T, NN_MAX_CHARS), dtype=np.int64)
        cache = self._cache
        gi = self.gaz_index
        for b, words in enumerate(sentences):
            ents = [cache.get(w) or self._word(w) for w in words]
            n = len(ents)
            ids[b, :n] = [e[2:6] for e in ents]
            chars[b, :n] = [e[7] for e in ents] if cnn else [e[6] for e in ents]
            if any(e[1] for e in ents):
                for t, fs in enumerate(self.gaz.match([e[0] for e in ents], [e[1] for e in ents])):
                    for f in fs:
                        j = gi.get(f)
                        if j is not None:
                            gaz[b, t, j] = 1.0
        return {"ids": ids, "gaz": gaz, ("charvec" if cnn else "chars"): chars}


def bio_allowed(labels: Sequence[str]):
    """Transition mask for BIO decoding: ``I-X`` only after ``B-X`` or ``I-X``.

    Returns:
        ``(start_ok, trans_ok)`` numpy bool arrays of shapes ``(L,)`` and ``(L, L)``.
    """
    import numpy as np

    L = len(labels)
    start = np.array([not lab.startswith("I-") for lab in labels])
    trans = np.ones((L, L), dtype=bool)
    for j, lab in enumerate(labels):
        if lab.startswith("I-"):
            for i, prev in enumerate(labels):
                trans[i, j] = prev[2:] == lab[2:] and prev != "O"
    return start, trans


def viterbi_bio(logp, start_ok, trans_ok, lengths=None, crf=None):
    """Best BIO-consistent label sequence of per-token log-probabilities.

    Args:
        logp: float array ``(B, T, L)`` of per-token label scores (log-probabilities).
        start_ok: ``(L,)`` bool; trans_ok: ``(L, L)`` bool (see :func:`bio_allowed`).
        lengths: Optional int array ``(B,)``: sentence ``b`` has ``lengths[b]``
            tokens and the positions after them are padding (ignored); ``None``
            when every row has ``T`` tokens.
        crf: Optional ``(start, trans, end)`` float arrays of shapes ``(L,)``,
            ``(L, L)``, ``(L,)``: learned transition scores of a CRF output
            layer, added to the scores (forbidden BIO moves stay forbidden).

    Returns:
        int array ``(B, T)`` of label indices (values at padding positions are unspecified).

    Without CRF scores the transitions only forbid moves, so a sentence whose
    per-token argmax is already valid BIO is its own best path: only the other
    rows go through the dynamic programme (same result, far fewer steps).

    Example:
        >>> import numpy as np
        >>> s, t = bio_allowed(["O", "B-LOC", "I-LOC"])
        >>> lp = np.log(np.array([[[0.2, 0.3, 0.5], [0.2, 0.2, 0.6], [0.9, 0.05, 0.05]]]))
        >>> viterbi_bio(lp, s, t, lengths=np.array([2])).tolist()
        [[1, 2, 2]]
    """
    import numpy as np

    B, T, L = logp.shape
    if crf is None:
        greedy = logp.argmax(axis=2)
        ok = start_ok[greedy[:, 0]]
        if T > 1:
            step_ok = trans_ok[greedy[:, :-1], greedy[:, 1:]]
            if lengths is not None:
                step_ok |= np.arange(1, T)[None, :] >= np.asarray(lengths)[:, None]
            ok &= step_ok.all(axis=1)
        if ok.all():
            return greedy
        bad = np.flatnonzero(~ok)
        greedy[bad] = _viterbi(logp[bad], start_ok, trans_ok,
                               None if lengths is None else np.asarray(lengths)[bad], None)
        return greedy
    return _viterbi(logp, start_ok, trans_ok, lengths, crf)


def _viterbi(logp, start_ok, trans_ok, lengths, crf):
    """The dynamic programme of :func:`viterbi_bio` over every row."""
    import numpy as np

    B, T, L = logp.shape
    neg = np.float32(-1e9)
    trans = np.where(trans_ok, np.float32(0), neg)
    start = np.where(start_ok, np.float32(0), neg)
    end = np.zeros(L, dtype=np.float32)
    if crf is not None:
        trans = trans + crf[1]
        start = start + crf[0]
        end = end + crf[2]
    score = start + logp[:, 0]
    back = np.zeros((B, T, L), dtype=np.int64)
    ident = np.arange(L)
    for t in range(1, T):
        cand = score[:, :, None] + trans[None]
        arg = cand.argmax(axis=1)
        new = cand.max(axis=1) + logp[:, t]
        if lengths is not None:
            live = (t < lengths)[:, None]
            arg = np.where(live, arg, ident)
            new = np.where(live, new, score)
        back[:, t] = arg
        score = new
    out = np.zeros((B, T), dtype=np.int64)
    out[:, T - 1] = (score + end).argmax(axis=1)
    rows = np.arange(B)
    for t in range(T - 1, 0, -1):
        out[:, t - 1] = back[rows, t, out[:, t]]
    return out


class NnNerModel:
    """A loaded neural NER tagger (BiLSTM exported to ONNX, run with onnxruntime).

    Same interface as :class:`NerModel` (:meth:`predict`, :meth:`predict_spans`).
    Models exported with a ``rev`` input (per-sentence reversal indices for
    the backward LSTM) take right-padded batches: sentences are sorted by
    length and tagged :attr:`batch` at a time, and a sentence's tags do not
    depend on its neighbours (padding never reaches a real token in either
    direction). Older exports without ``rev`` are tagged in groups of equal
    length. One onnxruntime thread. When the vocabulary file holds ``crf``
    scores (a CRF output layer), Viterbi adds them.

    Args:
        session: An ``onnxruntime.InferenceSession`` of ``ner_nn.onnx``.
        featurizer: The :class:`NnFeaturizer` with the model's vocabularies.
        path: Where the weights came from (for messages).
    """

    #: Sentences per model call, at most.
    batch = 64
    #: Tokens per model call, at most (a call's memory grows by about 6.5 KB a token).
    max_call_tokens = 4096
    #: Longest token run given to the model; a longer one (a text with no full stop) is cut
    #: into runs of this many tokens, so one call never holds a whole unpunctuated text.
    max_run = 200

    def __init__(self, session, featurizer: NnFeaturizer, path: str = "") -> None:
        import numpy as np

        self.session = session
        self.featurizer = featurizer
        self.path = path
        self.labels = featurizer.labels
        self._start_ok, self._trans_ok = bio_allowed(self.labels)
        self._padded = "rev" in {i.name for i in session.get_inputs()}
        crf = featurizer.vocab.get("crf")
        self._crf = None if not crf else (
            np.asarray(crf["start"], dtype=np.float32), np.asarray(crf["trans"], dtype=np.float32),
            np.asarray(crf["end"], dtype=np.float32))

    @classmethod
    def load(cls, path: str | Path | None = None) -> "NnNerModel":
        """Load ``ner_nn.onnx`` from the package or a directory (or the file itself).

        Raises:
            FileNotFoundError: If the model or its vocabulary file is absent.
        """
        import json

        import onnxruntime as ort

        if path is None:
            model_path = Path(str(resources.files("hadath.data").joinpath("ner").joinpath(NN_MODEL_FILE)))
        else:
            p = Path(path)
            model_path = p / NN_MODEL_FILE if p.is_dir() else p
        voc_path = model_path.parent / NN_VOCAB_FILE
        for f in (model_path, voc_path):
            if not f.is_file():
                raise FileNotFoundError(
                    f"NER model file not found: {f} (train it with `python -m hadath.train ner-nn`)"
                )
        with open(voc_path, encoding="utf-8") as f:
            vocab = json.load(f)
        gaz_path = model_path.parent / GAZETTEER_FILE
        gaz = Gazetteer.load(gaz_path) if gaz_path.is_file() else Gazetteer()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        sess = ort.InferenceSession(str(model_path), opts, providers=["CPUExecutionProvider"])
        return cls(sess, NnFeaturizer(vocab, gaz), str(model_path))

    def _tag(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        import numpy as np

        out: list = [None] * len(sentences)
        groups: list[list[int]] = []
        nonempty = [i for i, s in enumerate(sentences) if s]
        for i, s in enumerate(sentences):
            if not s:
                out[i] = ([], [])
        if self._padded:
            # sorted by length, cut so that padding adds at most 30% to a batch's tokens
            nonempty.sort(key=lambda i: len(sentences[i]))
            cur: list[int] = []
            total = 0
            for i in nonempty:
                n = len(sentences[i])
                if cur and (len(cur) >= self.batch or n * (len(cur) + 1) > 1.3 * (total + n)
                            or n * (len(cur) + 1) > self.max_call_tokens):
                    groups.append(cur)
                    cur, total = [], 0
                cur.append(i)
                total += n
            if cur:
                groups.append(cur)
        else:
            by_len: dict[int, list[int]] = {}
            for i in nonempty:
                by_len.setdefault(len(sentences[i]), []).append(i)
            groups = [idx[k : k + step] for n, idx in by_len.items()
                      for step in [max(1, min(self.batch, self.max_call_tokens // n))]
                      for k in range(0, len(idx), step)]
        labels = self.labels
        for part in groups:
            sents = [sentences[i] for i in part]
            lengths = np.array([len(x) for x in sents], dtype=np.int64)
            if self._padded:
                a = self.featurizer.arrays_padded(sents)
                T = a["ids"].shape[1]
                t = np.arange(T)[None, :]
                a["rev"] = np.where(t < lengths[:, None], lengths[:, None] - 1 - t, t)
                logp = self.session.run(None, a)[0]
                best = viterbi_bio(logp, self._start_ok, self._trans_ok, lengths, self._crf)
            else:
                a = self.featurizer.arrays(sents)
                logp = self.session.run(None, a)[0]
                best = viterbi_bio(logp, self._start_ok, self._trans_ok, None, self._crf)
            probs = np.exp(np.take_along_axis(logp, best[..., None], axis=2)[..., 0]).tolist()
            best = best.tolist()
            for j, i in enumerate(part):
                n = lengths[j]
                out[i] = ([labels[y] for y in best[j][:n]], probs[j][:n])
        return out

    def predict(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tag sentences (see :meth:`NerModel.predict`)."""
        return [t for t, _ in self._tag(sentences)]

    def predict_spans(
        self, text: str, tokens: Sequence[tuple[int, int]] | Sequence[dict]
    ) -> list[tuple[int, int, str, float]]:
        """Find entity mentions (see :meth:`NerModel.predict_spans`).

        Confidence is the mean softmax probability of the mention's tags (0..1).
        """
        return self.predict_spans_many(text, [tokens])

    def predict_spans_many(
        self, text: str, runs: Sequence[Sequence[tuple[int, int]] | Sequence[dict]]
    ) -> list[tuple[int, int, str, float]]:
        """:meth:`predict_spans` over several token runs of one text, tagged in one batched call.

        A run is cut after each sentence-end token and after every :attr:`max_run`
        tokens (only a text with no full stop has runs that long), and a model call
        holds at most :attr:`max_call_tokens` tokens, so memory stays bounded whatever
        the text.

        Args:
            text: The document text.
            runs: Token runs (each a sequence of ``(start, end)`` code-point spans or token dicts).

        Returns:
            ``[(start, end, label, confidence)]`` over all runs, in run order.
        """
        spans: list[tuple[int, int]] = []
        chunks: list[list[int]] = []
        for tokens in runs:
            chunks.append([])
            for t in tokens:
                s, e = (t["start"], t["end"]) if isinstance(t, dict) else (t[0], t[1])
                chunks[-1].append(len(spans))
                spans.append((s, e))
                if text[s:e] in _SENT_END or len(chunks[-1]) >= self.max_run:
                    chunks.append([])
        chunks = [c for c in chunks if c]
        tagged = self._tag([[text[spans[k][0] : spans[k][1]] for k in c] for c in chunks])
        out: list[tuple[int, int, str, float]] = []
        for c, (tags, probs) in zip(chunks, tagged):
            for a, b, typ in bio_spans(tags):
                conf = sum(probs[a:b]) / (b - a)
                out.append((spans[c[a]][0], spans[c[b - 1]][1], LABEL_MAP.get(typ, typ), round(conf, 4)))
        return out
