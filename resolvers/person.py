"""The `people` connection: filter checks, the order, keyset cursors in both directions, and
which graph query serves a page (graph/person.py).

A cursor carries the row's sort key and id: with the order ID the search rank (with a search
people come best match first, graph/search.py; without one every rank is 0, so the order is by
id as before), else the value the order sorts by. Cursors of the order ID keep the kind
`person`, those of another order name it, so a cursor is refused in an order not its own."""

from __future__ import annotations

from graph.person import PeopleFilter, RankedPerson, SortKey, people_page
from model.messages import t

__all__ = ["PEOPLE_ORDERS", "PeopleFilter", "people"]
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.paging import Page, decode_cursor, encode_cursor, two_way_page, window

PEOPLE_CURSOR = "person"
DEFAULT_FIRST = 20
# The orders of `people` (schema/person.py PersonOrder); NAME sorts by pinyin, the others by year.
PEOPLE_ORDERS = (
    "ID", "NAME", "YOUNGEST_FIRST", "OLDEST_FIRST", "LONGEST_SERVICE_FIRST",
    "SHORTEST_SERVICE_FIRST",
)  # fmt: skip
_YEARS = (1900, 2100)


async def people(
    ctx: Context,
    flt: PeopleFilter,
    *,
    order: str = "ID",
    first: int | None = None,
    last: int | None = None,
    after: str | None = None,
    before: str | None = None,
    with_total: bool = True,
) -> Page[RankedPerson]:
    """A page of people; `first`/`last` None when not given (then DEFAULT_FIRST forwards)."""
    win = window(first, last, default=DEFAULT_FIRST)
    _check(flt)
    kind = _kind(order)
    page = await people_page(
        ctx.graph,
        flt,
        on=ctx.today,
        order=order,
        size=win.size,
        after=_key(kind, order, after, "after"),
        before=_key(kind, order, before, "before"),
        backward=win.backward,
        with_total=with_total,
    )
    return two_way_page(
        page.rows,
        win,
        total=page.total or 0,
        cursor=lambda r: encode_cursor(kind, [r["sortKey"], r["id"]]),
        after=after,
        before=before,
    )


def _check(flt: PeopleFilter) -> None:
    for name, value in (("filter.minAge", flt.min_age), ("filter.maxAge", flt.max_age)):
        if value is not None and not 0 <= value <= 120:
            raise BadInput(name, t("must be an age from 0 to 120, got {value}", value=value))
    if flt.min_age is not None and flt.max_age is not None and flt.min_age > flt.max_age:
        raise BadInput(
            "filter.minAge",
            t("{min_age} is above maxAge {max_age}", min_age=flt.min_age, max_age=flt.max_age),
        )
    for low, high, lo_name, hi_name in (
        (flt.born_from, flt.born_to, "filter.bornFrom", "filter.bornTo"),
        (flt.joined_from, flt.joined_to, "filter.joinedFrom", "filter.joinedTo"),
    ):
        for name, year in ((lo_name, low), (hi_name, high)):
            if year is not None and not _YEARS[0] <= year <= _YEARS[1]:
                raise BadInput(
                    name,
                    t("must be a year from {low} to {high}, got {year}",
                      low=_YEARS[0], high=_YEARS[1], year=year),
                )  # fmt: skip
        if low is not None and high is not None and low > high:
            raise BadInput(
                lo_name,
                t("{low} is after {other} {high}",
                  low=low, other=hi_name.removeprefix("filter."), high=high),
            )  # fmt: skip


def _kind(order: str) -> str:
    return PEOPLE_CURSOR if order == "ID" else f"{PEOPLE_CURSOR}.{order}"


def _key(kind: str, order: str, cursor: str | None, field: str) -> SortKey | None:
    """The (sort key, id) of a cursor; an id alone is an older cursor's, rank 0."""
    if cursor is None:
        return None
    key = decode_cursor(kind, cursor, field)
    if isinstance(key, str) and order == "ID":
        return SortKey(0, key)
    match key:
        case [str() as name, str() as person_id] if order == "NAME":
            return SortKey(name, person_id)
        case [int() as value, str() as person_id] if order != "NAME" and not isinstance(
            value, bool
        ):
            return SortKey(value, person_id)
    raise BadInput(field, t("not a cursor this API issued"))
