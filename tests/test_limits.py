"""The edges of the trust boundary: CORS and Host allow-lists, JSON-only POSTs, the body limit,
the cost limit (checked before anything reaches Neo4j) and the per-transaction timeout."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import strawberry
from graphql import parse

from bench import workload
from graph.db import Graph, Neo4jConfig
from resolvers.context import Context
from schema.common import Info
from schema.cost import DEFAULT_MAX_COST, operation_cost
from schema.errors import ClerkErrors
from schema.root import build_schema
from server.app import create_app
from server.settings import Settings
from tests import queries
from tests.conftest import TEST_HOST, GraphQLClient, app_settings, bearer
from tests.factories import only_error

QUERY = {"query": "{ __typename }"}


@pytest.fixture
async def strict(
    graph: Graph, neo4j_config: Neo4jConfig, tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    """An app allowing one web origin, small bodies, and a cost limit of 100."""
    settings = app_settings(
        tmp_path / "audit.log",
        towngraph_cors_origins="https://portal.example, https://other.example",
        towngraph_max_body_bytes=1000,
        towngraph_max_cost=100,
        towngraph_graphiql=False,
    )
    app = create_app(neo4j_config, settings, graph=graph)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=f"http://{TEST_HOST}", headers=bearer()
    ) as client:
        yield client


async def test_cors_allows_only_the_listed_origins_and_answers_preflights(
    strict: httpx.AsyncClient,
) -> None:
    # given a listed and an unlisted origin
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    }
    # when each sends a preflight and a request
    ok = await strict.options("/graphql", headers={"Origin": "https://portal.example", **preflight})
    bad = await strict.options("/graphql", headers={"Origin": "https://evil.example", **preflight})
    answer = await strict.post("/graphql", json=QUERY, headers={"Origin": "https://portal.example"})
    # then only the listed one is allowed, with the Authorization header
    assert ok.status_code == 200
    assert ok.headers["access-control-allow-origin"] == "https://portal.example"
    assert "authorization" in ok.headers["access-control-allow-headers"].lower()
    assert bad.status_code == 400
    assert "access-control-allow-origin" not in bad.headers
    assert answer.headers["access-control-allow-origin"] == "https://portal.example"


async def test_no_origin_is_allowed_by_default(gql: GraphQLClient) -> None:
    response = await gql.client.post(
        "/graphql", json=QUERY, headers={"Origin": "https://portal.example"}
    )
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


async def test_a_foreign_host_header_is_refused(gql: GraphQLClient) -> None:
    # given / when a request names another host / then 400, before anything else
    response = await gql.client.post("/graphql", json=QUERY, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert (await gql.client.get("/healthz")).status_code == 200


def test_the_allowed_hosts_default_to_the_bound_host_and_loopback() -> None:
    settings = Settings(towngraph_allowed_hosts=None)
    assert settings.allowed_hosts("10.0.0.5") == ["10.0.0.5", "localhost", "127.0.0.1"]
    assert Settings(towngraph_allowed_hosts="a.example, b.example").allowed_hosts() == [
        "a.example",
        "b.example",
    ]


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None]
)
async def test_a_post_that_is_not_json_is_refused_unread(
    gql: GraphQLClient, content_type: str | None
) -> None:
    # given a body a browser could send across origins without a preflight
    headers = {"Content-Type": content_type} if content_type else {}
    body = b'{"query": "mutation { importDocument(document: {}) { ok } }"}'
    # when it is posted / then 415
    response = await gql.client.post("/graphql", content=body, headers=headers)
    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


async def test_a_mutation_over_get_is_refused(gql: GraphQLClient) -> None:
    response = await gql.client.get(
        "/graphql", params={"query": "mutation { importDocument(document: {}) { ok } }"}
    )
    assert response.status_code == 400
    assert "mutations are not allowed when using GET" in response.text


async def test_graphiql_can_be_switched_off(strict: httpx.AsyncClient) -> None:
    response = await strict.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 404


async def test_a_body_over_the_limit_is_refused_declared_or_streamed(
    strict: httpx.AsyncClient,
) -> None:
    # given a body of 2000 bytes against a limit of 1000
    big = b'{"query": "{ __typename }", "variables": {"x": "' + b"x" * 2000 + b'"}}'

    async def chunks() -> AsyncIterator[bytes]:
        for i in range(0, len(big), 100):
            yield big[i : i + 100]

    # when it is sent with its length, and chunked without one
    declared = await strict.post(
        "/graphql", content=big, headers={"Content-Type": "application/json"}
    )
    streamed = await strict.post(
        "/graphql", content=chunks(), headers={"Content-Type": "application/json"}
    )
    small = await strict.post("/graphql", json=QUERY)
    # then both are refused with 413, and a small one is answered
    assert declared.status_code == 413
    assert streamed.status_code == 413
    assert "Content-Length" not in streamed.request.headers
    assert small.status_code == 200


DEEP = """{ people(first: 100) { edges { node { skills { skill {
  narrower { narrower { id } } } } } } } }"""


async def test_an_operation_over_the_cost_limit_never_reaches_neo4j(gql: GraphQLClient) -> None:
    # given a query asking for far too much
    # when it is posted
    body = await gql.post(DEEP)
    # then it is refused with its cost and the limit, and no Cypher ran
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    cost = operation_cost(build_schema()._schema, parse(DEEP), None)
    assert cost > DEFAULT_MAX_COST
    assert str(cost) in message
    assert str(DEFAULT_MAX_COST) in message
    assert gql.round_trips == 0


async def test_aliases_and_fragments_add_to_the_cost(strict: httpx.AsyncClient) -> None:
    # given a limit of 100: one page of 20 people is fine, six aliased pages through a fragment
    one = "{ people(first: 20) { edges { node { id } } } }"
    many = (
        "{ " + " ".join(f"p{i}: people(first: 20) {{ ...P }}" for i in range(6)) + " }"
        " fragment P on PersonConnection { edges { node { id } } }"
    )
    # when each is posted / then the first runs and the second is refused
    schema = build_schema()._schema
    assert (
        operation_cost(schema, parse(one), None) <= 100 < operation_cost(schema, parse(many), None)
    )
    assert "errors" not in (await strict.post("/graphql", json={"query": one})).json()
    refused = (await strict.post("/graphql", json={"query": many})).json()
    assert refused["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_variables_set_the_page_size_of_the_cost() -> None:
    schema = build_schema()._schema
    query = parse("query($n: Int) { people(first: $n) { edges { node { id } } } }")
    assert operation_cost(schema, query, None, {"n": 10}) < operation_cost(
        schema, query, None, {"n": 1000}
    )


@pytest.mark.parametrize(
    "query",
    [
        workload.PEOPLE_WHO_SERVED,
        workload.MENTOR_CANDIDATES,
        workload.TALENT_POOL,
        workload.NEED_MATCHES,
        workload.EMERGENCY_ROSTER,
        workload.WORK_TEAM_COMPOSITION,
    ],
)
def test_the_bench_queries_are_well_within_the_default_cost_limit(query: str) -> None:
    variables = {"limit": 10, "first": workload.ROSTER_FIRST}
    cost = operation_cost(build_schema()._schema, parse(query), None, variables)
    assert cost * 5 < DEFAULT_MAX_COST


# --- the per-transaction timeout ------------------------------------------------------------------


@strawberry.type
class SlowQuery:
    @strawberry.field
    async def slow(self, info: Info) -> int:
        rows = await queries.read(info.context.graph, "diagnostics/slow", {"n": 100_000_000})
        return int(rows[0]["total"])


async def test_a_query_past_the_timeout_is_stopped_and_reported_as_timeout(graph: Graph) -> None:
    # given a graph whose transactions may run half a second, and a query that takes far longer
    hurried = Graph(graph.driver, dataclasses.replace(graph.config, query_timeout=0.5))
    schema = strawberry.Schema(query=SlowQuery, extensions=[ClerkErrors])
    started = time.perf_counter()

    # when it runs through the schema's error mapping
    result = await schema.execute("{ slow }", context_value=Context(graph=hurried))
    elapsed = time.perf_counter() - started

    # then the client gets TIMEOUT with a clerk-readable message, soon, and the server answers
    assert result.errors is not None
    [error] = result.errors
    assert error.extensions == {"code": "TIMEOUT"}
    assert "too long" in error.message
    assert elapsed < 10
    assert await graph.ping()


def test_the_timeout_setting_reaches_every_transaction() -> None:
    settings = Settings(neo4j_uri="bolt://127.0.0.1:1", towngraph_query_timeout_s=2.5)
    assert settings.neo4j().query_timeout == 2.5
    assert Settings(neo4j_uri="bolt://127.0.0.1:1").neo4j().query_timeout == 10
