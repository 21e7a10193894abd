"""Entities: names that are both a country and a city/region (rule homonym, ar/homonyms.yaml).

The corpus cases (Amman / Oman, تونس العاصمة ...) are in tests/corpus/entities_user_defects.yaml;
here: the list of such names in the shipped gazetteer (named in the YAML header) and the parts of
the rule on their own."""
from __future__ import annotations

import pytest

from hadath.extract.entities import EntityExtractor, _marks_key
from hadath.extract.entities.gazetteer import DATA_DIR, Gazetteer, name_key
from hadath.pipeline import Pipeline
from hadath.settings import Settings
from hadath.text.normalize import normalize


def test_the_homonyms_of_the_gazetteer_are_the_documented_ones():
    g = Gazetteer.load()
    found = set()
    for key, idxs in g.names.items():
        kinds = {g.entries[i].kind for i in idxs}
        if "country" in kinds and kinds & {"city", "region"}:
            found.add(key)
    documented = ["عمان", "بنين", "تونس", "الجزائر", "جيبوتي", "سنغافورة", "ماكاو", "هونغ كونغ", "الصحراء الغربية"]
    assert found == {name_key(w) for w in documented}
    header = (DATA_DIR / "homonyms.yaml").read_text("utf-8").split("spellings:")[0]
    assert all(w in header for w in documented)


def test_vowel_marks_tell_oman_from_amman():
    assert _marks_key("عَمَّان") == _marks_key("عمّان") != _marks_key("عُمان")
    assert _marks_key("عُمَان") == _marks_key("عُمان")


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings(stages=("entities",)))


@pytest.mark.parametrize("text, want", [
    ("أعلنت الحكومة الأردنية أن الملك سيعود إلى عمان غدا", ("Amman", "JOR", 250441, "homonym:sentence")),
    ("ضم المعرض أجنحة من الكويت والبحرين وعمان", ("Oman", "OMN", 286963, "homonym:list")),
    ("ضم المؤتمر وفودا من القاهرة ودمشق وعمان", ("Amman", "JOR", 250441, "homonym:list")),
    ("زار الوزير الجزائر أمس", ("Algeria", "DZA", 2589581, "gazetteer:country")),
    ("وصل الوزير إلى الجزائر العاصمة أمس", ("Algiers", "DZA", 2507480, "gazetteer:city")),
    ("شهدت العاصمة تونس مظاهرات حاشدة", ("Tunis", "TUN", 2464470, "homonym:capital")),
])
def test_reading_and_rule(pipe, text, want):
    d = pipe.analyze(text)
    places = [(e["canonical"], e["country"], e["geonames"], e["rule"]) for e in d.entities if e["label"] == "GPE"]
    assert want in places, places


def test_only_a_short_line_is_a_dateline():
    ex = EntityExtractor(Settings())
    g = ex.gaz
    for text, want in [("عمان - بترا:\nنص", True), ("نص\nواس- عمان\nنص", True),
                       ("الجزائر: مقتل تسعة جنود وإصابة اثنين في هجوم", False), ("قال إن عمان - كما يبدو", False)]:
        nt = normalize(text).text
        m = next(x for x in g.match(nt) if x.key in ("عمان", "الجزاءر"))
        assert ex._dateline(nt, m) is want, text


def test_a_headline_is_no_dateline(pipe):
    """A short headline "الجزائر: ..." (metadata.headline) names the country; the dateline below it
    ("الجزائر - أ ف ب") puts the reporter in Algiers."""
    d = pipe.analyze("الجزائر - أ ف ب\nأجرى الرئيس عبد العزيز بوتفليقة تعديلا وزاريا أمس.",
                     title="الجزائر: بوتفليقة يقيل ثلاثة وزراء")
    got = [(m["start"], e["canonical"], e["rule"]) for e in d.entities if e["text"] == "الجزائر" for m in e["mentions"]]
    assert sorted(got) == [(0, "Algeria", "gazetteer:country"), (36, "Algiers", "homonym:dateline")]
