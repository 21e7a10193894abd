"""Tests of the neural NER tagger: decoding, featurizer, and a tiny training run (ONNX export)."""
from __future__ import annotations

import numpy as np
import pytest

from hadath.extract.entities.ner_model import (
    NN_GAZ_FEATURES,
    NN_MAX_CHARS,
    Gazetteer,
    NerModel,
    NnFeaturizer,
    bio_allowed,
    viterbi_bio,
)

LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]


def test_viterbi_bio_never_starts_with_inside():
    start, trans = bio_allowed(LABELS)
    assert list(start) == [True, True, False, True, False]
    assert trans[1, 2] and trans[2, 2] and not trans[0, 2] and not trans[3, 2]
    # argmax alone would give O I-PERS I-PERS; the constrained path must be valid BIO
    p = np.array([[[0.6, 0.1, 0.1, 0.1, 0.1], [0.1, 0.3, 0.4, 0.1, 0.1], [0.1, 0.1, 0.6, 0.1, 0.1]]])
    best = viterbi_bio(np.log(p), start, trans)[0]
    assert [LABELS[i] for i in best] == ["O", "B-PERS", "I-PERS"]


def test_featurizer_arrays():
    vocab = {"words": ["<pad>", "<unk>", "باريس", "ماكرون"], "stems": ["<pad>", "<unk>", "ماكرون"],
             "clitics": ["<pad>", "<unk>", "", "و"], "shapes": ["<pad>", "<unk>", "A"],
             "chars": ["<pad>", "<unk>", "ب", "ا"], "labels": LABELS}
    gaz = Gazetteer.from_lines(["باريس\tLOC"])
    f = NnFeaturizer(vocab, gaz)
    a = f.arrays([["وماكرون", "باريس"], ["كلمة", "وباريس"]])
    assert a["ids"].shape == (2, 2, 4) and a["chars"].shape == (2, 2, NN_MAX_CHARS)
    # word id falls back to the clitic-stripped form; stem and clitic ids
    assert a["ids"][0, 0].tolist() == [3, 2, 3, 2]
    assert a["ids"][0, 1, 0] == 2 and a["ids"][1, 0, 0] == 1 and a["ids"][1, 1, 0] == 2
    assert a["gaz"][0, 1, NN_GAZ_FEATURES.index("gS=LOC")] == 1.0
    assert a["gaz"][1, 1].sum() == 1.0 and a["gaz"][1, 0].sum() == 0.0
    assert a["chars"][0, 0, 7] == 0 and a["chars"][0, 0, 6] != 0  # 7 letters of وماكرون, then padding


@pytest.mark.shared
def test_tiny_training_deterministic_and_onnx_matches(shared_data, tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("onnxruntime")
    import torch

    from hadath.train.ner import dev_split, load_anercorp
    from hadath.train.ner_nn import build_vocab, evaluate_torch, train

    sents = dev_split(load_anercorp(shared_data))[0][:120]
    words = sorted({w for toks, _ in sents for w in toks})[:500]
    rng = np.random.default_rng(0)
    X = rng.standard_normal((len(words), 10)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    vocab = build_vocab(sents, words)
    gaz = ["باريس\tLOC"]
    quiet = lambda *a, **k: None  # noqa: E731
    m1 = train(sents, [], vocab, X, gaz, tmp_path / "a", epochs=1, hidden=16, log=quiet, quantize=False)
    m2 = train(sents, [], vocab, X, gaz, tmp_path / "b", epochs=1, hidden=16, log=quiet, quantize=False)
    for p1, p2 in zip(m1.parameters(), m2.parameters()):
        assert torch.equal(p1, p2)
    onnx_model = NerModel.load(tmp_path / "a")
    assert type(onnx_model).__name__ == "NnNerModel"
    probe = sents[:20]
    feat = onnx_model.featurizer
    torch_res = evaluate_torch(m1, feat, probe)
    from hadath.train.ner import score

    onnx_res = score([s[1] for s in probe], onnx_model.predict([s[0] for s in probe]))
    assert torch_res == onnx_res
    tags = onnx_model.predict([s[0] for s in probe])
    assert [len(t) for t in tags] == [len(s[0]) for s in probe]


@pytest.mark.shared
def test_tiny_crf_multitask_padded_onnx(shared_data, tmp_path):
    """CRF layer + an auxiliary head: export scores like torch, and a sentence's tags do not depend on its batch."""
    pytest.importorskip("torch")
    pytest.importorskip("onnxruntime")
    from hadath.train.ner import dev_split, load_anercorp, score
    from hadath.train.ner_nn import build_vocab, evaluate_torch, train

    sents = dev_split(load_anercorp(shared_data))[0][:100]
    words = sorted({w for toks, _ in sents for w in toks})[:400]
    rng = np.random.default_rng(1)
    X = rng.standard_normal((len(words), 8)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    vocab = build_vocab(sents, words)
    quiet = lambda *a, **k: None  # noqa: E731
    m = train(sents[:80], [], vocab, X, ["باريس\tLOC"], tmp_path, epochs=1, hidden=8, log=quiet, crf=True,
              aux=[sents[80:]], quantize=False)
    onnx_model = NerModel.load(tmp_path)
    assert onnx_model._padded and onnx_model._crf is not None
    probe = sents[:30]
    torch_res = evaluate_torch(m, onnx_model.featurizer, probe)
    assert score([s[1] for s in probe], onnx_model.predict([s[0] for s in probe])) == torch_res
    together = onnx_model.predict([s[0] for s in probe])
    alone = [onnx_model.predict([s[0]])[0] for s in probe]
    assert together == alone


@pytest.mark.shared
def test_tiny_training_quantized_export_tags(shared_data, tmp_path):
    """The default export stores int8 weights; the model loads and tags every token, same bytes on a re-export."""
    pytest.importorskip("torch")
    pytest.importorskip("onnxruntime")
    from hadath.train.ner import dev_split, load_anercorp
    from hadath.train.ner_nn import build_vocab, export, train

    sents = dev_split(load_anercorp(shared_data))[0][:60]
    words = sorted({w for toks, _ in sents for w in toks})[:300]
    X = np.random.default_rng(2).standard_normal((len(words), 8)).astype(np.float32)
    vocab = build_vocab(sents, words)
    quiet = lambda *a, **k: None  # noqa: E731
    m = train(sents, [], vocab, X, ["باريس\tLOC"], tmp_path / "q", epochs=1, hidden=8, log=quiet)
    import onnx

    ops = {n.op_type for n in onnx.load(str(tmp_path / "q" / "ner_nn.onnx")).graph.node}
    assert "DynamicQuantizeLSTM" in ops
    model = NerModel.load(tmp_path / "q")
    tags = model.predict([s[0] for s in sents[:10]])
    assert [len(t) for t in tags] == [len(s[0]) for s in sents[:10]]
    export(m, vocab, ["باريس\tLOC"], tmp_path / "q2")
    assert (tmp_path / "q" / "ner_nn.onnx").read_bytes() == (tmp_path / "q2" / "ner_nn.onnx").read_bytes()
