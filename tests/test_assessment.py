"""Assessment (考核): the five dimensions from work traces and recorded evaluations, the sides'
scores and dual management's 60/40 (assessment, assessmentRanking, recordEvaluation), by hand."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from model.assessment import quotas, round_half_up
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

RECORD = """
mutation($p: ID!, $kind: EvaluationKind!, $side: AssessmentSide!, $score: Float!) {
  recordEvaluation(personId: $p, year: 2025, kind: $kind, side: $side, score: $score) {
    person { id } evaluation { kind side score year }
  }
}
"""
ASSESSMENT = """
query($p: ID!) {
  assessment(personId: $p, year: 2025) {
    dispatchedTo { id } department { id }
    traces { dimension score evidence }
    sides { side score partyBuilding parts { dimension score source } }
    combined rule democratic
  }
}
"""
RANKING = """
query($d: ID!) {
  assessmentRanking(year: 2025, departmentId: $d) { rank assessment { person { id } combined } }
}
"""


def _task(doc: Doc, key: str, **fields: Any) -> dict[str, Any]:
    lead = {"person": doc.id("A"), "role": "LEAD", "since": fields.pop("since")}
    boss = {"person": doc.id("S"), "role": "SUPERVISOR", "since": lead["since"]}
    return {"id": doc.id(key), "title": f"任务{key}", "domain": "防汛", "initiatedBy": "VILLAGE",
            "village": doc.id("V"), "createdAt": "2025-01-02T08:00:00Z", "plan": "方案",
            "assignments": [lead, boss], **fields}  # fmt: skip


async def ground(graph: Graph, uid: str) -> Doc:
    """County department D of C with A (K at 2, holding P that requires K at 4; dispatched to T
    in 2025), B and N; supervisor S. A's 2025 tasks: T1 closed in its quarter with a progress
    report, rated 4; T2 closed a quarter late, rated 2; T3 an emergency staffed an hour before
    its deadline, still open."""
    doc = place(Doc(uid))
    doc.skill("K")
    doc.department("D", kind="COUNTY_DEPARTMENT", county="C")
    doc.person("A", department="D", skills={"K": 2})
    for key in ("B", "N", "S"):
        doc.person(key, department="D")
    doc.post("P", "D", requires={"K": 4})
    doc.holds("A", "P", "2024-01-01")
    doc.dispatch("A", "T", "2025-01-01")
    closed = {"status": "CLOSED", "kind": "ROUTINE", "outcome": "完成", "lessons": "无"}
    doc.sections["tasks"] = [
        _task(doc, "T1", since="2025-01-05", quarter="2025Q1", rating=4, **closed,
              events=[{"at": "2025-02-01T08:00:00Z", "step": "PROGRESS", "actor": "a"},
                      {"at": "2025-03-20T08:00:00Z", "step": "CLOSED", "actor": "a"}]),
        _task(doc, "T2", since="2025-04-05", quarter="2025Q2", rating=2, **closed,
              events=[{"at": "2025-07-05T08:00:00Z", "step": "CLOSED", "actor": "a"}]),
        _task(doc, "T3", since="2025-08-01", quarter="2025Q3", kind="EMERGENCY",
              severity="II", status="SUPERVISING", staffingDeadline="2025-08-01T10:00:00Z",
              staffedAt="2025-08-01T09:00:00Z"),
    ]  # fmt: skip
    await doc.load(graph)
    return doc


async def _record(
    gql: GraphQLClient, doc: Doc, person: str, *scores: tuple[str, str, float]
) -> None:
    for kind, side, score in scores:
        await gql.data(RECORD, {"p": doc.id(person), "kind": kind, "side": side, "score": score})


async def test_traces_score_three_dimensions_and_sides_combine_sixty_forty(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A's tasks and post, and evaluations of both sides (the department gives no 廉洁)
    doc = await ground(graph, uid)
    await _record(gql, doc, "A", ("POLITICAL", "TOWNSHIP", 90), ("INTEGRITY", "TOWNSHIP", 70),
                  ("POLITICAL", "DEPARTMENT", 70), ("DEMOCRATIC", "TOWNSHIP", 88))  # fmt: skip

    # when A's 2025 assessment is asked for
    found = (await gql.data(ASSESSMENT, {"p": doc.id("A")}))["assessment"]

    # then 勤勉 = 100 × (1/3 on time + 1/3 reported) / 2, 胜任 = 2/4, 担当 = (3/5 + 1/1) / 2
    traces = {t["dimension"]: t["score"] for t in found["traces"]}
    assert traces == {"DILIGENCE": 33.3, "COMPETENCE": 50.0, "INITIATIVE": 80.0}
    evidence = {t["dimension"]: t["evidence"] for t in found["traces"]}
    assert any("任务T2" in line and "超期" in line for line in evidence["DILIGENCE"])
    assert evidence["COMPETENCE"] == ["岗位「岗位P」要求 技能K 4 级，实有 2 级 未达标 (below)"]
    # and the township: .25×90 + .2×33.3 + .2×50 + .2×80 + .15×70 = 65.66; the department
    # without 廉洁: (.25×70 + .2×33.3 + .2×50 + .2×80) / .85 = 59.01
    sides = {s["side"]: (s["score"], s["partyBuilding"]) for s in found["sides"]}
    assert sides == {"TOWNSHIP": (65.7, 82.5), "DEPARTMENT": (59.0, 70.0)}
    # and dispatched to T: 0.6 × 65.7 + 0.4 × 59.0 = 63.02
    assert found["combined"] == 63.0
    assert found["rule"].startswith("乡镇 60% + 部门 40%")
    assert found["dispatchedTo"] == {"id": doc.id("T")}
    assert found["democratic"] == 88.0


async def test_a_ranking_puts_the_unscored_last_and_a_side_counts_alone(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A scored by both sides, B (not dispatched) by the department only, N by nobody
    doc = await ground(graph, uid)
    await _record(gql, doc, "A", ("POLITICAL", "TOWNSHIP", 90), ("INTEGRITY", "TOWNSHIP", 70),
                  ("POLITICAL", "DEPARTMENT", 70))  # fmt: skip
    await _record(gql, doc, "B", ("POLITICAL", "DEPARTMENT", 60))

    # when D's 2025 ranking is asked for
    rows = (await gql.data(RANKING, {"d": doc.id("D")}))["assessmentRanking"]

    # then A (63.0), B (60.0: the department's score alone), then N and S unscored
    assert [(r["rank"], r["assessment"]["person"]["id"], r["assessment"]["combined"])
            for r in rows] == [(1, doc.id("A"), 63.0), (2, doc.id("B"), 60.0),
                               (None, doc.id("N"), None), (None, doc.id("S"), None)]  # fmt: skip


async def test_an_evaluation_is_recorded_once_per_side_and_kind(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a 2025 township evaluation of B's 政治忠诚度
    doc = await ground(graph, uid)
    await _record(gql, doc, "B", ("POLITICAL", "TOWNSHIP", 60))

    # when the township records it again, or a score over 100
    again = await gql.post(RECORD, {"p": doc.id("B"), "kind": "POLITICAL", "side": "TOWNSHIP",
                                    "score": 61})  # fmt: skip
    over = await gql.post(RECORD, {"p": doc.id("B"), "kind": "INTEGRITY", "side": "TOWNSHIP",
                                   "score": 101})  # fmt: skip

    # then both are refused, and the department may still record its own
    assert only_error(again)[0] == "BAD_USER_INPUT"
    assert "already has" in only_error(again)[1]
    assert only_error(over)[0] == "BAD_USER_INPUT"
    await _record(gql, doc, "B", ("POLITICAL", "DEPARTMENT", 75))


def test_quotas_round_half_up_with_one_pick_for_a_small_department() -> None:
    # given departments of 0, 1, 3, 4, 8 and 20 people scored / when quotas are taken
    # then (shortlist 40 %, department 12.5 %, township 12.5 %), rounded half up
    assert round_half_up(2.5) == 3
    assert round_half_up(0.5) == 1
    assert round_half_up(0.49) == 0
    assert quotas(0) == (0, 0, 0)
    assert quotas(1) == (1, 1, 0)  # 0.4 → at least one; 0.125 → at least one department pick
    assert quotas(3) == (1, 1, 0)  # 1.2; 0.375 → 1 (at least one); nothing left for the township
    assert quotas(4) == (2, 1, 1)  # 1.6; 0.5 → 1; 0.5 → 1
    assert quotas(8) == (3, 1, 1)  # 3.2; 1; 1
    assert quotas(20) == (8, 3, 3)  # 8; 2.5 → 3; 2.5 → 3


async def test_imported_evaluations_count_like_recorded_ones_and_reimport_changes_nothing(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given B's 2025 department evaluations imported (twice: the second finds the first)
    doc = await ground(graph, uid)
    doc.sections = {"evaluations": [
        {"person": doc.id("B"), "year": 2025, "kind": kind, "side": "DEPARTMENT", "score": score}
        for kind, score in (("POLITICAL", 80), ("INTEGRITY", 60))
    ]}  # fmt: skip
    await doc.load(graph)
    await doc.load(graph)

    # when B's assessment is asked for
    found = (await gql.data(ASSESSMENT, {"p": doc.id("B")}))["assessment"]

    # then (.25 × 80 + .15 × 60) / .4 = 72.5, from the two evaluations only
    assert found["combined"] == 72.5
    assert [p["source"] for p in found["sides"][0]["parts"]] == ["EVALUATION", "EVALUATION"]
