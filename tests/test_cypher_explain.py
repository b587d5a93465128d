"""Every query the project ships (and the tests' own) is planned by the real Neo4j: `EXPLAIN`
catches a syntax error, an unknown function or procedure, or a construct 5.26 refuses before any
request runs the query. EXPLAIN plans without executing, and needs no parameter values."""

from __future__ import annotations

import re
from pathlib import Path
from typing import LiteralString

import pytest

from graph.batch import Held, Lookup, Rel
from graph.db import Graph
from graph.queries import CYPHER_DIR, GROUPED, HELD, cypher, load_cypher
from graph.setup import statements
from tests.queries import TEST_CYPHER_DIR

CONSTRAINTS = CYPHER_DIR / "setup" / "constraints.cypher"
GRAPH_DIR = CYPHER_DIR.parent
# Fragments (graph/cypher/scope/) are not queries: tests/cypher/scope/fragments.cypher uses each.
FRAGMENTS = CYPHER_DIR / "scope"
FILES = sorted(
    f
    for f in [*CYPHER_DIR.rglob("*.cypher"), *TEST_CYPHER_DIR.rglob("*.cypher")]
    if not f.is_relative_to(FRAGMENTS)
)


def _name(path: Path) -> str:
    root = CYPHER_DIR if path.is_relative_to(CYPHER_DIR) else TEST_CYPHER_DIR.parent
    return path.relative_to(root).with_suffix("").as_posix()


async def explain(graph: Graph, query: LiteralString, label: str) -> None:
    """Plans `query` without running it; raises what Neo4j finds wrong with it."""
    await graph.read_text("EXPLAIN\n" + query, label=f"explain {label}")


def test_every_shipped_query_is_covered() -> None:
    # given the files found / then the shipped ones are there and none is a test's
    shipped = [f for f in FILES if f.is_relative_to(CYPHER_DIR)]
    assert len(shipped) > 100
    assert not [f for f in shipped if f.name.startswith("test_")]
    fragments = {f.stem for f in FRAGMENTS.glob("*.cypher")}
    used = (TEST_CYPHER_DIR / "scope" / "fragments.cypher").read_text(encoding="utf-8")
    assert fragments
    assert [name for name in fragments if f"@{name}(" not in used] == []


@pytest.mark.parametrize("path", FILES, ids=[_name(f) for f in FILES])
async def test_the_query_is_planned_by_neo4j(graph: Graph, path: Path) -> None:
    # given one .cypher file (the constraints file holds one statement per ';')
    queries = statements() if path == CONSTRAINTS else [load_cypher(path)]
    # when explained / then Neo4j plans each statement without an error
    for query in queries:
        await explain(graph, query, _name(path))


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (p:Person {id: $id}) RETURN nosuchfn(p) AS x",
        "MATCH (p:Person {id: $id} RETURN p",
        "CALL db.nosuchprocedure() YIELD x RETURN x",
    ],
)
async def test_a_broken_query_is_refused_by_explain(graph: Graph, query: LiteralString) -> None:
    # given a query with an unknown function, a syntax error or an unknown procedure
    # when explained / then Neo4j refuses it, so the check above can fail
    # (matched by Neo4j's error code: only graph/ imports the driver's exception types)
    with pytest.raises(Exception, match=r"Neo\.ClientError\.(Statement|Procedure)\."):
        await explain(graph, query, "broken")


# Every batched query graph/batch.py runs, by name: the Lookup and Rel enums, and each domain's
# own `grouped(graph, "<name>", ...)` calls, read from graph/'s source.
_GROUPED_CALL = re.compile(r"grouped\(\s*graph,\s*\"([\w/]+)\"")
BATCHED = sorted(
    {q.value for q in [*Lookup, *Rel]}
    | {m for f in GRAPH_DIR.glob("*.py") for m in _GROUPED_CALL.findall(f.read_text("utf-8"))}
)


def test_every_batched_query_is_found() -> None:
    # given the names found / then every enum's and at least the task, need and team domains'
    assert {"rel/person_services", "task/lookup", "need/village_needs", "team/members"} <= set(
        BATCHED
    )
    assert all((CYPHER_DIR / f"{name}.cypher").exists() for name in BATCHED)


@pytest.mark.parametrize("name", BATCHED)
async def test_the_grouped_form_is_planned_by_neo4j(graph: Graph, name: str) -> None:
    # given a batched query in the form graph/batch.py sends (its rows as one record)
    # when explained / then Neo4j plans it: the query is a valid subquery returning key, item
    await explain(graph, cypher(GROUPED + name), f"grouped {name}")


# Every query of skills with levels graph/batch.py reads in the held form: the Held enum, and each
# domain's own `held(graph, "<name>", ...)` calls.
_HELD_CALL = re.compile(r"\bheld\(\s*graph,\s*\"([\w/]+)\"")
HELD_NAMES = sorted(
    {q.value for q in Held}
    | {m for f in GRAPH_DIR.glob("*.py") for m in _HELD_CALL.findall(f.read_text("utf-8"))}
)


def test_every_held_query_is_found() -> None:
    # given the names found / then the enum's and the task and need domains'
    assert {"rel/person_skills", "task/requires", "need/skills"} <= set(HELD_NAMES)
    assert not set(HELD_NAMES) & set(BATCHED)


@pytest.mark.parametrize("name", HELD_NAMES)
async def test_the_held_form_is_planned_by_neo4j(graph: Graph, name: str) -> None:
    # given a query of skills with levels in the form graph/batch.py sends (each skill once)
    # when explained / then Neo4j plans it: the query returns key, skill, level
    await explain(graph, cypher(HELD + name), f"held {name}")
