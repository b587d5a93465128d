"""Staffing a task (人力调配): warnings for people outside their specialty (专业人做专业事), refused
assignments that write nothing, and whether a task was staffed within its response standard."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.db import Graph, Tx
from tests import queries
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error
from tests.task_support import ASSIGN, PLAN, ground, initiate, refused, snapshot, task_in


def _lead(doc: Doc, key: str, role: str = "LEAD") -> list[dict[str, str]]:
    return [{"personId": doc.id(key), "role": role}]


async def test_assigning_someone_without_the_required_skill_warns_but_assigns(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a consulted task requiring 防汛抢险 at level 3 and 水稻栽培 at level 2
    doc = await ground(graph, uid)
    task_id = await initiate(
        gql,
        doc,
        req=[{"skillId": doc.id("K1"), "level": 3}, {"skillId": doc.id("K3"), "level": 2}],
    )
    await gql.data(PLAN, {"id": task_id})

    # when 李四 (no 防汛抢险, 水稻栽培 at 5) leads and 王五 (防汛抢险 at 2) joins
    data = await gql.data(
        ASSIGN,
        {
            "id": task_id,
            "a": [
                {"personId": doc.id("M"), "role": "LEAD"},
                {"personId": doc.id("N"), "role": "MEMBER"},
            ],
        },
    )

    # then both are assigned and the task is staffed, with one warning per missing skill
    payload = data["assignPeople"]
    assert payload["task"]["status"] == "STAFFED"
    assert {(a["person"]["id"], a["role"]) for a in payload["task"]["assignments"]} == {
        (doc.id("M"), "LEAD"),
        (doc.id("N"), "MEMBER"),
    }
    assert payload["warnings"] == [
        "李四 lacks 防汛抢险 (level 3 required)",
        "王五 holds 防汛抢险 at level 2 (level 3 required)",
        "王五 lacks 水稻栽培 (level 2 required)",
    ]


@pytest.mark.parametrize(
    ("person", "role", "warnings"),
    [
        ("L", "LEAD", []),  # 防汛抢险 at 4 ≥ 3
        ("R", "LEAD", ["赵六 lacks 防汛抢险 (level 3 required)"]),  # only the narrower 堤坝巡查
        ("M", "MEMBER", ["李四 lacks 防汛抢险 (level 3 required)"]),
        ("S", "SUPERVISOR", []),  # a supervisor oversees; the skill check is for the work
    ],
)
async def test_who_gets_a_skill_warning(
    graph: Graph, gql: GraphQLClient, uid: str, person: str, role: str, warnings: list[str]
) -> None:
    # given a consulted task requiring 防汛抢险 at level 3
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "CONSULTED")

    # when the person is assigned in the role
    data = await gql.data(ASSIGN, {"id": task_id, "a": _lead(doc, person, role)})

    # then
    assert data["assignPeople"]["warnings"] == warnings


async def test_a_duplicate_assignment_is_refused(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a task staffed by 张工 as LEAD
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "STAFFED")
    before = await snapshot(gql, task_id)

    # when 张工 is assigned as LEAD again, or listed twice in one call
    again = await refused(gql, ASSIGN, {"id": task_id, "a": _lead(doc, "L")})
    twice = await refused(gql, ASSIGN, {"id": task_id, "a": _lead(doc, "N") + _lead(doc, "N")})

    # then both are refused and nothing changed
    assert again == f"assignments[0].personId: 张工 is already assigned to task {task_id} as LEAD"
    assert twice == f"assignments[1]: '{doc.id('N')}' is listed twice as LEAD"
    assert await snapshot(gql, task_id) == before


async def test_an_unknown_person_among_several_writes_none_of_them(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a consulted task
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "CONSULTED")
    before = await snapshot(gql, task_id)

    # when a lead and someone unknown are assigned together
    body = await gql.post(
        ASSIGN, {"id": task_id, "a": _lead(doc, "L") + _lead(doc, "ghost", "MEMBER")}
    )

    # then it is not found and the lead was not assigned either
    assert only_error(body) == (
        "NOT_FOUND",
        f"assignments[1].personId: no person with id '{doc.id('ghost')}'",
    )
    assert await snapshot(gql, task_id) == before


async def test_assigning_nobody_is_refused(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a consulted task
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "CONSULTED")

    # when
    message = await refused(gql, ASSIGN, {"id": task_id, "a": []})

    # then
    assert message == "assignments: name at least one person to assign"


# --- staffedWithinStandard ---------------------------------------------------------------------

NOW = dt.datetime.now(dt.UTC)
HOUR = dt.timedelta(hours=1)


async def _bare_task(graph: Graph, doc: Doc, key: str, **props: Any) -> str:
    """A task written the way another module would (tests/cypher/task/bare.cypher)."""
    params: dict[str, Any] = {
        "id": doc.id(key),
        "villageId": doc.id("V"),
        "createdAt": NOW - 2 * HOUR,
        "kind": "EMERGENCY",
        "quarter": "2025Q3",
        "staffingDeadline": None,
        "staffedAt": None,
        "needId": None,
        "needQuarter": None,
    }
    params.update(props)

    async def work(tx: Tx) -> None:
        await queries.run(tx, "task/bare", params)

    await graph.transaction(work)
    return doc.id(key)


async def _staff(gql: GraphQLClient, doc: Doc, task_id: str) -> dict[str, Any]:
    await gql.data(PLAN, {"id": task_id})
    data = await gql.data(ASSIGN, {"id": task_id, "a": _lead(doc, "L")})
    task: dict[str, Any] = data["assignPeople"]["task"]
    return task


@pytest.mark.parametrize(
    ("deadline", "staff", "expected"),
    [
        (None, True, None),  # no standard to meet
        (NOW + 24 * HOUR, False, None),  # not staffed, deadline still ahead
        (NOW - HOUR, False, False),  # not staffed, deadline passed
        (NOW + 24 * HOUR, True, True),  # staffed before the deadline
        (NOW - HOUR, True, False),  # staffed after the deadline
    ],
)
async def test_staffed_within_standard(
    graph: Graph,
    gql: GraphQLClient,
    uid: str,
    deadline: dt.datetime | None,
    staff: bool,
    expected: bool | None,
) -> None:
    # given an emergency task with (or without) a staffing deadline
    doc = await ground(graph, uid)
    task_id = await _bare_task(graph, doc, "E1", staffingDeadline=deadline)

    # when it is staffed through the API, or not
    if staff:
        await _staff(gql, doc, task_id)
    task = await snapshot(gql, task_id)

    # then
    assert task["staffedWithinStandard"] is expected
    assert (task["staffedAt"] is not None) is staff


async def test_a_staffing_time_exactly_at_the_deadline_is_within_the_standard(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a task staffed exactly at its deadline
    doc = await ground(graph, uid)
    at = NOW - HOUR
    task_id = await _bare_task(graph, doc, "E1", staffingDeadline=at, staffedAt=at)

    # when
    task = await snapshot(gql, task_id)

    # then
    assert task["staffedWithinStandard"] is True


async def test_an_emergency_with_a_severity_gets_its_response_standard_as_deadline(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given
    doc = await ground(graph, uid)

    # when a severity-I emergency (30 minutes by default) is initiated, then staffed at once
    task_id = await initiate(gql, doc, kind="EMERGENCY", sev="I")
    before = await snapshot(gql, task_id)
    staffed = await _staff(gql, doc, task_id)

    # then its deadline is 30 minutes after creation; it was met
    created = dt.datetime.fromisoformat(before["createdAt"])
    deadline = dt.datetime.fromisoformat(before["staffingDeadline"])
    assert deadline - created == dt.timedelta(minutes=30)
    assert (before["severity"], before["staffedWithinStandard"]) == ("I", None)
    assert staffed["staffedWithinStandard"] is True
