"""createTaskFromNeed: an OPEN need becomes an INITIATED task of the collaboration task list and
the need MATCHED, in one transaction; anything else is refused and changes nothing.

What was written is read back with a test-only query (tests/cypher/need/task_of_need)."""

from __future__ import annotations

import asyncio
from typing import Any

from graph.db import Graph, Record
from model.access import Role
from tests import queries
from tests.conftest import GraphQLClient, bearer
from tests.factories import Doc, only_error, place

RAISE = """
mutation Raise($village: ID!, $id: ID!, $skills: [NeedSkillInput!]!) {
  raiseNeed(villageId: $village, id: $id, title: "防汛物资台账整理", quarter: "2025Q2",
            urgency: MEDIUM, skills: $skills) { id }
}
"""

CREATE = """
mutation Create($need: ID!, $title: String, $domain: String, $side: TaskSide = VILLAGE,
                $note: String) {
  createTaskFromNeed(needId: $need, title: $title, domain: $domain, initiatedBy: $side,
                     note: $note) {
    taskId
    need { id status village { id } skills { skill { id } level } }
  }
}
"""


async def open_need(graph: Graph, gql: GraphQLClient, uid: str) -> Doc:
    """Village V raised need N (2025Q2) for K1 at level 2 and KW (category 水利) at level 4."""
    doc = place(Doc(uid))
    doc.skill("K1", "农业技术")
    doc.sections.setdefault("skills", []).append(
        {"id": doc.id("KW"), "name": "堤坝巡查", "category": "水利"}
    )
    await doc.load(graph)
    skills = [{"skillId": doc.id("K1"), "level": 2}, {"skillId": doc.id("KW"), "level": 4}]
    await gql.data(RAISE, {"village": doc.id("V"), "id": doc.id("N"), "skills": skills})
    return doc


async def tasks_of(graph: Graph, need_id: str) -> list[Record]:
    return await queries.read(graph, "need/task_of_need", {"needId": need_id})


async def status_of(gql: GraphQLClient, need_id: str) -> str:
    data = await gql.data("query($id: ID!) { need(id: $id) { status } }", {"id": need_id})
    status: str = data["need"]["status"]
    return status


async def test_an_open_need_becomes_an_initiated_task_and_the_need_matched(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given an OPEN need
    doc = await open_need(graph, gql, uid)

    # when the township side turns it into a task, with a token whose sub is township-clerk
    response = await gql.client.post(
        "/graphql",
        json={"query": CREATE, "variables": {"need": doc.id("N"), "side": "TOWNSHIP"}},
        headers=bearer(Role.TOWNSHIP, unit=doc.id("T"), sub="township-clerk"),
    )

    # then the payload has the task's id and the need, now MATCHED
    body = response.json()
    assert "errors" not in body, body
    payload = body["data"]["createTaskFromNeed"]
    assert payload["need"]["id"] == doc.id("N")
    assert payload["need"]["status"] == "MATCHED"
    assert payload["need"]["village"] == {"id": doc.id("V")}
    # and the graph holds one task as docs/graph-model.md describes it
    [found] = await tasks_of(graph, doc.id("N"))
    task = found["task"]
    assert task["id"] == payload["taskId"]
    assert task["title"] == "防汛物资台账整理"  # the need's title
    assert task["domain"] == "水利"  # category of the need's highest-level skill
    assert (task["kind"], task["status"], task["quarter"]) == ("ROUTINE", "INITIATED", "2025Q2")
    assert (task["initiatedBy"], task["createdBy"]) == ("TOWNSHIP", "township-clerk")
    assert found["at"] == [doc.id("V")]
    assert found["atLabels"] == ["Village"]
    assert found["requires"] == [
        {"skill": doc.id("K1"), "level": 2},
        {"skill": doc.id("KW"), "level": 4},
    ]
    [event] = found["events"]
    assert (event["step"], event["actor"]) == ("INITIATED", "township-clerk")
    assert event["at"] == task["createdAt"]
    assert doc.id("N") in event["note"]
    assert event["id"]
    assert await status_of(gql, doc.id("N")) == "MATCHED"


async def test_title_domain_and_note_can_be_given(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given an OPEN need
    doc = await open_need(graph, gql, uid)

    # when it becomes a task with a title, a domain and a note, initiated by the village (default)
    variables = {
        "need": doc.id("N"),
        "title": "汛前堤防联合巡查",
        "domain": "防汛",
        "note": "村里提出",
    }
    await gql.data(CREATE, variables)

    # then the task carries them
    [found] = await tasks_of(graph, doc.id("N"))
    task = found["task"]
    assert (task["title"], task["domain"], task["initiatedBy"]) == (
        "汛前堤防联合巡查",
        "防汛",
        "VILLAGE",
    )
    assert task["createdBy"] == "test-admin"  # the sub of the default token
    assert [e["note"] for e in found["events"]] == ["村里提出"]


async def test_a_need_that_is_not_open_is_refused_and_nothing_changes(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a need already turned into a task
    doc = await open_need(graph, gql, uid)
    await gql.data(CREATE, {"need": doc.id("N")})

    # when it is turned into a task again
    body = await gql.post(CREATE, {"need": doc.id("N")})

    # then it is refused naming needId and its status, and there is still one task
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message == (
        f"needId: need '{doc.id('N')}' is MATCHED; only an OPEN need can become a task"
    )
    assert len(await tasks_of(graph, doc.id("N"))) == 1


async def test_an_unknown_need_is_not_found(gql: GraphQLClient, uid: str) -> None:
    # given no need with this id
    # when it is turned into a task
    body = await gql.post(CREATE, {"need": f"{uid}missing"})

    # then NOT_FOUND names needId
    assert only_error(body) == ("NOT_FOUND", f"needId: no need with id '{uid}missing'")


async def test_a_blank_title_is_refused_and_the_need_stays_open(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given an OPEN need
    doc = await open_need(graph, gql, uid)

    # when it is turned into a task with a blank title
    body = await gql.post(CREATE, {"need": doc.id("N"), "title": "  "})

    # then it is refused, no task exists and the need is still OPEN
    assert only_error(body) == ("BAD_USER_INPUT", "title: must not be empty")
    assert await tasks_of(graph, doc.id("N")) == []
    assert await status_of(gql, doc.id("N")) == "OPEN"


async def test_concurrent_requests_make_one_task_per_need(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given three OPEN needs
    doc = await open_need(graph, gql, uid)
    skills = [{"skillId": doc.id("K1"), "level": 2}]
    for key in ("N2", "N3"):
        await gql.data(RAISE, {"village": doc.id("V"), "id": doc.id(key), "skills": skills})
    needs = [doc.id(k) for k in ("N", "N2", "N3")]

    # when two clerks turn each of them into a task at the same time
    bodies: list[dict[str, Any]] = await asyncio.gather(
        *(gql.post(CREATE, {"need": n}) for n in needs for _ in range(2))
    )

    # then for each need one succeeds, the other is refused because the need is MATCHED,
    # and each need has exactly one task
    for need_id, pair in zip(needs, (bodies[i : i + 2] for i in range(0, 6, 2)), strict=True):
        assert len([b for b in pair if "errors" not in b]) == 1
        assert [only_error(b) for b in pair if "errors" in b] == [
            ("BAD_USER_INPUT",
             f"needId: need '{need_id}' is MATCHED; only an OPEN need can become a task"),
        ]  # fmt: skip
        assert len(await tasks_of(graph, need_id)) == 1
