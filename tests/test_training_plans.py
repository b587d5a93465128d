"""Training plans (培训计划): recordTrainingPlan and the import section set one plan per person
and year; its completion is 20 % of 岗位胜任度 (model/training.py); and an assessment shows its
scores to the person's own unit only, by hand."""

from __future__ import annotations

from graph.db import Graph
from model.access import Role
from tests.conftest import GraphQLClient, load
from tests.factories import Doc, only_error
from tests.test_assessment import ASSESSMENT, RECORD, ground

PLAN = """
mutation Plan($p: ID!, $ph: Int!, $pd: Int!, $fh: Int!, $fd: Int!, $courses: [String!]) {
  recordTrainingPlan(personId: $p, year: 2025, partyEducationHours: $ph, partyEducationDone: $pd,
                     professionalHours: $fh, professionalDone: $fd, courses: $courses) {
    person { id }
    plan { id year partyEducationHours partyEducationDone professionalHours professionalDone
           courses updatedBy }
  }
}
"""
PLANS = """
query Plans($p: ID!) { person(id: $p) { trainingPlans(year: 2025) { id professionalDone } } }
"""


def _competence(found: dict[str, object]) -> tuple[object, list[str]]:
    traces = {t["dimension"]: t for t in found["traces"]}  # type: ignore[attr-defined]
    return traces["COMPETENCE"]["score"], traces["COMPETENCE"]["evidence"]


async def test_a_plan_counts_a_fifth_of_competence(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A (K at 2 for a post requiring 4: skills 0.5) with a 2025 plan: party education
    # 12 of 16 hours, professional 30 of 24 (capped at 1)
    doc = await ground(graph, uid)
    variables = {"p": doc.id("A"), "ph": 16, "pd": 12, "fh": 24, "fd": 30,
                 "courses": ["党的二十大精神", "防汛应急"]}  # fmt: skip
    recorded = (await gql.data(PLAN, variables))["recordTrainingPlan"]

    # when A's 2025 assessment is asked for
    found = (await gql.data(ASSESSMENT, {"p": doc.id("A")}))["assessment"]

    # then 胜任 = 100 × (0.8 × 0.5 + 0.2 × (0.75 + 1) / 2) = 57.5, the plan in the evidence
    score, evidence = _competence(found)
    assert score == 57.5
    assert evidence[-1] == (
        "2025 年培训计划：党性教育 12/16 学时，专业技能 30/24 学时 "
        "(training plan: hours done/planned)"
    )
    assert recorded["plan"]["id"] == f"TP-{doc.id('A')}-2025"
    assert recorded["plan"]["courses"] == ["党的二十大精神", "防汛应急"]


async def test_a_second_record_replaces_the_plan_and_the_import_finds_it_again(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A's plan recorded through the API
    doc = await ground(graph, uid)
    await gql.data(PLAN, {"p": doc.id("A"), "ph": 16, "pd": 0, "fh": 24, "fd": 0})

    # when it is recorded again, then imported with other hours
    await gql.data(PLAN, {"p": doc.id("A"), "ph": 16, "pd": 8, "fh": 24, "fd": 10})
    await load(graph, {"trainingPlans": [
        {"person": doc.id("A"), "year": 2025, "partyEducationHours": 16,
         "professionalHours": 24, "professionalDone": 20},
    ]})  # fmt: skip

    # then A has one plan of 2025, with the imported hours
    plans = (await gql.data(PLANS, {"p": doc.id("A")}))["person"]["trainingPlans"]
    assert plans == [{"id": f"TP-{doc.id('A')}-2025", "professionalDone": 20}]


async def test_hours_out_of_range_are_refused_naming_the_field(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A / when a plan of 3000 professional hours is recorded
    doc = await ground(graph, uid)
    body = await gql.post(PLAN, {"p": doc.id("A"), "ph": 16, "pd": 0, "fh": 3000, "fd": 0})
    # then it is refused, and nothing is written
    assert only_error(body) == (
        "BAD_USER_INPUT",
        "professionalHours: must be from 0 to 2000 hours, got 3000",
    )
    plans = (await gql.data(PLANS, {"p": doc.id("A")}))["person"]["trainingPlans"]
    assert plans == []


async def test_an_assessment_outside_the_callers_unit_shows_no_scores(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A dispatched to T and scored; a second township T2 of the same county
    doc = Doc(uid)
    doc.township("T2", "C")
    grounded = await ground(graph, uid)
    await load(graph, doc.build())
    await gql.data(RECORD, {"p": grounded.id("A"), "kind": "POLITICAL", "side": "TOWNSHIP",
                            "score": 90})  # fmt: skip

    # when T's clerk and T2's clerk ask for A's assessment
    own = await gql.as_(Role.TOWNSHIP, unit=grounded.id("T")).data(
        ASSESSMENT, {"p": grounded.id("A")}
    )
    other = await gql.as_(Role.TOWNSHIP, unit=doc.id("T2")).data(
        ASSESSMENT, {"p": grounded.id("A")}
    )

    # then T sees the scores, T2 only who and where, no score and no evidence
    assert own["assessment"]["combined"] is not None
    hidden = other["assessment"]
    assert (hidden["combined"], hidden["traces"], hidden["sides"]) == (None, [], [])
    assert hidden["rule"].startswith("仅本单位可见")
    assert hidden["dispatchedTo"] == {"id": grounded.id("T")}
