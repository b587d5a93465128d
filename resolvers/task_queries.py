"""Reading tasks: `task(id)`, the `tasks` connection, and the per-request DataLoaders behind the
relationship fields of a Task and the tasks of a Person or a Village.

The list is one graph query per page; every relationship field is one batched query per request
level, however many tasks the page holds.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from graph import task as task_graph
from graph.db import Record
from model.messages import t
from resolvers import checks
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.loaders import Batch
from resolvers.paging import Page, decode_cursor, encode_cursor, two_way_page, window

TASK_CURSOR = "task"
DEFAULT_FIRST = 20
# The orders of `tasks` (schema/task_types.py TaskOrder).
TASK_ORDERS = ("DATE", "STATUS")
# Cypher's toString(datetime): 2026-07-15T08:30:00.123456789Z (or an offset instead of Z).
_INSTANT = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")


# --- DataLoaders ------------------------------------------------------------------------------
# `forget_task` drops them after a write, so a later field in the same request does not read
# what the write changed from a cache.

TASK = Batch("task", task_graph.tasks_by_id)
TASK_PLACE = Batch("task_place", task_graph.task_places)
TASK_REQUIRES = Batch("task_requires", task_graph.task_requirements)
TASK_NEEDS = Batch("task_needs", task_graph.task_need_ids)
TASK_ASSIGNMENTS = Batch("task_assignments", task_graph.task_assignments)
TASK_EVENTS = Batch("task_events", task_graph.task_events)
TASKS_OF_PEOPLE = Batch("tasks_of_people", task_graph.tasks_of_people)
TASKS_AT_VILLAGES = Batch("tasks_at_villages", task_graph.tasks_at_villages)


def forget_task(ctx: Context) -> None:
    # Keyed by task, person or village: which keys a step touched is not known here.
    ctx.loaders.forget(
        TASK, TASK_PLACE, TASK_REQUIRES, TASK_NEEDS, TASK_ASSIGNMENTS, TASK_EVENTS,
        TASKS_OF_PEOPLE, TASKS_AT_VILLAGES,
    )  # fmt: skip


async def task(ctx: Context, task_id: str) -> Record | None:
    return await ctx.loaders.load(TASK, task_id)


async def place(ctx: Context, task_id: str) -> Record | None:
    """{village, township} of the task (village None for a task AT a township)."""
    return await ctx.loaders.load(TASK_PLACE, task_id)


async def requirements(ctx: Context, task_id: str) -> list[Record]:
    return await ctx.loaders.load(TASK_REQUIRES, task_id)


async def need_ids(ctx: Context, task_id: str) -> list[str]:
    return await ctx.loaders.load(TASK_NEEDS, task_id)


async def assignments(ctx: Context, task_id: str) -> list[Record]:
    return await ctx.loaders.load(TASK_ASSIGNMENTS, task_id)


async def events(ctx: Context, task_id: str) -> list[Record]:
    return await ctx.loaders.load(TASK_EVENTS, task_id)


def _in_status(rows: list[Record], status: str | None) -> list[Record]:
    return [r for r in rows if status is None or r["status"] == status]


async def person_tasks(ctx: Context, person_id: str, status: str | None = None) -> list[Record]:
    """The tasks a person is assigned to (any role), newest first; only `status` when given."""
    rows = await ctx.loaders.load(TASKS_OF_PEOPLE, person_id)
    return _in_status(rows, status)


async def village_tasks(ctx: Context, village_id: str, status: str | None = None) -> list[Record]:
    """The tasks AT a village, newest first; only `status` when given."""
    rows = await ctx.loaders.load(TASKS_AT_VILLAGES, village_id)
    return _in_status(rows, status)


def staffed_within_standard(
    deadline: dt.datetime | None, staffed_at: dt.datetime | None, now: dt.datetime
) -> bool | None:
    """Null without a deadline; whether staffed by the deadline; false once it has passed
    unstaffed; null while it is still ahead."""
    if deadline is None:
        return None
    if staffed_at is not None:
        return _utc(staffed_at) <= _utc(deadline)
    return False if now > _utc(deadline) else None


def _utc(instant: dt.datetime) -> dt.datetime:
    # The model stores UTC datetimes; a value without a zone is read as UTC too.
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=dt.UTC)


# --- the tasks connection ---------------------------------------------------------------------


def _cursor(order: str, cursor: str | None, field: str) -> task_graph.TaskCursor | None:
    """The row a cursor names. Only what this API issues: in the order DATE (kind `task`, as
    before orders existed) [createdAt as Cypher prints it, task id]; in STATUS (kind
    `task.STATUS`) [status rank, createdAt, id]."""
    if cursor is None:
        return None
    key: Any = decode_cursor(_kind(order), cursor, field)
    match key:
        case [str() as at, str() as task_id] if order == "DATE" and _valid_instant(at):
            return task_graph.TaskCursor(0, at, task_id)
        case [int() as rank, str() as at, str() as task_id] if (
            order == "STATUS" and not isinstance(rank, bool) and _valid_instant(at)
        ):
            return task_graph.TaskCursor(rank, at, task_id)
    raise BadInput(field, t("not a cursor this API issued"))


def _kind(order: str) -> str:
    return TASK_CURSOR if order == "DATE" else f"{TASK_CURSOR}.{order}"


def _key(order: str, row: Record) -> list[Any]:
    if order == "DATE":
        return [row["cursorAt"], row["id"]]
    return [row["statusRank"], row["cursorAt"], row["id"]]


def _valid_instant(text: str) -> bool:
    match = _INSTANT.match(text)
    if match is None:
        return False
    head, seconds, fraction, zone = match.groups()
    micro = (fraction or "")[:7]  # Python reads at most microseconds
    try:
        dt.datetime.fromisoformat(
            f"{head}{seconds or ':00'}{micro}{'+00:00' if zone == 'Z' else zone}"
        )
    except ValueError:
        return False
    return True


async def tasks(
    ctx: Context,
    flt: task_graph.TaskFilter,
    *,
    order: str = "DATE",
    first: int | None = None,
    last: int | None = None,
    after: str | None = None,
    before: str | None = None,
    with_total: bool = True,
) -> Page[Record]:
    """A page of tasks; `first`/`last` None when not given (then DEFAULT_FIRST forwards)."""
    win = window(first, last, default=DEFAULT_FIRST)
    if flt.quarter is not None:
        checks.check_quarter("filter.quarter", flt.quarter)
    if flt.from_day is not None and flt.to_day is not None and flt.from_day > flt.to_day:
        raise BadInput(
            "filter.from",
            t(
                "{start} is after to {end}",
                start=flt.from_day.isoformat(),
                end=flt.to_day.isoformat(),
            ),
        )
    page = await task_graph.tasks_page(
        ctx.graph,
        flt,
        order=order,
        size=win.size,
        after=_cursor(order, after, "after"),
        before=_cursor(order, before, "before"),
        backward=win.backward,
        with_total=with_total,
    )
    if not page.assignee_found:
        raise NotFound("filter.assigneeId", "person", str(flt.assignee_id))
    if not page.township_found:
        raise NotFound("filter.townshipId", "township", str(flt.township_id))
    if not page.village_found:
        raise NotFound("filter.villageId", "village", str(flt.village_id))
    kind = _kind(order)
    return two_way_page(
        page.rows,
        win,
        total=page.total or 0,
        cursor=lambda r: encode_cursor(kind, _key(order, r)),
        after=after,
        before=before,
    )
