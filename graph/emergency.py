"""Emergency muster (突发事件快速响应): the roster of who can reach a village fast, and the
EMERGENCY task that a response creates, and the acknowledgements of the people on it.

The roster is ONE Cypher query (units in reach through the POINT indexes, then their people, with
everything the API returns about them); `check_task` is the check a response runs in its write
transaction before the task is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict, cast

from graph.batch import grouped
from graph.db import Graph, Record, Tx
from graph.rows import PersonNode, SkillLevelRow, SkillNode
from model.emergency import DEFAULT_BAND_KM, STATION_KINDS, VILLAGE_TEAM_KINDS
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
    band: int  # the distance band: 0 for [0, band width), 1 for the next…


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
    rows: list[RosterRow]  # in the ranking asked for


async def roster(
    graph: Graph,
    *,
    village_id: str,
    skill_ids: list[str],
    meters: float,
    as_of: dt.date,
    first: int,
    by_level: bool = False,
    band_meters: float = DEFAULT_BAND_KM * 1000.0,
) -> RosterResult:
    """The roster ranked by distance, or with `by_level` by band of `band_meters`, then the
    best matched level within a band (see the query's header)."""
    rows = await graph.read(
        "emergency/roster",
        {
            "villageId": village_id,
            "skillIds": list(dict.fromkeys(skill_ids)),
            "meters": float(meters),
            "asOf": as_of,
            "first": first,
            "residentialRoles": list(RESIDENTIAL_ROLES),
            "byLevel": by_level,
            "bandMeters": float(band_meters),
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


# --- acknowledgements (who confirmed they are on the way) --------------------------------------


@dataclass(frozen=True)
class NewAcknowledgement:
    id: str
    task_id: str
    person_id: str
    at: dt.datetime
    eta_minutes: int | None
    recorded_by: str
    recorded_by_name: str | None


@dataclass(frozen=True)
class AcknowledgeCheck:
    person_found: bool
    previous: Record | None  # the person's acknowledgement of the task, when given already


async def acknowledge_check(tx: Tx, *, task_id: str, person_id: str) -> AcknowledgeCheck:
    """Run after the task's lock (graph.task.lock), so a second acknowledgement cannot slip in."""
    rows = await tx.run("emergency/acknowledged", {"taskId": task_id, "personId": person_id})
    row = rows[0]
    return AcknowledgeCheck(bool(row["personFound"]), row["acknowledgement"])


async def acknowledge(tx: Tx, ack: NewAcknowledgement) -> Record:
    """Writes the acknowledgement; its checks must have passed."""
    rows = await tx.run(
        "emergency/acknowledge",
        {
            "taskId": ack.task_id,
            "personId": ack.person_id,
            "ack": {
                "id": ack.id,
                "at": ack.at,
                "etaMinutes": ack.eta_minutes,
                "recordedBy": ack.recorded_by,
                "recordedByName": ack.recorded_by_name,
            },
        },
    )
    written: Record = rows[0]["acknowledgement"]
    return written


async def acknowledgements(graph: Graph, ids: Sequence[str]) -> list[list[Record]]:
    """[{person, at, etaMinutes, recordedBy, recordedByName}] of each task, oldest first."""
    return await grouped(graph, "emergency/acknowledgements", ids)


async def unacknowledged(graph: Graph, ids: Sequence[str], today: dt.date) -> list[list[Record]]:
    """The people on each task (assignments not ended on `today`) who have not acknowledged it."""
    return await grouped(graph, "emergency/unacknowledged", ids, today=today)


# --- the proposed team -------------------------------------------------------------------------


class StationRow(TypedDict):
    person: PersonNode
    department: dict[str, str]  # {id, name}
    meters: float | None
    matched: list[SkillLevelRow]
    available: bool


class VillageTeamRow(TypedDict):
    person: PersonNode
    teams: list[str]
    meters: float | None
    matched: list[SkillLevelRow]
    available: bool


class _TeamPage(_Checks):
    skills: list[SkillNode]
    station: list[StationRow]
    village: list[VillageTeamRow]


@dataclass(frozen=True)
class TeamBase:
    """The first two parts of a proposed team: the township's station staff who hold a requested
    skill, and the village's own emergency-team members."""

    village_found: bool
    has_location: bool
    unknown_skills: list[str]
    skills: list[SkillNode]
    station: list[StationRow]
    village: list[VillageTeamRow]


async def team_base(
    graph: Graph,
    *,
    village_id: str,
    skill_ids: list[str],
    min_level: int,
    as_of: dt.date,
) -> TeamBase:
    rows = await graph.read(
        "emergency/team_base",
        {
            "villageId": village_id,
            "skillIds": list(dict.fromkeys(skill_ids)),
            "minLevel": min_level,
            "asOf": as_of,
            "stationKinds": list(STATION_KINDS),
            "teamKinds": list(VILLAGE_TEAM_KINDS),
            "residentialRoles": list(RESIDENTIAL_ROLES),
        },
    )
    row = cast(list[_TeamPage], rows)[0]
    for r in [*row["station"], *row["village"]]:
        r["matched"].sort(key=lambda m: (-m["level"], m["skill"]["id"]))
    for v in row["village"]:
        v["teams"].sort()
    return TeamBase(
        village_found=row["villageFound"],
        has_location=row["hasLocation"],
        unknown_skills=row["unknownSkills"],
        skills=row["skills"],
        # By department name, best matched level (first after the sort above), person id.
        station=sorted(
            row["station"],
            key=lambda r: (r["department"]["name"], -r["matched"][0]["level"], r["person"]["id"]),
        ),
        village=sorted(row["village"], key=lambda r: r["person"]["id"]),
    )
