"""Aggregates (统计) without rows: how many of a place's staff, by township, department, skill
(with the level distribution), political status, gender, education and rank; how many of its
tasks by status, quarter and kind. One query each, computing only the selected groups."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Any

import strawberry
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from graph.aggregate import Aggregate
from model import labels
from model.skills import LEVELS
from resolvers import aggregate as aggregate_resolvers
from schema.common import (
    Info,
    OptionalCountyId,
    OptionalDepartmentId,
    OptionalTownshipId,
    OptionalVillageId,
    ids,
    optional_id,
)
from schema.task_types import TaskKind

_SKILL_IDS = Annotated[
    list[strawberry.ID] | None,
    strawberry.argument(description="只统计持有其中任一技能者 (holders of any of these skills)"),
]


@strawberry.type(description="One group of a count: its key (an id or a code), its name, how many.")
class GroupCount:
    key: str | None = strawberry.field(
        description="The group's id or code; null for people or tasks where it is not recorded "
        "(or, by township, staff of county-level units)."
    )
    name: str | None = strawberry.field(description="The group's Chinese name or label.")
    count: int


@strawberry.type(description="How many hold a skill at one level (1–5).")
class LevelCount:
    level: int
    count: int


@strawberry.type(description="How many of the people hold a skill, and at which levels.")
class SkillCount:
    key: str = strawberry.field(description="The skill's id.")
    name: str
    count: int
    levels: list[LevelCount] = strawberry.field(description="Every level 1–5, with zeros.")


def _groups(rows: Iterable[Mapping[str, Any]], names: labels.Labels | None) -> list[GroupCount]:
    out = []
    for row in rows:
        key = row["key"]
        name = row.get("name")
        if names is not None and key is not None:
            name = names[str(key)][0] if str(key) in names else str(key)
        elif name is None and key is not None:
            name = str(key)
        out.append(GroupCount(key=optional_id(key), name=name, count=row["count"]))
    return out


def _skills(rows: Iterable[Mapping[str, Any]]) -> list[SkillCount]:
    out = []
    for row in rows:
        by_level = {int(x["level"]): int(x["count"]) for x in row["levels"]}
        out.append(
            SkillCount(
                key=str(row["key"]),
                name=str(row["name"]),
                count=int(row["count"]),
                levels=[LevelCount(level=lv, count=by_level.get(lv, 0)) for lv in LEVELS],
            )
        )
    return out


@strawberry.type(description="Counts of a place's staff (people who work in its units).")
class PeopleAggregate:
    count: int
    found: strawberry.Private[Aggregate]

    @strawberry.field(description="By township (a county's staff; null: county-level units).")
    def by_township(self) -> list[GroupCount]:
        return _groups(self.found.groups["byTownship"], None)

    @strawberry.field(description="By employing unit.")
    def by_department(self) -> list[GroupCount]:
        return _groups(self.found.groups["byDepartment"], None)

    @strawberry.field(description="By skill held, with the level distribution; most held first.")
    def by_skill(self) -> list[SkillCount]:
        return _skills(self.found.groups["bySkill"])

    @strawberry.field(description="By political status (政治面貌).")
    def by_political_status(self) -> list[GroupCount]:
        return _groups(self.found.groups["byPoliticalStatus"], labels.POLITICAL_STATUS)

    @strawberry.field(description="By gender.")
    def by_gender(self) -> list[GroupCount]:
        return _groups(self.found.groups["byGender"], labels.GENDER)

    @strawberry.field(description="By education as recorded (学历).")
    def by_education(self) -> list[GroupCount]:
        return _groups(self.found.groups["byEducation"], None)

    @strawberry.field(description="By rank (职级).")
    def by_rank(self) -> list[GroupCount]:
        return _groups(self.found.groups["byRank"], labels.RANK)


@strawberry.type(description="Counts of a place's tasks (任务).")
class TaskAggregate:
    count: int
    found: strawberry.Private[Aggregate]

    @strawberry.field(description="By status; most first.")
    def by_status(self) -> list[GroupCount]:
        return _groups(self.found.groups["byStatus"], labels.TASK_STATUS)

    @strawberry.field(description="By quarter of the task list, earliest first.")
    def by_quarter(self) -> list[GroupCount]:
        return _groups(self.found.groups["byQuarter"], None)

    @strawberry.field(description="By kind (routine or emergency).")
    def by_kind(self) -> list[GroupCount]:
        return _groups(self.found.groups["byKind"], labels.TASK_KIND)


def _selected(selections: Iterable[Selection]) -> set[str]:
    """The field names selected on the result, through fragments (aliases do not matter)."""
    names: set[str] = set()
    for s in selections:
        if isinstance(s, SelectedField):
            names.add(s.name)
        elif isinstance(s, FragmentSpread | InlineFragment):
            names |= _selected(s.selections)
    return names


def _wanted(info: Info) -> frozenset[str]:
    return frozenset(_selected(s for f in info.selected_fields for s in f.selections))


@strawberry.type
class AggregateQuery:
    @strawberry.field(
        description="Counts of the staff of one place (exactly one of countyId, townshipId, "
        "departmentId): people who work in a unit of the place, once each, as the caller may "
        "see them; only the selected groups are computed. Groups: largest first, then key."
    )
    async def people_aggregate(
        self,
        info: Info,
        county_id: OptionalCountyId = None,
        township_id: OptionalTownshipId = None,
        department_id: OptionalDepartmentId = None,
        skill_ids: _SKILL_IDS = None,
    ) -> PeopleAggregate:
        found = await aggregate_resolvers.people_aggregate(
            info.context,
            county_id=optional_id(county_id),
            township_id=optional_id(township_id),
            department_id=optional_id(department_id),
            skill_ids=ids(skill_ids),
            want=_wanted(info),
        )
        return PeopleAggregate(count=found.count, found=found)

    @strawberry.field(
        description="Counts of the tasks of one place (exactly one of countyId, townshipId, "
        "villageId): tasks at it or at a place below it, as `tasks` shows them to the caller; "
        "only the selected groups are computed."
    )
    async def task_aggregate(
        self,
        info: Info,
        county_id: OptionalCountyId = None,
        township_id: OptionalTownshipId = None,
        village_id: OptionalVillageId = None,
        from_quarter: Annotated[
            str | None, strawberry.argument(description="起始季度，含 (first quarter, e.g. 2026Q1)")
        ] = None,
        to_quarter: Annotated[
            str | None, strawberry.argument(description="截止季度，含 (last quarter, inclusive)")
        ] = None,
        kind: Annotated[
            TaskKind | None, strawberry.argument(description="任务类型 (routine or emergency)")
        ] = None,
    ) -> TaskAggregate:
        found = await aggregate_resolvers.task_aggregate(
            info.context,
            county_id=optional_id(county_id),
            township_id=optional_id(township_id),
            village_id=optional_id(village_id),
            from_quarter=from_quarter,
            to_quarter=to_quarter,
            kind=None if kind is None else kind.value,
            want=_wanted(info),
        )
        return TaskAggregate(count=found.count, found=found)


QUERIES = [AggregateQuery]
MUTATIONS: list[type] = []
