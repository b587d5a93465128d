"""Log lines: one per request with its request id, operation, duration, round trips and
outcome; a client's mistake at INFO, an unexpected error once, with its traceback; JSON lines
when asked for."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from graph.db import Graph
from server import logs
from server.logs import REQUEST_LOGGER, JsonFormatter, TextFormatter
from tests.conftest import GraphQLClient, bearer
from tests.factories import Doc, place


class JsonLines:
    """A JSON handler on the root logger, formatting each record as it is emitted (inside the
    request's context, as a real handler does)."""

    def __init__(self) -> None:
        self.stream = io.StringIO()
        self.handler = logging.StreamHandler(self.stream)
        self.handler.setFormatter(JsonFormatter())

    def all(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stream.getvalue().splitlines()]

    def requests(self) -> list[dict[str, Any]]:
        return [line for line in self.all() if line["logger"] == REQUEST_LOGGER]


@pytest.fixture
def log_lines() -> Iterator[JsonLines]:
    lines = JsonLines()
    logging.getLogger().addHandler(lines.handler)
    yield lines
    logging.getLogger().removeHandler(lines.handler)


async def test_each_request_leaves_one_line_with_its_operation_and_round_trips(
    graph: Graph,
    gql: GraphQLClient,
    uid: str,
    caplog: pytest.LogCaptureFixture,
    log_lines: JsonLines,
) -> None:
    # given a village and a caller who sends an id of its own
    doc = place(Doc(uid))
    await doc.load(graph)
    caplog.set_level(logging.INFO, logger=REQUEST_LOGGER)
    # when a named query is posted
    response = await gql.client.post(
        "/graphql",
        json={
            "query": "query VillageName($id: ID!) { village(id: $id) { name township { name } } }",
            "variables": {"id": doc.id("V")},
        },
        headers={"X-Request-ID": f"{uid}req-1"},
    )
    # then the response echoes the id, and one INFO line tells what ran and how
    assert response.status_code == 200
    assert response.headers["X-Request-ID"] == f"{uid}req-1"
    [line] = log_lines.requests()
    assert line["level"] == "INFO"
    assert line["request_id"] == f"{uid}req-1"
    assert (line["method"], line["path"], line["status"]) == ("POST", "/graphql", 200)
    assert (line["operation"], line["operation_name"], line["outcome"]) == (
        "query", "VillageName", "ok",
    )  # fmt: skip
    assert line["round_trips"] >= 1
    assert line["duration_ms"] > 0
    # and the count of round trips is the one the request really made
    await gql.data(
        "query VillageName($id: ID!) { village(id: $id) { name township { name } } }",
        {"id": doc.id("V")},
    )
    assert log_lines.requests()[-1]["round_trips"] == gql.round_trips
    # and no variable reached the log
    assert doc.id("V") not in caplog.text


async def test_a_request_id_that_is_not_sane_is_replaced(
    gql: GraphQLClient, caplog: pytest.LogCaptureFixture, log_lines: JsonLines
) -> None:
    # given a request id with a line break and one that is far too long
    caplog.set_level(logging.INFO, logger=REQUEST_LOGGER)
    for sent in ["evil\r\nSet-Cookie: x", "x" * 129]:
        # when it is sent
        response = await gql.client.post(
            "/graphql", json={"query": "{ __typename }"}, headers={"X-Request-ID": sent}
        )
        # then a fresh id is used, echoed and logged instead
        echoed = response.headers["X-Request-ID"]
        assert echoed != sent
        assert len(echoed) == 32
        assert log_lines.requests()[-1]["request_id"] == echoed


async def test_client_mistakes_are_info_and_never_errors(
    gql: GraphQLClient, caplog: pytest.LogCaptureFixture, log_lines: JsonLines, uid: str
) -> None:
    # given a caller who makes every kind of mistake a client can make
    caplog.set_level(logging.DEBUG)
    await gql.post("{ nosuchfield }")
    await gql.post(
        "mutation($t: ID!, $d: Date) { endTeamMembership(teamId: $t, personId: $t, until: $d)"
        " { id } }",
        {"t": f"{uid}nowhere", "d": "2024-02-30"},
    )
    await gql.post(
        'mutation($t: ID!) { createTeam(name: "专班", kind: WORKING_TEAM, townshipId: $t) { id } }',
        {"t": f"{uid}nowhere"},
    )
    refused = await gql.client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"Authorization": "Bearer nope"}
    )
    unsupported = await gql.client.post(
        "/graphql", content=b"query=1", headers={"content-type": "text/plain", **bearer()}
    )
    # then nothing was logged above INFO, and each request has its line with its outcome
    assert [r.getMessage() for r in caplog.records if r.levelno > logging.INFO] == []
    lines = log_lines.requests()
    assert [line["outcome"] for line in lines] == [
        "GRAPHQL_VALIDATION_FAILED",
        "BAD_USER_INPUT",
        "NOT_FOUND",
        "UNAUTHENTICATED",
        "UNSUPPORTED_MEDIA_TYPE",
    ]
    assert (refused.status_code, unsupported.status_code) == (401, 415)
    assert {line["level"] for line in lines} == {"INFO"}


