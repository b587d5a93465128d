"""Team changes: createTeam, addTeamMember and endTeamMembership, each refused with a clear
reason when it breaks a rule, writing nothing then, and recording the actor when it does not."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from graph.db import Graph
from tests import queries
from tests.conftest import GraphQLClient, bearer
from tests.factories import only_error
from tests.team_support import ADD, CREATE, END, TEAM, ground, team_of


async def test_a_team_is_created_of_a_township_or_a_county(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given
    doc = await ground(graph, uid)

    # when a township emergency team and a county special group (without an id) are created
    town = await gql.data(CREATE, {"id": doc.id("E"), "t": doc.id("T")})
    county = await gql.data(
        CREATE, {"c": doc.id("C"), "kind": "SPECIAL_GROUP", "name": "农技专项组", "domain": "农业"}
    )

    # then
    assert town["createTeam"] == {
        "id": doc.id("E"),
        "name": "防汛应急队",
        "kind": "EMERGENCY_TEAM",
        "domain": None,
        "township": {"id": doc.id("T")},
        "county": None,
        "members": [],
    }
    group = county["createTeam"]
    assert group["id"].startswith("TEAM-")
    assert (group["kind"], group["domain"], group["township"], group["county"]) == (
        "SPECIAL_GROUP",
        "农业",
        None,
        {"id": doc.id("C")},
    )
    assert (await gql.data(TEAM, {"id": group["id"]}))["team"]["name"] == "农技专项组"


EITHER = "townshipId: give either townshipId or countyId (the team's unit)"


@pytest.mark.parametrize(
    ("variables", "code", "message"),
    [
        ({"c": "@C"}, "BAD_USER_INPUT", EITHER),
        ({"t": None}, "BAD_USER_INPUT", EITHER),
        ({"t": "@V"}, "NOT_FOUND", "townshipId: no township with id '@V'"),
        ({"t": None, "c": "@T"}, "NOT_FOUND", "countyId: no county with id '@T'"),
        ({"name": " "}, "BAD_USER_INPUT", "name: must not be empty"),
    ],
)
async def test_a_bad_team_is_refused_and_not_written(
    graph: Graph, gql: GraphQLClient, uid: str, variables: dict[str, Any], code: str, message: str
) -> None:
    # given
    doc = await ground(graph, uid)
    args = {k: v.replace("@", uid) if isinstance(v, str) else v for k, v in variables.items()}

    # when
    body = await gql.post(CREATE, {"id": doc.id("E"), "t": doc.id("T"), **args})

    # then
    assert only_error(body) == (code, message.replace("@", uid))
    assert (await gql.data(TEAM, {"id": doc.id("E")}))["team"] is None


async def test_a_team_id_cannot_be_taken_twice(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given
    doc = await ground(graph, uid)
    team_id = await team_of(gql, doc)

    # when
    body = await gql.post(CREATE, {"id": team_id, "c": doc.id("C"), "t": None, "name": "另一队"})

    # then
    assert only_error(body) == ("BAD_USER_INPUT", f"id: a team with id '{team_id}' already exists")
    assert (await gql.data(TEAM, {"id": team_id}))["team"]["name"] == "防汛应急队"


async def test_a_member_joins_from_today_by_default_and_the_actor_is_recorded(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a team
    doc = await ground(graph, uid)
    team_id = await team_of(gql, doc)

    # when a clerk adds 周队长 as 队长, and 吴队员 from a given day
    await gql.client.post(
        "/graphql",
        json={"query": ADD, "variables": {"team": team_id, "p": doc.id("A"), "role": "队长"}},
        headers=bearer(sub="clerk-zhou"),
    )
    data = await gql.data(ADD, {"team": team_id, "p": doc.id("B"), "since": "2024-05-01"})

    # then both are members, by since
    today = dt.date.today().isoformat()
    assert data["addTeamMember"]["members"] == [
        {"person": {"id": doc.id("B")}, "role": "队员", "since": "2024-05-01", "until": None},
        {"person": {"id": doc.id("A")}, "role": "队长", "since": today, "until": None},
    ]
    # and who started the membership, and when, is on it
    snap = (await queries.read(graph, "import/snapshot", {"prefix": doc.id("A")}))[0]
    [edge] = [r for r in snap["relationships"] if r["type"] == "MEMBER_OF"]
    assert edge["props"]["startedBy"] == "clerk-zhou"
    assert isinstance(edge["props"]["startedAt"], dt.datetime)


@pytest.mark.parametrize(
    ("ended", "since", "message"),
    [
        (None, "2025-01-01", "周队长 is already a member of 防汛应急队 (队员 since 2024-01-01)"),
        ("2024-12-31", "2024-12-31",
         "周队长 is already a member of 防汛应急队 (队员 since 2024-01-01 until 2024-12-31)"),
        ("2024-12-31", "2023-06-01",
         "周队长 is already a member of 防汛应急队 (队员 since 2024-01-01 until 2024-12-31)"),
    ],
)  # fmt: skip
async def test_an_overlapping_membership_is_refused(
    graph: Graph, gql: GraphQLClient, uid: str, ended: str | None, since: str, message: str
) -> None:
    # given 周队长 in the team since 2024-01-01 (ended on a day, or not)
    doc = await ground(graph, uid)
    team_id = await team_of(gql, doc)
    member = {"team": team_id, "p": doc.id("A")}
    await gql.data(ADD, {**member, "since": "2024-01-01"})
    if ended is not None:
        await gql.data(END, {**member, "until": ended})
    before = await gql.data(TEAM, {"id": team_id})

    # when they are added again from a day the first membership still covers
    body = await gql.post(ADD, {**member, "since": since})

    # then
    assert only_error(body) == ("BAD_USER_INPUT", f"personId: {message}")
    assert await gql.data(TEAM, {"id": team_id}) == before


async def test_a_member_may_rejoin_after_the_membership_ended(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 周队长's membership ended on 2024-12-31
    doc = await ground(graph, uid)
    team_id = await team_of(gql, doc)
    member = {"team": team_id, "p": doc.id("A")}
    await gql.data(ADD, {**member, "since": "2024-01-01"})
    await gql.data(END, {**member, "until": "2024-12-31"})

    # when they rejoin the next day as 队长
    data = await gql.data(ADD, {**member, "since": "2025-01-01", "role": "队长"})

    # then both memberships are there
    assert [(m["role"], m["since"], m["until"]) for m in data["addTeamMember"]["members"]] == [
        ("队员", "2024-01-01", "2024-12-31"),
        ("队长", "2025-01-01", None),
    ]


async def test_ending_a_membership_defaults_to_today_and_records_the_actor(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given
    doc = await ground(graph, uid)
    team_id = await team_of(gql, doc)
    await gql.data(ADD, {"team": team_id, "p": doc.id("A"), "since": "2024-01-01"})

    # when a clerk ends it without a day
    response = await gql.client.post(
        "/graphql",
        json={"query": END, "variables": {"team": team_id, "p": doc.id("A")}},
        headers=bearer(sub="clerk-wu"),
    )

    # then it ends today
    members = response.json()["data"]["endTeamMembership"]["members"]
    assert [m["until"] for m in members] == [dt.date.today().isoformat()]
    snap = (await queries.read(graph, "import/snapshot", {"prefix": doc.id("A")}))[0]
    [edge] = [r for r in snap["relationships"] if r["type"] == "MEMBER_OF"]
    assert edge["props"]["endedBy"] == "clerk-wu"
    assert isinstance(edge["props"]["endedAt"], dt.datetime)


NOT_ACTIVE = "personId: 周队长 has no active membership of 防汛应急队"


@pytest.mark.parametrize(
    ("setup", "until", "code", "message"),
    [
        ([], "2025-01-01", "BAD_USER_INPUT", NOT_ACTIVE),
        ([("2024-01-01", "2024-06-30")], "2025-01-01", "BAD_USER_INPUT", NOT_ACTIVE),
        ([("2024-01-01", None)], "2023-12-31", "BAD_USER_INPUT",
         "until: 2023-12-31 is before the membership's start 2024-01-01"),
    ],
)  # fmt: skip
async def test_ending_a_membership_that_is_not_active_or_before_it_began_is_refused(
    graph: Graph,
    gql: GraphQLClient,
    uid: str,
    setup: list[tuple[str, str | None]],
    until: str,
    code: str,
    message: str,
) -> None:
    # given 周队长 never in the team, in it for a while, or in it now
    doc = await ground(graph, uid)
    team_id = await team_of(gql, doc)
    member = {"team": team_id, "p": doc.id("A")}
    for since, ended in setup:
        await gql.data(ADD, {**member, "since": since})
        if ended is not None:
            await gql.data(END, {**member, "until": ended})
    before = await gql.data(TEAM, {"id": team_id})

    # when the membership is ended
    body = await gql.post(END, {**member, "until": until})

    # then
    assert only_error(body) == (code, message)
    assert await gql.data(TEAM, {"id": team_id}) == before


@pytest.mark.parametrize("query", [ADD, END])
async def test_unknown_teams_and_people_are_not_found(
    graph: Graph, gql: GraphQLClient, uid: str, query: str
) -> None:
    # given
    doc = await ground(graph, uid)
    team_id = await team_of(gql, doc)

    # when
    no_team = await gql.post(query, {"team": doc.id("nope"), "p": doc.id("A")})
    no_person = await gql.post(query, {"team": team_id, "p": doc.id("nope")})

    # then
    assert only_error(no_team) == ("NOT_FOUND", f"teamId: no team with id '{doc.id('nope')}'")
    assert only_error(no_person) == ("NOT_FOUND", f"personId: no person with id '{doc.id('nope')}'")


async def test_concurrent_additions_of_one_person_make_one_membership(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a team
    doc = await ground(graph, uid)
    team_id = await team_of(gql, doc)
    variables = {"team": team_id, "p": doc.id("A"), "since": "2024-01-01"}

    # when five clerks add 周队长 at the same time
    bodies = await asyncio.gather(
        *(gql.client.post("/graphql", json={"query": ADD, "variables": variables})
          for _ in range(5))
    )  # fmt: skip

    # then one membership is made and the others are refused as duplicates
    errors = [b.json().get("errors") for b in bodies]
    assert sum(e is None for e in errors) == 1
    assert {e[0]["extensions"]["code"] for e in errors if e is not None} == {"BAD_USER_INPUT"}
    members = (await gql.data(TEAM, {"id": team_id}))["team"]["members"]
    assert [m["person"]["id"] for m in members] == [doc.id("A")]
