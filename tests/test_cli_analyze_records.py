"""hadath analyze on a JSON/JSONL/CSV file reads its one article with its fields (it analysed the JSON syntax)."""
import json

from click.testing import CliRunner

from hadath.cli import cli

BODY = "قال الوزير أمس إن الاجتماع انتهى في القاهرة."


def test_analyze_reads_one_record_with_its_fields(tmp_path):
    j = tmp_path / "a.json"
    j.write_text(json.dumps({"id": "x1", "content": BODY, "published": "2015-07-24T10:00:00+03:00",
                             "title": "عنوان"}, ensure_ascii=False), "utf-8")
    res = CliRunner().invoke(cli, ["analyze", str(j)])
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["id"] == "x1" and "{" not in doc["text"] and doc["text"].startswith("عنوان")
    assert doc["metadata"]["published"]["value"] == "2015-07-24T10:00:00+03:00"
    assert [t["value"] for t in doc["times"]] == ["2015-07-23"]
    # the command line wins over the record's fields
    res = CliRunner().invoke(cli, ["analyze", str(j), "--published", "2016-01-10T10:00:00+03:00"])
    assert [t["value"] for t in json.loads(res.stdout)["times"]] == ["2016-01-09"]


def test_analyze_refuses_many_records(tmp_path):
    j = tmp_path / "a.jsonl"
    j.write_text("".join(json.dumps({"text": BODY}, ensure_ascii=False) + "\n" for _ in range(2)), "utf-8")
    res = CliRunner().invoke(cli, ["analyze", str(j)])
    assert res.exit_code == 1
    assert res.stderr == f"hadath: error: {j}: holds more than one article; use 'hadath run {j} --out DIR'\n"
    c = tmp_path / "b.csv"
    c.write_text("id,title\n1,x\n", "utf-8")
    res = CliRunner().invoke(cli, ["analyze", str(c)])
    assert res.exit_code == 1 and res.stderr.startswith(f"hadath: error: {c}")
