"""A headline event that the body reports again is linked to it, and exported once."""
import json

from hadath.extract.events.export import export
from hadath.pipeline import Pipeline
from hadath.settings import Settings


def test_headline_event_links_to_the_body_event(sample_text, tmp_path):
    doc = Pipeline(Settings()).analyze(sample_text)
    head = [e for e in doc.events if e["evidence"].get("in_headline")]
    # "مقاتلو داعش الأجانب يطلبون المساعدة" is "150 شخصا ... طلبوا المساعدة" of the body
    assert [(e["type"], e["trigger"]["text"]) for e in head] == [("REQUEST", "يطلبون")]
    same = next(e for e in doc.events if e["id"] == head[0]["evidence"]["same_as"])
    assert (same["type"], same["trigger"]["text"]) == ("REQUEST", "طلبوا")
    assert not same["evidence"].get("in_headline")
    path = tmp_path / "documents.jsonl"
    path.write_text(doc.to_json() + "\n", "utf-8")
    out = tmp_path / "events.jsonl"
    n = export(path, "plover", out)
    ids = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    assert n == len(doc.events) - 1 and len(ids) == n
    assert not any(i.endswith(head[0]["id"]) for i in ids)
