"""Write scopes: every mutation × the roles that pass the role gate × a target of the caller's
unit, of the same county, of another county. Outside the caller's write scope the answer is
FORBIDDEN naming the argument, and nothing is written; inside it the scope lets the call through
(whatever the domain rules then say). Assignees, team members and mentors may come from anywhere
in the caller's county, never from another one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from graphql import GraphQLObjectType

from graph.db import Graph
from model.access import Role
from resolvers import selection
from resolvers.context import Context
from schema.root import build_schema
from tests import queries
from tests.conftest import GraphQLClient
from tests.factories import Doc

Where = str  # "own" (the caller's township T / village V), "county" (T2 / V2), "other" (XT / XV)
PLACES = {
    "own": {"T": "T", "V": "V", "D": "D", "P": "A", "M": "M", "N": "NV", "K": "TV", "E": "ET",
            "S": "ST", "O": "OT"},
    "county": {"T": "T2", "V": "V2", "D": "D2", "P": "B", "M": "M2", "N": "NV2", "K": "TV2",
               "E": "ET2", "S": "ST2", "O": "OT2"},
    "other": {"T": "XT", "V": "XV", "D": "DX", "P": "Z", "M": "MX", "N": "NX", "K": "TX",
              "E": "EX", "S": "SX", "O": "OX"},
}  # fmt: skip

Case = Callable[[Doc, Where], tuple[str, dict[str, Any]]]


def _at(doc: Doc, where: Where, key: str) -> str:
    return doc.id(PLACES[where][key])


CASES: dict[str, Case] = {
    "raiseNeed": lambda d, w: (
        'mutation($v: ID!, $k: ID!, $id: ID) { raiseNeed(villageId: $v, title: "需求", '
        'quarter: "2026Q4", urgency: LOW, skills: [{skillId: $k, level: 2}], id: $id) '
        "{ __typename } }",
        {"v": _at(d, w, "V"), "k": d.id("K"), "id": d.id(f"new-need-{w}")},
    ),
    "createTaskFromNeed": lambda d, w: (
        "mutation($n: ID!) { createTaskFromNeed(needId: $n) { __typename } }",
        {"n": _at(d, w, "N")},
    ),
    "initiateTask": lambda d, w: (
        'mutation($v: ID, $id: ID) { initiateTask(title: "巡堤", domain: "防汛", '
        "initiatedBy: VILLAGE, villageId: $v, id: $id) { __typename } }",
        {"v": _at(d, w, "V"), "id": d.id(f"new-task-{w}")},
    ),
    "recordPlan": lambda d, w: (
        'mutation($t: ID!) { recordPlan(taskId: $t, plan: "联合巡堤") { __typename } }',
        {"t": _at(d, w, "K")},
    ),
    "assignPeople": lambda d, w: (
        "mutation($t: ID!, $p: ID!) { assignPeople(taskId: $t, "
        "assignments: [{personId: $p, role: LEAD}]) { __typename } }",
        {"t": _at(d, w, "K"), "p": _at(d, w, "P")},
    ),
    "startSupervision": lambda d, w: (
        "mutation($t: ID!, $p: ID) { startSupervision(taskId: $t, supervisorId: $p) "
        "{ __typename } }",
        {"t": _at(d, w, "K"), "p": _at(d, w, "P")},
    ),
    "reportProgress": lambda d, w: (
        'mutation($t: ID!) { reportProgress(taskId: $t, percent: 50, note: "过半") '
        "{ __typename } }",
        {"t": _at(d, w, "K")},
    ),
    "closeTask": lambda d, w: (
        'mutation($t: ID!) { closeTask(taskId: $t, outcome: "完成", rating: 4, lessons: "无") '
        "{ __typename } }",
        {"t": _at(d, w, "K")},
    ),
    "cancelTask": lambda d, w: (
        'mutation($t: ID!) { cancelTask(taskId: $t, reason: "取消") { __typename } }',
        {"t": _at(d, w, "K")},
    ),
    "createTeam": lambda d, w: (
        'mutation($t: ID, $id: ID) { createTeam(name: "专班", kind: WORKING_TEAM, townshipId: $t, '
        "id: $id) { __typename } }",
        {"t": _at(d, w, "T"), "id": d.id(f"new-team-{w}")},
    ),
    "addTeamMember": lambda d, w: (
        'mutation($e: ID!, $p: ID!) { addTeamMember(teamId: $e, personId: $p, role: "队员") '
        "{ __typename } }",
        {"e": _at(d, w, "E"), "p": _at(d, w, "P")},
    ),
    "endTeamMembership": lambda d, w: (
        "mutation($e: ID!, $p: ID!) { endTeamMembership(teamId: $e, personId: $p) { __typename } }",
        {"e": _at(d, w, "E"), "p": _at(d, w, "P")},
    ),
    "respondToEmergency": lambda d, w: (
        "mutation($v: ID!, $k: ID!) { respondToEmergency(villageId: $v, severity: II, "
        'title: "内涝", skillIds: [$k]) { __typename } }',
        {"v": _at(d, w, "V"), "k": d.id("K")},
    ),
    "acknowledgeEmergency": lambda d, w: (
        "mutation($t: ID!, $p: ID!) { acknowledgeEmergency(taskId: $t, personId: $p, "
        "etaMinutes: 20) { __typename } }",
        {"t": _at(d, w, "K"), "p": _at(d, w, "P")},
    ),
    "startService": lambda d, w: (
        "mutation($p: ID!, $v: ID!) { startService(personId: $p, villageId: $v, "
        'role: TECHNICAL_SUPPORT, since: "2026-11-01") { __typename } }',
        {"p": _at(d, w, "P"), "v": _at(d, w, "V")},
    ),
    "endService": lambda d, w: (
        "mutation($p: ID!, $v: ID!) { endService(personId: $p, villageId: $v, "
        'since: "2026-01-01", until: "2026-11-01") { __typename } }',
        {"p": _at(d, w, "P"), "v": _at(d, w, "V")},
    ),
    "startDispatch": lambda d, w: (
        "mutation($p: ID!, $t: ID!) { startDispatch(personId: $p, townshipId: $t, "
        'since: "2026-11-01") { __typename } }',
        {"p": _at(d, w, "P"), "t": _at(d, w, "T")},
    ),
    "endDispatch": lambda d, w: (
        "mutation($p: ID!, $t: ID!) { endDispatch(personId: $p, townshipId: $t, "
        'since: "2026-01-01", until: "2026-11-01") { __typename } }',
        {"p": _at(d, w, "P"), "t": _at(d, w, "T")},
    ),
    "startTraining": lambda d, w: (
        "mutation($p: ID!, $d: ID!) { startTraining(personId: $p, departmentId: $d, "
        'since: "2026-11-01") { __typename } }',
        {"p": _at(d, w, "P"), "d": _at(d, w, "D")},
    ),
    "endTraining": lambda d, w: (
        "mutation($p: ID!, $d: ID!) { endTraining(personId: $p, departmentId: $d, "
        'since: "2026-01-01", until: "2026-11-01") { __typename } }',
        {"p": _at(d, w, "P"), "d": _at(d, w, "D")},
    ),
    "startMentorship": lambda d, w: (
        "mutation($m: ID!, $e: ID!) { startMentorship(mentorId: $m, menteeId: $e, "
        'since: "2026-11-01") { __typename } }',
        {"m": _at(d, w, "P"), "e": _at(d, w, "M")},
    ),
    "confirmMentorAssignment": lambda d, w: (
        "mutation($m: ID!, $e: ID!) { confirmMentorAssignment(pairs: [{mentorId: $m, "
        'menteeId: $e}], since: "2026-11-01") { __typename } }',
        {"m": _at(d, w, "P"), "e": _at(d, w, "M")},
    ),
    "endMentorship": lambda d, w: (
        "mutation($m: ID!, $e: ID!) { endMentorship(mentorId: $m, menteeId: $e, "
        'until: "2026-11-01") { __typename } }',
        {"m": _at(d, w, "P"), "e": _at(d, w, "M")},
    ),
    "setQuota": lambda d, w: (
        "mutation($d: ID!, $t: ID!) { setQuota(departmentId: $d, townshipId: $t, year: 2026, "
        "quota: 2) { __typename } }",
        {"d": _at(d, w, "D"), "t": _at(d, w, "T")},
    ),
    "recordReminderBatch": lambda d, w: (
        "mutation($c: ID!, $d: ID!, $t: ID!) { recordReminderBatch(countyId: $c, "
        'date: "2026-11-01", items: [{departmentId: $d, townshipId: $t, shortfall: 1}]) '
        "{ __typename } }",
        {"c": d.id("X" if w == "other" else "C"), "d": _at(d, w, "D"), "t": _at(d, w, "T")},
    ),
    "setSkill": lambda d, w: (
        "mutation($p: ID!, $k: ID!) { setSkill(personId: $p, skillId: $k, level: 3) "
        "{ __typename } }",
        {"p": _at(d, w, "P"), "k": d.id("K")},
    ),
    "setPersonRank": lambda d, w: (
        "mutation($p: ID!) { setPersonRank(personId: $p, rank: SECTION) { __typename } }",
        {"p": _at(d, w, "P")},
    ),
    "setPostStatement": lambda d, w: (
        'mutation($o: ID!) { setPostStatement(postId: $o, statement: {basics: "岗位说明"}, '
        "workload: 3, difficulty: 2) { __typename } }",
        {"o": _at(d, w, "O")},
    ),
    "recordWorkTeamReview": lambda d, w: (
        "mutation($p: ID!, $v: ID!) { recordWorkTeamReview(personId: $p, villageId: $v, "
        'termSince: "2026-01-01", period: "2026H1", organisationDept: 90, '
        "townshipCommittee: 88, villagersReps: 92, thirdParty: 85) { __typename } }",
        {"p": _at(d, w, "P"), "v": _at(d, w, "V")},
    ),
    "announcePostSelection": lambda d, w: (
        'mutation($t: ID!, $o: ID!, $id: ID) { announcePostSelection(title: "选岗", '
        'townshipId: $t, deadline: "2099-12-31", offers: [{postId: $o}], id: $id) '
        "{ __typename } }",
        {"t": _at(d, w, "T"), "o": _at(d, w, "O"), "id": d.id(f"new-selection-{w}")},
    ),
    "applyForPosts": lambda d, w: (
        "mutation($s: ID!, $p: ID!, $o: ID!) { applyForPosts(selectionId: $s, personId: $p, "
        "postIds: [$o]) { __typename } }",
        {"s": _at(d, w, "S"), "p": _at(d, w, "P"), "o": _at(d, w, "O")},
    ),
    "rankApplicants": lambda d, w: (
        "mutation($s: ID!, $p: ID!, $o: ID!) { rankApplicants(selectionId: $s, postId: $o, "
        "personIds: [$p]) { __typename } }",
        {"s": _at(d, w, "S"), "p": _at(d, w, "P"), "o": _at(d, w, "O")},
    ),
    "decidePostSelection": lambda d, w: (
        "mutation($s: ID!) { decidePostSelection(selectionId: $s) { __typename } }",
        {"s": _at(d, w, "S")},
    ),
    "publishPostSelection": lambda d, w: (
        "mutation($s: ID!) { publishPostSelection(selectionId: $s) { __typename } }",
        {"s": _at(d, w, "S")},
    ),
    "objectToPostSelection": lambda d, w: (
        'mutation($s: ID!) { objectToPostSelection(selectionId: $s, objection: "异议") '
        "{ __typename } }",
        {"s": _at(d, w, "S")},
    ),
    "completePostSelection": lambda d, w: (
        "mutation($s: ID!) { completePostSelection(selectionId: $s) { __typename } }",
        {"s": _at(d, w, "S")},
    ),
    "recordEvaluation": lambda d, w: (
        "mutation($p: ID!) { recordEvaluation(personId: $p, year: 2026, kind: POLITICAL, "
        "side: TOWNSHIP, score: 90) { __typename } }",
        {"p": _at(d, w, "P")},
    ),
    "recordTrainingPlan": lambda d, w: (
        "mutation($p: ID!) { recordTrainingPlan(personId: $p, year: 2026, "
        "partyEducationHours: 16, professionalHours: 24) { __typename } }",
        {"p": _at(d, w, "P")},
    ),
    "recordExcellencePicks": lambda d, w: (
        "mutation($c: ID!, $d: ID!, $p: ID!) { recordExcellencePicks(countyId: $c, year: 2026, "
        "departmentId: $d, side: DEPARTMENT, personIds: [$p]) { __typename } }",
        {"c": d.id("C"), "d": _at(d, w, "D"), "p": _at(d, w, "P")},
    ),
    "recordNomination": lambda d, w: (
        "mutation($p: ID!) { recordNomination(personId: $p, year: 2026, side: TOWNSHIP, "
        'reason: "实绩突出") { __typename } }',
        {"p": _at(d, w, "P")},
    ),
}

# The caller, and which targets lie in its write scope.
CALLERS = {
    "township clerk of T": (Role.TOWNSHIP, "T", {"own"}),
    "county clerk of C": (Role.COUNTY, "C", {"own", "county"}),
}
# What a village secretary may call at all, for its village V.
VILLAGE_CASES = ("raiseNeed", "reportProgress", "acknowledgeEmergency")


def test_every_mutation_has_a_case() -> None:
    # given the schema / when its mutations are listed / then each but the import has a case
    mutation = build_schema()._schema.mutation_type
    assert isinstance(mutation, GraphQLObjectType)
    assert set(mutation.fields) - {"importDocument"} == set(CASES)


async def ground(graph: Graph, uid: str) -> Doc:
    """County C: townships T (village V; 水利站 D with A and mentee M) and T2 (village V2; D2 with
    B and M2); county X: XT (village XV; DX with Z and MX). A, B, Z hold K at 5 and have served
    their village and been dispatched to their township since 2026-01-01. Each village has an
    OPEN need (NV, NV2, NX) and an INITIATED task (TV, TV2, TX); each township a team (ET, ET2,
    EX) with its person as a member; task TS at V is STAFFED with A as LEAD; each township has a
    post (OT, OT2, OX) and an ANNOUNCED post selection of it (ST, ST2, SX)."""
    doc = Doc(uid)
    doc.county("C")
    doc.county("X")
    places = (("T", "C", "V", "D", "A", "M", "NV", "TV", "ET", "OT"),
              ("T2", "C", "V2", "D2", "B", "M2", "NV2", "TV2", "ET2", "OT2"),
              ("XT", "X", "XV", "DX", "Z", "MX", "NX", "TX", "EX", "OX"))  # fmt: skip
    doc.skill("K", "防汛抢险")
    extra: dict[str, list[dict[str, Any]]] = {"needs": [], "tasks": [], "teams": [],
                                              "teamMembers": []}  # fmt: skip
    for t, c, v, d, p, m, n, k, e, o in places:
        doc.township(t, c)
        doc.village(v, t)
        doc.sections["villages"][-1]["location"] = {"lat": 30.0, "lon": 120.0}
        doc.department(d, kind="TOWNSHIP_INSTITUTION", township=t)
        doc.person(p, department=d, joined=2000, skills={"K": 5})
        doc.person(m, department=d, joined=2025, skills={"K": 1})
        doc.service(p, v, "TECHNICAL_SUPPORT", "2026-01-01")
        doc.dispatch(p, t, "2026-01-01")
        doc.mentorship(p, m, "2026-01-01")
        doc.post(o, d, requires={"K": 1})
        extra["needs"].append({"id": doc.id(n), "village": doc.id(v), "title": "需求",
                               "quarter": "2026Q4", "urgency": "LOW",
                               "skills": [{"skill": doc.id("K"), "level": 2}]})  # fmt: skip
        extra["tasks"].append({"id": doc.id(k), "title": "巡堤", "domain": "防汛",
                               "kind": "ROUTINE", "status": "INITIATED",
                               "initiatedBy": "VILLAGE", "village": doc.id(v),
                               "createdAt": "2026-11-01T08:00:00Z"})  # fmt: skip
        extra["teams"].append({"id": doc.id(e), "name": "应急队", "kind": "EMERGENCY_TEAM",
                               "township": doc.id(t)})  # fmt: skip
        extra["teamMembers"].append({"person": doc.id(p), "team": doc.id(e), "role": "队员",
                                     "since": "2026-01-01"})  # fmt: skip
    # A task of V already staffed, where people can be assigned and a supervisor named.
    extra["tasks"].append({"id": doc.id("TS"), "title": "巡堤", "domain": "防汛",
                           "kind": "ROUTINE", "status": "STAFFED", "plan": "联合巡堤",
                           "initiatedBy": "VILLAGE", "village": doc.id("V"),
                           "createdAt": "2026-11-01T08:00:00Z",
                           "assignments": [{"person": doc.id("A"), "role": "LEAD",
                                            "since": "2026-11-02"}]})  # fmt: skip
    doc.sections.update(extra)
    await doc.load(graph)
    # Each township announces a post selection (ST, ST2, SX) of its post (OT, OT2, OX).
    ctx = Context(graph)
    for t, s, o in (("T", "ST", "OT"), ("T2", "ST2", "OT2"), ("XT", "SX", "OX")):
        await selection.announce(
            ctx, selection_id=doc.id(s), title="选岗", township_id=doc.id(t),
            deadline=dt.date(2099, 12, 31), offers=[selection.Offer(doc.id(o))],
        )  # fmt: skip
    return doc


async def _snapshot(graph: Graph, uid: str) -> dict[str, Any]:
    return (await queries.read(graph, "scope/touching", {"prefix": uid}))[0]


def _codes(body: dict[str, Any]) -> set[str]:
    return {e["extensions"]["code"] for e in body.get("errors") or []}


@pytest.mark.parametrize("caller", sorted(CALLERS))
@pytest.mark.parametrize("mutation", sorted(CASES))
async def test_a_write_outside_the_callers_unit_is_forbidden_and_writes_nothing(
    graph: Graph, gql: GraphQLClient, uid: str, mutation: str, caller: str
) -> None:
    # given the two-county ground and a clerk
    doc = await ground(graph, uid)
    role, unit, allowed = CALLERS[caller]
    clerk = gql.as_(role, unit=doc.id(unit))

    for where in ("other", "county", "own"):  # the refusals first: they must leave all as it was
        query, variables = CASES[mutation](doc, where)
        before = await _snapshot(graph, uid)

        # when the clerk calls the mutation on a target there
        body = await clerk.post(query, variables)

        if where in allowed:
            # then the scope lets it through (the domain rules may still refuse)
            assert "FORBIDDEN" not in _codes(body), (where, body)
        else:
            # then it is refused as out of scope, naming the argument, and nothing changed
            assert _codes(body) == {"FORBIDDEN"}, (where, body)
            assert "is outside your" in body["errors"][0]["message"]
            assert await _snapshot(graph, uid) == before, where


@pytest.mark.parametrize("mutation", VILLAGE_CASES)
async def test_a_village_secretary_writes_only_for_their_village(
    graph: Graph, gql: GraphQLClient, uid: str, mutation: str
) -> None:
    # given the ground and the secretary of village V
    doc = await ground(graph, uid)
    secretary = gql.as_(Role.VILLAGE, unit=doc.id("V"))

    # when they write for V2 (same township's county) and for V
    elsewhere = await secretary.post(*CASES[mutation](doc, "county"))
    own = await secretary.post(*CASES[mutation](doc, "own"))

    # then only their own village's is let through
    assert _codes(elsewhere) == {"FORBIDDEN"}
    assert "FORBIDDEN" not in _codes(own)


@pytest.mark.parametrize(
    ("mutation", "member"),
    [("assignPeople", "p"), ("startSupervision", "p"), ("addTeamMember", "p"),
     ("startMentorship", "m"), ("confirmMentorAssignment", "m")],
)  # fmt: skip
async def test_people_from_the_county_may_join_the_units_work_but_none_from_another_county(
    graph: Graph, gql: GraphQLClient, uid: str, mutation: str, member: str
) -> None:
    # given the ground and a township clerk of T, with T's own task, team or mentee as target
    doc = await ground(graph, uid)
    clerk = gql.as_(Role.TOWNSHIP, unit=doc.id("T"))
    query, variables = CASES[mutation](doc, "own")
    if "t" in variables:
        variables["t"] = doc.id("TS")  # a task whose status lets people be assigned

    # when they bring in Z of county X, then B of township T2 (same county)
    before = await _snapshot(graph, uid)
    foreign = await clerk.post(query, {**variables, member: doc.id("Z")})
    after = await _snapshot(graph, uid)
    same_county = await clerk.post(query, {**variables, member: doc.id("B")})

    # then B is let through, Z refused with nothing written
    assert "FORBIDDEN" not in _codes(same_county), same_county
    assert _codes(foreign) == {"FORBIDDEN"}, foreign
    assert after == before
