"""The `tasks` connection's orders, backward pages and filters: each order walked forwards and
backwards gives the same hand-computed sequence, pages from both ends meet in the middle, the
assignee and date filters keep to the caller's scope, each page is one query, totalCount is
counted only when selected, and the cost limit counts `last` (graph/cypher/task/page.cypher,
resolvers/task_queries.py). And the order and date range of a village's needs, the other list
of the collaboration (graph/cypher/need/village_needs.cypher)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from graphql import parse

from graph.db import Graph, count_round_trips
from model.access import Role
from schema.cost import operation_cost
from schema.root import build_schema
from tests.conftest import GraphQLClient, load
from tests.factories import Doc, only_error

PAGE = """
query TaskPage($f: TaskFilter, $o: TaskOrder! = DATE, $first: Int, $last: Int,
               $after: String, $before: String) {
  tasks(filter: $f, orderBy: $o, first: $first, last: $last, after: $after, before: $before) {
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

COUNTED = """
query TaskCount($f: TaskFilter, $o: TaskOrder! = DATE) {
  tasks(filter: $f, orderBy: $o, first: 10) { totalCount edges { node { id } } }
}
"""

# key: (createdAt, status, place, assignees as {person: role}); A's and D's times are apart,
# B and C were created at the same instant (the id breaks the tie), E is the last minutes of
# March and F the first of April (in UTC, the task's date).
TASKS: dict[str, tuple[str, str, tuple[str, str], dict[str, str]]] = {
    "A": ("2026-03-01T08:00:00Z", "CLOSED", ("village", "V"), {"L": "LEAD", "S": "SUPERVISOR"}),
    "B": ("2026-03-05T08:00:00Z", "INITIATED", ("village", "V"), {}),
    "C": ("2026-03-05T08:00:00Z", "CONSULTED", ("township", "T"), {}),
    "D": ("2026-03-10T08:00:00Z", "STAFFED", ("village", "V"), {"L": "LEAD"}),
    "E": ("2026-03-31T23:30:00Z", "INITIATED", ("village", "W"), {"L": "MEMBER"}),
    "F": ("2026-04-01T00:30:00Z", "CANCELLED", ("village", "V"), {}),
    "G": ("2026-03-07T08:00:00Z", "INITIATED", ("township", "T"), {}),
    "XK": ("2026-03-20T08:00:00Z", "INITIATED", ("village", "XV"), {"XZ": "MEMBER"}),
}

# Hand-computed for township T (A, B, C, D, F, G): DATE newest first, then id; STATUS by the
# lifecycle (INITIATED G, B; CONSULTED C; STAFFED D; CLOSED A; CANCELLED F), then as DATE.
ORDERS = {
    "DATE": ["F", "D", "G", "B", "C", "A"],
    "STATUS": ["G", "B", "C", "D", "A", "F"],
}


def _task(doc: Doc, key: str) -> dict[str, Any]:
    at, status, (field, place), assignees = TASKS[key]
    row: dict[str, Any] = {
        "id": doc.id(key), "title": f"任务{key}", "domain": "防汛", "kind": "ROUTINE",
        "status": status, "initiatedBy": "TOWNSHIP", field: doc.id(place), "createdAt": at,
        "assignments": [
            {"person": doc.id(p), "role": role, "since": at[:10]} for p, role in assignees.items()
        ],
    }  # fmt: skip
    if status in ("CONSULTED", "STAFFED", "CLOSED"):
        row["plan"] = "联合巡查"
    if status == "CLOSED":
        row.update(outcome="完成", rating=4, lessons="提前备料")
    if status == "CANCELLED":
        row["cancelReason"] = "汛情解除"
    return row


async def ground(graph: Graph, uid: str) -> Doc:
    """County C: township T (village V), township T2 (village W); L and S in T's office D.
    County X: township XT (village XV), XZ in its office XD. Skill K. The tasks of TASKS."""
    doc = Doc(uid)
    doc.county("C")
    doc.township("T", "C")
    doc.village("V", "T")
    doc.township("T2", "C")
    doc.village("W", "T2")
    doc.county("X", "乙县")
    doc.township("XT", "X")
    doc.village("XV", "XT")
    doc.skill("K", f"{uid}巡查")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("XD", kind="TOWNSHIP_OFFICE", township="XT")
    doc.person("L", "张工", department="D")
    doc.person("S", "钱镇长", department="D")
    doc.person("XZ", "乙员", department="XD")
    await doc.load(graph)
    await load(graph, {"tasks": [_task(doc, key) for key in TASKS]})
    return doc


def keys(doc: Doc, edges: list[dict[str, Any]]) -> list[str]:
    return [e["node"]["id"].removeprefix(doc.uid) for e in edges]


async def walk(
    gql: GraphQLClient, flt: dict[str, Any], order: str, size: int, *, backward: bool
) -> tuple[list[list[str]], list[str]]:
    """Every page of `size` ids, from the first forwards or from the last backwards (then in
    the order they were read), and the queries they took."""
    pages: list[list[str]] = []
    queries: list[str] = []
    cursor = None
    while True:
        variables: dict[str, Any] = {"f": flt, "o": order}
        variables.update(
            {"last": size, "before": cursor} if backward else {"first": size, "after": cursor}
        )
        with count_round_trips() as trips:
            found = (await gql.data(PAGE, variables))["tasks"]
        queries.extend(trips.queries)
        pages.append([e["node"]["id"] for e in found["edges"]])
        info = found["pageInfo"]
        if not (info["hasPreviousPage"] if backward else info["hasNextPage"]):
            return pages, queries
        cursor = info["startCursor"] if backward else info["endCursor"]


@pytest.mark.parametrize("order", list(ORDERS))
async def test_each_order_walked_forwards_and_backwards_gives_its_sequence(
    graph: Graph, gql: GraphQLClient, uid: str, order: str
) -> None:
    # given township T's six tasks
    doc = await ground(graph, uid)
    flt = {"townshipId": doc.id("T")}
    expected = [doc.id(k) for k in ORDERS[order]]

    # when walking pages of four forwards, and backwards from the end
    forwards, queries = await walk(gql, flt, order, 4, backward=False)
    backwards, _ = await walk(gql, flt, order, 4, backward=True)

    # then 4 + 2 forwards, 4 + 2 backwards (the last four first), each page one query
    assert forwards == [expected[0:4], expected[4:6]]
    assert backwards == [expected[2:6], expected[0:2]]
    assert queries == ["task/page"] * 2


@pytest.mark.parametrize("order", list(ORDERS))
async def test_pages_from_both_ends_meet_in_the_middle(
    graph: Graph, gql: GraphQLClient, uid: str, order: str
) -> None:
    # given the first two and the last two of township T's six tasks
    doc = await ground(graph, uid)
    flt = {"townshipId": doc.id("T")}
    head = (await gql.data(PAGE, {"f": flt, "o": order, "first": 2}))["tasks"]
    tail = (await gql.data(PAGE, {"f": flt, "o": order, "last": 2}))["tasks"]

    # when asking for what lies between them, forwards and backwards
    after, before = head["pageInfo"]["endCursor"], tail["pageInfo"]["startCursor"]
    between = {"f": flt, "o": order, "after": after, "before": before}
    forwards = (await gql.data(PAGE, {**between, "first": 10}))["tasks"]
    backwards = (await gql.data(PAGE, {**between, "last": 10}))["tasks"]

    # then the ends are the sequence's, and both ways the two in the middle
    assert keys(doc, head["edges"]) == ORDERS[order][0:2]
    assert keys(doc, tail["edges"]) == ORDERS[order][4:6]
    assert keys(doc, forwards["edges"]) == ORDERS[order][2:4]
    assert keys(doc, backwards["edges"]) == ORDERS[order][2:4]
    info = forwards["pageInfo"]
    assert (info["hasPreviousPage"], info["hasNextPage"]) == (True, True)


@pytest.mark.parametrize(
    ("role", "unit", "flt", "expected"),
    [
        # L is assigned to A, D (township T) and E (township T2): each caller sees their own
        (Role.ADMIN, None, {}, ["E", "D", "A"]),
        (Role.COUNTY, "C", {}, ["E", "D", "A"]),
        (Role.TOWNSHIP, "T", {}, ["D", "A"]),
        (Role.TOWNSHIP, "T2", {}, ["E"]),
        (Role.VILLAGE, "W", {}, ["E"]),
        (Role.COUNTY, "C", {"townshipId": "T"}, ["D", "A"]),
        (Role.COUNTY, "C", {"status": "CLOSED"}, ["A"]),
        # the task's date is createdAt's UTC day, both ends included
        (Role.COUNTY, "C", {"from": "2026-03-31", "to": "2026-03-31"}, ["E"]),
        (Role.COUNTY, "C", {"from": "2026-03-01", "to": "2026-03-10"}, ["D", "A"]),
        (Role.COUNTY, "C", {"from": "2026-03-02"}, ["E", "D"]),
        (Role.COUNTY, "C", {"to": "2026-03-09"}, ["A"]),
        (Role.COUNTY, "C", {"from": "2026-04-01"}, []),
    ],
)  # fmt: skip
async def test_the_assignee_and_date_filters_keep_to_the_callers_scope(
    graph: Graph,
    gql: GraphQLClient,
    uid: str,
    role: Role,
    unit: str | None,
    flt: dict[str, str],
    expected: list[str],
) -> None:
    # given the tasks, and a caller of the role
    doc = await ground(graph, uid)
    caller = gql.as_(role, unit=doc.id(unit) if unit else None)
    places = {k: doc.id(v) if k == "townshipId" else v for k, v in flt.items()}

    # when listing L's tasks with the filters
    with count_round_trips() as trips:
        found = await caller.data(COUNTED, {"f": {"assigneeId": doc.id("L"), **places}})
    tasks = found["tasks"]

    # then those the caller may see, newest first, counted in the one query (besides the
    # token's unit, read once per caller)
    assert keys(doc, tasks["edges"]) == expected
    assert tasks["totalCount"] == len(expected)
    assert [q for q in trips.queries if not q.startswith("auth/")] == ["task/page"]


async def test_an_assignee_the_caller_may_not_see_is_not_found(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given XZ of county X, assigned to XK
    doc = await ground(graph, uid)
    flt = {"assigneeId": doc.id("XZ")}

    # when a clerk of county C and the admin list XZ's tasks
    clerk = await gql.as_(Role.COUNTY, unit=doc.id("C")).post(PAGE, {"f": flt})
    admin = (await gql.data(PAGE, {"f": flt}))["tasks"]

    # then the clerk is told there is no such person (as for an unknown id); the admin sees XK
    assert only_error(clerk) == (
        "NOT_FOUND",
        f"filter.assigneeId: no person with id '{doc.id('XZ')}'",
    )
    assert keys(doc, admin["edges"]) == ["XK"]


async def test_total_count_is_counted_only_when_selected(
    graph: Graph, gql: GraphQLClient, uid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given township T's six tasks, and the parameters of every task/page query
    doc = await ground(graph, uid)
    flt = {"townshipId": doc.id("T")}
    seen: list[bool] = []
    read = Graph.read

    async def spy(self: Graph, name: str, params: Mapping[str, Any] | None = None) -> Any:
        if name == "task/page" and params is not None:
            seen.append(params["withTotal"])
        return await read(self, name, params)

    monkeypatch.setattr(Graph, "read", spy)

    # when asked without totalCount, and with it
    await gql.data(PAGE, {"f": flt, "first": 2})
    counted = (await gql.data(COUNTED, {"f": flt}))["tasks"]

    # then only the second counted: all six
    assert seen == [False, True]
    assert counted["totalCount"] == 6


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"first": 2, "last": 2}, "last: give first or last, not both"),
        ({"last": 101}, "last: must be between 0 and 100, got 101"),
        ({"o": "STATUS", "after": "DATE"},
         "after: a cursor of another list (task), not of task.STATUS"),
        ({"o": "DATE", "before": "STATUS"},
         "before: a cursor of another list (task.STATUS), not of task"),
        ({"f": {"from": "2026-03-02", "to": "2026-03-01"}},
         "filter.from: 2026-03-02 is after to 2026-03-01"),
    ],
)  # fmt: skip
async def test_bad_paging_arguments_and_date_ranges_are_refused(
    graph: Graph, gql: GraphQLClient, uid: str, variables: dict[str, Any], message: str
) -> None:
    # given a cursor of each order
    doc = await ground(graph, uid)
    flt = {"townshipId": doc.id("T")}
    cursors = {
        order: (await gql.data(PAGE, {"f": flt, "o": order, "first": 1}))["tasks"]["pageInfo"][
            "endCursor"
        ]
        for order in ORDERS
    }
    given = {k: cursors.get(v, v) if k in ("after", "before") else v for k, v in variables.items()}

    # when
    body = await gql.post(PAGE, {"f": flt, **given})

    # then refused naming the argument
    assert only_error(body) == ("BAD_USER_INPUT", message)


