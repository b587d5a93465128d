"""Posts (岗位): the responsibility statement's write, the caps report's facts, the holders below
their post's required levels, and the parts of person–post fit (graph/cypher/post/)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.db import Graph, Record, Tx


async def set_statement(tx: Tx, *, post_id: str, props: dict[str, Any]) -> Record | None:
    """The post's properties after the write, or None for an unknown post."""
    rows = await tx.run("post/statement_set", {"postId": post_id, "props": props})
    return rows[0]["post"] if rows else None


async def caps(graph: Graph, *, county_id: str) -> list[Record] | None:
    """The county's townships with their posts; None when the county is unknown or hidden."""
    row = (await graph.read("post/caps", {"countyId": county_id}))[0]
    return row["townships"] if row["found"] else None


async def below_requirement(
    graph: Graph, *, township_id: str | None, county_id: str | None, as_of: dt.date
) -> Record | None:
    """{activeHolders, lines}; None when the place is unknown or hidden."""
    rows = await graph.read(
        "post/below_requirement",
        {"townshipId": township_id, "countyId": county_id, "asOf": as_of},
    )
    return rows[0] if rows else None


async def fit_for_post(graph: Graph, *, post_id: str, as_of: dt.date) -> Record:
    """{post (None when unknown or hidden), place, requires, candidates}."""
    return (await graph.read("post/fit_for_post", {"postId": post_id, "asOf": as_of}))[0]


async def fit_for_person(graph: Graph, *, person_id: str, as_of: dt.date) -> Record:
    """{person (None when unknown or hidden), posts}."""
    return (await graph.read("post/fit_for_person", {"personId": person_id, "asOf": as_of}))[0]
