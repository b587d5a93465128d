"""A first load into an empty database (首次批量导入): the same write steps as the one-transaction
import, each batch committed on its own, with progress; on any failure the database is emptied
again, so it is left as it was.

A province's document (a million rows and more) does not fit in one transaction on a default
heap: the transaction's state of every row written grows past Neo4j's transaction memory. Into
an empty database nothing can be overwritten, so "as it was" means empty, and a load that stops
halfway can be undone by emptying the database. A marker node (`:BulkLoad`) is committed before
the first batch and removed in the transaction of the last part, so that a load stopped by a
crash (the process killed, the machine off) is recognised by the next import, which empties
the database before it starts.

Into a database that holds anything, the whole document stays one transaction (writer.write):
there is nothing to undo by emptying.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from neo4j.exceptions import TransientError

from graph.db import Graph, Record, Tx
from graph.importing.writer import (
    WRITE_TIMEOUT_S,
    Counters,
    Prepared,
    finish,
    out_of_memory,
    outcome,
    prepare,
)
from graph.queries import cypher
from importing.document import Validated
from model.compliance import Breach

# Below this many rows a document is written in one transaction even into an empty database:
# all or nothing without a marker, and small enough for any heap.
BULK_MIN_ROWS = 50_000
# A progress line at most this often (seconds), and after the last batch.
PROGRESS_EVERY_S = 5.0


@dataclass(frozen=True)
class DatabaseState:
    occupied: bool  # anything besides the marker of an unfinished first load
    interrupted: bool  # that marker: a first load stopped before its end

    @property
    def empty(self) -> bool:
        return not self.occupied and not self.interrupted


class BulkLoadFailed(RuntimeError):
    """A batch of a first load failed; `emptied` says whether the database is empty again."""

    def __init__(self, batch: int, batches: int, reason: str, emptied: str | None) -> None:
        super().__init__(reason)
        self.batch = batch
        self.batches = batches
        self.reason = reason
        # None: emptied; else why emptying failed (the next import empties it first).
        self.not_emptied = emptied


async def database_state(graph: Graph) -> DatabaseState:
    row = (await graph.read("import/bulk_state"))[0]
    return DatabaseState(occupied=bool(row["occupied"]), interrupted=bool(row["interrupted"]))


async def empty_database(graph: Graph) -> None:
    """Deletes every relationship, then every node, in transactions of their own (CALL … IN
    TRANSACTIONS runs only in an implicit transaction, hence the session of its own)."""
    async with graph.driver.session(database=graph.config.database) as session:
        for name in ("import/empty_relationships", "import/empty_nodes"):
            await (await session.run(cypher(name))).consume()


async def write_bulk(
    graph: Graph,
    validated: Validated,
    progress: Callable[[str], None],
    actor: str,
    max_active_mentees: int,
) -> tuple[Counters, list[Breach]]:
    """Writes a valid document into an empty database batch by batch (see the module's text);
    raises BulkLoadFailed when a batch fails, after emptying the database again."""
    prepared = prepare(validated, progress, actor)
    patient = graph.patient(WRITE_TIMEOUT_S)
    total = sum(len(params["rows"]) for _, params in prepared.steps)
    batches = len(prepared.steps) + 1  # and the last part: selections, compliance facts, marker
    progress(f"first load into an empty database: {batches:,} batches, each committed on its own")
    await patient.write([("import/bulk_begin", {"startedAt": datetime.now(UTC), "rows": total})])
    written: list[list[Record]] = []
    batch = 0
    try:
        await _steps(patient, prepared, total, progress, written)
        batch = batches

        async def last(tx: Tx) -> tuple[list[list[Record]], list[list[Record]]]:
            result = await finish(tx, prepared)
            await tx.run("import/bulk_end")
            return result

        more, checked = await patient.transaction(last)
    except BaseException as exc:
        # Whatever stopped the load (a refused batch, Neo4j gone, Ctrl-C), undo it.
        failed_at = batch or len(written) + 1
        not_emptied = await _undo(graph, progress)
        if not isinstance(exc, Exception):
            raise
        reason = _reason(exc)
        raise BulkLoadFailed(failed_at, batches, reason, not_emptied) from exc
    progress(f"last part written: {batches:,} of {batches:,} batches")
    return outcome(validated, prepared, written + more, checked, max_active_mentees)


async def _steps(
    graph: Graph,
    prepared: Prepared,
    total: int,
    progress: Callable[[str], None],
    written: list[list[Record]],
) -> None:
    """Commits the steps one by one, each result appended to `written` as it lands."""
    started = last_said = time.perf_counter()
    done = 0
    for i, (query, params) in enumerate(prepared.steps, start=1):
        written += await graph.write([(query, params)])
        done += len(params["rows"])
        now = time.perf_counter()
        if now - last_said >= PROGRESS_EVERY_S or i == len(prepared.steps):
            last_said = now
            rate = done / max(now - started, 1e-9)
            left = (total - done) / rate if rate else 0.0
            progress(
                f"{i:,}/{len(prepared.steps):,} batches, {done:,}/{total:,} rows"
                f" ({rate:,.0f} rows/s, about {left:,.0f} s left)"
            )


async def _undo(graph: Graph, progress: Callable[[str], None]) -> str | None:
    """Empties the database after a failed load; returns None, or why it could not."""
    progress("the load failed: emptying the database again")
    try:
        # Shielded: a Ctrl-C that stopped the load must not stop its undoing as well.
        await asyncio.shield(empty_database(graph))
    except Exception as exc:  # the reason goes to the clerk; the next import empties it
        return _reason(exc)
    progress("the database is empty again")
    return None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, TransientError) and out_of_memory(exc):
        return "the database ran out of transaction memory"
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
