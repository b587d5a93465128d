"""What each HTTP request leaves behind for an operator: its request id, its log line
(server/logs.py) and its metrics (server/metrics.py), gathered by one ASGI middleware.

The request id is the client's (or the proxy's) `X-Request-ID` when it is sane (REQUEST_ID: at
most 128 characters of letters, digits and `._:=+/-`), else a new one; it is echoed in the
response's `X-Request-ID` and carried by every log line written while the request is served. The
GraphQL view reports the operation it ran through `note_operation` (the audit trail's entry);
a request refused before that (401, 413, 415, …) takes its outcome from its status.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Final

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.db import count_round_trips
from server import logs
from server.metrics import Metrics

REQUEST_ID_HEADER: Final = "X-Request-ID"
REQUEST_ID: Final = re.compile(r"[A-Za-z0-9._:=+/-]{1,128}")
# The outcome of a request refused before any operation ran, by its status.
_STATUS_OUTCOMES: Final = {
    400: "BAD_REQUEST",
    401: "UNAUTHENTICATED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    500: "INTERNAL_SERVER_ERROR",
    503: "SERVICE_UNAVAILABLE",
}


@dataclass
class Operation:
    """The GraphQL operation a request ran, as the audit trail saw it."""

    kind: str | None
    name: str | None
    outcome: str


_operation: ContextVar[list[Operation] | None] = ContextVar("towngraph_operation", default=None)


def note_operation(entry: Mapping[str, Any]) -> None:
    """Records the operation of the request being served (an audit entry: operation, name,
    outcome); outside a request, nothing."""
    ops = _operation.get()
    if ops is not None:
        ops.append(Operation(entry.get("operation"), entry.get("name"), str(entry["outcome"])))


def request_id_of(value: str | None) -> str:
    """The id to use for a request that sent `value` as its X-Request-ID."""
    if value is not None and REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def _route_path(scope: Scope) -> str:
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    if root and path.startswith(root):
        return path[len(root) :] or "/"
    return path


class Observe:
    """The ASGI middleware: request id, timing, round trips, then one log line and the metrics.

    `graphql_path` is where the API is routed (below any root path): only its requests are
    counted in `towngraph_requests_total`, and their lines are INFO.
    """

    def __init__(
        self, app: ASGIApp, *, metrics: Metrics | None = None, graphql_path: str = "/graphql"
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.graphql_path = graphql_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = dict(scope["headers"]).get(REQUEST_ID_HEADER.lower().encode("latin-1"))
        request_id = request_id_of(sent.decode("latin-1") if sent is not None else None)
        status = 500  # what the client gets when the app raises before answering

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        ops: list[Operation] = []
        ops_token = _operation.set(ops)
        started = time.perf_counter()
        try:
            with logs.serving(request_id), count_round_trips() as trips:
                try:
                    await self.app(scope, receive, send_with_id)
                finally:
                    seconds = time.perf_counter() - started
                    self._finish(scope, request_id, status, ops, seconds, trips.seconds)
        finally:
            _operation.reset(ops_token)

    def _finish(
        self,
        scope: Scope,
        request_id: str,
        status: int,
        ops: list[Operation],
        seconds: float,
        query_seconds: list[float],
    ) -> None:
        op = ops[-1] if ops else None
        if op is not None:
            outcome = op.outcome
        elif status < 400:
            outcome = "ok"
        else:
            outcome = _STATUS_OUTCOMES.get(status, f"HTTP_{status}")
        graphql = _route_path(scope) == self.graphql_path
        logs.request_line(
            request_id=request_id,
            method=scope.get("method", ""),
            path=scope["path"],
            status=status,
            operation=op.kind if op else None,
            operation_name=op.name if op else None,
            seconds=seconds,
            round_trips=len(query_seconds),
            outcome=outcome,
            graphql=graphql,
        )
        if self.metrics is None:
            return
        self.metrics.queries(query_seconds)
        # The IDE page is served from the API's URL too, but it is not an operation.
        if graphql and (op is not None or status >= 400):
            self.metrics.request(
                operation_name=op.name if op else None,
                known=op is not None,
                outcome=outcome,
                seconds=seconds,
            )
