"""The excellence quota (优秀 25 % = 12.5 % + 12.5 %): the shortlist, both proposed picks and
the recorded ones (excellenceSelection, recordExcellencePicks), by hand."""

from __future__ import annotations

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

RECORD = """
mutation($p: ID!, $kind: EvaluationKind!, $side: AssessmentSide!, $score: Float!) {
  recordEvaluation(personId: $p, year: 2025, kind: $kind, side: $side, score: $score) {
    evaluation { id }
  }
}
"""
SELECTION = """
query($c: ID!, $d: ID!) {
  excellenceSelection(countyId: $c, year: 2025, departmentId: $d) {
    scored shortlistSize departmentQuota townshipQuota rule
    shortlist { person { id } combined }
    departmentPicks { person { id } } departmentRecorded
    townshipPicks { person { id } } townshipRecorded
  }
}
"""
PICK = """
mutation($c: ID!, $d: ID!, $side: AssessmentSide!, $ids: [ID!]!) {
  recordExcellencePicks(countyId: $c, year: 2025, departmentId: $d, side: $side,
                        personIds: $ids) {
    departmentPicks { person { id } } departmentRecorded
    townshipPicks { person { id } } townshipRecorded
  }
}
"""


async def ground(graph: Graph, gql: GraphQLClient, uid: str, size: int) -> Doc:
    """Department D of county C with E1..E<size>, scored by the department 95, 90, 85, …; the
    township scores E3 at 99 (none of them is dispatched, so combined is the department's)."""
    doc = place(Doc(uid))
    doc.department("D", kind="COUNTY_DEPARTMENT", county="C")
    for i in range(1, size + 1):
        doc.person(f"E{i}", department="D")
    await doc.load(graph)
    for i in range(1, size + 1):
        await gql.data(RECORD, {"p": doc.id(f"E{i}"), "kind": "POLITICAL", "side": "DEPARTMENT",
                                "score": 100 - 5 * i})  # fmt: skip
    if size >= 3:
        await gql.data(RECORD, {"p": doc.id("E3"), "kind": "POLITICAL", "side": "TOWNSHIP",
                                "score": 99})  # fmt: skip
    return doc


def _ids(doc: Doc, rows: list[dict[str, dict[str, str]]]) -> list[str]:
    return [r["person"]["id"].removeprefix(doc.uid) for r in rows]


async def test_eight_people_shortlist_three_and_each_side_picks_one(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 8 people scored 95 … 60
    doc = await ground(graph, gql, uid, 8)
    args = {"c": doc.id("C"), "d": doc.id("D")}

    # when the selection is proposed
    found = (await gql.data(SELECTION, args))["excellenceSelection"]

    # then 40 % of 8 = 3.2 → 3 on the shortlist, 12.5 % = 1 pick each
    assert (found["scored"], found["shortlistSize"], found["departmentQuota"],
            found["townshipQuota"]) == (8, 3, 1, 1)  # fmt: skip
    assert [(r, s["combined"]) for r, s in zip(_ids(doc, found["shortlist"]), found["shortlist"],
            strict=True)] == [("E1", 95.0), ("E2", 90.0), ("E3", 85.0)]  # fmt: skip
    # and the department proposes its best (E1), the township its best of the rest: E3 (99 by
    # the township), not E2, whom the combined order would give
    assert _ids(doc, found["departmentPicks"]) == ["E1"]
    assert _ids(doc, found["townshipPicks"]) == ["E3"]
    assert not found["departmentRecorded"]
    assert not found["townshipRecorded"]


async def test_picks_are_refused_out_of_order_off_the_shortlist_and_over_quota(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 8 people scored 95 … 60, shortlist E1, E2, E3
    doc = await ground(graph, gql, uid, 8)
    args = {"c": doc.id("C"), "d": doc.id("D")}

    def pick(side: str, *keys: str) -> dict[str, object]:
        return {**args, "side": side, "ids": [doc.id(k) for k in keys]}

    # when the township picks first, or the department off the shortlist or over its quota
    early = only_error(await gql.post(PICK, pick("TOWNSHIP", "E3")))
    off = only_error(await gql.post(PICK, pick("DEPARTMENT", "E4")))
    over = only_error(await gql.post(PICK, pick("DEPARTMENT", "E1", "E2")))

    # then each is refused with its reason
    assert early[0] == "BAD_USER_INPUT"
    assert "out of order" in early[1]
    assert "not on the shortlist" in off[1]
    assert "over quota" in over[1]

    # when the department picks E2 instead of its proposal
    done = (await gql.data(PICK, pick("DEPARTMENT", "E2")))["recordExcellencePicks"]

    # then E2 is recorded, and the township proposes from E1 and E3 (E3 by its own score)
    assert _ids(doc, done["departmentPicks"]) == ["E2"]
    assert done["departmentRecorded"]
    assert _ids(doc, done["townshipPicks"]) == ["E3"]
    assert not done["townshipRecorded"]
    # and the township may not take E2 again, nor the department pick twice
    taken = only_error(await gql.post(PICK, pick("TOWNSHIP", "E2")))
    assert "already picked" in taken[1]
    twice = only_error(await gql.post(PICK, pick("DEPARTMENT", "E1")))
    assert "already recorded" in twice[1]
    # and the township's own pick of E1 is recorded
    last = (await gql.data(PICK, pick("TOWNSHIP", "E1")))["recordExcellencePicks"]
    assert _ids(doc, last["townshipPicks"]) == ["E1"]
    assert last["townshipRecorded"]


async def test_a_department_of_three_gets_one_pick_and_none_for_the_township(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 people: 40 % = 1.2 → 1, 12.5 % = 0.375 → 0, at least one for the department
    doc = await ground(graph, gql, uid, 3)
    args = {"c": doc.id("C"), "d": doc.id("D")}

    # when proposed / then one shortlisted, the department picks E1, the township nobody
    found = (await gql.data(SELECTION, args))["excellenceSelection"]
    assert (found["shortlistSize"], found["departmentQuota"], found["townshipQuota"]) == (1, 1, 0)
    assert _ids(doc, found["departmentPicks"]) == ["E1"]
    assert found["townshipPicks"] == []
    # and a township pick after the department's is over its quota of 0
    await gql.data(PICK, {**args, "side": "DEPARTMENT", "ids": [doc.id("E1")]})
    over = only_error(await gql.post(PICK, {**args, "side": "TOWNSHIP", "ids": [doc.id("E2")]}))
    assert "over quota" in over[1]
