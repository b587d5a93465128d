"""Assessment (考核): `assessment(personId, year)`, `assessmentRanking`, `recordEvaluation` and
their types: each dimension with its score and evidence, each side's score, the combined score
of dual management (双重管理) and the rule that gave it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any

import strawberry

from model.assessment import DIMENSIONS, GROUPS
from resolvers import assessment
from schema.common import Info, optional_id
from schema.person import Person


@strawberry.enum(description="The five dimensions of the daily assessment (五个维度).")
class AssessmentDimension(Enum):
    POLITICAL = strawberry.enum_value("POLITICAL", description="政治忠诚度 (recorded)")
    DILIGENCE = strawberry.enum_value(
        "DILIGENCE", description="勤勉敬业度 (from tasks: on time, progress reports)"
    )
    COMPETENCE = strawberry.enum_value(
        "COMPETENCE", description="岗位胜任度 (from skills against the posts held)"
    )
    INITIATIVE = strawberry.enum_value(
        "INITIATIVE", description="担当争先度 (from ratings and emergency responses)"
    )
    INTEGRITY = strawberry.enum_value("INTEGRITY", description="廉洁自律度 (recorded)")


@strawberry.enum(description="What an evaluation records: a dimension, or 民主测评.")
class EvaluationKind(Enum):
    POLITICAL = "POLITICAL"
    DILIGENCE = "DILIGENCE"
    COMPETENCE = "COMPETENCE"
    INITIATIVE = "INITIATIVE"
    INTEGRITY = "INTEGRITY"
    DEMOCRATIC = strawberry.enum_value("DEMOCRATIC", description="年终民主测评")


@strawberry.enum(description="Who scores a person (双重管理).")
class AssessmentSide(Enum):
    TOWNSHIP = strawberry.enum_value("TOWNSHIP", description="乡镇 (where dispatched)")
    DEPARTMENT = strawberry.enum_value("DEPARTMENT", description="派出部门 (own department)")


@strawberry.type(description="A unit named in an assessment.")
class AssessedUnit:
    id: strawberry.ID
    name: str


@strawberry.type(description="A dimension as the work traces of the year speak for it.")
class TraceScore:
    dimension: AssessmentDimension
    label: str
    group: str = strawberry.field(description="PARTY_BUILDING or BUSINESS (seed 001).")
    weight: float
    score: float | None = strawberry.field(
        description="0..100, one decimal; null when no trace speaks (the evaluation counts)."
    )
    evidence: list[str] = strawberry.field(description="The facts behind it, in plain words.")


@strawberry.type(description="One dimension of a side's score.")
class SidePart:
    dimension: AssessmentDimension
    score: float
    source: str = strawberry.field(description="TRACES or EVALUATION.")


@strawberry.type(description="One side's score of the year: the weighted mean of its parts.")
class SideScore:
    side: AssessmentSide
    score: float | None
    party_building: float | None = strawberry.field(description="党建 dimensions only.")
    business: float | None = strawberry.field(description="业务 dimensions only.")
    parts: list[SidePart]


@strawberry.type(description="A recorded evaluation (a dimension or 民主测评).")
class Evaluation:
    id: strawberry.ID
    year: int
    kind: EvaluationKind
    side: AssessmentSide
    score: float
    comment: str | None
    created_by: str
    created_at: dt.datetime

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Evaluation:
        return cls(
            id=strawberry.ID(row["id"]),
            year=row["year"],
            kind=EvaluationKind(row["kind"]),
            side=AssessmentSide(row["side"]),
            score=float(row["score"]),
            comment=row.get("comment"),
            created_by=row["createdBy"],
            created_at=row["createdAt"],
        )


def _unit(row: Mapping[str, Any] | None) -> AssessedUnit | None:
    return None if row is None else AssessedUnit(id=strawberry.ID(row["id"]), name=row["name"])


HIDDEN_RULE = "仅本单位可见 (scores are shown to the person's own unit only)"


@strawberry.type(description="A person's assessment of a year (考核), each part with its facts.")
class Assessment:
    person: Person
    year: int
    department: AssessedUnit | None
    dispatched_to: AssessedUnit | None = strawberry.field(
        description="The township the person was last dispatched to in the year."
    )
    traces: list[TraceScore]
    sides: list[SideScore] = strawberry.field(
        description="The sides that recorded an evaluation of the year."
    )
    combined: float | None = strawberry.field(description="The score that ranks, 0..100.")
    rule: str = strawberry.field(description="How combined was reached.")
    democratic: float | None = strawberry.field(
        description="年终民主测评: the mean of the recorded ones (shown, not in combined)."
    )
    evaluations: list[Evaluation]

    @classmethod
    def of(cls, found: assessment.Assessment, weights: Mapping[str, float]) -> Assessment:
        if not found.person.get("inUnit", True):
            # Scores are personal data: someone of the county outside the caller's unit shows
            # as a directory card, their assessment without its scores and evidence.
            return cls(
                person=Person.from_row(found.person), year=found.year,
                department=_unit(found.department), dispatched_to=_unit(found.township),
                traces=[], sides=[], combined=None, rule=HIDDEN_RULE, democratic=None,
                evaluations=[],
            )  # fmt: skip
        return cls(
            person=Person.from_row(found.person),
            year=found.year,
            department=_unit(found.department),
            dispatched_to=_unit(found.township),
            traces=[
                TraceScore(
                    dimension=AssessmentDimension(dim),
                    label=DIMENSIONS[dim],
                    group=GROUPS[dim],
                    weight=weights[dim],
                    score=t.score,
                    evidence=t.evidence,
                )
                for dim, t in found.traces.items()
            ],
            sides=[
                SideScore(
                    side=AssessmentSide(s.side),
                    score=s.score,
                    party_building=s.party_building,
                    business=s.business,
                    parts=[
                        SidePart(dimension=AssessmentDimension(d), score=v, source=src)
                        for d, (v, src) in s.parts.items()
                    ],
                )
                for s in found.sides
            ],
            combined=found.combined,
            rule=found.rule,
            democratic=found.democratic,
            evaluations=[Evaluation.from_row(e) for e in found.evaluations],
        )


@strawberry.type(description="A place in a ranking.")
class RankedAssessment:
    rank: int | None = strawberry.field(description="1 for the highest; null when unscored.")
    assessment: Assessment


@strawberry.type(description="An evaluation recorded, with the person evaluated.")
class EvaluationPayload:
    person: Person
    evaluation: Evaluation


YEAR = Annotated[int, strawberry.argument(description="考核年度 (assessment year)")]
# The cohort of a ranking or a nomination list: a department's staff or a township's dispatched.
DEPARTMENT_ID = Annotated[
    strawberry.ID | None,
    strawberry.argument(description="部门编号，与 townshipId 二选一 (department id)"),
]
TOWNSHIP_ID = Annotated[
    strawberry.ID | None,
    strawberry.argument(description="乡镇编号，与 departmentId 二选一 (township id)"),
]


@strawberry.type
class AssessmentQuery:
    @strawberry.field(
        description="A person's assessment of the year in the five dimensions: computed from "
        "work traces where they speak, recorded evaluations otherwise; null when the person "
        "is not to be seen."
    )
    async def assessment(
        self,
        info: Info,
        person_id: Annotated[
            strawberry.ID, strawberry.argument(description="人员编号 (person id)")
        ],
        year: YEAR,
    ) -> Assessment | None:
        found = await assessment.assessment(info.context, person_id=str(person_id), year=year)
        weights = info.context.rules.assessment_weights
        return None if found is None else Assessment.of(found, weights)

    @strawberry.field(
        description="The assessments of a department's staff or of the people dispatched to "
        "a township in the year (exactly one of departmentId, townshipId), highest combined "
        "score first."
    )
    async def assessment_ranking(
        self,
        info: Info,
        year: YEAR,
        department_id: DEPARTMENT_ID = None,
        township_id: TOWNSHIP_ID = None,
    ) -> list[RankedAssessment]:
        found = await assessment.ranking(
            info.context,
            year=year,
            department_id=optional_id(department_id),
            township_id=optional_id(township_id),
        )
        weights = info.context.rules.assessment_weights
        return [
            RankedAssessment(
                rank=i + 1 if a.combined is not None else None,
                assessment=Assessment.of(a, weights),
            )
            for i, a in enumerate(found)
        ]


@strawberry.type
class AssessmentMutation:
    @strawberry.mutation(
        description="Records one side's evaluation of a person for a year: a dimension of the "
        "daily assessment or the year-end democratic evaluation (民主测评), 0..100; one per "
        "person, year, kind and side."
    )
    async def record_evaluation(
        self,
        info: Info,
        person_id: Annotated[
            strawberry.ID, strawberry.argument(description="人员编号 (person id)")
        ],
        year: YEAR,
        kind: Annotated[
            EvaluationKind, strawberry.argument(description="评价维度或民主测评 (what is scored)")
        ],
        side: Annotated[
            AssessmentSide, strawberry.argument(description="评价方：乡镇或部门 (who scores)")
        ],
        score: Annotated[
            float, strawberry.argument(description="得分，0 至 100 (score, 0 to 100)")
        ],
        comment: Annotated[str | None, strawberry.argument(description="评语 (comment)")] = None,
    ) -> EvaluationPayload:
        row = await assessment.record_evaluation(
            info.context,
            person_id=str(person_id),
            year=year,
            kind=kind.name,
            side=side.name,
            score=score,
            comment=comment,
        )
        return EvaluationPayload(
            person=Person.from_row(row["person"]),
            evaluation=Evaluation.from_row(row["evaluation"]),
        )


QUERIES: tuple[type, ...] = (AssessmentQuery,)
MUTATIONS: tuple[type, ...] = (AssessmentMutation,)
