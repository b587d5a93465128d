"""collaborationNetwork against the real Neo4j: a small network of two townships with a known
broker and two known communities; the kinds and period filters; the caller's scope; the cache
and its invalidation by a write; arguments refused naming them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from graph.db import Graph, Neo4jConfig
from model.access import Role
from server.app import create_app
from tests.conftest import TEST_HOST, GraphQLClient, app_settings, bearer
from tests.factories import Doc, only_error

NETWORK = """
query($c: ID, $t: [ID!], $from: Date, $to: Date, $kinds: [TieKind!]) {
  collaborationNetwork(countyId: $c, townshipIds: $t, from: $from, to: $to, kinds: $kinds) {
    from to kinds tieCount
    people { person { id } township { id } ties }
    ties { a { id } b { id } weight kinds evidence { kind id } crossTownship }
    townshipMatrix { a { id } b { id } ties weight }
    brokers { person { id } score townships { id } }
    communities { members { id } size townships { township { id } members } }
    isolatedTownships { id }
    isolatedVillages { id }
  }
}
"""
PERIOD = {"from": "2025-01-01", "to": "2025-12-31"}
ADD = """
mutation($team: ID!, $p: ID!) {
  addTeamMember(teamId: $team, personId: $p, role: "队员", since: "2025-03-01") { id }
}
"""


async def ground(graph: Graph, uid: str, *, outsider: bool = False) -> Doc:
    """County C: T1 (village V1, office D1 with a1, a2, a3 and x), T2 (V2, D2 with b1, b2, b3),
    T3 (V3, D3 with c1). Task K1 at V1: a1, a2, a3, x; task K2 at V2: b1, b2, b3; team E of T2:
    x and b1 from 2025-02-01, so x alone links T1 to T2. a2 and a3 served V1 together. With
    `outsider`: z of county X, who served V1 in January 2025 and is assigned to K1."""
    doc = Doc(uid)
    doc.county("C")
    for n in (1, 2, 3):
        doc.township(f"T{n}", "C")
        doc.village(f"V{n}", f"T{n}")
        doc.department(f"D{n}", kind="TOWNSHIP_INSTITUTION", township=f"T{n}")
    for key, dept in (*((f"a{i}", "D1") for i in (1, 2, 3)), ("x", "D1"),
                      *((f"b{i}", "D2") for i in (1, 2, 3)), ("c1", "D3")):  # fmt: skip
        doc.person(key, department=dept)
    k1 = ["a1", "a2", "a3", "x", *(["z"] if outsider else [])]
    if outsider:
        doc.county("X")
        doc.township("XT", "X")
        doc.department("DX", kind="TOWNSHIP_INSTITUTION", township="XT")
        doc.person("z", department="DX")
        doc.service("z", "V1", "TECHNICAL_SUPPORT", "2025-01-01", "2025-01-31")
    for key in ("a2", "a3"):
        doc.service(key, "V1", "TECHNICAL_SUPPORT", "2025-03-01", "2025-04-30")

    def task(key: str, village: str, people: list[str]) -> dict[str, Any]:
        return {"id": doc.id(key), "title": f"任务{key}", "domain": "农业", "kind": "ROUTINE",
                "status": "STAFFED", "plan": "分工", "initiatedBy": "TOWNSHIP",
                "village": doc.id(village), "createdAt": "2025-01-05T08:00:00Z",
                "assignments": [{"person": doc.id(p), "role": "LEAD" if i == 0 else "MEMBER",
                                 "since": "2025-01-10"} for i, p in enumerate(people)]}  # fmt: skip

    doc.sections["tasks"] = [task("K1", "V1", k1), task("K2", "V2", ["b1", "b2", "b3"])]
    doc.sections["teams"] = [{"id": doc.id("E"), "name": "协作专班", "kind": "WORKING_TEAM",
                              "township": doc.id("T2")}]  # fmt: skip
    doc.sections["teamMembers"] = [
        {"person": doc.id(k), "team": doc.id("E"), "role": "队员", "since": "2025-02-01"}
        for k in ("x", "b1")
    ]
    await doc.load(graph)
    return doc


def local(doc: Doc, value: Any) -> Any:
    """The answer with the test's uid taken off every id, to compare with hand-written keys."""
    if isinstance(value, dict):
        return {k: local(doc, v) for k, v in value.items()}
    if isinstance(value, list):
        return [local(doc, v) for v in value]
    if isinstance(value, str) and value.startswith(doc.uid):
        return value[len(doc.uid) :]
    return value


