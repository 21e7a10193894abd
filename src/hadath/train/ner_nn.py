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
from typing import Sequence

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
               char_filters: int = 48, dropout: float = 0.5, tune_words: bool = False, heads: int = 1,
               crf: bool = False):
    """The PyTorch tagger; ``forward(ids, gaz, chars)`` -> log-probabilities ``(B, T, L)``.

    ``heads`` > 1 adds output layers for auxiliary corpora (multi-task: the
    encoder is shared, each corpus keeps its own labelling conventions);
    head 0 is the one exported. ``crf`` adds CRF transition scores per head
    (``start (L,)``, ``trans (L, L)``, ``end (L,)``) trained with the CRF
    likelihood (:func:`crf_nll`).
    """
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
            L = len(vocab["labels"])
            self.outs = nn.ModuleList([nn.Linear(2 * hidden, L) for _ in range(heads)])
            self.out = self.outs[0]
            self.crf = crf
            if crf:
                self.crf_start = nn.Parameter(torch.zeros(heads, L))
                self.crf_trans = nn.Parameter(torch.zeros(heads, L, L))
                self.crf_end = nn.Parameter(torch.zeros(heads, L))

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

        def forward_packed(self, ids, gaz, chars, lengths, head: int = 0):
            from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

            x = self.embed(ids, gaz, chars)
            p = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(p)
            h, _ = pad_packed_sequence(h, batch_first=True, total_length=ids.shape[1])
            return torch.log_softmax(self.outs[head](self.drop(h)), dim=-1)

        def crf_params(self, head: int = 0):
            """``(start, trans, end)`` numpy arrays of a head, or None without a CRF layer."""
            if not self.crf:
                return None
            return tuple(x[head].detach().numpy().copy() for x in (self.crf_start, self.crf_trans, self.crf_end))

    return Tagger()


