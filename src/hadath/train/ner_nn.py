"""Train the neural NER tagger (BiLSTM over word vectors, stems, characters, gazetteer).

This is the shipped default model. Run ``python -m hadath.train ner-nn``
(options: ``--help``; needs the ``train`` extra: numpy, torch, onnx,
onnxruntime). With the defaults (80,000 word vectors, 25 epochs, seed 13,
one torch thread) it writes ``hadath/data/ner/ner_nn.onnx`` and
``ner_nn_vocab.json`` in about 20 minutes on the shared 2-core machine. It

1. reads ANERcorp and splits it as :func:`hadath.train.ner.dev_split` (the
   same dev split as the CRF; AQMAR, Wojood and NewsFANE are not used, see
   ``evaluation/NER.md``);
2. builds 100-d word vectors from SaudiNewsNet
   (:func:`hadath.train.ner.build_word_vectors`: PPMI of neighbours +
   randomised SVD, about 1.5 minutes for 80,000 words (the dense PPMI matrix alone
   takes 1 GB);
   ``--vectors FILE.npz`` reuses ones saved with ``--save-vectors``);
3. trains a tagger with PyTorch on the CPU: frozen pretrained word vectors,
   trainable embeddings of the clitic-stripped stem, clitic string and
   shape, a character CNN, gazetteer features (the CRF's gazetteer), one
   BiLSTM layer and a softmax over BIO tags (decoded with BIO-constrained
   Viterbi at run time);
4. exports it to ONNX (``ner_nn.onnx``) with its vocabularies
   (``ner_nn_vocab.json``) and gazetteer, so that inference needs only
   numpy and onnxruntime (:class:`hadath.extract.entities.ner_model.NnNerModel`);
5. prints dev precision/recall/F1 of the exported model.

Deterministic with ``--seed`` (single-threaded torch by default).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from hadath.extract.entities.ner_model import (
    GAZETTEER_FILE,
    NN_GAZ_FEATURES,
    NN_MAX_CHARS,
    NN_MODEL_FILE,
    NN_VOCAB_FILE,
    Gazetteer,
    NnFeaturizer,
    _DIGITS,
    _PRESENTATION,
    _shape,
    ner_norm,
    split_clitics,
)
from hadath.train.ner import (
    PACKAGE_NER_DIR,
    SHARED,
    build_gazetteer,
    build_word_vectors,
    dev_split,
    format_scores,
    iter_saudinewsnet,
    load_anercorp,
    score,
)

LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


def build_vocab(train_sents, words: list[str], min_count: int = 2) -> dict:
    """Vocabularies of the tagger (see :class:`NnFeaturizer`)."""
    stems: Counter = Counter()
    clitics: Counter = Counter()
    chars: Counter = Counter()
    shapes: Counter = Counter()
    for toks, _ in train_sents:
        for w in toks:
            n = ner_norm(w)
            nd = n.translate(_DIGITS)
            cl, st = split_clitics(nd)
            stems[st] += 1
            clitics[cl] += 1
            chars.update(nd[:NN_MAX_CHARS])
            shapes[_shape(n)] += 1
    def lst(c: Counter, mc: int) -> list[str]:
        return ["<pad>", "<unk>"] + sorted(k for k, v in c.items() if v >= mc)
    # words with presentation-form code points (ornate parentheses ﴾ ﴿ survive
    # NFKC) keep their row but get a name no token can have (lexicon lint)
    words = [w if not _PRESENTATION.search(w) else f"<unused{i + 2}>" for i, w in enumerate(words)]
    return {
        "words": ["<pad>", "<unk>"] + words,
        "stems": lst(stems, min_count),
        "clitics": lst(clitics, 1),
        "shapes": lst(shapes, 1),
        "chars": lst(chars, min_count),
        "labels": LABELS,
    }


def make_model(vocab: dict, vectors, hidden: int = 128, stem_dim: int = 64, char_dim: int = 24,
               char_filters: int = 48, dropout: float = 0.5, tune_words: bool = False):
    """The PyTorch tagger; ``forward(ids, gaz, chars)`` -> log-probabilities ``(B, T, L)``."""
    import numpy as np
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            V, D = len(vocab["words"]), vectors.shape[1]
            w = np.zeros((V, D), dtype=np.float32)
            w[2:] = vectors * np.sqrt(D) / 2  # unit rows -> components ~0.5
            self.word = nn.Embedding.from_pretrained(torch.from_numpy(w), freeze=not tune_words, padding_idx=0)
            self.stem = nn.Embedding(len(vocab["stems"]), stem_dim, padding_idx=0)
            self.clitic = nn.Embedding(len(vocab["clitics"]), 16, padding_idx=0)
            self.shape = nn.Embedding(len(vocab["shapes"]), 8, padding_idx=0)
            self.char = nn.Embedding(len(vocab["chars"]), char_dim, padding_idx=0)
            self.conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
            inp = D + stem_dim + 16 + 8 + char_filters + len(NN_GAZ_FEATURES)
            self.drop = nn.Dropout(dropout)
            self.lstm = nn.LSTM(inp, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, len(vocab["labels"]))

        def embed(self, ids, gaz, chars):
            B, T, C = chars.shape
            c = self.char(chars.reshape(B * T, C)).transpose(1, 2)
            c = torch.relu(self.conv(c)).max(dim=2).values.reshape(B, T, -1)
            x = torch.cat([self.word(ids[..., 0]), self.stem(ids[..., 1]), self.clitic(ids[..., 2]),
                           self.shape(ids[..., 3]), c, gaz], dim=-1)
            return self.drop(x)

        def forward(self, ids, gaz, chars):
            h, _ = self.lstm(self.embed(ids, gaz, chars))
            return torch.log_softmax(self.out(self.drop(h)), dim=-1)

        def forward_packed(self, ids, gaz, chars, lengths):
            from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

            x = self.embed(ids, gaz, chars)
            p = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(p)
            h, _ = pad_packed_sequence(h, batch_first=True, total_length=ids.shape[1])
            return torch.log_softmax(self.out(self.drop(h)), dim=-1)

    return Tagger()


def _batch(feat: NnFeaturizer, sents, label_ix):
    """Padded tensors for a list of (tokens, tags)."""
    import numpy as np
    import torch

    T = max(len(s[0]) for s in sents)
    B = len(sents)
    ids = np.zeros((B, T, 4), dtype=np.int64)
    gaz = np.zeros((B, T, len(NN_GAZ_FEATURES)), dtype=np.float32)
    chars = np.zeros((B, T, NN_MAX_CHARS), dtype=np.int64)
    y = np.full((B, T), -100, dtype=np.int64)
    for b, (toks, tags) in enumerate(sents):
        a = feat.arrays([toks])
        n = len(toks)
        ids[b, :n] = a["ids"][0]
        gaz[b, :n] = a["gaz"][0]
        chars[b, :n] = a["chars"][0]
        y[b, :n] = [label_ix[t] for t in tags]
    lengths = torch.tensor([len(s[0]) for s in sents])
    return torch.from_numpy(ids), torch.from_numpy(gaz), torch.from_numpy(chars), torch.from_numpy(y), lengths


def train(train_sents, dev_sents, vocab, vectors, gaz_lines, out_dir: Path, epochs: int = 12,
          batch: int = 16, lr: float = 2e-3, seed: int = 13, threads: int = 1, hidden: int = 128,
          word_dropout: float = 0.05, tune_words: bool = False, log=print):
    """Train, export ``ner_nn.onnx`` + ``ner_nn_vocab.json`` + gazetteer into ``out_dir``."""
    import numpy as np
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(seed)
    feat = NnFeaturizer(vocab, Gazetteer.from_lines(gaz_lines))
    label_ix = {t: i for i, t in enumerate(vocab["labels"])}
    model = make_model(vocab, vectors, hidden=hidden, tune_words=tune_words)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=lr)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1.0 / (1 + 0.1 * e))
    data = [s for s in train_sents if s[0]]
    # pre-build batches' tensors once per epoch order: sort by length within chunks for speed
    for ep in range(epochs):
        t0 = time.time()
        model.train()
        order = list(range(len(data)))
        rng.shuffle(order)
        chunks = [order[i : i + batch * 20] for i in range(0, len(order), batch * 20)]
        batches = []
        for ch in chunks:
            ch.sort(key=lambda i: len(data[i][0]))
            batches += [ch[i : i + batch] for i in range(0, len(ch), batch)]
        rng.shuffle(batches)
        tot = 0.0
        for bi in batches:
            ids, gaz, chars, y, lengths = _batch(feat, [data[i] for i in bi], label_ix)
            if word_dropout:
                g = torch.Generator().manual_seed(rng.randrange(1 << 30))
                m = (torch.rand(ids.shape[:2], generator=g) < word_dropout) & (ids[..., 1] > 0)
                ids = ids.clone()
                ids[..., 1] = torch.where(m, torch.ones_like(ids[..., 1]), ids[..., 1])
            logp = model.forward_packed(ids, gaz, chars, lengths)
            loss = torch.nn.functional.nll_loss(logp.reshape(-1, logp.shape[-1]), y.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            tot += float(loss.detach()) * len(bi)
        sched.step()
        msg = f"epoch {ep + 1}: loss {tot / len(data):.4f} ({time.time() - t0:.0f} s)"
        if dev_sents:
            res = evaluate_torch(model, feat, dev_sents)
            msg += f"; dev P {100 * res['overall']['precision']:.2f} R {100 * res['overall']['recall']:.2f}" \
                   f" F1 {100 * res['overall']['f1']:.2f}"
        log(msg, flush=True)
    export(model, vocab, gaz_lines, out_dir)
    return model


def evaluate_torch(model, feat: NnFeaturizer, sents):
    """Dev scores of the PyTorch model (same decoding as at run time)."""
    import numpy as np
    import torch

    from hadath.extract.entities.ner_model import bio_allowed, viterbi_bio

    model.eval()
    labels = feat.labels
    start_ok, trans_ok = bio_allowed(labels)
    preds: dict[int, list[str]] = {}
    by_len: dict[int, list[int]] = {}
    for i, (toks, _) in enumerate(sents):
        by_len.setdefault(len(toks), []).append(i)
    with torch.no_grad():
        for T, idx in by_len.items():
            if T == 0:
                for i in idx:
                    preds[i] = []
                continue
            a = feat.arrays([sents[i][0] for i in idx])
            lp = model(torch.from_numpy(a["ids"]), torch.from_numpy(a["gaz"]), torch.from_numpy(a["chars"]))
            best = viterbi_bio(lp.numpy(), start_ok, trans_ok)
            for k, i in enumerate(idx):
                preds[i] = [labels[j] for j in best[k]]
    model.train()
    return score([s[1] for s in sents], [preds[i] for i in range(len(sents))])


def export(model, vocab: dict, gaz_lines, out_dir: Path) -> None:
    """Write ``ner_nn.onnx``, ``ner_nn_vocab.json`` and ``ner_gazetteer.tsv``."""
    import torch

    out_dir.mkdir(parents=True, exist_ok=True)
    model.eval()
    ids = torch.ones((2, 5, 4), dtype=torch.int64)
    gaz = torch.zeros((2, 5, len(NN_GAZ_FEATURES)))
    chars = torch.ones((2, 5, NN_MAX_CHARS), dtype=torch.int64)
    tmp = out_dir / (NN_MODEL_FILE + ".tmp")
    torch.onnx.export(
        model, (ids, gaz, chars), str(tmp), input_names=["ids", "gaz", "chars"], output_names=["logp"],
        dynamic_axes={"ids": {0: "B", 1: "T"}, "gaz": {0: "B", 1: "T"}, "chars": {0: "B", 1: "T"},
                      "logp": {0: "B", 1: "T"}},
        opset_version=17, dynamo=False,
    )
    tmp.replace(out_dir / NN_MODEL_FILE)
    (out_dir / NN_VOCAB_FILE).write_text(json.dumps(vocab, ensure_ascii=False, separators=(",", ":")),
                                         encoding="utf-8")
    (out_dir / GAZETTEER_FILE).write_text("".join(l + "\n" for l in gaz_lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """CLI of ``python -m hadath.train ner-nn``; returns an exit status."""
    ap = argparse.ArgumentParser(prog="python -m hadath.train ner-nn", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=PACKAGE_NER_DIR, help="output folder (default: the package)")
    ap.add_argument("--vectors", default="build", help="'build' or an .npz (vocab, X) saved by --save-vectors")
    ap.add_argument("--save-vectors", default=None)
    ap.add_argument("--vocab-size", type=int, default=80000, help="words with pretrained vectors")
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--tune-words", action="store_true", help="fine-tune the pretrained word vectors")
    a = ap.parse_args(argv)
    try:
        import numpy as np
        import torch  # noqa: F401
    except ImportError:
        print("error: ner-nn needs numpy and torch (pip install 'hadath[train]')", file=sys.stderr)
        return 2
    if not (a.data / "ner" / "anercorp_train.conll").is_file():
        print(f"error: {a.data}/ner/anercorp_train.conll not found (use --data)", file=sys.stderr)
        return 2
    t0 = time.time()
    train_s, dev_s = dev_split(load_anercorp(a.data))
    if a.vectors == "build":
        words, X = build_word_vectors(iter_saudinewsnet(a.data), vocab_size=a.vocab_size, seed=a.seed)
        print(f"word vectors: {len(words)} x {X.shape[1]} in {time.time() - t0:.0f} s", flush=True)
        if a.save_vectors:
            np.savez(a.save_vectors, vocab=np.array(words), X=X)
    else:
        z = np.load(a.vectors)
        words, X = [str(w) for w in z["vocab"]], z["X"]
    gaz = build_gazetteer(a.data)
    vocab = build_vocab(train_s, words)
    print(f"training on {len(train_s)} sentences; vocab words {len(vocab['words'])} stems {len(vocab['stems'])}"
          f" chars {len(vocab['chars'])}", flush=True)
    train(train_s, dev_s, vocab, X, gaz, a.out, epochs=a.epochs, batch=a.batch, lr=a.lr, seed=a.seed,
          threads=a.threads, hidden=a.hidden, tune_words=a.tune_words)
    from hadath.extract.entities.ner_model import NnNerModel

    m = NnNerModel.load(a.out)
    pred = m.predict([s[0] for s in dev_s])
    size = (a.out / NN_MODEL_FILE).stat().st_size
    print(f"done in {time.time() - t0:.0f} s -> {a.out / NN_MODEL_FILE} ({size} bytes)")
    print(f"dev ({len(dev_s)} sentences), exported ONNX model:")
    print(format_scores(score([s[1] for s in dev_s], pred)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
