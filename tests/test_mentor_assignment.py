"""mentorAssignment (a whole intake), confirmMentorAssignment (all or nothing), mentorCandidates'
orderBy COVERAGE and teamProposal, against the real graph with hand-computed answers."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

AS_OF = "2024-06-01"
VETERAN = 2000

ASSIGN = """
query($mentees: [ID!]!, $skills: [ID!], $three: Boolean) {
  mentorAssignment(menteeIds: $mentees, skillIds: $skills, asOf: "2024-06-01",
                   threeLevels: $three) {
    pairs { mentee { id } mentor { id } level score reasons coveredSkills { id } }
    unassigned { mentee { id } level reason }
    totalScore coveredSkillCount
    greedy { pairs { mentee { id } mentor { id } } unassignedCount coveredSkillCount }
  }
}
"""
CONFIRM = """
mutation($pairs: [MentorPairInput!]!) {
  confirmMentorAssignment(pairs: $pairs, since: "2024-06-01") { mentor { id } mentee { id } }
}
"""


def frame(uid: str) -> Doc:
    """County C, township T (office TO, village V with committee VC), county department CD,
    skills K1, K2, K3."""
    doc = place(Doc(uid))
    doc.department("TO", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("VC", kind="VILLAGE_COMMITTEE", village="V")
    doc.department("CD", kind="COUNTY_DEPARTMENT", county="C")
    for key in ("K1", "K2", "K3"):
        doc.skill(key)
    return doc


def busy(doc: Doc, mentor: str, taken: int) -> None:
    """`taken` of the mentor's three places already filled."""
    for n in range(taken):
        doc.person(f"{mentor}x{n}", department="TO", joined=2023)
        doc.mentorship(mentor, f"{mentor}x{n}", "2024-01-01")


def pairs(doc: Doc, found: list[dict[str, Any]]) -> list[tuple[str, str]]:
    local = len(doc.uid)
    return [(p["mentee"]["id"][local:], p["mentor"]["id"][local:]) for p in found]


def greedy_frame(uid: str) -> Doc:
    """E1 holds K1, E2 K1 and K2 (level 1, so those are their targets); mentor A holds both at
    4, B only K1 at 4; each has one place left. In every other part A and B are alike."""
    doc = frame(uid)
    doc.person("E1", department="TO", joined=2023, skills={"K1": 1})
    doc.person("E2", department="TO", joined=2023, skills={"K1": 1, "K2": 1})
    doc.person("A", department="TO", joined=VETERAN, skills={"K1": 4, "K2": 4})
    doc.person("B", department="TO", joined=VETERAN, skills={"K1": 4})
    busy(doc, "A", 2)
    busy(doc, "B", 2)
    return doc


