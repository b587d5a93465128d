"""Applies the graph's constraints and indexes, and stores what older data lacks, idempotently,
before anything else runs.

`CREATE ... IF NOT EXISTS` leaves an index of an older definition as it is, so the full-text index
`name_search` is compared with its statement in setup/constraints and dropped first when it
differs (it gained departments and `nameSimplified`); it is then built anew from the data.
"""

from __future__ import annotations

import re
from typing import LiteralString

from graph.db import Graph, Tx
from graph.queries import cypher
from model.pinyin import spell

# Nodes given their pinyin per transaction by `store_pinyin`.
PINYIN_BATCH = 2_000


def statements() -> list[LiteralString]:
    """The statements of `setup/constraints`, one per `;`, comments dropped."""
    text = cypher("setup/constraints")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [stmt.strip() for stmt in body.split(";") if stmt.strip()]


_NAME_SEARCH = re.compile(r"INDEX name_search .*?FOR \(n:([\w|]+)\) ON EACH \[([^\]]*)\]", re.S)


def name_search_definition() -> tuple[list[str], list[str]]:
    """The labels and properties setup/constraints gives the full-text index `name_search`."""
    found = _NAME_SEARCH.search(cypher("setup/constraints"))
    if found is None:
        raise RuntimeError("setup/constraints has no statement of the index name_search")
    properties = [p.strip().removeprefix("n.") for p in found[2].split(",")]
    return found[1].split("|"), properties


async def name_search_outdated(graph: Graph) -> bool:
    """Whether the database holds `name_search` of labels or properties other than
    `name_search_definition` (False when it holds none: the statement creates it)."""
    rows = await graph.read("setup/name_search_current")
    if not rows:
        return False
    labels, properties = name_search_definition()
    return sorted(rows[0]["labels"]) != sorted(labels) or rows[0]["properties"] != properties


async def apply_schema(graph: Graph) -> None:
    """Creates what is missing and waits until every index is online (schema changes are not
    allowed in the same transaction as writes, so each statement runs on its own)."""
    outdated = await name_search_outdated(graph)
    async with graph.driver.session(database=graph.config.database) as session:
        if outdated:
            await (await session.run(cypher("setup/name_search_drop"))).consume()
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


async def store_pinyin(graph: Graph, batch: int = PINYIN_BATCH) -> int:
    """Gives every named person, village, township, department and skill without a stored
    simplified name the spellings model/pinyin.py computes (data written before the importer
    wrote them), `batch` nodes per transaction; returns how many were given them. With nothing
    to do, one read of five labels.
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
