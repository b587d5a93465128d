"""Two-way post selections (双向选岗): their batched read, the handover list, and the writes of
each step, run inside a caller's `Graph.transaction` after `lock` (which takes the selection's
write lock and reads the state the rules are checked against)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict, cast

from graph.batch import grouped as _grouped
from graph.db import Graph, Record, Tx


class Requirement(TypedDict):
    skillId: str
    level: int


class OfferState(TypedDict):
    postId: str
    title: str
    capacity: int
    ranking: list[str] | None
    requires: list[Requirement]


class ApplicationState(TypedDict):
    personId: str
    name: str
    choices: list[str]
    levels: list[Requirement]


@dataclass(frozen=True)
class SelectionState:
    """A locked selection as a step sees it."""

    selection: Record
    township_id: str
    offers: list[OfferState]
    applications: list[ApplicationState]


# --- reads ------------------------------------------------------------------------------------


async def selections_by_id(graph: Graph, ids: Sequence[str]) -> list[Record | None]:
    """Everything a selection shows (see selection/read), by id; None when unknown or out of
    the caller's scope."""
    return [items[0] if items else None for items in await _grouped(graph, "selection/read", ids)]


async def selections_of_township(graph: Graph, township_id: str) -> tuple[bool, list[str]]:
    """Whether the township exists, and the ids of its selections the caller may see."""
    rows = await graph.read("selection/of_township", {"townshipId": township_id})
    return bool(rows[0]["townshipFound"]), [str(x) for x in rows[0]["ids"]]


async def handover(
    graph: Graph,
    post_id: str,
    person_id: str | None,
    *,
    today: dt.date,
    open_statuses: Sequence[str],
) -> Record:
    """The handover list of a post's outgoing holder (see selection/handover)."""
    rows = await graph.read(
        "selection/handover",
        {
            "postId": post_id,
            "personId": person_id,
            "today": today,
            "openStatuses": list(open_statuses),
        },
    )
    return rows[0]


# --- writes, inside the caller's transaction --------------------------------------------------


@dataclass(frozen=True)
class Event:
    id: str
    at: dt.datetime
    step: str
    actor: str
    actor_name: str | None = None
    note: str | None = None
    person_id: str | None = None

    def params(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "step": self.step,
            "actor": self.actor,
            "actorName": self.actor_name,
            "note": self.note,
            "personId": self.person_id,
        }


@dataclass(frozen=True)
class NewSelection:
    id: str
    title: str
    township_id: str
    deadline: dt.date
    max_applications: int
    offers: list[tuple[str, int]]  # (post id, capacity)
    created_at: dt.datetime
    created_by: str
    created_by_name: str | None
    event: Event


@dataclass(frozen=True)
class AnnounceCheck:
    selection_exists: bool
    township_found: bool
    unknown_posts: list[str]
    foreign_posts: list[str]


async def announce_check(tx: Tx, new: NewSelection) -> AnnounceCheck:
    rows = await tx.run(
        "selection/announce_check",
        {
            "selectionId": new.id,
            "townshipId": new.township_id,
            "postIds": [p for p, _ in new.offers],
        },
    )
    row = rows[0]
    return AnnounceCheck(
        row["selectionExists"], row["townshipFound"], row["unknownPosts"], row["foreignPosts"]
    )


async def announce(tx: Tx, new: NewSelection) -> None:
    """Writes the selection; its checks (`announce_check`) must have passed."""
    await tx.run(
        "selection/announce",
        {
            "selection": {
                "id": new.id,
                "title": new.title,
                "deadline": new.deadline,
                "maxApplications": new.max_applications,
                "createdAt": new.created_at,
                "createdBy": new.created_by,
                "createdByName": new.created_by_name,
            },
            "townshipId": new.township_id,
            "offers": [{"postId": p, "capacity": c} for p, c in new.offers],
            "event": new.event.params(),
        },
    )


async def lock(tx: Tx, selection_id: str) -> SelectionState | None:
    """Takes the selection's write lock and reads its state; None when there is none."""
    rows = await tx.run("selection/lock", {"selectionId": selection_id})
    if not rows:
        return None
    row = rows[0]
    return SelectionState(
        row["selection"],
        row["townshipId"],
        cast(list[OfferState], row["offers"]),
        cast(list[ApplicationState], row["applications"]),
    )


async def people(tx: Tx, person_ids: Sequence[str]) -> dict[str, str]:
    """{id: name} of the people that exist among `person_ids`."""
    rows = await tx.run("selection/people", {"personIds": list(dict.fromkeys(person_ids))})
    return {str(r["id"]): str(r["name"]) for r in rows}


async def apply(
    tx: Tx,
    selection_id: str,
    person_id: str,
    *,
    app_id: str,
    choices: list[str],
    at: dt.datetime,
    actor: str,
) -> bool:
    """Writes a person's application (replacing theirs); True when one was replaced."""
    rows = await tx.run(
        "selection/apply",
        {
            "selectionId": selection_id,
            "personId": person_id,
            "application": {"id": app_id, "choices": choices, "at": at, "actor": actor},
        },
    )
    return bool(rows[0]["replaced"])


async def rank(tx: Tx, selection_id: str, post_id: str, ranking: list[str]) -> None:
    await tx.run(
        "selection/rank", {"selectionId": selection_id, "postId": post_id, "ranking": ranking}
    )


async def decide(
    tx: Tx,
    selection_id: str,
    proposed: Sequence[tuple[str, str]],  # (post id, person id)
    decided: Sequence[tuple[str, str]],
) -> None:
    await tx.run(
        "selection/decide",
        {
            "selectionId": selection_id,
            "proposed": [{"postId": p, "personId": x} for p, x in proposed],
            "decided": [{"postId": p, "personId": x} for p, x in decided],
        },
    )


async def appoint(tx: Tx, selection_id: str, on: dt.date) -> tuple[int, int]:
    """Starts the decided tenures and ends the others (see selection/appoint): (started, ended)."""
    rows = await tx.run("selection/appoint", {"selectionId": selection_id, "on": on})
    return int(rows[0]["started"]), int(rows[0]["ended"])


@dataclass(frozen=True)
class Changes:
    """What a step records on the selection; None leaves a property as it is."""

    decided_on: dt.date | None = None
    notice_since: dt.date | None = None
    notice_until: dt.date | None = None


async def advance(
    tx: Tx, selection_id: str, status: str, event: Event, changes: Changes | None = None
) -> None:
    """Sets the status and the step's properties and appends its event."""
    c = changes or Changes()
    await tx.run(
        "selection/advance",
        {
            "selectionId": selection_id,
            "status": status,
            "decidedOn": c.decided_on,
            "noticeSince": c.notice_since,
            "noticeUntil": c.notice_until,
            "event": event.params(),
        },
    )
