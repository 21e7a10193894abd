"""Bad --config files: exit 2 and one line naming the TOML file, the key and the problem (hadath.settings)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from hadath.cli import cli
from hadath.settings import Settings, load_settings

AR = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."


@pytest.mark.parametrize("body, problem", [
    ('stages = ["bogus"]', "stages: unknown stage 'bogus'; known: times, quantities, entities, attributions, events"),
    ('stages = "times"', "stages: expected a list of stage names (times, quantities, entities, attributions, "
                         "events), got 'times'"),
    ('stages = ["times", "times"]', "stages: a stage is named twice in ['times', 'times']"),
    ('max_chars = "lots"', "max_chars: expected a positive integer, got 'lots'"),
    ("max_chars = 0", "max_chars: expected a positive integer, got 0"),
    ("max_bytes = true", "max_bytes: expected a positive integer, got True"),
    ('include_tokens = "yes"', "include_tokens: expected true or false, got 'yes'"),
    ('default_timezone = "Mars/Base"', "default_timezone: unknown time zone 'Mars/Base' (expected an IANA name "
                                       "such as 'Asia/Riyadh')"),
    ("colour = 1", "unknown settings ['colour']; known: ['default_timezone', 'include_tokens', 'max_bytes', "
                   "'max_chars', 'stages']"),
])
@pytest.mark.parametrize("command", ["analyze", "run"])
def test_bad_config_value(tmp_path, body, problem, command):
    cfg = tmp_path / "c.toml"
    cfg.write_text(f"[hadath]\n{body}\n", "utf-8")
    f = tmp_path / "nobidi.txt"
    f.write_text(AR, "utf-8")
    args = [command, str(f), "--config", str(cfg)] + (["--out", str(tmp_path / "o")] if command == "run" else [])
    res = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert res.exit_code == 2
    assert res.stderr == f"hadath: error: --config {cfg}: {problem}\n"
    assert res.stdout == ""


def test_not_toml_and_missing_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(AR, "utf-8")
    cfg = tmp_path / "c.toml"
    cfg.write_text("[hadath\n", "utf-8")
    res = CliRunner().invoke(cli, ["analyze", str(f), "--config", str(cfg)])
    assert res.exit_code == 2 and res.stderr.startswith(f"hadath: error: --config {cfg}: not valid TOML (")
    assert res.stderr.count("\n") == 1
    res = CliRunner().invoke(cli, ["analyze", str(f), "--config", str(tmp_path / "none.toml")])
    assert res.exit_code == 2
    assert res.stderr == f"hadath: error: --config {tmp_path / 'none.toml'}: cannot read (No such file or directory)\n"


def test_good_config_values(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[hadath]\nstages = ["times"]\nmax_chars = 5000\ninclude_tokens = true\n'
                   'default_timezone = "Asia/Riyadh"\n', "utf-8")
    assert load_settings(cfg) == Settings(stages=("times",), max_chars=5000, include_tokens=True,
                                          default_timezone="Asia/Riyadh")
    assert load_settings(cfg, include_tokens=False).include_tokens is False


@pytest.mark.parametrize("body,problem", [
    ('stages = ["times"]\n', "no [hadath] table; these look like settings written without the table: ['stages']; "
                             "write them under a [hadath] line"),
    ("[other]\nx = 1\n", "no [hadath] table (it has ['other']); write them under a [hadath] line"),
])
def test_settings_outside_the_hadath_table_are_an_error(tmp_path, body, problem):
    cfg = tmp_path / "c.toml"
    cfg.write_text(body, "utf-8")
    f = tmp_path / "a.txt"
    f.write_text(AR, "utf-8")
    res = CliRunner().invoke(cli, ["analyze", str(f), "--config", str(cfg)])
    assert res.exit_code == 2 and res.stderr == f"hadath: error: --config {cfg}: {problem}\n"
    cfg.write_text("", "utf-8")  # an empty file is the defaults
    assert load_settings(cfg) == Settings()


def test_a_stage_without_the_stages_it_reads_warns(tmp_path):
    from hadath.pipeline import Pipeline

    doc = Pipeline(Settings(stages=("events",))).analyze("قال الوزير إن الجيش قتل 3 مسلحين.",
                                                          published="2015-07-31T10:00:00+03:00")
    assert doc.warnings == ["stage 'events' ran without 'times', 'quantities', 'entities', 'attributions' (not in "
                            "the settings' stages): it lacks what those stages give (event dates fall back to the "
                            "publication time; no sizes, linked actors or sources)"]
    doc = Pipeline(Settings(stages=("times", "quantities"))).analyze("قال الوزير إن الاجتماع انتهى.",
                                                                    published="2015-07-31T10:00:00+03:00")
    assert doc.warnings == []
