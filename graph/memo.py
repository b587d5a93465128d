"""Answers computed from the graph, kept per process until the next write or for a while.

A `Memo` belongs to one Graph and its scoped copies (`Graph.memo`); each entry remembers the
write generation it was computed at (`Graph.generation`, bumped by every committed write
transaction of this process), so a write made here makes every older entry stale at once. A
write made by another process (another server worker, the CLI) is not seen here: `ttl` bounds
how long such an entry can be served.

A memo is bounded by its number of entries and, when a `put` gives one, by a weight budget: the
sum of its entries' weights (what the caller counts, e.g. a network's people and ties), so that
a process's memory is bounded by the size of what it keeps, not only by how many answers.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, NamedTuple

DEFAULT_ENTRIES = 64


class _Entry(NamedTuple):
    generation: int
    stored: float  # time.monotonic()
    value: Any
    weight: int


class Memo:
    """A small LRU of answers keyed by what they were computed for."""

    def __init__(self, max_entries: int = DEFAULT_ENTRIES) -> None:
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._max = max_entries
        self._weight = 0

    def get(self, key: Hashable, generation: int, ttl: float) -> Any | None:
        """The answer for `key` if it was computed at `generation` less than `ttl` s ago."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry.generation != generation or time.monotonic() - entry.stored >= ttl:
            self._drop(key)
            return None
        self._entries.move_to_end(key)
        return entry.value

    def put(
        self,
        key: Hashable,
        generation: int,
        value: Any,
        *,
        weight: int = 1,
        max_weight: int | None = None,
    ) -> None:
        """Keeps `value`, computed from what the graph held at `generation`, then forgets the
        least recently used entries until at most `max_entries` are kept and, with
        `max_weight`, their weights add up to at most that. A value heavier than `max_weight`
        alone is not kept (it would push out everything else)."""
        if key in self._entries:
            self._drop(key)
        if max_weight is not None and weight > max_weight:
            return
        self._entries[key] = _Entry(generation, time.monotonic(), value, weight)
        self._weight += weight
        while len(self._entries) > self._max or (
            max_weight is not None and self._weight > max_weight
        ):
            self._drop(next(iter(self._entries)))

    def _drop(self, key: Hashable) -> None:
        self._weight -= self._entries.pop(key).weight

    @property
    def weight(self) -> int:
        """The sum of the kept entries' weights."""
        return self._weight

    def __len__(self) -> int:
        return len(self._entries)
