"""The task lifecycle (协同任务清单, seed 000 item 5): which step may follow which, and each step
checked and written in ONE transaction.

INITIATED (任务发起) → CONSULTED (方案会商: recordPlan) → STAFFED (人力调配: assignPeople with
a LEAD) → SUPERVISING (过程督导: startSupervision with a SUPERVISOR; reportProgress) → CLOSED
(结果反馈: closeTask). cancelTask from any open status. A severity-I emergency may be staffed
first and its plan recorded afterwards (model/tasks.py). A step out of order is refused with the
allowed next steps and changes nothing. Every step appends a TaskEvent recording the actor and
the instant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from graph import task as task_graph
from graph.db import Record, Tx
from model import labels
from model.messages import Code, t
from model.tasks import (
    CANCEL,
    EXCLUSIVE_ROLES,
    MAX_RATING,
    MIN_RATING,
    SKILLED_ROLES,
    next_steps,
    staff_first,
)
from resolvers import access, checks
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.task_queries import forget_task

MAX_TEXT = 4000
MAX_SHORT = 200


def allowed_steps(task: Record) -> list[str]:
    """The mutations allowed on a task now (its status, and for a severity-I emergency whether
    its plan is recorded yet)."""
    return next_steps(
        str(task["status"]),
        staffing_first=staff_first(str(task["kind"]), task.get("severity")),
        planned=task.get("plan") is not None,
    )


def _refusal(task_id: str, status: str, allowed: list[str]) -> BadInput:
    forward = [s for s in allowed if s != CANCEL]
    if not forward:
        return BadInput(
            "taskId",
            t(
                "task {task_id} is {status}; no further step is allowed",
                task_id=task_id,
                status=Code(labels.TASK_STATUS, status),
            ),
        )
    if len(forward) == 1:
        steps = t("the next step is {step}", step=forward[0])
    else:
        steps = t(
            "the next steps are {steps} or {last}",
            steps=", ".join(forward[:-1]),
            last=forward[-1],
        )
    return BadInput(
        "taskId",
        t(
            "task {task_id} is {status}; {steps} (or {cancel})",
            task_id=task_id,
            status=Code(labels.TASK_STATUS, status),
            steps=steps,
            cancel=CANCEL,
        ),
    )


def _optional_text(field: str, value: str | None) -> str | None:
    return None if value is None or not value.strip() else checks.text(field, value, MAX_TEXT)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _event_id() -> str:
    return checks.new_id("EV")


@dataclass(frozen=True)
class TaskResult:
    """The task after a step (its properties) and the step's warnings (专业人做专业事)."""

    task: Record
    warnings: list[str]


@dataclass(frozen=True)
class Requirement:
    skill_id: str
    level: int


@dataclass(frozen=True)
class Assignment:
    person_id: str
    role: str  # LEAD / MEMBER / SUPERVISOR


async def initiate_task(
    ctx: Context,
    *,
    task_id: str | None,
    title: str,
    domain: str,
    kind: str,
    severity: str | None,
    village_id: str | None,
    township_id: str | None,
    initiated_by: str,
    requires: list[Requirement],
    quarter: str | None,
    note: str | None,
) -> TaskResult:
    """任务发起: a new task, INITIATED, AT a village or a township."""
    if (village_id is None) == (township_id is None):
        raise BadInput("villageId", t("give either villageId or townshipId (where the task is)"))
    if severity is not None and kind != "EMERGENCY":
        raise BadInput("severity", t("only an EMERGENCY task has a severity"))
    seen: set[str] = set()
    for i, req in enumerate(requires):
        checks.level(f"requires[{i}].level", req.level)
        if req.skill_id in seen:
            raise BadInput(
                f"requires[{i}].skillId",
                t("skill '{skill_id}' is listed twice", skill_id=req.skill_id),
            )
        seen.add(req.skill_id)
    now = _now()
    # An emergency with a severity gets the response standard (突发事件快速响应) as its deadline.
    deadline = (
        now + dt.timedelta(minutes=ctx.rules.response_minutes[severity])
        if severity is not None and severity in ctx.rules.response_minutes
        else None
    )
    new = task_graph.NewTask(
        id=checks.text("id", task_id, 100) if task_id is not None else checks.new_id("TASK"),
        title=checks.text("title", title, MAX_SHORT),
        domain=checks.text("domain", domain, MAX_SHORT),
        kind=kind,
        severity=severity,
        quarter=checks.check_quarter("quarter", quarter)
        if quarter is not None
        else checks.quarter_of(now),
        initiated_by=initiated_by,
        village_id=village_id,
        township_id=township_id,
        requires=[(r.skill_id, r.level) for r in requires],
        created_at=now,
        created_by=ctx.actor,
        created_by_name=ctx.actor_name,
        staffing_deadline=deadline,
        event_id=_event_id(),
        note=_optional_text("note", note),
    )

    async def work(tx: Tx) -> Record:
        await access.require(
            tx,
            ctx,
            villages=[("villageId", village_id)] if village_id is not None else [],
            townships=[("townshipId", township_id)] if township_id is not None else [],
        )
        check = await task_graph.initiate_check(tx, new)
        if check.task_exists:
            raise BadInput("id", t("a task with id '{id}' already exists", id=new.id))
        if not check.place_found:
            if village_id is not None:
                raise NotFound("villageId", "village", village_id)
            raise NotFound("townshipId", "township", str(township_id))
        if check.unknown_skills:
            index = [r.skill_id for r in requires].index(check.unknown_skills[0])
            raise NotFound(f"requires[{index}].skillId", "skill", check.unknown_skills[0])
        return await task_graph.initiate(tx, new)

    row = await ctx.graph.transaction(work)
    forget_task(ctx)
    return TaskResult(row, [])


