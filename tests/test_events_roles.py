"""Role, place, negation and size rules of the event coder, with entities given by hand (other stages simulated)."""
from __future__ import annotations

import pytest

from hadath.document import Document, check_spans
from hadath.extract.events import EventCoder
from hadath.pipeline import State
from hadath.settings import Settings


@pytest.fixture(scope="module")
def coder():
    return EventCoder(Settings())


def _ent(text, sub, eid, label, cameo=None, country=None, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return {"id": eid, "label": label, "text": sub, "mentions": [{"start": i, "end": i + len(sub), "text": sub}],
            "canonical": sub, "country": country, "geonames": None, "lat": None, "lon": None, "cameo": cameo,
            "source": "test", "confidence": 0.9}


def run(coder, text, ents=(), quantities=()):
    doc = Document(text=text)
    doc.paragraphs = [doc.span(0, len(text))]
    doc.sentences = [doc.span(0, len(text))]
    doc.entities = list(ents)
    doc.quantities = list(quantities)
    coder(State(doc=doc, settings=Settings()))
    assert check_spans(doc.to_dict()) == []
    return doc.events


def test_passive_counted_victims_take_actor_from_attack_genitive(coder):
    text = "قتل 6 جنود باكستانيين في هجوم لحركة طالبان على نقطة تفتيش."
    evs = run(coder, text, [_ent(text, "حركة طالبان", "e1", "ORG", "AFGREB", "AFG")])
    a = [e for e in evs if e["type"] == "ASSAULT"]
    assert len(a) == 1
    assert a[0]["actor"]["text"] == "حركة طالبان" and a[0]["actor"]["code"] == "AFGREB"
    assert a[0]["recipient"]["text"] == "6 جنود باكستانيين"
    assert a[0]["size"] == {"dead": 6}


def test_place_with_proclitic_ba_is_location_not_recipient(coder):
    text = "تجمع مئات المعلمين في ساحة الشهداء بالإسكندرية."
    evs = run(coder, text, [_ent(text, "الإسكندرية", "e1", "GPE", "EGY", "EGY")])
    ev = evs[0]
    assert ev["type"] == "PROTEST"
    assert ev["location"]["text"] == "الإسكندرية" and ev["location"]["entity"] == "e1"
    assert (ev["recipient"] or {}).get("text") != "الإسكندرية"


def test_name_starting_with_ba_is_not_a_place_marker(coder):
    # "بيروت" starts with ب: no proclitic, so it is the target after على, not where the event happened
    text = "فرضت واشنطن عقوبات على بيروت، بينما توعدت طهران بالرد."
    evs = run(coder, text, [_ent(text, "بيروت", "e1", "GPE", "LBN", "LBN"),
                            _ent(text, "واشنطن", "e2", "GPE", "USA", "USA"),
                            _ent(text, "طهران", "e3", "GPE", "IRN", "IRN")])
    threat = [e for e in evs if e["type"] == "THREATEN"]
    assert threat and threat[0]["location"] is None


def test_location_not_taken_from_following_clause(coder):
    text = "هاجم مسلحون حافلة للجيش، بينما تظاهر طلاب في مدينة حلب."
    evs = run(coder, text, [_ent(text, "حلب", "e1", "GPE", "SYR", "SYR")])
    assault = [e for e in evs if e["type"] == "ASSAULT"][0]
    protest = [e for e in evs if e["type"] == "PROTEST"][0]
    assert assault["location"] is None
    assert protest["location"]["text"] == "حلب"


def test_city_after_fi_is_never_actor_of_coordinated_arrest(coder):
    text = "داهم الجيش منازل في نابلس واعتقل 4 شبان."
    evs = run(coder, text, [_ent(text, "نابلس", "e1", "GPE", "PSE", "PSE")])
    arrest = [e for e in evs if e["mode"] == "arrest"][0]
    assert arrest["actor"]["text"] == "الجيش"
    assert arrest["recipient"]["text"] == "4 شبان" and arrest["size"] == {"arrested": 4}
    assert arrest["location"]["text"] == "نابلس"


def _count(text, sub, value, lemma):
    i = text.index(sub)
    return {"start": i, "end": i + len(sub), "text": sub, "kind": "count", "value": value, "approx": False,
            "min": None, "max": None, "unit": None, "object": None, "object_lemma": lemma}


def test_each_casualty_count_goes_to_one_event(coder):
    text = "قصفت الطائرات الروسية بلدة في ريف حماة ما أسفر عن مقتل 7 مدنيين، فيما هاجم مسلحون حاجزا للجيش."
    evs = run(coder, text, quantities=[_count(text, "7 مدنيين", 7, "dead")])
    assault = [e for e in evs if e["type"] == "ASSAULT"]
    assert len(assault) == 2
    assert [e["size"] for e in assault] == [{"dead": 7}, {}]
    # the toll noun after "ما أسفر عن" is the outcome of the strike, not a second event
    assert assault[0]["recipient"]["text"] == "7 مدنيين"


def test_dead_and_injured_of_one_attack_sum_once(coder):
    text = "قتل 8 أشخاص وأصيب 20 آخرون عندما فجر انتحاري نفسه في سوق، بينما هاجم مسلحون مركزا للشرطة."
    evs = run(coder, text, quantities=[_count(text, "20 آخرون", 20, "injured")])
    assault = [e for e in evs if e["type"] == "ASSAULT"]
    assert sum(e["size"].get("dead", 0) for e in assault) == 8
    assert sum(e["size"].get("injured", 0) for e in assault) == 20
    assert assault[0]["actor"]["text"] == "انتحاري" and assault[0]["recipient"]["text"] == "8 أشخاص"


def test_separate_clauses_keep_their_own_tolls(coder):
    text = "هاجم مسلحون قافلة للجيش فقتلوا 3 جنود، واشتبكت قوات الأمن معهم ما أدى إلى مقتل 5 مسلحين."
    evs = run(coder, text)
    sizes = [e["size"] for e in evs if e["type"] == "ASSAULT"]
    assert sizes == [{"dead": 3}, {"dead": 5}]


def test_protest_crowd_in_figures_is_participants(coder):
    from hadath.document import validate

    text = "تظاهر 350 عاملا أمام مقر الوزارة للمطالبة بصرف رواتبهم."
    evs = run(coder, text, quantities=[_count(text, "350 عاملا", 350, None)])
    p = [e for e in evs if e["type"] == "PROTEST"][0]
    assert p["size"] == {"participants": 350}
    # a vague plural ("آلاف") is no figure
    text2 = "تظاهر آلاف العمال أمام مقر الوزارة."
    p2 = [e for e in run(coder, text2) if e["type"] == "PROTEST"][0]
    assert p2["size"] == {}
    doc = Document(text=text)
    doc.events = evs
    validate(doc.to_dict())


def test_same_toll_twice_in_an_article_is_one_attack(coder):
    s1 = "قتل 9 أشخاص في تفجير استهدف سوقا شعبيا."
    s2 = "وقال مسؤول محلي إن الهجوم أسفر عن مقتل 9 أشخاص وإصابة آخرين."
    text = s1 + " " + s2
    doc = Document(text=text)
    doc.paragraphs = [doc.span(0, len(text))]
    doc.sentences = [doc.span(0, len(s1)), doc.span(len(s1) + 1, len(text))]
    coder(State(doc=doc, settings=Settings()))
    assault = [e for e in doc.events if e["type"] == "ASSAULT"]
    assert len(assault) == 1 and assault[0]["size"]["dead"] == 9
    assert len(assault[0]["triggers"]) >= 2
