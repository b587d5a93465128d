"""The needs list (村级需求清单): batched lookups of needs, and the steps of the two writes that
make them (raiseNeed) and turn them into tasks (createTaskFromNeed).

The write steps take a `Tx` so the resolver can check its rules between them inside ONE write
transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from graph.batch import grouped as _grouped
from graph.batch import held
from graph.db import Graph, Record, Tx


async def needs_by_id(graph: Graph, keys: Sequence[str]) -> list[Record | None]:
    return [items[0] if items else None for items in await _grouped(graph, "need/lookup", keys)]


async def need_villages(graph: Graph, keys: Sequence[str]) -> list[Record | None]:
    """The village that raised each need."""
    return [items[0] if items else None for items in await _grouped(graph, "need/village", keys)]


async def need_skills(graph: Graph, keys: Sequence[str]) -> list[list[Record]]:
    """The required skills of each need, {skill, level}, highest level first."""
    return await held(graph, "need/skills", keys)


async def village_needs(
    graph: Graph,
    keys: Sequence[str],
    quarter: str | None,
    status: str | None,
    order: str = "URGENCY",
    from_day: dt.date | None = None,
    to_day: dt.date | None = None,
) -> list[list[Record]]:
    """The needs of each village in `order` (URGENCY: most urgent first; DATE: newest first), of
    one quarter / status / range of days raised when given."""
    return await _grouped(
        graph, "need/village_needs", keys,
        quarter=quarter, status=status, order=order, **{"from": from_day, "to": to_day},
    )  # fmt: skip


@dataclass(frozen=True)
class RaiseCheck:
    village_found: bool
    unknown_skills: list[str]
    id_taken: bool


@dataclass(frozen=True)
class NewNeed:
    id: str
    village_id: str
    title: str
    quarter: str
    urgency: str
    skills: list[tuple[str, int]]  # (skill id, level)


async def raise_check(tx: Tx, need: NewNeed) -> RaiseCheck:
    rows = await tx.run(
        "need/raise_check",
        {"villageId": need.village_id, "needId": need.id, "skillIds": [s for s, _ in need.skills]},
    )
    row = rows[0]
    return RaiseCheck(row["villageFound"], row["unknownSkills"], row["idTaken"])


async def raise_create(tx: Tx, need: NewNeed, *, actor: str, at: dt.datetime) -> Record:
    """Writes the need; returns it with its village and skills, as the Need type reads them."""
    rows = await tx.run(
        "need/raise_create",
        {
            "villageId": need.village_id,
            "needId": need.id,
            "title": need.title,
            "quarter": need.quarter,
            "urgency": need.urgency,
            "skills": [{"skillId": s, "level": level} for s, level in need.skills],
            "actor": actor,
            "at": at,
        },
    )
    need_row: Record = rows[0]["need"]
    return need_row


@dataclass(frozen=True)
class TaskSource:
    """What a task made from a need takes from it; read with the need write-locked."""

    status: str
    title: str
    quarter: str
    village_id: str
    skills: list[Record]  # {id, name, category, level}, highest level first


async def task_check(tx: Tx, need_id: str) -> TaskSource | None:
    """None when the need does not exist."""
    rows = await tx.run("need/task_check", {"needId": need_id})
    if not rows:
        return None
    row = rows[0]
    return TaskSource(row["status"], row["title"], row["quarter"], row["villageId"], row["skills"])


async def task_link(tx: Tx, need_id: str, task_id: str) -> Record:
    """After the task is written (graph.task.initiate): it ADDRESSES the need, which becomes
    MATCHED; returns {taskId, task, need}."""
    rows = await tx.run("need/task_link", {"needId": need_id, "taskId": task_id})
    return rows[0]
