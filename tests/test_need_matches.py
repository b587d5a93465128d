"""needMatches (三单联动): a quarter's OPEN needs of a township's villages matched with its people,
ranked and explained; the needs the township cannot meet, with county-wide candidates; at most
two queries whatever the number of needs and people."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

RAISE = """
mutation Raise($village: ID!, $id: ID!, $quarter: String!, $urgency: NeedUrgency!,
               $skills: [NeedSkillInput!]!) {
  raiseNeed(villageId: $village, id: $id, title: "需求", quarter: $quarter, urgency: $urgency,
            skills: $skills) { id }
}
"""

MATCHES = """
query Matches($township: ID!, $quarter: String!, $asOf: Date, $per: Int = 5,
              $carry: Boolean! = true) {
  needMatches(townshipId: $township, quarter: $quarter, asOf: $asOf, candidatesPerNeed: $per,
              carryOver: $carry) {
    township { id }
    quarter asOf
    needs {
      need { id urgency village { id } skills { skill { id name } level } }
      canMeet candidateCount
      candidates {
        person { id } score reasons available servedVillageBefore
        coveredSkills { skill { id } level }
      }
    }
    unmet {
      need { id village { name } skills { skill { id } level } }
      missingSkills { skill { id } level }
      countyCandidates {
        person { id } score reasons available servedVillageBefore
        coveredSkills { skill { id } level }
      }
    }
  }
}
"""

DAY = "2025-07-01"


async def raise_need(
    gql: GraphQLClient,
    doc: Doc,
    key: str,
    village: str,
    skills: dict[str, int],
    *,
    quarter: str = "2025Q3",
    urgency: str = "MEDIUM",
) -> str:
    await gql.data(
        RAISE,
        {
            "village": doc.id(village),
            "id": doc.id(key),
            "quarter": quarter,
            "urgency": urgency,
            "skills": [{"skillId": doc.id(k), "level": n} for k, n in skills.items()],
        },
    )
    return doc.id(key)


async def matches(gql: GraphQLClient, doc: Doc, **variables: Any) -> dict[str, Any]:
    args = {"township": doc.id("T"), "quarter": "2025Q3", "asOf": DAY, **variables}
    result: dict[str, Any] = (await gql.data(MATCHES, args))["needMatches"]
    return result


def ids(doc: Doc, keys: str) -> list[str]:
    return [doc.id(k) for k in keys.split()]


def county(uid: str) -> Doc:
    """County C: township T (villages V1, V2; institution TO) and township T2 (village W with
    committee WC; office D2); county department CD; another county C9 (department C9D)."""
    doc = Doc(uid)
    doc.county("C")
    doc.county("C9")
    doc.township("T", "C")
    doc.township("T2", "C")
    doc.township("T9", "C9")
    doc.village("V1", "T")
    doc.village("V2", "T")
    doc.village("W", "T2")
    for key in ("K1", "K2", "K3"):
        doc.skill(key)
    doc.department("TO", kind="TOWNSHIP_INSTITUTION", township="T")
    doc.department("CD", kind="COUNTY_DEPARTMENT", county="C")
    doc.department("D2", kind="TOWNSHIP_OFFICE", township="T2")
    doc.department("WC", kind="VILLAGE_COMMITTEE", village="W")
    doc.department("C9D", kind="COUNTY_DEPARTMENT", county="C9")
    return doc


async def ranked_county(graph: Graph, gql: GraphQLClient, uid: str) -> Doc:
    """N1 (V1, HIGH): K1 ≥ 3 and K2 ≥ 3. N2 (V2, LOW): K3 ≥ 4, which only an unavailable
    township person holds. Needs of another quarter, already MATCHED, or of T2 do not count."""
    doc = county(uid)
    doc.person("P1", department="TO", skills={"K1": 4, "K2": 3})  # 2 covered, available
    doc.person("P2", department="TO", skills={"K1": 3, "K2": 3})  # … and served V1 before
    doc.service("P2", "V1", "LIAISON", "2020-01-01", "2020-12-31")
    doc.person("P3", department="TO", skills={"K1": 5, "K2": 5})  # 2 covered, stationed
    doc.service("P3", "V2", "STATIONED", "2025-01-01")
    doc.person("P4", department="TO", skills={"K1": 5})  # 1 covered
    doc.person("P5", department="TO", skills={"K1": 2, "K2": 2})  # below the levels
    doc.person("P6", department="TO", skills={"K3": 5})  # first secretary: unavailable
    doc.service("P6", "V1", "FIRST_SECRETARY", "2024-01-01")
    doc.person("P7", department="TO", skills={"K3": 3})  # below level 4
    doc.person("Q1", department="CD", skills={"K3": 4})  # county staff, available
    doc.person("Q2", department="D2", skills={"K3": 4})  # … and served V2 before
    doc.service("Q2", "V2", "TECHNICAL_SUPPORT", "2023-03-01", "2023-09-30")
    doc.person("Q3", department="WC", skills={"K3": 5})  # unavailable
    doc.service("Q3", "W", "WORK_TEAM", "2025-01-01")
    doc.person("Q9", department="C9D", skills={"K3": 5})  # another county
    await doc.load(graph)
    await raise_need(gql, doc, "N1", "V1", {"K1": 3, "K2": 3}, urgency="HIGH")
    await raise_need(gql, doc, "N2", "V2", {"K3": 4}, urgency="LOW")
    await raise_need(gql, doc, "NQ2", "V1", {"K1": 3}, quarter="2025Q2", urgency="HIGH")
    await raise_need(gql, doc, "NM", "V1", {"K1": 3}, urgency="HIGH")
    await gql.data('mutation($n: ID!) { createTaskFromNeed(needId: $n) { taskId } }',
                   {"n": doc.id("NM")})  # fmt: skip
    await raise_need(gql, doc, "NW", "W", {"K1": 1}, urgency="HIGH")
    return doc


async def test_open_needs_of_the_quarter_with_ranked_candidates(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a township's needs and people
    doc = await ranked_county(graph, gql, uid)

    # when its needs of 2025Q3 alone are matched on DAY, and with the default carry-over
    report = await matches(gql, doc, carry=False)
    carried = await matches(gql, doc)

    # then only the OPEN needs of the quarter raised by its villages, HIGH before LOW
    assert report["township"] == {"id": doc.id("T")}
    assert (report["quarter"], report["asOf"]) == ("2025Q3", DAY)
    assert [m["need"]["id"] for m in report["needs"]] == ids(doc, "N1 N2")
    # and by default the OPEN need of 2025Q2 joins them, in the same order (HIGH, then id)
    assert [m["need"]["id"] for m in carried["needs"]] == ids(doc, "N1 NQ2 N2")
    n1, n2 = report["needs"]
    assert n1["need"]["village"] == {"id": doc.id("V1")}
    assert [(k["skill"]["id"], k["level"]) for k in n1["need"]["skills"]] == [
        (doc.id("K1"), 3),
        (doc.id("K2"), 3),
    ]
    # ranked: skills covered, then available, then served the village, then levels, then id
    assert [c["person"]["id"] for c in n1["candidates"]] == ids(doc, "P2 P1 P3 P4")
    assert n1["candidateCount"] == 4
    assert n1["canMeet"] is True
    scores = [c["score"] for c in n1["candidates"]]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == len(scores)
    assert all(0 < s < 1 for s in scores)
    p2, p1, p3, p4 = n1["candidates"]
    assert (p2["available"], p2["servedVillageBefore"]) == (True, True)
    assert (p3["available"], p3["servedVillageBefore"]) == (False, False)
    assert [(k["skill"]["id"], k["level"]) for k in p1["coveredSkills"]] == [
        (doc.id("K1"), 4),
        (doc.id("K2"), 3),
    ]
    assert [k["skill"]["id"] for k in p4["coveredSkills"]] == [doc.id("K1")]
    # reasons in plain words
    assert "covers 2 of the 2 required skills" in p2["reasons"]
    assert "has served V1村 before" in p2["reasons"]
    assert "技能K1 at level 4 (needed: 3)" in p1["reasons"]
    assert f"on residential village duty (驻村) on {DAY}" in p3["reasons"]
    assert f"free of residential village duty on {DAY}" in p1["reasons"]
    # N2: P6 holds K3 at 5 but is a first secretary; P7's level is too low
    assert [c["person"]["id"] for c in n2["candidates"]] == ids(doc, "P6")
    assert n2["canMeet"] is False


async def test_needs_the_township_cannot_meet_get_county_candidates(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the same township
    doc = await ranked_county(graph, gql, uid)

    # when its needs are matched
    report = await matches(gql, doc)

    # then N2 is unmet for lack of K3 at level 4
    assert [u["need"]["id"] for u in report["unmet"]] == ids(doc, "N2")
    [unmet] = report["unmet"]
    assert unmet["missingSkills"] == [{"skill": {"id": doc.id("K3")}, "level": 4}]
    # county-wide: available people of C outside T; Q2 served V2, so before Q1; Q3 is on a work
    # team, Q9 of another county, P6 and P7 of the township itself
    county_people = unmet["countyCandidates"]
    assert [c["person"]["id"] for c in county_people] == ids(doc, "Q2 Q1")
    assert all(c["available"] for c in county_people)
    assert [c["servedVillageBefore"] for c in county_people] == [True, False]
    assert county_people[0]["score"] > county_people[1]["score"]
    assert "works elsewhere in the county, outside this township" in county_people[0]["reasons"]
    assert "covers 1 of the 1 missing skills" in county_people[0]["reasons"]
    assert county_people[1]["coveredSkills"] == [{"skill": {"id": doc.id("K3")}, "level": 4}]


async def test_can_meet_counts_every_candidate_not_only_those_shown(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a need for K1 and K2: A and B cover both but are stationed; C covers only K1 and D
    # only K2, both available; and a need for K1 and K3 that nobody available covers in K3
    doc = county(uid)
    for key in ("A", "B"):
        doc.person(key, department="TO", skills={"K1": 4, "K2": 4})
        doc.service(key, "V1", "STATIONED", "2025-01-01")
    doc.person("C", department="TO", skills={"K1": 3})
    doc.person("D", department="TO", skills={"K2": 3})
    doc.person("E", department="TO", skills={"K3": 2})
    await doc.load(graph)
    await raise_need(gql, doc, "N1", "V1", {"K1": 3, "K2": 3})
    await raise_need(gql, doc, "N2", "V2", {"K1": 3, "K3": 3})

    # when matched with two candidates per need
    report = await matches(gql, doc, per=2)

    # then N1 shows A and B, unavailable, yet can be met by C and D together
    n1, n2 = report["needs"]
    assert [c["person"]["id"] for c in n1["candidates"]] == ids(doc, "A B")
    assert n1["candidateCount"] == 4
    assert n1["canMeet"] is True
    # N2 lacks only K3: K1 is held by available C
    assert n2["canMeet"] is False
    [unmet] = report["unmet"]
    assert unmet["need"]["id"] == doc.id("N2")
    assert unmet["missingSkills"] == [{"skill": {"id": doc.id("K3")}, "level": 3}]
    assert unmet["countyCandidates"] == []


async def test_no_needs_no_matches(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a township whose villages raised nothing
    doc = place(Doc(uid))
    await doc.load(graph)

    # when its needs are matched (asOf defaults to today)
    found = (await gql.data(MATCHES, {"township": doc.id("T"), "quarter": "2025Q3"}))["needMatches"]

    # then the report is empty, and only one query was needed
    assert (found["needs"], found["unmet"]) == ([], [])
    assert gql.round_trips == 1


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"quarter": "2025Q0"}, ("BAD_USER_INPUT", "quarter: must be a quarter like 2025Q3")),
        ({"per": 0}, ("BAD_USER_INPUT", "candidatesPerNeed: must be between 1 and 50, got 0")),
        ({"per": 51}, ("BAD_USER_INPUT", "candidatesPerNeed: must be between 1 and 50, got 51")),
        ({"township": "nowhere"}, ("NOT_FOUND", "townshipId: no township with id")),
    ],
)
async def test_bad_arguments_are_named(
    gql: GraphQLClient, uid: str, variables: dict[str, Any], expected: tuple[str, str]
) -> None:
    # given arguments with one bad value
    args = {"township": f"{uid}T", "quarter": "2025Q3", **variables}
    if variables.get("township"):
        args["township"] = f"{uid}{variables['township']}"

    # when needs are matched
    body = await gql.post(MATCHES, args)

    # then the error names the argument and the reason
    code, message = only_error(body)
    assert code == expected[0]
    assert message.startswith(expected[1]), message


async def test_round_trips_do_not_grow_with_needs_or_people(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given townships with 3 and 30 needs and people; every third need cannot be met
    docs = []
    for size in (3, 30):
        doc = county(f"{uid}n{size}-")
        doc.person("Q", department="CD", skills={"K3": 5})
        for i in range(size):
            doc.person(f"P{i:02d}", department="TO", skills={"K1": 3 + i % 3, "K2": 3})
        await doc.load(graph)
        for i in range(size):
            skills = {"K1": 3, "K3": 4} if i % 3 == 0 else {"K1": 3, "K2": 2}
            await raise_need(gql, doc, f"N{i:02d}", "V1" if i % 2 else "V2", skills)
        docs.append((size, doc))

    # when all needs are matched, with nested villages, skills and candidates
    trips = []
    for size, doc in docs:
        report = await matches(gql, doc, per=50)
        assert len(report["needs"]) == size
        assert all(len(m["candidates"]) == size for m in report["needs"])
        assert len(report["unmet"]) == (size + 2) // 3
        assert all(len(u["countyCandidates"]) == 1 for u in report["unmet"])
        trips.append(gql.round_trips)

    # then one query for the township's side and one for the county-wide candidates
    assert trips == [2, 2]