def test_the_cost_limit_counts_last_like_first() -> None:
    # given the same page asked forwards and backwards, and a smaller one
    schema = build_schema()._schema

    def cost(arguments: str) -> int:
        query = f"query Q {{ tasks{arguments} {{ edges {{ node {{ id title }} }} }} }}"
        return operation_cost(schema, parse(query), None)

    # then each costs tasks 1 + size × (edges 1 + node 1 + id 1 + title 1)
    assert cost("(last: 50)") == cost("(first: 50)") == 1 + 50 * 4
    assert cost("(last: 5)") == 1 + 5 * 4
    assert cost("") == 1 + 20 * 4  # the default of first


# key: (quarter, urgency, createdAt); N3 is the last minutes of March, N5 the first of April
# (UTC), N4 the oldest though of the later quarter.
NEEDS: dict[str, tuple[str, str, str]] = {
    "N1": ("2026Q1", "LOW", "2026-01-10T08:00:00Z"),
    "N2": ("2026Q1", "HIGH", "2026-02-01T08:00:00Z"),
    "N3": ("2026Q2", "HIGH", "2026-03-31T23:30:00Z"),
    "N4": ("2026Q2", "MEDIUM", "2025-12-20T08:00:00Z"),
    "N5": ("2026Q2", "LOW", "2026-04-01T00:30:00Z"),
}

