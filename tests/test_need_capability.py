"""capabilityList (乡镇能力清单): who of the township holds which skill, at level ≥ 3, available or
not on asOf; derived from people's skills in one query whatever the number of people."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

CAPABILITY = """
query Capability($township: ID!, $asOf: Date) {
  capabilityList(townshipId: $township, asOf: $asOf) {
    township { id }
    asOf
    headcount
    skills {
      skill { id name }
      holders qualified available
      people { person { id name } level available }
    }
  }
}
"""

DAY = "2025-07-01"


def township_staff(uid: str) -> Doc:
    """Township T (office TO, village V with committee VC) in county C, next to township T2.

    K1 is named 水利 and K2 农业: by name K2 sorts first, by id K1 would."""
    doc = place(Doc(uid))
    doc.township("T2", "C")
    doc.skill("K1", "水利")
    doc.skill("K2", "农业")
    doc.department("TO", kind="TOWNSHIP_INSTITUTION", township="T")
    doc.department("VC", kind="VILLAGE_COMMITTEE", village="V")
    doc.department("CD", kind="COUNTY_DEPARTMENT", county="C")
    doc.department("D2", kind="TOWNSHIP_OFFICE", township="T2")
    doc.person("A", department="TO", skills={"K1": 4, "K2": 2})
    doc.person("B", department="VC", skills={"K1": 3})
    doc.person("C", department="CD", skills={"K1": 5})  # dispatched to T on DAY
    doc.dispatch("C", "T", "2024-01-01")
    doc.person("D", department="CD", skills={"K1": 5})  # dispatch ended before DAY
    doc.dispatch("D", "T", "2022-01-01", "2025-06-30")
    doc.person("E", department="D2", skills={"K1": 5})  # another township
    doc.person("F", department="TO", skills={"K1": 3})  # stationed in a village on DAY
    doc.service("F", "V", "STATIONED", "2025-01-01")
    doc.person("G", department="TO", skills={"K1": 2})
    doc.person("H", department="TO", skills={"K2": 3})  # a liaison service keeps them available
    doc.service("H", "V", "LIAISON", "2025-01-01")
    return doc


async def capability(gql: GraphQLClient, **variables: Any) -> dict[str, Any]:
    result: dict[str, Any] = (await gql.data(CAPABILITY, variables))["capabilityList"]
    return result


async def test_counts_and_people_per_skill_for_the_townships_people_on_a_day(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the township's staff, village cadres and dispatched staff, and people who are not
    doc = township_staff(uid)
    await doc.load(graph)

    # when the capability list is asked for on DAY
    found = await capability(gql, township=doc.id("T"), asOf=DAY)

    # then it counts A, B, F, G, H (units of T and its villages) and C (dispatched on DAY)
    assert found["township"] == {"id": doc.id("T")}
    assert found["asOf"] == DAY
    assert found["headcount"] == 6
    # skills by name: 农业 (K2) before 水利 (K1)
    assert [s["skill"]["id"] for s in found["skills"]] == [doc.id("K2"), doc.id("K1")]
    agri, water = found["skills"]
    # 水利: five holders; A, B, C, F at level ≥ 3; F is stationed, so three available
    assert (water["holders"], water["qualified"], water["available"]) == (5, 4, 3)
    # highest level first, then available first, then id
    assert [(p["person"]["id"], p["level"], p["available"]) for p in water["people"]] == [
        (doc.id("C"), 5, True),
        (doc.id("A"), 4, True),
        (doc.id("B"), 3, True),
        (doc.id("F"), 3, False),
        (doc.id("G"), 2, True),
    ]
    # 农业: H (3, available on a liaison service) and A (2)
    assert (agri["holders"], agri["qualified"], agri["available"]) == (2, 1, 1)
    assert [(p["person"]["id"], p["level"]) for p in agri["people"]] == [
        (doc.id("H"), 3),
        (doc.id("A"), 2),
    ]


async def test_dispatch_and_availability_follow_as_of(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the same staff
    doc = township_staff(uid)
    await doc.load(graph)

    # when the list is asked for a day before F's station and while D was still dispatched
    found = await capability(gql, township=doc.id("T"), asOf="2024-12-31")

    # then D counts and F is available
    water = next(s for s in found["skills"] if s["skill"]["id"] == doc.id("K1"))
    people = {p["person"]["id"]: p["available"] for p in water["people"]}
    assert people[doc.id("D")] is True
    assert people[doc.id("F")] is True
    assert found["headcount"] == 7
    assert (water["qualified"], water["available"]) == (5, 5)


async def test_a_township_with_nobody_has_an_empty_list(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a township without people
    doc = place(Doc(uid))
    await doc.load(graph)

    # when its capability list is asked for (asOf defaults to today)
    found = await capability(gql, township=doc.id("T"))

    # then it is empty
    assert (found["headcount"], found["skills"]) == (0, [])


async def test_an_unknown_township_is_not_found(gql: GraphQLClient, uid: str) -> None:
    # given no township with this id
    # when its capability list is asked for
    body = await gql.post(CAPABILITY, {"township": f"{uid}T"})

    # then NOT_FOUND names townshipId
    assert only_error(body) == ("NOT_FOUND", f"townshipId: no township with id '{uid}T'")


NESTED = """
query Capability($township: ID!) {
  capabilityList(townshipId: $township, asOf: "2025-07-01") {
    township { id name }
    skills {
      skill { id name }
      qualified
      people { person { id name department { name } } level available }
    }
  }
}
"""


async def test_round_trips_do_not_grow_with_the_number_of_people(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given townships with 3 and with 30 people, each with two skills
    townships = []
    for size in (3, 30):
        doc = place(Doc(f"{uid}n{size}-"))
        doc.skill("K1")
        doc.skill("K2")
        doc.department("TO", kind="TOWNSHIP_OFFICE", township="T")
        for i in range(size):
            doc.person(f"P{i:02d}", department="TO", skills={"K1": 1 + i % 5, "K2": 3})
        await doc.load(graph)
        townships.append((size, doc.id("T")))

    # when the capability list is asked for, with each holder's department
    trips = []
    for size, township in townships:
        data = await gql.data(NESTED, {"township": township})
        assert [len(s["people"]) for s in data["capabilityList"]["skills"]] == [size, size]
        trips.append(gql.round_trips)

    # then one query for the list and one for the departments, whatever the number of people
    assert trips == [2, 2]
