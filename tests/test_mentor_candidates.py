"""mentorCandidates: the target skills (given, else the mentee's active posts', else the mentee's
own), who is eligible on asOf, how candidates rank, what they report, and the errors."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

QUERY = """
query Mentors($mentee: ID!, $skills: [ID!], $limit: Int = 10, $asOf: Date) {
  mentorCandidates(menteeId: $mentee, skillIds: $skills, limit: $limit, asOf: $asOf) {
    mentor { id name }
    score
    reasons
    coveredSkills { id name }
    activeMentees
  }
}
"""

AS_OF = "2024-06-01"
VETERAN = 2000  # joined long enough ago for every test's asOf


async def candidates(
    gql: GraphQLClient, mentee: str, *, as_of: str = AS_OF, **arguments: Any
) -> list[dict[str, Any]]:
    data = await gql.data(QUERY, {"mentee": mentee, "asOf": as_of, **arguments})
    found: list[dict[str, Any]] = data["mentorCandidates"]
    return found


def mentors(found: list[dict[str, Any]]) -> list[str]:
    return [c["mentor"]["id"] for c in found]


def covered(found: list[dict[str, Any]]) -> dict[str, list[str]]:
    return {c["mentor"]["id"]: [s["id"] for s in c["coveredSkills"]] for c in found}


def frame(
    uid: str,
    *,
    department: str = "TO",
    joined: int = 2023,
    skills: dict[str, int] | None = None,
) -> Doc:
    """County C, township T with village V and an office TO, another township U with its office
    UO, skills K1…K5, and the mentee E (by default at TO, without skills of their own)."""
    doc = place(Doc(uid))
    doc.township("U", "C")
    doc.department("TO", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("UO", kind="TOWNSHIP_OFFICE", township="U")
    for key in ("K1", "K2", "K3", "K4", "K5"):
        doc.skill(key, f"技能{key}")
    doc.person("E", "新干部", department=department, joined=joined, skills=skills)
    return doc


# --- target skills ------------------------------------------------------------------------------


async def test_given_skill_ids_are_the_targets(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a mentee with an own skill K1 and an active post requiring K2, and a mentor for
    # each of K1, K2, K3
    doc = frame(uid, skills={"K1": 1})
    doc.post("J", "TO", {"K2": 3})
    doc.holds("E", "J", "2023-01-01")
    for n in ("1", "2", "3"):
        doc.person(f"M{n}", department="UO", joined=VETERAN, skills={f"K{n}": 4})
    await doc.load(graph)

    # when the skills are given
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K3")])

    # then only the mentor of K3 is a candidate, covering K3
    assert covered(found) == {doc.id("M3"): [doc.id("K3")]}


async def test_without_skill_ids_the_skills_of_the_mentees_active_posts_are_the_targets(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a mentee with an own skill K1, a post requiring K2 held on asOf, a post requiring K4
    # left before asOf and one requiring K5 taken up after it; a mentor for each skill
    doc = frame(uid, skills={"K1": 1})
    doc.post("J2", "TO", {"K2": 3})
    doc.post("J4", "TO", {"K4": 3})
    doc.post("J5", "TO", {"K5": 3})
    doc.holds("E", "J2", "2024-01-01", "2024-06-01")
    doc.holds("E", "J4", "2023-01-01", "2023-12-31")
    doc.holds("E", "J5", "2024-06-02")
    for n in ("1", "2", "4", "5"):
        doc.person(f"M{n}", department="UO", joined=VETERAN, skills={f"K{n}": 4})
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"))

    # then the target is K2 alone: the post held on asOf (inclusive until)
    assert covered(found) == {doc.id("M2"): [doc.id("K2")]}


async def test_without_skill_ids_or_active_posts_the_mentees_own_skills_are_the_targets(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a mentee with own skills K1 and K3 whose only post (requiring K4) ended before asOf
    doc = frame(uid, skills={"K1": 1, "K3": 2})
    doc.post("J4", "TO", {"K4": 3})
    doc.holds("E", "J4", "2023-01-01", "2024-05-31")
    for n in ("1", "2", "3", "4"):
        doc.person(f"M{n}", department="UO", joined=VETERAN, skills={f"K{n}": 4})
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"))

    # then the targets are the mentee's own skills
    assert covered(found) == {doc.id("M1"): [doc.id("K1")], doc.id("M3"): [doc.id("K3")]}
    assert mentors(found) == [doc.id("M1"), doc.id("M3")]


# --- eligibility --------------------------------------------------------------------------------


async def test_covered_skills_are_those_at_level_3_or_more_and_above_the_mentee(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a mentee at K1 level 3 without K2, and mentors at various levels of K1 and K2
    doc = frame(uid, skills={"K1": 3})
    for key, levels in (
        ("L1", {"K1": 3}),  # not above the mentee
        ("L2", {"K1": 4}),
        ("L3", {"K2": 2}),  # below 3
        ("L4", {"K2": 3}),
        ("L5", {"K1": 5, "K2": 3}),
        ("L6", {"K1": 3, "K2": 4}),  # K1 is not above the mentee: only K2 is covered
    ):
        doc.person(key, department="UO", joined=VETERAN, skills=levels)
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K1"), doc.id("K2")])

    # then
    assert covered(found) == {
        doc.id("L5"): [doc.id("K1"), doc.id("K2")],
        doc.id("L2"): [doc.id("K1")],
        doc.id("L6"): [doc.id("K2")],
        doc.id("L4"): [doc.id("K2")],
    }
    assert mentors(found) == [doc.id(k) for k in ("L5", "L2", "L6", "L4")]


async def test_the_mentee_is_never_their_own_candidate(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a veteran mentee who is an expert in K1, asking for a mentor in K1 and K2
    doc = frame(uid, joined=VETERAN, skills={"K1": 5})
    doc.person("M", department="UO", joined=VETERAN, skills={"K2": 4})
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K1"), doc.id("K2")])

    # then
    assert covered(found) == {doc.id("M"): [doc.id("K2")]}


async def test_a_current_mentor_of_the_mentee_is_not_a_candidate_a_former_or_future_one_is(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given mentors of E whose pairing with E is ongoing, ends on asOf, starts on asOf, ended
    # before asOf, or starts after it
    doc = frame(uid)
    for key in ("MA", "MB", "MC", "MD", "MF"):
        doc.person(key, department="UO", joined=VETERAN, skills={"K1": 4})
    doc.mentorship("MA", "E", "2023-01-01")
    doc.mentorship("MB", "E", "2023-01-01", AS_OF)
    doc.mentorship("MC", "E", AS_OF)
    doc.mentorship("MD", "E", "2023-01-01", "2024-05-31")
    doc.mentorship("MF", "E", "2024-06-02")
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K1")])

    # then only those not mentoring E on asOf, with no active mentee
    assert mentors(found) == [doc.id("MD"), doc.id("MF")]
    assert [c["activeMentees"] for c in found] == [0, 0]


async def test_a_mentor_with_three_active_mentees_is_full_with_two_is_not(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given M3 with three active mentees, M2 with two active, one finished and one future
    # mentee, and M9 with none
    doc = frame(uid)
    for key in ("M2", "M3", "M9"):
        doc.person(key, department="UO", joined=VETERAN, skills={"K1": 4})
    for n in range(1, 5):
        doc.person(f"X{n}")
    for n in range(1, 4):
        doc.mentorship("M3", f"X{n}", "2023-01-01")
    doc.mentorship("M2", "X1", "2023-01-01")
    doc.mentorship("M2", "X2", "2024-01-01", AS_OF)
    doc.mentorship("M2", "X3", "2022-01-01", "2023-12-31")
    doc.mentorship("M2", "X4", "2024-07-01")
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K1")])

    # then M3 is left out; M9's free places rank it above M2 despite its id
    assert mentors(found) == [doc.id("M9"), doc.id("M2")]
    assert [c["activeMentees"] for c in found] == [0, 2]


async def test_mentors_need_five_years_of_service_in_the_year_of_as_of(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given mentors who joined in 2019 and 2020, and one whose joining year is unknown
    doc = frame(uid)
    doc.person("Y5", department="UO", joined=2019, skills={"K1": 4})
    doc.person("Y4", department="UO", joined=2020, skills={"K1": 4})
    doc.person("YN", department="UO", skills={"K1": 5})
    await doc.load(graph)

    # when asking in 2024 and in 2025
    in_2024 = await candidates(gql, doc.id("E"), skills=[doc.id("K1")], as_of="2024-12-31")
    in_2025 = await candidates(gql, doc.id("E"), skills=[doc.id("K1")], as_of="2025-01-01")

    # then 5 years are enough, 4 are not, and an unknown year never is
    assert mentors(in_2024) == [doc.id("Y5")]
    assert mentors(in_2025) == [doc.id("Y5"), doc.id("Y4")]


# --- ranking ------------------------------------------------------------------------------------


async def test_covering_an_extra_target_skill_ranks_higher(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two mentors alike but for B also covering K2
    doc = frame(uid)
    doc.person("A", department="UO", joined=VETERAN, skills={"K1": 4})
    doc.person("B", department="UO", joined=VETERAN, skills={"K1": 4, "K2": 3})
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K1"), doc.id("K2")])

    # then
    assert mentors(found) == [doc.id("B"), doc.id("A")]
    assert found[0]["score"] > found[1]["score"]


async def test_a_higher_level_ranks_higher(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given two mentors alike but for B's higher level
    doc = frame(uid)
    doc.person("A", department="UO", joined=VETERAN, skills={"K1": 4})
    doc.person("B", department="UO", joined=VETERAN, skills={"K1": 5})
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K1")])

    # then
    assert mentors(found) == [doc.id("B"), doc.id("A")]


async def test_more_years_of_service_rank_higher(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two mentors alike but for B's longer service
    doc = frame(uid)
    doc.person("A", department="UO", joined=2012, skills={"K1": 4})
    doc.person("B", department="UO", joined=2002, skills={"K1": 4})
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K1")])

    # then
    assert mentors(found) == [doc.id("B"), doc.id("A")]


async def test_village_experience_ranks_higher(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given two mentors alike but for B having served a village
    doc = frame(uid)
    doc.person("A", department="UO", joined=VETERAN, skills={"K1": 4})
    doc.person("B", department="UO", joined=VETERAN, skills={"K1": 4})
    doc.service("B", "V", "LIAISON", "2010-01-01", "2012-12-31")
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K1")])

    # then
    assert mentors(found) == [doc.id("B"), doc.id("A")]
    assert "served in 1 village (village experience)" in found[0]["reasons"]


async def test_working_in_the_mentees_township_ranks_higher(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a mentee at township T's office; A works in township U, B in T
    doc = frame(uid)
    doc.department("TI", kind="TOWNSHIP_INSTITUTION", township="T")
    doc.person("A", department="UO", joined=VETERAN, skills={"K1": 4})
    doc.person("B", department="TI", joined=VETERAN, skills={"K1": 4})
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K1")])

    # then
    assert mentors(found) == [doc.id("B"), doc.id("A")]
    assert "works in the mentee's township" in found[0]["reasons"]
    assert "works in the mentee's township" not in found[1]["reasons"]


async def test_the_township_of_a_village_cadre_is_that_of_their_village(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a mentee on the committee of village V in T; A on the committee of a village in U,
    # B on the committee of another village W in T
    doc = frame(uid, department="VC")
    doc.village("W", "T")
    doc.village("X", "U")
    doc.department("VC", kind="VILLAGE_COMMITTEE", village="V")
    doc.department("WC", kind="VILLAGE_COMMITTEE", village="W")
    doc.department("XC", kind="VILLAGE_COMMITTEE", village="X")
    doc.person("A", department="XC", joined=VETERAN, skills={"K1": 4})
    doc.person("B", department="WC", joined=VETERAN, skills={"K1": 4})
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K1")])

    # then
    assert mentors(found) == [doc.id("B"), doc.id("A")]
    assert "works in the mentee's township" in found[0]["reasons"]


async def test_a_dispatch_active_on_as_of_places_a_person_in_the_township(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a county-department mentee dispatched to T on asOf; A works in U's office, B in T's,
    # D is county staff whose dispatch to T ended before asOf, F county staff dispatched to T now
    doc = frame(uid, department="CD")
    doc.department("CD", kind="COUNTY_DEPARTMENT", county="C")
    doc.dispatch("E", "T", "2023-06-01", "2026-05-31")
    doc.person("A", department="UO", joined=VETERAN, skills={"K1": 4})
    doc.person("B", department="TO", joined=VETERAN, skills={"K1": 4})
    doc.person("D", department="CD", joined=VETERAN, skills={"K1": 4})
    doc.dispatch("D", "T", "2020-01-01", "2024-05-31")
    doc.person("F", department="CD", joined=VETERAN, skills={"K1": 4})
    doc.dispatch("F", "T", AS_OF)
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("K1")])

    # then B and F share E's township on asOf, A and D do not
    assert mentors(found) == [doc.id("B"), doc.id("F"), doc.id("A"), doc.id("D")]


async def test_ties_are_broken_by_mentor_id_and_limit_cuts_the_ranking(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given five mentors: three alike (by id), one better and one worse
    doc = frame(uid)
    for key in ("Q3", "Q1", "Q2"):
        doc.person(key, department="UO", joined=VETERAN, skills={"K1": 4})
    doc.person("Q0", department="UO", joined=VETERAN, skills={"K1": 3})
    doc.person("Q9", department="UO", joined=VETERAN, skills={"K1": 5})
    await doc.load(graph)

    # when
    everyone = await candidates(gql, doc.id("E"), skills=[doc.id("K1")])
    top = await candidates(gql, doc.id("E"), skills=[doc.id("K1")], limit=3)
    one = await candidates(gql, doc.id("E"), skills=[doc.id("K1")], limit=1)

    # then
    assert mentors(everyone) == [doc.id(k) for k in ("Q9", "Q1", "Q2", "Q3", "Q0")]
    assert mentors(top) == [doc.id(k) for k in ("Q9", "Q1", "Q2")]
    assert mentors(one) == [doc.id("Q9")]
    scores = [c["score"] for c in everyone]
    assert scores == sorted(scores, reverse=True)
    assert scores[1] == scores[2] == scores[3]


# --- what a candidate reports -------------------------------------------------------------------


async def test_reasons_name_the_covered_skills_and_the_score_is_within_0_and_1(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a village cadre of the mentee's township, expert in both targets, with 30 years of
    # service and no mentee (best on every part), and a weak but eligible mentor elsewhere
    doc = frame(uid)
    doc.skill("KR", "水稻栽培")
    doc.skill("KT", "茶叶种植")
    doc.department("VC", kind="VILLAGE_COMMITTEE", village="V")
    doc.person("BEST", "老支书", department="VC", joined=1990, skills={"KR": 5, "KT": 5})
    doc.person("WEAK", department="UO", joined=2019, skills={"KR": 3})
    for n in range(1, 3):
        doc.person(f"X{n}")
        doc.mentorship("WEAK", f"X{n}", "2024-01-01")
    await doc.load(graph)

    # when
    found = await candidates(gql, doc.id("E"), skills=[doc.id("KR"), doc.id("KT")])

    # then
    assert mentors(found) == [doc.id("BEST"), doc.id("WEAK")]
    best, weak = found
    assert best["score"] == 1.0
    assert 0.0 < weak["score"] < best["score"]
    assert best["mentor"]["name"] == "老支书"
    assert [s["name"] for s in best["coveredSkills"]] == ["水稻栽培", "茶叶种植"]
    assert any("水稻栽培" in r for r in best["reasons"])
    assert any("茶叶种植" in r for r in best["reasons"])
    assert [s["name"] for s in weak["coveredSkills"]] == ["水稻栽培"]
    assert any("水稻栽培" in r for r in weak["reasons"])
    assert not any("茶叶种植" in r for r in weak["reasons"])
    assert weak["activeMentees"] == 2


async def test_no_eligible_mentor_is_an_empty_list(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a mentee with no skills, posts or mentors around
    doc = frame(uid)
    await doc.load(graph)

    # when / then: no targets, no candidates
    assert await candidates(gql, doc.id("E")) == []


# --- errors -------------------------------------------------------------------------------------


async def test_an_unknown_mentee_is_not_found(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given no person with the id
    ghost = f"{uid}nobody"

    # when
    body = await gql.post(QUERY, {"mentee": ghost})

    # then
    code, message = only_error(body)
    assert code == "NOT_FOUND"
    assert message == f"menteeId: no person with id '{ghost}'"


async def test_an_unknown_skill_id_is_bad_input(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a mentee and one known skill
    doc = frame(uid)
    await doc.load(graph)

    # when one of the skills asked for does not exist
    body = await gql.post(
        QUERY, {"mentee": doc.id("E"), "skills": [doc.id("K1"), doc.id("nothing")]}
    )

    # then
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("skillIds:")
    assert doc.id("nothing") in message
    assert doc.id("K1") not in message


@pytest.mark.parametrize("limit", [0, 51])
async def test_a_limit_outside_1_to_50_is_bad_input(
    graph: Graph, gql: GraphQLClient, uid: str, limit: int
) -> None:
    # given a mentee
    doc = frame(uid)
    await doc.load(graph)

    # when
    body = await gql.post(QUERY, {"mentee": doc.id("E"), "limit": limit})

    # then
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("limit:")
