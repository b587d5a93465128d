"""The tests' own queries: `tests/cypher/<domain>/<name>.cypher`, never shipped with `graph/`.

They set up or read back what no public query does (a task written the way another module
would, a snapshot of what an import wrote). They run through the same driver, transactions and
round-trip count as `graph/`'s queries; `graph.db.load_cypher` is still the one place their text
becomes `LiteralString`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, LiteralString

from graph.db import Graph, Record, Tx
from graph.queries import cypher, load_cypher

TEST_CYPHER_DIR = Path(__file__).resolve().parent / "cypher"


def _load(name: str) -> LiteralString:
    return load_cypher(TEST_CYPHER_DIR / f"{name}.cypher")


async def read(graph: Graph, name: str, params: Mapping[str, Any] | None = None) -> list[Record]:
    """Runs `tests/cypher/<name>.cypher` in a read transaction."""
    return await graph.read_text(_load(name), params, label=f"tests/{name}")


async def run(tx: Tx, name: str, params: Mapping[str, Any] | None = None) -> list[Record]:
    """Runs `tests/cypher/<name>.cypher` inside a write transaction of `graph.transaction`."""
    return await tx.run_text(_load(name), params, label=f"tests/{name}")


async def write(graph: Graph, name: str, params: Mapping[str, Any] | None = None) -> list[Record]:
    """Runs `tests/cypher/<name>.cypher` in a write transaction of its own."""
    return await graph.transaction(lambda tx: run(tx, name, params))


async def planned_operators(
    graph: Graph, name: str, params: Mapping[str, Any] | None = None
) -> list[str]:
    """The operators of the plan Neo4j makes for the shipped query `name` (EXPLAIN: nothing
    runs), each as "Operator details", depth first."""
    async with graph.driver.session(database=graph.config.database) as session:
        result = await session.run("EXPLAIN " + cypher(name), graph.params(params))
        summary = await result.consume()
    found: list[str] = []

    def walk(plan: Mapping[str, Any]) -> None:
        operator = str(plan.get("operatorType", "")).split("@")[0]
        found.append(f"{operator} {plan.get('args', {}).get('Details', '')}")
        for child in plan.get("children", ()):
            walk(child)

    walk(summary.plan or {})
    return found
