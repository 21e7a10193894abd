"""The attribution lexicons load, expand and stay clear of look-alike words."""
from __future__ import annotations

import yaml
from importlib import resources

from hadath.extract.attributions.lexicon import CueLexicon
from hadath.text.normalize import normalize_word


def test_rule_ids_unique():
    data = yaml.safe_load(resources.files("hadath.extract.attributions").joinpath("ar/cues.yaml").read_text("utf-8"))
    ids = [v["id"] for v in data["verbs"]]
    for key in ("passive", "according", "according_pronoun", "masdar"):
        ids += [x["id"] for x in data[key]]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(("say.", "acc.")) for i in ids)


def test_expansion_covers_persons_and_tenses():
    lex = CueLexicon.load()
    for w in ["قال", "قالت", "قالوا", "يقول", "تقول", "يقولون", "قائلا", "أكد", "أكدت", "أكدوا", "يؤكد", "مؤكدا",
              "مؤكدة", "أشارت", "تشير", "مشيرا", "أضافت", "مضيفا", "نفى", "نفت", "ينفي", "رأى", "يرى", "دعا", "يدعو",
              "داعيا", "أوضحت", "صرح", "كشفت", "لافتا", "شددت", "حذر", "طالب", "اعتبر", "معتبرا", "ذكرت", "أعلنت"]:
        assert normalize_word(w) in lex.token_cues, w


def test_look_alikes_are_not_cues():
    lex = CueLexicon.load()
    for w in ["استقال", "مقال", "انتقال", "تأكيد", "إعلان", "إشارة", "مقالات", "الأقوال", "قول", "بيان", "أبين",
              "معلنين", "مفيد", "لافت"]:
        assert normalize_word(w) not in lex.token_cues, w
