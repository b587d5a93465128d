"""node(id, kind): any kind found by its id as its own field reads it, with the same scope; an
id that two kinds share needs `kind`."""

from __future__ import annotations

from graph.db import Graph
from model.access import Role
from tests.conftest import GraphQLClient
from tests.factories import Doc, place, refused_field

NODE = """
query FindNode($id: ID!, $kind: NodeKind) {
  node(id: $id, kind: $kind) {
    __typename id
    ... on Person { name }
    ... on Village { name township { id } }
    ... on Skill { name }
  }
}
"""


async def test_each_kind_is_found_by_its_id(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a village, a person and a skill
    doc = place(Doc(uid))
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.skill("K", name="农技推广")
    doc.person("P", "张建国", department="D")
    await doc.load(graph)

    # when each is asked for by id alone
    found = [(await gql.data(NODE, {"id": doc.id(k)}))["node"] for k in ("P", "V", "K", "T")]

    # then each comes as its own type with its fields
    assert found[0] == {"__typename": "Person", "id": doc.id("P"), "name": "张建国"}
    assert found[1] == {
        "__typename": "Village", "id": doc.id("V"), "name": "V村",
        "township": {"id": doc.id("T")},
    }  # fmt: skip
    assert found[2] == {"__typename": "Skill", "id": doc.id("K"), "name": "农技推广"}
    assert found[3] == {"__typename": "Township", "id": doc.id("T")}
    # and an unknown id is null
    assert (await gql.data(NODE, {"id": doc.id("nobody")}))["node"] is None


async def test_a_shared_id_needs_a_kind(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a skill and a person with the same id
    doc = place(Doc(uid))
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.skill("X", name="电商运营")
    doc.person("X", "李四", department="D")
    await doc.load(graph)

    # when it is asked for alone, and with each kind
    alone = await gql.post(NODE, {"id": doc.id("X")})
    person = (await gql.data(NODE, {"id": doc.id("X"), "kind": "PERSON"}))["node"]
    skill = (await gql.data(NODE, {"id": doc.id("X"), "kind": "SKILL"}))["node"]

    # then alone it is refused naming `id`; with a kind each is itself
    assert refused_field(alone) == ("BAD_USER_INPUT", "id")
    assert (person["__typename"], person["name"]) == ("Person", "李四")
    assert (skill["__typename"], skill["name"]) == ("Skill", "电商运营")


async def test_a_person_outside_the_scope_is_not_found(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a person of county C and a clerk of another county
    doc = place(Doc(uid))
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.person("P", "王五", department="D")
    other = place(Doc(uid + "x"))
    await doc.load(graph)
    await other.load(graph)
    stranger = gql.as_(Role.COUNTY, unit=other.id("C"))

    # when the stranger asks for the person by id, with and without the kind
    alone = (await stranger.data(NODE, {"id": doc.id("P")}))["node"]
    kinded = (await stranger.data(NODE, {"id": doc.id("P"), "kind": "PERSON"}))["node"]

    # then neither way finds them
    assert alone is None
    assert kinded is None
