"""Lists of places: counties and townships (villages come per township through a loader)."""

from __future__ import annotations

from typing import TypedDict, cast

from graph.db import Graph
from graph.rows import CountyNode, TownshipNode


class CountyItem(TypedDict):
    item: CountyNode


class TownshipItem(TypedDict):
    item: TownshipNode


class _EmptyRow(TypedDict):
    empty: bool


async def counties(graph: Graph) -> list[CountyNode]:
    rows = cast(list[CountyItem], await graph.read("place/counties"))
    return [r["item"] for r in rows]


async def townships(graph: Graph, county_id: str | None) -> list[TownshipNode]:
    rows = cast(list[TownshipItem], await graph.read("place/townships", {"countyId": county_id}))
    return [r["item"] for r in rows]


async def is_empty(graph: Graph) -> bool:
    rows = cast(list[_EmptyRow], await graph.read("place/is_empty"))
    return rows[0]["empty"]
