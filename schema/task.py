"""Root fields of the collaboration task list (协同任务清单): `task`, `tasks` and the lifecycle
mutations, plus the helpers behind `Person.tasks` and `Village.tasks`. The types live in
schema/task_types.py."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph.task import TaskFilter as GraphTaskFilter
from resolvers import task as task_resolvers
from resolvers import task_queries
from resolvers.task import TaskResult
from schema.common import Info, PageInfo
from schema.emergency import Severity
from schema.need import TaskSide
from schema.task_types import (
    Task,
    TaskAssignmentInput,
    TaskConnection,
    TaskEdge,
    TaskFilter,
    TaskKind,
    TaskPayload,
    TaskSkillInput,
    TaskStatus,
)

__all__ = ["MUTATIONS", "QUERIES", "Task", "TaskStatus", "tasks_at_village", "tasks_of_person"]


def _payload(result: TaskResult) -> TaskPayload:
    return TaskPayload(task=Task.from_row(result.task), warnings=result.warnings)


async def tasks_of_person(
    info: Info, person_id: strawberry.ID | str, status: TaskStatus | None = None
) -> list[Task]:
    """For `Person.tasks(status)`: the tasks the person is assigned to (any role), newest
    first; batched over every person of the request level."""
    rows = await task_queries.person_tasks(
        info.context, str(person_id), status.name if status else None
    )
    return [Task.from_row(r) for r in rows]


async def tasks_at_village(
    info: Info, village_id: strawberry.ID | str, status: TaskStatus | None = None
) -> list[Task]:
    """For `Village.tasks(status)`: the tasks at the village, newest first; batched."""
    rows = await task_queries.village_tasks(
        info.context, str(village_id), status.name if status else None
    )
    return [Task.from_row(r) for r in rows]


@strawberry.type
class TaskQuery:
    @strawberry.field(description="A task by id, or null.")
    async def task(self, info: Info, id: strawberry.ID) -> Task | None:
        row = await task_queries.task(info.context, str(id))
        return Task.from_row(row) if row else None

    @strawberry.field(
        description="Tasks of the collaboration task list matching every given filter, newest "
        "first; keyset-paged, first ≤ 100."
    )
    async def tasks(
        self,
        info: Info,
        filter: TaskFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> TaskConnection:
        f = filter or TaskFilter()
        page = await task_queries.tasks(
            info.context,
            GraphTaskFilter(
                township_id=str(f.township_id) if f.township_id else None,
                village_id=str(f.village_id) if f.village_id else None,
                status=f.status.name if f.status else None,
                kind=f.kind.name if f.kind else None,
                quarter=f.quarter,
            ),
            first=first,
            after=after,
        )
        return TaskConnection(
            total_count=page.total,
            edges=[
                TaskEdge(cursor=c, node=Task.from_row(r))
                for r, c in zip(page.rows, page.cursors, strict=True)
            ],
            page_info=PageInfo.of(page),
        )


@strawberry.type
class TaskMutation:
    @strawberry.mutation(
        description="任务发起: a new task (status INITIATED) at a village or a township (give "
        "exactly one). An EMERGENCY with a severity gets a staffing deadline from the "
        "response standard. quarter defaults to the current one."
    )
    async def initiate_task(
        self,
        info: Info,
        title: str,
        domain: str,
        initiated_by: TaskSide,
        kind: TaskKind = TaskKind.ROUTINE,
        severity: Severity | None = None,
        village_id: strawberry.ID | None = None,
        township_id: strawberry.ID | None = None,
        requires: list[TaskSkillInput] | None = None,
        quarter: str | None = None,
        note: str | None = None,
        id: strawberry.ID | None = None,
    ) -> TaskPayload:
        result = await task_resolvers.initiate_task(
            info.context,
            task_id=str(id) if id is not None else None,
            title=title,
            domain=domain,
            kind=kind.name,
            severity=severity.name if severity else None,
            village_id=str(village_id) if village_id is not None else None,
            township_id=str(township_id) if township_id is not None else None,
            initiated_by=initiated_by.name,
            requires=[task_resolvers.Requirement(str(r.skill_id), r.level) for r in requires or []],
            quarter=quarter,
            note=note,
        )
        return _payload(result)

    @strawberry.mutation(description="方案会商: records the plan; INITIATED → CONSULTED.")
    async def record_plan(self, info: Info, task_id: strawberry.ID, plan: str) -> TaskPayload:
        return _payload(await task_resolvers.record_plan(info.context, str(task_id), plan))

    @strawberry.mutation(
        description="人力调配: assigns people (since defaults to today); CONSULTED → STAFFED "
        "once a LEAD is assigned. Also allowed while STAFFED or SUPERVISING. Warns about "
        "LEADs and MEMBERs lacking a required skill."
    )
    async def assign_people(
        self,
        info: Info,
        task_id: strawberry.ID,
        assignments: list[TaskAssignmentInput],
        since: dt.date | None = None,
    ) -> TaskPayload:
        wanted = [task_resolvers.Assignment(str(a.person_id), a.role.name) for a in assignments]
        result = await task_resolvers.assign_people(info.context, str(task_id), wanted, since)
        return _payload(result)

    @strawberry.mutation(
        description="过程督导: STAFFED → SUPERVISING. Needs a SUPERVISOR: supervisorId (assigned "
        "now) or one already assigned."
    )
    async def start_supervision(
        self, info: Info, task_id: strawberry.ID, supervisor_id: strawberry.ID | None = None
    ) -> TaskPayload:
        result = await task_resolvers.start_supervision(
            info.context, str(task_id), str(supervisor_id) if supervisor_id is not None else None
        )
        return _payload(result)

    @strawberry.mutation(description="A progress report (0..100 and a note) while SUPERVISING.")
    async def report_progress(
        self, info: Info, task_id: strawberry.ID, percent: int, note: str
    ) -> TaskPayload:
        result = await task_resolvers.report_progress(info.context, str(task_id), percent, note)
        return _payload(result)

    @strawberry.mutation(
        description="结果反馈: SUPERVISING → CLOSED with the feedback report: outcome, rating "
        "1..5 and lessons, all required."
    )
    async def close_task(
        self, info: Info, task_id: strawberry.ID, outcome: str, rating: int, lessons: str
    ) -> TaskPayload:
        result = await task_resolvers.close_task(
            info.context, str(task_id), outcome, rating, lessons
        )
        return _payload(result)

    @strawberry.mutation(
        description="Cancels an open task (not CLOSED or CANCELLED), with a reason."
    )
    async def cancel_task(self, info: Info, task_id: strawberry.ID, reason: str) -> TaskPayload:
        return _payload(await task_resolvers.cancel_task(info.context, str(task_id), reason))


QUERIES: tuple[type, ...] = (TaskQuery,)
MUTATIONS: tuple[type, ...] = (TaskMutation,)
