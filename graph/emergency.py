"""Emergency muster (突发事件快速响应): the roster of who can reach a village fast, and the
EMERGENCY task that a response creates.

The roster is ONE Cypher query (units in reach through the POINT indexes, then their people, with
everything the API returns about them); creating the task is ONE write transaction that checks the
village and the skills first and writes nothing when they do not hold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict, cast

from graph.db import Graph, Record, Tx
from graph.rows import PersonNode, SkillLevelRow
from graph.task import NewTask, initiate
from model.people import RESIDENTIAL_ROLES


class RosterUnit(TypedDict):
    id: str
    name: str
    kind: str  # 'VILLAGE' | 'TOWNSHIP' | 'COUNTY'


class RosterRow(TypedDict):
    person: PersonNode
    meters: float
    unit: RosterUnit
    teams: list[str]
    matched: list[SkillLevelRow]
    available: bool


class _Checks(TypedDict):
    villageFound: bool
    hasLocation: bool
    unknownSkills: list[str]


class _RosterPage(_Checks):
    roster: list[RosterRow]


@dataclass(frozen=True)
class RosterResult:
    village_found: bool
    has_location: bool
    unknown_skills: list[str]
    rows: list[RosterRow]  # nearest first


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
            "residentialRoles": list(RESIDENTIAL_ROLES),
        },
    )
    row = cast(list[_RosterPage], rows)[0]
    return RosterResult(
        village_found=row["villageFound"],
        has_location=row["hasLocation"],
        unknown_skills=row["unknownSkills"],
        rows=row["roster"],
    )


@dataclass(frozen=True)
class CreateResult:
    """Either the checks failed (and nothing was written) or `task` holds the new task's
    {id, createdAt, staffingDeadline}."""

    village_found: bool
    has_location: bool
    unknown_skills: list[str]
    task: Record | None


async def create_emergency_task(graph: Graph, task: NewTask) -> CreateResult:
    """Checks the village (it must have a location, for the roster) and the skills, then writes
    the EMERGENCY task the way every task is initiated (graph.task.initiate), in one
    transaction; nothing is written when a check fails."""
    skill_ids = list(dict.fromkeys(s for s, _ in task.requires))

    async def work(tx: Tx) -> CreateResult:
        rows = await tx.run(
            "emergency/check_task", {"villageId": task.village_id, "skillIds": skill_ids}
        )
        check = cast(list[_Checks], rows)[0]
        if not check["villageFound"] or not check["hasLocation"] or check["unknownSkills"]:
            return CreateResult(
                check["villageFound"], check["hasLocation"], check["unknownSkills"], None
            )
        return CreateResult(True, True, [], await initiate(tx, task))

    return await graph.transaction(work)
