"""Live updates (订阅): what was appended to the graph since a time, read by time.

Neo4j Community has no change feed, so a subscription polls: task events, acknowledgements and
needs are append-only and carry their instant (`at`, `createdAt`), each served by a range index
(graph/cypher/setup/constraints.cypher). Every function reads rows at or after `since`, oldest
first, at most `limit`; which of them were delivered already is the caller's business
(resolvers/live.py).
"""

from __future__ import annotations

import datetime as dt

from graph.db import Graph, Record


async def places_found(
    graph: Graph, *, township_id: str | None = None, village_id: str | None = None
) -> tuple[bool, bool]:
    """(township found, village found) for the caller; true for what is not asked."""
    rows = await graph.read("live/places", {"townshipId": township_id, "villageId": village_id})
    return bool(rows[0]["townshipFound"]), bool(rows[0]["villageFound"])


async def task_events(
    graph: Graph,
    since: dt.datetime,
    *,
    task_id: str | None,
    township_id: str | None,
    limit: int,
) -> list[Record]:
    """Rows {task, event} of the task events at or after `since`."""
    return await graph.read(
        "live/task_events",
        {"since": since, "taskId": task_id, "townshipId": township_id, "limit": limit},
    )


async def acknowledgements(
    graph: Graph,
    since: dt.datetime,
    *,
    task_id: str | None,
    township_id: str | None,
    limit: int,
) -> list[Record]:
    """Rows {id, at, task, acknowledgement} of the acknowledgements at or after `since`."""
    return await graph.read(
        "live/acknowledgements",
        {"since": since, "taskId": task_id, "townshipId": township_id, "limit": limit},
    )


async def needs(
    graph: Graph,
    since: dt.datetime,
    *,
    village_id: str | None,
    township_id: str | None,
    limit: int,
) -> list[Record]:
    """Rows {id, at, need} of the needs created at or after `since`."""
    return await graph.read(
        "live/needs",
        {"since": since, "villageId": village_id, "townshipId": township_id, "limit": limit},
    )
