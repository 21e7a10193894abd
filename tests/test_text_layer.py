"""Text layer: normalisation, tokens, clitics, sentences (corpus tests + public failure cases)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from hadath.pipeline import Pipeline
from hadath.settings import Settings
from hadath.text.clitics import Segmenter
from hadath.text.normalize import normalize, normalize_word
from hadath.text.sentences import SentenceSplitter
from hadath.text.tokens import tokenize

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def splitter():
    return SentenceSplitter.load()


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter.load()


def tok_texts(s: str) -> list[str]:
    return [t[0] for t in tokenize(normalize(s))]


@pytest.mark.parametrize("case", yaml.safe_load((CORPUS / "text_sentences.yaml").read_text("utf-8")),
                         ids=lambda c: c["input"][:20])
def test_sentence_corpus(case, splitter):
    t = case["input"]
    assert [t[s:e] for s, e in splitter.split(t)] == case["sentences"]


@pytest.mark.parametrize("word,segments",
                         sorted(yaml.safe_load((CORPUS / "text_clitics.yaml").read_text("utf-8")).items()))
def test_clitic_corpus(word, segments, segmenter):
    assert segmenter.segment(normalize_word(word)) == segments


@pytest.mark.parametrize("raw,norm", [
    ("ﻻ", "لا"),                       # presentation-form ligature (NFKC)
    ("ﺑﺴﻢ", "بسم"),                   # presentation forms
    ("مـــصر", "مصر"),                 # tatweel
    ("مُحَمَّدٌ", "محمد"),             # diacritics and shadda
    ("أحمد إبراهيم آمال", "احمد ابراهيم امال"),
    ("مسؤول مسئول", "مسءول مسءول"),
    ("مدرسة", "مدرسه"),
    ("في فى", "فى فى"),
    ("٢٠١٦ ۲۰۱۶", "2016 2016"),
    ("\u200fالقاهرة\u200e", "القاهره"),
    ("\u202bنص\u202c\u2066ما\u2069", "نصما"),
    ("٪٥", "%5"),
])
def test_normalisation_rules(raw, norm):
    assert normalize(raw).text == norm


def test_offset_map_round_trip():
    raw = "\u200fﺑﺴﻢ اللـــه الرَّحْمَن ﻻ"
    n = normalize(raw)
    for i in range(len(n.text)):
        s, e = n.raw_span(i, i + 1)
        assert normalize(raw[s:e]).text == n.text[i] or n.text[i] in normalize(raw[s:e]).text
    s, e = n.raw_span(n.text.index("الرحمن"), n.text.index("الرحمن") + 6)
    assert raw[s:e] == "الرَّحْمَن"[:len(raw[s:e])] and raw[s:e].startswith("الرَّحْمَ")


def test_alef_maksura_distinct():
    assert normalize_word("إلى") != normalize_word("إلا")


def test_tokens_keep_diacritics_and_skip_bidi():
    assert tok_texts("بصدّقك") == ["بصدّقك"]
    assert tok_texts("مرحبا \u061cبالعالم") == tok_texts("مرحبا بالعالم") == ["مرحبا", "بالعالم"]
    assert tok_texts("قالَ: «نعم»") == ["قالَ", ":", "«", "نعم", "»"]
    assert tok_texts("14,500.55 دولار") == ["14,500.55", "دولار"]
    assert tok_texts("1/1/2018") == ["1", "/", "1", "/", "2018"]


def test_pipeline_tokens_carry_segments(sample_text):
    doc = Pipeline(Settings(stages=(), include_tokens=True)).analyze(sample_text)
    toks = {t["text"]: t for t in doc.tokens}
    assert toks["لبلادهم"]["segments"] == ["ل", "بلاد", "هم"]
    assert toks["والفلوجة"]["segments"] == ["و", "ال", "فلوجه"]
    for t in doc.tokens:
        assert doc.text[t["start"]:t["end"]] == t["text"]


@pytest.mark.shared
def test_public_failure_cases_text_layer(shared_data, splitter, segmenter):
    cases = [json.loads(line) for line in (shared_data / "cases" / "public_failure_cases.jsonl").open(encoding="utf-8")]
    cases = [c for c in cases if c["component"] in {"normalize", "tokens", "segment", "sentences"}]
    assert len(cases) >= 7
    for c in cases:
        inp, exp = c["input"], c["expect"]
        if "same_tokens_as" in exp:
            assert [normalize_word(t) for t in tok_texts(inp)] == [normalize_word(t) for t in tok_texts(exp["same_tokens_as"])], c["id"]
        if "normalized_differs_from" in exp:
            assert normalize_word(inp) != normalize_word(exp["normalized_differs_from"]), c["id"]
        if "token_count" in exp:
            assert len(tok_texts(inp)) == exp["token_count"], c["id"]
        if "segments_first_word" in exp:
            first = tok_texts(inp)[0]
            assert segmenter.segment(normalize_word(first)) == exp["segments_first_word"], c["id"]
        if "sentence_count" in exp:
            assert len(splitter.split(inp)) == exp["sentence_count"], c["id"]
        if "first_sentence_contains" in exp:
            s, e = splitter.split(inp)[0]
            for piece in exp["first_sentence_contains"]:
                assert piece in inp[s:e], c["id"]


@pytest.mark.shared
def test_vocabulary_is_not_stale(shared_data):
    """The shipped vocabulary was built from the current SaudiNewsNet zips (python -m hadath.build vocab)."""
    import gzip
    from importlib import resources

    from hadath.build.vocab import inputs_hash

    with resources.files("hadath.data").joinpath("text/vocab.tsv.gz").open("rb") as raw, \
            gzip.open(raw, "rt", encoding="utf-8") as f:
        header = f.readline().split()
    assert header[:2] == ["#", "inputs-sha1"]
    assert header[2] == inputs_hash(shared_data), "vocab.tsv.gz is stale: run python -m hadath.build vocab"


@pytest.mark.shared
def test_clitic_quality_floor(shared_data, segmenter):
    """Floor for evaluation/clitics.py on UD Arabic-PUD (measured 0.964 words / 0.886 clitic words)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("ev_clitics", Path(__file__).parents[1] / "evaluation" / "clitics.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    words = list(mod.gold_words(shared_data / "ud" / "ar_pud-ud-test.conllu"))
    multi = [(s, p) for s, p in words if len(p) > 1]
    assert len(multi) > 2000
    ok = 0
    for surface, parts in multi:
        pred = segmenter.segment(normalize_word(surface), surface.endswith("ة"))
        ok += len(pred) > 1
    assert ok / len(multi) >= 0.90  # words with clitics are split (boundaries checked by the script)


def test_every_build_target_resolves():
    """python -m hadath.build TARGET names a function that exists (no run: they read ../shared/data)."""
    import importlib

    from hadath.build.__main__ import TARGETS

    for _name, path in TARGETS:
        mod, fn = path.split(":")
        assert callable(getattr(importlib.import_module(mod), fn))