async def test_an_unexpected_error_is_logged_once_with_its_traceback_and_request_id(
    gql: GraphQLClient,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    log_lines: JsonLines,
) -> None:
    # given a graph layer that fails in an unforeseen way
    async def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("an unforeseen fault")

    monkeypatch.setattr(Graph, "read", broken)
    caplog.set_level(logging.INFO)
    # when a query runs
    response = await gql.client.post(
        "/graphql", json={"query": "query Skills { skills(first: 5) { id } }"}
    )
    # then one ERROR record carries the traceback and the request's id
    errors = [line for line in log_lines.all() if line["level"] in {"ERROR", "CRITICAL"}]
    assert len(errors) == 1
    error = errors[0]
    assert "RuntimeError: an unforeseen fault" in error["traceback"]
    assert error["request_id"] == response.headers["X-Request-ID"]
    # and the request line says what the client got, as a warning without a traceback
    [line] = log_lines.requests()
    assert (line["level"], line["outcome"], line["operation_name"]) == (
        "WARNING", "INTERNAL_SERVER_ERROR", "Skills",
    )  # fmt: skip
    assert "traceback" not in line


async def test_probes_are_debug_lines(
    gql: GraphQLClient, caplog: pytest.LogCaptureFixture, log_lines: JsonLines
) -> None:
    # given the request log at INFO / when a probe asks for /healthz
    caplog.set_level(logging.INFO, logger=REQUEST_LOGGER)
    response = await gql.client.get("/healthz")
    # then it is answered with an id, and leaves no line at INFO
    assert response.headers["X-Request-ID"]
    assert log_lines.requests() == []


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    uvicorn = {n: logging.getLogger(n) for n in ("uvicorn", "uvicorn.error", "uvicorn.access")}
    kept = {n: (lg.handlers[:], lg.level, lg.propagate) for n, lg in uvicorn.items()}
    yield
    root.handlers[:], root.level = saved[0], saved[1]
    for name, (handlers, level, propagate) in kept.items():
        uvicorn[name].handlers[:] = handlers
        uvicorn[name].setLevel(level)
        uvicorn[name].propagate = propagate


@pytest.mark.usefixtures("restore_logging")
def test_json_format_writes_one_object_per_line_uvicorn_included() -> None:
    # given the JSON format on a stream of our own
    stream = io.StringIO()
    logs.setup("json", "INFO", stream=stream)
    # when our code logs an exception and uvicorn logs a line
    try:
        raise ValueError("多行\n的错误")
    except ValueError:
        logging.getLogger("towngraph.test").exception("失败了")
    logging.getLogger("uvicorn.error").info("Started server process")
    logging.getLogger("towngraph.test").debug("below the level")
    # then each is exactly one JSON line, the traceback inside it
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert (first["level"], first["logger"], first["message"]) == (
        "ERROR", "towngraph.test", "失败了",
    )  # fmt: skip
    assert "ValueError: 多行\n的错误" in first["traceback"]
    assert (second["logger"], second["message"]) == ("uvicorn.error", "Started server process")


def test_text_format_puts_the_request_id_on_the_first_line() -> None:
    # given a record logged while a request is served
    with logs.serving("abc123"):
        record = logging.LogRecord("towngraph.x", logging.INFO, __file__, 1, "hello", None, None)
        text = TextFormatter().format(record)
    # then the line names it; outside a request nothing is added
    assert text == "INFO towngraph.x: hello [abc123]"
    assert TextFormatter().format(record) == "INFO towngraph.x: hello"
