"""The `people` connection: filter checks, keyset cursors, one graph query per page.

A cursor carries the row's (rank, id): with a search, people come best match first
(graph/search.py), and without one every rank is 0, so the order is by id as before."""

from __future__ import annotations

from graph.person import PeopleFilter, RankedPerson, people_page
from model.messages import t

__all__ = ["PeopleFilter", "people"]
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.paging import Page, decode_cursor, encode_cursor, keyset_page, page_size

PEOPLE_CURSOR = "person"


async def people(
    ctx: Context, flt: PeopleFilter, *, first: int, after: str | None
) -> Page[RankedPerson]:
    size = page_size(first)
    for name, value in (("filter.minAge", flt.min_age), ("filter.maxAge", flt.max_age)):
        if value is not None and not 0 <= value <= 120:
            raise BadInput(name, t("must be an age from 0 to 120, got {value}", value=value))
    if flt.min_age is not None and flt.max_age is not None and flt.min_age > flt.max_age:
        raise BadInput(
            "filter.minAge",
            t("{min_age} is above maxAge {max_age}", min_age=flt.min_age, max_age=flt.max_age),
        )
    page = await people_page(ctx.graph, flt, on=ctx.today, first=size, after=_after(after))
    return keyset_page(
        page.rows,
        size,
        total=page.total,
        cursor=lambda r: encode_cursor(PEOPLE_CURSOR, [r["searchRank"], r["id"]]),
        has_previous=after is not None,
    )


def _after(after: str | None) -> tuple[int, str] | None:
    """The (rank, id) of an `after` cursor; an id alone is an older cursor's, rank 0."""
    if after is None:
        return None
    key = decode_cursor(PEOPLE_CURSOR, after)
    if isinstance(key, str):
        return 0, key
    match key:
        case [int() as rank, str() as person_id] if not isinstance(rank, bool):
            return rank, person_id
    raise BadInput("after", t("not a cursor this API issued"))
