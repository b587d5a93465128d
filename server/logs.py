"""Log lines: the process's logging set-up (`setup`: text, or JSON lines with
`TOWNGRAPH_LOG_FORMAT=json`) and the one line each HTTP request leaves (`request_line`).

A JSON line has `time` (UTC, ISO 8601), `level`, `logger`, `message`, the `request_id` of the
request being served when there is one, the request line's fields (REQUEST_FIELDS) on that line,
and `traceback` when an exception is logged. The request line names the path, never the query
string (a GET can carry variables, and so personal values).

Levels: a request is INFO, whatever mistake the client made (a refused token, a bad argument);
only what the server failed at is more: the request line of a 5xx or of an INTERNAL_SERVER_ERROR
or SERVICE_UNAVAILABLE is WARNING, and the unexpected exception itself is logged once, at ERROR
with its traceback, where it is masked (schema/errors.py). Probes, /metrics and GraphiQL's assets
are DEBUG when they succeed, so that a scraper every few seconds does not drown the log.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import IO, Any, Final

REQUEST_LOGGER: Final = "towngraph.request"
# The request line's fields, as attributes of its record and keys of its JSON line.
REQUEST_FIELDS: Final = ("method", "path", "status", "operation", "operation_name",
                         "duration_ms", "round_trips", "outcome")  # fmt: skip
SERVER_FAULTS: Final = frozenset({"INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE"})

_request_id: ContextVar[str | None] = ContextVar("towngraph_request_id", default=None)
log = logging.getLogger(REQUEST_LOGGER)


def current_request_id() -> str | None:
    """The id of the request being served in this context, if any."""
    return _request_id.get()


@contextmanager
def serving(request_id: str) -> Iterator[None]:
    """Every line logged inside the block carries `request_id`."""
    token = _request_id.set(request_id)
    try:
        yield
    finally:
        _request_id.reset(token)


def _time(created: float) -> str:
    stamp = dt.datetime.fromtimestamp(created, dt.UTC).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


class JsonFormatter(logging.Formatter):
    """One JSON object per line; never more than one line, tracebacks included."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": _time(record.created),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or current_request_id()
        if request_id:
            entry["request_id"] = request_id
        for key in REQUEST_FIELDS:
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """`LEVEL logger: message [request id]`, the traceback below it."""

    def __init__(self) -> None:
        super().__init__("%(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        request_id = getattr(record, "request_id", None) or current_request_id()
        if not request_id:
            return text
        first, newline, rest = text.partition("\n")
        return f"{first} [{request_id}]{newline}{rest}"


def setup(fmt: str = "text", level: str = "INFO", stream: IO[str] | None = None) -> None:
    """One handler on the root logger (replacing any), in `fmt` ("text" or "json"), on stderr.

    uvicorn's own loggers are made to go through it too (so that a JSON log stays JSON when
    uvicorn starts the app), and its access log is silenced: the request line replaces it.
    """
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    for old in root.handlers[:]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        for old in logger.handlers[:]:
            logger.removeHandler(old)
        logger.propagate = True
        # The root's level decides (a uvicorn started earlier in the process set its own).
        logger.setLevel(logging.NOTSET)
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)


def request_level(status: int, outcome: str, *, graphql: bool) -> int:
    """How loud a request's line is (see the module's docstring)."""
    if status >= 500 or SERVER_FAULTS.intersection(outcome.split(",")):
        return logging.WARNING
    if graphql or status >= 400:
        return logging.INFO
    return logging.DEBUG


def request_line(
    *,
    request_id: str,
    method: str,
    path: str,
    status: int,
    operation: str | None,
    operation_name: str | None,
    seconds: float,
    round_trips: int,
    outcome: str,
    graphql: bool,
) -> None:
    """Logs the one line of a finished request."""
    level = request_level(status, outcome, graphql=graphql)
    if not log.isEnabledFor(level):
        return
    duration_ms = round(seconds * 1000, 1)
    what = f" {operation or 'operation'} {operation_name or '(anonymous)'}" if operation else ""
    log.log(
        level,
        "%s %s %d%s %s in %.1f ms, %d round trips",
        method, path, status, what, outcome, duration_ms, round_trips,
        extra={
            "request_id": request_id, "method": method, "path": path, "status": status,
            "operation": operation, "operation_name": operation_name,
            "duration_ms": duration_ms, "round_trips": round_trips, "outcome": outcome,
        },
    )  # fmt: skip
