"""Records read from a .json file (alone or in a zip) carry the file as their input path, as JSONL records do."""
from __future__ import annotations

import json
import zipfile

from hadath.io.readers import iter_input


def test_json_array_and_object_records_carry_their_file(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"id": "rec-1", "text": "نص"}), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps([{"id": "r2", "text": "نص"}, {"id": "r3", "text": "نص"}]), "utf-8")
    got = {r["id"]: r["path"] for r in iter_input(str(tmp_path))}
    assert got == {"rec-1": str(tmp_path / "a.json"), "r2": str(tmp_path / "b.json"), "r3": str(tmp_path / "b.json")}


def test_zip_json_member_records_carry_the_member(tmp_path):
    z = tmp_path / "day.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("day/articles.json", json.dumps([{"content": "نص", "url": "http://x/1"}]))
    (rec,) = list(iter_input(str(z)))
    assert rec["path"] == f"{z}!day/articles.json"
    assert "error" not in rec
