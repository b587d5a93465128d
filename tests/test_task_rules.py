"""Rules a task's people and progress keep: one person is never both the LEAD and the SUPERVISOR
of a task, and progress never goes back unless the report says it is a correction and why."""

from __future__ import annotations

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import only_error
from tests.task_support import ASSIGN, SUPERVISE, ground, snapshot, task_in

CORRECT = """
mutation($id: ID!, $p: Int!, $reason: String) {
  reportProgress(taskId: $id, percent: $p, note: "复核", correctionReason: $reason) {
    task { progress events { step percent note correctionReason correctedFrom } }
  }
}
"""


async def test_the_lead_cannot_be_named_supervisor(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a STAFFED task whose LEAD is L
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "STAFFED")

    # when supervision is started with L as the supervisor
    code, message = only_error(await gql.post(SUPERVISE, {"id": task_id, "s": doc.id("L")}))

    # then it is refused, naming the field and both roles, and the task is unchanged
    assert code == "BAD_USER_INPUT"
    assert message.startswith("supervisorId: 张工 cannot be both SUPERVISOR and LEAD")
    task = await snapshot(gql, task_id)
    assert task["status"] == "STAFFED"
    assert {(a["person"]["id"], a["role"]) for a in task["assignments"]} == {(doc.id("L"), "LEAD")}


async def test_one_person_cannot_be_assigned_lead_and_supervisor_at_once(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a CONSULTED task
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "CONSULTED")

    # when one request assigns N both as LEAD and as SUPERVISOR
    pairs = [
        {"personId": doc.id("N"), "role": "LEAD"},
        {"personId": doc.id("N"), "role": "SUPERVISOR"},
    ]
    code, message = only_error(await gql.post(ASSIGN, {"id": task_id, "a": pairs}))

    # then it is refused at the first of the two, and nobody is assigned
    assert code == "BAD_USER_INPUT"
    assert message.startswith("assignments[0].personId: 王五 cannot be both LEAD and SUPERVISOR")
    assert (await snapshot(gql, task_id))["assignments"] == []


async def test_the_supervisor_cannot_later_become_the_lead(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a SUPERVISING task with LEAD L and SUPERVISOR S
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "SUPERVISING")

    # when S is assigned as LEAD too
    pairs = [{"personId": doc.id("S"), "role": "LEAD"}]
    code, message = only_error(await gql.post(ASSIGN, {"id": task_id, "a": pairs}))

    # then it is refused
    assert code == "BAD_USER_INPUT"
    assert message.startswith("assignments[0].personId: 钱镇长 cannot be both LEAD and SUPERVISOR")


async def test_a_lower_progress_is_refused_without_a_correction_reason(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a SUPERVISING task at 60%
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "SUPERVISING")
    await gql.data(CORRECT, {"id": task_id, "p": 60})

    # when 40% is reported with no reason
    code, message = only_error(await gql.post(CORRECT, {"id": task_id, "p": 40}))

    # then it is refused and the progress stays at 60 with one PROGRESS event
    assert code == "BAD_USER_INPUT"
    assert message.startswith("percent: 40 is below the task's progress 60")
    task = await snapshot(gql, task_id)
    assert task["progress"] == 60
    assert [e["percent"] for e in task["events"] if e["step"] == "PROGRESS"] == [60]


async def test_a_correction_lowers_the_progress_and_its_event_records_why(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a SUPERVISING task at 60%
    doc = await ground(graph, uid)
    task_id = await task_in(gql, doc, "SUPERVISING")
    await gql.data(CORRECT, {"id": task_id, "p": 60})

    # when 40% is reported as a correction, then 40% again and 70% (no reason needed)
    variables = {"id": task_id, "p": 40, "reason": "东段复查未完成"}
    await gql.data(CORRECT, variables)
    await gql.data(CORRECT, {"id": task_id, "p": 40})
    data = await gql.data(CORRECT, {"id": task_id, "p": 70, "reason": "不是更正"})

    # then the progress went 60 → 40 → 40 → 70, and only the lowering is a correction
    task = data["reportProgress"]["task"]
    assert task["progress"] == 70
    progress = [e for e in task["events"] if e["step"] == "PROGRESS"]
    assert [(e["percent"], e["correctionReason"], e["correctedFrom"]) for e in progress] == [
        (60, None, None),
        (40, "东段复查未完成", 60),
        (40, None, None),
        (70, None, None),
    ]