async def test_the_intake_gets_the_optimum_where_greedy_wastes_the_mentor_both_need(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the greedy frame: A and B tie for E1 (A by id), only A covers both of E2's skills
    doc = greedy_frame(uid)
    await doc.load(graph)

    # when the intake E1, E2 is assigned
    data = await gql.data(ASSIGN, {"mentees": [doc.id("E1"), doc.id("E2")]})
    found = data["mentorAssignment"]

    # then greedy gives E1 A and E2 only B (2 skills covered); the optimum swaps them (3)
    assert pairs(doc, found["greedy"]["pairs"]) == [("E1", "A"), ("E2", "B")]
    assert found["greedy"]["coveredSkillCount"] == 2
    assert pairs(doc, found["pairs"]) == [("E1", "B"), ("E2", "A")]
    assert found["coveredSkillCount"] == 3
    assert found["unassigned"] == []
    assert found["pairs"][1]["reasons"][0] == "covers 2 of 2 target skills"


async def test_capacity_leaves_the_last_mentee_without_a_mentor_and_says_why(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the greedy frame and a third mentee E3 holding K1, with only two places in all
    doc = greedy_frame(uid)
    doc.person("E3", department="TO", joined=2023, skills={"K1": 1, "K2": 1})
    await doc.load(graph)

    # when E1, E2, E3 are assigned
    ids = [doc.id(k) for k in ("E1", "E2", "E3")]
    found = (await gql.data(ASSIGN, {"mentees": ids}))["mentorAssignment"]

    # then two are paired, within one place each, and one is left with the reason
    assert sorted(m for _, m in pairs(doc, found["pairs"])) == ["A", "B"]
    assert len(found["unassigned"]) == 1
    assert "places taken by others of this intake" in found["unassigned"][0]["reason"]


async def test_three_levels_give_one_mentor_at_each_level(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given mentee E holding K1 at 1; mentors at county (PC), township (PT at 4, PT2 at 3)
    # and village (PV) level
    doc = frame(uid)
    doc.person("E", department="TO", joined=2023, skills={"K1": 1})
    doc.person("PC", department="CD", joined=VETERAN, skills={"K1": 4})
    doc.person("PT", department="TO", joined=VETERAN, skills={"K1": 4})
    doc.person("PT2", department="TO", joined=VETERAN, skills={"K1": 3})
    doc.person("PV", department="VC", joined=VETERAN, skills={"K1": 4})
    await doc.load(graph)

    # when E is assigned with three levels
    data = await gql.data(ASSIGN, {"mentees": [doc.id("E")], "three": True})
    found = data["mentorAssignment"]

    # then one each, county, township (the higher level), village, in that order
    assert pairs(doc, found["pairs"]) == [("E", "PC"), ("E", "PT"), ("E", "PV")]
    assert [p["level"] for p in found["pairs"]] == ["COUNTY", "TOWNSHIP", "VILLAGE"]
    assert "county-level mentor" in found["pairs"][0]["reasons"]


async def test_an_unknown_mentee_is_not_found(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    body = await gql.post(ASSIGN, {"mentees": [f"{uid}nobody"]})
    assert only_error(body) == ("NOT_FOUND", f"menteeIds: no person with id '{uid}nobody'")


async def test_confirm_starts_every_pair_or_none(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the greedy frame (A and B have one place each)
    doc = greedy_frame(uid)
    await doc.load(graph)

    def pair(mentor: str, mentee: str) -> dict[str, str]:
        return {"mentorId": doc.id(mentor), "menteeId": doc.id(mentee)}

    # when A is given both mentees, the second beyond A's last place
    body = await gql.post(CONFIRM, {"pairs": [pair("A", "E1"), pair("A", "E2")]})

    # then it is refused naming the second pair, and E1 has no mentor either
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("pairs[1].mentorId: ")
    count = "MATCH (:Person)-[r:MENTORS]->(e:Person) WHERE e.id IN $ids RETURN count(r) AS n"
    ids = [doc.id("E1"), doc.id("E2")]
    assert (await graph.read_text(count, {"ids": ids}, label="mentorships"))[0]["n"] == 0

    # when the optimum is confirmed / then both start
    data = await gql.data(CONFIRM, {"pairs": [pair("B", "E1"), pair("A", "E2")]})
    assert len(data["confirmMentorAssignment"]) == 2
    assert (await graph.read_text(count, {"ids": ids}, label="mentorships"))[0]["n"] == 2


async def test_order_by_coverage_puts_the_mentor_covering_both_skills_first(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given E (K1, K2 at 1) at T; A at T covers K1 at 4 (same-township bonus), B of another
    # township covers both at 3
    doc = frame(uid)
    doc.township("U", "C")
    doc.department("UO", kind="TOWNSHIP_OFFICE", township="U")
    doc.person("E", department="TO", joined=2023, skills={"K1": 1, "K2": 1})
    doc.person("A", department="TO", joined=VETERAN, skills={"K1": 4})
    doc.person("B", department="UO", joined=VETERAN, skills={"K1": 3, "K2": 3})
    await doc.load(graph)
    query = """query($e: ID!, $o: MentorOrder) {
      mentorCandidates(menteeId: $e, asOf: "2024-06-01", orderBy: $o) { mentor { id } } }"""

    # when ranked by default and by coverage
    by_score = await gql.data(query, {"e": doc.id("E")})
    by_coverage = await gql.data(query, {"e": doc.id("E"), "o": "COVERAGE"})

    # then the score puts A first (0.40·4/10 + 0.15 > 0.40·6/10); coverage puts B first
    first = len(doc.uid)
    assert [m["mentor"]["id"][first:] for m in by_score["mentorCandidates"]] == ["A", "B"]
    assert [m["mentor"]["id"][first:] for m in by_coverage["mentorCandidates"]] == ["B", "A"]


TEAM = """query($n: ID!) { teamProposal(needId: $n, asOf: "2024-06-01") {
  members { person { id } covers { skill { id } level } reasons }
  uncovered { skill { id } level } totalLevel } }"""


async def test_a_need_for_two_skills_gets_a_team_of_the_two_holders(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given need N at V for 人民调解 (K1) at 3 and 土地确权 (K2) at 3; P1 holds K1 at 4, P2 K2
    # at 3, P3 both at 2 (too low), P4 K1 at 5 but stationed in V
    doc = frame(uid)
    doc.person("P1", department="TO", skills={"K1": 4})
    doc.person("P2", department="TO", skills={"K2": 3})
    doc.person("P3", department="TO", skills={"K1": 2, "K2": 2})
    doc.person("P4", department="TO", skills={"K1": 5})
    doc.service("P4", "V", "STATIONED", "2024-01-01")
    needs = [("N", {"K1": 3, "K2": 3}), ("N2", {"K1": 3, "K3": 2})]
    doc.sections["needs"] = [
        {"id": doc.id(k), "village": doc.id("V"), "title": "调解", "quarter": "2024Q2",
         "urgency": "HIGH", "skills": [{"skill": doc.id(s), "level": n} for s, n in want.items()]}
        for k, want in needs
    ]  # fmt: skip
    await doc.load(graph)

    # when a team is proposed for N
    found = (await gql.data(TEAM, {"n": doc.id("N")}))["teamProposal"]

    # then P1 and P2, 7 levels in all, nothing uncovered
    first = len(doc.uid)
    assert [m["person"]["id"][first:] for m in found["members"]] == ["P1", "P2"]
    assert found["members"][0]["reasons"] == ["covers 技能K1 at level 4 (required: 3)"]
    assert (found["totalLevel"], found["uncovered"]) == (7, [])

    # when a team is proposed for N2 (K3 held by nobody) / then no team, K3 named
    found = (await gql.data(TEAM, {"n": doc.id("N2")}))["teamProposal"]
    assert found["members"] == []
    assert found["uncovered"] == [{"skill": {"id": doc.id("K3")}, "level": 2}]
