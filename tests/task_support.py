"""Shared ground of the task tests: a small township with skilled and unskilled people, the
lifecycle mutations as GraphQL text, and a helper that walks a new task to a given status
through the API itself."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

TASK_FIELDS = """
  id title domain kind severity status quarter initiatedBy plan progress outcome rating lessons
  cancelReason createdAt createdBy staffingDeadline staffedAt staffedWithinStandard nextSteps
  events { id at step actor note percent }
"""

INITIATE = f"""
mutation($id: ID, $v: ID, $t: ID, $req: [TaskSkillInput!], $kind: TaskKind! = ROUTINE,
         $sev: Severity, $q: String, $note: String, $title: String! = "汛期堤坝巡查",
         $by: TaskSide! = VILLAGE) {{
  initiateTask(id: $id, title: $title, domain: "防汛", kind: $kind, severity: $sev,
               villageId: $v, townshipId: $t, initiatedBy: $by, requires: $req, quarter: $q,
               note: $note) {{
    task {{ {TASK_FIELDS} }}
    warnings
  }}
}}
"""

PLAN = f"""
mutation($id: ID!, $plan: String! = "村两委与水利站联合巡堤") {{
  recordPlan(taskId: $id, plan: $plan) {{ task {{ {TASK_FIELDS} }} warnings }}
}}
"""

ASSIGN = f"""
mutation($id: ID!, $a: [TaskAssignmentInput!]!, $since: Date) {{
  assignPeople(taskId: $id, assignments: $a, since: $since) {{
    task {{ {TASK_FIELDS} assignments {{ person {{ id }} role since until assignedBy }} }}
    warnings
  }}
}}
"""

SUPERVISE = f"""
mutation($id: ID!, $s: ID) {{
  startSupervision(taskId: $id, supervisorId: $s) {{
    task {{ {TASK_FIELDS} assignments {{ person {{ id }} role }} }}
    warnings
  }}
}}
"""

PROGRESS = f"""
mutation($id: ID!, $p: Int! = 50, $note: String! = "已巡查一半堤段") {{
  reportProgress(taskId: $id, percent: $p, note: $note) {{ task {{ {TASK_FIELDS} }} warnings }}
}}
"""

CLOSE = f"""
mutation($id: ID!, $o: String! = "堤坝无险情", $r: Int! = 4, $l: String! = "提前备料") {{
  closeTask(taskId: $id, outcome: $o, rating: $r, lessons: $l) {{
    task {{ {TASK_FIELDS} }}
    warnings
  }}
}}
"""

CANCEL = f"""
mutation($id: ID!, $reason: String! = "汛情解除") {{
  cancelTask(taskId: $id, reason: $reason) {{ task {{ {TASK_FIELDS} }} warnings }}
}}
"""

TASK = f"""
query($id: ID!) {{
  task(id: $id) {{
    {TASK_FIELDS}
    village {{ id }} township {{ id }} needIds
    requiredSkills {{ skill {{ id }} level }}
    assignments {{ person {{ id name }} role since until assignedBy assignedAt }}
  }}
}}
"""

OPEN = ("INITIATED", "CONSULTED", "STAFFED", "SUPERVISING")


async def ground(graph: Graph, uid: str) -> Doc:
    """County C, township T with villages V and V2, township T2 with village W; skills K1
    (防汛抢险) and its narrower K2 (堤坝巡查); people in T's 水利站: L (K1 at 4), M (no K1),
    N (K1 at 2), R (K2 at 5, not K1), S (a supervisor without skills)."""
    doc = place(Doc(uid))
    doc.village("V2", "T")
    doc.township("T2", "C")
    doc.village("W", "T2")
    doc.skill("K1", "防汛抢险")
    doc.skill("K2", "堤坝巡查", broader="K1")
    doc.skill("K3", "水稻栽培")
    doc.department("D", kind="TOWNSHIP_INSTITUTION", township="T", name="水利站")
    doc.person("L", "张工", department="D", skills={"K1": 4})
    doc.person("M", "李四", department="D", skills={"K3": 5})
    doc.person("N", "王五", department="D", skills={"K1": 2})
    doc.person("R", "赵六", department="D", skills={"K2": 5})
    doc.person("S", "钱镇长", department="D")
    await doc.load(graph)
    return doc


async def initiate(gql: GraphQLClient, doc: Doc, key: str = "T1", **variables: Any) -> str:
    """A new task at village V requiring K1 at level 3 (unless told otherwise); its id."""
    args: dict[str, Any] = {
        "id": doc.id(key),
        "v": doc.id("V"),
        "req": [{"skillId": doc.id("K1"), "level": 3}],
    }
    args.update(variables)
    data = await gql.data(INITIATE, args)
    task_id: str = data["initiateTask"]["task"]["id"]
    return task_id


async def task_in(gql: GraphQLClient, doc: Doc, status: str, key: str = "T1") -> str:
    """A new task at village V brought to `status` through the lifecycle mutations."""
    task_id = await initiate(gql, doc, key)
    if status == "INITIATED":
        return task_id
    if status == "CANCELLED":
        await gql.data(CANCEL, {"id": task_id})
        return task_id
    await gql.data(PLAN, {"id": task_id})
    if status == "CONSULTED":
        return task_id
    await gql.data(ASSIGN, {"id": task_id, "a": [{"personId": doc.id("L"), "role": "LEAD"}]})
    if status == "STAFFED":
        return task_id
    await gql.data(SUPERVISE, {"id": task_id, "s": doc.id("S")})
    if status == "SUPERVISING":
        return task_id
    await gql.data(CLOSE, {"id": task_id})
    assert status == "CLOSED", status
    return task_id


async def snapshot(gql: GraphQLClient, task_id: str) -> dict[str, Any]:
    data = await gql.data(TASK, {"id": task_id})
    task: dict[str, Any] = data["task"]
    return task


async def refused(gql: GraphQLClient, query: str, variables: dict[str, Any]) -> str:
    """The message of a BAD_USER_INPUT refusal."""
    code, message = only_error(await gql.post(query, variables))
    assert code == "BAD_USER_INPUT", message
    return message


def instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)
