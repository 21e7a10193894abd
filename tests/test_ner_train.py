"""Tests of the NER training code (hadath.train.ner): data loading, dev split, scoring, determinism."""
from __future__ import annotations

import pytest

from hadath.train.ner import (
    build_gazetteer,
    dev_split,
    load_anercorp,
    load_aqmar,
    load_wojood,
    normalize_aqmar_tag,
    score,
    train,
    wojood_outer_tags,
)


@pytest.mark.shared
def test_dev_split_deterministic_and_disjoint(shared_data):
    a = load_anercorp(shared_data)
    tr1, dv1 = dev_split(a)
    tr2, dv2 = dev_split(load_anercorp(shared_data))
    assert dv1 == dv2 and tr1 == tr2
    assert len(dv1) == 400 and sum(len(s[0]) for s in dv1) == 12707
    assert len(tr1) + len(dv1) == len(a) == 4079
    assert dv1[0] == a[1800] and dv1[-1] == a[3999]


@pytest.mark.shared
def test_other_corpora_tags(shared_data):
    allowed = {"O"} | {p + t for p in ("B-", "I-") for t in ("PERS", "LOC", "ORG", "MISC")}
    for sents in (load_aqmar(shared_data), load_wojood(shared_data)):
        assert sents
        assert {t for _, tags in sents for t in tags} <= allowed
        assert all(len(toks) == len(tags) for toks, tags in sents)
        assert not any("$#$" in toks for toks, _ in sents)


def test_aqmar_tags():
    assert normalize_aqmar_tag("B-MIS-2") == "B-MISC"
    assert normalize_aqmar_tag("IO") == "O"
    assert normalize_aqmar_tag("I-LOC") == "I-LOC"


def test_wojood_nested():
    # مجلس الأمن ضد الأسد: ORG over four words with PERS nested inside
    tags = [["B-ORG"], ["I-ORG"], ["I-ORG"], ["I-ORG", "B-PERS"], ["O"]]
    assert wojood_outer_tags(tags) == ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    assert wojood_outer_tags([["B-GPE"], ["B-NORP"], ["B-EVENT"], ["I-EVENT"]]) == ["B-LOC", "O", "B-MISC", "I-MISC"]


def test_score_counts():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG"]]
    pred = [["B-PERS", "I-PERS", "O", "B-ORG"], ["B-ORG"]]
    r = score(gold, pred)
    assert r["overall"]["correct"] == 2 and r["overall"]["gold"] == 3 and r["overall"]["pred"] == 3
    assert r["LOC"]["recall"] == 0.0 and r["PERS"]["f1"] == 1.0
    assert r["ORG"]["precision"] == 0.5


@pytest.mark.shared
def test_training_is_deterministic(shared_data, tmp_path):
    sents = dev_split(load_anercorp(shared_data))[0][:150]
    gaz = build_gazetteer(shared_data)
    assert gaz == sorted(set(gaz))
    clusters = ["ماكرون\t1\t2", "باريس\t3\t4"]
    m1 = train(sents, tmp_path / "a", gaz, clusters, max_iter=15)
    m2 = train(sents, tmp_path / "b", gaz, clusters, max_iter=15)
    assert (tmp_path / "a" / "ner.crfsuite").read_bytes() == (tmp_path / "b" / "ner.crfsuite").read_bytes()
    assert m1.predict([sents[0][0]]) == m2.predict([sents[0][0]])
