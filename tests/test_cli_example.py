"""The README's first Quick start command: `hadath analyze --example` on the bundled sample."""
import json

from click.testing import CliRunner

from hadath.cli import cli


def test_analyze_example_gives_the_acceptance_metadata():
    r = CliRunner().invoke(cli, ["analyze", "--example", "--pretty"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    m = d["metadata"]
    assert m["headline"]["text"] == "مقاتلو داعش الأجانب يطلبون المساعدة للعودة لبلادهم"
    assert [a["text"] for a in m["authors"]] == ["هدى الشيمي"]
    assert m["published"]["value"] == "2016-06-08T11:39:00+02:00"
    assert m["published"]["timezone"] == "Africa/Cairo"
    assert sorted(b["text"] for b in d["boilerplate"]) == ["إعلان", "إعلان", "إعلان", "فيديو قد يعجبك:"]
    assert len(d["paragraphs"]) == 9
    assert d["warnings"] == []


def test_analyze_needs_path_or_example():
    r = CliRunner().invoke(cli, ["analyze"])
    assert r.exit_code == 2
    assert "--example" in r.output
