"""Root fields of a township's task performance: `taskKpis` (on-time rate, mean rating, mean
time per lifecycle step, counts) and `overdueTasks`, and their result types."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from resolvers import task_kpis as kpi_resolvers
from schema.common import Info
from schema.place import Township
from schema.task_types import Task, TaskStatus, TaskStep


@strawberry.type(description="How many of the tasks are in one status.")
class TaskStatusCount:
    status: TaskStatus
    count: int


@strawberry.type(description="The mean time to reach a lifecycle step from the step before it.")
class StepTime:
    step: TaskStep = strawberry.field(description="CONSULTED, STAFFED, SUPERVISING or CLOSED.")
    after: TaskStep = strawberry.field(description="The step it is timed from.")
    mean_hours: float | None = strawberry.field(
        description="Mean hours from the first event of `after` to the first of `step`; null "
        "when no task has both."
    )
    tasks: int = strawberry.field(description="The tasks the mean is over.")

    @classmethod
    def of(cls, found: kpi_resolvers.StepTime) -> StepTime:
        return cls(
            step=TaskStep(found.step),
            after=TaskStep(found.after),
            mean_hours=found.mean_hours,
            tasks=found.tasks,
        )


@strawberry.type(
    description="A township's task KPIs over the tasks AT it or its villages created within "
    "the period. A task is due by its quarter's last day (the quarterly task list)."
)
class TaskKpis:
    township: Township
    from_: dt.date | None = strawberry.field(name="from")
    to: dt.date | None
    total: int
    by_status: list[TaskStatusCount] = strawberry.field(
        description="Every status in lifecycle order, CANCELLED last."
    )
    open: int = strawberry.field(description="INITIATED, CONSULTED, STAFFED or SUPERVISING.")
    closed: int
    cancelled: int
    overdue: int = strawberry.field(description="Open tasks whose quarter ended before today.")
    closed_on_time: int = strawberry.field(
        description="Closed tasks whose CLOSED event falls on or before their quarter's last day."
    )
    on_time_rate: float | None = strawberry.field(
        description="closedOnTime over the closed tasks with a CLOSED event, 0..1; null when none."
    )
    mean_rating: float | None = strawberry.field(
        description="Mean feedback rating (1..5) of the rated closed tasks; null when none."
    )
    step_times: list[StepTime]

    @classmethod
    def of(cls, found: kpi_resolvers.TaskKpis) -> TaskKpis:
        f = found.figures
        return cls(
            township=Township.from_row(found.township),
            from_=found.since,
            to=found.until,
            total=f.total,
            by_status=[TaskStatusCount(status=TaskStatus(s), count=n) for s, n in f.by_status],
            open=f.open,
            closed=f.closed,
            cancelled=f.cancelled,
            overdue=f.overdue,
            closed_on_time=f.closed_on_time,
            on_time_rate=f.on_time_rate,
            mean_rating=f.mean_rating,
            step_times=[StepTime.of(s) for s in f.step_times],
        )


@strawberry.type(description="An open task past its due day.")
class OverdueTask:
    task: Task
    due_on: dt.date = strawberry.field(description="The last day of the task's quarter.")
    days_overdue: int = strawberry.field(description="Days from dueOn to asOf.")


@strawberry.type(description="A township's overdue tasks, longest overdue first.")
class OverdueTasks:
    township: Township
    as_of: dt.date
    total_count: int = strawberry.field(description="All overdue tasks, before `first`.")
    tasks: list[OverdueTask] = strawberry.field(
        description="Quarter ascending (longest overdue first), then createdAt, then task id."
    )


@strawberry.type
class TaskKpiQuery:
    @strawberry.field(
        description="任务绩效: a township's task KPIs — counts by status, on-time rate, mean "
        "rating and mean time per lifecycle step — over the tasks AT it or its villages "
        "created from `from` to `to` (both inclusive, createdAt's day; open ends when "
        "omitted). Scoped like `tasks`."
    )
    async def task_kpis(
        self,
        info: Info,
        township_id: Annotated[
            strawberry.ID, strawberry.argument(description="乡镇编号 (township id)")
        ],
        from_: Annotated[
            dt.date | None,
            strawberry.argument(name="from", description="起始日 (tasks created on or after)"),
        ] = None,
        to: Annotated[
            dt.date | None,
            strawberry.argument(description="截止日 (tasks created on or before)"),
        ] = None,
    ) -> TaskKpis:
        found = await kpi_resolvers.task_kpis(
            info.context, township_id=str(township_id), since=from_, until=to
        )
        return TaskKpis.of(found)

    @strawberry.field(
        description="逾期任务: a township's open tasks (AT it or its villages) whose quarter "
        "ended before asOf (default today), with the days overdue; longest overdue first. "
        "Scoped like `tasks`."
    )
    async def overdue_tasks(
        self,
        info: Info,
        township_id: Annotated[
            strawberry.ID, strawberry.argument(description="乡镇编号 (township id)")
        ],
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(description="按此日计算逾期 (day overdue is judged on)"),
        ] = None,
        first: Annotated[
            int | None,
            strawberry.argument(description="最多条数，最多 100 (at most this many, up to 100)"),
        ] = 20,
    ) -> OverdueTasks:
        found = await kpi_resolvers.overdue_tasks(
            info.context,
            township_id=str(township_id),
            as_of=as_of,
            first=20 if first is None else first,
        )
        return OverdueTasks(
            township=Township.from_row(found.township),
            as_of=found.as_of,
            total_count=found.total,
            tasks=[
                OverdueTask(
                    task=Task.from_row(o.task), due_on=o.due_on, days_overdue=o.days_overdue
                )
                for o in found.tasks
            ],
        )


QUERIES: tuple[type, ...] = (TaskKpiQuery,)
MUTATIONS: tuple[type, ...] = ()