def repair_bio(tags: list[str]) -> list[str]:
    """Make a tag sequence valid BIO: an ``I-X`` that follows neither ``B-X`` nor ``I-X`` becomes ``B-X``.

    Example:
        >>> repair_bio(["O", "I-LOC", "I-LOC", "B-ORG", "I-PERS"])
        ['O', 'B-LOC', 'I-LOC', 'B-ORG', 'B-PERS']
    """
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def crf_nll(em, y, lengths, start, trans, end, start_ok, trans_ok):
    """Negative log-likelihood of a linear-chain CRF, summed over the batch.

    Args:
        em: ``(B, T, L)`` emission scores (torch); y: ``(B, T)`` gold label
            ids (any value at padding); lengths: ``(B,)`` sentence lengths.
        start, trans, end: CRF scores ``(L,)``, ``(L, L)``, ``(L,)`` (torch).
        start_ok, trans_ok: bool masks of allowed BIO moves (:func:`bio_allowed`);
            forbidden moves get -1e4.
    """
    import torch

    B, T, L = em.shape
    big = -1e4
    trans = trans + torch.where(trans_ok, 0.0, big)
    start = start + torch.where(start_ok, 0.0, big)
    y = y.clamp(min=0)
    mask = torch.arange(T)[None, :] < lengths[:, None]
    alpha = start + em[:, 0]
    gold = start[y[:, 0]] + em[:, 0].gather(1, y[:, :1])[:, 0]
    for t in range(1, T):
        nxt = torch.logsumexp(alpha[:, :, None] + trans[None], dim=1) + em[:, t]
        m = mask[:, t]
        alpha = torch.where(m[:, None], nxt, alpha)
        step = trans[y[:, t - 1], y[:, t]] + em[:, t].gather(1, y[:, t : t + 1])[:, 0]
        gold = gold + torch.where(m, step, torch.zeros_like(step))
    last = y.gather(1, (lengths - 1)[:, None])[:, 0]
    gold = gold + end[last]
    logz = torch.logsumexp(alpha + end, dim=1)
    return (logz - gold).sum()


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
          word_dropout: float = 0.05, tune_words: bool = False, log=print, crf: bool = False,
          aux: Sequence = (), quantize: bool = True):
    """Train, export ``ner_nn.onnx`` + ``ner_nn_vocab.json`` + gazetteer into ``out_dir``.

    Args:
        train_sents, dev_sents: ``[(tokens, tags)]`` (ANERcorp conventions).
        aux: Auxiliary corpora (lists of sentences), each trained with its
            own output head (multi-task); only head 0 (``train_sents``) is exported.
        crf: Train a CRF output layer (its scores go into the vocabulary file).
        quantize: Store the LSTM and output weights as int8 (see :func:`export`).
    """
    import numpy as np
    import torch

    from hadath.extract.entities.ner_model import bio_allowed

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(seed)
    feat = NnFeaturizer(vocab, Gazetteer.from_lines(gaz_lines))
    label_ix = {t: i for i, t in enumerate(vocab["labels"])}
    model = make_model(vocab, vectors, hidden=hidden, tune_words=tune_words, heads=1 + len(aux), crf=crf)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=lr)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1.0 / (1 + 0.1 * e))
    so, to = bio_allowed(vocab["labels"])
    start_ok, trans_ok = torch.from_numpy(so), torch.from_numpy(to)
    corpora = [[s for s in train_sents if s[0]]] + [[s for s in a if s[0]] for a in aux]
    if crf:
        corpora = [[(toks, repair_bio(list(tags))) for toks, tags in c] for c in corpora]
    n_main = len(corpora[0])
    for ep in range(epochs):
        t0 = time.time()
        model.train()
        batches = []
        for head, data in enumerate(corpora):
            order = list(range(len(data)))
            rng.shuffle(order)
            chunks = [order[i : i + batch * 20] for i in range(0, len(order), batch * 20)]
            for ch in chunks:
                ch.sort(key=lambda i: len(data[i][0]))
                batches += [(head, ch[i : i + batch]) for i in range(0, len(ch), batch)]
        rng.shuffle(batches)
        tot = 0.0
        for head, bi in batches:
            data = corpora[head]
            ids, gaz, chars, y, lengths = _batch(feat, [data[i] for i in bi], label_ix)
            if word_dropout:
                g = torch.Generator().manual_seed(rng.randrange(1 << 30))
                m = (torch.rand(ids.shape[:2], generator=g) < word_dropout) & (ids[..., 1] > 0)
                ids = ids.clone()
                ids[..., 1] = torch.where(m, torch.ones_like(ids[..., 1]), ids[..., 1])
            logp = model.forward_packed(ids, gaz, chars, lengths, head)
            if crf:
                loss = crf_nll(logp, y, lengths, model.crf_start[head], model.crf_trans[head],
                               model.crf_end[head], start_ok, trans_ok) / float(lengths.sum())
            else:
                loss = torch.nn.functional.nll_loss(logp.reshape(-1, logp.shape[-1]), y.reshape(-1),
                                                    ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            if head == 0:
                tot += float(loss.detach()) * len(bi)
        sched.step()
        msg = f"epoch {ep + 1}: loss {tot / n_main:.4f} ({time.time() - t0:.0f} s)"
        if dev_sents:
            res = evaluate_torch(model, feat, dev_sents)
            msg += f"; dev P {100 * res['overall']['precision']:.2f} R {100 * res['overall']['recall']:.2f}" \
                   f" F1 {100 * res['overall']['f1']:.2f}"
        log(msg, flush=True)
    export(model, vocab, gaz_lines, out_dir, quantize=quantize)
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
            best = viterbi_bio(lp.numpy(), start_ok, trans_ok, None, model.crf_params(0))
            for k, i in enumerate(idx):
                preds[i] = [labels[j] for j in best[k]]
    model.train()
    return score([s[1] for s in sents], [preds[i] for i in range(len(sents))])


def export(model, vocab: dict, gaz_lines, out_dir: Path, quantize: bool = True) -> None:
    """Write ``ner_nn.onnx``, ``ner_nn_vocab.json`` and ``ner_gazetteer.tsv``.

    The ONNX graph takes right-padded batches: ``ids``, ``gaz``, ``charvec``
    (the character CNN's output per token: the CNN depends on the word only,
    so its weights go into the vocabulary file under ``char_cnn`` and
    :class:`NnFeaturizer` runs it once per word type) and ``rev`` (int64 ``(B, T)``: for each sentence of length
    ``n``, ``n-1-t`` for ``t < n``, else ``t``); the backward LSTM runs over
    each sentence reversed within its own length, so padding never reaches a
    real token. Head 0 only; CRF scores, if any, are stored in the vocabulary
    file under ``crf``. With ``quantize`` (the default) the LSTM and MatMul weights
    are stored as int8 by onnxruntime's dynamic quantization (activations quantized
    at run time): about 1.7x more tokens/s, dev F1 73.29 against 73.20 for the
    float model (evaluation/NER.md); deterministic, like the float export.
    """
    import torch
    from torch import nn

    out_dir.mkdir(parents=True, exist_ok=True)
    model.eval()
    lstm = model.lstm
    H = lstm.hidden_size

    def one_way(suffix: str):
        m = nn.LSTM(lstm.input_size, H, batch_first=True)
        with torch.no_grad():
            for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                getattr(m, name + "_l0").copy_(getattr(lstm, f"{name}_l0{suffix}"))
        return m.eval()

    class Padded(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.m = model
            self.fw = one_way("")
            self.bw = one_way("_reverse")

        def forward(self, ids, gaz, charvec, rev):
            m = self.m
            x = torch.cat([m.word(ids[..., 0]), m.stem(ids[..., 1]), m.clitic(ids[..., 2]),
                           m.shape(ids[..., 3]), charvec, gaz], dim=-1)
            idx = rev.unsqueeze(-1).expand(-1, -1, x.shape[-1])
            hf, _ = self.fw(x)
            hb, _ = self.bw(torch.gather(x, 1, idx))
            hb = torch.gather(hb, 1, rev.unsqueeze(-1).expand(-1, -1, H))
            return torch.log_softmax(self.m.out(torch.cat([hf, hb], dim=-1)), dim=-1)

    wrapper = Padded().eval()
    ids = torch.ones((2, 5, 4), dtype=torch.int64)
    gaz = torch.zeros((2, 5, len(NN_GAZ_FEATURES)))
    charvec = torch.zeros((2, 5, model.conv.out_channels))
    rev = torch.tensor([[4, 3, 2, 1, 0], [2, 1, 0, 3, 4]], dtype=torch.int64)
    tmp = out_dir / (NN_MODEL_FILE + ".tmp")
    torch.onnx.export(
        wrapper, (ids, gaz, charvec, rev), str(tmp), input_names=["ids", "gaz", "charvec", "rev"],
        output_names=["logp"],
        dynamic_axes={"ids": {0: "B", 1: "T"}, "gaz": {0: "B", 1: "T"}, "charvec": {0: "B", 1: "T"},
                      "rev": {0: "B", 1: "T"}, "logp": {0: "B", 1: "T"}},
        opset_version=17, dynamo=False,
    )
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(tmp), str(out_dir / NN_MODEL_FILE), weight_type=QuantType.QInt8,
                         op_types_to_quantize=["LSTM", "MatMul"])
        tmp.unlink()
    else:
        tmp.replace(out_dir / NN_MODEL_FILE)
    vocab = dict(vocab)
    # the character CNN depends on the word only: run at inference in numpy, once per word type
    vocab["char_cnn"] = {
        "emb": model.char.weight.detach().numpy().tolist(),
        "weight": model.conv.weight.detach().numpy().tolist(),
        "bias": model.conv.bias.detach().numpy().tolist(),
    }
    crf = model.crf_params(0)
    if crf is not None:
        vocab["crf"] = {"start": [round(float(v), 6) for v in crf[0]],
                        "trans": [[round(float(v), 6) for v in row] for row in crf[1]],
                        "end": [round(float(v), 6) for v in crf[2]]}
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
    ap.add_argument("--crf", action="store_true", help="CRF output layer (learned transitions)")
    ap.add_argument("--float-weights", action="store_true", help="keep float32 weights (no int8 quantization)")
    ap.add_argument("--aux", default="", help="auxiliary corpora with their own output heads: aqmar,wojood")
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
    from hadath.train.ner import load_aqmar, load_wojood

    loaders = {"aqmar": load_aqmar, "wojood": load_wojood}
    aux = [loaders[n](a.data) for n in a.aux.split(",") if n]
    train(train_s, dev_s, vocab, X, gaz, a.out, epochs=a.epochs, batch=a.batch, lr=a.lr, seed=a.seed,
          threads=a.threads, hidden=a.hidden, tune_words=a.tune_words, crf=a.crf, aux=aux,
          quantize=not a.float_weights)
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
