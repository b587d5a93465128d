"""Lookups, the people connection, full-text search, and the API's protections and errors."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Graph
from server.app import ASSET_DIR
from server.graphiql import assets_present
from tests.conftest import GraphQLClient, load


def unique_alias(uid: str) -> str:
    """Four CJK characters derived from the test's uid: an alias no other test's skill has."""
    hexes = uid[1:9]
    return "".join(chr(0x4E00 + int(hexes[i : i + 2], 16) * 64) for i in range(0, 8, 2))


def county_doc(uid: str) -> dict[str, Any]:
    """A county with one township, two villages, a department per level and four people."""
    return {
        "counties": [
            {"id": f"{uid}C", "name": f"{uid}县", "location": {"lat": 29.1, "lon": 120.1}}
        ],
        "townships": [
            {
                "id": f"{uid}T",
                "name": "青山镇",
                "county": f"{uid}C",
                "kind": "TOWN",
                "category": "LARGE",
                "population": 42000,
                "areaKm2": 88.5,
            },
        ],
        "villages": [
            {"id": f"{uid}V1", "name": "后垟村", "township": f"{uid}T"},
            {"id": f"{uid}V2", "name": "下溪村", "township": f"{uid}T"},
        ],
        "departments": [
            {"id": f"{uid}D-C", "name": "司法局", "kind": "COUNTY_DEPARTMENT", "county": f"{uid}C"},
            {
                "id": f"{uid}D-T",
                "name": "农业服务中心",
                "kind": "TOWNSHIP_INSTITUTION",
                "township": f"{uid}T",
            },
            {
                "id": f"{uid}D-V",
                "name": "后垟村两委",
                "kind": "VILLAGE_COMMITTEE",
                "village": f"{uid}V1",
            },
        ],
        "skills": [
            {"id": f"{uid}K-AGRI", "name": f"{uid}农业技术"},
            {
                "id": f"{uid}K-RICE",
                "name": f"{uid}水稻栽培",
                "broader": f"{uid}K-AGRI",
                "aliases": ["种稻", unique_alias(uid)],
            },
        ],
        "people": [
            {
                "id": f"{uid}P1",
                "name": "欧阳明月",
                "department": f"{uid}D-T",
                "birthYear": 1980,
                "joinedYear": 2002,
                "politicalStatus": "CPC_MEMBER",
                "gender": "FEMALE",
                "skills": [{"skill": f"{uid}K-RICE", "level": 4}],
            },
            {
                "id": f"{uid}P2",
                "name": "欧阳建国",
                "department": f"{uid}D-V",
                "birthYear": 1995,
                "politicalStatus": "MASSES",
            },
            {"id": f"{uid}P3", "name": "司马光", "department": f"{uid}D-C", "birthYear": 1970},
            {"id": f"{uid}P4", "name": "诸葛亮", "department": f"{uid}D-C", "birthYear": 1990},
        ],
        "posts": [
            {
                "id": f"{uid}POST",
                "title": "农技员",
                "department": f"{uid}D-T",
                "requires": [{"skill": f"{uid}K-RICE", "level": 3}],
            },
        ],
        "postHolders": [{"person": f"{uid}P1", "post": f"{uid}POST", "since": "2020-01-01"}],
        "services": [
            {
                "person": f"{uid}P1",
                "village": f"{uid}V2",
                "role": "STATIONED",
                "since": "2021-03-01",
                "until": "2021-12-31",
            },
        ],
        "dispatches": [{"person": f"{uid}P4", "township": f"{uid}T", "since": "2020-01-01"}],
        "mentorships": [{"mentor": f"{uid}P1", "mentee": f"{uid}P2", "since": "2024-01-01"}],
    }


async def test_lookups_expose_relationships_both_ways(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a small county
    await load(graph, county_doc(uid))
    # when a person is looked up with their relationships
    data = await gql.data(
        """query($id: ID!) { person(id: $id) {
             name gender politicalStatus department { name kind unit { ... on Township { name } } }
             skills { skill { name broader { name } } level }
             services { village { name township { name county { name } } } role since until }
             posts { post { title requires { skill { name } level } } since until }
             mentees { person { name } since until } } }""",
        {"id": f"{uid}P1"},
    )
    # then every relationship answers
    p = data["person"]
    assert p["name"] == "欧阳明月"
    assert p["department"] == {"name": "农业服务中心", "kind": "TOWNSHIP_INSTITUTION",
                               "unit": {"name": "青山镇"}}  # fmt: skip
    assert p["skills"] == [
        {"skill": {"name": f"{uid}水稻栽培", "broader": {"name": f"{uid}农业技术"}}, "level": 4}
    ]
    assert p["services"] == [
        {
            "village": {
                "name": "下溪村",
                "township": {"name": "青山镇", "county": {"name": f"{uid}县"}},
            },
            "role": "STATIONED",
            "since": "2021-03-01",
            "until": "2021-12-31",
        }
    ]
    assert p["posts"][0]["post"]["requires"] == [{"skill": {"name": f"{uid}水稻栽培"}, "level": 3}]
    assert p["mentees"] == [{"person": {"name": "欧阳建国"}, "since": "2024-01-01", "until": None}]


async def test_township_village_and_county_lookups(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a small county
    await load(graph, county_doc(uid))
    # when the township is looked up
    data = await gql.data(
        """query($t: ID!, $v: ID!, $c: ID!) {
             township(id: $t) { kind category population areaKm2 villages { id }
                                departments { name } county { location { lat lon } } }
             village(id: $v) { servedBy { person { name } role } }
             county(id: $c) { townships { id } departments { name } } }""",
        {"t": f"{uid}T", "v": f"{uid}V2", "c": f"{uid}C"},
    )
    # then places and their links answer
    t = data["township"]
    assert (t["kind"], t["category"], t["population"], t["areaKm2"]) == (
        "TOWN",
        "LARGE",
        42000,
        88.5,
    )
    assert [v["id"] for v in t["villages"]] == [f"{uid}V1", f"{uid}V2"]
    assert t["departments"] == [{"name": "农业服务中心"}]
    assert t["county"]["location"] == {"lat": 29.1, "lon": 120.1}
    assert data["village"]["servedBy"] == [{"person": {"name": "欧阳明月"}, "role": "STATIONED"}]
    assert data["county"] == {"townships": [{"id": f"{uid}T"}], "departments": [{"name": "司法局"}]}


async def test_absent_ids_give_null_not_an_error(gql: GraphQLClient, uid: str) -> None:
    # given nothing with these ids / when looked up / then each is null
    data = await gql.data(
        """query($x: ID!) { person(id: $x) { id } village(id: $x) { id } township(id: $x) { id }
             county(id: $x) { id } department(id: $x) { id } skill(id: $x) { id }
             post(id: $x) { id } }""",
        {"x": f"{uid}missing"},
    )
    assert set(data.values()) == {None}


async def test_people_filters_and_keyset_paging(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a county whose township has staff, a village cadre and a dispatched cadre
    await load(graph, county_doc(uid))
    query = """query($f: PeopleFilter, $after: String) {
                 people(filter: $f, first: 2, after: $after) {
                   totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }"""
    # when filtered by township (unit in the township, in its villages, or dispatched there)
    seen: list[str] = []
    after = None
    while True:
        page = (await gql.data(query, {"f": {"townshipId": f"{uid}T"}, "after": after}))["people"]
        assert page["totalCount"] == 3
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    # then paging walks every match exactly once, in id order
    assert seen == [f"{uid}P1", f"{uid}P2", f"{uid}P4"]

    # and the other filters narrow as documented
    async def ids(f: dict[str, Any]) -> list[str]:
        page = (await gql.data(query.replace("first: 2", "first: 100"), {"f": f}))["people"]
        return [e["node"]["id"] for e in page["edges"]]

    assert await ids({"departmentId": f"{uid}D-C"}) == [f"{uid}P3", f"{uid}P4"]
    assert await ids({"skillIds": [f"{uid}K-RICE"]}) == [f"{uid}P1"]
    assert await ids({"townshipId": f"{uid}T", "politicalStatus": "MASSES"}) == [f"{uid}P2"]
    assert await ids({"departmentId": f"{uid}D-C", "maxAge": 2026 - 1990 + 1}) == [f"{uid}P4"]


@pytest.mark.parametrize(
    ("typed", "scope", "expected"),
    [
        ("欧阳", "townshipId", ["P1", "P2"]),
        ("欧阳明月", "townshipId", ["P1"]),
        ("欧", "townshipId", ["P1", "P2"]),
        ("诸葛", "townshipId", ["P4"]),
        ("司马 光", "departmentId", ["P3"]),
        ("光", "departmentId", ["P3"]),
    ],
)
async def test_people_search_finds_chinese_names(
    graph: Graph, gql: GraphQLClient, uid: str, typed: str, scope: str, expected: list[str]
) -> None:
    # given people with Chinese names (scoped to this test's township or county department,
    # since other tests' people share these names)
    await load(graph, county_doc(uid))
    scope_id = f"{uid}T" if scope == "townshipId" else f"{uid}D-C"
    # when searched by what a clerk types (whole name, part of it, one character)
    data = await gql.data(
        """query($f: PeopleFilter) { people(filter: $f, first: 100) { edges { node { id } } } }""",
        {"f": {"search": typed, scope: scope_id}},
    )
    # then the full-text (CJK) index finds exactly them
    found = [e["node"]["id"] for e in data["people"]["edges"]]
    assert found == [f"{uid}{p}" for p in expected]


async def test_skill_search_matches_names_and_aliases(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a skill with an alias
    await load(graph, county_doc(uid))
    # when searched by its alias / then it is found
    data = await gql.data(
        "query($q: String) { skills(search: $q) { id } }", {"q": unique_alias(uid)}
    )
    assert [s["id"] for s in data["skills"]] == [f"{uid}K-RICE"]


async def test_lucene_syntax_typed_by_a_clerk_is_not_an_error(gql: GraphQLClient) -> None:
    # given text full of Lucene operators / when searched / then it is just text
    data = await gql.data('{ people(filter: {search: "张 AND (李* OR \\"王"}) { totalCount } }')
    assert data["people"]["totalCount"] >= 0


async def test_bad_input_names_the_field_and_has_a_code(gql: GraphQLClient) -> None:
    # given a page size over the cap / when asked / then BAD_USER_INPUT names `first`
    body = await gql.post("{ people(first: 101) { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert body["errors"][0]["message"].startswith("first:")
    # and a foreign cursor is refused the same way
    body = await gql.post('{ people(after: "bm90LWEtY3Vyc29y") { totalCount } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert body["errors"][0]["message"].startswith("after:")


async def test_depth_and_alias_limits_refuse_runaway_queries(gql: GraphQLClient) -> None:
    # given a query nested deeper than the limit / when posted / then it is refused unexecuted
    deep = "{ person(id: \"x\") { mentors { person { mentors { person { mentors { person { " \
           "mentors { person { mentors { person { id } } } } } } } } } } } }"  # fmt: skip
    body = await gql.post(deep)
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]
    assert gql.round_trips == 0
    # and so is a query with more aliases than allowed
    aliases = " ".join(f'a{i}: person(id: "x") {{ id }}' for i in range(40))
    body = await gql.post("{ " + aliases + " }")
    assert "aliases" in body["errors"][0]["message"]


async def test_unexpected_errors_are_masked_and_logged(
    gql: GraphQLClient,
    graph: Graph,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # given a graph layer that fails in an unforeseen way
    async def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("secret internals: password=hunter2")

    monkeypatch.setattr(Graph, "read", broken)  # every handle, scoped ones too
    # when a query runs
    body = await gql.post("{ skills(first: 5) { id } }")
    # then the client sees a generic message with a code, and the log has the details
    error = body["errors"][0]
    assert error["message"] == "Internal server error"
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert "hunter2" not in str(body)
    assert "secret internals" in caplog.text


async def test_graphiql_is_served_without_any_cdn(gql: GraphQLClient) -> None:
    # given the fetched GraphiQL assets (`make test` and `make run` fetch them)
    if not assets_present(ASSET_DIR):
        pytest.skip("GraphiQL assets not fetched: run scripts/fetch-graphiql.sh .cache/graphiql")
    # when a browser asks for /graphql
    response = await gql.client.get("/graphql", headers={"accept": "text/html"})
    # then the page loads only our own assets, and they are served
    assert response.status_code == 200
    assert "/graphiql-assets/graphiql.min.js" in response.text
    assert "unpkg" not in response.text
    assert "jsdelivr" not in response.text
    script = await gql.client.get("/graphiql-assets/graphiql.min.js")
    assert script.status_code == 200


async def test_a_malformed_date_is_bad_input_not_an_internal_error(gql: GraphQLClient) -> None:
    # given an impossible date in a variable / when posted
    body = await gql.post(
        'query($d: Date) { peopleWhoServed(villageId: "x", skillId: "y", servedSince: $d) '
        "{ level } }",
        {"d": "2024-02-30"},
    )
    # then the clerk is told which variable is wrong, with BAD_USER_INPUT
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "$d" in error["message"]
