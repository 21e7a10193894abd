"""A headline's place may be coarser than the body's: the events are still one."""
from hadath.pipeline import Pipeline
from hadath.settings import Settings

PAGE = ("مقتل 5 أشخاص في انفجار ببيروت\n\nبيروت - (أ ف ب): قتل خمسة أشخاص في انفجارين استهدفا منطقة برج البراجنة "
        "في الضاحية الجنوبية لبيروت مساء الخميس.\n")


def test_headline_event_links_across_a_finer_place():
    doc = Pipeline(Settings()).analyze(PAGE, published="2015-11-13T10:00:00+02:00")
    head = [e for e in doc.events if e["evidence"].get("in_headline")]
    assert len(head) == 1 and head[0]["size"] == {"dead": 5}
    same = next(e for e in doc.events if e["id"] == head[0]["evidence"].get("same_as"))
    assert same["size"] == {"dead": 5} and not same["evidence"].get("in_headline")
