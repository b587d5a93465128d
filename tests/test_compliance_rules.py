"""The compliance rules where changes happen (resolvers/rules.py) and in the importer
(graph/importing/compliance_steps.py): for each rule, a refusal naming the rule and the date the
change is allowed, an override recorded and reported, and the importer's judgement of the same
rows (written, and returned as breaches)."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from graph.importing import import_document
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

START_DISPATCH = """
mutation($p: ID!, $t: ID!, $since: Date!, $override: OverrideInput) {
  startDispatch(personId: $p, townshipId: $t, since: $since, override: $override) {
    dispatch { since startOverride }
  }
}"""
END_DISPATCH = """
mutation($p: ID!, $t: ID!, $since: Date!, $until: Date!, $override: OverrideInput) {
  endDispatch(personId: $p, townshipId: $t, since: $since, until: $until, override: $override) {
    dispatch { since until endOverride }
  }
}"""
START_SERVICE = """
mutation($p: ID!, $v: ID!, $since: Date!) {
  startService(personId: $p, villageId: $v, role: LIAISON, since: $since) { service { since } }
}"""
REPORT = """
query($c: ID!, $asOf: Date, $year: Int) {
  complianceReport(countyId: $c, asOf: $asOf, year: $year) {
    counts { rule breaches overrides }
    lines { rule overridden overrideReason date person { id } department { id } township { id }
            village { id } since until allowedFrom subject missingSkills }
  }
}"""


def county_staff(uid: str) -> Doc:
    """County C with townships T (village V) and T2; county department D with A and B."""
    doc = place(Doc(uid))
    doc.township("T2", "C")
    doc.department("D", kind="COUNTY_DEPARTMENT", county="C")
    doc.person("A", department="D")
    doc.person("B", department="D")
    return doc


async def report(gql: GraphQLClient, doc: Doc, **args: Any) -> dict[str, Any]:
    body = await gql.post(REPORT, {"c": doc.id("C"), **args})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["complianceReport"]
    return result


def lines(result: dict[str, Any], rule: str) -> list[dict[str, Any]]:
    return [line for line in result["lines"] if line["rule"] == rule]


def counts(result: dict[str, Any], rule: str) -> tuple[int, int]:
    row = next(c for c in result["counts"] if c["rule"] == rule)
    return row["breaches"], row["overrides"]


# --- STAY: at least two years in the same township ------------------------------------------------


async def test_ending_a_dispatch_before_two_years_is_refused_with_the_date_it_is_allowed(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A dispatched to T from 2024-03-01
    doc = county_staff(uid)
    doc.dispatch("A", "T", "2024-03-01")
    await doc.load(graph)
    # when the dispatch is ended after three months
    body = await gql.post(
        END_DISPATCH,
        {"p": doc.id("A"), "t": doc.id("T"), "since": "2024-03-01", "until": "2024-06-01"},
    )
    # then it is refused naming the rule and the date it is allowed, and nothing changed
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("until: STAY rule")
    assert "allowed from 2026-02-28" in message
    result = await report(gql, doc, asOf="2025-01-01")
    assert lines(result, "STAY") == []


async def test_an_early_end_with_an_override_is_recorded_and_reported(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A dispatched to T from 2024-03-01
    doc = county_staff(uid)
    doc.dispatch("A", "T", "2024-03-01")
    await doc.load(graph)
    # when it is ended after three months with an override
    body = await gql.post(
        END_DISPATCH,
        {"p": doc.id("A"), "t": doc.id("T"), "since": "2024-03-01", "until": "2024-06-01",
         "override": {"reason": "  病休调回  "}},
    )  # fmt: skip
    # then the end and the reason are recorded, and the report lists it as an override
    assert body["data"]["endDispatch"]["dispatch"] == {
        "since": "2024-03-01",
        "until": "2024-06-01",
        "endOverride": "病休调回",
    }
    result = await report(gql, doc, asOf="2025-01-01")
    assert [(x["person"]["id"], x["overridden"], x["overrideReason"], x["allowedFrom"],
             x["department"]["id"]) for x in lines(result, "STAY")] == [
        (doc.id("A"), True, "病休调回", "2026-02-28", doc.id("D"))
    ]  # fmt: skip
    assert counts(result, "STAY") == (0, 1)


async def test_an_override_without_a_reason_is_refused(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A dispatched to T
    doc = county_staff(uid)
    doc.dispatch("A", "T", "2024-03-01")
    await doc.load(graph)
    # when the override's reason is blank
    body = await gql.post(
        END_DISPATCH,
        {"p": doc.id("A"), "t": doc.id("T"), "since": "2024-03-01", "until": "2024-06-01",
         "override": {"reason": " "}},
    )  # fmt: skip
    # then it is refused on the reason
    assert only_error(body) == ("BAD_USER_INPUT", "override.reason: an override needs a reason")


async def test_the_importer_writes_a_short_stay_and_reports_it_unless_overridden(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a document with a three-month dispatch of A and an overridden one of B
    doc = county_staff(uid)
    doc.dispatch("A", "T", "2023-03-01", "2023-06-01")
    doc.dispatch("B", "T2", "2023-03-01", "2023-06-01")
    doc.sections["dispatches"][-1]["endOverride"] = "借调省厅"
    # when it is imported
    imported = await import_document(graph, doc.build())
    # then both are written; A's breaks the stay and, ending in the year it began, the
    # adjustment rule; the report lists both stays
    assert imported.ok
    assert [(b.rule, b.path) for b in imported.breaches] == [
        ("STAY", "dispatches[0]"), ("ADJUSTMENT", "dispatches[0]")
    ]  # fmt: skip
    result = await report(gql, doc, asOf="2024-01-01", year=2023)
    assert sorted((x["person"]["id"], x["overridden"]) for x in lines(result, "STAY")) == [
        (doc.id("A"), False), (doc.id("B"), True)
    ]  # fmt: skip


# --- ADJUSTMENT: one date a year per department and township --------------------------------------


async def test_a_second_adjustment_date_in_a_year_is_refused_and_an_override_is_recorded(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given department D adjusted its staff of T on 2025-03-01 (A started)
    doc = county_staff(uid)
    doc.dispatch("A", "T", "2025-03-01")
    await doc.load(graph)
    args = {"p": doc.id("B"), "t": doc.id("T"), "since": "2025-06-01"}
    # when B is dispatched to T on another date of 2025
    refused = await gql.post(START_DISPATCH, args)
    # then it is refused, allowed from the next year; with an override it is recorded
    code, message = only_error(refused)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("since: ADJUSTMENT rule")
    assert "on 2025-03-01" in message
    assert "allowed from 2026-01-01" in message
    same_day = await gql.post(START_DISPATCH, {**args, "p": doc.id("B"), "t": doc.id("T2")})
    assert "errors" not in same_day  # another township is another adjustment
    overridden = await gql.post(
        START_DISPATCH, {**args, "p": doc.id("B"), "since": "2025-06-02",
                         "override": {"reason": "补员"}}
    )  # fmt: skip
    assert "errors" in overridden  # B is now dispatched to T2: one dispatch at a time
    result = await report(gql, doc, asOf="2025-12-31", year=2025)
    assert lines(result, "ADJUSTMENT") == []


async def test_an_overridden_adjustment_is_reported_as_an_override(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given D adjusted its staff of T on 2025-03-01
    doc = county_staff(uid)
    doc.dispatch("A", "T", "2025-03-01")
    await doc.load(graph)
    # when B is dispatched to T on 2025-06-01 with an override
    body = await gql.post(
        START_DISPATCH,
        {"p": doc.id("B"), "t": doc.id("T"), "since": "2025-06-01",
         "override": {"reason": "提醒告知单补员"}},
    )  # fmt: skip
    # then the reason is on the dispatch, and the report lists that start as an override
    assert body["data"]["startDispatch"]["dispatch"]["startOverride"] == "提醒告知单补员"
    result = await report(gql, doc, asOf="2025-12-31", year=2025)
    assert [(x["person"]["id"], x["date"], x["subject"], x["overridden"], x["allowedFrom"])
            for x in lines(result, "ADJUSTMENT")] == [
        (doc.id("B"), "2025-06-01", "START", True, "2026-01-01")
    ]  # fmt: skip
    assert counts(result, "ADJUSTMENT") == (0, 1)


async def test_the_importer_reports_a_second_adjustment_date(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a document where D's staff of T change on 2024-03-01 (A starts) and 2024-09-01
    # (B starts), and of T2 once
    doc = county_staff(uid)
    doc.dispatch("A", "T", "2024-03-01")
    doc.dispatch("B", "T", "2024-09-01")
    # when it is imported
    imported = await import_document(graph, doc.build())
    # then both are written; B's start is the breach, in the import and in the report
    assert imported.ok
    assert [(b.rule, b.path) for b in imported.breaches] == [("ADJUSTMENT", "dispatches[1]")]
    result = await report(gql, doc, asOf="2025-01-01")
    found = lines(result, "ADJUSTMENT")
    assert [(x["person"]["id"], x["date"], x["overridden"]) for x in found] == [
        (doc.id("B"), "2024-09-01", False)
    ]  # fmt: skip
    assert counts(result, "ADJUSTMENT") == (1, 0)


# --- LIAISON: one liaison cadre per village -------------------------------------------------------


async def test_a_second_active_liaison_is_refused(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A is V's liaison
    doc = county_staff(uid)
    doc.service("A", "V", "LIAISON", "2024-01-01")
    await doc.load(graph)
    # when B is made V's liaison too
    body = await gql.post(
        START_SERVICE, {"p": doc.id("B"), "v": doc.id("V"), "since": "2025-01-01"}
    )
    # then it is refused naming the rule and the first liaison
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("role: LIAISON rule")
    assert "人员A" in message


async def test_the_importer_writes_a_second_active_liaison_and_reports_it(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a document where V has A as liaison since 2024 and B since 2025, and an ended one
    doc = county_staff(uid)
    doc.person("E", department="D")
    doc.service("E", "V", "LIAISON", "2022-01-01", "2023-12-31")
    doc.service("A", "V", "LIAISON", "2024-01-01")
    doc.service("B", "V", "LIAISON", "2025-01-01")
    # when it is imported
    imported = await import_document(graph, doc.build())
    # then all are written, B's is the breach, and the report lists B in V
    assert imported.ok
    assert [(b.rule, b.path) for b in imported.breaches] == [("LIAISON", "services[2]")]
    result = await report(gql, doc, asOf="2025-06-01")
    assert [(x["person"]["id"], x["village"]["id"]) for x in lines(result, "LIAISON")] == [
        (doc.id("B"), doc.id("V"))
    ]
    assert counts(result, "LIAISON") == (1, 0)


# --- MENTEES: the importer applies the mutations' limit -------------------------------------------


async def test_the_importer_reports_a_fourth_active_mentee(graph: Graph, uid: str) -> None:
    # given a document where mentor M has four mentees active on 2025-01-01 (limit 3)
    doc = county_staff(uid)
    doc.person("M", department="D", joined=2000)
    for key in ("E1", "E2", "E3", "E4"):
        doc.person(key, department="D")
        doc.mentorship("M", key, "2025-01-01")
    # when it is imported
    imported = await import_document(graph, doc.build())
    # then all four are written and the fourth (by mentee id) is the breach
    assert imported.ok
    assert [(b.rule, b.path) for b in imported.breaches] == [("MENTEES", "mentorships[3]")]


# --- SPECIALTY: dispatched staff outside their specialty ------------------------------------------


async def test_dispatched_staff_on_a_post_or_task_they_lack_the_skills_for_are_flagged(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A (执法 4) and B (执法 2) dispatched to T, both holding T's post P that requires
    # 执法 3, and B on open task K1 that requires 调解 2
    doc = county_staff(uid)
    doc.skill("S", "执法")
    doc.skill("S2", "调解")
    doc.sections["people"][0]["skills"] = [{"skill": doc.id("S"), "level": 4}]
    doc.sections["people"][1]["skills"] = [{"skill": doc.id("S"), "level": 2}]
    doc.department("O", kind="TOWNSHIP_OFFICE", township="T")
    doc.post("P", "O", requires={"S": 3})
    for key in ("A", "B"):
        doc.dispatch(key, "T", "2024-01-01")
        doc.holds(key, "P", "2024-02-01")
    doc.sections["tasks"] = [{
        "id": doc.id("K1"), "title": "纠纷调处", "domain": "综治", "kind": "ROUTINE",
        "status": "STAFFED", "plan": "入户调解", "initiatedBy": "TOWNSHIP", "township": doc.id("T"),
        "createdAt": "2025-01-01T08:00:00Z", "requires": [{"skill": doc.id("S2"), "level": 2}],
        "assignments": [{"person": doc.id("B"), "role": "LEAD", "since": "2025-01-02"}],
    }]  # fmt: skip
    await doc.load(graph)
    # when the report is asked for 2025-03-01
    result = await report(gql, doc, asOf="2025-03-01")
    # then only B is flagged, once for the task and once for the post (by their ids)
    assert [(x["person"]["id"], x["subject"], x["missingSkills"])
            for x in lines(result, "SPECIALTY")] == [
        (doc.id("B"), f"TASK 纠纷调处 ({doc.id('K1')})", ["调解"]),
        (doc.id("B"), f"POST 岗位P ({doc.id('P')})", ["执法"]),
    ]  # fmt: skip
