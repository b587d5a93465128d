"""The same server against a routing URI (`neo4j://`), as for a Neo4j cluster or Aura: the
driver asks the server for its routing table, and the app's reads (read transactions, which a
cluster serves from its followers) and writes (write transactions, sent to the leader) both
work through it. A single Community server answers the routing protocol too, as a cluster of one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from graph.db import Graph, Neo4jConfig
from server.app import create_app
from tests.conftest import TEST_HOST, app_settings, bearer
from tests.factories import Doc, place


def _routing(config: Neo4jConfig) -> Neo4jConfig:
    scheme, _, rest = config.uri.partition("://")
    assert scheme in ("bolt", "neo4j"), config.uri
    return replace(config, uri=f"neo4j://{rest}")


@pytest.fixture
async def routed(neo4j_config: Neo4jConfig) -> AsyncIterator[Graph]:
    graph = Graph.connect(_routing(neo4j_config))
    try:
        yield graph
    finally:
        await graph.close()


async def test_reads_and_writes_go_through_a_routing_uri(
    routed: Graph, uid: str, tmp_path: Path
) -> None:
    # given a graph connected by neo4j:// and a county imported through it (write transactions)
    doc = place(Doc(uid))
    doc.person("P1", name="张建国")
    await doc.load(routed)
    app = create_app(routed.config, app_settings(tmp_path / "audit.log"), graph=routed)
    transport = httpx.ASGITransport(app=app)
    # when the app, on the same routing driver, is asked for the county's townships
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=transport, base_url=f"http://{TEST_HOST}", headers=bearer()
        ) as client,
    ):
        body = (
            await client.post(
                "/graphql",
                json={
                    "query": "query($id: ID!) { county(id: $id) { townships { id } } }",
                    "variables": {"id": doc.id("C")},
                },
            )
        ).json()
    # then the read answers what was written
    assert routed.config.uri.startswith("neo4j://")
    assert body == {"data": {"county": {"townships": [{"id": doc.id("T")}]}}}
