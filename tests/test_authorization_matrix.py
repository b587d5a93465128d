"""The authorization matrix of reads: every field that returns people × every role × a person of
the caller's unit, of the same county, of another county.

Each query below reaches one such field for the same two-county ground. As ADMIN it must show
the people it is meant to (so each row really exercises its field); as anyone else, a person of
another county never appears, a person of the caller's unit shows a phone (masked for VILLAGE and
VIEWER), and anyone else of the county shows none (a directory card). A new field that returns
people fails `test_every_field_that_returns_people_is_in_the_matrix` until it has a row here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from graphql import GraphQLObjectType, GraphQLUnionType, get_named_type

from graph.db import Graph
from model.access import Role
from resolvers import acknowledgement, selection
from resolvers.context import Context
from schema.root import build_schema
from tests.conftest import GraphQLClient
from tests.factories import Doc

# The county's collaboration network while A, B and Z worked together (Z served V until mid-2024).
NET = 'countyId: $C, from: "2023-01-01", to: "2025-12-31"'
P = "id phone"  # what each query asks of a person; `@` in a query below stands for it
# field (Type.field) → (query, the people ADMIN must see there)
MATRIX: dict[str, tuple[str, set[str]]] = {
    "Query.person": ("{ a: person(id: $A) { @ } z: person(id: $Z) { @ } }", {"A", "Z"}),
    "PersonEdge.node": ("{ people(filter: {search: $q}, first: 50) { edges { node { @ } } } }",
                        {"A", "B", "Z"}),
    "Department.staff": ("{ department(id: $D) { staff { @ } } }", {"A"}),
    "PostHolder.person": ("{ post(id: $P) { holders { person { @ } } } }", {"A", "B", "Z"}),
    "VillageService.person": ("{ village(id: $V) { servedBy { person { @ } } } }",
                              {"A", "B", "Z"}),
    "Mentorship.person": ("{ person(id: $M2) { mentors { person { @ } } } }",
                          {"A", "B", "Z"}),
    "ServiceMatch.person": ("{ peopleWhoServed(villageId: $V, skillId: $K) { person { @ } } }",
                            {"A", "B", "Z"}),
    "MentorMatch.mentor": ("{ mentorCandidates(menteeId: $M, skillIds: [$K]) { mentor { @ } } }",
                           {"A", "B", "Z"}),
    "MentorPair.mentor": ("{ mentorAssignment(menteeIds: [$A], skillIds: [$K2]) { pairs "
                          "{ mentor { @ } } greedy { pairs { mentor { @ } } } } }", {"B"}),
    "MentorPair.mentee": ("{ mentorAssignment(menteeIds: [$A], skillIds: [$K2]) { pairs "
                          "{ mentee { @ } } } }", {"A"}),
    "UnassignedMentee.mentee": ("{ mentorAssignment(menteeIds: [$Z], skillIds: [$K2]) "
                                "{ unassigned { mentee { @ } } } }", {"Z"}),
    "TeamProposalMember.person": ("{ teamProposal(needId: $N) { members { person { @ } } } }",
                                  {"B"}),
    "TalentEdge.node": ("{ talentPool(skillIds: [$K], first: 50) { edges { node { @ } } } }",
                        {"A", "B", "Z"}),
    "RosterEntry.person": ("{ emergencyRoster(villageId: $V, skillIds: [$K], radiusKm: 50) "
                           "{ person { @ } } }", {"A", "B", "Z"}),
    "EmergencyTeamMember.person": ("{ emergencyTeam(villageId: $V, skillIds: [$K]) "
                                   "{ members { person { @ } } } }", {"A"}),
    "CapabilityHolder.person": ("{ capabilityList(townshipId: $T) { skills { people { person "
                                "{ @ } } } } }", {"A"}),
    "NeedCandidate.person": ("{ needMatches(townshipId: $T, quarter: $q4) { needs { candidates "
                             "{ person { @ } } } unmet { countyCandidates { person { @ } } } } }",
                             {"A", "B"}),
    "TaskAssignment.person": ("{ task(id: $K1) { assignments { person { @ } } } }",
                              {"A", "B", "Z"}),
    "Acknowledgement.person": ("{ task(id: $KE) { acknowledgements { person { @ } } } }",
                               {"A", "B", "Z"}),
    "Task.awaitingAcknowledgement": ("{ task(id: $K1) { awaitingAcknowledgement { @ } } }",
                                     {"A", "B", "Z"}),
    "TeamMember.person": ("{ team(id: $E) { members { person { @ } } } }", {"A", "B", "Z"}),
    "QuotaLine.people": ('{ dispatchCompliance(countyId: $C, asOf: "2025-06-01") { lines '
                         "{ people { @ } } } }", {"A"}),
    "ComplianceLine.person": ('{ complianceReport(countyId: $C, asOf: "2025-06-01") { lines '
                              "{ person { @ } } } }", {"A"}),
    "PostFitMatch.person": ("{ postFit(postId: $P, first: 50) { person { @ } } }", {"A", "B"}),
    "HolderBelowRequirement.person": ("{ postHoldersBelowRequirement(countyId: $C) { lines "
                                      "{ person { @ } } } }", {"A"}),
    "WorkTeamCadre.person": ('{ workTeamComposition(countyId: $C, asOf: "2020-06-01") '
                             "{ cadres { person { @ } } } }", {"A", "B", "Z"}),
    "CompositionTarget.people": ('{ workTeamComposition(countyId: $C, asOf: "2020-06-01") '
                                 "{ targets { people { @ } } } }", {"A", "B", "Z"}),
    "SelectionPost.ranking": ("{ postSelection(id: $S) { posts { ranking { @ } } } }",
                              {"A", "B", "Z"}),
    "SelectionApplication.person": ("{ postSelection(id: $S) { applications { person { @ } } } }",
                                    {"A", "B", "Z"}),
    "SelectionPick.person": ("{ postSelection(id: $S) { proposal { person { @ } } "
                             "decision { person { @ } } } }", {"A", "B", "Z"}),
    "SelectionDifference.proposed": ("{ postSelection(id: $S) { differences { proposed { @ } } } }",
                                     {"A", "B", "Z"}),
    "SelectionDifference.decided": ("{ postSelection(id: $S) { differences { decided { @ } } } }",
                                    {"A", "B"}),
    "HandoverList.person": ("{ a: handoverList(postId: $P, personId: $A) { person { @ } } "
                            "z: handoverList(postId: $P, personId: $Z) { person { @ } } }",
                            {"A", "Z"}),
    "HandoverList.mentees": ("{ handoverList(postId: $P, personId: $A) { mentees { @ } } }",
                             {"B"}),
    "RotationLine.person": ("{ rotationList(countyId: $C) { lines { person { @ } } } }",
                            {"A", "B", "Z"}),
    "Assessment.person": ("{ a: assessment(personId: $A, year: 2025) { person { @ } } "
                          "z: assessment(personId: $Z, year: 2025) { person { @ } } }",
                          {"A", "Z"}),
    "NetworkPerson.person": (f"{{ collaborationNetwork({NET}) {{ people {{ person {{ @ }} }} }} }}",
                             {"A", "B", "Z"}),
    "Tie.a": (f"{{ collaborationNetwork({NET}) {{ ties {{ a {{ @ }} }} }} }}", {"A", "B"}),
    "Tie.b": (f"{{ collaborationNetwork({NET}) {{ ties {{ b {{ @ }} }} }} }}", {"B", "Z"}),
    # Z (trained at D2 with B in 2020, first secretary of VA with A) alone links A and B then.
    "Broker.person": ("{ collaborationNetwork(countyId: $C, from: \"2020-01-01\", "
                      "to: \"2021-12-31\", kinds: [TRAINING, VILLAGE]) { brokers { person "
                      "{ @ } } } }", {"Z"}),
    "Community.members": (f"{{ collaborationNetwork({NET}) {{ communities {{ members "
                          "{ @ } } } }", {"A", "B", "Z"}),
    "SearchHit.node": ("{ search(text: $q, kinds: [PERSON], first: 50) { node "
                       "{ ... on Person { @ } } } }", {"A", "B", "Z"}),
}  # fmt: skip
# Fields whose people come back from a write (covered by the write-scope tests).
PAYLOADS = {"ServicePayload", "DispatchPayload", "TrainingPayload", "MentorshipPayload",
            "SetSkillPayload", "SetRankPayload", "WorkTeamReviewPayload",
            "EvaluationPayload", "TrainingPlanPayload"}  # fmt: skip

CALLERS = [(Role.COUNTY, "C"), (Role.TOWNSHIP, "T"), (Role.VILLAGE, "V"), (Role.VIEWER, "T2")]
# Whose whole record each caller sees (its unit's people); the rest of county C are cards.
UNIT_PEOPLE = {"C": {"A", "B"}, "T": {"A"}, "V": set(), "T2": {"B"}}
PHONES = {"A": "13800000001", "B": "13800000002", "Z": "13800000009"}


def _may_be_person(kind: object) -> bool:
    """A Person, or a union one of whose members is (the search box's results)."""
    if isinstance(kind, GraphQLUnionType):
        return any(member.name == "Person" for member in kind.types)
    return getattr(kind, "name", None) == "Person"


def test_every_field_that_returns_people_is_in_the_matrix() -> None:
    # given the schema / when its fields typed Person (or a union with Person) are listed /
    # then each has a row
    schema = build_schema()._schema
    fields = {
        f"{name}.{field}"
        for name, kind in schema.type_map.items()
        if isinstance(kind, GraphQLObjectType) and not name.startswith("__")
        and name not in PAYLOADS and name != "Mutation"
        for field, spec in kind.fields.items()
        if _may_be_person(get_named_type(spec.type))
    }  # fmt: skip
    assert fields == set(MATRIX)


async def ground(graph: Graph, uid: str) -> Doc:
    """County C: township T (village V; 水利站 D with A, mentees M and M2; post P) and T2 (B);
    county X: township XT (Z). A, B, Z hold K at 4 and K2 (A at 3, B and Z at 5), served V
    (ended), hold P (A also P2, which requires K2 at 5), mentor M2, are assigned to task K1 at
    V and to the emergency KE there (which they acknowledged), and are members of team E of T.
    Need N at V asks K at 3 and K2 at 5 this quarter. Ranked SECTION, A and Z were first
    secretaries of VA (T), B of VB (T2), in 2020–2021; B and Z trained at D2 in spring 2020."""
    doc = Doc(uid)
    lat, lon = 10 + int(uid[1:4], 16) % 50, 60 + int(uid[4:7], 16) % 60
    doc.county("C")
    doc.county("X")
    for key, county, north in (("T", "C", 0.0), ("T2", "C", 0.01), ("XT", "X", 0.02)):
        doc.township(key, county)
        doc.sections["townships"][-1]["location"] = {"lat": lat + north, "lon": lon}
    doc.village("V", "T")
    doc.sections["villages"][-1]["location"] = {"lat": lat + 0.005, "lon": lon + 0.005}
    doc.village("VA", "T")
    doc.village("VB", "T2")
    doc.skill("K", "防汛抢险")
    doc.skill("K2", "堤坝巡查")
    for key, unit in (("D", "T"), ("D2", "T2"), ("DX", "XT")):
        doc.department(key, kind="TOWNSHIP_INSTITUTION", township=unit)
    for key, dept in (("A", "D"), ("B", "D2"), ("Z", "DX")):
        doc.sections.setdefault("people", []).append({
            "id": doc.id(key), "name": f"{uid}{key}", "department": doc.id(dept),
            "joinedYear": 2005, "phone": PHONES[key], "rank": "SECTION",
            # A falls short of K2 at 5, so the need N goes to the county (B) for it.
            "skills": [{"skill": doc.id("K"), "level": 4},
                       {"skill": doc.id("K2"), "level": 3 if key == "A" else 5}],
        })  # fmt: skip
    doc.person("M", f"{uid}M", department="D", joined=2024, skills={"K": 1})
    doc.person("M2", f"{uid}M2", department="D", joined=2024)
    doc.post("P", "D", requires={"K": 3})
    # A holds P2 below its level of K2 (3 of 5), for postHoldersBelowRequirement.
    doc.post("P2", "D", requires={"K2": 5})
    doc.holds("A", "P2", "2023-01-01")
    for key in ("A", "B", "Z"):
        doc.service(key, "V", "TECHNICAL_SUPPORT", "2023-01-01", "2024-06-30")
        doc.holds(key, "P", "2023-01-01")
        doc.mentorship(key, "M2", "2024-01-01")
        doc.service(
            key, "VB" if key == "B" else "VA", "FIRST_SECRETARY", "2020-01-01", "2021-12-31"
        )
    roles = (("A", "LEAD"), ("B", "MEMBER"), ("Z", "MEMBER"))
    doc.sections.update({
        "needs": [{"id": doc.id("N"), "village": doc.id("V"), "title": "汛前排查",
                   "quarter": "2026Q4", "urgency": "HIGH",
                   "skills": [{"skill": doc.id("K"), "level": 3},
                              {"skill": doc.id("K2"), "level": 5}]}],
        "teams": [{"id": doc.id("E"), "name": "应急队", "kind": "EMERGENCY_TEAM",
                   "township": doc.id("T")}],
        "teamMembers": [{"person": doc.id(k), "team": doc.id("E"), "role": "队员",
                         "since": "2024-01-01"} for k, _ in roles],
        "tasks": [{"id": doc.id("K1"), "title": "巡堤", "domain": "防汛", "kind": "ROUTINE",
                   "status": "STAFFED", "plan": "联合巡堤", "initiatedBy": "VILLAGE",
                   "village": doc.id("V"), "createdAt": "2025-07-01T08:00:00Z",
                   "assignments": [{"person": doc.id(k), "role": r, "since": "2025-07-02"}
                                   for k, r in roles]},
                  # KE: an emergency at V that A, B and Z have acknowledged (below).
                  {"id": doc.id("KE"), "title": "管涌", "domain": "防汛", "kind": "EMERGENCY",
                   "severity": "I", "status": "STAFFED", "initiatedBy": "TOWNSHIP",
                   "village": doc.id("V"), "createdAt": "2025-07-01T08:00:00Z",
                   "assignments": [{"person": doc.id(k), "role": r, "since": "2025-07-01"}
                                   for k, r in roles]}],
    })  # fmt: skip
    # A is dispatched to T against a quota of 2025, after an earlier dispatch of four months
    # there (a breach of the two-year stay, for complianceReport).
    doc.dispatch("A", "T", "2019-01-01", "2019-04-30")
    doc.dispatch("A", "T", "2024-01-01")
    doc.sections["quotas"] = [
        {"department": doc.id("D"), "township": doc.id("T"), "year": 2025, "quota": 2}
    ]
    doc.mentorship("A", "B", "2024-01-01")  # A hands B over as a mentee
    doc.sections["trainings"] = [
        {"person": doc.id(k), "department": doc.id("D2"), "since": "2020-03-01",
         "until": "2020-05-31"} for k in ("B", "Z")
    ]  # fmt: skip
    await doc.load(graph)
    # Post selection S of T: A, B, Z apply for P (3 places), ranked in that order; the decision
    # appoints A and B only, so it differs from the proposal (all three).
    ctx = Context(graph)
    for key in ("A", "B", "Z"):
        await acknowledgement.acknowledge_emergency(
            ctx, task_id=doc.id("KE"), person_id=doc.id(key), eta_minutes=30
        )
    s = await selection.announce(
        ctx, selection_id=doc.id("S"), title="选岗", township_id=doc.id("T"),
        deadline=dt.date(2099, 12, 31), offers=[selection.Offer(doc.id("P"), 3)],
    )  # fmt: skip
    for key in ("A", "B", "Z"):
        await selection.apply_for_posts(ctx, s, doc.id(key), [doc.id("P")])
    await selection.rank_applicants(ctx, s, doc.id("P"), [doc.id(k) for k in ("A", "B", "Z")])
    chosen = [selection.Appointment(doc.id("P"), doc.id(k)) for k in ("A", "B")]
    await selection.decide(ctx, s, chosen, None, None)
    return doc


def _variables(doc: Doc, query: str) -> tuple[str, dict[str, Any]]:
    """The query with its variables declared, and their values for this ground."""
    keys = ("A", "Z", "D", "P", "V", "M", "M2", "K", "K2", "T", "K1", "KE", "E", "C", "S", "N")
    values: dict[str, Any] = {k: doc.id(k) for k in keys}
    values |= {"q": doc.uid, "q4": "2026Q4"}
    used = {name: value for name, value in values.items() if re.search(rf"\${name}\b", query)}
    declared = ", ".join(f"${name}: {'String!' if name in ('q', 'q4') else 'ID!'}" for name in used)
    return f"query({declared}) {query.replace('@', P)}", used


def _people(body: Any, doc: Doc) -> list[tuple[str, Any]]:
    """(key, phone) of every person of the ground anywhere in a response."""
    keys = {doc.id(k): k for k in PHONES}
    found: list[tuple[str, Any]] = []
    if isinstance(body, dict):
        if body.get("id") in keys and "phone" in body:
            found.append((keys[body["id"]], body["phone"]))
        for value in body.values():
            found += _people(value, doc)
    elif isinstance(body, list):
        for value in body:
            found += _people(value, doc)
    return found


@pytest.mark.parametrize("field", sorted(MATRIX))
async def test_each_role_sees_unit_whole_county_as_cards_and_no_other_county(
    graph: Graph, gql: GraphQLClient, uid: str, field: str
) -> None:
    # given the two-county ground and the query that reaches `field`
    doc = await ground(graph, uid)
    query, variables = _variables(doc, MATRIX[field][0])

    # when the administrator asks / then the field shows the people it is meant to
    admin = await gql.data(query, variables)
    assert {k for k, _ in _people(admin, doc)} == MATRIX[field][1]

    for role, unit in CALLERS:
        # when a caller of each role asks the same
        body = await gql.as_(role, unit=doc.id(unit)).post(query, variables)
        seen = _people(body, doc)
        # then nobody of county X, the unit's own people with a phone, the rest of C without
        assert "Z" not in {k for k, _ in seen}, (role, body)
        for key, phone in seen:
            if key in UNIT_PEOPLE[unit]:
                masked = role in (Role.VILLAGE, Role.VIEWER)
                expected = f"{PHONES[key][:3]}****{PHONES[key][-4:]}" if masked else PHONES[key]
                assert phone == expected, (role, key, body)
            else:
                assert phone is None, (role, key, body)
