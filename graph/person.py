"""People lists: the `people` connection's single query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict, cast

from graph.db import Graph
from graph.rows import PersonNode
from graph.search import name_search


@dataclass(frozen=True)
class PeopleFilter:
    search: str | None = None
    skill_ids: list[str] | None = None
    township_id: str | None = None
    department_id: str | None = None
    political_status: str | None = None
    min_age: int | None = None
    max_age: int | None = None


class RankedPerson(PersonNode):
    # How well the name matches the search (graph/search.py): 0 the best, and without a search.
    searchRank: int


class _PageRow(TypedDict):
    total: int
    page: list[RankedPerson]


@dataclass(frozen=True)
class PeoplePage:
    total: int
    rows: list[RankedPerson]  # up to first + 1, by rank, then id


async def people_page(
    graph: Graph,
    flt: PeopleFilter,
    *,
    on: dt.date,
    first: int,
    after: tuple[int, str] | None,
) -> PeoplePage:
    """People by rank, then id, after the (rank, id) `after`."""
    search = name_search(flt.search) if flt.search else None
    if flt.search and search is None:
        return PeoplePage(0, [])  # only white space was typed: nothing can match
    # Age in the year of `on`: age ≥ minAge ⇔ birthYear ≤ year − minAge.
    rows = await graph.read(
        "person/page",
        {
            "search": search.fulltext if search else None,
            "text": search.text if search else None,
            "key": search.key if search else None,
            "skillIds": flt.skill_ids,
            "townshipId": flt.township_id,
            "departmentId": flt.department_id,
            "politicalStatus": flt.political_status,
            "maxBirthYear": None if flt.min_age is None else on.year - flt.min_age,
            "minBirthYear": None if flt.max_age is None else on.year - flt.max_age,
            "on": on,
            "afterRank": None if after is None else after[0],
            "after": None if after is None else after[1],
            "first": first,
        },
    )
    row = cast(list[_PageRow], rows)[0]
    return PeoplePage(row["total"], row["page"])
