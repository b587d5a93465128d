"""Emergency muster (突发事件快速响应): the roster of who can reach a village fast, and the
EMERGENCY task that a response creates.

The roster is ONE Cypher query (units in reach through the POINT indexes, then their people, with
everything the API returns about them); creating the task is ONE write transaction that checks the
village and the skills first and writes nothing when they do not hold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.db import Graph, Record, Tx


@dataclass(frozen=True)
class RosterResult:
    village_found: bool
    has_location: bool
    unknown_skills: list[str]
    # {person, meters, unit {id, name, kind}, teams, matched [{skill, level}], available}
    rows: list[Record]


async def roster(
    graph: Graph,
    *,
    village_id: str,
    skill_ids: list[str],
    meters: float,
    as_of: dt.date,
    first: int,
) -> RosterResult:
    rows = await graph.read(
        "emergency/roster",
        {
            "villageId": village_id,
            "skillIds": list(dict.fromkeys(skill_ids)),
            "meters": float(meters),
            "asOf": as_of,
            "first": first,
        },
    )
    row = rows[0]
    return RosterResult(
        village_found=row["villageFound"],
        has_location=row["hasLocation"],
        unknown_skills=row["unknownSkills"],
        rows=row["roster"],
    )


@dataclass(frozen=True)
class NewEmergencyTask:
    """What respondToEmergency writes; ids are chosen by the caller."""

    task_id: str
    event_id: str
    village_id: str
    title: str
    domain: str
    severity: str
    quarter: str
    initiated_by: str
    skill_ids: list[str]
    min_level: int
    now: dt.datetime
    deadline: dt.datetime
    actor: str
    note: str


@dataclass(frozen=True)
class CreateResult:
    """Either the checks failed (and nothing was written) or `task` holds the new task's
    {id, createdAt, staffingDeadline}."""

    village_found: bool
    has_location: bool
    unknown_skills: list[str]
    task: Record | None


async def create_emergency_task(graph: Graph, new: NewEmergencyTask) -> CreateResult:
    skill_ids = list(dict.fromkeys(new.skill_ids))

    async def work(tx: Tx) -> CreateResult:
        check = (
            await tx.run(
                "emergency/check_task", {"villageId": new.village_id, "skillIds": skill_ids}
            )
        )[0]
        if not check["villageFound"] or not check["hasLocation"] or check["unknownSkills"]:
            return CreateResult(
                check["villageFound"], check["hasLocation"], check["unknownSkills"], None
            )
        created = await tx.run(
            "emergency/create_task",
            {
                "taskId": new.task_id,
                "eventId": new.event_id,
                "villageId": new.village_id,
                "title": new.title,
                "domain": new.domain,
                "severity": new.severity,
                "quarter": new.quarter,
                "initiatedBy": new.initiated_by,
                "skillIds": skill_ids,
                "minLevel": new.min_level,
                "now": new.now,
                "deadline": new.deadline,
                "actor": new.actor,
                "note": new.note,
            },
        )
        return CreateResult(True, True, [], created[0]["task"] if created else None)

    return await graph.transaction(work)
