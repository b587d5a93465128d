"""Role-level gating of mutations: ADMIN everything; COUNTY and TOWNSHIP everything but
importDocument; VILLAGE only raiseNeed, reportProgress and acknowledgeEmergency; VIEWER nothing.
A refusal is FORBIDDEN, names the mutation and the role, and writes nothing."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from graph.db import Graph
from model.access import Caller, Role, may_call
from schema.access import refusal
from schema.root import build_schema
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

MUTATIONS = sorted(build_schema()._schema.mutation_type.fields)  # type: ignore[union-attr]
VILLAGE_MAY = {"raiseNeed", "reportProgress", "acknowledgeEmergency"}


def expected(role: Role, mutation: str) -> bool:
    # The rule as the brief states it, written out independently of model/access.py.
    return {
        Role.ADMIN: True,
        Role.COUNTY: mutation != "importDocument",
        Role.TOWNSHIP: mutation != "importDocument",
        Role.VILLAGE: mutation in VILLAGE_MAY,
        Role.VIEWER: False,
    }[role]


def test_the_schema_has_the_mutations_the_table_speaks_of() -> None:
    assert {"importDocument", *VILLAGE_MAY} <= set(MUTATIONS)
    assert len(MUTATIONS) > 10


@pytest.mark.parametrize("mutation", MUTATIONS)
@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_call_exactly_its_mutations(role: Role, mutation: str) -> None:
    # given a caller of the role
    ctx = SimpleNamespace(caller=Caller(sub="s", role=role, unit_id="u"))
    # when the gate looks at the mutation
    refused = refusal([mutation], ctx)
    # then it lets through exactly what the role may call, and names both when it refuses
    assert may_call(role, mutation) is expected(role, mutation)
    if expected(role, mutation):
        assert refused is None
    else:
        assert refused is not None
        assert refused.code == "FORBIDDEN"
        assert mutation in refused.message
        assert str(role) in refused.message


def test_without_a_caller_every_mutation_is_refused() -> None:
    assert refusal(["raiseNeed"], SimpleNamespace(caller=None)) is not None


CREATE_TEAM = """mutation($t: ID!, $name: String!) {
  createTeam(name: $name, kind: EMERGENCY_TEAM, domain: "防汛", townshipId: $t) { id }
}"""
TEAMS = "query($t: ID!) { township(id: $t) { teams { id } } }"


@pytest.mark.parametrize("role", [Role.VIEWER, Role.VILLAGE])
async def test_a_refused_mutation_writes_nothing_and_costs_no_round_trip(
    graph: Graph, gql: GraphQLClient, uid: str, role: Role
) -> None:
    # given a township, and a viewer or village caller
    doc = place(Doc(uid))
    await doc.load(graph)
    unit = doc.id("V") if role is Role.VILLAGE else doc.id("T")
    caller = gql.as_(role, unit=unit)
    await caller.data("{ __typename }")  # its unit is now cached

    # when it tries to create a team, also hidden behind a fragment and an alias
    direct = await caller.post(CREATE_TEAM, {"t": doc.id("T"), "name": "抢险队"})
    trips = caller.round_trips
    hidden = await caller.post(
        "mutation($t: ID!) { ...M } fragment M on Mutation "
        '{ x: createTeam(name: "抢险队", kind: EMERGENCY_TEAM, domain: "防汛", '
        "townshipId: $t) { id } }",
        {"t": doc.id("T")},
    )

    # then both are FORBIDDEN, naming the mutation and the role, and no team exists
    for body in (direct, hidden):
        code, message = only_error(body)
        assert code == "FORBIDDEN"
        assert "createTeam" in message
        assert str(role) in message
    assert trips == 0
    assert (await gql.data(TEAMS, {"t": doc.id("T")}))["township"]["teams"] == []


async def test_a_village_may_raise_a_need_and_a_township_may_not_import(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a village, its township and a skill
    doc = place(Doc(uid))
    doc.skill("K1")
    await doc.load(graph)

    # when the village raises a need and the township imports a document
    raised = await gql.as_(Role.VILLAGE, unit=doc.id("V")).post(
        """mutation($v: ID!, $k: ID!) { raiseNeed(villageId: $v, title: "技术指导",
             quarter: "2025Q3", urgency: HIGH, skills: [{skillId: $k, level: 2}]) { id } }""",
        {"v": doc.id("V"), "k": doc.id("K1")},
    )
    imported = await gql.as_(Role.TOWNSHIP, unit=doc.id("T")).post(
        "mutation { importDocument(document: {}, dryRun: true) { ok } }"
    )

    # then the first is done and the second refused
    assert "errors" not in raised, raised
    assert only_error(imported)[0] == "FORBIDDEN"
