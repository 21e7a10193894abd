"""Writers: JSON output for ``hadath analyze`` and crash-safe JSONL logs for ``hadath run``.

:class:`JsonlLog` is an append-only JSON Lines file that survives being
killed: on opening it truncates a partial last line (a write cut by
SIGKILL) and reads back the ids already written, so a restarted batch
skips them and never writes one twice.

Example:
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> log = JsonlLog(os.path.join(d, "x.jsonl"))
    >>> log.write({"id": "a", "v": 1}); log.flush(); log.close()
    >>> with open(os.path.join(d, "x.jsonl"), "a") as f:
    ...     _ = f.write('{"id": "b", "v"')          # a line cut by a kill
    >>> log = JsonlLog(os.path.join(d, "x.jsonl"))
    >>> sorted(log.ids), log.recovered_bytes
    (['a'], 15)
    >>> log.close()
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["JsonlLog", "write_json", "iter_jsonl_lines", "dumps_line", "read_jsonl", "write_jsonl"]

_ID = re.compile(r'"id": ("(?:[^"\\]|\\.)*"|null)')


def dumps_line(obj: dict[str, Any]) -> str:
    """One JSON line (UTF-8 text, not ASCII-escaped, ending in a newline)."""
    return json.dumps(obj, ensure_ascii=False) + "\n"


def _line_id(line: str) -> str | None:
    m = _ID.search(line, 0, 400)
    if m:
        return json.loads(m.group(1))
    return json.loads(line).get("id")


class JsonlLog:
    """An append-only JSON Lines file with recovery after a kill.

    Args:
        path: File to append to (created when missing).
        read_ids: Read back the ids of the lines already there.

    Attributes:
        ids: Ids of the complete lines already in the file (set of str).
        lines: Number of complete lines already in the file.
        recovered_bytes: Bytes of a partial last line that were cut off (0 if none).
    """

    def __init__(self, path: str | os.PathLike, *, read_ids: bool = True) -> None:
        self.path = Path(path)
        self.recovered_bytes = self._truncate_partial()
        self.ids: set[str] = set()
        self.lines = 0
        if read_ids and self.path.exists():
            with self.path.open("r", encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        self.ids.add(_line_id(line))
                        self.lines += 1
        self._fh = self.path.open("a", encoding="utf-8")

    def _truncate_partial(self) -> int:
        """Cut everything after the last newline (a line cut by a kill); return bytes removed."""
        if not self.path.exists():
            return 0
        size = self.path.stat().st_size
        if size == 0:
            return 0
        with self.path.open("rb+") as fh:
            pos = size
            block = 65536
            while pos > 0:
                start = max(0, pos - block)
                fh.seek(start)
                chunk = fh.read(pos - start)
                nl = chunk.rfind(b"\n")
                if nl >= 0:
                    keep = start + nl + 1
                    break
                pos = start
            else:
                keep = 0
            if keep < size:
                fh.truncate(keep)
            return size - keep

    def write(self, obj: dict[str, Any]) -> None:
        """Append one object as a line (buffered until :meth:`flush`)."""
        self._fh.write(dumps_line(obj))
        self.lines += 1

    def write_line(self, line: str) -> None:
        """Append one already serialised line (must end with a newline)."""
        self._fh.write(line)
        self.lines += 1

    def flush(self) -> None:
        """Hand buffered lines to the operating system (they survive a kill of this process)."""
        self._fh.flush()

    def close(self) -> None:
        """Flush and close."""
        if not self._fh.closed:
            self._fh.close()


def iter_jsonl_lines(path: str | os.PathLike) -> Iterator[tuple[str | None, str]]:
    """Yield ``(id, line)`` for each complete line of a JSONL file."""
    with open(path, "r", encoding="utf-8") as fh:
        for line in fh:
            if line.endswith("\n") and line.strip():
                yield _line_id(line), line


def read_jsonl(path: str | os.PathLike) -> list[dict[str, Any]]:
    """The objects of a JSONL file (``documents.jsonl``, ``failures.jsonl`` ...); ``[]`` when it is missing.

    Raises:
        ValueError: If a non-blank line is not JSON.
    """
    if not os.path.exists(path):
        return []
    with open(path, "r", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_jsonl(path: str | os.PathLike, rows: list[dict[str, Any]]) -> Path:
    """Write ``rows`` as a UTF-8 JSONL file (one object a line, not ASCII-escaped), making its folder.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(dumps_line(r) for r in rows), "utf-8")
    return path


def write_json(doc: dict[str, Any], out: str | None = "-", *, pretty: bool = False) -> None:
    """Write one document as JSON to a file, or to stdout for ``"-"``/None.

    Raises:
        OSError: If the file cannot be written.
    """
    text = json.dumps(doc, ensure_ascii=False, indent=2 if pretty else None) + "\n"
    if out in (None, "-"):
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    tmp = Path(str(out) + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)
