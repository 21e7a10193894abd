"""hadath run --retry-failed: unchanged inputs that failed in an earlier run are analysed again (hadath.batch).

Use: a bug fixed in hadath (2015-08-10.zip:1199 raised IndexError in the events stage); without the flag a
resume skips the unchanged failed input for ever.
"""
from __future__ import annotations

import json

from click.testing import CliRunner

from hadath.batch import check_output, run_batch
from hadath.cli import cli
from hadath.io.writers import read_jsonl
from hadath.pipeline import Pipeline
from hadath.settings import Settings

FAST = Settings(stages=())
A = "قال الوزير إن الاجتماع انتهى اليوم في القاهرة بحضور عدد من المسؤولين."
B = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الزراعة في المحافظات الجنوبية."


def _broken_on_b(monkeypatch):
    real = Pipeline._start  # every article passes here, alone (analyze) or in a chunk (analyze_batch)

    def start(self, data, **k):
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
        if "الزراعة" in text:
            raise IndexError("list index out of range")
        return real(self, data, **k)

    monkeypatch.setattr(Pipeline, "_start", start)


def _run(corpus, out, **kw):
    return run_batch([str(corpus)], out, jobs=1, settings=FAST, progress=False, chunksize=1, **kw)


def test_unchanged_failure_is_retried_only_when_asked(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(A, "utf-8")
    (corpus / "b.txt").write_text(B, "utf-8")
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        _broken_on_b(m)
        res = _run(corpus, out)
    assert (res.ok, res.failed) == (1, 1)
    (fail,) = read_jsonl(out / "failures.jsonl")
    assert fail["id"] == str(corpus / "b.txt") and "IndexError" in fail["error"]
    # fixed hadath, plain resume: the failure is skipped and kept
    res = _run(corpus, out)
    assert (res.ok, res.failed, res.skipped_failed, res.retried) == (0, 0, 1, 0)
    # --retry-failed: analysed again; its document replaces the failure line
    res = _run(corpus, out, retry_failed=True)
    assert (res.ok, res.failed, res.retried, res.total_documents, res.total_failures) == (1, 0, 1, 2, 0)
    assert res.retried_changed == 0  # retried because asked, not because it changed
    assert [d["id"] for d in read_jsonl(out / "documents.jsonl")] == [str(corpus / "a.txt"), str(corpus / "b.txt")]
    assert read_jsonl(out / "failures.jsonl") == []
    assert check_output(out)["failure_id_clashes"] == 0


def test_failure_that_fails_again_keeps_one_line(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "b.txt").write_text(B, "utf-8")
    out = tmp_path / "out"
    _broken_on_b(monkeypatch)
    _run(corpus, out)
    res = _run(corpus, out, retry_failed=True)
    assert (res.ok, res.failed, res.retried, res.total_failures) == (0, 1, 1, 1)
    assert [f["id"] for f in read_jsonl(out / "failures.jsonl")] == [str(corpus / "b.txt")]


def test_cli_flag_is_passed(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(A, "utf-8")
    cfg = tmp_path / "c.toml"
    cfg.write_text("[hadath]\nstages = []\n", "utf-8")
    res = CliRunner().invoke(cli, ["run", str(corpus), "--out", str(tmp_path / "o"), "-j", "1", "--no-progress",
                                   "--config", str(cfg), "--retry-failed"], catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    assert "--retry-failed" in CliRunner().invoke(cli, ["run", "--help"]).stdout


def test_fingerprints_are_not_repeated_by_resumes_and_retries(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(A, "utf-8")
    (corpus / "empty.txt").write_bytes(b"")  # fails, unchanged, at every retry
    out = tmp_path / "out"
    _run(corpus, out)
    first = (out / "fingerprints.jsonl").read_text("utf-8")
    assert len(first.splitlines()) == 2
    _run(corpus, out)
    res = _run(corpus, out, retry_failed=True)
    assert (res.retried, res.failed) == (1, 1)
    assert (out / "fingerprints.jsonl").read_text("utf-8") == first
    # a changed input still gets its new line
    (corpus / "empty.txt").write_text(B, "utf-8")
    res = _run(corpus, out)
    assert (res.ok, res.retried_changed) == (1, 1)
    lines = [json.loads(x) for x in (out / "fingerprints.jsonl").read_text("utf-8").splitlines()]
    assert len(lines) == 3 and lines[-1]["id"] == str(corpus / "empty.txt")
