"""Training plans (培训计划, seed 001: party education and professional skills in one plan per
person and year): `Person.trainingPlans` and `recordTrainingPlan`. A plan's completion counts in
岗位胜任度 (model/training.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any

import strawberry

from model.training import TRAINING_SHARE_OF_COMPETENCE
from resolvers import training
from schema.appointment import PersonId
from schema.common import Info
from schema.person import Person

_SHARE = round(100 * TRAINING_SHARE_OF_COMPETENCE)


@strawberry.type(
    description="A person's training plan of a year (培训计划): party education (党性教育) and "
    f"professional skills (专业技能), planned and done in hours. Its completion is {_SHARE} % of "
    "岗位胜任度 (the mean over the parts with planned hours of done ÷ planned, capped at 1)."
)
class TrainingPlan:
    id: strawberry.ID
    year: int
    party_education_hours: int
    party_education_done: int
    professional_hours: int
    professional_done: int
    courses: list[str]
    updated_by: str
    updated_at: dt.datetime

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> TrainingPlan:
        return cls(
            id=strawberry.ID(row["id"]),
            year=row["year"],
            party_education_hours=row.get("partyEducationHours") or 0,
            party_education_done=row.get("partyEducationDone") or 0,
            professional_hours=row.get("professionalHours") or 0,
            professional_done=row.get("professionalDone") or 0,
            courses=list(row.get("courses") or []),
            updated_by=row["updatedBy"],
            updated_at=row["updatedAt"],
        )


@strawberry.type(description="What recordTrainingPlan set.")
class TrainingPlanPayload:
    person: Person
    plan: TrainingPlan


def _hours(text: str) -> Any:
    return strawberry.argument(description=f"{text}，0 至 2000 学时")


@strawberry.type
class TrainingMutation:
    @strawberry.mutation(
        description="Sets a person's training plan of a year (one per person and year: a "
        "second call replaces its hours and courses, as the year goes on). Allowed for people "
        "of your unit."
    )
    async def record_training_plan(
        self,
        info: Info,
        person_id: PersonId,
        year: Annotated[int, strawberry.argument(description="计划年度 (plan year)")],
        party_education_hours: Annotated[
            int, _hours("党性教育计划学时 (party education: hours planned)")
        ],
        professional_hours: Annotated[
            int, _hours("专业技能计划学时 (professional skills: hours planned)")
        ],
        party_education_done: Annotated[
            int, _hours("党性教育已完成学时 (party education: hours done)")
        ] = 0,
        professional_done: Annotated[
            int, _hours("专业技能已完成学时 (professional skills: hours done)")
        ] = 0,
        courses: Annotated[
            list[str] | None,
            strawberry.argument(description="课程名称，至多 50 门 (course titles, at most 50)"),
        ] = None,
    ) -> TrainingPlanPayload:
        row = await training.record_plan(
            info.context,
            person_id=str(person_id),
            year=year,
            party_education_hours=party_education_hours,
            party_education_done=party_education_done,
            professional_hours=professional_hours,
            professional_done=professional_done,
            courses=courses or [],
        )
        return TrainingPlanPayload(
            person=Person.from_row(row["person"]), plan=TrainingPlan.from_row(row["plan"])
        )


QUERIES: tuple[type, ...] = ()
MUTATIONS: tuple[type, ...] = (TrainingMutation,)
