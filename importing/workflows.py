"""The collaboration-workflow sections of the import document: needs, teams, team members,
trainings and tasks (docs/graph-model.md, "Collaboration workflows").

This module owns their fields and the checks across the fields of one row, above all the task's
lifecycle consistency (a CONSULTED task has a plan, a STAFFED one a LEAD, …), so that a task
imported from another system is one the GraphQL mutations could have produced. Pure Python, like
`document.py`, which merges these tables into its own.
"""

from __future__ import annotations

from typing import Any

from importing.fields import (
    INVALID,
    Ctx,
    Fields,
    enum,
    ident,
    instant,
    iso_date,
    level,
    list_of,
    nested,
    percent,
    quarter,
    ref,
    string,
    text,
)
from model import labels as L
from model.emergency import SEVERITIES
from model.needs import NEED_STATUSES, URGENCIES
from model.tasks import (
    INITIATORS,
    LATE_PLAN_STATUSES,
    TASK_KINDS,
    TASK_ROLES,
    TASK_STATUSES,
    TASK_STEPS,
    reached,
    staff_first,
)
from model.teams import TEAM_KINDS

# What each lifecycle status requires to have happened (seed 000, item 5).
_PLANNED = frozenset(s for s in TASK_STATUSES if reached(s, "CONSULTED"))
_STAFFED = frozenset(s for s in TASK_STATUSES if reached(s, "STAFFED"))
_SUPERVISED = frozenset(s for s in TASK_STATUSES if reached(s, "SUPERVISING"))

_LEVEL = nested({"skill": (ref("skill"), True), "level": (level, True)})
_ASSIGNMENT = nested({
    "person": (ref("person"), True),
    "role": (enum(*TASK_ROLES, labels=L.TASK_ROLE), True),
    "since": (iso_date, True), "until": (iso_date, False),
    "assignedBy": (text, False), "assignedAt": (instant, False),
})  # fmt: skip
_EVENT = nested({
    "at": (instant, True), "step": (enum(*TASK_STEPS, labels=L.TASK_STEP), True),
    "actor": (text, True),
    "note": (string, False), "percent": (percent, False),
})  # fmt: skip

FIELDS: dict[str, Fields] = {
    "needs": {
        "id": (ident, True), "village": (ref("village"), True), "title": (text, True),
        "quarter": (quarter, True), "urgency": (enum(*URGENCIES, labels=L.URGENCY), True),
        "status": (enum(*NEED_STATUSES, labels=L.NEED_STATUS), False),
        "skills": (list_of(_LEVEL, at_least_one="skill"), True),
        "createdAt": (instant, False), "createdBy": (text, False),
    },
    "teams": {
        "id": (ident, True), "name": (text, True),
        "kind": (enum(*TEAM_KINDS, labels=L.TEAM_KIND), True),
        "domain": (text, False), "township": (ref("township"), False),
        "county": (ref("county"), False),
    },
    "teamMembers": {
        "person": (ref("person"), True), "team": (ref("team"), True), "role": (text, True),
        "since": (iso_date, True), "until": (iso_date, False),
    },
    "trainings": {
        "person": (ref("person"), True), "department": (ref("department"), True),
        "since": (iso_date, True), "until": (iso_date, False),
    },
    "tasks": {
        "id": (ident, True), "title": (text, True), "domain": (text, True),
        "kind": (enum(*TASK_KINDS, labels=L.TASK_KIND), True),
        "severity": (enum(*SEVERITIES, labels=L.SEVERITY), False),
        "status": (enum(*TASK_STATUSES, labels=L.TASK_STATUS), True),
        "initiatedBy": (enum(*INITIATORS, labels=L.INITIATOR), True),
        "village": (ref("village"), False), "township": (ref("township"), False),
        "quarter": (quarter, False), "createdAt": (instant, True), "createdBy": (text, False),
        "plan": (text, False), "progress": (percent, False), "outcome": (text, False),
        "rating": (level, False), "lessons": (text, False), "cancelReason": (text, False),
        "staffingDeadline": (instant, False), "staffedAt": (instant, False),
        "requires": (list_of(_LEVEL), False), "addresses": (list_of(ref("need")), False),
        "assignments": (list_of(_ASSIGNMENT), False), "events": (list_of(_EVENT), False),
    },
}  # fmt: skip
NODE_KINDS = {"needs": "need", "teams": "team", "tasks": "task"}
EDGE_KEYS: dict[str, tuple[str, ...]] = {
    "teamMembers": ("person", "team", "since"),
    "trainings": ("person", "department", "since"),
}
# Optional fields that a null cannot clear: they have a default on creation, or (lists of
# assignments and events) they are never removed by an import.
_NOT_NULL: dict[str, tuple[str, ...]] = {
    "needs": ("status", "createdAt", "createdBy"),
    "tasks": ("quarter", "createdBy", "assignments", "events"),
}


