"""The expert pool (乡村振兴专家库): talentPool(formerWorkTeam: true) finds former first
secretaries and work-team members by skill, with what they did and where; the plain talentPool
answers as before."""

from __future__ import annotations

from graph.db import Graph
from model.access import Role
from tests.conftest import GraphQLClient
from tests.factories import Doc, place

POOL = """
query($k: ID!, $former: Boolean, $t: ID) {
  talentPool(skillIds: [$k], formerWorkTeam: $former, townshipId: $t, first: 10) {
    totalCount
    edges { node { id } workTeamTerms { village { id } role since until } }
  }
}
"""


async def ground(graph: Graph, uid: str) -> Doc:
    """C / T / V (and T2 / W); X / XT / XV. All hold K at 3.
    E1 (province) was first secretary of V 2021-2023: former.  E2 (county) was on the work team
    of W until 2024, and is first secretary of V again since 2025: not former.  E3 (county)
    never served a term.  EX of county X was on the work team of XV: not the county's."""
    doc = place(Doc(uid))
    doc.township("T2", "C")
    doc.village("W", "T2")
    doc.county("X")
    doc.township("XT", "X")
    doc.village("XV", "XT")
    doc.skill("K", "电商运营")
    doc.department("PROV", kind="COUNTY_DEPARTMENT", name="省商务厅")
    doc.sections["departments"][-1]["level"] = "PROVINCE"
    doc.department("CD", kind="COUNTY_DEPARTMENT", county="C")
    doc.department("XD", kind="COUNTY_DEPARTMENT", county="X")
    for key, dept in (("E1", "PROV"), ("E2", "CD"), ("E3", "CD"), ("EX", "XD")):
        doc.person(key, department=dept, skills={"K": 3})
    doc.service("E1", "V", "FIRST_SECRETARY", "2021-09-01", "2023-08-31")
    doc.service("E2", "W", "WORK_TEAM", "2022-01-01", "2024-06-30")
    doc.service("E2", "V", "FIRST_SECRETARY", "2025-01-01")
    doc.service("EX", "XV", "WORK_TEAM", "2021-01-01", "2022-12-31")
    await doc.load(graph)
    return doc


async def test_the_expert_pool_lists_former_cadres_with_their_terms(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the ground
    doc = await ground(graph, uid)

    # when a county clerk of C asks the expert pool for K
    clerk = gql.as_(Role.COUNTY, unit=doc.id("C"))
    data = await clerk.data(POOL, {"k": doc.id("K"), "former": True})

    # then only E1, the provincial cadre whose term has ended, with that term
    pool = data["talentPool"]
    assert pool["totalCount"] == 1
    assert pool["edges"] == [{
        "node": {"id": doc.id("E1")},
        "workTeamTerms": [{"village": {"id": doc.id("V")}, "role": "FIRST_SECRETARY",
                           "since": "2021-09-01", "until": "2023-08-31"}],
    }]  # fmt: skip

    # and the plain talent pool is as before: the county's people, no terms, E1 not among them
    plain = (await clerk.data(POOL, {"k": doc.id("K")}))["talentPool"]["edges"]
    assert [e["node"]["id"] for e in plain] == [doc.id("E2"), doc.id("E3")]
    assert {len(e["workTeamTerms"]) for e in plain} == {0}


async def test_the_expert_pool_of_a_township_and_of_the_administrator(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the ground
    doc = await ground(graph, uid)

    # when the administrator asks, for everywhere and for township T2
    everywhere = await gql.data(POOL, {"k": doc.id("K"), "former": True})
    of_t2 = await gql.data(POOL, {"k": doc.id("K"), "former": True, "t": doc.id("T2")})

    # then E1 and EX everywhere (E2 serves again), and nobody former served T2's villages
    ids = [e["node"]["id"] for e in everywhere["talentPool"]["edges"]]
    assert [i for i in ids if i.startswith(uid)] == [doc.id("E1"), doc.id("EX")]
    assert of_t2["talentPool"]["edges"] == []
