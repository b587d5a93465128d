"""Reads of post selections: the selections by id or of a township, their proposal (recorded
at the decision, else computed from the applications so far), and the handover list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph import selection as sel_graph
from graph.db import Record
from model.selection import Pick, proposal
from model.tasks import OPEN_STATUSES
from resolvers.context import Context
from resolvers.errors import NotFound


async def selections(ctx: Context, ids: Sequence[str]) -> list[Record | None]:
    return await sel_graph.selections_by_id(ctx.graph, ids)


async def selection_ids_of_township(ctx: Context, township_id: str) -> list[str]:
    found, ids = await sel_graph.selections_of_township(ctx.graph, township_id)
    if not found:
        raise NotFound("townshipId", "township", township_id)
    return ids


def proposed_picks(item: Record) -> list[Pick]:
    """The proposal of a selection as its item (selection/read) holds it: the one recorded at
    the decision, else the one the applications and rankings so far give."""
    if item["picks"]:
        return [Pick(p["postId"], p["personId"]) for p in item["picks"] if p["kind"] == "PROPOSED"]
    offers: list[dict[str, Any]] = [{**o, "postId": o["post"]["id"]} for o in item["offers"]]
    return proposal(offers, item["applications"])


async def handover(ctx: Context, post_id: str, person_id: str | None) -> Record:
    row = await sel_graph.handover(
        ctx.graph, post_id, person_id, today=ctx.today, open_statuses=OPEN_STATUSES
    )
    if row["post"] is None:
        raise NotFound("postId", "post", post_id)
    return row
