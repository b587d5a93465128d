"""The skill list, with full-text search over names and aliases."""

from __future__ import annotations

from typing import TypedDict, cast

from graph.db import Graph
from graph.rows import SkillNode
from graph.search import fulltext_query


class SkillItem(TypedDict):
    item: SkillNode


async def skills(graph: Graph, search: str | None, first: int) -> list[SkillNode]:
    query = fulltext_query(search) if search else None
    if search and query is None:
        return []
    rows = cast(list[SkillItem], await graph.read("skill/list", {"search": query, "first": first}))
    return [r["item"] for r in rows]