def _given(row: dict[str, Any], key: str) -> bool:
    return row.get(key) is not None


def check_row(section: str, path: str, row: dict[str, Any], ctx: Ctx) -> None:
    """The checks across the fields of one row of a workflow section."""
    for key in _NOT_NULL.get(section, ()):
        if key in row and row[key] is None:
            ctx.bad(f"{path}.{key}", "must not be null; leave the field out instead")
    if section == "teams":
        _exactly_one(path, row, ("township", "county"), ctx)
    elif section == "tasks":
        _exactly_one(path, row, ("village", "township"), ctx)
        _check_task(path, row, ctx)


def _exactly_one(path: str, row: dict[str, Any], keys: tuple[str, ...], ctx: Ctx) -> None:
    given = [k for k in keys if _given(row, k)]
    if len(given) != 1:
        got = " and ".join(given) if given else "none"
        ctx.bad(path, f"needs exactly one of {', '.join(keys)}; got {got}")


def _check_task(path: str, row: dict[str, Any], ctx: Ctx) -> None:
    """A task's fields must tell a story the lifecycle allows: each status carries what its
    step records (plan, LEAD, SUPERVISOR, feedback report, reason for cancelling)."""
    kind, status = row["kind"], row["status"]
    if kind == "EMERGENCY" and not _given(row, "severity"):
        ctx.bad(f"{path}.severity", "required for an EMERGENCY task: I, II or III")
    elif kind == "ROUTINE" and _given(row, "severity"):
        ctx.bad(f"{path}.severity", "only an EMERGENCY task has a severity")
    assignments = _assignments(path, row.get("assignments"), ctx)
    _check_addresses(path, row.get("addresses"), ctx)
    _check_events(path, row.get("events"), ctx)
    if status is INVALID:
        return
    # A severity-I emergency is staffed first: while STAFFED or SUPERVISING its plan may follow.
    late_plan = staff_first(kind, row.get("severity")) and status in LATE_PLAN_STATUSES
    if status in _PLANNED and not late_plan and not _given(row, "plan"):
        ctx.bad(f"{path}.plan", f"required for a task that is {status} (方案会商 records a plan)")
    roles = None if assignments is None else {a["role"] for a in assignments}
    if roles is not None and status in _STAFFED and "LEAD" not in roles:
        ctx.bad(f"{path}.assignments", f"a task that is {status} needs at least one LEAD")
    if roles is not None and status in _SUPERVISED and "SUPERVISOR" not in roles:
        ctx.bad(f"{path}.assignments", f"a task that is {status} needs a SUPERVISOR")
    if status == "CLOSED":
        for key in ("outcome", "rating", "lessons"):
            if not _given(row, key):
                ctx.bad(f"{path}.{key}", "required for a CLOSED task (结果反馈: outcome, rating"
                        " 1 to 5 and lessons)")  # fmt: skip
    if status == "CANCELLED" and not _given(row, "cancelReason"):
        ctx.bad(f"{path}.cancelReason", "required for a CANCELLED task")


def _assignments(path: str, items: Any, ctx: Ctx) -> list[dict[str, Any]] | None:
    """The valid assignments, or None when one of them is broken (its own problem is already
    reported, and the LEAD / SUPERVISOR rules would only repeat it)."""
    if items is None:
        return []
    if items is INVALID or INVALID in items:
        return None
    first: dict[tuple[str, Any], int] = {}
    for i, item in enumerate(items):
        here = f"{path}.assignments[{i}]"
        since, until = item["since"], item.get("until")
        if until is not None and until < since:
            ctx.bad(here, f"until {until.isoformat()} is before since {since.isoformat()}")
        j = first.setdefault((item["person"], since), i)
        if j != i:
            ctx.bad(here, f"duplicate of {path}.assignments[{j}] (same person and since)")
    return list(items)


def _check_addresses(path: str, items: Any, ctx: Ctx) -> None:
    if not isinstance(items, list):
        return
    first: dict[str, int] = {}
    for i, need in enumerate(items):
        if need is INVALID:
            continue
        j = first.setdefault(need, i)
        if j != i:
            ctx.bad(f"{path}.addresses[{i}]", f"duplicate need '{need}' (first at"
                    f" {path}.addresses[{j}])")  # fmt: skip


def _check_events(path: str, items: Any, ctx: Ctx) -> None:
    if not isinstance(items, list):
        return
    for i, event in enumerate(items):
        if event is not INVALID and _given(event, "percent") and event["step"] != "PROGRESS":
            ctx.bad(f"{path}.events[{i}].percent", "only a PROGRESS event carries a percent")


def event_id(task: str, index: int) -> str:
    """TaskEvents are identified by their task and place in its list, so a re-import finds the
    events it wrote before instead of appending them again."""
    return f"{task}-E{index}"
