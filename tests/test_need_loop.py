"""The 三单 loop: a need follows the task made from it (cancelled → OPEN again, closed →
CLOSED, in the task step's transaction, recorded on the step's event), and needMatches carries
the OPEN needs of earlier quarters into the quarter asked, flagged with their age."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, place
from tests.task_support import ASSIGN, CANCEL, CLOSE, PLAN, SUPERVISE

RAISE = """
mutation($village: ID!, $id: ID!, $quarter: String!, $urgency: NeedUrgency! = MEDIUM,
         $skill: ID!) {
  raiseNeed(villageId: $village, id: $id, title: "需求", quarter: $quarter, urgency: $urgency,
            skills: [{skillId: $skill, level: 2}]) { id }
}
"""

CREATE = """
mutation($need: ID!) { createTaskFromNeed(needId: $need) { taskId need { status } } }
"""

EVENTS = """
query($id: ID!) { task(id: $id) { status events { step needIds needStatus } } }
"""

NEED = "query($id: ID!) { need(id: $id) { status } }"

MATCHES = """
query($t: ID!, $q: String!, $carry: Boolean) {
  needMatches(townshipId: $t, quarter: $q, asOf: "2026-01-05", carryOver: $carry) {
    needs { need { id quarter } carriedOver ageQuarters canMeet candidates { person { id } } }
    unmet { need { id } }
  }
}
"""


async def ground(graph: Graph, uid: str) -> Doc:
    """Township T, village V, skill K; L (K at 4) and S (no skill) in T's 水利站."""
    doc = place(Doc(uid))
    doc.skill("K", "堤坝巡查")
    doc.department("D", kind="TOWNSHIP_INSTITUTION", township="T", name="水利站")
    doc.person("L", "张工", department="D", skills={"K": 4})
    doc.person("S", "钱镇长", department="D")
    await doc.load(graph)
    return doc


async def raise_need(gql: GraphQLClient, doc: Doc, key: str, quarter: str, **more: Any) -> str:
    await gql.data(
        RAISE, {"village": doc.id("V"), "id": doc.id(key), "quarter": quarter,
                "skill": doc.id("K"), **more},
    )  # fmt: skip
    return doc.id(key)


async def status(gql: GraphQLClient, need_id: str) -> str:
    found: str = (await gql.data(NEED, {"id": need_id}))["need"]["status"]
    return found


async def task_of(gql: GraphQLClient, need_id: str) -> str:
    data = await gql.data(CREATE, {"need": need_id})
    assert data["createTaskFromNeed"]["need"]["status"] == "MATCHED"
    task_id: str = data["createTaskFromNeed"]["taskId"]
    return task_id


async def test_a_cancelled_task_gives_its_need_back_open(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a need turned into a task (MATCHED)
    doc = await ground(graph, uid)
    need_id = await raise_need(gql, doc, "N", "2025Q4")
    task_id = await task_of(gql, need_id)

    # when the task is cancelled
    await gql.data(CANCEL, {"id": task_id})

    # then the need is OPEN again, and the CANCELLED event says so
    assert await status(gql, need_id) == "OPEN"
    events = (await gql.data(EVENTS, {"id": task_id}))["task"]["events"]
    assert [(e["step"], e["needIds"], e["needStatus"]) for e in events] == [
        ("INITIATED", [], None),
        ("CANCELLED", [need_id], "OPEN"),
    ]
    # and it can be turned into a new task
    assert await task_of(gql, need_id) != task_id


async def test_a_closed_task_closes_its_need(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a need turned into a task, walked to SUPERVISING
    doc = await ground(graph, uid)
    need_id = await raise_need(gql, doc, "N", "2025Q4")
    task_id = await task_of(gql, need_id)
    await gql.data(PLAN, {"id": task_id})
    await gql.data(ASSIGN, {"id": task_id, "a": [{"personId": doc.id("L"), "role": "LEAD"}]})
    await gql.data(SUPERVISE, {"id": task_id, "s": doc.id("S")})
    assert await status(gql, need_id) == "MATCHED"

    # when the task is closed
    await gql.data(CLOSE, {"id": task_id})

    # then the need is CLOSED, and the CLOSED event records it
    assert await status(gql, need_id) == "CLOSED"
    events = (await gql.data(EVENTS, {"id": task_id}))["task"]["events"]
    assert (events[-1]["step"], events[-1]["needIds"], events[-1]["needStatus"]) == (
        "CLOSED",
        [need_id],
        "CLOSED",
    )


async def test_open_needs_of_earlier_quarters_carry_over_flagged_with_their_age(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given OPEN needs of 2025Q2 (A), 2025Q4 (B) and 2026Q1 (C), a MATCHED one of 2025Q3 (M),
    # and an OPEN one of the next quarter 2026Q2 (F)
    doc = await ground(graph, uid)
    a = await raise_need(gql, doc, "A", "2025Q2")
    b = await raise_need(gql, doc, "B", "2025Q4", urgency="HIGH")
    c = await raise_need(gql, doc, "C", "2026Q1")
    await task_of(gql, await raise_need(gql, doc, "M", "2025Q3"))
    await raise_need(gql, doc, "F", "2026Q2")

    # when 2026Q1 is matched, by default and then with carryOver false
    both = await gql.data(MATCHES, {"t": doc.id("T"), "q": "2026Q1"})
    alone = await gql.data(MATCHES, {"t": doc.id("T"), "q": "2026Q1", "carry": False})

    # then by default the earlier OPEN needs join the quarter's, HIGH first then by id, aged
    rows = [
        (n["need"]["id"], n["carriedOver"], n["ageQuarters"], n["canMeet"])
        for n in both["needMatches"]["needs"]
    ]
    assert rows == [(b, True, 1, True), (a, True, 3, True), (c, False, 0, True)]
    assert both["needMatches"]["needs"][0]["candidates"] == [{"person": {"id": doc.id("L")}}]
    # and the quarter alone is its own need only
    assert [
        (n["need"]["id"], n["carriedOver"], n["ageQuarters"]) for n in alone["needMatches"]["needs"]
    ] == [(c, False, 0)]