# A step's work on the locked task, given the instant it is taken.
Step = Callable[[Tx, task_graph.TaskState, dt.datetime], Awaitable[TaskResult]]


async def _step(ctx: Context, task_id: str, mutation: str, step: Step) -> TaskResult:
    """Runs `step` on the locked task when `mutation` is allowed in its status, else refuses."""

    async def work(tx: Tx) -> TaskResult:
        await access.require(tx, ctx, tasks=[("taskId", task_id)])
        state = await task_graph.lock(tx, task_id, today=ctx.today)
        if state is None:
            raise NotFound("taskId", "task", task_id)
        status = str(state.task["status"])
        allowed = allowed_steps(state.task)
        if mutation not in allowed:
            raise _refusal(task_id, status, allowed)
        # The instant is read once the lock is held, so a task's events are in commit order.
        return await step(tx, state, _now())

    result = await ctx.graph.transaction(work)
    forget_task(ctx)
    return result


async def record_plan(ctx: Context, task_id: str, plan: str) -> TaskResult:
    """方案会商: INITIATED → CONSULTED with the plan. A severity-I emergency staffed first records
    it later, its status unchanged and its CONSULTED event marked as after staffing."""
    text = checks.text("plan", plan, MAX_TEXT)

    async def step(tx: Tx, state: task_graph.TaskState, now: dt.datetime) -> TaskResult:
        status = str(state.task["status"])
        late = status != "INITIATED"
        event = task_graph.Event(
            _event_id(),
            now,
            "CONSULTED",
            ctx.actor,
            text,
            actor_name=ctx.actor_name,
            after_staffing=True if late else None,
        )
        row = await task_graph.advance(
            tx, task_id, status if late else "CONSULTED", event, task_graph.Changes(plan=text)
        )
        return TaskResult(row, [])

    return await _step(ctx, task_id, "recordPlan", step)


def skill_warnings(name: str, levels: list[Record], requires: list[Record]) -> list[str]:
    """专业人做专业事: one warning per required skill the person lacks or holds below the level
    (the exact skill: a narrower one does not count)."""
    held = {x["skillId"]: x["level"] for x in levels}
    out: list[str] = []
    for req in requires:
        level = held.get(req["skillId"])
        if level is None:
            out.append(f"{name} lacks {req['name']} (level {req['level']} required)")
        elif level < req["level"]:
            out.append(
                f"{name} holds {req['name']} at level {level} (level {req['level']} required)"
            )
    return out


