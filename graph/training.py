"""Training plans (培训计划): the plans of people for a year, batched, and the write of one
(graph/cypher/training/)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypedDict, cast

from graph.batch import grouped
from graph.db import Graph, Record, Tx


class PlanRow(TypedDict):
    id: str
    year: int
    partyEducationHours: int | None
    partyEducationDone: int | None
    professionalHours: int | None
    professionalDone: int | None
    courses: list[str] | None
    updatedAt: dt.datetime
    updatedBy: str


async def plans(graph: Graph, ids: Sequence[str], year: int | None) -> list[list[PlanRow]]:
    """Each person's plans (of `year`, else of every year, newest first) in ONE query."""
    return cast(list[list[PlanRow]], await grouped(graph, "training/plans", ids, year=year))


async def set_plan(tx: Tx, params: dict[str, object]) -> Record | None:
    """`params`: id, personId, year, props, actor, at. {plan, person}; None: no such person."""
    rows = await tx.run("training/plan_set", params)
    return rows[0] if rows else None
