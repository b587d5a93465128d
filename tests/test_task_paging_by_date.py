"""The `tasks` connection in the order DATE with no assignee, place or status filter, read from the
task_created_at index (graph/cypher/task/page_by_date.cypher): pages walked both ways give the
hand-computed sequence of each caller's scope, ties of one instant by id even when a cursor sits
inside them, the date range and the total as before, the same rows as task/page, and a plan that
seeks the index and stops at the page (tests/test_task_paging.py has the other filters)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.db import Graph
from model.access import Role
from tests.conftest import GraphQLClient, load
from tests.factories import Doc
from tests.queries import planned_operators, read
from tests.test_task_paging import _task, ground, walk

# Four more tasks at G's instant (2026-03-07T08:00:00Z): five of one instant, by id G, H1..H4.
TIES: dict[str, tuple[str, str]] = {
    "H1": ("village", "V"),
    "H2": ("village", "W"),
    "H3": ("township", "T2"),
    "H4": ("village", "V"),
}

# Hand-computed, newest first, ties by id (F 04-01, E 03-31, D 03-10, G H1 H2 H3 H4 03-07,
# B C 03-05, A 03-01): county C sees all of its eleven; township T its own and V's; T2 its own
# and W's; village V its own. XK (county X) is nobody's here.
SEQUENCES = {
    (Role.COUNTY, "C"): ["F", "E", "D", "G", "H1", "H2", "H3", "H4", "B", "C", "A"],
    (Role.TOWNSHIP, "T"): ["F", "D", "G", "H1", "H4", "B", "C", "A"],
    (Role.TOWNSHIP, "T2"): ["E", "H2", "H3"],
    (Role.VILLAGE, "V"): ["F", "D", "H1", "H4", "B", "A"],
}


async def tied_ground(graph: Graph, uid: str) -> Doc:
    """tests/test_task_paging.py's ground, and the four tasks of TIES at G's instant."""
    doc = await ground(graph, uid)
    rows = []
    for key, (field, place) in TIES.items():
        row = _task(doc, "G")
        row.update(id=doc.id(key), title=f"任务{key}")
        row.pop("township")
        row[field] = doc.id(place)
        rows.append(row)
    await load(graph, {"tasks": rows})
    return doc


def flat(doc: Doc, pages: list[list[str]]) -> list[str]:
    return [i.removeprefix(doc.uid) for page in pages for i in page]


@pytest.mark.parametrize(("role", "unit"), list(SEQUENCES), ids=lambda v: str(v))
@pytest.mark.parametrize("size", [2, 3])
async def test_unfiltered_pages_walked_both_ways_give_the_scopes_sequence(
    graph: Graph, gql: GraphQLClient, uid: str, role: Role, unit: str, size: int
) -> None:
    # given the tasks, five of them of one instant, and a caller of the role
    doc = await tied_ground(graph, uid)
    caller = gql.as_(role, unit=doc.id(unit))
    expected = SEQUENCES[(role, unit)]

    # when walking unfiltered pages of `size` forwards, and backwards from the end (pages of 2
    # and 3 put cursors inside the tie)
    forwards, queries = await walk(caller, {}, "DATE", size, backward=False)
    backwards, _ = await walk(caller, {}, "DATE", size, backward=True)

    # then the sequence both ways, each page one read of the index query (besides the token's
    # unit, read once per caller)
    assert flat(doc, forwards) == expected
    assert flat(doc, list(reversed(backwards))) == expected
    assert [len(p) for p in forwards[:-1]] == [size] * (len(forwards) - 1)
    assert [q for q in queries if not q.startswith("auth/")] == ["task/page_by_date"] * len(
        forwards
    )


COUNTED = """
query Counted($f: TaskFilter, $first: Int, $after: String) {
  tasks(filter: $f, first: $first, after: $after) {
    totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
  }
}
"""


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        ({"from": "2026-03-07", "to": "2026-03-31"}, ["E", "D", "G", "H1", "H2", "H3", "H4"]),
        ({"from": "2026-04-01"}, ["F"]),
        ({"to": "2026-03-05"}, ["B", "C", "A"]),
        ({"kind": "EMERGENCY"}, []),
    ],
)
async def test_a_date_range_pages_through_the_index_and_counts_the_range(
    graph: Graph, gql: GraphQLClient, uid: str, flt: dict[str, str], expected: list[str]
) -> None:
    # given the tasks, and county C's clerk
    doc = await tied_ground(graph, uid)
    clerk = gql.as_(Role.COUNTY, unit=doc.id("C"))

    # when paging the range by three, with the total
    seen: list[str] = []
    totals: list[int] = []
    cursor = None
    while True:
        found = (await clerk.data(COUNTED, {"f": flt, "first": 3, "after": cursor}))["tasks"]
        seen.extend(e["node"]["id"].removeprefix(doc.uid) for e in found["edges"])
        totals.append(found["totalCount"])
        if not found["pageInfo"]["hasNextPage"]:
            break
        cursor = found["pageInfo"]["endCursor"]

    # then the range's tasks in order, and every page counts the whole range
    assert seen == expected
    assert set(totals) == {len(expected)}


@pytest.mark.parametrize(("role", "unit"), list(SEQUENCES), ids=lambda v: str(v))
async def test_the_index_query_gives_task_pages_rows(
    graph: Graph, uid: str, role: Role, unit: str
) -> None:
    # given the tasks, and the scope of a caller of the role (the county of each unit is C)
    doc = await tied_ground(graph, uid)
    scoped = graph.scoped(
        {"all": False, "county": doc.id("C"), "unit": doc.id(unit), "day": dt.date(2026, 3, 15)}
    )
    everything: dict[str, Any] = {
        "assigneeId": None, "townshipId": None, "villageId": None, "status": None,
        "kind": None, "quarter": None, "from": None, "to": None, "order": "DATE",
    }  # fmt: skip
    by_date = {k: everything[k] for k in ("kind", "quarter", "from", "to")}

    # when both queries read pages of two after and before each of the first three rows
    # (cursors of the order DATE, rank 0: before the tie, at its edge or inside it)
    sequence = SEQUENCES[(role, unit)]

    async def both(**paging: Any) -> tuple[Any, Any]:
        given = {"size": 2, "withTotal": True, "after": None, "before": None, **paging}
        (mine,) = await scoped.read("task/page_by_date", {**by_date, **given})
        (old,) = await scoped.read("task/page", {**everything, **given})
        return (mine["total"], mine["page"]), (old["total"], old["page"])

    first, _ = await both(backward=False)
    cursors = [{"rank": 0, "at": r["cursorAt"], "id": r["id"]} for r in first[1]]
    pairs = [await both(backward=False)]
    for cursor in cursors:
        pairs.append(await both(backward=False, after=cursor))
        pairs.append(await both(backward=True, before=cursor))
    pairs.append(await both(backward=True))
    pairs.append(await both(backward=False, after=cursors[0], before=cursors[-1]))

    # then the same rows, cursors and totals, page by page
    assert [ours for ours, _ in pairs] == [theirs for _, theirs in pairs]
    assert [r["id"].removeprefix(doc.uid) for r in first[1]] == sequence[:3]
    assert first[0] == len(sequence)


async def test_the_page_seeks_the_created_at_index_and_stops_at_the_page(graph: Graph) -> None:
    # given the query of an unfiltered page in the order DATE
    # when Neo4j plans it
    operators = await planned_operators(graph, "task/page_by_date")

    # then both index branches of the page seek a range of task_created_at, and each keeps
    # the first size + 1 rows in the index's order (PartialTop: ties only sorted among
    # themselves) instead of sorting every task; nothing scans every task, not even the total
    seeks = [o for o in operators if o.startswith("NodeIndexSeekByRange ")]
    assert (
        len(
            [
                o
                for o in seeks
                if o.startswith("NodeIndexSeekByRange RANGE INDEX t:Task(createdAt) ")
            ]
        )
        == 2
    )
    assert len(seeks) == 3
    assert len([o for o in operators if o.startswith("PartialTop ")]) == 2
    assert not [o for o in operators if o.startswith(("NodeByLabelScan", "AllNodesScan"))]


async def test_setup_creates_the_created_at_index(graph: Graph) -> None:
    # given a database the suite's setup ran on (graph/setup.py, idempotently at every start)
    # when the index is looked up
    rows = await read(graph, "setup/index_of", {"name": "task_created_at"})

    # then it is there, on Task.createdAt, online
    assert rows == [{"labels": ["Task"], "properties": ["createdAt"], "state": "ONLINE"}]