async def _new_assignments(
    tx: Tx,
    ctx: Context,
    state: task_graph.TaskState,
    wanted: list[tuple[str, str, str]],  # (field of the person id, person id, role)
) -> tuple[list[tuple[str, str]], list[str], dict[str, str]]:
    """Checks the people to assign: they exist and are not assigned in that role already.
    Gives the (person id, role) pairs to write, the skill warnings, and the names by id.
    Anyone of the caller's county may be assigned (cross-township work is the point)."""
    await access.require(tx, ctx, members=[(field, pid) for field, pid, _ in wanted])
    found = {
        p["id"]: p
        for p in await task_graph.people(
            tx, [pid for _, pid, _ in wanted], [r["skillId"] for r in state.requires]
        )
    }
    current = {(c["personId"], c["role"]) for c in state.current}
    # Roles held once the step is written, to refuse a pair of roles one person may not combine.
    after = current | {(pid, role) for _, pid, role in wanted}
    pairs: list[tuple[str, str]] = []
    warnings: list[str] = []
    for field, pid, role in wanted:
        person = found.get(pid)
        if person is None:
            raise NotFound(field, "person", pid)
        if (pid, role) in current:
            raise BadInput(
                field,
                t(
                    "{person} is already assigned to task {task_id} as {role}",
                    person=person["name"],
                    task_id=state.task["id"],
                    role=Code(labels.TASK_ROLE, role),
                ),
            )
        for other in EXCLUSIVE_ROLES.get(role, ()):
            if (pid, other) in after:
                raise BadInput(
                    field,
                    t(
                        "{person} cannot be both {role} and {other} of task {task_id} (the "
                        "supervisor oversees the lead's work)",
                        person=person["name"],
                        role=Code(labels.TASK_ROLE, role),
                        other=Code(labels.TASK_ROLE, other),
                        task_id=state.task["id"],
                    ),
                )
        if role in SKILLED_ROLES:
            warnings.extend(skill_warnings(person["name"], person["levels"], state.requires))
        pairs.append((pid, role))
    return pairs, warnings, {pid: p["name"] for pid, p in found.items()}


async def assign_people(
    ctx: Context, task_id: str, assignments: list[Assignment], since: dt.date | None
) -> TaskResult:
    """人力调配: assigns people; CONSULTED → STAFFED once a LEAD is assigned (staffedAt is set
    then), and INITIATED → STAFFED for a severity-I emergency. Also allowed while STAFFED or
    SUPERVISING, without changing the status."""
    if not assignments:
        raise BadInput("assignments", t("name at least one person to assign"))
    seen: set[tuple[str, str]] = set()
    for i, a in enumerate(assignments):
        if (a.person_id, a.role) in seen:
            raise BadInput(
                f"assignments[{i}]",
                t(
                    "'{person_id}' is listed twice as {role}",
                    person_id=a.person_id,
                    role=Code(labels.TASK_ROLE, a.role),
                ),
            )
        seen.add((a.person_id, a.role))

    async def step(tx: Tx, state: task_graph.TaskState, now: dt.datetime) -> TaskResult:
        wanted = [
            (f"assignments[{i}].personId", a.person_id, a.role) for i, a in enumerate(assignments)
        ]
        pairs, warnings, names = await _new_assignments(tx, ctx, state, wanted)
        await task_graph.assign(
            tx, task_id, pairs, since=since or ctx.today, actor=ctx.actor, at=now
        )
        has_lead = any(r == "LEAD" for _, r in pairs) or any(
            c["role"] == "LEAD" for c in state.current
        )
        # _step let INITIATED through only for a task that may be staffed before its plan.
        if state.task["status"] not in ("INITIATED", "CONSULTED") or not has_lead:
            return TaskResult(state.task, warnings)
        note = "; ".join(f"{role} {names[pid]}" for pid, role in pairs)
        changes = task_graph.Changes(
            staffed_at=now if state.task.get("staffedAt") is None else None
        )
        event = task_graph.Event(
            _event_id(), now, "STAFFED", ctx.actor, note, actor_name=ctx.actor_name
        )
        row = await task_graph.advance(tx, task_id, "STAFFED", event, changes)
        return TaskResult(row, warnings)

    return await _step(ctx, task_id, "assignPeople", step)


async def start_supervision(ctx: Context, task_id: str, supervisor_id: str | None) -> TaskResult:
    """过程督导: STAFFED → SUPERVISING; needs a SUPERVISOR, named here (and so assigned) or
    already assigned."""

    async def step(tx: Tx, state: task_graph.TaskState, now: dt.datetime) -> TaskResult:
        supervisors = {c["personId"]: c["name"] for c in state.current if c["role"] == "SUPERVISOR"}
        if supervisor_id is not None and supervisor_id not in supervisors:
            pairs, _, names = await _new_assignments(
                tx, ctx, state, [("supervisorId", supervisor_id, "SUPERVISOR")]
            )
            await task_graph.assign(tx, task_id, pairs, since=ctx.today, actor=ctx.actor, at=now)
            supervisors[supervisor_id] = names[supervisor_id]
        if not supervisors:
            raise BadInput(
                "supervisorId",
                t(
                    "task {task_id} has no SUPERVISOR; name the person responsible for supervision",
                    task_id=task_id,
                ),
            )
        note = "SUPERVISOR " + ", ".join(supervisors.values())
        event = task_graph.Event(
            _event_id(), now, "SUPERVISING", ctx.actor, note, actor_name=ctx.actor_name
        )
        row = await task_graph.advance(tx, task_id, "SUPERVISING", event, task_graph.Changes())
        return TaskResult(row, [])

    return await _step(ctx, task_id, "startSupervision", step)


