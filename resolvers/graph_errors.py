"""Which exceptions from the graph layer mean "Neo4j is unreachable" or "the query ran too long",
for the schema's errors."""

from __future__ import annotations

from graph.db import GraphUnavailable, QueryTimeout


def is_unavailable(exc: BaseException) -> bool:
    return isinstance(exc, GraphUnavailable)


def is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, QueryTimeout)
