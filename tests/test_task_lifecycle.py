"""The task lifecycle through the API: every allowed step, every refused out-of-order step (which
changes nothing), cancelling, the feedback report, and the actor and events each step records."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from graph.db import Graph
from model.access import Role
from tests.conftest import GraphQLClient
from tests.factories import only_error
from tests.task_support import (
    ASSIGN,
    CANCEL,
    CLOSE,
    OPEN,
    PLAN,
    PROGRESS,
    SUPERVISE,
    ground,
    initiate,
    instant,
    refused,
    snapshot,
    task_in,
)


async def test_a_task_walks_the_five_steps_recording_each_as_an_event(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a clerk whose token's sub is clerk-wang, and the people of a township
    doc = await ground(graph, uid)
    gql = gql.as_(Role.TOWNSHIP, unit=doc.id("T"), sub="clerk-wang", name="王干事")
    lead, supervisor = doc.id("L"), doc.id("S")

    # when the task goes through every step, with two progress reports
    task_id = await initiate(gql, doc, note="村里报告堤坝渗水")
    initiated = await snapshot(gql, task_id)
    planned = (await gql.data(PLAN, {"id": task_id}))["recordPlan"]["task"]
    staffed = (await gql.data(ASSIGN, {"id": task_id, "a": [{"personId": lead, "role": "LEAD"}]}))[
        "assignPeople"
    ]["task"]
    supervising = (await gql.data(SUPERVISE, {"id": task_id, "s": supervisor}))["startSupervision"][
        "task"
    ]
    await gql.data(PROGRESS, {"id": task_id, "p": 40, "note": "巡查东段"})
    reported = (await gql.data(PROGRESS, {"id": task_id, "p": 70, "note": "巡查西段"}))[
        "reportProgress"
    ]["task"]
    closed = (await gql.data(CLOSE, {"id": task_id, "r": 5}))["closeTask"]["task"]

    # then each step moved the status on and offered the next steps
    assert [(t["status"], t["nextSteps"]) for t in (initiated, planned, staffed, supervising)] == [
        ("INITIATED", ["recordPlan", "cancelTask"]),
        ("CONSULTED", ["assignPeople", "cancelTask"]),
        ("STAFFED", ["startSupervision", "assignPeople", "cancelTask"]),
        ("SUPERVISING", ["reportProgress", "closeTask", "assignPeople", "cancelTask"]),
    ]
    assert (reported["status"], reported["progress"]) == ("SUPERVISING", 70)
    assert (closed["status"], closed["nextSteps"]) == ("CLOSED", [])
    assert (closed["outcome"], closed["rating"], closed["lessons"]) == ("堤坝无险情", 5, "提前备料")
    assert planned["plan"] == "村两委与水利站联合巡堤"
    assert initiated["createdBy"] == "clerk-wang"
    assert instant(staffed["staffedAt"]) >= instant(initiated["createdAt"])
    # and the history holds every step in order, with the actor and what the step recorded
    events = [(e["step"], e["actor"], e["note"], e["percent"]) for e in closed["events"]]
    assert events == [
        ("INITIATED", "clerk-wang", "村里报告堤坝渗水", None),
        ("CONSULTED", "clerk-wang", "村两委与水利站联合巡堤", None),
        ("STAFFED", "clerk-wang", "LEAD 张工", None),
        ("SUPERVISING", "clerk-wang", "SUPERVISOR 钱镇长", None),
        ("PROGRESS", "clerk-wang", "巡查东段", 40),
        ("PROGRESS", "clerk-wang", "巡查西段", 70),
        ("CLOSED", "clerk-wang", "堤坝无险情", None),
    ]
    ats = [instant(e["at"]) for e in closed["events"]]
    assert ats == sorted(ats)
    assert len({e["id"] for e in closed["events"]}) == 7
    # and the staffing instant is the STAFFED event's
    assert instant(staffed["staffedAt"]) == ats[2]
    final = await snapshot(gql, task_id)
    assert [(a["person"]["id"], a["role"], a["assignedBy"]) for a in final["assignments"]] == [
        (lead, "LEAD", "clerk-wang"),
        (supervisor, "SUPERVISOR", "clerk-wang"),
    ]


async def test_members_alone_do_not_staff_a_task_and_the_first_lead_does(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a consulted task
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "CONSULTED")

    # when only a member is assigned, then a lead
    member = (
        await gql.data(ASSIGN, {"id": task_id, "a": [{"personId": doc.id("L"), "role": "MEMBER"}]})
    )["assignPeople"]["task"]
    lead = (
        await gql.data(ASSIGN, {"id": task_id, "a": [{"personId": doc.id("N"), "role": "LEAD"}]})
    )["assignPeople"]["task"]

    # then the member leaves it CONSULTED, without an event or a staffing time
    assert (member["status"], member["staffedAt"], len(member["events"])) == ("CONSULTED", None, 2)
    # and the lead staffs it
    assert lead["status"] == "STAFFED"
    assert lead["staffedAt"] is not None
    assert [e["step"] for e in lead["events"]] == ["INITIATED", "CONSULTED", "STAFFED"]


@pytest.mark.parametrize("status", ["STAFFED", "SUPERVISING"])
async def test_assigning_later_keeps_the_status_and_the_first_staffing_time(
    graph: Graph, gql: GraphQLClient, uid: str, status: str
) -> None:
    # given a task already staffed by its first lead
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, status)
    before = await snapshot(gql, task_id)

    # when another lead and a member join, from a given day
    after = (
        await gql.data(
            ASSIGN,
            {
                "id": task_id,
                "a": [
                    {"personId": doc.id("N"), "role": "LEAD"},
                    {"personId": doc.id("M"), "role": "MEMBER"},
                ],
                "since": "2026-07-01",
            },
        )
    )["assignPeople"]["task"]

    # then the status, the staffing time and the history are as they were
    assert after["status"] == status
    assert after["staffedAt"] == before["staffedAt"]
    assert after["events"] == before["events"]
    # and the new people are assigned from that day
    joined = {(a["person"]["id"], a["role"], a["since"]) for a in after["assignments"]}
    assert {(doc.id("N"), "LEAD", "2026-07-01"), (doc.id("M"), "MEMBER", "2026-07-01")} <= joined


def _attempts(doc_id: Any) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every lifecycle mutation with valid arguments, by name."""
    return {
        "recordPlan": (PLAN, {}),
        "assignPeople": (ASSIGN, {"a": [{"personId": doc_id("N"), "role": "LEAD"}]}),
        "startSupervision": (SUPERVISE, {"s": doc_id("S")}),
        "reportProgress": (PROGRESS, {}),
        "closeTask": (CLOSE, {}),
        "cancelTask": (CANCEL, {}),
    }