async def report_progress(
    ctx: Context,
    task_id: str,
    percent: int,
    note: str,
    correction_reason: str | None = None,
) -> TaskResult:
    """A progress report while SUPERVISING: sets the task's progress, appends a PROGRESS event.
    Progress below the task's current one is refused unless `correction_reason` says why (a
    correction); the event then records the reason and the progress it corrects."""
    if not 0 <= percent <= 100:
        raise BadInput("percent", t("must be from 0 to 100, got {percent}", percent=percent))
    text = checks.text("note", note, MAX_TEXT)
    reason = (
        None
        if correction_reason is None
        else checks.text("correctionReason", correction_reason, MAX_TEXT)
    )

    async def step(tx: Tx, state: task_graph.TaskState, now: dt.datetime) -> TaskResult:
        before = state.task.get("progress")
        lower = isinstance(before, int) and percent < before
        if lower and reason is None:
            raise BadInput(
                "percent",
                t(
                    "{percent} is below the task's progress {before}; progress does not go back "
                    "unless it is a correction (give correctionReason)",
                    percent=percent,
                    before=before,
                ),
            )
        event = task_graph.Event(
            _event_id(),
            now,
            "PROGRESS",
            ctx.actor,
            text,
            percent,
            actor_name=ctx.actor_name,
            correction_reason=reason if lower else None,
            corrected_from=before if lower else None,
        )
        changes = task_graph.Changes(progress=percent)
        row = await task_graph.advance(tx, task_id, "SUPERVISING", event, changes)
        return TaskResult(row, [])

    return await _step(ctx, task_id, "reportProgress", step)


async def close_task(
    ctx: Context, task_id: str, outcome: str, rating: int, lessons: str
) -> TaskResult:
    """结果反馈: SUPERVISING → CLOSED with the feedback report (outcome, rating 1–5, lessons); the
    needs it addressed are CLOSED."""
    text = checks.text("outcome", outcome, MAX_TEXT)
    if not MIN_RATING <= rating <= MAX_RATING:
        raise BadInput(
            "rating",
            t(
                "must be from {MIN_RATING} to {MAX_RATING}, got {rating}",
                MIN_RATING=MIN_RATING,
                MAX_RATING=MAX_RATING,
                rating=rating,
            ),
        )
    learned = checks.text("lessons", lessons, MAX_TEXT)

    async def step(tx: Tx, state: task_graph.TaskState, now: dt.datetime) -> TaskResult:
        event = task_graph.Event(
            _event_id(), now, "CLOSED", ctx.actor, text, actor_name=ctx.actor_name
        )
        changes = task_graph.Changes(outcome=text, rating=rating, lessons=learned)
        row = await task_graph.advance(tx, task_id, "CLOSED", event, changes)
        await task_graph.needs_follow(tx, task_id, "CLOSED", event)
        return TaskResult(row, [])

    return await _step(ctx, task_id, "closeTask", step)


async def cancel_task(ctx: Context, task_id: str, reason: str) -> TaskResult:
    """Any open status → CANCELLED, with the reason; the needs it addressed are OPEN again."""
    text = checks.text("reason", reason, MAX_TEXT)

    async def step(tx: Tx, state: task_graph.TaskState, now: dt.datetime) -> TaskResult:
        event = task_graph.Event(
            _event_id(), now, "CANCELLED", ctx.actor, text, actor_name=ctx.actor_name
        )
        changes = task_graph.Changes(cancel_reason=text)
        row = await task_graph.advance(tx, task_id, "CANCELLED", event, changes)
        await task_graph.needs_follow(tx, task_id, "CANCELLED", event)
        return TaskResult(row, [])

    return await _step(ctx, task_id, CANCEL, step)
