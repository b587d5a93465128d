"""The audit trail: one JSON line per GraphQL operation (and per refused token) appended to
`TOWNGRAPH_AUDIT_LOG`, and `towngraph audit`'s reading of it.

A line: `time` (UTC, ISO 8601), `sub`, `role`, `unit`, `operation` (query | mutation), `name`
(the operation name), `fields` (root fields), `changed` (mutations: the ids in the result data),
`phones` (reads: unmasked phone numbers returned), `outcome` ("ok" or the error codes); a 401 has
`outcome` UNAUTHENTICATED and its `reason`. Never a variable, never a personal value.

Writing is one short `write` of one line to a file opened in append mode, under a lock: O_APPEND
keeps concurrent lines whole, and a line costs microseconds, so the event loop does not notice.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from model.access import Caller


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class AuditLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        # Who asked for what is the owner's to read: a log an older version left 0644 is
        # tightened (new ones are created 0600 below).
        if path.exists() and path.stat().st_mode & 0o077:
            path.chmod(0o600)

    def write(self, entry: dict[str, Any]) -> None:
        # Opened, appended and closed per line: nothing stays open when an app is dropped
        # without its shutdown, and a rotated file is picked up at the next line.
        line = json.dumps({"time": _now(), **entry}, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as fh:
                fh.write(line)

    def operation(self, caller: Caller, entry: dict[str, Any]) -> None:
        """An operation's entry (see schema/audit.py) with who asked."""
        self.write({"sub": caller.sub, "role": caller.role.value, "unit": caller.unit_id, **entry})

    def refused(self, reason: str, sub: str | None = None) -> None:
        """A request refused with 401: who, when known, and why."""
        self.write({"sub": sub, "role": None, "unit": None, "outcome": "UNAUTHENTICATED",
                    "reason": reason})  # fmt: skip


def read(
    path: Path, *, sub: str | None = None, since: dt.date | None = None
) -> Iterator[dict[str, Any]]:
    """The entries of the log, oldest first, filtered by subject and by day (UTC)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                entry: dict[str, Any] = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by a crash
            if sub is not None and entry.get("sub") != sub:
                continue
            if since is not None and str(entry.get("time", ""))[:10] < since.isoformat():
                continue
            yield entry


COLUMNS = ("time", "sub", "role", "unit", "operation", "name", "fields", "outcome", "detail")


def _cell(entry: dict[str, Any], column: str) -> str:
    if column == "detail":
        if "reason" in entry:
            return str(entry["reason"])
        if "changed" in entry:
            return f"changed {len(entry['changed'])}: " + " ".join(entry["changed"][:5])
        return f"phones {entry.get('phones', 0)}"
    value = entry.get(column)
    if column == "time" and isinstance(value, str):
        return value[:19].replace("T", " ")
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return "" if value is None else str(value)


def table(entries: Iterable[dict[str, Any]]) -> list[str]:
    """The entries as the lines of a plain-text table (widths fitted, long cells cut)."""
    rows = [[_cell(e, c)[:60] for c in COLUMNS] for e in entries]
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(COLUMNS)]

    def line(cells: Iterable[str]) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()

    return [line(COLUMNS), line("-" * w for w in widths), *(line(r) for r in rows)]