ALLOWED = {
    "INITIATED": ("recordPlan", "cancelTask"),
    "CONSULTED": ("assignPeople", "cancelTask"),
    "STAFFED": ("startSupervision", "assignPeople", "cancelTask"),
    "SUPERVISING": ("reportProgress", "closeTask", "assignPeople", "cancelTask"),
    "CLOSED": (),
    "CANCELLED": (),
}
REASONS = {
    "INITIATED": "is INITIATED; the next step is recordPlan (or cancelTask)",
    "CONSULTED": "is CONSULTED; the next step is assignPeople (or cancelTask)",
    "STAFFED": "is STAFFED; the next steps are startSupervision or assignPeople (or cancelTask)",
    "SUPERVISING": "is SUPERVISING; the next steps are reportProgress, closeTask or "
    "assignPeople (or cancelTask)",
    "CLOSED": "is CLOSED; no further step is allowed",
    "CANCELLED": "is CANCELLED; no further step is allowed",
}


@pytest.mark.parametrize("status", list(ALLOWED))
async def test_every_step_out_of_order_is_refused_naming_the_next_steps_and_changes_nothing(
    graph: Graph, gql: GraphQLClient, uid: str, status: str
) -> None:
    # given a task in the status
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, status)
    before = await snapshot(gql, task_id)
    refusals = {k: v for k, v in _attempts(doc.id).items() if k not in ALLOWED[status]}

    # when each step not allowed in that status is tried
    messages = {
        name: await refused(gql, query, {"id": task_id, **variables})
        for name, (query, variables) in refusals.items()
    }

    # then each is refused, naming the task and the allowed next steps
    assert messages == {name: f"taskId: task {task_id} {REASONS[status]}" for name in refusals}
    assert before["nextSteps"] == list(ALLOWED[status])
    # and nothing changed: status, events, assignments, every field
    after = await snapshot(gql, task_id)
    assert (after["status"], len(after["events"])) == (before["status"], len(before["events"]))
    assert after == before


@pytest.mark.parametrize("status", OPEN)
async def test_a_task_can_be_cancelled_from_each_open_status(
    graph: Graph, gql: GraphQLClient, uid: str, status: str
) -> None:
    # given an open task
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, status)
    before = await snapshot(gql, task_id)

    # when it is cancelled
    data = await gql.data(CANCEL, {"id": task_id, "reason": "  汛情解除，任务取消 "})

    # then it is CANCELLED with the reason, nothing more may follow, and the event is appended
    task = data["cancelTask"]["task"]
    assert (task["status"], task["cancelReason"], task["nextSteps"]) == (
        "CANCELLED",
        "汛情解除，任务取消",
        [],
    )
    assert task["events"][:-1] == before["events"]
    assert (task["events"][-1]["step"], task["events"][-1]["note"]) == (
        "CANCELLED",
        "汛情解除，任务取消",
    )