NEEDS_OF = """
query VillageNeeds($v: ID!, $o: NeedOrder! = URGENCY, $from: Date, $to: Date) {
  village(id: $v) { needs(orderBy: $o, from: $from, to: $to) { id } }
}
"""


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        # URGENCY (the default): HIGH N3 (2026Q2), N2 (Q1); MEDIUM N4; LOW N5 (Q2), N1 (Q1)
        ({}, ["N3", "N2", "N4", "N5", "N1"]),
        # DATE: newest first
        ({"o": "DATE"}, ["N5", "N3", "N2", "N1", "N4"]),
        ({"from": "2026-03-31", "to": "2026-03-31"}, ["N3"]),
        ({"from": "2026-02-01"}, ["N3", "N2", "N5"]),
        ({"o": "DATE", "to": "2026-03-31"}, ["N3", "N2", "N1", "N4"]),
    ],
)
async def test_a_villages_needs_in_each_order_and_date_range(
    graph: Graph, gql: GraphQLClient, uid: str, variables: dict[str, str], expected: list[str]
) -> None:
    # given village V's five needs
    doc = await ground(graph, uid)
    needs = [
        {"id": doc.id(key), "village": doc.id("V"), "title": f"需求{key}", "quarter": quarter,
         "urgency": urgency, "skills": [{"skill": doc.id("K"), "level": 2}], "createdAt": at}
        for key, (quarter, urgency, at) in NEEDS.items()
    ]  # fmt: skip
    await load(graph, {"needs": needs})

    # when
    with count_round_trips() as trips:
        found = (await gql.data(NEEDS_OF, {"v": doc.id("V"), **variables}))["village"]

    # then the hand-computed order, in one query of the village and one of its needs
    assert [n["id"].removeprefix(doc.uid) for n in found["needs"]] == expected
    assert trips.queries[-1] == "grouped:need/village_needs"  # batched: graph/queries.py
    assert len(trips.queries) == 2


async def test_a_needs_date_range_ending_before_it_starts_is_refused(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given village V
    doc = await ground(graph, uid)

    # when its needs are asked from a day after the last
    body = await gql.post(NEEDS_OF, {"v": doc.id("V"), "from": "2026-03-02", "to": "2026-03-01"})

    # then refused naming from
    assert only_error(body) == ("BAD_USER_INPUT", "from: 2026-03-02 is after to 2026-03-01")
