"""Live updates (订阅): the Subscription root fields `taskEvents`, `emergencyAcknowledgements` and
`newNeeds`, over a WebSocket on /graphql (graphql-transport-ws, or the legacy graphql-ws).

Each yields what happens after it starts, or from `since` on when given (a replay, e.g. after a
lost connection); the types are those of the queries, so nested fields resolve the same way.
The module exports `SUBSCRIPTIONS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from resolvers import live
from schema.common import Info
from schema.emergency import Acknowledgement
from schema.need_list import Need
from schema.task_types import Task, TaskEvent

__all__ = ["SUBSCRIPTIONS", "AcknowledgementActivity", "TaskActivity"]

Since = Annotated[
    dt.datetime | None,
    strawberry.argument(
        description="从该时刻起重放，缺省为订阅开始时 (replay from this instant; default: from "
        "when the subscription starts)"
    ),
]


@strawberry.type(description="A step just recorded in a task's history, and the task.")
class TaskActivity:
    task: Task = strawberry.field(description="The task, as it is now.")
    event: TaskEvent = strawberry.field(description="The step recorded.")


@strawberry.type(description="到岗确认 just recorded for an EMERGENCY task, and the task.")
class AcknowledgementActivity:
    task: Task = strawberry.field(description="The task, as it is now.")
    acknowledgement: Acknowledgement = strawberry.field(description="The acknowledgement.")


@strawberry.type
class LiveSubscription:
    @strawberry.subscription(
        description="任务动态: each step recorded in the history of one task, or of the tasks at "
        "a township and its villages (give exactly one), as it happens; only tasks the caller "
        "could read with `task`/`tasks`."
    )
    async def task_events(
        self,
        info: Info,
        township_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="乡镇编号，含其下各村的任务，与 taskId 二选一 (township id; or taskId)"
            ),
        ] = None,
        task_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="任务编号，与 townshipId 二选一 (task id; or townshipId)"
            ),
        ] = None,
        since: Since = None,
    ) -> AsyncGenerator[TaskActivity, None]:
        rows = live.task_events(
            info.context,
            township_id=str(township_id) if township_id is not None else None,
            task_id=str(task_id) if task_id is not None else None,
            since=since,
            poll_seconds=live.poll_seconds(info.context),
        )
        async for row in rows:
            yield TaskActivity(
                task=Task.from_row(row["task"]), event=TaskEvent.from_row(row["event"])
            )

    @strawberry.subscription(
        description="到岗确认动态: each acknowledgement recorded for one EMERGENCY task, or for "
        "the tasks at a township and its villages (give exactly one), as it happens (the muster "
        "view); only tasks the caller could read."
    )
    async def emergency_acknowledgements(
        self,
        info: Info,
        task_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="任务编号，与 townshipId 二选一 (task id; or townshipId)"
            ),
        ] = None,
        township_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="乡镇编号，含其下各村的任务，与 taskId 二选一 (township id; or taskId)"
            ),
        ] = None,
        since: Since = None,
    ) -> AsyncGenerator[AcknowledgementActivity, None]:
        rows = live.acknowledgements(
            info.context,
            task_id=str(task_id) if task_id is not None else None,
            township_id=str(township_id) if township_id is not None else None,
            since=since,
            poll_seconds=live.poll_seconds(info.context),
        )
        async for row in rows:
            yield AcknowledgementActivity(
                task=Task.from_row(row["task"]),
                acknowledgement=Acknowledgement.from_row(row["acknowledgement"]),
            )

    @strawberry.subscription(
        description="新需求: each need raised by one village, or by the villages of a township "
        "(give exactly one), as it is raised or imported; only needs the caller could read "
        "with `need`."
    )
    async def new_needs(
        self,
        info: Info,
        township_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="乡镇编号，与 villageId 二选一 (township id; or villageId)"
            ),
        ] = None,
        village_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="村庄编号，与 townshipId 二选一 (village id; or townshipId)"
            ),
        ] = None,
        since: Since = None,
    ) -> AsyncGenerator[Need, None]:
        rows = live.needs(
            info.context,
            township_id=str(township_id) if township_id is not None else None,
            village_id=str(village_id) if village_id is not None else None,
            since=since,
            poll_seconds=live.poll_seconds(info.context),
        )
        async for row in rows:
            yield Need.from_row(row["need"])


SUBSCRIPTIONS: tuple[type, ...] = (LiveSubscription,)
