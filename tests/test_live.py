"""Live updates (订阅) over the websocket on /graphql: real uvicorn servers of the app on free
ports, on the test's event loop (the async Neo4j driver stays on one loop), a websocket client
speaking graphql-transport-ws, the writes through the HTTP API.

Two servers with drivers of their own share the test Neo4j, as two processes of
`serve --workers 2` would: a write through one is seen by a subscriber of the other, because
every subscription polls the graph (every 0.2 s here) instead of listening in-process.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import json
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from graph.db import Graph, Neo4jConfig
from model.access import Role
from server.app import create_app
from server.auth import mint_token
from tests import task_support as ts
from tests.conftest import TEST_SECRET, GraphQLClient, app_settings, make_token
from tests.factories import Doc
from tests.test_emergency_response import ACK, staffed_emergency

# When a connection closes while its subscription is inside a read, strawberry cancels the task
# and the neo4j driver drops that connection's socket without closing it (its pool replaces it);
# the warning is the driver's, at garbage collection, and no socket of ours is left open.
pytestmark = pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning")

POLL_S = 0.2
WAIT_S = 10.0  # far more than a few polls: a busy shared machine
# How long a test lets a subscription it sent arrive at the server before it writes.
SETTLE_S = 1.0


class Server:
    def __init__(self, server: uvicorn.Server, task: asyncio.Task[None], port: int) -> None:
        self.server = server
        self.task = task
        self.port = port
        self.ws_url = f"ws://127.0.0.1:{port}/graphql"
        self.http_url = f"http://127.0.0.1:{port}"


async def _start(neo4j_config: Neo4jConfig, audit: Path) -> Server:
    settings = app_settings(
        audit,
        towngraph_allowed_hosts="127.0.0.1",
        towngraph_subscription_poll_seconds=POLL_S,
        towngraph_subscriptions_per_connection=2,
    )
    # A driver of its own, closed by the app's lifespan: as another process would have.
    app = create_app(neo4j_config, settings, graph=Graph.connect(neo4j_config))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, ws="websockets-sansio", log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    async with asyncio.timeout(30):
        while True:  # uvicorn has no event for it: `started` is a flag
            if server.started:
                break
            await asyncio.sleep(0.05)
    return Server(server, task, port)


@pytest.fixture(autouse=True)
def collected() -> Iterator[None]:
    """Collects garbage after each test, so that a socket the driver dropped (above) is
    collected here, under this module's filter, and not in some later test of another module."""
    yield
    gc.collect()


@pytest.fixture(scope="module")
async def servers(
    neo4j_config: Neo4jConfig, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[Server, Server]]:
    audit = tmp_path_factory.mktemp("live") / "audit.log"
    first = await _start(neo4j_config, audit)
    second = await _start(neo4j_config, audit)
    yield first, second
    for s in (first, second):
        s.server.should_exit = True
        await s.task
    gc.collect()


@contextlib.asynccontextmanager
async def live(server: Server, token: str | None) -> AsyncIterator[ClientConnection]:
    """A graphql-transport-ws connection, initialised with the token (acknowledged or not)."""
    async with connect(server.ws_url, subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        payload = {"Authorization": f"Bearer {token}"} if token else {}
        await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        yield ws


async def acknowledged(ws: ClientConnection) -> None:
    message = json.loads(await asyncio.wait_for(ws.recv(), WAIT_S))
    assert message == {"type": "connection_ack"}


async def subscribe(
    ws: ClientConnection, query: str, variables: dict[str, Any], op: str = "1"
) -> None:
    body = {"query": query, "variables": variables}
    await ws.send(json.dumps({"id": op, "type": "subscribe", "payload": body}))


async def receive(ws: ClientConnection) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), WAIT_S))
    return message


async def post(server: Server, token: str, query: str, variables: dict[str, Any]) -> None:
    async with httpx.AsyncClient(base_url=server.http_url) as client:
        response = await client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {token}"},
        )
    body = response.json()
    assert "errors" not in body, body


TASK_EVENTS = """
subscription Events($t: ID, $w: ID, $since: DateTime) {
  taskEvents(taskId: $t, townshipId: $w, since: $since) {
    task { id status progress events { step } }
    event { step percent note actor }
  }
}
"""

ACKS = """
subscription Muster($t: ID) {
  emergencyAcknowledgements(taskId: $t) {
    task { id kind }
    acknowledgement { person { id } etaMinutes recordedBy }
  }
}
"""

NEEDS = """
subscription Needs($v: ID, $w: ID) {
  newNeeds(villageId: $v, townshipId: $w) { id title village { id } skills { skill { id } level } }
}
"""

