"""Acknowledgements of an emergency (到岗确认): a person on an EMERGENCY task confirms they are on
the way, with an ETA; the server records when. Written once per person and task, never edited.

Allowed to the person themself (the token's `person` claim) or to a caller who may change the
task (resolvers/access.require); refused for a person not on the task (an assignment that has
not ended), a second time, on a task that is not an open EMERGENCY.
"""

from __future__ import annotations

import datetime as dt

from graph import emergency
from graph import task as task_graph
from graph.db import Record, Tx
from model import labels
from model.emergency import MAX_ETA_MINUTES
from model.messages import Code, t
from model.tasks import OPEN_STATUSES
from resolvers import access, checks
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.loaders import Batch
from resolvers.task_queries import forget_task

ACKNOWLEDGEMENTS = Batch("acknowledgements", emergency.acknowledgements)
UNACKNOWLEDGED = Batch("unacknowledged", emergency.unacknowledged)


async def acknowledgements(ctx: Context, task_id: str) -> list[Record]:
    """[{person, at, etaMinutes, recordedBy, recordedByName}] of the task, oldest first."""
    return await ctx.loaders.load(ACKNOWLEDGEMENTS, task_id)


async def unacknowledged(ctx: Context, task_id: str) -> list[Record]:
    """The people on the task today who have not acknowledged it, by id."""
    return await ctx.loaders.load(UNACKNOWLEDGED, task_id, ctx.today)


def _eta(eta_minutes: int | None) -> int | None:
    if eta_minutes is not None and not 0 <= eta_minutes <= MAX_ETA_MINUTES:
        raise BadInput(
            "etaMinutes",
            t(
                "must be from 0 to {MAX_ETA_MINUTES} minutes, got {eta_minutes}",
                MAX_ETA_MINUTES=MAX_ETA_MINUTES,
                eta_minutes=eta_minutes,
            ),
        )
    return eta_minutes


async def acknowledge_emergency(
    ctx: Context, *, task_id: str, person_id: str, eta_minutes: int | None
) -> tuple[Record, Record]:
    """The acknowledgement written and the task it acknowledges."""
    eta = _eta(eta_minutes)
    themself = ctx.caller is not None and ctx.caller.person_id == person_id

    async def work(tx: Tx) -> tuple[Record, Record]:
        # The person themself may confirm wherever the task is; anyone else must be a clerk who
        # may change the task.
        if not themself:
            await access.require(tx, ctx, tasks=[("taskId", task_id)])
        state = await task_graph.lock(tx, task_id, today=ctx.today)
        if state is None:
            raise NotFound("taskId", "task", task_id)
        task = state.task
        if task["kind"] != "EMERGENCY":
            raise BadInput(
                "taskId",
                t("task {task_id} is not an EMERGENCY; nothing to acknowledge", task_id=task_id),
            )
        if task["status"] not in OPEN_STATUSES:
            raise BadInput(
                "taskId",
                t(
                    "task {task_id} is {status}; it is over",
                    task_id=task_id,
                    status=Code(labels.TASK_STATUS, task["status"]),
                ),
            )
        found = await emergency.acknowledge_check(tx, task_id=task_id, person_id=person_id)
        if not found.person_found:
            raise NotFound("personId", "person", person_id)
        if not any(c["personId"] == person_id for c in state.current):
            raise BadInput(
                "personId",
                t(
                    "person {person_id} is not on task {task_id}; assign them first (assignPeople)",
                    person_id=person_id,
                    task_id=task_id,
                ),
            )
        if found.previous is not None:
            raise BadInput(
                "personId",
                t(
                    "person {person_id} acknowledged task {task_id} already, at {at}",
                    person_id=person_id,
                    task_id=task_id,
                    at=found.previous["at"],
                ),
            )
        ack = emergency.NewAcknowledgement(
            id=checks.new_id("ACK"),
            task_id=task_id,
            person_id=person_id,
            at=dt.datetime.now(dt.UTC),
            eta_minutes=eta,
            recorded_by=ctx.actor,
            recorded_by_name=ctx.actor_name,
        )
        return await emergency.acknowledge(tx, ack), task

    result = await ctx.graph.transaction(work)
    forget_task(ctx)
    ctx.loaders.forget(ACKNOWLEDGEMENTS, UNACKNOWLEDGED)
    return result
