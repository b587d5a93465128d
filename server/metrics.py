"""Prometheus metrics of one app, served at `/metrics` (`TOWNGRAPH_METRICS=false` removes it).

* `towngraph_requests_total{operation,outcome}`: GraphQL requests; `outcome` is "ok" or the first
  error code (UNAUTHENTICATED for a refused token, …).
* `towngraph_request_seconds{operation}`: their latency, from the first byte in to the last out.
* `towngraph_neo4j_round_trips_total`, `towngraph_neo4j_query_seconds`: the Cypher queries the
  requests sent and how long each took (sending it to holding all its rows).
* `towngraph_neo4j_pool_in_use`: the driver's connections in use, counted as the sessions open
  (the driver has no public reading of its pool).

Label values stay few: `operation` is the operation's name when it looks like one
(`[A-Za-z_][A-Za-z0-9_]{0,63}`) and is among the first MAX_OPERATIONS names seen, "other" past
that, "anonymous" for an operation without a name, "unknown" for a request refused before its
operation was read. Each app has its own registry; with several worker processes, each one
answers for itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from starlette.requests import Request
from starlette.responses import Response

MAX_OPERATIONS: Final = 50
_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
# Cypher queries of this API take from under a millisecond to the query timeout (10 s).
QUERY_BUCKETS: Final = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
                        2.5, 5.0, 10.0)  # fmt: skip


class Metrics:
    """The collectors of one app; `in_use` reads the sessions open right now."""

    def __init__(
        self,
        in_use: Callable[[], int] | None = None,
        *,
        max_operations: int = MAX_OPERATIONS,
        subscriptions: Callable[[], int] | None = None,
    ) -> None:
        self.registry = CollectorRegistry()
        self._max_operations = max_operations
        self._operations: set[str] = set()
        self.requests = Counter(
            "towngraph_requests",
            "GraphQL requests by operation name and outcome (ok or the first error code).",
            ["operation", "outcome"],
            registry=self.registry,
        )
        self.request_seconds = Histogram(
            "towngraph_request_seconds",
            "Latency of GraphQL requests, by operation name.",
            ["operation"],
            registry=self.registry,
        )
        self.round_trips = Counter(
            "towngraph_neo4j_round_trips",
            "Cypher queries sent to Neo4j while serving requests.",
            registry=self.registry,
        )
        self.query_seconds = Histogram(
            "towngraph_neo4j_query_seconds",
            "Time of one Cypher query, from sending it to holding all its rows.",
            buckets=QUERY_BUCKETS,
            registry=self.registry,
        )
        self.pool_in_use = Gauge(
            "towngraph_neo4j_pool_in_use",
            "Neo4j connections in use (sessions open).",
            registry=self.registry,
        )
        if in_use is not None:
            self.pool_in_use.set_function(lambda: float(in_use()))
        self.subscriptions_open = Gauge(
            "towngraph_subscriptions_open",
            "GraphQL subscriptions this process serves now (websocket /graphql).",
            registry=self.registry,
        )
        if subscriptions is not None:
            self.subscriptions_open.set_function(lambda: float(subscriptions()))

    def operation_label(self, name: str | None, *, known: bool) -> str:
        """The `operation` label of an operation's name (see the module's docstring)."""
        if not known:
            return "unknown"
        if not name:
            return "anonymous"
        if not _NAME.fullmatch(name):
            return "other"
        if name not in self._operations:
            if len(self._operations) >= self._max_operations:
                return "other"
            self._operations.add(name)
        return name

    def request(
        self,
        *,
        operation_name: str | None,
        known: bool,
        outcome: str,
        seconds: float,
    ) -> None:
        """A finished GraphQL request."""
        label = self.operation_label(operation_name, known=known)
        self.requests.labels(label, outcome.split(",", 1)[0]).inc()
        self.request_seconds.labels(label).observe(seconds)

    def queries(self, seconds: Sequence[float]) -> None:
        """The Cypher queries one request sent, each with its time."""
        if seconds:
            self.round_trips.inc(len(seconds))
        for each in seconds:
            self.query_seconds.observe(each)

    async def endpoint(self, _: Request) -> Response:
        """`GET /metrics`: the text exposition format."""
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)
