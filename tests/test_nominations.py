"""Dual recommendation for promotion (双推荐): recordNomination and promotionNominations."""

from __future__ import annotations

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

NOMINATE = """
mutation($p: ID!, $side: AssessmentSide!) {
  recordNomination(personId: $p, year: 2025, side: $side, reason: "实绩突出") { side reason }
}
"""
EVALUATE = """
mutation($p: ID!, $score: Float!) {
  recordEvaluation(personId: $p, year: 2025, kind: POLITICAL, side: DEPARTMENT, score: $score) {
    evaluation { id }
  }
}
"""
LIST = """
query($t: ID!) {
  promotionNominations(year: 2025, townshipId: $t) {
    assessment { person { id } combined } byDepartment byTownship nominations { side }
  }
}
"""


async def test_the_list_shows_who_nominated_whom_with_the_scores(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A, B and C dispatched to T in 2025, scored 80, 90 and 70 by their department
    doc = place(Doc(uid))
    doc.department("D", kind="COUNTY_DEPARTMENT", county="C")
    for key in ("A", "B", "C"):
        doc.person(key, department="D")
        doc.dispatch(key, "T", "2025-01-01")
    await doc.load(graph)
    for key, score in (("A", 80), ("B", 90), ("C", 70)):
        await gql.data(EVALUATE, {"p": doc.id(key), "score": score})

    # when the department nominates A and B, the township A
    for key, side in (("A", "DEPARTMENT"), ("B", "DEPARTMENT"), ("A", "TOWNSHIP")):
        await gql.data(NOMINATE, {"p": doc.id(key), "side": side})
    again = only_error(await gql.post(NOMINATE, {"p": doc.id("A"), "side": "TOWNSHIP"}))

    # then T's list shows B (90, department only) before A (80, both); C is not nominated
    rows = (await gql.data(LIST, {"t": doc.id("T")}))["promotionNominations"]
    assert [(r["assessment"]["person"]["id"], r["assessment"]["combined"], r["byDepartment"],
             r["byTownship"]) for r in rows] == [(doc.id("B"), 90.0, True, False),
                                                 (doc.id("A"), 80.0, True, True)]  # fmt: skip
    # and a side nominates a person once a year
    assert again[0] == "BAD_USER_INPUT"
    assert "already nominated" in again[1]
