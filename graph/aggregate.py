"""Aggregates without rows: counts and distributions of a place's staff and tasks, one query
each (graph/cypher/aggregate/), computing only the groups the caller selected."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graph.db import Graph, Record

PEOPLE_GROUPS = (
    "byTownship",
    "byDepartment",
    "bySkill",
    "byPoliticalStatus",
    "byGender",
    "byEducation",
    "byRank",
)
TASK_GROUPS = ("byStatus", "byQuarter", "byKind")


@dataclass(frozen=True)
class Aggregate:
    found: bool
    count: int
    groups: Mapping[str, list[Record]]  # group name → [{key, name?, count, levels?}]


def _aggregate(row: Record, names: tuple[str, ...]) -> Aggregate:
    return Aggregate(bool(row["found"]), int(row["count"]), {n: list(row[n]) for n in names})


async def people_aggregate(
    graph: Graph,
    *,
    county_id: str | None,
    township_id: str | None,
    department_id: str | None,
    skill_ids: list[str] | None,
    want: frozenset[str],
) -> Aggregate:
    rows = await graph.read(
        "aggregate/people",
        {
            "countyId": county_id,
            "townshipId": township_id,
            "departmentId": department_id,
            "skillIds": skill_ids,
            "want": {name: name in want for name in PEOPLE_GROUPS},
        },
    )
    return _aggregate(rows[0], PEOPLE_GROUPS)


async def task_aggregate(
    graph: Graph,
    *,
    county_id: str | None,
    township_id: str | None,
    village_id: str | None,
    from_quarter: str | None,
    to_quarter: str | None,
    kind: str | None,
    want: frozenset[str],
) -> Aggregate:
    rows = await graph.read(
        "aggregate/tasks",
        {
            "countyId": county_id,
            "townshipId": township_id,
            "villageId": village_id,
            "fromQuarter": from_quarter,
            "toQuarter": to_quarter,
            "kind": kind,
            "want": {name: name in want for name in TASK_GROUPS},
        },
    )
    return _aggregate(rows[0], TASK_GROUPS)
