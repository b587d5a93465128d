"""The search box: checks of `search`'s arguments; the matching and the ranking are the graph's
(graph/search.py)."""

from __future__ import annotations

from collections.abc import Sequence

from graph import search as graph_search
from graph.search import SearchRow
from model.messages import t
from resolvers.context import Context
from resolvers.errors import BadInput

__all__ = ["KINDS", "MAX_RESULTS", "MAX_TEXT", "SearchRow", "search"]

# The labels the search box looks among, in the order `kinds` lists them by default.
KINDS = ("Person", "Village", "Township", "Department", "Skill")
MAX_RESULTS = 100
MAX_TEXT = 100  # characters of typed text: a name or a pinyin, never a document


async def search(
    ctx: Context, text: str, kinds: Sequence[str] | None, first: int
) -> list[SearchRow]:
    if not 1 <= first <= MAX_RESULTS:
        raise BadInput(
            "first",
            t(
                "must be between 1 and {MAX_RESULTS}, got {first}",
                MAX_RESULTS=MAX_RESULTS,
                first=first,
            ),
        )
    if len(text) > MAX_TEXT:
        raise BadInput(
            "text",
            t("at most {MAX_TEXT} characters, got {count}", MAX_TEXT=MAX_TEXT, count=len(text)),
        )
    wanted = list(dict.fromkeys(kinds)) if kinds is not None else list(KINDS)
    return await graph_search.search(ctx.graph, text, wanted, first)
