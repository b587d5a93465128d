"""Rotation (轮岗交流): the active holdings a rotation list ranks, and a person's history of
employing units (graph/cypher/rotation/)."""

from __future__ import annotations

import datetime as dt

from graph.batch import grouped
from graph.db import Graph, Record


async def holdings(
    graph: Graph, *, township_id: str | None, county_id: str | None, as_of: dt.date
) -> list[Record] | None:
    """The place's active holdings on `as_of`, in no order; None when the place is unknown or
    hidden."""
    rows = await graph.read(
        "rotation/rotation_list",
        {"townshipId": township_id, "countyId": county_id, "asOf": as_of},
    )
    return list(rows[0]["lines"]) if rows else None


async def person_employment(graph: Graph, keys: list[str]) -> list[list[Record]]:
    """Each person's employers, the current first, in ONE query (a DataLoader's batch)."""
    return await grouped(graph, "rotation/person_employment", keys)
