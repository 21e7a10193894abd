"""The sample article through the whole pipeline: the returnee process comes out as events with evidence."""
from __future__ import annotations

import pytest

from hadath.document import validate
from hadath.pipeline import Pipeline
from hadath.settings import Settings


@pytest.fixture(scope="module")
def doc(sample_text):
    d = Pipeline(Settings()).analyze(sample_text, published="2016-06-08T11:39:00+02:00")
    validate(d.to_dict())
    return d


def _find(doc, typ, mode=None, trigger=None):
    out = [e for e in doc.events if e["type"] == typ and (mode is None or e["mode"] == mode)
           and (trigger is None or any(trigger in t["text"] for t in e["triggers"]))]
    assert out, f"no {typ}/{mode}/{trigger} among {[(e['type'], e['mode'], e['trigger']['text']) for e in doc.events]}"
    return out[0]


def test_fighters_request_help(doc):
    ev = _find(doc, "REQUEST", trigger="يطالبوهم")
    assert ev["actor"]["text"] == "المقاتلون"
    assert ev["negated"] is False and ev["rule"].startswith("request.")


def test_coalition_air_strikes(doc):
    ev = _find(doc, "ASSAULT", "aerial", "الهجمات الجوية")
    assert "تحالف الدولي" in ev["actor"]["text"]  # للتحالف الدولي: the genitive is the actor
    assert ev["hypothetical"] is False and ev["negated"] is False
    # "الخسارات المتكررة للتنظيم في الرقة ... بسبب الهجمات": the effect's genitive is the target, its place the location
    assert ev["recipient"]["text"] == "للتنظيم" and ev["recipient"]["code"] == "ISM"
    assert ev["location"]["text"] == "الرقة" and ev["location"]["country"] == "SYR"
    assert ev["evidence"]["roles"].endswith("cause-frame")


def test_german_authorities_arrest_three(doc):
    ev = _find(doc, "COERCE", "arrest", "القبض")
    assert ev["actor"]["text"] == "السلطات الألمانية" and ev["actor"]["code"] == "DEUGOV"
    assert ev["recipient"]["text"].startswith("ثلاثة مقاتلين")
    assert ev["size"] == {"arrested": 3}
    assert ev["date"] == {"value": "2016-06-08", "source": "published"}


def test_turkish_intelligence_interrogates(doc):
    ev = _find(doc, "ACCUSE", "investigate", "تستجوب")
    assert ev["actor"]["code"] == "TURSPY"
    assert ev["recipient"]["text"].startswith("المقاتلين")
    assert ev["attribution"] is not None, "reported by the paper from the diplomats"


def test_home_intelligence_investigates(doc):
    evs = [e for e in doc.events if e["type"] == "ACCUSE" and e["mode"] == "investigate"
           and e["actor"] and e["actor"]["text"] == "الاستخبارات"]
    assert evs and evs[0]["actor"]["sector"] == "SPY"


def test_possible_attack_is_hypothetical(doc):
    ev = _find(doc, "ASSAULT", trigger="هجوم")
    assert ev["hypothetical"] is True


def test_headline_request(doc):
    ev = _find(doc, "REQUEST", trigger="يطلبون")
    assert "داعش" in ev["actor"]["text"]
    assert ev["sentence"]["text"] == "مقاتلو داعش الأجانب يطلبون المساعدة للعودة لبلادهم"


def test_cause_frame_gives_target_and_place():
    """An attack noun after بسبب/جراء is the cause of the effect before it (a sentence written for this test)."""
    d = Pipeline(Settings()).analyze("وتكبد تنظيم داعش خسائر كبيرة في مدينة الموصل بسبب الغارات الجوية الأمريكية.",
                                     published="2016-06-08T10:00:00+03:00")
    ev = _find(d, "ASSAULT", "aerial")
    assert ev["recipient"]["text"] == "تنظيم داعش"
    assert ev["location"]["text"] == "الموصل"
    assert ev["actor"]["text"] == "الأمريكية"
