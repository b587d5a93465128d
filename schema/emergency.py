"""Emergency muster (突发事件快速响应): `emergencyRoster`, `respondToEmergency`,
`acknowledgeEmergency` and their types.

Every field of a roster entry comes from the one roster query; only the fields of `person`
below it go through the per-request DataLoaders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from model.emergency import DEFAULT_BAND_KM
from resolvers import acknowledgement, emergency
from schema.common import Info
from schema.person import Person
from schema.skill import PersonSkill

if TYPE_CHECKING:
    from schema.task_types import Task

# schema/task_types.py imports Severity from here: the Task type is referenced lazily.
TaskRef = Annotated["Task", strawberry.lazy("schema.task_types")]


@strawberry.enum(
    description="Severity of an emergency (I most severe): sets the staffing deadline."
)
class Severity(Enum):
    # The names are the GraphQL contract (Roman numerals, as the response plans write them).
    I = strawberry.enum_value(  # noqa: E741
        "I", description="特别重大 / most severe (default: staff in 30 min)"
    )
    II = strawberry.enum_value("II", description="重大 / severe (default: staff in 2 h)")
    III = strawberry.enum_value("III", description="较大 / serious (default: staff in 24 h)")


@strawberry.enum(description="How emergencyRoster ranks the people in reach.")
class RosterOrder(Enum):
    DISTANCE = strawberry.enum_value(
        "DISTANCE",
        description="按距离 / nearest first, then emergency-team members, highest matched level, "
        "id (the default)",
    )
    LEVEL_WITHIN_BANDS = strawberry.enum_value(
        "LEVEL_WITHIN_BANDS",
        description="距离分段内按等级 / by distance band (bandKm wide), then the best matched "
        "level within the band, then distance, then id",
    )


@strawberry.type(
    description="Someone who can reach the village: an active member of an emergency team "
    "(应急队伍) or a holder of one of the requested skills."
)
class RosterEntry:
    person: Person
    distance_km: float = strawberry.field(
        description="Straight-line distance from the village to the person's unit (their "
        "department's village, township or county), in km."
    )
    in_emergency_team: bool = strawberry.field(
        description="An active member of an EMERGENCY_TEAM on asOf."
    )
    matched_skills: list[PersonSkill] = strawberry.field(
        description="The requested skills the person holds, highest level first."
    )
    emergency_teams: list[str] = strawberry.field(
        description="Names of the emergency teams the person is an active member of, by name."
    )
    available: bool = strawberry.field(
        description="Free of residential village duty (STATIONED, FIRST_SECRETARY, WORK_TEAM) "
        "on asOf."
    )
    unit: str = strawberry.field(
        description="Name of the unit whose location is the person's (village, township or county)."
    )
    band: int = strawberry.field(
        description="距离分段: the distance band the person is in, 0 for less than bandKm, 1 for "
        "bandKm up to twice it, and so on (whatever the order)."
    )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> RosterEntry:
        return cls(
            person=Person.from_row(row["person"]),
            distance_km=round(float(row["meters"]) / 1000.0, 3),
            in_emergency_team=bool(row["teams"]),
            matched_skills=[PersonSkill.from_row(m) for m in row["matched"]],
            emergency_teams=list(row["teams"]),
            available=bool(row["available"]),
            unit=row["unit"]["name"],
            band=int(row["band"]),
        )


@strawberry.type(description="The EMERGENCY task a response created, and who can reach the place.")
class EmergencyResponse:
    task_id: strawberry.ID = strawberry.field(description="The new task (kind EMERGENCY).")
    severity: Severity
    created_at: dt.datetime
    staffing_deadline: dt.datetime = strawberry.field(
        description="createdAt plus the response standard for the severity."
    )
    response_minutes: int = strawberry.field(
        description="The response standard applied: minutes from creation to staffing."
    )
    roster: list[RosterEntry] = strawberry.field(
        description="emergencyRoster for the village and skills, as of today."
    )

    @strawberry.field(description="The EMERGENCY task created; see staffedWithinStandard.")
    async def task(self, info: Info) -> TaskRef:
        from resolvers.task_queries import task
        from schema.task_types import Task

        row = await task(info.context, str(self.task_id))
        if row is None:  # it was created by this very request
            raise RuntimeError(f"emergency task {self.task_id} vanished")
        return Task.from_row(row)


@strawberry.type(
    description="到岗确认: a person on an EMERGENCY task confirmed they are on the way; "
    "recorded once, never edited."
)
class Acknowledgement:
    person: Person
    at: dt.datetime = strawberry.field(description="When it was recorded (server time).")
    eta_minutes: int | None = strawberry.field(
        description="Minutes until the person expects to be on the spot, as they said."
    )
    recorded_by: str = strawberry.field(
        description="Who recorded it: the `sub` of the token (the person or a clerk)."
    )
    recorded_by_name: str | None = strawberry.field(
        description="Their display name (the token's `name`), when it had one."
    )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Acknowledgement:
        return cls(
            person=Person.from_row(row["person"]),
            at=row["at"],
            eta_minutes=row.get("etaMinutes"),
            recorded_by=row.get("recordedBy") or "anonymous",
            recorded_by_name=row.get("recordedByName"),
        )


@strawberry.type(description="An acknowledgement just recorded, and the task it is for.")
class AcknowledgementPayload:
    at: dt.datetime = strawberry.field(description="When it was recorded (server time).")
    eta_minutes: int | None = strawberry.field(description="The ETA given, in minutes.")
    task: TaskRef = strawberry.field(
        description="The task; see acknowledgements and awaitingAcknowledgement."
    )


def _ids(values: list[strawberry.ID]) -> list[str]:
    return [str(v) for v in values]


@strawberry.type
class EmergencyQuery:
    @strawberry.field(
        description="Who can reach this village fast (突发事件快速响应): active members of "
        "emergency teams and holders of any of the skills, located within radiusKm (0 < r ≤ 200) "
        "of the village. Nearest first, then emergency-team members, then highest matched "
        "level, then id; first ≤ 200. orderBy LEVEL_WITHIN_BANDS ranks by distance band of "
        "bandKm (0 < b ≤ 200, default 5), then the best matched level, then distance, then id."
    )
    async def emergency_roster(
        self,
        info: Info,
        village_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="出险村庄编号 (village id of the emergency)"),
        ],
        skill_ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(
                description="所需技能编号，持有任一即可 (skill ids; holding any one counts)"
            ),
        ],
        radius_km: Annotated[
            float | None,
            strawberry.argument(
                description="搜索半径（公里），大于 0 且不超过 200 (radius in km, 0 < r ≤ 200)"
            ),
        ] = emergency.DEFAULT_RADIUS_KM,
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(
                description="按此日判断在队与空闲 (day for team membership and availability)"
            ),
        ] = None,
        first: Annotated[
            int | None,
            strawberry.argument(
                description="最多返回人数，1 至 200 (at most this many people, 1 to 200)"
            ),
        ] = emergency.DEFAULT_FIRST,
        order_by: Annotated[
            RosterOrder,
            strawberry.argument(
                description="排序方式：按距离，或距离分段内按技能等级 (ranking: DISTANCE, or "
                "LEVEL_WITHIN_BANDS)"
            ),
        ] = RosterOrder.DISTANCE,
        band_km: Annotated[
            float | None,
            strawberry.argument(
                description="距离分段宽度（公里），大于 0 且不超过 200 (width of a distance band "
                "in km, 0 < b ≤ 200)"
            ),
        ] = DEFAULT_BAND_KM,
    ) -> list[RosterEntry]:
        rows = await emergency.emergency_roster(
            info.context,
            village_id=str(village_id),
            skill_ids=_ids(skill_ids),
            radius_km=radius_km,
            as_of=as_of,
            first=first,
            order=order_by.name,
            band_km=band_km,
        )
        return [RosterEntry.from_row(r) for r in rows]


@strawberry.type
class EmergencyMutation:
    @strawberry.mutation(
        description="Responds to an emergency at a village: creates an EMERGENCY task "
        "(status INITIATED) requiring the skills at minLevel, with a staffing deadline from "
        "the response standard of its severity, and returns the roster."
    )
    async def respond_to_emergency(
        self,
        info: Info,
        village_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="出险村庄编号 (village id of the emergency)"),
        ],
        severity: Annotated[
            Severity,
            strawberry.argument(
                description="事件等级，决定调配时限 (severity: sets the staffing deadline)"
            ),
        ],
        title: Annotated[
            str, strawberry.argument(description="任务标题，例如“汛期堤坝管涌险情” (task title)")
        ],
        skill_ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description="所需技能编号 (skill ids the task requires)"),
        ],
        min_level: Annotated[
            int | None,
            strawberry.argument(
                description="技能最低等级，1 至 5 (minimum level of the skills, 1 to 5)"
            ),
        ] = 1,
        domain: Annotated[
            str | None,
            strawberry.argument(
                description="任务领域，默认 EMERGENCY (task domain; default EMERGENCY)"
            ),
        ] = emergency.EMERGENCY_DOMAIN,
        radius_km: Annotated[
            float | None,
            strawberry.argument(
                description="花名册半径（公里） (roster radius in km, 0 < r ≤ 200)"
            ),
        ] = emergency.DEFAULT_RADIUS_KM,
        first: Annotated[
            int | None,
            strawberry.argument(
                description="花名册最多人数 (at most this many on the roster, 1 to 200)"
            ),
        ] = emergency.DEFAULT_FIRST,
    ) -> EmergencyResponse:
        response = await emergency.respond_to_emergency(
            info.context,
            village_id=str(village_id),
            severity=severity.name,
            title=title,
            skill_ids=_ids(skill_ids),
            min_level=min_level,
            domain=domain,
            radius_km=radius_km,
            first=first,
        )
        return EmergencyResponse(
            task_id=strawberry.ID(response.task_id),
            severity=Severity[response.severity],
            created_at=response.created_at,
            staffing_deadline=response.staffing_deadline,
            response_minutes=response.response_minutes,
            roster=[RosterEntry.from_row(r) for r in response.roster],
        )

    @strawberry.mutation(
        description="到岗确认: a person on an EMERGENCY task confirms they are on the way, with "
        "an ETA; the server records when. Allowed to the person themself (the token's "
        "`person` claim) or to a clerk who may change the task; refused for a person not on "
        "the task, a second time for the same person, or once the task is CLOSED or CANCELLED."
    )
    async def acknowledge_emergency(
        self,
        info: Info,
        task_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="突发事件任务编号 (the EMERGENCY task id)"),
        ],
        person_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="确认到岗的人员编号 (the person on the way)"),
        ],
        eta_minutes: Annotated[
            int | None,
            strawberry.argument(
                description="预计到达分钟数，0 至 1440 (minutes until arrival, 0 to 1440)"
            ),
        ] = None,
    ) -> AcknowledgementPayload:
        from schema.task_types import Task

        ack, task = await acknowledgement.acknowledge_emergency(
            info.context, task_id=str(task_id), person_id=str(person_id), eta_minutes=eta_minutes
        )
        return AcknowledgementPayload(
            at=ack["at"], eta_minutes=ack.get("etaMinutes"), task=Task.from_row(task)
        )


QUERIES: tuple[type, ...] = (EmergencyQuery,)
MUTATIONS: tuple[type, ...] = (EmergencyMutation,)
