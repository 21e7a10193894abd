"""``hadath.analyze(now=...)`` resolves relative publication stamps, as ``hadath analyze --now`` does."""
from __future__ import annotations

from datetime import datetime, timezone

import hadath
from hadath import Settings

FAST = Settings(stages=())
TEXT = "منذ ساعتين\nوأعلنت الجهات المختصة أمس عن بدء المرحلة الثانية من المشروع."


def test_top_level_analyze_takes_now():
    doc = hadath.analyze(TEXT, settings=FAST, now=datetime(2015, 7, 23, 15, 0, tzinfo=timezone.utc))
    pub = doc.metadata["published"]
    assert (pub["value"], pub["timezone"], pub["source"]) == ("2015-07-23T13:00:00+00:00", "UTC", "text")
    assert TEXT[pub["span"]["start"]:pub["span"]["end"]] == "منذ ساعتين"


def test_without_now_the_stamp_stays_unresolved():
    assert hadath.analyze(TEXT, settings=FAST).metadata["published"]["value"] is None
