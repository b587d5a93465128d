"""Fixtures: a real Neo4j for the whole session (its own home folder, never `make run`'s data),
a connected Graph, and a unique id prefix per test so tests never depend on each other's data."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from graph.db import Graph, Neo4jConfig
from graph.instance import STATE_ROOT, ManagedInstance
from graph.setup import apply_schema

TEST_HOME = Path(os.environ.get("TOWNGRAPH_TEST_NEO4J_HOME", STATE_ROOT / "test-neo4j"))


@pytest.fixture(scope="session")
def neo4j_config() -> Iterator[Neo4jConfig]:
    if os.environ.get("NEO4J_URI"):
        yield Neo4jConfig(
            uri=os.environ["NEO4J_URI"],
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            database=os.environ.get("NEO4J_DATABASE"),
        )
        return
    instance = ManagedInstance(home=TEST_HOME)
    was_running = instance.status().running
    creds = instance.start()
    yield Neo4jConfig(uri=creds.uri, user=creds.user, password=creds.password)
    # Leave no server behind that this run started, unless asked to keep it for the next run.
    if not was_running and not os.environ.get("TOWNGRAPH_KEEP_TEST_DB"):
        instance.stop()


@pytest.fixture(scope="session")
async def graph(neo4j_config: Neo4jConfig) -> AsyncIterator[Graph]:
    g = Graph.connect(neo4j_config)
    await apply_schema(g)
    yield g
    await g.close()


@pytest.fixture
def uid() -> str:
    """A prefix unique to this test, for every id the test creates."""
    return f"t{uuid.uuid4().hex[:8]}-"
