"""The excellence quota (优秀, seed 004): `excellenceSelection` proposes the shortlist and both
picks of a department's year, `recordExcellencePicks` records one side's actual picks."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers import excellence
from resolvers.assessment import Assessment as Assessed
from schema.assessment import YEAR, AssessedUnit, Assessment, AssessmentSide
from schema.common import Info


@strawberry.type(
    description="优秀 25 % = 12.5 % + 12.5 %: the shortlist (top 40 % by combined score) and "
    "the picks of the department (first) and of the township (from the rest of the shortlist)."
)
class ExcellenceSelection:
    department: AssessedUnit
    year: int
    scored: int = strawberry.field(description="People with a combined score.")
    shortlist_size: int
    department_quota: int
    township_quota: int
    rule: str = strawberry.field(description="How the quotas are rounded.")
    shortlist: list[Assessment] = strawberry.field(
        description="By combined score, highest first; ties by person id."
    )
    department_picks: list[Assessment] = strawberry.field(
        description="Recorded, or else proposed: the shortlist's best by the department's own "
        "score."
    )
    department_recorded: bool
    township_picks: list[Assessment] = strawberry.field(
        description="Recorded, or else proposed: the rest of the shortlist's best by the "
        "township's own score."
    )
    township_recorded: bool

    @classmethod
    def of(cls, found: excellence.Selection, info: Info) -> ExcellenceSelection:
        weights = info.context.rules.assessment_weights

        def each(items: list[Assessed]) -> list[Assessment]:
            return [Assessment.of(a, weights) for a in items]

        return cls(
            department=AssessedUnit(
                id=strawberry.ID(found.department["id"]), name=found.department["name"]
            ),
            year=found.year,
            scored=found.scored,
            shortlist_size=found.shortlist_size,
            department_quota=found.department_quota,
            township_quota=found.township_quota,
            rule=found.rule,
            shortlist=each(found.shortlist),
            department_picks=each(found.department_picks),
            department_recorded=found.department_recorded,
            township_picks=each(found.township_picks),
            township_recorded=found.township_recorded,
        )


COUNTY = Annotated[strawberry.ID, strawberry.argument(description="县编号 (county id)")]
DEPARTMENT = Annotated[strawberry.ID, strawberry.argument(description="部门编号 (department id)")]


@strawberry.type
class ExcellenceQuery:
    @strawberry.field(description="The excellence selection (评优) of a department's year.")
    async def excellence_selection(
        self, info: Info, county_id: COUNTY, year: YEAR, department_id: DEPARTMENT
    ) -> ExcellenceSelection:
        found = await excellence.excellence_selection(
            info.context, county_id=str(county_id), year=year, department_id=str(department_id)
        )
        return ExcellenceSelection.of(found, info)


@strawberry.type
class ExcellenceMutation:
    @strawberry.mutation(
        description="Records one side's excellence picks: the department first, from the "
        "shortlist; then the township, from the rest of it; each within its quota, once."
    )
    async def record_excellence_picks(
        self,
        info: Info,
        county_id: COUNTY,
        year: YEAR,
        department_id: DEPARTMENT,
        side: Annotated[
            AssessmentSide, strawberry.argument(description="推优方：部门或乡镇 (who picks)")
        ],
        person_ids: Annotated[
            list[strawberry.ID], strawberry.argument(description="评为优秀的人员 (people picked)")
        ],
    ) -> ExcellenceSelection:
        found = await excellence.record_picks(
            info.context,
            county_id=str(county_id),
            year=year,
            department_id=str(department_id),
            side=side.name,
            person_ids=[str(p) for p in person_ids],
        )
        return ExcellenceSelection.of(found, info)


QUERIES: tuple[type, ...] = (ExcellenceQuery,)
MUTATIONS: tuple[type, ...] = (ExcellenceMutation,)
