"""Village work teams (驻村工作队, seed 003): `workTeamComposition` against the structure targets,
`setPersonRank`, `recordWorkTeamReview` and their types (`WorkTeamReview` is also what
`Person.workTeamReviews` lists)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any

import strawberry

from resolvers import workteam
from schema.common import Info, optional_id
from schema.enums import Rank, SendingLevel, ServiceRole
from schema.person import Person
from schema.place import Village


@strawberry.enum(description="A structure target of village work teams (优化派驻结构, seed 003).")
class CompositionTargetKey(Enum):
    PROVINCIAL_OR_MUNICIPAL_SENDERS = strawberry.enum_value(
        "PROVINCIAL_OR_MUNICIPAL_SENDERS",
        description="省市级单位派驻: share of all cadres sent by a PROVINCE or CITY unit "
        "(default target ≥ 0.5)",
    )
    FIRST_SECRETARIES_SECTION_OR_ABOVE = strawberry.enum_value(
        "FIRST_SECRETARIES_SECTION_OR_ABOVE",
        description="科级及以上任第一书记: share of first secretaries ranked DEPUTY_SECTION or "
        "above (default target ≥ 0.4)",
    )
    AGED_25_TO_45 = strawberry.enum_value(
        "AGED_25_TO_45",
        description="主体年龄 25-45 岁: share of all cadres aged 25 to 45 in the year of asOf "
        "(no target by default: the seed names none)",
    )
    UNDER_35 = strawberry.enum_value(
        "UNDER_35",
        description="35 岁以下: share of all cadres under 35 in the year of asOf "
        "(default target ≥ 0.5)",
    )


@strawberry.type(description="A first secretary or work-team member active on asOf.")
class WorkTeamCadre:
    person: Person
    role: ServiceRole = strawberry.field(description="FIRST_SECRETARY or WORK_TEAM.")
    since: dt.date = strawberry.field(description="Start of the term (the service's since).")
    village: Village
    sending_level: SendingLevel | None = strawberry.field(
        description="The level of the person's department (their sending unit)."
    )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> WorkTeamCadre:
        return cls(
            person=Person.from_row(row["person"]),
            role=ServiceRole(row["role"]),
            since=row["since"],
            village=Village.from_row(row["village"]),
            sending_level=SendingLevel(row["level"]) if row.get("level") else None,
        )


@strawberry.type(description="One structure target: the share reached against the target.")
class CompositionTarget:
    key: CompositionTargetKey
    label: str = strawberry.field(description="The target's name as the policy words it.")
    value: float | None = strawberry.field(
        description="counted / total, 0..1 (4 decimals); null when total is 0."
    )
    target: float | None = strawberry.field(
        description="The share to reach (TOWNGRAPH_WORK_TEAM_TARGETS); null when none is set."
    )
    met: bool | None = strawberry.field(
        description="value ≥ target; null without a value or a target."
    )
    counted: int = strawberry.field(description="How many of the denominator are counted.")
    total: int = strawberry.field(
        description="The denominator: first secretaries for FIRST_SECRETARIES_SECTION_OR_ABOVE, "
        "every active cadre otherwise. A missing rank or birth year is never counted."
    )
    people: list[Person] = strawberry.field(description="The people counted, by id.")


@strawberry.type(description="驻村工作队 of a county or township on a day, against the targets.")
class WorkTeamComposition:
    as_of: dt.date
    cadres: list[WorkTeamCadre] = strawberry.field(
        description="Active FIRST_SECRETARY and WORK_TEAM services on asOf in the place's "
        "villages, by person id."
    )
    targets: list[CompositionTarget]
    villages_without_liaison: list[Village] = strawberry.field(
        description="驻镇为主、包村联系: the place's villages without an active LIAISON on asOf, "
        "by id."
    )


@strawberry.type(description="A half-year review (履职评估) of a work-team term, by four parties.")
class WorkTeamReview:
    id: strawberry.ID
    period: str = strawberry.field(description="The half year: 2026H1 (Jan–Jun) or 2026H2.")
    village: Village = strawberry.field(description="Where the term is served.")
    role: ServiceRole = strawberry.field(description="The term's role.")
    term_since: dt.date = strawberry.field(description="Start of the term reviewed.")
    organisation_dept: float = strawberry.field(description="县级组织部门, 0..100.")
    township_committee: float = strawberry.field(description="乡镇党委, 0..100.")
    villagers_reps: float = strawberry.field(description="群众代表, 0..100.")
    third_party: float = strawberry.field(description="第三方评估, 0..100.")
    overall: float = strawberry.field(description="The mean of the four scores, one decimal.")
    comment: str | None
    created_by: str = strawberry.field(description="Who recorded it: the token's `sub`.")
    created_at: dt.datetime

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> WorkTeamReview:
        return cls(
            id=strawberry.ID(row["id"]),
            period=row["period"],
            village=Village.from_row(row["village"]),
            role=ServiceRole(row["role"]),
            term_since=row["termSince"],
            organisation_dept=float(row["organisationDept"]),
            township_committee=float(row["townshipCommittee"]),
            villagers_reps=float(row["villagersReps"]),
            third_party=float(row["thirdParty"]),
            overall=float(row["overall"]),
            comment=row.get("comment"),
            created_by=row["createdBy"],
            created_at=row["createdAt"],
        )


@strawberry.type(description="A review recorded, with the person reviewed.")
class WorkTeamReviewPayload:
    person: Person
    review: WorkTeamReview


@strawberry.type(description="A person's rank set, with the rank before and who set it when.")
class SetRankPayload:
    person: Person
    previous_rank: Rank | None
    actor: str = strawberry.field(
        description="Who made the change: the `sub` of the caller's token."
    )
    at: dt.datetime


@strawberry.type
class WorkTeamQuery:
    @strawberry.field(
        description="驻村工作队 structure of a county or a township (exactly one of countyId, "
        "townshipId) on asOf (default today): the active first secretaries and work-team "
        "members, each structure target with its share, and villages without a liaison."
    )
    async def work_team_composition(
        self,
        info: Info,
        county_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="县编号，与 townshipId 二选一 (county id; or give townshipId)"
            ),
        ] = None,
        township_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="乡镇编号，与 countyId 二选一 (township id; or give countyId)"
            ),
        ] = None,
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(description="统计日期，默认今天 (the day counted; default today)"),
        ] = None,
    ) -> WorkTeamComposition:
        found = await workteam.work_team_composition(
            info.context,
            county_id=optional_id(county_id),
            township_id=optional_id(township_id),
            as_of=as_of,
        )
        return WorkTeamComposition(
            as_of=found.as_of,
            cadres=[WorkTeamCadre.from_row(r) for r in found.cadres],
            targets=[
                CompositionTarget(
                    key=CompositionTargetKey(t.key),
                    label=t.label,
                    value=t.value,
                    target=t.target,
                    met=t.met,
                    counted=len(t.counted),
                    total=t.total,
                    people=[Person.from_row(p) for p in t.counted],
                )
                for t in found.targets
            ],
            villages_without_liaison=[Village.from_row(v) for v in found.villages_without_liaison],
        )


@strawberry.type
class WorkTeamMutation:
    @strawberry.mutation(description="Sets a person's rank (职级); null removes it.")
    async def set_person_rank(
        self,
        info: Info,
        person_id: Annotated[
            strawberry.ID, strawberry.argument(description="人员编号 (person id)")
        ],
        rank: Annotated[
            Rank | None,
            strawberry.argument(description="职级，null 表示清除 (rank; null removes it)"),
        ],
    ) -> SetRankPayload:
        row = await workteam.set_person_rank(
            info.context, person_id=str(person_id), rank=rank.name if rank else None
        )
        return SetRankPayload(
            person=Person.from_row(row["person"]),
            previous_rank=Rank(row["previous"]) if row["previous"] else None,
            actor=row["actor"],
            at=row["at"],
        )

    @strawberry.mutation(
        description="Records the half-year review (每半年履职评估) of a first-secretary or "
        "work-team term — the person's service in the village from termSince — with the scores "
        "(0..100) of the four parties (四方评价); overall is their mean. One review per term "
        "and half year; the half year must overlap the term."
    )
    async def record_work_team_review(
        self,
        info: Info,
        person_id: Annotated[
            strawberry.ID, strawberry.argument(description="人员编号 (person id)")
        ],
        village_id: Annotated[
            strawberry.ID, strawberry.argument(description="任期所在村编号 (village of the term)")
        ],
        term_since: Annotated[
            dt.date, strawberry.argument(description="任期开始日期 (first day of the term)")
        ],
        period: Annotated[
            str, strawberry.argument(description="半年度，如 2026H1 (half year, e.g. 2026H1)")
        ],
        organisation_dept: Annotated[
            float,
            strawberry.argument(
                description="县委组织部评分，0 至 100 (county organisation department's score, "
                "0 to 100)"
            ),
        ],
        township_committee: Annotated[
            float,
            strawberry.argument(
                description="乡镇党委评分，0 至 100 (township party committee's score, 0 to 100)"
            ),
        ],
        villagers_reps: Annotated[
            float,
            strawberry.argument(
                description="村民代表评分，0 至 100 (villagers' representatives' score, 0 to 100)"
            ),
        ],
        third_party: Annotated[
            float,
            strawberry.argument(description="第三方评分，0 至 100 (third party's score, 0 to 100)"),
        ],
        comment: Annotated[str | None, strawberry.argument(description="评语 (comment)")] = None,
    ) -> WorkTeamReviewPayload:
        row = await workteam.record_review(
            info.context,
            workteam.NewReview(
                person_id=str(person_id),
                village_id=str(village_id),
                term_since=term_since,
                period=period,
                scores={
                    "organisationDept": organisation_dept,
                    "townshipCommittee": township_committee,
                    "villagersReps": villagers_reps,
                    "thirdParty": third_party,
                },
                comment=comment,
            ),
        )
        return WorkTeamReviewPayload(
            person=Person.from_row(row["person"]),
            review=WorkTeamReview.from_row({**row["review"], "village": row["village"]}),
        )


QUERIES: tuple[type, ...] = (WorkTeamQuery,)
MUTATIONS: tuple[type, ...] = (WorkTeamMutation,)
