"""Who sees whom: people reads go through the caller's scope (resolvers/scope.py and the
fragments in graph/cypher/scope/). The whole record for the people of the caller's unit (phones
masked for VILLAGE and VIEWER), a directory card for the rest of the county, nobody of another
county — in lookups, lists and their totals, nested fields and the matching queries."""

from __future__ import annotations

import pytest

from graph.db import Graph
from model.access import Role
from tests.conftest import GraphQLClient
from tests.factories import Doc

PERSON = """
query($id: ID!) {
  person(id: $id) {
    id name phone birthYear age politicalStatus department { id }
    skills { skill { id } level } services { role } mentees { person { id } }
  }
}
"""

PEOPLE = """
query($q: String) {
  people(filter: {search: $q}, first: 50) { totalCount edges { node { id phone } } }
}
"""

TALENT = """
query($k: [ID!]!) { talentPool(skillIds: $k, first: 50) { totalCount edges { node { id } } } }
"""

STAFF = """
query($d: ID!) { department(id: $d) { staff { id phone } } }
"""


async def two_counties(graph: Graph, uid: str) -> Doc:
    """County C with townships T (village V) and T2; county X. A and M work in T's office
    (A mentors M), B in T2's, Z in X's; all hold skill K; V's committee has cadre W."""
    doc = Doc(uid)
    doc.county("C", "甲县")
    doc.township("T", "C")
    doc.township("T2", "C")
    doc.village("V", "T")
    doc.county("X", "乙县")
    doc.township("XT", "X")
    doc.skill("K", f"{uid}测绘")
    for key, unit in (("D", "T"), ("D2", "T2"), ("DX", "XT")):
        doc.department(key, kind="TOWNSHIP_OFFICE", township=unit)
    doc.department("DV", kind="VILLAGE_COMMITTEE", village="V")
    for n, (key, dept) in enumerate(
        (("A", "D"), ("M", "D"), ("B", "D2"), ("Z", "DX"), ("W", "DV"))
    ):
        doc.sections.setdefault("people", []).append({
            "id": doc.id(key), "name": f"{uid}人员{key}", "department": doc.id(dept),
            "birthYear": 1980, "politicalStatus": "CPC_MEMBER", "phone": f"1380000000{n}",
            "skills": [{"skill": doc.id("K"), "level": 4}],
        })  # fmt: skip
    doc.mentorship("A", "M", "2024-01-01")
    await doc.load(graph)
    return doc


async def test_a_township_clerk_sees_own_people_whole_county_people_as_cards_and_no_one_else(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two counties, and a clerk of township T
    doc = await two_counties(graph, uid)
    clerk = gql.as_(Role.TOWNSHIP, unit=doc.id("T"))

    # when the clerk looks people up
    own = (await clerk.data(PERSON, {"id": doc.id("A")}))["person"]
    card = (await clerk.data(PERSON, {"id": doc.id("B")}))["person"]
    foreign = (await clerk.data(PERSON, {"id": doc.id("Z")}))["person"]

    # then A (of T) is whole, B (of T2, same county) a directory card, Z (other county) absent
    assert (own["phone"], own["birthYear"], own["politicalStatus"]) == (
        "13800000000",
        1980,
        "CPC_MEMBER",
    )
    assert own["mentees"] == [{"person": {"id": doc.id("M")}}]
    assert card["name"] == f"{uid}人员B"
    assert card["department"] == {"id": doc.id("D2")}
    assert card["skills"] == [{"skill": {"id": doc.id("K")}, "level": 4}]
    assert (card["phone"], card["birthYear"], card["age"], card["politicalStatus"]) == (
        None, None, None, None,
    )  # fmt: skip
    assert (card["services"], card["mentees"]) == ([], [])
    assert foreign is None


async def test_lists_and_their_totals_leave_other_counties_out(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two counties and a county clerk of C
    doc = await two_counties(graph, uid)
    clerk = gql.as_(Role.COUNTY, unit=doc.id("C"))

    # when the clerk searches people and the talent pool of skill K
    people = (await clerk.data(PEOPLE, {"q": uid}))["people"]
    pool = (await clerk.data(TALENT, {"k": [doc.id("K")]}))["talentPool"]
    staff = (await clerk.data(STAFF, {"d": doc.id("DX")}))["department"]

    # then only county C's people are there, and counted
    county_c = {doc.id(k) for k in ("A", "M", "B", "W")}
    assert {e["node"]["id"] for e in people["edges"]} == county_c
    assert people["totalCount"] == 4
    assert {e["node"]["id"] for e in pool["edges"]} == county_c
    assert pool["totalCount"] == 4
    assert staff is None or staff["staff"] == []


async def test_the_admin_sees_every_county(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given two counties
    await two_counties(graph, uid)

    # when the administrator searches
    people = (await gql.data(PEOPLE, {"q": uid}))["people"]

    # then everyone is there, phones in full
    assert people["totalCount"] == 5
    assert {e["node"]["phone"] for e in people["edges"]} == {f"1380000000{n}" for n in range(5)}


@pytest.mark.parametrize(("role", "unit"), [(Role.VILLAGE, "V"), (Role.VIEWER, "V")])
async def test_village_and_viewer_roles_see_their_own_people_with_masked_phones(
    graph: Graph, gql: GraphQLClient, uid: str, role: Role, unit: str
) -> None:
    # given a village cadre W of V, and a caller of role `role` for V
    doc = await two_counties(graph, uid)
    caller = gql.as_(role, unit=doc.id(unit))

    # when W and A (of township T, outside the village) are looked up
    w = (await caller.data(PERSON, {"id": doc.id("W")}))["person"]
    a = (await caller.data(PERSON, {"id": doc.id("A")}))["person"]

    # then W's phone is masked and A is a card
    assert w["phone"] == "138****0004"
    assert w["birthYear"] == 1980
    assert (a["phone"], a["birthYear"]) == (None, None)


async def test_no_answer_to_a_non_admin_holds_another_countys_person(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two counties, and every non-admin caller of county C
    doc = await two_counties(graph, uid)
    callers = [
        gql.as_(Role.COUNTY, unit=doc.id("C")),
        gql.as_(Role.TOWNSHIP, unit=doc.id("T")),
        gql.as_(Role.VILLAGE, unit=doc.id("V")),
        gql.as_(Role.VIEWER, unit=doc.id("T2")),
    ]
    foreign = doc.id("Z")

    # when each asks every people-returning read we scope
    for caller in callers:
        for query, variables in (
            (PERSON, {"id": foreign}),
            (PEOPLE, {"q": uid}),
            (TALENT, {"k": [doc.id("K")]}),
            (STAFF, {"d": doc.id("DX")}),
        ):
            body = await caller.post(query, variables)
            # then no answer names Z
            assert foreign not in str(body), (caller, query)
