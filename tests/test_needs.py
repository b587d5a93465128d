"""The needs list (村级需求清单): raiseNeed (validation, errors naming the argument, nothing written
when refused, the actor recorded), need(id), and the batched needs of villages (Village.needs).

Every test raises needs in villages it created itself."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from graph.db import Graph, count_round_trips
from model.access import Role
from resolvers import need as need_resolvers
from resolvers.context import Context
from resolvers.errors import BadInput
from tests.conftest import GraphQLClient, bearer
from tests.factories import Doc, only_error, place

RAISE = """
mutation Raise($village: ID!, $title: String!, $quarter: String!, $urgency: NeedUrgency!,
               $skills: [NeedSkillInput!]!, $id: ID) {
  raiseNeed(villageId: $village, title: $title, quarter: $quarter, urgency: $urgency,
            skills: $skills, id: $id) {
    id title quarter urgency status createdAt createdBy
    village { id }
    skills { skill { id } level }
  }
}
"""

NEED = """
query Need($id: ID!) {
  need(id: $id) {
    id title quarter urgency status createdAt createdBy
    village { id name }
    skills { skill { id name } level }
  }
}
"""


async def frame(graph: Graph, uid: str) -> Doc:
    """County C, township T, villages V and V2, skills K1 and K2."""
    doc = place(Doc(uid))
    doc.village("V2", "T")
    doc.skill("K1")
    doc.skill("K2")
    await doc.load(graph)
    return doc


def raise_args(doc: Doc, **changes: Any) -> dict[str, Any]:
    args: dict[str, Any] = {
        "village": doc.id("V"),
        "title": "村集体经济项目申报",
        "quarter": "2025Q3",
        "urgency": "HIGH",
        "skills": [{"skillId": doc.id("K1"), "level": 3}, {"skillId": doc.id("K2"), "level": 4}],
        "id": doc.id("N1"),
    }
    return {**args, **changes}


async def fetch(gql: GraphQLClient, need_id: str) -> dict[str, Any] | None:
    found: dict[str, Any] | None = (await gql.data(NEED, {"id": need_id}))["need"]
    return found


# --- raiseNeed ------------------------------------------------------------------------------------


async def test_raise_need_records_an_open_need_with_its_skills_and_the_actor(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a village and two skills
    doc = await frame(graph, uid)

    # when a village clerk raises a need with a token whose sub is clerk-wangfang
    response = await gql.client.post(
        "/graphql",
        json={"query": RAISE, "variables": raise_args(doc)},
        headers=bearer(Role.VILLAGE, unit=doc.id("V"), sub="clerk-wangfang"),
    )

    # then the need is OPEN, of the village, with the skills at their levels, stamped with the actor
    body = response.json()
    assert "errors" not in body, body
    raised = body["data"]["raiseNeed"]
    assert raised["id"] == doc.id("N1")
    assert (raised["title"], raised["quarter"], raised["urgency"], raised["status"]) == (
        "村集体经济项目申报",
        "2025Q3",
        "HIGH",
        "OPEN",
    )
    assert raised["createdBy"] == "clerk-wangfang"
    assert raised["createdAt"] is not None
    assert raised["village"] == {"id": doc.id("V")}
    # highest level first
    assert raised["skills"] == [
        {"skill": {"id": doc.id("K2")}, "level": 4},
        {"skill": {"id": doc.id("K1")}, "level": 3},
    ]
    # and need(id) reads the same back from the graph
    found = await fetch(gql, doc.id("N1"))
    assert found is not None
    assert found["createdBy"] == "clerk-wangfang"
    assert found["createdAt"] == raised["createdAt"]
    assert found["village"]["id"] == doc.id("V")
    assert [(s["skill"]["id"], s["level"]) for s in found["skills"]] == [
        (doc.id("K2"), 4),
        (doc.id("K1"), 3),
    ]


async def test_raise_need_generates_an_id_when_none_is_given(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a village
    doc = await frame(graph, uid)

    # when two needs are raised without ids
    first = (await gql.data(RAISE, raise_args(doc, id=None)))["raiseNeed"]
    second = (await gql.data(RAISE, raise_args(doc, id=None)))["raiseNeed"]

    # then each gets its own id, and can be read back by it
    assert first["id"] != second["id"]
    assert first["id"].startswith("NEED-")
    found = await fetch(gql, first["id"])
    assert found is not None
    assert found["village"]["id"] == doc.id("V")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quarter": "2025Q5"}, "quarter: must be a quarter like 2025Q3"),
        ({"quarter": "2025-Q3"}, "quarter: must be a quarter like 2025Q3"),
        ({"quarter": "25Q1"}, "quarter: must be a quarter like 2025Q3"),
        ({"quarter": "2025q3"}, "quarter: must be a quarter like 2025Q3"),
        ({"title": "   "}, "title: must not be empty"),
        ({"skills": []}, "skills: name at least one skill"),
        ({"skills": [{"skillId": "K1", "level": 0}]},
         "skills[0].level: must be a level from 1 to 5, got 0"),
        ({"skills": [{"skillId": "K1", "level": 3}, {"skillId": "K2", "level": 6}]},
         "skills[1].level: must be a level from 1 to 5, got 6"),
        ({"skills": [{"skillId": "K1", "level": 3}, {"skillId": "K1", "level": 4}]},
         "skills[1].skillId: skill"),
    ],
)  # fmt: skip
async def test_raise_need_refuses_bad_input_and_writes_nothing(
    graph: Graph, gql: GraphQLClient, uid: str, changes: dict[str, Any], message: str
) -> None:
    # given a village and skills
    doc = await frame(graph, uid)
    if "skills" in changes:
        changes["skills"] = [{**s, "skillId": doc.id(s["skillId"])} for s in changes["skills"]]

    # when a need with one bad value is raised
    body = await gql.post(RAISE, raise_args(doc, **changes))

    # then it is refused, naming the argument and the reason, and nothing is written
    code, text = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert text.startswith(message), text
    assert await fetch(gql, doc.id("N1")) is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"village": "nowhere"}, "villageId: no village with id"),
        ({"skills": ["K1", "unknown"]}, "skills[1].skillId: no skill with id"),
    ],
)
async def test_raise_need_names_unknown_village_or_skill(
    graph: Graph, gql: GraphQLClient, uid: str, changes: dict[str, Any], message: str
) -> None:
    # given a village and skills
    doc = await frame(graph, uid)
    if "village" in changes:
        changes["village"] = doc.id(changes["village"])
    if "skills" in changes:
        changes["skills"] = [{"skillId": doc.id(k), "level": 3} for k in changes["skills"]]

    # when a need names a village or skill that does not exist
    body = await gql.post(RAISE, raise_args(doc, **changes))

    # then NOT_FOUND names the argument, and nothing is written
    code, text = only_error(body)
    assert code == "NOT_FOUND"
    assert text.startswith(message), text
    assert await fetch(gql, doc.id("N1")) is None


async def test_raise_need_refuses_an_id_already_taken_and_keeps_the_first(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a need N1
    doc = await frame(graph, uid)
    await gql.data(RAISE, raise_args(doc))

    # when another need is raised with the same id
    body = await gql.post(RAISE, raise_args(doc, title="另一个需求", village=doc.id("V2")))

    # then it is refused and N1 is unchanged
    code, text = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert text == f"id: a need with id '{doc.id('N1')}' already exists"
    found = await fetch(gql, doc.id("N1"))
    assert found is not None
    assert (found["title"], found["village"]["id"]) == ("村集体经济项目申报", doc.id("V"))


async def test_need_is_null_for_an_unknown_id(gql: GraphQLClient, uid: str) -> None:
    # given no need with this id
    # when it is asked for
    found = await fetch(gql, f"{uid}missing")

    # then the answer is null, not an error
    assert found is None


# --- Village.needs (batched) ----------------------------------------------------------------------


async def test_village_needs_are_filtered_ordered_and_batched_over_villages(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given needs of V in two quarters and urgencies, and one of V2
    doc = await frame(graph, uid)
    raised = [
        ("A", "V", "2025Q3", "LOW"),
        ("B", "V", "2025Q3", "HIGH"),
        ("C", "V", "2025Q2", "HIGH"),
        ("D", "V2", "2025Q3", "MEDIUM"),
    ]
    for key, village, quarter, urgency in raised:
        await gql.data(
            RAISE,
            raise_args(doc, id=doc.id(key), village=doc.id(village), quarter=quarter,
                       urgency=urgency),
        )  # fmt: skip
    ctx = Context(graph=graph)

    # when both villages' needs of 2025Q3 are loaded together, and all of V's
    with count_round_trips() as trips:
        of_v, of_v2 = await asyncio.gather(
            need_resolvers.village_needs(ctx, doc.id("V"), "2025Q3", None),
            need_resolvers.village_needs(ctx, doc.id("V2"), "2025Q3", None),
        )
    everything = await need_resolvers.village_needs(ctx, doc.id("V"), None, None)
    closed = await need_resolvers.village_needs(ctx, doc.id("V"), None, "CLOSED")

    # then one query served both villages, most urgent first, of the quarter only
    assert trips.count == 1
    assert [n["id"] for n in of_v] == [doc.id("B"), doc.id("A")]
    assert [n["id"] for n in of_v2] == [doc.id("D")]
    # HIGH first; among equals the latest quarter first
    assert [n["id"] for n in everything] == [doc.id("B"), doc.id("C"), doc.id("A")]
    assert closed == []


async def test_village_needs_refuses_a_malformed_quarter(graph: Graph) -> None:
    # given a request context
    ctx = Context(graph=graph)
    doc_village = "any-village"

    # when Village.needs is asked for a quarter that is not one
    # then it is refused naming the argument
    with pytest.raises(BadInput, match=r"^quarter: must be a quarter like 2025Q3"):
        await need_resolvers.village_needs(ctx, doc_village, "2025", None)


async def test_need_with_village_and_skills_takes_one_round_trip(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a need
    doc = await frame(graph, uid)
    await gql.data(RAISE, raise_args(doc))

    # when it is read with its village and skills
    found = await fetch(gql, doc.id("N1"))

    # then the lookup brought them along
    assert found is not None
    assert found["village"]["name"] == "V村"
    assert gql.round_trips == 1


async def test_village_and_skills_of_bare_needs_are_batched(graph: Graph, uid: str) -> None:
    # given two needs in two villages
    doc = await frame(graph, uid)
    ctx = Context(graph=graph)
    for key, village in (("A", "V"), ("B", "V2")):
        await need_resolvers.raise_need(
            ctx,
            village_id=doc.id(village),
            title="需求",
            quarter="2025Q1",
            urgency="LOW",
            skills=[need_resolvers.SkillLevel(doc.id("K1"), 2)],
            need_id=doc.id(key),
        )
    keys = [doc.id("A"), doc.id("B"), f"{uid}missing"]

    # when the villages and skills of needs known only by id are loaded (Need rows from other
    # queries that carry only the node's properties)
    with count_round_trips() as trips:
        villages = await ctx.loaders.of(need_resolvers.NEED_VILLAGE).load_many(keys)
        skills = await ctx.loaders.of(need_resolvers.NEED_SKILLS).load_many(keys)

    # then one query each, for all needs
    assert trips.count == 2
    assert [v["id"] if v else None for v in villages] == [doc.id("V"), doc.id("V2"), None]
    assert [[(s["skill"]["id"], s["level"]) for s in ss] for ss in skills] == [
        [(doc.id("K1"), 2)],
        [(doc.id("K1"), 2)],
        [],
    ]
