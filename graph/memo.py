"""Answers computed from the graph, kept per process until the next write or for a while.

A `Memo` belongs to one Graph and its scoped copies (`Graph.memo`); each entry remembers the
write generation it was computed at (`Graph.generation`, bumped by every committed write
transaction of this process), so a write made here makes every older entry stale at once. A
write made by another process (another server worker, the CLI) is not seen here: `ttl` bounds
how long such an entry can be served.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

DEFAULT_ENTRIES = 64


class Memo:
    """A small LRU of answers keyed by what they were computed for."""

    def __init__(self, max_entries: int = DEFAULT_ENTRIES) -> None:
        self._entries: OrderedDict[Hashable, tuple[int, float, Any]] = OrderedDict()
        self._max = max_entries

    def get(self, key: Hashable, generation: int, ttl: float) -> Any | None:
        """The answer for `key` if it was computed at `generation` less than `ttl` s ago."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        made_at, stored, value = entry
        if made_at != generation or time.monotonic() - stored >= ttl:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return value

    def put(self, key: Hashable, generation: int, value: Any) -> None:
        """Keeps `value`, computed from what the graph held at `generation`."""
        self._entries[key] = (generation, time.monotonic(), value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
