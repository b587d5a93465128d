"""Neo4j going away and coming back: /readyz, SERVICE_UNAVAILABLE, recovery without a restart,
and following Neo4j to a new address (as when a restarted managed instance found its port taken).

A small TCP relay on loopback stands between the app and the real Neo4j, so the test can cut
the database off and bring it back without stopping the shared server.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest

from graph.db import Graph, Neo4jConfig
from server.app import create_app
from tests.conftest import app_settings, bearer


class Relay:
    """Forwards 127.0.0.1:port to Neo4j's Bolt port until `cut()`; `restore()` listens again."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self.server: asyncio.Server | None = None
        self.pipes: set[asyncio.StreamWriter] = set()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, OSError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.target)
        self.pipes |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self.server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        assert self.server is not None
        self.server.close()
        for w in self.pipes:
            w.close()
        self.pipes.clear()
        await self.server.wait_closed()

    async def restore(self) -> None:
        await self.start()


@pytest.fixture
async def relay(neo4j_config: Neo4jConfig) -> AsyncIterator[Relay]:
    url = urlparse(neo4j_config.uri)
    r = Relay(url.hostname or "127.0.0.1", url.port or 7687)
    await r.start()
    yield r
    with contextlib.suppress(Exception):
        await r.cut()


async def test_outage_is_reported_and_recovered_from(
    relay: Relay, neo4j_config: Neo4jConfig, graph: Graph, audit_log: Path
) -> None:
    # given an app that reaches Neo4j through the relay, ready and answering
    config = Neo4jConfig(
        uri=f"bolt://127.0.0.1:{relay.port}",
        user=neo4j_config.user,
        password=neo4j_config.password,
        max_retry_time=1.0,
        connection_timeout=1.0,
    )
    app = create_app(config, app_settings(audit_log, towngraph_allowed_hosts="t"))
    query = {"query": "{ skills(first: 1) { id } }"}
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t", headers=bearer()) as client,
    ):
        for _ in range(100):  # constraints are applied in the background at start-up
            if (await client.get("/readyz")).status_code == 200:
                break
            await asyncio.sleep(0.1)
        assert (await client.get("/readyz")).status_code == 200
        assert "errors" not in (await client.post("/graphql", json=query)).json()

        # when Neo4j becomes unreachable
        await relay.cut()
        # then readiness fails, liveness holds, and GraphQL says SERVICE_UNAVAILABLE
        assert (await client.get("/readyz")).status_code == 503
        assert (await client.get("/healthz")).status_code == 200
        body = (await client.post("/graphql", json=query)).json()
        assert body["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
        assert "unavailable" in body["errors"][0]["message"]

        # when it comes back / then the same app recovers by itself
        await relay.restore()
        assert (await client.get("/readyz")).status_code == 200
        assert "errors" not in (await client.post("/graphql", json=query)).json()


async def test_the_app_follows_neo4j_to_a_new_address_rebuilding_its_driver_once(
    relay: Relay, neo4j_config: Neo4jConfig, audit_log: Path
) -> None:
    # given an app that reaches Neo4j through one relay and asks `locate` where Neo4j is
    url = urlparse(neo4j_config.uri)
    moved = Relay(url.hostname or "127.0.0.1", url.port or 7687)
    where = {"uri": f"bolt://127.0.0.1:{relay.port}"}
    config = Neo4jConfig(
        uri=where["uri"],
        user=neo4j_config.user,
        password=neo4j_config.password,
        max_retry_time=1.0,
        connection_timeout=1.0,
    )
    graph = Graph.connect(config, locate=lambda: where["uri"])
    app = create_app(config, app_settings(audit_log, towngraph_allowed_hosts="t"), graph=graph)
    query = {"query": "{ skills(first: 1) { id } }"}
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t", headers=bearer()) as client,
    ):
        for _ in range(100):
            if (await client.get("/readyz")).status_code == 200:
                break
            await asyncio.sleep(0.1)
        assert (await client.get("/readyz")).status_code == 200
        try:
            # when the first address goes dead and Neo4j answers at a second one
            await relay.cut()
            await moved.start()
            where["uri"] = f"bolt://127.0.0.1:{moved.port}"
            # then concurrent reads, started before anyone noticed, all succeed
            answers = await asyncio.gather(
                *(client.post("/graphql", json=query) for _ in range(12))
            )
            assert [a.json().get("errors") for a in answers] == [None] * 12
            assert (await client.get("/readyz")).status_code == 200
            # and the driver was rebuilt exactly once, for the new address
            assert graph.config.uri == where["uri"]
            assert len(graph._link.retired) == 1
        finally:
            await moved.cut()


async def test_readyz_says_loading_until_the_start_up_task_and_the_flag_are_done(
    neo4j_config: Neo4jConfig, graph: Graph, audit_log: Path
) -> None:
    # given an app whose start-up task (the demo import of `serve --demo`) has not finished,
    # and a loading flag that is still up
    release = asyncio.Event()
    flag = {"up": True}

    async def on_ready(_: Graph) -> None:
        await release.wait()

    app = create_app(
        neo4j_config,
        app_settings(audit_log, towngraph_allowed_hosts="t"),
        on_ready=on_ready,
        loading=lambda: flag["up"],
    )
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t") as client,
    ):
        # when asked for readiness / then it is "loading", 503, while either is pending
        loading = await client.get("/readyz")
        assert (loading.status_code, loading.json()) == (503, {"status": "loading"})
        release.set()
        await asyncio.sleep(0.2)
        assert (await client.get("/readyz")).json() == {"status": "loading"}
        # and ready once both are done
        flag["up"] = False
        for _ in range(50):
            if (await client.get("/readyz")).status_code == 200:
                break
            await asyncio.sleep(0.1)
        ready = await client.get("/readyz")
        assert (ready.status_code, ready.json()) == (200, {"status": "ready"})
