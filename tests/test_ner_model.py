"""Tests of the shipped NER model (hadath.extract.entities.ner_model): the default neural tagger, and the CRF."""
from __future__ import annotations

import unicodedata
from importlib import resources

import pytest

from hadath.extract.entities.ner_model import (
    GAZETTEER_FILE,
    CLUSTERS_FILE,
    NN_MODEL_FILE,
    NN_VOCAB_FILE,
    NerModel,
    bio_spans,
    split_clitics,
    tag_conll,
)

SENT = "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس"


@pytest.fixture(scope="module")
def model() -> NerModel:
    return NerModel.load()


def test_predict_real_sentence(model):
    tags = model.predict([SENT.split()])[0]
    assert tags == ["O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]


def test_predict_spans_offsets_and_labels(model):
    text = "  " + SENT + " ."
    tokens, pos = [], 0
    for w in text.split():
        pos = text.index(w, pos)
        tokens.append((pos, pos + len(w)))
        pos += len(w)
    spans = model.predict_spans(text, tokens)
    assert [(text[s:e], lab) for s, e, lab, _ in spans] == [("إيمانويل ماكرون", "PER"), ("باريس", "LOC")]
    assert all(0.5 < c <= 1.0 for *_, c in spans)
    # dict tokens (as in state.tokens) give the same result
    dicts = [{"start": s, "end": e, "text": text[s:e]} for s, e in tokens]
    assert model.predict_spans(text, dicts) == spans


def test_clitic_attached_names(model):
    tags = model.predict([["وصل", "الوفد", "إلى", "بغداد", "قادما", "من", "باريس", "."]])[0]
    assert tags[3] == "B-LOC" and tags[6] == "B-LOC"


def test_empty_inputs(model):
    assert model.predict([[], ["."]]) == [[], ["O"]]
    assert model.predict_spans("", []) == []


def test_tag_conll_round_trip(model, tmp_path):
    src = tmp_path / "in.conll"
    src.write_text("قال O\nماكرون B-PERS\nفي O\nباريس B-LOC\n\nوصل O\nالوفد O\n", encoding="utf-8")
    out = tmp_path / "out.conll"
    assert tag_conll(str(src), str(out), model) == 6
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[:5] == ["قال O O", "ماكرون B-PERS B-PERS", "في O O", "باريس B-LOC B-LOC", ""]
    assert [l.split()[:2] for l in lines[5:7]] == [["وصل", "O"], ["الوفد", "O"]]


def test_tag_conll_bad_input(model, tmp_path):
    bad = tmp_path / "bad.conll"
    bad.write_bytes(b"\xff\xfe\xfa O\n")
    with pytest.raises(ValueError, match="bad.conll: not UTF-8"):
        tag_conll(str(bad), str(tmp_path / "o"), model)


def test_load_missing(tmp_path):
    with pytest.raises(FileNotFoundError, match="python -m hadath.train ner"):
        NerModel.load(tmp_path)


def test_bio_spans_conll_rules():
    assert bio_spans(["I-ORG", "I-ORG", "B-ORG", "I-LOC", "O"]) == [(0, 2, "ORG"), (2, 3, "ORG"), (3, 4, "LOC")]


def test_split_clitics():
    assert split_clitics("بتركيا") == ("ب", "تركيا")
    assert split_clitics("والولايات") == ("وال", "ولايات")
    assert split_clitics("في") == ("", "في")


@pytest.mark.parametrize("name", [GAZETTEER_FILE, CLUSTERS_FILE])
def test_shipped_lexicons_lint(name):
    path = resources.files("hadath.data").joinpath("ner").joinpath(name)
    lines = path.read_text("utf-8").splitlines()
    keys = [l.split("\t")[0] for l in lines]
    assert keys and all(k.strip() for k in keys)
    assert len(set(keys)) == len(keys)
    for k in keys:
        assert unicodedata.normalize("NFC", k) == k
        assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in k)


def test_shipped_model_size():
    base = resources.files("hadath.data").joinpath("ner")
    total = sum(len(base.joinpath(n).read_bytes()) for n in (NN_MODEL_FILE, NN_VOCAB_FILE, GAZETTEER_FILE))
    assert 30_000_000 < total < 50_000_000
    total = sum(len(base.joinpath(n).read_bytes()) for n in ("ner.crfsuite", GAZETTEER_FILE, CLUSTERS_FILE))
    assert total < 50_000_000


def test_default_is_neural_and_crf_still_loads():
    assert type(NerModel.load()).__name__ == "NnNerModel"
    crf = NerModel.load_crf()
    assert type(crf).__name__ == "NerModel" and crf.path.endswith("ner.crfsuite")
    assert crf.predict([SENT.split()])[0] == ["O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]


def test_shipped_nn_vocab_lint():
    import json

    vocab = json.loads(resources.files("hadath.data").joinpath("ner").joinpath(NN_VOCAB_FILE).read_text("utf-8"))
    assert len(vocab["words"]) == 80002 and vocab["labels"][0] == "O"
    for key in ("words", "stems", "clitics", "shapes", "chars"):
        lst = vocab[key]
        assert lst[:2] == ["<pad>", "<unk>"] and len(set(lst)) == len(lst)
        if key in ("words", "shapes", "chars"):  # an empty stem/clitic string is a real value
            assert all(lst[2:])
        for k in lst:
            assert unicodedata.normalize("NFC", k) == k
            assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in k)
