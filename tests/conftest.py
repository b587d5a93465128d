"""Fixtures: a real Neo4j for the whole session (its own home folder, never `make run`'s data),
a connected Graph, and a unique id prefix per test so tests never depend on each other's data.

The suite runs in parallel (pytest-xdist, `-n` in the pytest options): every worker connects to
the one test Neo4j. The first worker that needs it starts it (the instance's own lock makes the
others wait and then reuse it); the controlling process, which saw whether it was already running
before any worker began, stops it once all workers are done.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from graph.db import Graph, Neo4jConfig, count_round_trips
from graph.importing import import_document
from graph.setup import apply_schema
from managed.instance import STATE_ROOT, ManagedInstance
from model.access import Role
from server.app import create_app
from server.auth import mint_token
from server.settings import Settings

TEST_HOME = Path(os.environ.get("TOWNGRAPH_TEST_NEO4J_HOME", STATE_ROOT / "test-neo4j"))
# The test app trusts tokens signed with this secret; `make_token()` mints them.
TEST_SECRET = "towngraph-test-secret-0123456789abcdef"
TEST_HOST = "towngraph.test"
# The per-transaction limit of the session's Graph and app. The API's 10 s is for a warm server;
# a cold JVM that parallel workers (and a busy machine) share plans its first queries slower than
# that. tests/test_limits.py checks the limit itself with a Graph of its own.
QUERY_TIMEOUT_S = 60.0


def make_token(
    role: Role = Role.ADMIN,
    *,
    unit: str | None = None,
    sub: str = "test-admin",
    name: str | None = None,
    person: str | None = None,
) -> str:
    return mint_token(TEST_SECRET, sub, role, unit=unit, name=name, person=person)


def bearer(
    role: Role = Role.ADMIN,
    *,
    unit: str | None = None,
    sub: str = "test-admin",
    name: str | None = None,
    person: str | None = None,
) -> dict[str, str]:
    """The Authorization header of a caller, for tests that post with `gql.client` directly."""
    token = make_token(role, unit=unit, sub=sub, name=name, person=person)
    return {"Authorization": f"Bearer {token}"}


def app_settings(audit_log: Path, **overrides: Any) -> Settings:
    """The Settings of a test app: the test secret, the test host, an audit log of its own,
    English messages."""
    values: dict[str, Any] = {
        "towngraph_jwt_secret": TEST_SECRET,
        "towngraph_allowed_hosts": TEST_HOST,
        "towngraph_audit_log": audit_log,
        # Tests read the English messages; the Chinese default is tested on its own
        # (tests/test_messages.py).
        "towngraph_language": "en",
        **overrides,
    }
    return Settings(**values)


# Whether the test Neo4j ran before this run began; set in the controlling process only.
_WAS_RUNNING = pytest.StashKey[bool]()


def _managed() -> bool:
    return not os.environ.get("NEO4J_URI")


def pytest_configure(config: pytest.Config) -> None:
    # A worker of xdist has `workerinput`; only the process that outlives every worker decides.
    if _managed() and not hasattr(config, "workerinput"):
        config.stash[_WAS_RUNNING] = ManagedInstance(home=TEST_HOME).status().running


def pytest_unconfigure(config: pytest.Config) -> None:
    # Leave no server behind that this run started, unless asked to keep it for the next run.
    if config.stash.get(_WAS_RUNNING, True) or os.environ.get("TOWNGRAPH_KEEP_TEST_DB"):
        return
    instance = ManagedInstance(home=TEST_HOME)
    if instance.status().running:
        instance.stop()


@contextlib.contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    """Holds an exclusive lock on `lock` (created if missing) across the processes of a run."""
    fd = os.open(lock, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


@pytest.fixture(scope="session")
def neo4j_config() -> Neo4jConfig:
    if not _managed():
        return Neo4jConfig(
            uri=os.environ["NEO4J_URI"],
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            database=os.environ.get("NEO4J_DATABASE"),
            query_timeout=QUERY_TIMEOUT_S,
        )
    # Idempotent and locked per home: the first worker starts it, the others wait and reuse it.
    creds = ManagedInstance(home=TEST_HOME).start()
    return Neo4jConfig(
        uri=creds.uri, user=creds.user, password=creds.password, query_timeout=QUERY_TIMEOUT_S
    )


@pytest.fixture(scope="session")
async def graph(
    neo4j_config: Neo4jConfig, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Graph]:
    g = Graph.connect(neo4j_config)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # One worker at a time applies the schema (two concurrent creations of one constraint
        # can refuse each other); the workers' temporary folders share this run's parent.
        with _exclusive(tmp_path_factory.getbasetemp().parent / "schema.lock"):
            await apply_schema(g)
    else:
        await apply_schema(g)
    yield g
    await g.close()


@pytest.fixture
def uid() -> str:
    """A prefix unique to this test, for every id the test creates."""
    return f"t{uuid.uuid4().hex[:8]}-"


class GraphQLClient:
    """Posts GraphQL to the real app over ASGI as one caller (ADMIN unless `as_` says otherwise)
    and counts the Cypher round trips it caused."""

    def __init__(self, client: httpx.AsyncClient, token: str | None = None) -> None:
        self.client = client
        self.token = token or make_token()
        self.round_trips = 0

    def as_(
        self,
        role: Role,
        *,
        unit: str | None = None,
        sub: str = "test-user",
        name: str | None = None,
        person: str | None = None,
    ) -> GraphQLClient:
        """The same client, calling as another caller (`person`: the token speaks for them)."""
        token = make_token(role, unit=unit, sub=sub, name=name, person=person)
        return GraphQLClient(self.client, token)

    async def post(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        with count_round_trips() as counter:
            response = await self.client.post(
                "/graphql",
                json={"query": query, "variables": variables or {}},
                headers={"Authorization": f"Bearer {self.token}"},
            )
        self.round_trips = counter.count
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The `data` of a query that must not fail."""
        body = await self.post(query, variables)
        assert "errors" not in body, body["errors"]
        result: dict[str, Any] = body["data"]
        return result


@pytest.fixture(scope="session")
def audit_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("audit") / "audit.log"


@pytest.fixture(scope="session")
def app(graph: Graph, neo4j_config: Neo4jConfig, audit_log: Path) -> Starlette:
    return create_app(neo4j_config, app_settings(audit_log), graph=graph)


@pytest.fixture
async def gql(app: Starlette) -> AsyncIterator[GraphQLClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=f"http://{TEST_HOST}", headers=bearer()
    ) as client:
        yield GraphQLClient(client)


async def load(graph: Graph, document: dict[str, Any]) -> None:
    """Imports a test's own data through the real importer; fails the test on any problem."""
    report = await import_document(graph, document)
    assert report.ok, [str(p) for p in report.problems]
