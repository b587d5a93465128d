"""The matching and workflow reads that list people go through the caller's scope too: the
capability list and needs matching of a township of another county are not found, and the
emergency roster, a task's assignments and a team's members leave other counties' people out
(an administrator still sees them: cross-county work is recorded, just not shown)."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from model.access import Role
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error

ROSTER = """
query($v: ID!, $k: [ID!]!) {
  emergencyRoster(villageId: $v, skillIds: $k, radiusKm: 50, first: 50) { person { id } }
}
"""
TASK = "query($id: ID!) { task(id: $id) { assignments { person { id } } } }"
TEAM = "query($id: ID!) { team(id: $id) { members { person { id } } } }"
CAPABILITY = "query($t: ID!) { capabilityList(townshipId: $t) { headcount } }"


async def border(graph: Graph, uid: str) -> Doc:
    """County C (township T with village V) and county X (township XT) side by side; A works in
    T, Z in XT, both with skill K; task K1 at V has A and Z assigned, team E of T both as
    members."""
    doc = Doc(uid)
    # Somewhere no other test's places are: a spot of its own, derived from the uid.
    lat, lon = 10 + int(uid[1:4], 16) % 50, 60 + int(uid[4:7], 16) % 60
    doc.county("C", "甲县")
    doc.county("X", "乙县")
    for key, county, north in (("T", "C", 0.0), ("XT", "X", 0.02)):
        doc.township(key, county)
        doc.sections["townships"][-1]["location"] = {"lat": lat + north, "lon": lon}
    doc.village("V", "T")
    doc.sections["villages"][-1]["location"] = {"lat": lat + 0.01, "lon": lon + 0.01}
    doc.skill("K", "防汛抢险")
    doc.department("D", kind="TOWNSHIP_INSTITUTION", township="T", name="水利站")
    doc.department("DX", kind="TOWNSHIP_INSTITUTION", township="XT", name="水利站")
    doc.person("A", "张工", department="D", skills={"K": 4})
    doc.person("Z", "赵工", department="DX", skills={"K": 5})
    extra: dict[str, list[dict[str, Any]]] = {
        "teams": [{"id": doc.id("E"), "name": "防汛应急队", "kind": "EMERGENCY_TEAM",
                   "township": doc.id("T")}],
        "teamMembers": [{"person": doc.id(p), "team": doc.id("E"), "role": "队员",
                         "since": "2024-01-01"} for p in ("A", "Z")],
        "tasks": [{"id": doc.id("K1"), "title": "巡堤", "domain": "防汛", "kind": "ROUTINE",
                   "status": "STAFFED", "plan": "联合巡堤", "initiatedBy": "VILLAGE",
                   "village": doc.id("V"), "createdAt": "2025-07-01T08:00:00Z",
                   "assignments": [{"person": doc.id(p), "role": role, "since": "2025-07-02"}
                                   for p, role in (("A", "LEAD"), ("Z", "MEMBER"))]}],
    }  # fmt: skip
    doc.sections.update(extra)
    await doc.load(graph)
    return doc


def _at(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def _ids(items: list[dict[str, Any]], uid: str) -> set[str]:
    # This test's people only: the roster is by distance, and another test running beside it
    # may place its own emergency team at the same coordinates.
    return {item["person"]["id"] for item in items if item["person"]["id"].startswith(uid)}


async def test_roster_assignments_and_members_leave_other_counties_out(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two neighbouring counties with cross-county work, and a clerk of township T
    doc = await border(graph, uid)
    clerk = gql.as_(Role.TOWNSHIP, unit=doc.id("T"))
    asks: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [
        (ROSTER, {"v": doc.id("V"), "k": [doc.id("K")]}, ("emergencyRoster",)),
        (TASK, {"id": doc.id("K1")}, ("task", "assignments")),
        (TEAM, {"id": doc.id("E")}, ("team", "members")),
    ]

    for query, variables, path in asks:
        # when the administrator and the clerk ask the same
        everyone = _ids(_at(await gql.data(query, variables), path), uid)
        seen = _ids(_at(await clerk.data(query, variables), path), uid)

        # then the administrator sees Z of county X, the clerk only A of county C
        assert everyone == {doc.id("A"), doc.id("Z")}, query
        assert seen == {doc.id("A")}, query


async def test_a_township_of_another_county_is_not_found_for_matching(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two counties and a county clerk of C
    doc = await border(graph, uid)
    clerk = gql.as_(Role.COUNTY, unit=doc.id("C"))

    # when the clerk asks for the capability list of X's township, and of C's own
    foreign = await clerk.post(CAPABILITY, {"t": doc.id("XT")})
    own = await clerk.data(CAPABILITY, {"t": doc.id("T")})

    # then X's township is not found, C's counts its one person
    assert only_error(foreign)[0] == "NOT_FOUND"
    assert own["capabilityList"]["headcount"] == 1
