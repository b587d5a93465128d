"""The `people` connection's types: its filter, its orders, its edges and the page."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.common import PageInfo
from schema.enums import Gender, PoliticalStatus

if TYPE_CHECKING:
    from schema.person import Person

# schema/person.py imports this module: the person type is referenced lazily.
PersonRef = Annotated["Person", strawberry.lazy("schema.person")]


@strawberry.input(description="Filters of `people`; all given filters must hold.")
class PeopleFilter:
    search: str | None = strawberry.field(
        default=None,
        description="姓名检索 (name search): a name in Chinese (张建, 建国), a prefix of its "
        'pinyin (zhang, "zhang jian") or of its initials (zjg), case-insensitive; with orderBy '
        "ID people then come best match first (as `search` ranks them), then by id.",
    )
    skill_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="具备其中任一技能 (holds any of these skills)."
    )
    township_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="在该乡镇或其村的单位工作，或现派驻该乡镇 (works in a unit of the township or "
        "its villages, or is dispatched to it now).",
    )
    department_id: strawberry.ID | None = strawberry.field(
        default=None, description="所在单位 (works in this department)."
    )
    political_status: PoliticalStatus | None = strawberry.field(
        default=None, description="政治面貌 (political status)."
    )
    min_age: int | None = strawberry.field(
        default=None, description="最小年龄，按今年计 (at least this age this year)."
    )
    max_age: int | None = strawberry.field(
        default=None, description="最大年龄，按今年计 (at most this age this year)."
    )
    gender: Gender | None = strawberry.field(default=None, description="性别 (gender).")
    education: list[str] | None = strawberry.field(
        default=None, description="学历为其中之一，如 本科、研究生 (education is one of these)."
    )
    born_from: int | None = strawberry.field(
        default=None, description="出生年份不早于 (born in this year or later)."
    )
    born_to: int | None = strawberry.field(
        default=None, description="出生年份不晚于 (born in this year or earlier)."
    )
    joined_from: int | None = strawberry.field(
        default=None,
        description="参加工作年份不早于 (first year of public service this year or later).",
    )
    joined_to: int | None = strawberry.field(
        default=None,
        description="参加工作年份不晚于 (first year of public service this year or earlier).",
    )


@strawberry.enum(
    description="How `people` is ordered; every order ends with person id, an unknown year last."
)
class PersonOrder(Enum):
    ID = strawberry.enum_value(
        "ID", description="按编号 (by id; with filter.search best match first): the default"
    )
    NAME = strawberry.enum_value("NAME", description="按姓名拼音 (by the name's pinyin)")
    YOUNGEST_FIRST = strawberry.enum_value(
        "YOUNGEST_FIRST", description="年轻者在前 (latest birth year first)"
    )
    OLDEST_FIRST = strawberry.enum_value(
        "OLDEST_FIRST", description="年长者在前 (earliest birth year first)"
    )
    LONGEST_SERVICE_FIRST = strawberry.enum_value(
        "LONGEST_SERVICE_FIRST", description="工龄长者在前 (earliest joinedYear first)"
    )
    SHORTEST_SERVICE_FIRST = strawberry.enum_value(
        "SHORTEST_SERVICE_FIRST", description="工龄短者在前 (latest joinedYear first)"
    )


@strawberry.type(description="A person in a page of people, with the cursor of their place.")
class PersonEdge:
    cursor: str
    node: PersonRef


@strawberry.type(description="A page of people, keyset-paged in the order asked for.")
class PersonConnection:
    total_count: int = strawberry.field(
        description="符合条件的总人数；仅在选择此字段时才计数 (everyone the filters keep; "
        "counted only when selected)"
    )
    edges: list[PersonEdge]
    page_info: PageInfo
