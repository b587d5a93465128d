"""Reading teams: members active on a day, the batches behind Township.teams and Person.teams,
and the round trips of a team with its members."""

from __future__ import annotations

import asyncio
import datetime as dt

from graph.db import Graph, count_round_trips
from resolvers import team as team_resolvers
from resolvers.context import Context
from tests.conftest import GraphQLClient
from tests.factories import Doc, place
from tests.team_support import ADD, END, TEAM, ground, team_of


async def test_members_active_on_a_day(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given A in the team during 2024, B from 2024-07-01 on
    doc = await ground(graph, uid)
    team_id = await team_of(gql, doc)
    await gql.data(ADD, {"team": team_id, "p": doc.id("A"), "since": "2024-01-01"})
    await gql.data(END, {"team": team_id, "p": doc.id("A"), "until": "2024-12-31"})
    await gql.data(ADD, {"team": team_id, "p": doc.id("B"), "since": "2024-07-01"})

    # when asking on several days
    days = ("2023-12-31", "2024-01-01", "2024-07-01", "2024-12-31", "2025-01-01")
    answers = [(await gql.data(TEAM, {"id": team_id, "on": day}))["team"] for day in days]
    active = {
        day: [m["person"]["id"] for m in t["active"]] for day, t in zip(days, answers, strict=True)
    }

    # then since and until are both inclusive
    a, b = doc.id("A"), doc.id("B")
    assert active == {
        "2023-12-31": [],
        "2024-01-01": [a],
        "2024-07-01": [a, b],
        "2024-12-31": [a, b],
        "2025-01-01": [b],
    }


async def test_the_teams_of_townships_and_people_are_batched(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two teams of T (A in both, the first membership ended), a county team with B
    doc = await ground(graph, uid)
    work = await team_of(gql, doc, "W", kind="WORKING_TEAM", name="协同工作专班")
    flood = await team_of(gql, doc, "E")
    county = await team_of(gql, doc, "G", t=None, c=doc.id("C"), kind="LEADING_GROUP")
    await gql.data(ADD, {"team": work, "p": doc.id("A"), "since": "2023-01-01"})
    await gql.data(END, {"team": work, "p": doc.id("A"), "until": "2023-12-31"})
    await gql.data(ADD, {"team": flood, "p": doc.id("A"), "since": "2024-03-01", "role": "队长"})
    await gql.data(ADD, {"team": county, "p": doc.id("B"), "since": "2024-03-01"})
    ctx = Context(graph=graph)

    # when asking for teams of townships and people within one request level
    with count_round_trips() as trips:
        townships = await asyncio.gather(
            team_resolvers.township_teams(ctx, doc.id("T")),
            team_resolvers.township_teams(ctx, doc.id("nope")),
        )
        people = await asyncio.gather(
            team_resolvers.person_teams(ctx, doc.id("A"), None),
            team_resolvers.person_teams(ctx, doc.id("A"), dt.date(2024, 6, 1)),
            team_resolvers.person_teams(ctx, doc.id("B"), dt.date(2024, 1, 1)),
        )

    # then the township's teams by kind, and people's memberships newest first
    assert [[t["id"] for t in ts] for ts in townships] == [[flood, work], []]
    assert [[(m["team"]["id"], m["role"]) for m in ms] for ms in people] == [
        [(flood, "队长"), (work, "队员")],
        [(flood, "队长")],
        [],
    ]
    assert trips.count == 2


DEEP = """
query($id: ID!) {
  team(id: $id) {
    township { name } county { name }
    members { role person { name department { name } } }
  }
}
"""


async def test_a_team_takes_round_trips_by_depth_not_by_number_of_members(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given teams of 2 and 12 members
    doc = place(Doc(uid))
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    for i in range(12):
        doc.person(f"P{i:02d}", department="D")
    await doc.load(graph)
    small = await team_of(gql, doc, "S")
    large = await team_of(gql, doc, "L")
    for i in range(12):
        if i < 2:
            await gql.data(ADD, {"team": small, "p": doc.id(f"P{i:02d}")})
        await gql.data(ADD, {"team": large, "p": doc.id(f"P{i:02d}")})

    # when
    counts = []
    for team_id, size in ((small, 2), (large, 12)):
        data = await gql.data(DEEP, {"id": team_id})
        assert len(data["team"]["members"]) == size
        counts.append(gql.round_trips)

    # then the team, its unit (one query for township and county), members, departments
    assert counts == [4, 4]
