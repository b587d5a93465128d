"""Lists of places: counties and townships (villages come per township through a loader)."""

from __future__ import annotations

from graph.db import Graph, Record


async def counties(graph: Graph) -> list[Record]:
    return [r["item"] for r in await graph.read("place/counties")]


async def townships(graph: Graph, county_id: str | None) -> list[Record]:
    return [r["item"] for r in await graph.read("place/townships", {"countyId": county_id})]


async def is_empty(graph: Graph) -> bool:
    rows = await graph.read("place/is_empty")
    return bool(rows[0]["empty"])
