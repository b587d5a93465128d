"""The needs list (村级需求清单): batched lookups of needs, and the steps of the two writes that
make them (raiseNeed) and turn them into tasks (createTaskFromNeed).

The write steps take a `Tx` so the resolver can check its rules between them inside ONE write
transaction; a clash on a need's unique id is reported as `NeedIdTaken`, not as a driver error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from neo4j.exceptions import ConstraintError

from graph.batch import grouped as _grouped
from graph.db import Graph, Record, Tx

T = TypeVar("T")


async def needs_by_id(graph: Graph, keys: Sequence[str]) -> list[Record | None]:
    return [items[0] if items else None for items in await _grouped(graph, "need/lookup", keys)]


async def need_villages(graph: Graph, keys: Sequence[str]) -> list[Record | None]:
    """The village that raised each need."""
    return [items[0] if items else None for items in await _grouped(graph, "need/village", keys)]


async def need_skills(graph: Graph, keys: Sequence[str]) -> list[list[Record]]:
    """The required skills of each need, {skill, level}, highest level first."""
    return await _grouped(graph, "need/skills", keys)


async def village_needs(
    graph: Graph, keys: Sequence[str], *, quarter: str | None, status: str | None
) -> list[list[Record]]:
    """The needs of each village (most urgent first), of one quarter / status when given."""
    return await _grouped(graph, "need/village_needs", keys, quarter=quarter, status=status)


class NeedIdTaken(Exception):
    """Another transaction created a need with this id between our check and our write."""

    def __init__(self, need_id: str) -> None:
        super().__init__(need_id)
        self.need_id = need_id


async def in_transaction(graph: Graph, need_id: str, work: Callable[[Tx], Awaitable[T]]) -> T:
    """`graph.transaction(work)`, with the unique-id constraint on Need as `NeedIdTaken`."""
    try:
        return await graph.transaction(work)
    except ConstraintError as exc:
        raise NeedIdTaken(need_id) from exc


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
    skills: list[Record]  # {id, name, category, level}, highest level first


async def task_check(tx: Tx, need_id: str) -> TaskSource | None:
    """None when the need does not exist."""
    rows = await tx.run("need/task_check", {"needId": need_id})
    if not rows:
        return None
    row = rows[0]
    return TaskSource(row["status"], row["title"], row["skills"])


@dataclass(frozen=True)
class NewTask:
    id: str
    event_id: str
    need_id: str
    title: str
    domain: str
    initiated_by: str
    note: str | None


async def task_create(
    tx: Tx, task: NewTask, *, actor: str, at: dt.datetime, actor_name: str | None = None
) -> Record:
    """Writes the task and marks the need MATCHED; returns {taskId, task, need}."""
    rows = await tx.run(
        "need/task_create",
        {
            "needId": task.need_id,
            "taskId": task.id,
            "eventId": task.event_id,
            "title": task.title,
            "domain": task.domain,
            "initiatedBy": task.initiated_by,
            "note": task.note,
            "actor": actor,
            "actorName": actor_name,
            "at": at,
        },
    )
    return rows[0]
