"""Which exceptions from the graph layer mean "Neo4j is unreachable", for the schema's errors."""

from __future__ import annotations

from graph.db import GraphUnavailable


def is_unavailable(exc: BaseException) -> bool:
    return isinstance(exc, GraphUnavailable)
