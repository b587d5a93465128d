"""The write steps of the workflow sections (needs, teams, teamMembers, trainings, tasks): which
`import/*` query each row feeds, with which parameters, in which order.

`writer.py` batches and runs them in its one transaction. Defaults for what a row leaves out
(a need's status OPEN, createdAt and createdBy; an assignment's assignedBy and assignedAt) are
set only when the node or edge is created, so that re-importing the same document changes
nothing and a later document that gives them updates them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from importing.workflows import event_id
from model.periods import quarter_of

Step = tuple[str, list[Any]]
SECTIONS = ("needs", "teams", "teamMembers", "trainings", "tasks")
IMPORT_ACTOR = "import"  # createdBy / assignedBy of what an import creates without saying who

_NEED_PROPS = ("title", "quarter", "urgency", "status", "createdAt", "createdBy")
_TEAM_PROPS = ("name", "kind", "domain")
_TASK_PROPS = (
    "title", "domain", "kind", "severity", "status", "quarter", "createdAt", "createdBy",
    "initiatedBy", "plan", "progress", "outcome", "rating", "lessons", "cancelReason",
    "staffingDeadline", "staffedAt",
)  # fmt: skip
_ASSIGNMENT_PROPS = ("role", "until", "assignedBy", "assignedAt")
_EVENT_PROPS = ("at", "step", "actor", "note", "percent")


def _given(row: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """The properties the row gives: an absent one is left as is, a null one is removed."""
    return {key: row[key] for key in keys if key in row}


def _missing(given: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in defaults.items() if key not in given}


def steps(
    section: str, rows: list[dict[str, Any]], now: datetime, actor: str = IMPORT_ACTOR
) -> Iterator[Step]:
    """The queries and their rows for one workflow section, in the order they must run; `actor`
    is recorded as createdBy / assignedBy where a row does not say who."""
    if section == "needs":
        yield from _needs(rows, now, actor)
    elif section == "teams":
        yield "import/teams", [{"id": r["id"], "props": _given(r, _TEAM_PROPS)} for r in rows]
        yield (
            "import/team_unit",
            [{"id": r["id"], "township": r.get("township"), "county": r.get("county")}
             for r in rows],
        )  # fmt: skip
    elif section == "teamMembers":
        yield "import/team_members", _periods(rows, "team", ("role", "until"))
    elif section == "trainings":
        yield "import/trainings", _periods(rows, "department", ("until",))
    elif section == "tasks":
        yield from _tasks(rows, now, actor)


def _needs(rows: list[dict[str, Any]], now: datetime, actor: str) -> Iterator[Step]:
    defaults = {"status": "OPEN", "createdAt": now, "createdBy": actor}
    nodes = []
    for r in rows:
        props = _given(r, _NEED_PROPS)
        nodes.append({"id": r["id"], "props": props, "defaults": _missing(props, defaults)})
    yield "import/needs", nodes
    yield "import/need_village", [{"id": r["id"], "village": r["village"]} for r in rows]
    yield (
        "import/need_skills",
        [{"need": r["id"], **item} for r in rows for item in r["skills"]],
    )


def _periods(rows: list[dict[str, Any]], end: str, updatable: tuple[str, ...]) -> list[Any]:
    return [
        {"person": r["person"], end: r[end], "since": r["since"], "props": _given(r, updatable)}
        for r in rows
    ]


def _tasks(rows: list[dict[str, Any]], now: datetime, actor: str) -> Iterator[Step]:
    nodes = []
    for r in rows:
        props = _given(r, _TASK_PROPS)
        defaults = _missing(props, {"createdBy": actor})
        nodes.append({"id": r["id"], "props": props, "defaults": defaults})
    yield "import/tasks", nodes
    yield (
        "import/task_place",
        [{"id": r["id"], "village": r.get("village"), "township": r.get("township")}
         for r in rows],
    )  # fmt: skip
    # A null list removes all of them; a list adds or updates, leaving unlisted ones alone.
    yield "import/task_requires_clear", [{"id": r["id"]} for r in rows if _cleared(r, "requires")]
    yield (
        "import/task_requires",
        [{"task": r["id"], **item} for r in rows for item in r.get("requires") or ()],
    )
    yield (
        "import/task_addresses_clear",
        [{"id": r["id"]} for r in rows if _cleared(r, "addresses")],
    )
    yield (
        "import/task_addresses",
        [{"task": r["id"], "need": need} for r in rows for need in r.get("addresses") or ()],
    )
    assigned = {"assignedBy": actor, "assignedAt": now}
    assignments = []
    for r in rows:
        for item in r.get("assignments") or ():
            props = _given(item, _ASSIGNMENT_PROPS)
            assignments.append({
                "person": item["person"], "task": r["id"], "since": item["since"],
                "props": props, "defaults": _missing(props, assigned),
            })  # fmt: skip
    yield "import/task_assignments", assignments
    yield (
        "import/task_events",
        [
            {"task": r["id"], "id": event_id(r["id"], k),
             "props": {key: e[key] for key in _EVENT_PROPS if e.get(key) is not None}}
            for r in rows
            for k, e in enumerate(r.get("events") or ())
        ],
    )  # fmt: skip
    # After ADDRESSES, since a task without a quarter takes its need's.
    yield (
        "import/task_quarter",
        [{"id": r["id"], "fallback": quarter_of(r["createdAt"])}
         for r in rows if "quarter" not in r],
    )  # fmt: skip


def _cleared(row: dict[str, Any], key: str) -> bool:
    return key in row and row[key] is None
