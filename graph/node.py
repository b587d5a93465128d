"""`node(id)`: the kinds of node that carry an id, each found through its own id index."""

from __future__ import annotations

from graph.db import Graph


async def kinds_of(graph: Graph, node_id: str) -> list[str]:
    """The kinds (PERSON, VILLAGE, …) with a node of this id; a Person only if visible."""
    rows = await graph.read("node/kinds", {"id": node_id})
    return [str(r["kind"]) for r in rows]
