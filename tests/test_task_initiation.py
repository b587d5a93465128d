"""任务发起: initiateTask writes a task at a village or a township with what it requires and its
first event; bad arguments are refused naming the argument, and write nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import only_error
from tests.task_support import INITIATE, TASK, ground, initiate, snapshot


def _quarter_now() -> str:
    now = dt.datetime.now(dt.UTC)
    return f"{now.year}Q{(now.month - 1) // 3 + 1}"


async def test_a_village_initiates_a_task_at_the_village(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given
    doc = await ground(graph, uid)

    # when
    task_id = await initiate(
        gql,
        doc,
        req=[{"skillId": doc.id("K3"), "level": 2}, {"skillId": doc.id("K1"), "level": 4}],
        note="村民反映堤坝渗水",
    )

    # then it is INITIATED at the village (and so in its township), requiring the skills
    task = await snapshot(gql, task_id)
    assert (task["status"], task["kind"], task["initiatedBy"]) == (
        "INITIATED",
        "ROUTINE",
        "VILLAGE",
    )
    assert (task["village"]["id"], task["township"]["id"]) == (doc.id("V"), doc.id("T"))
    assert task["requiredSkills"] == [
        {"skill": {"id": doc.id("K1")}, "level": 4},
        {"skill": {"id": doc.id("K3")}, "level": 2},
    ]
    assert task["quarter"] == _quarter_now()
    assert (task["progress"], task["staffingDeadline"], task["staffedWithinStandard"]) == (
        None,
        None,
        None,
    )
    assert [(e["step"], e["note"]) for e in task["events"]] == [("INITIATED", "村民反映堤坝渗水")]
    assert task["events"][0]["at"] == task["createdAt"]


async def test_a_township_initiates_a_task_at_the_township_for_a_given_quarter(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given
    doc = await ground(graph, uid)

    # when the task is at the township, with no skill requirements and no id
    data = await gql.data(INITIATE, {"t": doc.id("T"), "by": "TOWNSHIP", "q": "2025Q3"})

    # then an id is generated and the task has no village
    task = await snapshot(gql, data["initiateTask"]["task"]["id"])
    assert task["id"].startswith("TASK-")
    assert (task["village"], task["township"]["id"]) == (None, doc.id("T"))
    assert (task["initiatedBy"], task["quarter"], task["requiredSkills"]) == (
        "TOWNSHIP",
        "2025Q3",
        [],
    )


def _ids(value: Any, uid: str) -> Any:
    """`@` in the strings of a case stands for the test's id prefix."""
    if isinstance(value, str):
        return value.replace("@", uid)
    if isinstance(value, list):
        return [_ids(v, uid) for v in value]
    if isinstance(value, dict):
        return {k: _ids(v, uid) for k, v in value.items()}
    return value


EITHER = "villageId: give either villageId or townshipId (where the task is)"
BAD = [
    ({"t": "@T"}, "BAD_USER_INPUT", EITHER),
    ({"v": None}, "BAD_USER_INPUT", EITHER),
    ({"v": "@nope"}, "NOT_FOUND", "villageId: no village with id '@nope'"),
    ({"v": None, "t": "@V"}, "NOT_FOUND", "townshipId: no township with id '@V'"),
    ({"req": [{"skillId": "@K1", "level": 3}, {"skillId": "@K9", "level": 3}]},
     "NOT_FOUND", "requires[1].skillId: no skill with id '@K9'"),
    ({"req": [{"skillId": "@K1", "level": 6}]},
     "BAD_USER_INPUT", "requires[0].level: must be a level from 1 to 5, got 6"),
    ({"req": [{"skillId": "@K1", "level": 3}, {"skillId": "@K1", "level": 4}]},
     "BAD_USER_INPUT", "requires[1].skillId: skill '@K1' is listed twice"),
    ({"sev": "II"}, "BAD_USER_INPUT", "severity: only an EMERGENCY task has a severity"),
    ({"q": "2025-3"}, "BAD_USER_INPUT", "quarter: must be a quarter like 2025Q3, got '2025-3'"),
    ({"q": "2025Q5"}, "BAD_USER_INPUT", "quarter: must be a quarter like 2025Q3, got '2025Q5'"),
    ({"title": "   "}, "BAD_USER_INPUT", "title: must not be empty"),
    ({"title": "长" * 201}, "BAD_USER_INPUT", "title: must be at most 200 characters, got 201"),
]  # fmt: skip


@pytest.mark.parametrize(("variables", "code", "message"), BAD)
async def test_bad_arguments_are_refused_and_write_nothing(
    graph: Graph,
    gql: GraphQLClient,
    uid: str,
    variables: dict[str, Any],
    code: str,
    message: str,
) -> None:
    # given
    doc = await ground(graph, uid)

    # when
    body = await gql.post(INITIATE, {"id": doc.id("T1"), "v": doc.id("V"), **_ids(variables, uid)})

    # then it is refused, naming the argument, and no task exists
    assert only_error(body) == (code, _ids(message, uid))
    assert (await gql.data(TASK, {"id": doc.id("T1")}))["task"] is None


async def test_a_task_id_cannot_be_taken_twice(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a task
    doc = await ground(graph, uid)
    task_id = await initiate(gql, doc)
    before = await snapshot(gql, task_id)

    # when another is initiated with its id, elsewhere
    body = await gql.post(INITIATE, {"id": task_id, "v": doc.id("V2"), "title": "另一任务"})

    # then
    assert only_error(body) == ("BAD_USER_INPUT", f"id: a task with id '{task_id}' already exists")
    assert await snapshot(gql, task_id) == before
