"""县属乡用 quotas (员额) and the real-name roster: the `quotas` import section, setQuota, the
dispatchCompliance roster on a hand-computed graph, and reminder batches with what followed."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from graph.importing import import_document
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

ROSTER = """
query($c: ID!, $asOf: Date) {
  dispatchCompliance(countyId: $c, asOf: $asOf) {
    departments quota actual lawEnforcementShare
    lines { department { id } township { id } quota actual gap lawEnforcementShare
            people { id } }
    reminders { department { id } township { id } gap }
    batches { date items { department { id } township { id } shortfall added } }
  }
}"""
SET_QUOTA = """
mutation($d: ID!, $t: ID!, $share: Float) {
  setQuota(departmentId: $d, townshipId: $t, year: 2025, quota: 4, lawEnforcementShare: $share) {
    department { id } township { id } year quota lawEnforcementShare
  }
}"""
REMIND = """
mutation($c: ID!, $d: ID!, $t: ID!) {
  recordReminderBatch(countyId: $c, date: "2025-04-01",
                      items: [{departmentId: $d, townshipId: $t, shortfall: 2}]) {
    date items { shortfall added }
  }
}"""


def ground(uid: str) -> Doc:
    """County C, townships T and T2; county departments D (A, B, E) and D2 (F); quotas for 2025:
    D in T 3 (2 law enforcement), D in T2 1, D2 in T 2 (share 0.5). On 2025-06-01 A and B are
    dispatched to T, E to T2 and F to T; E's earlier dispatch to T ended in 2024."""
    doc = place(Doc(uid))
    doc.township("T2", "C")
    doc.department("D", kind="COUNTY_DEPARTMENT", county="C")
    doc.department("D2", kind="COUNTY_DEPARTMENT", county="C")
    for key, dept in (("A", "D"), ("B", "D"), ("E", "D"), ("F", "D2")):
        doc.person(key, department=dept)
    doc.dispatch("A", "T", "2024-01-01")
    doc.dispatch("B", "T", "2024-01-01")
    doc.dispatch("E", "T", "2022-01-01", "2024-01-01")
    doc.dispatch("E", "T2", "2024-01-02")
    doc.dispatch("F", "T", "2025-01-05")
    doc.sections["quotas"] = [
        {"department": doc.id("D"), "township": doc.id("T"), "year": 2025, "quota": 3,
         "lawEnforcement": 2},
        {"department": doc.id("D"), "township": doc.id("T2"), "year": 2025, "quota": 1},
        {"department": doc.id("D2"), "township": doc.id("T"), "year": 2025, "quota": 2,
         "lawEnforcement": 0.5},
        {"department": doc.id("D2"), "township": doc.id("T"), "year": 2024, "quota": 9},
    ]  # fmt: skip
    return doc


async def roster(gql: GraphQLClient, doc: Doc, as_of: str) -> dict[str, Any]:
    body = await gql.post(ROSTER, {"c": doc.id("C"), "asOf": as_of})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["dispatchCompliance"]
    return result


async def test_the_roster_counts_real_names_against_the_quotas(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the ground
    doc = ground(uid)
    await doc.load(graph)
    # when the roster is asked for 2025-06-01
    result = await roster(gql, doc, "2025-06-01")
    # then per department × township: quota, actual, gap and the people; totals of 2025
    assert [(x["department"]["id"], x["township"]["id"], x["quota"], x["actual"], x["gap"],
             [p["id"] for p in x["people"]]) for x in result["lines"]] == [
        (doc.id("D"), doc.id("T"), 3, 2, -1, [doc.id("A"), doc.id("B")]),
        (doc.id("D"), doc.id("T2"), 1, 1, 0, [doc.id("E")]),
        (doc.id("D2"), doc.id("T"), 2, 1, -1, [doc.id("F")]),
    ]  # fmt: skip
    assert (result["departments"], result["quota"], result["actual"]) == (2, 6, 4)
    # law enforcement: 2 of 3 and 0.5 of 2 → 3 of 5 where recorded
    assert [x["lawEnforcementShare"] for x in result["lines"]] == [0.6667, None, 0.5]
    assert result["lawEnforcementShare"] == 0.6
    assert [(x["department"]["id"], x["gap"]) for x in result["reminders"]] == [
        (doc.id("D"), -1), (doc.id("D2"), -1)
    ]  # fmt: skip


async def test_a_reminder_batch_shows_what_followed(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the ground, minus F's dispatch, and a reminder to D2 for T sent on 2025-04-01
    doc = ground(uid)
    doc.sections["dispatches"].pop()
    await doc.load(graph)
    sent = await gql.post(REMIND, {"c": doc.id("C"), "d": doc.id("D2"), "t": doc.id("T")})
    assert sent["data"]["recordReminderBatch"] == {
        "date": "2025-04-01", "items": [{"shortfall": 2, "added": 0}]
    }  # fmt: skip
    # when D2 then dispatches F to T on 2025-05-01
    later = Doc(uid)
    later.dispatch("F", "T", "2025-05-01")
    await later.load(graph)
    # then the batch shows one person added by 2025-06-01, none by 2025-04-30
    after = await roster(gql, doc, "2025-06-01")
    assert [i["added"] for b in after["batches"] for i in b["items"]] == [1]
    before = await roster(gql, doc, "2025-04-30")
    assert [i["added"] for b in before["batches"] for i in b["items"]] == [0]


async def test_set_quota_replaces_the_years_quota(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the ground
    doc = ground(uid)
    await doc.load(graph)
    # when D's quota in T2 for 2025 is set to 4 with a law-enforcement share of 0.75
    body = await gql.post(SET_QUOTA, {"d": doc.id("D"), "t": doc.id("T2"), "share": 0.75})
    # then it is written and the roster shows the new gap
    assert body["data"]["setQuota"]["quota"] == 4
    result = await roster(gql, doc, "2025-06-01")
    line = next(x for x in result["lines"] if x["township"]["id"] == doc.id("T2"))
    assert (line["quota"], line["actual"], line["gap"], line["lawEnforcementShare"]) == (
        4, 1, -3, 0.75
    )  # fmt: skip


async def test_set_quota_refuses_a_department_that_is_not_a_county_department(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a township office O of T
    doc = place(Doc(uid))
    doc.department("O", kind="TOWNSHIP_OFFICE", township="T")
    await doc.load(graph)
    # when a quota is set for it
    body = await gql.post(SET_QUOTA, {"d": doc.id("O"), "t": doc.id("T")})
    # then it is refused naming the department
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("departmentId:")


async def test_the_quotas_section_refuses_more_law_enforcement_posts_than_the_quota(
    graph: Graph, uid: str
) -> None:
    # given a quota of 3 with 4 law-enforcement posts
    doc = ground(uid)
    doc.sections["quotas"][0]["lawEnforcement"] = 4
    # when it is imported
    report = await import_document(graph, doc.build())
    # then it is refused at that field, and nothing is written
    assert not report.ok
    assert [p.path for p in report.problems] == ["quotas[0].lawEnforcement"]
