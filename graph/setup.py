"""Applies the graph's constraints and indexes, and stores what older data lacks, idempotently,
before anything else runs."""

from __future__ import annotations

from typing import LiteralString

from graph.db import Graph, Tx, cypher
from model.pinyin import spell

# Nodes given their pinyin per transaction by `store_pinyin`.
PINYIN_BATCH = 2_000


def statements() -> list[LiteralString]:
    """The statements of `setup/constraints`, one per `;`, comments dropped."""
    text = cypher("setup/constraints")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [stmt.strip() for stmt in body.split(";") if stmt.strip()]


async def apply_schema(graph: Graph) -> None:
    """Creates what is missing and waits until every index is online (schema changes are not
    allowed in the same transaction as writes, so each statement runs on its own)."""
    async with graph.driver.session(database=graph.config.database) as session:
        for stmt in statements():
            await (await session.run(stmt)).consume()
        await (await session.run("CALL db.awaitIndexes(120)")).consume()
    await store_task_quarters(graph.patient())
    await store_pinyin(graph.patient())


async def store_task_quarters(graph: Graph) -> int:
    """Gives every task without a stored quarter the one the graph model defines; returns how
    many were given one."""

    async def work(tx: Tx) -> int:
        rows = await tx.run("setup/task_quarters")
        return int(rows[0]["stored"])

    return await graph.transaction(work)


def _spelling(name: str, person: bool) -> dict[str, str]:
    return spell(name, person=person).props()


async def store_pinyin(graph: Graph, batch: int = PINYIN_BATCH) -> int:
    """Gives every named person, village, township and skill without a stored pinyin the one
    model/pinyin.py computes (data written before the importer wrote it), `batch` nodes per
    transaction; returns how many were given one. With nothing to do, one read of four labels.
    """

    async def work(tx: Tx) -> int:
        found = await tx.run("setup/pinyin_missing", {"batch": batch})
        rows = [
            {
                "id": r["id"],
                "name": r["name"],
                "props": spell(r["name"], person=r["person"]).props(),
            }
            for r in found
        ]
        if not rows:
            return 0
        stored = await tx.run("setup/pinyin_store", {"rows": rows})
        return int(stored[0]["stored"])

    total = 0
    while (done := await graph.transaction(work)) > 0:
        total += done
    return total
