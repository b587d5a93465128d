"""Teams (协同领导小组, 工作专班, 专项小组, 应急队伍, 驻村工作队) and their memberships: batched
reads, and the writes of createTeam / addTeamMember / endTeamMembership, run inside a caller's
`Graph.transaction` after `membership_check` (which takes the team's write lock)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict, cast

from graph.batch import grouped as _grouped
from graph.db import Graph, Tx
from graph.rows import PersonNode, TeamNode, UnitRow


class TeamMemberRow(TypedDict):
    """A membership seen from the team."""

    person: PersonNode
    role: str
    since: dt.date
    until: dt.date | None


class PersonTeamRow(TypedDict):
    """A membership seen from the person."""

    team: TeamNode
    role: str
    since: dt.date
    until: dt.date | None


class MembershipRow(TypedDict):
    role: str
    since: dt.date
    until: dt.date | None


# --- reads, batched over keys -----------------------------------------------------------------


async def teams_by_id(graph: Graph, ids: Sequence[str]) -> list[TeamNode | None]:
    found = cast(list[list[TeamNode]], await _grouped(graph, "team/lookup", ids))
    return [items[0] if items else None for items in found]


async def team_units(graph: Graph, ids: Sequence[str]) -> list[UnitRow | None]:
    """{kind: 'Township' | 'County', node} each team is OF."""
    found = cast(list[list[UnitRow]], await _grouped(graph, "team/unit", ids))
    return [items[0] if items else None for items in found]


async def team_members(graph: Graph, ids: Sequence[str]) -> list[list[TeamMemberRow]]:
    """[{person, role, since, until}] of each team, by since then person id."""
    return cast(list[list[TeamMemberRow]], await _grouped(graph, "team/members", ids))


async def teams_of_townships(graph: Graph, ids: Sequence[str]) -> list[list[TeamNode]]:
    """The teams OF each township, by kind, name, id."""
    return cast(list[list[TeamNode]], await _grouped(graph, "team/of_townships", ids))


async def teams_of_people(graph: Graph, ids: Sequence[str]) -> list[list[PersonTeamRow]]:
    """[{team, role, since, until}] of each person, newest since first."""
    return cast(list[list[PersonTeamRow]], await _grouped(graph, "team/of_people", ids))


# --- writes, inside the caller's transaction --------------------------------------------------


@dataclass(frozen=True)
class NewTeam:
    id: str
    name: str
    kind: str
    domain: str | None
    township_id: str | None
    county_id: str | None
    created_at: dt.datetime
    created_by: str


async def create_check(tx: Tx, team: NewTeam) -> tuple[bool, bool]:
    """(a team with the id exists, the unit exists)."""
    rows = await tx.run(
        "team/create_check",
        {"teamId": team.id, "townshipId": team.township_id, "countyId": team.county_id},
    )
    return bool(rows[0]["teamExists"]), bool(rows[0]["unitFound"])


async def create(tx: Tx, team: NewTeam) -> TeamNode:
    rows = await tx.run(
        "team/create",
        {
            "team": {
                "id": team.id,
                "name": team.name,
                "kind": team.kind,
                "domain": team.domain,
                "createdAt": team.created_at,
                "createdBy": team.created_by,
            },
            "townshipId": team.township_id,
            "countyId": team.county_id,
        },
    )
    return cast(TeamNode, rows[0]["team"])


class _MembershipCheckRow(TypedDict):
    team: TeamNode | None
    person: PersonNode | None
    memberships: list[MembershipRow]


@dataclass(frozen=True)
class MembershipState:
    team: TeamNode | None
    person: PersonNode | None
    memberships: list[MembershipRow]  # newest since first


async def membership_check(tx: Tx, team_id: str, person_id: str) -> MembershipState:
    """Locks the team (when it exists) and reads the person's memberships of it."""
    rows = await tx.run("team/membership_check", {"teamId": team_id, "personId": person_id})
    row = cast(list[_MembershipCheckRow], rows)[0]
    return MembershipState(row["team"], row["person"], row["memberships"])


async def add_member(
    tx: Tx,
    team_id: str,
    person_id: str,
    *,
    role: str,
    since: dt.date,
    actor: str,
    at: dt.datetime,
) -> None:
    await tx.run(
        "team/add_member",
        {
            "teamId": team_id,
            "personId": person_id,
            "role": role,
            "since": since,
            "actor": actor,
            "at": at,
        },
    )


async def end_member(
    tx: Tx, team_id: str, person_id: str, *, until: dt.date, actor: str, at: dt.datetime
) -> None:
    await tx.run(
        "team/end_member",
        {"teamId": team_id, "personId": person_id, "until": until, "actor": actor, "at": at},
    )