async def network(gql: GraphQLClient, doc: Doc, **variables: Any) -> dict[str, Any]:
    args = {"c": doc.id("C"), **PERIOD, **variables}
    answer: dict[str, Any] = local(doc, (await gql.data(NETWORK, args))["collaborationNetwork"])
    return answer


async def test_the_broker_between_two_townships_and_their_communities(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the two townships that x alone links, and T3 apart
    doc = await ground(graph, uid)

    # when the county's network of 2025 is asked for
    net = await network(gql, doc)

    # then everyone with their township; 6 ties in T1 (K1), 3 in T2 (K2), x–b1 (E)
    assert [(p["person"]["id"], p["township"]["id"], p["ties"]) for p in net["people"]] == [
        ("a1", "T1", 3), ("a2", "T1", 3), ("a3", "T1", 3), ("b1", "T2", 3), ("b2", "T2", 2),
        ("b3", "T2", 2), ("c1", "T3", 0), ("x", "T1", 4),
    ]  # fmt: skip
    assert net["tieCount"] == 10
    # a2 and a3 also served V1 together: the heaviest tie
    assert net["ties"][0] == {
        "a": {"id": "a2"}, "b": {"id": "a3"}, "weight": 2, "kinds": ["TASK", "VILLAGE"],
        "evidence": [{"kind": "TASK", "id": "K1"}, {"kind": "VILLAGE", "id": "V1"}],
        "crossTownship": False,
    }  # fmt: skip
    bridge = [t for t in net["ties"] if t["crossTownship"]]
    assert [(t["a"]["id"], t["b"]["id"], t["evidence"]) for t in bridge] == [
        ("b1", "x", [{"kind": "TEAM", "id": "E"}])
    ]
    assert net["townshipMatrix"] == [{"a": {"id": "T1"}, "b": {"id": "T2"}, "ties": 1, "weight": 1}]
    # x first: 9 of the 21 pairs among the other seven pass through x; b1 carries 8
    assert [(b["person"]["id"], b["score"], b["townships"]) for b in net["brokers"]] == [
        ("x", round(9 / 21, 6), [{"id": "T1"}, {"id": "T2"}]),
        ("b1", round(8 / 21, 6), [{"id": "T1"}, {"id": "T2"}]),
    ]
    assert [([m["id"] for m in c["members"]], c["townships"]) for c in net["communities"]] == [
        (["a1", "a2", "a3", "x"], [{"township": {"id": "T1"}, "members": 4}]),
        (["b1", "b2", "b3"], [{"township": {"id": "T2"}, "members": 3}]),
    ]
    assert net["isolatedTownships"] == [{"id": "T3"}]
    assert net["isolatedVillages"] == [{"id": "V2"}, {"id": "V3"}]


@pytest.mark.parametrize(
    "variables",
    [{"kinds": ["TASK", "VILLAGE"]}, {"to": "2025-01-31"}],
    ids=["without TEAM", "before the team began"],
)
async def test_kinds_and_period_leave_out_the_bridge(
    graph: Graph, gql: GraphQLClient, uid: str, variables: dict[str, Any]
) -> None:
    # given the two townships linked only by team E (from 2025-02-01)
    doc = await ground(graph, uid)

    # when the team's ties are left out, by kind or by period
    net = await network(gql, doc, **variables)

    # then no tie crosses a township, nobody bridges, and every township stands apart
    assert net["tieCount"] == 9
    assert (net["townshipMatrix"], net["brokers"]) == ([], [])
    assert net["isolatedTownships"] == [{"id": "T1"}, {"id": "T2"}, {"id": "T3"}]


async def test_a_township_clerk_sees_only_their_units_work_and_no_other_county(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the ground with z of county X, who served V1 in January and is on task K1
    doc = await ground(graph, uid, outsider=True)

    # when the administrator asks / then z is there, tied to K1's people
    admin = await network(gql, doc)
    assert "z" in [p["person"]["id"] for p in admin["people"]]

    # when T1's clerk asks
    clerk = gql.as_(Role.TOWNSHIP, unit=doc.id("T1"))
    net = local(doc, (await clerk.data(NETWORK, {"c": doc.id("C"), **PERIOD})))
    net = net["collaborationNetwork"]

    # then everyone of county C (directory cards), never z; only the ties of T1's task K1:
    # T2's task K2 and team E are not theirs to see
    ids = [p["person"]["id"] for p in net["people"]]
    assert ids == ["a1", "a2", "a3", "b1", "b2", "b3", "c1", "x"]
    evidence = {e["id"] for t in net["ties"] for e in t["evidence"]}
    assert evidence == {"K1", "V1"}
    assert all("z" not in (t["a"]["id"], t["b"]["id"]) for t in net["ties"])
    assert net["brokers"] == []


async def test_an_answer_is_kept_until_a_write(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given the county's network asked once
    doc = await ground(graph, uid)
    first = await network(gql, doc)

    # when asked again / then it is answered from memory, without a query
    again = await network(gql, doc)
    assert (again, gql.round_trips) == (first, 0)

    # when c1 joins team E (a write) and the network is asked for again
    await gql.data(ADD, {"team": doc.id("E"), "p": doc.id("c1")})
    after = await network(gql, doc)

    # then it is read afresh: c1 is tied to x and b1, and T3 is no longer isolated
    assert gql.round_trips >= 1
    assert after["tieCount"] == first["tieCount"] + 2
    assert after["isolatedTownships"] == []


@pytest.mark.parametrize(
    ("variables", "code", "start"),
    [
        ({"c": None}, "BAD_USER_INPUT", "countyId: give countyId or townshipIds"),
        ({"t": ["T1"]}, "BAD_USER_INPUT", "townshipIds: give countyId or townshipIds, not both"),
        ({"c": None, "t": []}, "BAD_USER_INPUT", "townshipIds: name at least one township"),
        ({"kinds": []}, "BAD_USER_INPUT", "kinds: name at least one kind"),
        ({"from": "2026-01-01"}, "BAD_USER_INPUT", "from: must not be after to"),
        ({"c": "NOPE"}, "NOT_FOUND", "countyId: no county with id '{uid}NOPE'"),
        ({"c": None, "t": ["NOPE"]}, "NOT_FOUND", "townshipIds: no township with id '{uid}NOPE'"),
    ],
)
async def test_bad_arguments_are_refused_naming_them(
    gql: GraphQLClient, uid: str, variables: dict[str, Any], code: str, start: str
) -> None:
    # given ids of this test (nothing loaded: every check runs before or without data)
    doc = Doc(uid)
    args: dict[str, Any] = {"c": doc.id("C"), **PERIOD}
    for key, value in variables.items():
        if key == "c" and value is not None:
            value = doc.id(value)
        if key == "t":
            value = [doc.id(v) for v in value]
        args[key] = value

    # when
    body = await gql.post(NETWORK, args)

    # then
    got_code, message = only_error(body)
    assert (got_code, message[: len(start.format(uid=uid))]) == (code, start.format(uid=uid))


async def test_a_network_over_the_cache_budget_is_read_afresh_each_time(
    graph: Graph, neo4j_config: Neo4jConfig, audit_log: Path, uid: str
) -> None:
    # given an app whose networks may hold no people and ties at all
    # (TOWNGRAPH_NETWORK_CACHE_ITEMS=0), and the county's network asked once
    doc = await ground(graph, uid)
    app = create_app(
        neo4j_config, app_settings(audit_log, towngraph_network_cache_items=0), graph=graph
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=f"http://{TEST_HOST}", headers=bearer()
    ) as client:
        gql = GraphQLClient(client)
        first = await network(gql, doc)

        # when asked again / then it is read afresh, with the same answer
        again = await network(gql, doc)
        assert gql.round_trips >= 1
        assert again == first
        assert first["tieCount"] > 0