async def test_cancelling_is_refused_after_closing(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a closed task
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "CLOSED")
    before = await snapshot(gql, task_id)

    # when it is cancelled
    message = await refused(gql, CANCEL, {"id": task_id})

    # then
    assert message == f"taskId: task {task_id} is CLOSED; no further step is allowed"
    assert await snapshot(gql, task_id) == before


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"r": 0}, "rating: must be from 1 to 5, got 0"),
        ({"r": 6}, "rating: must be from 1 to 5, got 6"),
        ({"r": -1}, "rating: must be from 1 to 5, got -1"),
        ({"o": "  "}, "outcome: must not be empty"),
        ({"l": ""}, "lessons: must not be empty"),
    ],
)
async def test_closing_needs_the_whole_feedback_report(
    graph: Graph, gql: GraphQLClient, uid: str, variables: dict[str, Any], message: str
) -> None:
    # given a supervised task
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "SUPERVISING")
    before = await snapshot(gql, task_id)

    # when it is closed with a rating out of 1..5 or a blank outcome or lessons
    got = await refused(gql, CLOSE, {"id": task_id, **variables})

    # then it is refused and nothing changed
    assert got == message
    assert await snapshot(gql, task_id) == before


async def test_supervision_needs_a_supervisor_named_or_already_assigned(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two staffed tasks, one of them with a supervisor assigned among its people
    doc = await ground(graph, uid)
    bare = await task_in(gql, doc, "STAFFED", key="T1")
    ready = await task_in(gql, doc, "STAFFED", key="T2")
    await gql.data(ASSIGN, {"id": ready, "a": [{"personId": doc.id("S"), "role": "SUPERVISOR"}]})
    before = await snapshot(gql, bare)

    # when supervision starts on both without naming anyone
    message = await refused(gql, SUPERVISE, {"id": bare})
    started = (await gql.data(SUPERVISE, {"id": ready}))["startSupervision"]["task"]

    # then the task without a supervisor is refused and unchanged
    assert message == (
        f"supervisorId: task {bare} has no SUPERVISOR; name the person responsible for supervision"
    )
    assert await snapshot(gql, bare) == before
    # and the other one is supervised by the supervisor it had, assigned once
    assert started["status"] == "SUPERVISING"
    assert [a["role"] for a in started["assignments"]].count("SUPERVISOR") == 1
    assert started["events"][-1]["note"] == "SUPERVISOR 钱镇长"


async def test_naming_an_unknown_supervisor_is_not_found_and_changes_nothing(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a staffed task
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "STAFFED")
    before = await snapshot(gql, task_id)

    # when supervision starts with someone who does not exist
    body = await gql.post(SUPERVISE, {"id": task_id, "s": doc.id("nobody")})

    # then
    assert only_error(body) == (
        "NOT_FOUND",
        f"supervisorId: no person with id '{doc.id('nobody')}'",
    )
    assert await snapshot(gql, task_id) == before


@pytest.mark.parametrize("percent", [-1, 101])
async def test_progress_is_a_percentage(
    graph: Graph, gql: GraphQLClient, uid: str, percent: int
) -> None:
    # given a supervised task
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "SUPERVISING")
    before = await snapshot(gql, task_id)

    # when progress outside 0..100 is reported
    message = await refused(gql, PROGRESS, {"id": task_id, "p": percent})

    # then
    assert message == f"percent: must be from 0 to 100, got {percent}"
    assert await snapshot(gql, task_id) == before


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (PLAN, {}),
        (ASSIGN, {"a": [{"personId": "x", "role": "LEAD"}]}),
        (SUPERVISE, {}),
        (PROGRESS, {}),
        (CLOSE, {}),
        (CANCEL, {}),
    ],
)
async def test_a_step_on_an_unknown_task_is_not_found(
    gql: GraphQLClient, uid: str, query: str, variables: dict[str, Any]
) -> None:
    # when a step names a task that does not exist
    body = await gql.post(query, {"id": f"{uid}nope", **variables})

    # then
    assert only_error(body) == ("NOT_FOUND", f"taskId: no task with id '{uid}nope'")


async def test_concurrent_steps_on_one_task_are_taken_one_after_the_other(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given an initiated task
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "INITIATED")

    # when five clerks record a plan at the same time
    bodies = await asyncio.gather(
        *(gql.client.post("/graphql", json={"query": PLAN, "variables": {"id": task_id}})
          for _ in range(5))
    )  # fmt: skip

    # then one plan is recorded and the others are refused as out of order
    errors = [b.json().get("errors") for b in bodies]
    assert sum(e is None for e in errors) == 1
    assert {e[0]["message"] for e in errors if e is not None} == {
        f"taskId: task {task_id} is CONSULTED; the next step is assignPeople (or cancelTask)"
    }
    task = await snapshot(gql, task_id)
    assert [e["step"] for e in task["events"]] == ["INITIATED", "CONSULTED"]
