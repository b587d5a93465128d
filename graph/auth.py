"""Where a token's unit sits in the hierarchy: the one lookup authentication needs."""

from __future__ import annotations

from dataclasses import dataclass

from graph.db import Graph


@dataclass(frozen=True)
class UnitPlace:
    kind: str  # 'County' | 'Township' | 'Village'
    county_id: str | None
    township_id: str | None


async def unit_place(graph: Graph, unit_id: str) -> UnitPlace | None:
    """The kind and the county (and township) of the unit `unit_id`; None when it is unknown."""
    rows = await graph.read("auth/unit", {"id": unit_id})
    if not rows:
        return None
    row = rows[0]
    return UnitPlace(row["kind"], row["countyId"], row["townshipId"])
