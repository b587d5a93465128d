"""Rotation (轮岗交流, seed 001): the rotation list — who has held a post longest against the
configured term — and a person's history of employing units (`Person.employment`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any

import strawberry

from resolvers import rotation
from schema.common import Info, optional_id
from schema.person import Person
from schema.place import Department
from schema.post import Post


@strawberry.type(description="A unit a person worked in (WORKS_IN now, WORKED_IN before).")
class Employment:
    department: Department
    since: dt.date | None = strawberry.field(description="Null when not recorded.")
    until: dt.date | None = strawberry.field(description="Inclusive; null for the current unit.")

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Employment:
        return cls(
            department=Department.from_row(row["department"]),
            since=row.get("since"),
            until=row.get("until"),
        )


@strawberry.type(description="An active holding of a post and how long it has lasted.")
class RotationLine:
    person: Person
    post: Post
    department: Department
    since: dt.date = strawberry.field(description="Start of the holding (HOLDS.since).")
    years: float = strawberry.field(description="Years held on asOf (days ÷ 365.25, one decimal).")
    due: bool = strawberry.field(
        description="termYears full years held on asOf (the anniversary counts): due to rotate."
    )
    unit_years: float | None = strawberry.field(
        description="Years in the current unit (WORKS_IN.since); null when not recorded."
    )


@strawberry.type(description="Who has held a post longest (轮岗交流), against the term.")
class RotationList:
    as_of: dt.date
    term_years: int
    active_holdings: int = strawberry.field(
        description="Active holdings of the place's posts on asOf (the people you may see)."
    )
    due_count: int = strawberry.field(description="How many of them are due to rotate.")
    lines: list[RotationLine] = strawberry.field(
        description="Longest held first (since ascending), then person id, then post id."
    )


@strawberry.type
class RotationQuery:
    @strawberry.field(
        description="The active holdings of a township's or a county's posts, longest held "
        "first, each marked due when held termYears (default TOWNGRAPH_ROTATION_TERM_YEARS, 5) "
        "or more. Give exactly one of townshipId, countyId."
    )
    async def rotation_list(
        self,
        info: Info,
        township_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="乡镇编号 (township id)")
        ] = None,
        county_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="县编号 (county id)")
        ] = None,
        term_years: Annotated[
            int | None,
            strawberry.argument(
                description="任职满多少年应交流，1 至 30 (years in a post before rotating, 1 to "
                "30; default the setting)"
            ),
        ] = None,
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(description="按此日计算，默认今天 (as of this day; default today)"),
        ] = None,
        due_only: Annotated[
            bool | None,
            strawberry.argument(description="只列应交流的 (only the holdings due to rotate)"),
        ] = False,
        first: Annotated[
            int | None,
            strawberry.argument(description="最多返回条数，1 至 500 (at most this many, 1 to 500)"),
        ] = 100,
    ) -> RotationList:
        row = await rotation.rotation_list(
            info.context,
            township_id=optional_id(township_id),
            county_id=optional_id(county_id),
            term_years=term_years,
            as_of=as_of,
            due_only=bool(due_only),
            first=100 if first is None else first,
        )
        return RotationList(
            as_of=row["asOf"],
            term_years=row["termYears"],
            active_holdings=row["activeHoldings"],
            due_count=row["dueCount"],
            lines=[
                RotationLine(
                    person=Person.from_row(x["person"]),
                    post=Post.from_row(x["post"]),
                    department=Department.from_row(x["department"]),
                    since=x["since"],
                    years=x["years"],
                    due=x["due"],
                    unit_years=x["unitYears"],
                )
                for x in row["lines"]
            ],
        )


QUERIES = (RotationQuery,)
MUTATIONS: tuple[type, ...] = ()
