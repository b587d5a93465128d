"""Assessment (考核): who an assessment covers, the work traces it reads (tasks, posts held with
their required levels), recorded evaluations and their write. Names the queries and passes their
parameters; the scoring is in `resolvers/assessment.py`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NotRequired, TypedDict, cast

from graph.batch import grouped
from graph.db import Graph, Record, Tx
from graph.rows import PersonNode
from model.tasks import SKILLED_ROLES


class UnitRef(TypedDict):
    id: str
    name: str


class CohortRow(TypedDict):
    person: PersonNode
    department: UnitRef | None
    township: UnitRef | None


class TaskTrace(TypedDict):
    id: str
    title: str
    kind: str
    status: str
    quarter: str | None
    rating: int | None
    closedAt: dt.datetime | None
    reports: int
    staffingDeadline: dt.datetime | None
    staffedAt: dt.datetime | None


class SkillRef(TypedDict):
    id: str
    name: str


class Required(TypedDict):
    skill: SkillRef
    level: int
    held: int


class PostRef(TypedDict):
    id: str
    title: str


class PostTrace(TypedDict):
    post: PostRef
    requires: list[Required]


class EvaluationRow(TypedDict):
    id: str
    year: int
    kind: str
    side: str
    score: float
    comment: NotRequired[str]
    createdBy: str
    createdAt: dt.datetime


def _year(year: int) -> dict[str, dt.date]:
    return {"yearStart": dt.date(year, 1, 1), "yearEnd": dt.date(year, 12, 31)}


async def cohort(
    graph: Graph,
    *,
    year: int,
    person_id: str | None = None,
    department_id: str | None = None,
    township_id: str | None = None,
) -> list[CohortRow]:
    rows = await graph.read(
        "assessment/people",
        {"personId": person_id, "departmentId": department_id, "townshipId": township_id,
         **_year(year)},
    )  # fmt: skip
    return cast(list[CohortRow], rows)


async def tasks(graph: Graph, ids: Sequence[str], year: int) -> list[list[TaskTrace]]:
    found = await grouped(graph, "assessment/tasks", ids, roles=list(SKILLED_ROLES), **_year(year))
    return cast(list[list[TaskTrace]], found)


async def posts(graph: Graph, ids: Sequence[str], year: int) -> list[list[PostTrace]]:
    return cast(list[list[PostTrace]], await grouped(graph, "assessment/posts", ids, **_year(year)))


async def evaluations(graph: Graph, ids: Sequence[str], year: int) -> list[list[EvaluationRow]]:
    found = await grouped(graph, "assessment/evaluations", ids, year=year)
    return cast(list[list[EvaluationRow]], found)


async def evaluation_facts(tx: Tx, *, person_id: str, year: int, kind: str, side: str) -> Record:
    rows = await tx.run(
        "assessment/evaluation_facts",
        {"personId": person_id, "year": year, "kind": kind, "side": side},
    )
    return rows[0]


async def create_evaluation(tx: Tx, params: dict[str, Any]) -> Record:
    """`params`: id, personId, year, kind, side, score, comment, actor, at."""
    rows = await tx.run("assessment/evaluation_create", params)
    return rows[0]


class PickRow(TypedDict):
    personId: str
    side: str
    createdBy: str
    createdAt: dt.datetime


async def department(graph: Graph, *, department_id: str, county_id: str) -> Record:
    rows = await graph.read(
        "assessment/department", {"departmentId": department_id, "countyId": county_id}
    )
    return rows[0]


async def picks(graph: Graph, *, department_id: str, year: int) -> list[PickRow]:
    rows = await graph.read("assessment/picks", {"departmentId": department_id, "year": year})
    return cast(list[PickRow], rows)


async def picks_for_update(tx: Tx, *, department_id: str, year: int) -> Record:
    rows = await tx.run(
        "assessment/picks_for_update", {"departmentId": department_id, "year": year}
    )
    return rows[0]


async def create_picks(tx: Tx, params: dict[str, Any]) -> None:
    """`params`: departmentId, year, side, picks [{id, personId}], actor, at."""
    await tx.run("assessment/pick_create", params)


class NominationRow(TypedDict):
    id: str
    year: int
    side: str
    reason: str
    createdBy: str
    createdAt: dt.datetime


async def nominations(graph: Graph, ids: Sequence[str], year: int) -> list[list[NominationRow]]:
    found = await grouped(graph, "assessment/nominations", ids, year=year)
    return cast(list[list[NominationRow]], found)


async def nomination_facts(tx: Tx, *, person_id: str, year: int, side: str) -> Record:
    rows = await tx.run(
        "assessment/nomination_facts", {"personId": person_id, "year": year, "side": side}
    )
    return rows[0]


async def create_nomination(tx: Tx, params: dict[str, Any]) -> Record:
    """`params`: id, personId, year, side, reason, actor, at."""
    rows = await tx.run("assessment/nomination_create", params)
    return rows[0]
