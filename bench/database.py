"""The benchmark's Neo4j: which one, emptying it, and seeding it through the real importer.

By default a managed instance in a home of its own (`.towngraph/bench-neo4j`), never the data of
`make run` (`.towngraph/neo4j`) nor of the tests (`.towngraph/test-neo4j`). With `NEO4J_URI` set
that server is used instead; since the benchmark empties the database first, a non-empty external
database is only wiped when `--wipe` says so.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.db import Graph, Neo4jConfig
from graph.importing import ImportReport, import_document
from graph.setup import apply_schema
from managed.instance import STATE_ROOT, ManagedInstance

BENCH_HOME = STATE_ROOT / "bench-neo4j"


class BenchError(RuntimeError):
    """The benchmark cannot go on; the message says why."""


@dataclass(frozen=True)
class Target:
    """The Neo4j the benchmark runs against; `instance` is None for an external server."""

    config: Neo4jConfig
    instance: ManagedInstance | None
    description: str


def acquire(say: Callable[[str], None]) -> Target:
    """The external server of `NEO4J_URI`, else the bench's managed instance, started."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        config = Neo4jConfig(
            uri=uri,
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            database=os.environ.get("NEO4J_DATABASE"),
        )
        return Target(config, None, f"external Neo4j from NEO4J_URI ({uri})")
    instance = ManagedInstance(home=BENCH_HOME)
    started = time.perf_counter()
    was_running = instance.status().running
    creds = instance.start()
    took = time.perf_counter() - started
    say(
        f"bench Neo4j {'already running' if was_running else f'started in {took:.1f} s'}"
        f" at {creds.uri} (home {instance.home})"
    )
    config = Neo4jConfig(uri=creds.uri, user=creds.user, password=creds.password)
    return Target(config, instance, f"managed bench Neo4j in {instance.home} ({creds.uri})")


async def count_nodes(graph: Graph) -> int:
    async with graph.driver.session(database=graph.config.database) as session:
        record = await (await session.run("MATCH (n) RETURN count(n) AS n")).single()
        return int(record["n"]) if record is not None else 0


async def wipe(graph: Graph) -> int:
    """Deletes every node (and so every relationship) in batches; returns how many there were.

    `CALL … IN TRANSACTIONS` only runs in an implicit (auto-commit) transaction, hence
    `session.run` rather than the managed transactions of `Graph.read`/`Graph.write`. The
    relationships go first, in batches of their own: a batch of nodes deleted with theirs holds
    every relationship of the dense nodes among them (a skill of a province has 75,000 holders),
    which once passed Neo4j's transaction memory limit on the default heap.
    """
    before = await count_nodes(graph)
    if before:
        async with graph.driver.session(database=graph.config.database) as session:
            for statement in (
                "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
                "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
            ):
                await (await session.run(statement)).consume()
    return before


async def seeded(graph: Graph, scale: int) -> bool:
    """Whether the database holds a whole seed of `scale` counties (no unfinished first load)."""
    rows = await graph.read_text(
        "MATCH (c:County) WITH count(c) AS counties OPTIONAL MATCH (m:BulkLoad)"
        " RETURN counties, count(m) AS markers",
        label="bench/seeded",
    )
    return bool(rows) and rows[0]["counties"] == scale and rows[0]["markers"] == 0


def generate(scale: int, random_seed: int, say: Callable[[str], None]) -> dict[str, Any]:
    """The seed document of `scale` counties (loaded here: the seed's modules are only the
    bench's)."""
    from seed import generate as generate_seed

    return generate_seed(scale=scale, random_seed=random_seed, progress=say)


@dataclass(frozen=True)
class SeedFigures:
    generate_s: float
    import_s: float
    rows: int
    report: ImportReport

    @property
    def graph_items(self) -> int:
        return self.report.nodes_created + self.report.relationships_created


async def prepare(
    graph: Graph, *, scale: int, random_seed: int, say: Callable[[str], None]
) -> tuple[SeedFigures, dict[str, Any]]:
    """Empties the database, applies the constraints, generates the seed document and imports
    it; returns the timings and the document (the workload samples its arguments from it)."""
    started = time.perf_counter()
    deleted = await wipe(graph)
    say(f"wiped {deleted:,} nodes in {time.perf_counter() - started:.1f} s")
    await apply_schema(graph)

    started = time.perf_counter()
    document = generate(scale, random_seed, say)
    generate_s = time.perf_counter() - started

    started = time.perf_counter()
    report = await import_document(graph, document, progress=say)
    import_s = time.perf_counter() - started
    if not report.ok:
        problems = "\n".join(str(p) for p in report.problems[:20])
        raise BenchError(
            f"the seed document did not import ({len(report.problems)} problems):\n{problems}"
        )
    rows = sum(report.counts.values())
    return SeedFigures(generate_s, import_s, rows, report), document
