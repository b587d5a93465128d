"""Reading tasks: `task(id)`, the `tasks` connection (filters, keyset paging, round trips), tasks
written by other modules per docs/graph-model.md, and the batches behind Person.tasks and
Village.tasks."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from graph import task as task_graph
from graph.db import Graph, Tx, count_round_trips
from graph.setup import store_task_quarters
from resolvers import task_queries
from resolvers.context import Context
from resolvers.paging import encode_cursor
from tests import queries
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error
from tests.task_support import ASSIGN, CANCEL, INITIATE, PLAN, TASK, ground, initiate, task_in

PAGE = """
query($f: TaskFilter, $first: Int! = 20, $after: String) {
  tasks(filter: $f, first: $first, after: $after) {
    totalCount
    edges { cursor node { id status kind quarter createdAt } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


async def test_an_unknown_task_is_null(gql: GraphQLClient, uid: str) -> None:
    # when
    data = await gql.data(TASK, {"id": f"{uid}nope"})

    # then
    assert data == {"task": None}


async def test_a_task_written_by_another_module_reads_its_quarter_from_its_need(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given tasks written per the graph model without a quarter: one addressing a 2025Q2 need
    doc = await ground(graph, uid)
    created = dt.datetime(2025, 7, 3, 8, 0, tzinfo=dt.UTC)
    with_need = await _bare(graph, doc, "B1", created, needId=doc.id("N1"), needQuarter="2025Q2")
    alone = await _bare(graph, doc, "B2", created)

    # when the server starts (and stores what the graph model defines) and they are read
    assert await store_task_quarters(graph) >= 2
    first = (await gql.data(TASK, {"id": with_need}))["task"]
    second = (await gql.data(TASK, {"id": alone}))["task"]

    # then the need gives the quarter; without one, the quarter of createdAt does
    assert (first["quarter"], first["needIds"]) == ("2025Q2", [doc.id("N1")])
    assert (second["quarter"], second["needIds"]) == ("2025Q3", [])
    assert (second["status"], second["nextSteps"]) == ("INITIATED", ["recordPlan", "cancelTask"])
    # and the lifecycle continues from there
    planned = (await gql.data(PLAN, {"id": alone}))["recordPlan"]["task"]
    assert [e["step"] for e in planned["events"]] == ["INITIATED", "CONSULTED"]
    quarter = await gql.data(PAGE, {"f": {"villageId": doc.id("V"), "quarter": "2025Q2"}})
    assert [e["node"]["id"] for e in quarter["tasks"]["edges"]] == [with_need]


async def _bare(graph: Graph, doc: Doc, key: str, created: dt.datetime, **props: Any) -> str:
    params: dict[str, Any] = {
        "id": doc.id(key),
        "villageId": doc.id("V"),
        "createdAt": created,
        "kind": "ROUTINE",
        "quarter": None,
        "staffingDeadline": None,
        "staffedAt": None,
        "needId": None,
        "needQuarter": None,
        **props,
    }

    async def work(tx: Tx) -> None:
        await queries.run(tx, "task/bare", params)

    await graph.transaction(work)
    return doc.id(key)


async def _filtered_ground(graph: Graph, gql: GraphQLClient, uid: str) -> Doc:
    """In township T: A at T (2025Q3), B at V (EMERGENCY, CONSULTED, 2025Q3), C at V2
    (CANCELLED, 2025Q4); in township T2: D at W (2025Q3)."""
    doc = await ground(graph, uid)
    for key, variables in (
        ("A", {"v": None, "t": doc.id("T"), "q": "2025Q3"}),
        ("B", {"kind": "EMERGENCY", "q": "2025Q3"}),
        ("C", {"v": doc.id("V2"), "q": "2025Q4"}),
        ("D", {"v": doc.id("W"), "q": "2025Q3"}),
    ):
        await gql.data(INITIATE, {"id": doc.id(key), "v": doc.id("V"), **variables})
    await gql.data(PLAN, {"id": doc.id("B")})
    await gql.data(CANCEL, {"id": doc.id("C")})
    return doc


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        ({"townshipId": "T"}, ["C", "B", "A"]),  # at the township and at its villages
        ({"townshipId": "T2"}, ["D"]),
        ({"villageId": "V"}, ["B"]),
        ({"townshipId": "T", "villageId": "V2"}, ["C"]),
        ({"townshipId": "T2", "villageId": "V"}, []),
        ({"townshipId": "T", "status": "CONSULTED"}, ["B"]),
        ({"townshipId": "T", "status": "INITIATED"}, ["A"]),
        ({"townshipId": "T", "kind": "EMERGENCY"}, ["B"]),
        ({"townshipId": "T", "kind": "ROUTINE"}, ["C", "A"]),
        ({"townshipId": "T", "quarter": "2025Q3"}, ["B", "A"]),
        ({"townshipId": "T", "quarter": "2025Q4", "status": "CANCELLED"}, ["C"]),
        ({"townshipId": "T", "quarter": "2025Q4", "status": "INITIATED"}, []),
    ],
)
async def test_tasks_filters(
    graph: Graph, gql: GraphQLClient, uid: str, flt: dict[str, str], expected: list[str]
) -> None:
    # given tasks in two townships
    doc = await _filtered_ground(graph, gql, uid)
    ids = {k: doc.id(v) if k in ("townshipId", "villageId") else v for k, v in flt.items()}

    # when
    data = await gql.data(PAGE, {"f": ids})

    # then exactly the matching tasks, newest first
    assert [e["node"]["id"] for e in data["tasks"]["edges"]] == [doc.id(k) for k in expected]
    assert data["tasks"]["totalCount"] == len(expected)


async def test_a_status_filter_alone_finds_the_tasks_in_that_status(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given tasks in several statuses (the database holds other tests' tasks too)
    doc = await _filtered_ground(graph, gql, uid)

    # when listing every cancelled task of the database
    data = await gql.data(PAGE, {"f": {"status": "CANCELLED"}, "first": 100})
    seen: list[dict[str, Any]] = [e["node"] for e in data["tasks"]["edges"]]
    while data["tasks"]["pageInfo"]["hasNextPage"]:
        after = data["tasks"]["pageInfo"]["endCursor"]
        data = await gql.data(PAGE, {"f": {"status": "CANCELLED"}, "first": 100, "after": after})
        seen.extend(e["node"] for e in data["tasks"]["edges"])

    # then ours is there, and only cancelled tasks are
    mine = [n["id"] for n in seen if n["id"].startswith(uid)]
    assert mine == [doc.id("C")]
    assert {n["status"] for n in seen} == {"CANCELLED"}


@pytest.mark.parametrize(
    ("flt", "code", "message"),
    [
        ({"townshipId": "@nope"}, "NOT_FOUND", "filter.townshipId: no township with id '@nope'"),
        ({"villageId": "@nope"}, "NOT_FOUND", "filter.villageId: no village with id '@nope'"),
        ({"quarter": "Q3"}, "BAD_USER_INPUT",
         "filter.quarter: must be a quarter like 2025Q3, got 'Q3'"),
    ],
)  # fmt: skip
async def test_a_bad_filter_is_refused(
    gql: GraphQLClient, uid: str, flt: dict[str, str], code: str, message: str
) -> None:
    # when
    body = await gql.post(PAGE, {"f": {k: v.replace("@", uid) for k, v in flt.items()}})

    # then
    assert only_error(body) == (code, message.replace("@", uid))


async def test_tasks_are_keyset_paged_newest_first(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given five tasks in a township
    doc = await ground(graph, uid)
    made = [await initiate(gql, doc, f"P{i}") for i in range(5)]

    # when paging two at a time
    pages: list[dict[str, Any]] = []
    after = None
    while True:
        data = await gql.data(PAGE, {"f": {"townshipId": doc.id("T")}, "first": 2, "after": after})
        pages.append(data["tasks"])
        if not data["tasks"]["pageInfo"]["hasNextPage"]:
            break
        after = data["tasks"]["pageInfo"]["endCursor"]

    # then every task comes once, newest first, and each page knows the total
    ids = [e["node"]["id"] for p in pages for e in p["edges"]]
    assert ids == list(reversed(made))
    assert [len(p["edges"]) for p in pages] == [2, 2, 1]
    assert {p["totalCount"] for p in pages} == {5}
    assert [p["pageInfo"]["hasPreviousPage"] for p in pages] == [False, True, True]
    assert all(p["pageInfo"]["endCursor"] == p["edges"][-1]["cursor"] for p in pages if p["edges"])


NOT_OURS = "after: not a cursor this API issued"


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"first": 101}, "first: must be between 0 and 100, got 101"),
        ({"after": "not-a-cursor"}, NOT_OURS),
        ({"after": encode_cursor("person", "x")},
         "after: a cursor of another list (person), not of task"),
        ({"after": encode_cursor("task", ["yesterday", "x"])}, NOT_OURS),
        ({"after": encode_cursor("task", ["2025-13-01T00:00:00Z", "x"])}, NOT_OURS),
        ({"after": encode_cursor("task", "x")}, NOT_OURS),
    ],
)  # fmt: skip
async def test_bad_paging_arguments_are_refused(
    gql: GraphQLClient, variables: dict[str, Any], message: str
) -> None:
    # when
    body = await gql.post(PAGE, variables)

    # then
    assert only_error(body) == ("BAD_USER_INPUT", message)


FLAT = """
query($t: ID!) {
  tasks(filter: {townshipId: $t}, first: 100) {
    totalCount
    edges { cursor node { id title domain kind severity status quarter initiatedBy plan progress
                          createdAt staffingDeadline staffedAt staffedWithinStandard nextSteps } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

NESTED = """
query($t: ID!) {
  tasks(filter: {townshipId: $t}, first: 100) {
    edges { node {
      id
      village { name } township { name }
      requiredSkills { skill { name } level }
      needIds
      assignments { person { name department { name } } role since }
      events { step actor }
    } }
  }
}
"""


async def _township_with_tasks(graph: Graph, gql: GraphQLClient, uid: str, size: int) -> Doc:
    doc = await ground(graph, uid)
    for i in range(size):
        task_id = await task_in(gql, doc, "CONSULTED" if i % 3 else "INITIATED", f"R{i:02d}")
        if i % 3:
            await gql.data(
                ASSIGN, {"id": task_id, "a": [{"personId": doc.id("L"), "role": "LEAD"}]}
            )
    return doc


async def test_the_tasks_list_takes_round_trips_by_depth_not_by_number_of_tasks(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given townships with 3 and 30 tasks, some staffed
    docs = [await _township_with_tasks(graph, gql, f"{uid}n{n}-", n) for n in (3, 30)]

    # when listing their tasks' own fields, then their relationship fields
    flat, nested = [], []
    for doc, size in zip(docs, (3, 30), strict=True):
        data = await gql.data(FLAT, {"t": doc.id("T")})
        assert len(data["tasks"]["edges"]) == size
        flat.append(gql.round_trips)
        data = await gql.data(NESTED, {"t": doc.id("T")})
        assert len(data["tasks"]["edges"]) == size
        nested.append(gql.round_trips)

    # then one query for the page; then one more per relationship field (place, skills,
    # needs, assignments, events) and one for the assigned people's departments
    assert flat == [1, 1]
    assert nested == [7, 7]


async def test_the_tasks_of_people_and_villages_are_batched(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 张工 leading a staffed task at V and a cancelled one at V2, and 李四 in neither
    doc = await ground(graph, uid)
    staffed = await task_in(gql, doc, "STAFFED", "T1")
    other = await initiate(gql, doc, "T2", v=doc.id("V2"))
    await gql.data(PLAN, {"id": other})
    await gql.data(ASSIGN, {"id": other, "a": [{"personId": doc.id("L"), "role": "MEMBER"}]})
    await gql.data(CANCEL, {"id": other})
    ctx = Context(graph=graph)

    # when asking for people's and villages' tasks within one request level
    with count_round_trips() as trips:
        people = await asyncio.gather(
            task_queries.person_tasks(ctx, doc.id("L")),
            task_queries.person_tasks(ctx, doc.id("L"), "CANCELLED"),
            task_queries.person_tasks(ctx, doc.id("M")),
        )
        villages = await asyncio.gather(
            task_queries.village_tasks(ctx, doc.id("V")),
            task_queries.village_tasks(ctx, doc.id("V2"), "STAFFED"),
        )

    # then each list is right, newest first, from one query for people and one for villages
    assert [[t["id"] for t in ts] for ts in people] == [[other, staffed], [other], []]
    assert [[t["id"] for t in ts] for ts in villages] == [[staffed], []]
    assert trips.count == 2
    # and the graph functions answer per key, in the keys' order
    rows = await task_graph.tasks_at_villages(graph, [doc.id("V2"), doc.id("nope"), doc.id("V")])
    assert [[t["id"] for t in ts] for ts in rows] == [[other], [], [staffed]]
    assert rows[0][0]["quarter"] == rows[2][0]["quarter"]
