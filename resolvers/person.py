"""The `people` connection: filter checks, keyset cursors, one graph query per page."""

from __future__ import annotations

from dataclasses import dataclass

from graph.person import PeopleFilter, people_page
from graph.rows import PersonNode
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.paging import decode_cursor, encode_cursor, page_size

PEOPLE_CURSOR = "person"


@dataclass(frozen=True)
class PeoplePage:
    total: int
    rows: list[PersonNode]
    cursors: list[str]
    has_next: bool
    has_previous: bool


async def people(ctx: Context, flt: PeopleFilter, *, first: int, after: str | None) -> PeoplePage:
    size = page_size(first)
    for name, value in (("filter.minAge", flt.min_age), ("filter.maxAge", flt.max_age)):
        if value is not None and not 0 <= value <= 120:
            raise BadInput(name, f"must be an age from 0 to 120, got {value}")
    if flt.min_age is not None and flt.max_age is not None and flt.min_age > flt.max_age:
        raise BadInput("filter.minAge", f"{flt.min_age} is above maxAge {flt.max_age}")
    after_id = None if after is None else decode_cursor(PEOPLE_CURSOR, after)
    if after_id is not None and not isinstance(after_id, str):
        raise BadInput("after", "not a cursor this API issued")
    page = await people_page(ctx.graph, flt, on=ctx.today, first=size, after=after_id)
    rows = page.rows[:size]
    return PeoplePage(
        total=page.total,
        rows=rows,
        cursors=[encode_cursor(PEOPLE_CURSOR, r["id"]) for r in rows],
        has_next=len(page.rows) > size,
        has_previous=after is not None,
    )
