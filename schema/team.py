"""Teams: the three organisational layers (协同领导小组, 协同工作专班, 专项协同小组) and the
response teams (应急队伍, 驻村工作队) — the Team type, its memberships, `team(id)`, the membership
mutations, and the helpers behind `Township.teams` and `Person.teams(activeOn)`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any

import strawberry

from resolvers import team as team_resolvers
from schema.common import Info, Node, optional_id
from schema.person import Person
from schema.place import County, Township

__all__ = [
    "MUTATIONS",
    "QUERIES",
    "Team",
    "TeamKind",
    "TeamMembership",
    "teams_of_person",
    "teams_of_township",
]


@strawberry.enum(description="What a team is for.")
class TeamKind(Enum):
    LEADING_GROUP = strawberry.enum_value(
        "LEADING_GROUP", description="协同领导小组: led by a deputy township head"
    )
    WORKING_TEAM = strawberry.enum_value(
        "WORKING_TEAM", description="协同工作专班: township backbone staff and village 两委"
    )
    SPECIAL_GROUP = strawberry.enum_value(
        "SPECIAL_GROUP", description="专项协同小组: per task domain, matched by specialty"
    )
    EMERGENCY_TEAM = strawberry.enum_value("EMERGENCY_TEAM", description="应急队伍")
    VILLAGE_WORK_TEAM = strawberry.enum_value("VILLAGE_WORK_TEAM", description="驻村工作队")


@strawberry.type(description="A person's membership of a team (MEMBER_OF), seen from the team.")
class TeamMember:
    person: Person
    role: str = strawberry.field(description="Free text, e.g. 组长 / 成员 / LEADER / MEMBER.")
    since: dt.date
    until: dt.date | None = strawberry.field(description="Inclusive; null while ongoing.")

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> TeamMember:
        return cls(
            person=Person.from_row(row["person"]),
            role=row["role"],
            since=row["since"],
            until=row.get("until"),
        )


@strawberry.type(
    description="A team of a township or a county: a collaboration layer or a response team."
)
class Team(Node):
    id: strawberry.ID
    name: str
    kind: TeamKind
    domain: str | None = strawberry.field(description="The field of work of a special group.")

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Team:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row["name"],
            kind=TeamKind(row["kind"]),
            domain=row.get("domain"),
        )

    @strawberry.field(description="The township the team is of; null for a county team.")
    async def township(self, info: Info) -> Township | None:
        unit = await team_resolvers.unit(info.context, self.id)
        return Township.from_row(unit["node"]) if unit and unit["kind"] == "Township" else None

    @strawberry.field(description="The county the team is of; null for a township team.")
    async def county(self, info: Info) -> County | None:
        unit = await team_resolvers.unit(info.context, self.id)
        return County.from_row(unit["node"]) if unit and unit["kind"] == "County" else None

    @strawberry.field(
        description="Memberships, by since then person id; only those active on activeOn "
        "when it is given (since ≤ activeOn ≤ until)."
    )
    async def members(
        self,
        info: Info,
        active_on: Annotated[
            dt.date | None,
            strawberry.argument(
                description="只看这一天有效的成员 (only memberships active on this day)"
            ),
        ] = None,
    ) -> list[TeamMember]:
        rows = await team_resolvers.members(info.context, self.id, active_on)
        return [TeamMember.from_row(r) for r in rows]


@strawberry.type(description="A person's membership of a team (MEMBER_OF), seen from the person.")
class TeamMembership:
    team: Team
    role: str
    since: dt.date
    until: dt.date | None = strawberry.field(description="Inclusive; null while ongoing.")

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> TeamMembership:
        return cls(
            team=Team.from_row(row["team"]),
            role=row["role"],
            since=row["since"],
            until=row.get("until"),
        )


async def teams_of_township(info: Info, township_id: strawberry.ID | str) -> list[Team]:
    """For `Township.teams`: the teams of the township, by kind, name, id; batched."""
    rows = await team_resolvers.township_teams(info.context, str(township_id))
    return [Team.from_row(r) for r in rows]


async def teams_of_person(
    info: Info, person_id: strawberry.ID | str, active_on: dt.date | None = None
) -> list[TeamMembership]:
    """For `Person.teams(activeOn)`: the person's memberships, newest first; batched."""
    rows = await team_resolvers.person_teams(info.context, str(person_id), active_on)
    return [TeamMembership.from_row(r) for r in rows]


@strawberry.type
class TeamQuery:
    @strawberry.field(description="A team by id, or null.")
    async def team(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="队伍编号 (team id)")],
    ) -> Team | None:
        row = await team_resolvers.team(info.context, str(id))
        return Team.from_row(row) if row else None


@strawberry.type
class TeamMutation:
    @strawberry.mutation(
        description="A new team of a township or a county (give exactly one); the id is "
        "generated when not given."
    )
    async def create_team(
        self,
        info: Info,
        name: Annotated[str, strawberry.argument(description="队伍名称 (team name)")],
        kind: Annotated[TeamKind, strawberry.argument(description="队伍类型 (kind of team)")],
        domain: Annotated[
            str | None,
            strawberry.argument(description="工作领域，可不填 (domain of work, optional)"),
        ] = None,
        township_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="所属乡镇编号，与县二选一 (township id; give this or countyId)"
            ),
        ] = None,
        county_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="所属县编号，与乡镇二选一 (county id; give this or townshipId)"
            ),
        ] = None,
        id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="队伍编号；不填则自动生成 (team id; generated when omitted)"
            ),
        ] = None,
    ) -> Team:
        row = await team_resolvers.create_team(
            info.context,
            team_id=optional_id(id),
            name=name,
            kind=kind.name,
            domain=domain,
            township_id=optional_id(township_id),
            county_id=optional_id(county_id),
        )
        return Team.from_row(row)

    @strawberry.mutation(
        description="Adds a person to a team in a role from since (default today); refused "
        "when they already have a membership of the team that is open or ends on or after since."
    )
    async def add_team_member(
        self,
        info: Info,
        team_id: Annotated[strawberry.ID, strawberry.argument(description="队伍编号 (team id)")],
        person_id: Annotated[
            strawberry.ID, strawberry.argument(description="人员编号 (person id)")
        ],
        role: Annotated[
            str,
            strawberry.argument(
                description="在队伍中的角色，如 组长、成员 (role in the team, e.g. 组长, 成员)"
            ),
        ],
        since: Annotated[
            dt.date | None,
            strawberry.argument(description="加入日期，默认今天 (first day; default today)"),
        ] = None,
    ) -> Team:
        row = await team_resolvers.add_team_member(
            info.context, str(team_id), str(person_id), role, since
        )
        return Team.from_row(row)

    @strawberry.mutation(
        description="Ends a person's active membership of a team on until (inclusive, default "
        "today; not before the membership's since)."
    )
    async def end_team_membership(
        self,
        info: Info,
        team_id: Annotated[strawberry.ID, strawberry.argument(description="队伍编号 (team id)")],
        person_id: Annotated[
            strawberry.ID, strawberry.argument(description="人员编号 (person id)")
        ],
        until: Annotated[
            dt.date | None,
            strawberry.argument(
                description="结束日期，含当日，默认今天 (last day, inclusive; default today)"
            ),
        ] = None,
    ) -> Team:
        row = await team_resolvers.end_team_membership(
            info.context, str(team_id), str(person_id), until
        )
        return Team.from_row(row)


QUERIES: tuple[type, ...] = (TeamQuery,)
MUTATIONS: tuple[type, ...] = (TeamMutation,)
