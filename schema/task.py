"""Root fields of the collaboration task list (协同任务清单): `task`, `tasks` and the lifecycle
mutations, plus the helpers behind `Person.tasks` and `Village.tasks`. The types live in
schema/task_types.py."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.task import TaskFilter as GraphTaskFilter
from resolvers import task as task_resolvers
from resolvers import task_queries
from resolvers.task import TaskResult
from schema.common import After, Info, PageInfo, optional_id
from schema.connection import Before, Last, page_arguments, selects
from schema.emergency import Severity
from schema.need import TaskSide
from schema.task_types import (
    Task,
    TaskAssignmentInput,
    TaskConnection,
    TaskEdge,
    TaskFilter,
    TaskKind,
    TaskOrder,
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
    async def task(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="任务编号 (task id)")],
    ) -> Task | None:
        row = await task_queries.task(info.context, str(id))
        return Task.from_row(row) if row else None

    @strawberry.field(
        description="Tasks of the collaboration task list matching every given filter, in "
        "orderBy (default newest first); keyset-paged forwards (first ≤ 100, after) or "
        "backwards (last ≤ 100, before)."
    )
    async def tasks(
        self,
        info: Info,
        filter: Annotated[
            TaskFilter | None,
            strawberry.argument(description="筛选条件，须全部满足 (filters; all given must hold)"),
        ] = None,
        order_by: Annotated[
            TaskOrder,
            strawberry.argument(description="排序方式，默认最新在前 (the order; default DATE)"),
        ] = TaskOrder.DATE,
        first: Annotated[
            int, strawberry.argument(description="每页条数，最多 100 (page size, at most 100)")
        ] = 20,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> TaskConnection:
        f = filter or TaskFilter()
        forward, backward = page_arguments(info, first, last)
        page = await task_queries.tasks(
            info.context,
            GraphTaskFilter(
                township_id=optional_id(f.township_id),
                village_id=optional_id(f.village_id),
                status=f.status.name if f.status else None,
                kind=f.kind.name if f.kind else None,
                quarter=f.quarter,
                assignee_id=optional_id(f.assignee_id),
                from_day=f.from_,
                to_day=f.to,
            ),
            order=order_by.name,
            first=forward,
            last=backward,
            after=after,
            before=before,
            with_total=selects(info, "totalCount"),
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
        title: Annotated[str, strawberry.argument(description="任务标题 (task title)")],
        domain: Annotated[str, strawberry.argument(description="任务领域，如 农业 (task domain)")],
        initiated_by: Annotated[
            TaskSide, strawberry.argument(description="发起方：村或乡镇 (which side initiates it)")
        ],
        kind: Annotated[
            TaskKind, strawberry.argument(description="日常任务或突发事件 (ROUTINE or EMERGENCY)")
        ] = TaskKind.ROUTINE,
        severity: Annotated[
            Severity | None,
            strawberry.argument(
                description="突发事件等级 (severity of an EMERGENCY: sets the staffing deadline)"
            ),
        ] = None,
        village_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="任务所在村庄编号，与乡镇二选一 (village id; give this or townshipId)"
            ),
        ] = None,
        township_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="任务所在乡镇编号，与村庄二选一 (township id; give this or villageId)"
            ),
        ] = None,
        requires: Annotated[
            list[TaskSkillInput] | None,
            strawberry.argument(description="所需技能及等级 (skills required, with levels)"),
        ] = None,
        quarter: Annotated[
            str | None,
            strawberry.argument(
                description="所属季度 (quarter, e.g. 2025Q3; default the current one)"
            ),
        ] = None,
        note: Annotated[
            str | None,
            strawberry.argument(
                description="发起说明，可不填 (a note on the initiation, optional)"
            ),
        ] = None,
        id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="任务编号；不填则自动生成 (task id; generated when omitted)"
            ),
        ] = None,
    ) -> TaskPayload:
        result = await task_resolvers.initiate_task(
            info.context,
            task_id=optional_id(id),
            title=title,
            domain=domain,
            kind=kind.name,
            severity=severity.name if severity else None,
            village_id=optional_id(village_id),
            township_id=optional_id(township_id),
            initiated_by=initiated_by.name,
            requires=[task_resolvers.Requirement(str(r.skill_id), r.level) for r in requires or []],
            quarter=quarter,
            note=note,
        )
        return _payload(result)

    @strawberry.mutation(
        description="方案会商: records the plan; INITIATED → CONSULTED. A severity-I emergency "
        "staffed first records it later (while STAFFED or SUPERVISING, status unchanged; the "
        "event is marked recordedAfterStaffing)."
    )
    async def record_plan(
        self,
        info: Info,
        task_id: Annotated[strawberry.ID, strawberry.argument(description="任务编号 (task id)")],
        plan: Annotated[
            str, strawberry.argument(description="会商确定的方案 (the plan agreed in consultation)")
        ],
    ) -> TaskPayload:
        return _payload(await task_resolvers.record_plan(info.context, str(task_id), plan))

    @strawberry.mutation(
        description="人力调配: assigns people (since defaults to today); CONSULTED → STAFFED "
        "once a LEAD is assigned (a severity-I emergency: INITIATED → STAFFED, its plan "
        "afterwards). Also allowed while STAFFED or SUPERVISING. Warns about "
        "LEADs and MEMBERs lacking a required skill."
    )
    async def assign_people(
        self,
        info: Info,
        task_id: Annotated[strawberry.ID, strawberry.argument(description="任务编号 (task id)")],
        assignments: Annotated[
            list[TaskAssignmentInput],
            strawberry.argument(
                description="调配的人员及其角色 (people to assign, with their roles)"
            ),
        ],
        since: Annotated[
            dt.date | None,
            strawberry.argument(
                description="调配开始日期，默认今天 (first day of the assignments; default today)"
            ),
        ] = None,
    ) -> TaskPayload:
        wanted = [task_resolvers.Assignment(str(a.person_id), a.role.name) for a in assignments]
        result = await task_resolvers.assign_people(info.context, str(task_id), wanted, since)
        return _payload(result)

    @strawberry.mutation(
        description="过程督导: STAFFED → SUPERVISING. Needs a SUPERVISOR: supervisorId (assigned "
        "now) or one already assigned."
    )
    async def start_supervision(
        self,
        info: Info,
        task_id: Annotated[strawberry.ID, strawberry.argument(description="任务编号 (task id)")],
        supervisor_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="督导人员编号 (person id of the supervisor, unless one is assigned)"
            ),
        ] = None,
    ) -> TaskPayload:
        result = await task_resolvers.start_supervision(
            info.context, str(task_id), optional_id(supervisor_id)
        )
        return _payload(result)

    @strawberry.mutation(
        description="A progress report (0..100 and a note) while SUPERVISING. Progress never "
        "goes back silently: a percent below the task's progress is refused unless "
        "correctionReason says why; the event records the reason and the corrected figure."
    )
    async def report_progress(
        self,
        info: Info,
        task_id: Annotated[strawberry.ID, strawberry.argument(description="任务编号 (task id)")],
        percent: Annotated[
            int, strawberry.argument(description="完成进度，0 至 100 (progress, 0 to 100)")
        ],
        note: Annotated[str, strawberry.argument(description="进展说明 (what was done)")],
        correction_reason: Annotated[
            str | None,
            strawberry.argument(
                description="更正原因：进度低于当前进度时必填 (why a lower progress corrects "
                "the last one; required for a lower percent)"
            ),
        ] = None,
    ) -> TaskPayload:
        result = await task_resolvers.report_progress(
            info.context, str(task_id), percent, note, correction_reason
        )
        return _payload(result)

    @strawberry.mutation(
        description="结果反馈: SUPERVISING → CLOSED with the feedback report: outcome, rating "
        "1..5 and lessons, all required."
    )
    async def close_task(
        self,
        info: Info,
        task_id: Annotated[strawberry.ID, strawberry.argument(description="任务编号 (task id)")],
        outcome: Annotated[str, strawberry.argument(description="结果 (the outcome)")],
        rating: Annotated[int, strawberry.argument(description="评价，1 至 5 (rating, 1 to 5)")],
        lessons: Annotated[str, strawberry.argument(description="经验教训 (lessons learned)")],
    ) -> TaskPayload:
        result = await task_resolvers.close_task(
            info.context, str(task_id), outcome, rating, lessons
        )
        return _payload(result)

    @strawberry.mutation(
        description="Cancels an open task (not CLOSED or CANCELLED), with a reason."
    )
    async def cancel_task(
        self,
        info: Info,
        task_id: Annotated[strawberry.ID, strawberry.argument(description="任务编号 (task id)")],
        reason: Annotated[str, strawberry.argument(description="取消原因 (why it is cancelled)")],
    ) -> TaskPayload:
        return _payload(await task_resolvers.cancel_task(info.context, str(task_id), reason))


QUERIES: tuple[type, ...] = (TaskQuery,)
MUTATIONS: tuple[type, ...] = (TaskMutation,)
