"""The `people` connection: filter checks, keyset cursors, one graph query per page."""

from __future__ import annotations

from graph.person import PeopleFilter, people_page
from graph.rows import PersonNode

__all__ = ["PeopleFilter", "people"]
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.paging import Page, decode_cursor, encode_cursor, keyset_page, page_size

PEOPLE_CURSOR = "person"


async def people(
    ctx: Context, flt: PeopleFilter, *, first: int, after: str | None
) -> Page[PersonNode]:
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
    return keyset_page(
        page.rows,
        size,
        total=page.total,
        cursor=lambda r: encode_cursor(PEOPLE_CURSOR, r["id"]),
        has_previous=after is not None,
    )
