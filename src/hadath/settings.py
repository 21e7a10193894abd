"""One frozen settings object: defaults, then a TOML file, then explicit overrides.

Example:
    >>> s = Settings()
    >>> s.include_tokens
    False
    >>> s.replace(include_tokens=True).include_tokens
    True
"""
from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Settings", "load_settings"]


@dataclass(frozen=True)
class Settings:
    """Pipeline settings (immutable; hashable so resources can be cached per settings).

    Attributes:
        stages: Names of the extractor stages to run, in order.
        include_tokens: Keep ``tokens`` in the output document.
        max_chars: Inputs whose decoded text is longer (code points) are cut
            to this length with a warning.
        max_bytes: Raw inputs larger than this (bytes) are refused.
        default_timezone: IANA zone used for the publication time when the
            outlet's home zone is unknown (None: the value keeps no offset, timezone null, and the document gets a warning).
    """

    stages: tuple[str, ...] = ("times", "quantities", "entities", "attributions", "events")
    include_tokens: bool = False
    max_chars: int = 200_000
    max_bytes: int = 64 * 1024 * 1024
    default_timezone: str | None = None

    def replace(self, **changes: Any) -> "Settings":
        """Return a copy with ``changes`` applied (unknown names raise TypeError)."""
        return dataclasses.replace(self, **changes)


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Build settings from defaults, an optional TOML file (``[hadath]`` table), then overrides.

    Raises:
        ValueError: If the file names an unknown setting.
        OSError: If the file cannot be read.
    """
    values: dict[str, Any] = {}
    if path is not None:
        data = tomllib.loads(Path(path).read_text("utf-8")).get("hadath", {})
        known = {f.name for f in dataclasses.fields(Settings)}
        bad = set(data) - known
        if bad:
            raise ValueError(f"{path}: unknown settings {sorted(bad)}")
        if "stages" in data:
            data["stages"] = tuple(data["stages"])
        values.update(data)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)
