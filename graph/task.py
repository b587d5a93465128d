"""Tasks of the collaboration task list (协同任务清单): their queries and lifecycle writes.

Reads are batched over keys (one query for many tasks, people or villages) or one query for a
whole page. Writes run inside a caller's `Graph.transaction`: `lock` first (it takes the task's
write lock and reads the state the rules are checked against), then `assign` / `advance`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.batch import grouped as _grouped
from graph.batch import held
from graph.db import Graph, Record, Tx
from model.needs import NEED_AFTER_TASK
from model.tasks import OPEN_STATUSES

# --- reads, batched over keys -----------------------------------------------------------------


async def tasks_by_id(graph: Graph, ids: Sequence[str]) -> list[Record | None]:
    """Task properties (with the task's quarter) by id; None for an unknown id."""
    return [items[0] if items else None for items in await _grouped(graph, "task/lookup", ids)]


async def task_places(graph: Graph, ids: Sequence[str]) -> list[Record | None]:
    """{village, township} of each task: the village it is AT (or None) and its township."""
    return [items[0] if items else None for items in await _grouped(graph, "task/place", ids)]


async def task_requirements(graph: Graph, ids: Sequence[str]) -> list[list[Record]]:
    """[{skill, level}] each task requires, highest level first."""
    return await held(graph, "task/requires", ids)


async def task_need_ids(graph: Graph, ids: Sequence[str]) -> list[list[str]]:
    """Ids of the needs each task addresses."""
    return [[str(x) for x in items] for items in await _grouped(graph, "task/needs", ids)]


async def task_assignments(graph: Graph, ids: Sequence[str]) -> list[list[Record]]:
    """[{person, role, since, until, assignedBy, assignedAt}] of each task."""
    return await _grouped(graph, "task/assignments", ids)


async def task_events(graph: Graph, ids: Sequence[str]) -> list[list[Record]]:
    """The TaskEvents of each task, in order."""
    return await _grouped(graph, "task/events", ids)


async def tasks_of_people(graph: Graph, ids: Sequence[str]) -> list[list[Record]]:
    """The tasks each person is assigned to (any role), newest first."""
    return await _grouped(graph, "task/of_people", ids)


async def tasks_at_villages(graph: Graph, ids: Sequence[str]) -> list[list[Record]]:
    """The tasks AT each village, newest first."""
    return await _grouped(graph, "task/at_villages", ids)


# --- the tasks list ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskFilter:
    township_id: str | None = None
    village_id: str | None = None
    status: str | None = None
    kind: str | None = None
    quarter: str | None = None
    assignee_id: str | None = None
    from_day: dt.date | None = None  # the task's date (createdAt's UTC day), inclusive
    to_day: dt.date | None = None


@dataclass(frozen=True)
class TaskCursor:
    """Where a cursor's row sits: its status rank (0 in the order DATE), its createdAt (as
    Cypher prints it) and its id."""

    rank: int
    at: str
    id: str


@dataclass(frozen=True)
class TaskPage:
    assignee_found: bool
    township_found: bool
    village_found: bool
    total: int | None  # None when not asked for
    rows: list[Record]  # up to size + 1 in the order, each with `cursorAt` and `statusRank`


async def tasks_page(
    graph: Graph,
    flt: TaskFilter,
    *,
    order: str,
    size: int,
    after: TaskCursor | None,
    before: TaskCursor | None,
    backward: bool,
    with_total: bool,
) -> TaskPage:
    """Tasks in `order` between the cursors: the first `size` (+1) after `after`, or backward
    the last `size` (+1) before `before` (the extra row first); the total only `with_total`.

    In the order DATE with no assignee, place or status to start from, the page is read from
    the createdAt index (task/page_by_date), the same rows as task/page would give."""
    if order == "DATE" and _by_date_only(flt):
        by_date = await graph.read(
            "task/page_by_date",
            {
                "kind": flt.kind,
                "quarter": flt.quarter,
                "from": flt.from_day,
                "to": flt.to_day,
                "size": size,
                "after": _cursor(after),
                "before": _cursor(before),
                "backward": backward,
                "withTotal": with_total,
            },
        )
        return TaskPage(True, True, True, by_date[0]["total"], by_date[0]["page"])
    rows = await graph.read(
        "task/page",
        {
            "assigneeId": flt.assignee_id,
            "townshipId": flt.township_id,
            "villageId": flt.village_id,
            "status": flt.status,
            "kind": flt.kind,
            "quarter": flt.quarter,
            "from": flt.from_day,
            "to": flt.to_day,
            "order": order,
            "size": size,
            "after": _cursor(after),
            "before": _cursor(before),
            "backward": backward,
            "withTotal": with_total,
        },
    )
    row = rows[0]
    return TaskPage(
        row["assigneeFound"], row["townshipFound"], row["villageFound"], row["total"], row["page"]
    )


def _by_date_only(flt: TaskFilter) -> bool:
    return (
        flt.assignee_id is None
        and flt.township_id is None
        and flt.village_id is None
        and flt.status is None
    )


def _cursor(cursor: TaskCursor | None) -> dict[str, Any] | None:
    return None if cursor is None else {"rank": cursor.rank, "at": cursor.at, "id": cursor.id}


# --- writes, inside the caller's transaction --------------------------------------------------


@dataclass(frozen=True)
class NewTask:
    id: str
    title: str
    domain: str
    kind: str
    severity: str | None
    quarter: str
    initiated_by: str
    village_id: str | None
    township_id: str | None
    requires: list[tuple[str, int]]  # (skill id, level)
    created_at: dt.datetime
    created_by: str
    staffing_deadline: dt.datetime | None
    event_id: str
    note: str | None
    created_by_name: str | None = None  # the display name beside created_by, when known


@dataclass(frozen=True)
class InitiateCheck:
    task_exists: bool
    place_found: bool
    unknown_skills: list[str]


async def initiate_check(tx: Tx, task: NewTask) -> InitiateCheck:
    rows = await tx.run(
        "task/initiate_check",
        {
            "taskId": task.id,
            "villageId": task.village_id,
            "townshipId": task.township_id,
            "skillIds": [s for s, _ in task.requires],
        },
    )
    row = rows[0]
    return InitiateCheck(row["taskExists"], row["placeFound"], row["unknownSkills"])


async def initiate(tx: Tx, task: NewTask) -> Record:
    """Writes the task; its checks (`initiate_check`) must have passed."""
    rows = await tx.run(
        "task/initiate",
        {
            "task": {
                "id": task.id,
                "title": task.title,
                "domain": task.domain,
                "kind": task.kind,
                "severity": task.severity,
                "quarter": task.quarter,
                "initiatedBy": task.initiated_by,
                "createdAt": task.created_at,
                "createdBy": task.created_by,
                "createdByName": task.created_by_name,
                "staffingDeadline": task.staffing_deadline,
            },
            "villageId": task.village_id,
            "townshipId": task.township_id,
            "requires": [{"skillId": s, "level": n} for s, n in task.requires],
            "event": {"id": task.event_id, "note": task.note},
        },
    )
    task_row: Record = rows[0]["task"]
    return task_row


@dataclass(frozen=True)
class TaskState:
    """A locked task as a step sees it."""

    task: Record
    requires: list[Record]  # [{skillId, name, level}]
    current: list[Record]  # [{personId, name, role}] assignments that have not ended


async def lock(tx: Tx, task_id: str, *, today: dt.date) -> TaskState | None:
    """Takes the task's write lock and reads its state; None when there is no such task."""
    rows = await tx.run("task/lock", {"taskId": task_id, "today": today})
    if not rows:
        return None
    row = rows[0]
    return TaskState(row["task"], row["requires"], row["current"])


async def people(tx: Tx, person_ids: Sequence[str], skill_ids: Sequence[str]) -> list[Record]:
    """[{id, name, levels: [{skillId, level}]}] of the people that exist among `person_ids`."""
    return await tx.run(
        "task/people",
        {"personIds": list(dict.fromkeys(person_ids)), "skillIds": list(skill_ids)},
    )


async def assign(
    tx: Tx,
    task_id: str,
    assignments: Sequence[tuple[str, str]],
    *,
    since: dt.date,
    actor: str,
    at: dt.datetime,
) -> None:
    """New ASSIGNED_TO edges, (person id, role) each."""
    await tx.run(
        "task/assign",
        {
            "taskId": task_id,
            "assignments": [{"personId": p, "role": r} for p, r in assignments],
            "since": since,
            "actor": actor,
            "at": at,
        },
    )


@dataclass(frozen=True)
class Event:
    id: str
    at: dt.datetime
    step: str
    actor: str
    note: str | None = None
    percent: int | None = None
    actor_name: str | None = None  # the display name beside actor, when known
    after_staffing: bool | None = None  # a plan recorded after staffing (severity I); else unset
    # A progress report below the task's progress: why, and the progress it corrects.
    correction_reason: str | None = None
    corrected_from: int | None = None


@dataclass(frozen=True)
class Changes:
    """What a step records on the task; None leaves a property as it is."""

    plan: str | None = None
    progress: int | None = None
    outcome: str | None = None
    rating: int | None = None
    lessons: str | None = None
    cancel_reason: str | None = None
    staffed_at: dt.datetime | None = None


async def advance(tx: Tx, task_id: str, status: str, event: Event, changes: Changes) -> Record:
    """Sets the status and the step's properties and appends its event; the task afterwards."""
    params: dict[str, Any] = {
        "taskId": task_id,
        "status": status,
        "plan": changes.plan,
        "progress": changes.progress,
        "outcome": changes.outcome,
        "rating": changes.rating,
        "lessons": changes.lessons,
        "cancelReason": changes.cancel_reason,
        "staffedAt": changes.staffed_at,
        "event": {
            "id": event.id,
            "at": event.at,
            "step": event.step,
            "actor": event.actor,
            "actorName": event.actor_name,
            "note": event.note,
            "percent": event.percent,
            "afterStaffing": event.after_staffing,
            "correctionReason": event.correction_reason,
            "correctedFrom": event.corrected_from,
        },
    }
    rows = await tx.run("task/advance", params)
    task_row: Record = rows[0]["task"]
    return task_row


async def needs_follow(tx: Tx, task_id: str, status: str, event: Event) -> list[str]:
    """The 三单 loop: after a step to `status`, the needs the task addresses follow it (see
    model.needs.NEED_AFTER_TASK); their ids. Nothing for a status the needs do not follow."""
    need_status = NEED_AFTER_TASK.get(status)
    if need_status is None:
        return []
    rows = await tx.run(
        "need/follow_task",
        {
            "taskId": task_id,
            "status": need_status,
            "openStatuses": list(OPEN_STATUSES),
            "eventId": event.id,
            "at": event.at,
            "actor": event.actor,
        },
    )
    return [str(i) for i in rows[0]["needIds"]] if rows else []
