"""People lists: the `people` connection's queries, chosen by where the list can start.

With a search, a township, a department or skills the candidates are few, and person/page sorts
and slices them; with none of these and the order by id, person/page_all walks the id index
(forwards or backwards) and stops after the page, and person/count_all counts only when asked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypedDict, cast

from graph.db import Graph
from graph.rows import PersonNode
from graph.search import name_search

# Bounds of the id range when a page has no cursor: below and above every id.
_LOWEST_ID = ""
_HIGHEST_ID = "\U0010ffff"


@dataclass(frozen=True)
class PeopleFilter:
    search: str | None = None
    skill_ids: list[str] | None = None
    township_id: str | None = None
    department_id: str | None = None
    political_status: str | None = None
    min_age: int | None = None
    max_age: int | None = None
    gender: str | None = None
    education: list[str] | None = None
    born_from: int | None = None
    born_to: int | None = None
    joined_from: int | None = None
    joined_to: int | None = None


@dataclass(frozen=True)
class SortKey:
    """Where a cursor's row sits in an order: its sort key (person/page's `sortKey`) and id."""

    key: int | str
    id: str


class RankedPerson(PersonNode):
    # How well the name matches the search (graph/search.py): 0 the best, and without a search.
    searchRank: int
    # The row's place in the order asked for (person/page.cypher), carried by its cursor.
    sortKey: int | str


class _PageRow(TypedDict):
    total: int
    page: list[RankedPerson]


@dataclass(frozen=True)
class PeoplePage:
    total: int | None  # None when not asked for
    rows: list[RankedPerson]  # up to size + 1 in the order; backwards, the extra row first


async def people_page(
    graph: Graph,
    flt: PeopleFilter,
    *,
    on: dt.date,
    order: str,
    size: int,
    after: SortKey | None,
    before: SortKey | None,
    backward: bool,
    with_total: bool,
) -> PeoplePage:
    """People in `order` between the cursors `after` and `before`: the first `size` (+1), or
    backward the last `size` (+1); the total only `with_total` (else when it comes for free)."""
    search = name_search(flt.search) if flt.search else None
    if flt.search and search is None:
        return PeoplePage(0, [])  # only white space was typed: nothing can match
    params = _filters(flt, on)
    starts = (flt.skill_ids, flt.township_id, flt.department_id)
    if search is None and order == "ID" and all(start is None for start in starts):
        return await _by_id_index(graph, params, size, after, before, backward, with_total)
    rows = await graph.read(
        "person/page",
        {
            **params,
            "search": search.fulltext if search else None,
            "text": search.text if search else None,
            "key": search.key if search else None,
            "skillIds": flt.skill_ids,
            "townshipId": flt.township_id,
            "departmentId": flt.department_id,
            "on": on,
            "order": order,
            "after": None if after is None else {"key": after.key, "id": after.id},
            "before": None if before is None else {"key": before.key, "id": before.id},
            "size": size,
            "backward": backward,
        },
    )
    row = cast(list[_PageRow], rows)[0]
    return PeoplePage(row["total"], row["page"])


def _filters(flt: PeopleFilter, on: dt.date) -> dict[str, Any]:
    """The filters every people query takes; ages and birth years meet in the tighter bound."""
    # Age in the year of `on`: age ≥ minAge ⇔ birthYear ≤ year − minAge.
    max_birth = None if flt.min_age is None else on.year - flt.min_age
    min_birth = None if flt.max_age is None else on.year - flt.max_age
    return {
        "politicalStatus": flt.political_status,
        "gender": flt.gender,
        "education": flt.education,
        "minBirthYear": _tighter(max, min_birth, flt.born_from),
        "maxBirthYear": _tighter(min, max_birth, flt.born_to),
        "minJoinedYear": flt.joined_from,
        "maxJoinedYear": flt.joined_to,
    }


def _tighter(pick: Any, a: int | None, b: int | None) -> int | None:
    if a is None or b is None:
        return a if b is None else b
    return cast(int, pick(a, b))


async def _by_id_index(
    graph: Graph,
    params: dict[str, Any],
    size: int,
    after: SortKey | None,
    before: SortKey | None,
    backward: bool,
    with_total: bool,
) -> PeoplePage:
    rows = await graph.read(
        "person/page_all_back" if backward else "person/page_all",
        {
            **params,
            "after": _LOWEST_ID if after is None else after.id,
            "before": _HIGHEST_ID if before is None else before.id,
            "size": size,
        },
    )
    people = cast(list[RankedPerson], rows[0]["people"])
    if backward:
        people.reverse()  # the query walks back from `before`; pages read forwards
    total = None
    if with_total:
        total = cast(int, (await graph.read("person/count_all", params))[0]["total"])
    return PeoplePage(total, people)
