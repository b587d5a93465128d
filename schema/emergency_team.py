"""`emergencyTeam`: a proposed team for a village emergency (应急队伍) and its types."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import strawberry

from resolvers import emergency, emergency_team
from schema.common import Info
from schema.person import Person
from schema.skill import PersonSkill, Skill


@strawberry.enum(description="Where a member of a proposed emergency team comes from.")
class TeamSource(Enum):
    STATION = strawberry.enum_value(
        "STATION",
        description="站所人员 / staff of a station (TOWNSHIP_INSTITUTION, e.g. 水利站) of the "
        "village's township holding a requested skill",
    )
    VILLAGE_TEAM = strawberry.enum_value(
        "VILLAGE_TEAM",
        description="本村应急队员 / the village's own people in the township's emergency teams",
    )
    NEAREST = strawberry.enum_value(
        "NEAREST",
        description="就近补充 / the nearest other holder of a skill the others do not cover",
    )


@strawberry.type(description="A member of a proposed emergency team and what they bring.")
class EmergencyTeamMember:
    source: TeamSource
    person: Person
    distance_km: float | None = strawberry.field(
        description="Straight-line distance from the village to the person's unit, in km "
        "(null when a location is not recorded)."
    )
    unit: str | None = strawberry.field(
        description="The station's department (STATION), the emergency teams (VILLAGE_TEAM) or "
        "the unit whose location is the person's (NEAREST)."
    )
    matched_skills: list[PersonSkill] = strawberry.field(
        description="The requested skills the person holds, highest level first."
    )
    covers: list[Skill] = strawberry.field(
        description="The requested skills the person brings at minLevel or above; for NEAREST, "
        "the ones not covered by the members before them."
    )
    available: bool = strawberry.field(
        description="Free of residential village duty (STATIONED, FIRST_SECRETARY, WORK_TEAM) "
        "on asOf."
    )

    @classmethod
    def of(cls, m: emergency_team.TeamMember) -> EmergencyTeamMember:
        return cls(
            source=TeamSource(m.source),
            person=Person.from_row(m.person),
            distance_km=None if m.meters is None else round(float(m.meters) / 1000.0, 3),
            unit=m.unit or None,
            matched_skills=[PersonSkill.from_row(s) for s in m.matched],
            covers=[Skill.from_row(s) for s in m.covers],
            available=m.available,
        )


@strawberry.type(description="A proposed team for a village emergency.")
class EmergencyTeam:
    members: list[EmergencyTeamMember] = strawberry.field(
        description="STATION members (by department name, best level, id), then VILLAGE_TEAM "
        "(by id), then NEAREST (nearest first)."
    )
    uncovered_skills: list[Skill] = strawberry.field(
        description="Requested skills no one within radiusKm holds at minLevel or above."
    )


@strawberry.type
class EmergencyTeamQuery:
    @strawberry.field(
        description="A proposed team for an emergency at a village (应急队伍, as the seed's: "
        "水利站 technicians plus the village's flood-control members): the township's station "
        "staff (TOWNSHIP_INSTITUTION departments) holding a requested skill at minLevel, the "
        "village's own people in the township's emergency teams on asOf, then for each skill "
        "still not covered the nearest other holder within radiusKm (0 < r ≤ 200)."
    )
    async def emergency_team(
        self,
        info: Info,
        village_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="出险村庄编号 (village id of the emergency)"),
        ],
        skill_ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(
                description="所需技能编号，至少一项 (skill ids needed, at least one)"
            ),
        ],
        min_level: Annotated[
            int | None,
            strawberry.argument(
                description="技能最低等级，1 至 5 (minimum level that covers a skill, 1 to 5)"
            ),
        ] = 1,
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(
                description="按此日判断在队与空闲，默认今天 (day for team membership and "
                "availability; default today)"
            ),
        ] = None,
        radius_km: Annotated[
            float | None,
            strawberry.argument(
                description="就近补充的搜索半径（公里），大于 0 且不超过 200 (radius in km for the "
                "nearest others, 0 < r ≤ 200)"
            ),
        ] = emergency.DEFAULT_RADIUS_KM,
    ) -> EmergencyTeam:
        proposal = await emergency_team.emergency_team(
            info.context,
            village_id=str(village_id),
            skill_ids=[str(s) for s in skill_ids],
            min_level=min_level,
            as_of=as_of,
            radius_km=radius_km,
        )
        return EmergencyTeam(
            members=[EmergencyTeamMember.of(m) for m in proposal.members],
            uncovered_skills=[Skill.from_row(s) for s in proposal.uncovered],
        )


QUERIES: tuple[type, ...] = (EmergencyTeamQuery,)
MUTATIONS: tuple[type, ...] = ()
