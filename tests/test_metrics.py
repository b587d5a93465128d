"""/metrics: requests by operation and outcome, their latency, Neo4j round trips and their
latency, the pool in use; few label values whatever the clients send."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette

from graph.db import Graph, Neo4jConfig, Tx
from server.app import create_app
from server.metrics import Metrics
from tests.conftest import TEST_HOST, app_settings, bearer


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of an exposition, by name and labels."""
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(text: str, name: str, **labels: str) -> float:
    return samples(text).get((name, frozenset(labels.items())), 0.0)


def fresh_app(graph: Graph, config: Neo4jConfig, tmp_path: Path, **overrides: object) -> Starlette:
    # An app of its own: its registry counts only this test's requests.
    return create_app(config, app_settings(tmp_path / "audit.log", **overrides), graph=graph)


@pytest.fixture
async def client(
    graph: Graph, neo4j_config: Neo4jConfig, tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=fresh_app(graph, neo4j_config, tmp_path))
    async with httpx.AsyncClient(
        transport=transport, base_url=f"http://{TEST_HOST}", headers=bearer()
    ) as c:
        yield c


async def test_metrics_count_requests_round_trips_and_their_latency(
    client: httpx.AsyncClient,
) -> None:
    # given a fresh app / when a named query runs twice, a query fails and a token is refused
    for _ in range(2):
        ok = await client.post(
            "/graphql", json={"query": "query Skills { skills(first: 3) { id } }"}
        )
        assert ok.status_code == 200
    await client.post("/graphql", json={"query": "query Typo { nosuchfield }"})
    await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"Authorization": "Bearer nope"}
    )
    # then /metrics, open without a token, counts each by operation and outcome
    response = await client.get("/metrics", headers={"Authorization": ""})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert value(text, "towngraph_requests_total", operation="Skills", outcome="ok") == 2
    assert (
        value(
            text, "towngraph_requests_total", operation="Typo", outcome="GRAPHQL_VALIDATION_FAILED"
        )
        == 1
    )
    assert (
        value(text, "towngraph_requests_total", operation="unknown", outcome="UNAUTHENTICATED") == 1
    )
    # and the latency of each operation, the round trips and their times
    assert value(text, "towngraph_request_seconds_count", operation="Skills") == 2
    trips = value(text, "towngraph_neo4j_round_trips_total")
    assert trips >= 2
    assert value(text, "towngraph_neo4j_query_seconds_count") == trips
    assert value(text, "towngraph_neo4j_query_seconds_sum") > 0
    # and nothing is in use between requests
    assert value(text, "towngraph_neo4j_pool_in_use") == 0


async def test_the_graphiql_page_and_probes_are_not_counted_as_operations(
    client: httpx.AsyncClient,
) -> None:
    # given a fresh app / when the IDE page and the probes are fetched
    await client.get("/graphql", headers={"accept": "text/html"})
    await client.get("/healthz")
    # then no GraphQL request was counted
    text = (await client.get("/metrics")).text
    assert not [k for k in samples(text) if k[0] == "towngraph_requests_total"]


async def test_pool_in_use_reads_the_sessions_open(graph: Graph) -> None:
    # given metrics reading a graph's open sessions
    metrics = Metrics(graph.sessions_in_use)
    seen: list[float] = []

    def in_use() -> float:
        return value(generate_latest(metrics.registry).decode(), "towngraph_neo4j_pool_in_use")

    # when a transaction reads the gauge while its session is open
    async def work(_: Tx) -> None:
        seen.append(in_use())

    await graph.transaction(work)
    # then it saw its own session, and none is left open after it
    assert seen == [1.0]
    assert in_use() == 0.0


def test_operation_labels_stay_few() -> None:
    # given metrics that keep at most three operation names
    metrics = Metrics(max_operations=3)
    label = metrics.operation_label
    # when names arrive / then named operations keep their name while there is room
    assert [label(n, known=True) for n in ["A", "B", "A", "C"]] == ["A", "B", "A", "C"]
    # and a fourth name, a name that is not one, an anonymous operation and a refusal do not
    assert label("D", known=True) == "other"
    assert label("evil name;{}", known=True) == "other"
    assert label("x" * 65, known=True) == "other"
    assert label(None, known=True) == "anonymous"
    assert label("A", known=False) == "unknown"
    assert label("C", known=True) == "C"


async def test_metrics_can_be_switched_off(
    graph: Graph, neo4j_config: Neo4jConfig, tmp_path: Path
) -> None:
    # given an app with TOWNGRAPH_METRICS=false
    app = fresh_app(graph, neo4j_config, tmp_path, towngraph_metrics=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=f"http://{TEST_HOST}"
    ) as c:
        # when /metrics is asked for / then it is not there
        assert (await c.get("/metrics")).status_code == 404
