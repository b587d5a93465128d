"""taskKpis and overdueTasks: a township's task performance over hand-made tasks with known
event times (imported, so every instant is fixed), and the list of open tasks past their
quarter, both scoped like `tasks`."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from model.access import Role
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

KPIS = """
query($t: ID!, $from: Date, $to: Date) {
  taskKpis(townshipId: $t, from: $from, to: $to) {
    township { id } from to total open closed cancelled overdue closedOnTime onTimeRate
    meanRating byStatus { status count } stepTimes { step after meanHours tasks }
  }
}
"""

OVERDUE = """
query($t: ID!, $asOf: Date, $first: Int) {
  overdueTasks(townshipId: $t, asOf: $asOf, first: $first) {
    asOf totalCount tasks { task { id status quarter } dueOn daysOverdue }
  }
}
"""


def _events(*steps: tuple[str, str]) -> list[dict[str, str]]:
    """Events at "MM-DD HH" of 2025, UTC."""
    return [
        {"step": s, "at": f"2025-{at[:5]}T{at[6:]}:00:00Z", "actor": "clerk"} for s, at in steps
    ]


def _task(doc: Doc, key: str, status: str, quarter: str, created: str, **more: Any) -> None:
    row: dict[str, Any] = {
        "id": doc.id(key), "title": f"任务{key}", "domain": "防汛", "kind": "ROUTINE",
        "status": status, "initiatedBy": "VILLAGE", "quarter": quarter, "createdAt": created,
    }  # fmt: skip
    if "township" not in more:
        row["village"] = doc.id(more.pop("village", "V"))
    else:
        row["township"] = doc.id(more.pop("township"))
    if status != "INITIATED":
        row["plan"] = "方案"
    if status in ("CLOSED", "SUPERVISING"):
        row["assignments"] = [
            {"person": doc.id("L"), "role": "LEAD", "since": created[:10]},
            {"person": doc.id("S"), "role": "SUPERVISOR", "since": created[:10]},
        ]
    row.update(more)
    doc.sections.setdefault("tasks", []).append(row)


async def ground(graph: Graph, uid: str) -> Doc:
    """Township T (village V) with tasks K1..K5 and K7 (lead L, supervisor S); township T2
    (village W) with K6.

    K1 CLOSED 2025Q2 rating 4, steps 12 h, 24 h, 24 h apart, closed 2025-06-30 (on time);
    K2 CLOSED 2025Q2 rating 2, steps 24 h, 6 h, 24 h apart, closed 2025-07-02 (late);
    K3 SUPERVISING 2025Q2 AT T itself, steps 6 h, 12 h, 24 h apart (overdue after 2025-06-30);
    K4 CANCELLED 2025Q3; K5 INITIATED 2025Q3; K7 CLOSED, created 2024-12-01 (before `from`).
    """
    doc = place(Doc(uid))
    doc.township("T2", "C")
    doc.village("W", "T2")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.person("L", department="D")
    doc.person("S", department="D")
    closed = {"outcome": "完成", "lessons": "无"}
    _task(doc, "K1", "CLOSED", "2025Q2", "2025-04-01T00:00:00Z", rating=4, **closed,
          events=_events(("INITIATED", "04-01 00"), ("CONSULTED", "04-01 12"),
                         ("STAFFED", "04-02 12"), ("SUPERVISING", "04-03 12"),
                         ("CLOSED", "06-30 10")))  # fmt: skip
    _task(doc, "K2", "CLOSED", "2025Q2", "2025-05-01T00:00:00Z", rating=2, **closed,
          events=_events(("INITIATED", "05-01 00"), ("CONSULTED", "05-02 00"),
                         ("STAFFED", "05-02 06"), ("SUPERVISING", "05-03 06"),
                         ("PROGRESS", "05-20 06"),
                         ("CLOSED", "07-02 00")))  # fmt: skip
    _task(doc, "K3", "SUPERVISING", "2025Q2", "2025-06-01T00:00:00Z", township="T",
          events=_events(("INITIATED", "06-01 00"), ("CONSULTED", "06-01 06"),
                         ("STAFFED", "06-01 18"),
                         ("SUPERVISING", "06-02 18")))  # fmt: skip
    _task(doc, "K4", "CANCELLED", "2025Q3", "2025-07-10T00:00:00Z", cancelReason="重复",
          events=_events(("INITIATED", "07-10 00"),
                         ("CANCELLED", "07-11 00")))  # fmt: skip
    _task(doc, "K5", "INITIATED", "2025Q3", "2025-07-20T00:00:00Z")
    _task(doc, "K6", "INITIATED", "2025Q2", "2025-04-20T00:00:00Z", village="W")
    _task(doc, "K7", "CLOSED", "2024Q4", "2024-12-01T00:00:00Z", rating=5, **closed)
    await doc.load(graph)
    return doc


async def test_the_kpis_of_a_township_over_a_period(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the township's tasks above
    doc = await ground(graph, uid)

    # when its KPIs over 2025 are asked for
    kpis = (await gql.data(KPIS, {"t": doc.id("T"), "from": "2025-01-01", "to": "2025-12-31"}))[
        "taskKpis"
    ]

    # then K1..K5 count (not K6 of T2, not K7 created in 2024), by status in lifecycle order
    assert (kpis["total"], kpis["open"], kpis["closed"], kpis["cancelled"]) == (5, 2, 2, 1)
    assert [(s["status"], s["count"]) for s in kpis["byStatus"]] == [
        ("INITIATED", 1), ("CONSULTED", 0), ("STAFFED", 0), ("SUPERVISING", 1), ("CLOSED", 2),
        ("CANCELLED", 1),
    ]  # fmt: skip
    # and K3 (2025Q2) and K5 (2025Q3) are open past their quarter today
    assert kpis["overdue"] == 2
    # and one of the two closed tasks closed within its quarter; ratings 4 and 2
    assert (kpis["closedOnTime"], kpis["onTimeRate"], kpis["meanRating"]) == (1, 0.5, 3.0)
    # and each step's mean: (12 + 24 + 6) / 3, (24 + 6 + 12) / 3, 24, and closing K1 after
    # 2110 h and K2 after 1434 h (the PROGRESS event in between does not count)
    assert [(s["step"], s["after"], s["meanHours"], s["tasks"]) for s in kpis["stepTimes"]] == [
        ("CONSULTED", "INITIATED", 14.0, 3),
        ("STAFFED", "CONSULTED", 14.0, 3),
        ("SUPERVISING", "STAFFED", 24.0, 3),
        ("CLOSED", "SUPERVISING", 1772.0, 2),
    ]


async def test_a_period_without_closed_tasks_has_no_rates(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the township's tasks above
    doc = await ground(graph, uid)

    # when its KPIs from July 2025 on are asked for (K4 and K5 only)
    kpis = (await gql.data(KPIS, {"t": doc.id("T"), "from": "2025-07-01"}))["taskKpis"]

    # then there is nothing to rate or time, and the counts say so
    assert (kpis["from"], kpis["to"], kpis["total"], kpis["cancelled"]) == (
        "2025-07-01",
        None,
        2,
        1,
    )
    assert (kpis["onTimeRate"], kpis["meanRating"], kpis["closedOnTime"]) == (None, None, 0)
    assert [(s["meanHours"], s["tasks"]) for s in kpis["stepTimes"]] == [(None, 0)] * 4


async def test_overdue_tasks_are_open_past_their_quarter_longest_first(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the township's tasks above
    doc = await ground(graph, uid)

    # when the overdue tasks are asked for on 2025-08-15, and on 2025-10-02 one at a time
    august = (await gql.data(OVERDUE, {"t": doc.id("T"), "asOf": "2025-08-15"}))["overdueTasks"]
    october = (await gql.data(OVERDUE, {"t": doc.id("T"), "asOf": "2025-10-02", "first": 1}))[
        "overdueTasks"
    ]
    later = (await gql.data(OVERDUE, {"t": doc.id("T"), "asOf": "2025-10-02"}))["overdueTasks"]

    # then in August only K3 is past its quarter (due 2025-06-30: 46 days)
    assert august["totalCount"] == 1
    assert [(o["task"]["id"], o["dueOn"], o["daysOverdue"]) for o in august["tasks"]] == [
        (doc.id("K3"), "2025-06-30", 46)
    ]
    # and in October K5 too (due 2025-09-30), after K3; `first` caps the list, not the count
    assert october["totalCount"] == 2
    assert [o["task"]["id"] for o in october["tasks"]] == [doc.id("K3")]
    assert [(o["task"]["id"], o["daysOverdue"]) for o in later["tasks"]] == [
        (doc.id("K3"), 94),
        (doc.id("K5"), 2),
    ]


async def test_kpis_and_overdue_tasks_are_scoped_like_tasks(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the township's tasks, and a clerk of T2 (same county) and one of another county
    doc = await ground(graph, uid)
    other = place(Doc(uid + "x"))
    await other.load(graph)
    neighbour = gql.as_(Role.TOWNSHIP, unit=doc.id("T2"))
    stranger = gql.as_(Role.TOWNSHIP, unit=other.id("T"))

    # when each asks for T's KPIs and overdue tasks
    kpis = (await neighbour.data(KPIS, {"t": doc.id("T")}))["taskKpis"]
    overdue = (await neighbour.data(OVERDUE, {"t": doc.id("T"), "asOf": "2025-10-02"}))[
        "overdueTasks"
    ]
    refused = only_error(await stranger.post(KPIS, {"t": doc.id("T")}))

    # then the neighbour sees the township but none of its tasks, the stranger not even it
    assert (kpis["township"], kpis["total"]) == ({"id": doc.id("T")}, 0)
    assert (overdue["totalCount"], overdue["tasks"]) == (0, [])
    assert refused == ("NOT_FOUND", f"townshipId: no township with id '{doc.id('T')}'")
