"""Lists of places for the root query."""

from __future__ import annotations

from graph import place
from graph.db import Record
from graph.rows import CountyNode, TownshipNode
from resolvers import loaders
from resolvers.context import Context


async def counties(ctx: Context) -> list[CountyNode]:
    return await place.counties(ctx.graph)


async def townships(ctx: Context, county_id: str | None) -> list[TownshipNode]:
    return await place.townships(ctx.graph, county_id)


async def villages(ctx: Context, township_id: str) -> list[Record]:
    return await ctx.loaders.load(loaders.TOWNSHIP_VILLAGES, township_id)
