"""`node(id, kind)`: which kind an id names. Ids are unique within a kind, not across kinds
(a team and a task may share one), so an id that several kinds carry needs `kind`."""

from __future__ import annotations

from graph import node as node_graph
from resolvers.context import Context
from resolvers.errors import BadInput


async def kind_of(ctx: Context, node_id: str, kind: str | None) -> str | None:
    """The kind to read `node_id` as; None when no node the caller may see has it."""
    if kind is not None:
        return kind
    kinds = await node_graph.kinds_of(ctx.graph, node_id)
    if len(kinds) > 1:
        raise BadInput("id", f"'{node_id}' is the id of a {' and a '.join(kinds)}; give kind")
    return kinds[0] if kinds else None
