"""A township's task KPIs and overdue list: one query each, the arithmetic in resolvers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.db import Graph, Record
from model.tasks import MAIN_FLOW, OPEN_STATUSES


@dataclass(frozen=True)
class KpiFacts:
    township: Record
    tasks: list[Record]  # {id, status, quarter, rating, events: [{step, at}]}


async def kpi_facts(
    graph: Graph, *, township_id: str, since: dt.date | None, until: dt.date | None
) -> KpiFacts | None:
    """None when the township does not exist (or the caller may not see it)."""
    rows = await graph.read(
        "task/kpis",
        {"townshipId": township_id, "from": since, "to": until, "steps": list(MAIN_FLOW)},
    )
    if not rows:
        return None
    return KpiFacts(rows[0]["township"], rows[0]["tasks"])


@dataclass(frozen=True)
class Overdue:
    township: Record
    total: int
    tasks: list[Record]  # task properties, longest overdue first


async def overdue(
    graph: Graph, *, township_id: str, current_quarter: str, first: int
) -> Overdue | None:
    """None when the township does not exist (or the caller may not see it)."""
    rows = await graph.read(
        "task/overdue",
        {
            "townshipId": township_id,
            "currentQuarter": current_quarter,
            "openStatuses": list(OPEN_STATUSES),
            "first": first,
        },
    )
    if not rows:
        return None
    row = rows[0]
    return Overdue(row["township"], row["total"], row["tasks"])
