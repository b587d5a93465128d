"""The skill list, with full-text search over names and aliases."""

from __future__ import annotations

from graph.db import Graph, Record
from graph.search import fulltext_query


async def skills(graph: Graph, search: str | None, first: int) -> list[Record]:
    query = fulltext_query(search) if search else None
    if search and query is None:
        return []
    rows = await graph.read("skill/list", {"search": query, "first": first})
    return [r["item"] for r in rows]
