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

    Every value of the file is checked: ``stages`` a list of known stage names
    (see :data:`hadath.pipeline.STAGE_CLASSES`), ``include_tokens`` true or
    false, ``max_chars`` and ``max_bytes`` positive integers,
    ``default_timezone`` an IANA zone name.

    Raises:
        ValueError: One line ``"<file>: <key>: <problem>"`` when the file is not
            TOML, has no ``[hadath]`` table, names an unknown setting or holds a bad value.
        OSError: If the file cannot be read.

    Example:
        >>> import tempfile, os
        >>> with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
        ...     _ = f.write('[hadath]\\nmax_chars = "lots"\\n')
        >>> try:
        ...     load_settings(f.name)
        ... except ValueError as e:
        ...     print(str(e).replace(f.name, "cfg.toml"))
        cfg.toml: max_chars: expected a positive integer, got 'lots'
        >>> os.unlink(f.name)
    """
    values: dict[str, Any] = {}
    if path is not None:
        try:
            doc = tomllib.loads(Path(path).read_text("utf-8"))
        except tomllib.TOMLDecodeError as e:
            raise ValueError(f"{path}: not valid TOML ({e})") from None
        except UnicodeDecodeError:
            raise ValueError(f"{path}: not valid TOML (not UTF-8 text)") from None
        if doc and "hadath" not in doc:  # an empty file is the defaults
            known = sorted(f.name for f in dataclasses.fields(Settings))
            top = sorted(doc)
            hint = (f"; these look like settings written without the table: {top}"
                    if set(top) & set(known) else f" (it has {top})")
            raise ValueError(f"{path}: no [hadath] table{hint}; write them under a [hadath] line")
        data = doc.get("hadath", {})
        if not isinstance(data, dict):
            raise ValueError(f"{path}: hadath: expected a table [hadath], got {type(data).__name__}")
        known = {f.name for f in dataclasses.fields(Settings)}
        bad = set(data) - known
        if bad:
            raise ValueError(f"{path}: unknown settings {sorted(bad)}; known: {sorted(known)}")
        data = dict(data)
        for key, value in list(data.items()):
            data[key] = _check(path, key, value)
        values.update(data)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)


def _check(path: str | Path, key: str, value: Any) -> Any:
    """Return ``value`` checked for setting ``key`` (raises a one-line ValueError naming file and key)."""

    def bad(problem: str) -> ValueError:
        return ValueError(f"{path}: {key}: {problem}")

    if key == "stages":
        from hadath.pipeline import STAGE_CLASSES

        names = [n for n, _ in STAGE_CLASSES]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad(f"expected a list of stage names ({', '.join(names)}), got {value!r}")
        unknown = [v for v in value if v not in names]
        if unknown:
            raise bad(f"unknown stage{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                      f"known: {', '.join(names)}")
        if len(set(value)) != len(value):
            raise bad(f"a stage is named twice in {value!r}")
        return tuple(value)
    if key == "include_tokens":
        if not isinstance(value, bool):
            raise bad(f"expected true or false, got {value!r}")
        return value
    if key in ("max_chars", "max_bytes"):
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise bad(f"expected a positive integer, got {value!r}")
        return value
    if key == "default_timezone":
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        if not isinstance(value, str) or not value.strip():
            raise bad(f"expected an IANA time zone name such as 'Asia/Riyadh', got {value!r}")
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise bad(f"unknown time zone {value!r} (expected an IANA name such as 'Asia/Riyadh')") from None
        return value
    return value