RAISE = """
mutation($v: ID!, $id: ID!, $k: ID!) {
  raiseNeed(villageId: $v, id: $id, title: "防汛物资清点", quarter: "2026Q3", urgency: HIGH,
            skills: [{skillId: $k, level: 3}]) { id }
}
"""


def clerk(doc: Doc, unit: str = "T", sub: str = "clerk-t") -> str:
    return make_token(Role.TOWNSHIP, unit=doc.id(unit), sub=sub)


async def test_a_progress_report_reaches_a_subscriber_of_the_task_with_its_fresh_task(
    servers: tuple[Server, Server], graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a task under supervision at village V of township T, a clerk of T subscribed to it
    first, _ = servers
    doc = await ts.ground(graph, uid)
    task_id = await ts.task_in(gql, doc, "SUPERVISING")
    token = clerk(doc)
    async with live(first, token) as ws:
        await acknowledged(ws)
        await subscribe(ws, TASK_EVENTS, {"t": task_id})
        await asyncio.sleep(SETTLE_S)  # the subscription has started

        # when the clerk reports 50 % over HTTP
        await post(first, token, ts.PROGRESS, {"id": task_id})
        message = await receive(ws)

    # then the PROGRESS event arrives, and the task as it is after it
    assert message["type"] == "next", message
    activity = message["payload"]["data"]["taskEvents"]
    assert activity["event"] == {
        "step": "PROGRESS", "percent": 50, "note": "已巡查一半堤段", "actor": "clerk-t",
    }  # fmt: skip
    assert activity["task"]["id"] == task_id
    assert activity["task"]["progress"] == 50
    assert activity["task"]["events"][-1] == {"step": "PROGRESS"}


async def test_a_write_through_one_server_reaches_a_subscriber_of_the_other(
    servers: tuple[Server, Server], graph: Graph, uid: str
) -> None:
    # given a subscriber of township T's tasks on the second server
    first, second = servers
    doc = await ts.ground(graph, uid)
    token = clerk(doc)
    async with live(second, token) as ws:
        await acknowledged(ws)
        await subscribe(ws, TASK_EVENTS, {"w": doc.id("T")})
        await asyncio.sleep(SETTLE_S)

        # when a task is initiated at village V through the first server
        await post(first, token, ts.INITIATE, {"id": doc.id("T1"), "v": doc.id("V")})
        message = await receive(ws)

    # then the second server delivers its INITIATED event
    activity = message["payload"]["data"]["taskEvents"]
    assert (activity["task"]["id"], activity["event"]["step"]) == (doc.id("T1"), "INITIATED")
    assert activity["task"]["status"] == "INITIATED"


async def test_since_replays_what_happened_before_the_subscription_once(
    servers: tuple[Server, Server], graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a task initiated and planned before anyone subscribed
    first, _ = servers
    doc = await ts.ground(graph, uid)
    start = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    task_id = await ts.task_in(gql, doc, "CONSULTED")

    # when a clerk subscribes from a time before both, and the task is then staffed
    async with live(first, clerk(doc)) as ws:
        await acknowledged(ws)
        await subscribe(ws, TASK_EVENTS, {"t": task_id, "since": start.isoformat()})
        replayed = [await receive(ws), await receive(ws)]
        await gql.data(ts.ASSIGN, {"id": task_id, "a": [{"personId": doc.id("L"), "role": "LEAD"}]})
        then = await receive(ws)

    # then both earlier events come first, in order, and each only once
    steps = [m["payload"]["data"]["taskEvents"]["event"]["step"] for m in [*replayed, then]]
    assert steps == ["INITIATED", "CONSULTED", "STAFFED"]


async def test_an_acknowledgement_reaches_the_muster_view(
    servers: tuple[Server, Server], graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a staffed emergency (L and N on it) and the muster view subscribed
    first, _ = servers
    doc = await ts.ground(graph, uid)
    task_id = await staffed_emergency(gql, doc)
    async with live(first, clerk(doc)) as ws:
        await acknowledged(ws)
        await subscribe(ws, ACKS, {"t": task_id})
        await asyncio.sleep(SETTLE_S)

        # when L acknowledges with a token speaking for them
        person = make_token(Role.VILLAGE, unit=doc.id("V"), sub="zhang", person=doc.id("L"))
        await post(first, person, ACK, {"t": task_id, "p": doc.id("L"), "eta": 15})
        message = await receive(ws)

    # then
    activity = message["payload"]["data"]["emergencyAcknowledgements"]
    assert activity == {
        "task": {"id": task_id, "kind": "EMERGENCY"},
        "acknowledgement": {"person": {"id": doc.id("L")}, "etaMinutes": 15, "recordedBy": "zhang"},
    }


async def test_a_raised_need_reaches_the_subscribers_of_its_village_and_township(
    servers: tuple[Server, Server], graph: Graph, uid: str
) -> None:
    # given subscribers of village V and of township T2 (V is not in it)
    first, second = servers
    doc = await ts.ground(graph, uid)
    admin = make_token()
    async with live(first, clerk(doc)) as ws, live(second, admin) as other:
        await acknowledged(ws)
        await acknowledged(other)
        await subscribe(ws, NEEDS, {"v": doc.id("V")})
        await subscribe(other, NEEDS, {"w": doc.id("T2")})
        await asyncio.sleep(SETTLE_S)

        # when a need is raised in V
        args = {"v": doc.id("V"), "id": doc.id("N1"), "k": doc.id("K1")}
        await post(second, admin, RAISE, args)
        message = await receive(ws)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(other.recv(), 5 * POLL_S)

    # then V's subscriber gets it with its village and skills; T2's gets nothing
    assert message["payload"]["data"]["newNeeds"] == {
        "id": doc.id("N1"), "title": "防汛物资清点", "village": {"id": doc.id("V")},
        "skills": [{"skill": {"id": doc.id("K1")}, "level": 3}],
    }  # fmt: skip


async def test_places_and_tasks_out_of_scope_are_the_errors_the_queries_give(
    servers: tuple[Server, Server], graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a task at V (township T) and a clerk of township T2 of the same county
    first, _ = servers
    doc = await ts.ground(graph, uid)
    task_id = await ts.initiate(gql, doc)
    cases = [
        (TASK_EVENTS, {"t": task_id}, "NOT_FOUND", f"taskId: no task with id '{task_id}'"),
        (TASK_EVENTS, {"w": "nowhere"}, "NOT_FOUND", "townshipId: no township with id 'nowhere'"),
        (ACKS, {"t": task_id}, "NOT_FOUND", f"taskId: no task with id '{task_id}'"),
        (NEEDS, {"v": "nowhere"}, "NOT_FOUND", "villageId: no village with id 'nowhere'"),
        (NEEDS, {}, "BAD_USER_INPUT", "townshipId: give exactly one of townshipId and villageId"),
    ]

    # when the clerk of T2 subscribes to each
    answers = []
    async with live(first, clerk(doc, "T2", "clerk-t2")) as ws:
        await acknowledged(ws)
        for n, (query, variables, _, _) in enumerate(cases):
            await subscribe(ws, query, variables, op=str(n))
            answers.append(await receive(ws))
            assert await receive(ws) == {"id": str(n), "type": "complete"}

    # then each is refused with the code and the message of the queries
    for answer, (_, _, code, text) in zip(answers, cases, strict=True):
        errors = answer["payload"]["errors"] if answer["type"] == "next" else answer["payload"]
        assert [(e["extensions"]["code"], e["message"]) for e in errors] == [(code, text)], answer


async def test_a_missing_bad_or_expired_token_closes_with_4401(
    servers: tuple[Server, Server], graph: Graph, uid: str
) -> None:
    # given tokens: none, one signed with another secret, one that expires in 1 s
    first, _ = servers
    doc = await ts.ground(graph, uid)
    forged = mint_token("another-secret-0123456789abcdef0123", "x", Role.ADMIN)
    short = mint_token(TEST_SECRET, "brief", Role.ADMIN, ttl=dt.timedelta(seconds=1))

    # when each connects
    codes = []
    for token in (None, forged):
        async with live(first, token) as ws:
            with pytest.raises(ConnectionClosed) as closed:
                await receive(ws)
            codes.append(closed.value.rcvd.code if closed.value.rcvd else None)
    async with live(first, short) as ws:
        await acknowledged(ws)
        await subscribe(ws, TASK_EVENTS, {"w": doc.id("T")})
        with pytest.raises(ConnectionClosed) as expired:
            await receive(ws)

    # then all three are closed as Unauthorized, the last one when its token expired
    assert codes == [4401, 4401]
    assert expired.value.rcvd is not None
    assert (expired.value.rcvd.code, expired.value.rcvd.reason) == (4401, "Token expired")


async def test_a_connection_holds_at_most_the_configured_subscriptions(
    servers: tuple[Server, Server], graph: Graph, uid: str
) -> None:
    # given a connection with the 2 subscriptions the test servers allow
    first, _ = servers
    doc = await ts.ground(graph, uid)
    async with live(first, clerk(doc)) as ws:
        await acknowledged(ws)
        await subscribe(ws, TASK_EVENTS, {"w": doc.id("T")}, op="a")
        await subscribe(ws, NEEDS, {"w": doc.id("T")}, op="b")

        # when it asks for a third
        await subscribe(ws, NEEDS, {"v": doc.id("V")}, op="c")
        answer = await receive(ws)

    # then the third is refused
    assert answer["type"] == "error"
    assert answer["id"] == "c"
    assert [e["message"] for e in answer["payload"]] == ["Subscription limit reached"]
