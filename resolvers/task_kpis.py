"""A township's task KPIs (on-time rate, mean rating, mean time per lifecycle step, counts) and
its overdue tasks, computed from one query each (graph/task_kpis.py).

A task of the quarterly task list is due by its quarter's last day (model/tasks.py): on time
when its CLOSED event falls on or before that day, overdue when it is still open after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise
from statistics import fmean

from graph import task_kpis as kpi_graph
from graph.db import Record
from model.messages import t
from model.periods import quarter_end, quarter_of
from model.tasks import CANCELLED, MAIN_FLOW, OPEN_STATUSES
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.paging import page_size


@dataclass(frozen=True)
class StepTime:
    """A lifecycle step and the mean time to reach it from the step before."""

    step: str
    after: str
    mean_hours: float | None  # None when no task has both events
    tasks: int  # tasks the mean is over


@dataclass(frozen=True)
class KpiFigures:
    total: int
    by_status: list[tuple[str, int]]  # every status, in lifecycle order
    open: int
    closed: int
    cancelled: int
    overdue: int  # open, their quarter ended before today
    closed_on_time: int
    on_time_rate: float | None  # of the closed tasks with a CLOSED event; None when none
    mean_rating: float | None  # of the rated closed tasks; None when none
    step_times: list[StepTime]


def _first_events(task: Record) -> dict[str, dt.datetime]:
    """The first event of each main-flow step of a task (events come in order)."""
    first: dict[str, dt.datetime] = {}
    for event in task["events"]:
        first.setdefault(str(event["step"]), event["at"])
    return first


@dataclass(frozen=True)
class TaskKpis:
    township: Record
    since: dt.date | None
    until: dt.date | None
    figures: KpiFigures


def compute_kpis(tasks: list[Record], *, today: dt.date) -> KpiFigures:
    """The KPI figures of `tasks` (rows of task/kpis.cypher); overdue as of `today`."""
    statuses = [str(t["status"]) for t in tasks]
    closed = [t for t in tasks if t["status"] == MAIN_FLOW[-1]]
    firsts = {str(t["id"]): _first_events(t) for t in tasks}
    judged = [t for t in closed if MAIN_FLOW[-1] in firsts[str(t["id"])]]
    on_time = [
        t
        for t in judged
        if firsts[str(t["id"])][MAIN_FLOW[-1]].date() <= quarter_end(str(t["quarter"]))
    ]
    ratings = [int(t["rating"]) for t in closed if t.get("rating") is not None]
    current = quarter_of(today)
    steps: list[StepTime] = []
    for before, step in pairwise(MAIN_FLOW):
        hours = [
            (f[step] - f[before]).total_seconds() / 3600
            for f in firsts.values()
            if step in f and before in f
        ]
        steps.append(StepTime(step, before, round(fmean(hours), 2) if hours else None, len(hours)))
    return KpiFigures(
        total=len(tasks),
        by_status=[(s, statuses.count(s)) for s in (*MAIN_FLOW, CANCELLED)],
        open=sum(s in OPEN_STATUSES for s in statuses),
        closed=len(closed),
        cancelled=statuses.count(CANCELLED),
        overdue=sum(t["status"] in OPEN_STATUSES and str(t["quarter"]) < current for t in tasks),
        closed_on_time=len(on_time),
        on_time_rate=round(len(on_time) / len(judged), 4) if judged else None,
        mean_rating=round(fmean(ratings), 2) if ratings else None,
        step_times=steps,
    )


async def task_kpis(
    ctx: Context, *, township_id: str, since: dt.date | None, until: dt.date | None
) -> TaskKpis:
    if since is not None and until is not None and since > until:
        raise BadInput("to", t("must not be before from ({since})", since=since.isoformat()))
    facts = await kpi_graph.kpi_facts(ctx.graph, township_id=township_id, since=since, until=until)
    if facts is None:
        raise NotFound("townshipId", "township", township_id)
    return TaskKpis(facts.township, since, until, compute_kpis(facts.tasks, today=ctx.today))


@dataclass(frozen=True)
class OverdueTask:
    task: Record
    due_on: dt.date
    days_overdue: int


@dataclass(frozen=True)
class OverdueList:
    township: Record
    as_of: dt.date
    total: int
    tasks: list[OverdueTask]


async def overdue_tasks(
    ctx: Context, *, township_id: str, as_of: dt.date | None, first: int
) -> OverdueList:
    day = as_of or ctx.today
    size = page_size(first)
    found = await kpi_graph.overdue(
        ctx.graph, township_id=township_id, current_quarter=quarter_of(day), first=size
    )
    if found is None:
        raise NotFound("townshipId", "township", township_id)
    rows = []
    for task in found.tasks:
        due = quarter_end(str(task["quarter"]))
        rows.append(OverdueTask(task, due, (day - due).days))
    return OverdueList(found.township, day, found.total, rows)
