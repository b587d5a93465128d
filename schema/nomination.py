"""Dual recommendation for promotion (双推荐): `recordNomination` and `promotionNominations`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.assessment import NominationRow
from resolvers import nomination
from schema.assessment import DEPARTMENT_ID, TOWNSHIP_ID, YEAR, Assessment, AssessmentSide
from schema.common import Info, optional_id


@strawberry.type(description="One side's nomination of a person for promotion.")
class Nomination:
    id: strawberry.ID
    year: int
    side: AssessmentSide
    reason: str
    created_by: str
    created_at: dt.datetime


@strawberry.type(description="A nominated person: by whom, and the assessment behind it.")
class NominatedPerson:
    assessment: Assessment
    by_department: bool
    by_township: bool
    nominations: list[Nomination]


def _nomination(row: NominationRow) -> Nomination:
    return Nomination(
        id=strawberry.ID(row["id"]),
        year=row["year"],
        side=AssessmentSide(row["side"]),
        reason=row["reason"],
        created_by=row["createdBy"],
        created_at=row["createdAt"],
    )


@strawberry.type
class NominationQuery:
    @strawberry.field(
        description="双推荐: the people of a department (its staff) or of a township (dispatched "
        "to it in the year) nominated for promotion, by whom, highest combined score first."
    )
    async def promotion_nominations(
        self,
        info: Info,
        year: YEAR,
        department_id: DEPARTMENT_ID = None,
        township_id: TOWNSHIP_ID = None,
    ) -> list[NominatedPerson]:
        found = await nomination.nominations(
            info.context,
            year=year,
            department_id=optional_id(department_id),
            township_id=optional_id(township_id),
        )
        weights = info.context.rules.assessment_weights
        return [
            NominatedPerson(
                assessment=Assessment.of(n.assessment, weights),
                by_department="DEPARTMENT" in n.sides,
                by_township="TOWNSHIP" in n.sides,
                nominations=[_nomination(r) for r in n.nominations],
            )
            for n in found
        ]


@strawberry.type
class NominationMutation:
    @strawberry.mutation(
        description="Records a nomination for promotion (双推荐) by the department or the "
        "township; each side once per person and year."
    )
    async def record_nomination(
        self,
        info: Info,
        person_id: Annotated[
            strawberry.ID, strawberry.argument(description="人员编号 (person id)")
        ],
        year: YEAR,
        side: Annotated[
            AssessmentSide, strawberry.argument(description="推荐方：部门或乡镇 (who nominates)")
        ],
        reason: Annotated[str, strawberry.argument(description="推荐理由 (reason)")],
    ) -> Nomination:
        row = await nomination.record_nomination(
            info.context, person_id=str(person_id), year=year, side=side.name, reason=reason
        )
        return _nomination(row["nomination"])


QUERIES: tuple[type, ...] = (NominationQuery,)
MUTATIONS: tuple[type, ...] = (NominationMutation,)
