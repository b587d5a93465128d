"""Emergency muster (突发事件快速响应): the roster of who can reach a village fast, and the
EMERGENCY task that a response creates.

The roster is ONE Cypher query (units in reach through the POINT indexes, then their people, with
everything the API returns about them); `check_task` is the check a response runs in its write
transaction before the task is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict, cast

from graph.db import Graph, Tx
from graph.rows import PersonNode, SkillLevelRow
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
class TaskCheck:
    """What respondToEmergency checks inside its write transaction before the task is written."""

    village_found: bool
    has_location: bool
    unknown_skills: list[str]


async def check_task(tx: Tx, *, village_id: str, skill_ids: list[str]) -> TaskCheck:
    """The village (it must have a location, for the roster) and the skills of an EMERGENCY
    task; the task itself is written the way every task is (graph.task.initiate)."""
    rows = await tx.run(
        "emergency/check_task",
        {"villageId": village_id, "skillIds": list(dict.fromkeys(skill_ids))},
    )
    row = rows[0]
    return TaskCheck(row["villageFound"], row["hasLocation"], row["unknownSkills"])
