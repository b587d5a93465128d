"""The two-way flow of people (双向流动): per township and year, services started in its villages
by township and county staff against trainings started at its departments by village cadres."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict, cast

from graph.db import Graph
from graph.rows import TownshipNode


class FlowRow(TypedDict):
    township: TownshipNode
    downPeople: int
    downServices: int
    upPeople: int
    upTrainings: int


async def flow_report(graph: Graph, *, year: int, township_id: str | None) -> list[FlowRow]:
    """One row per township (by id): township, downPeople, downServices, upPeople, upTrainings."""
    rows = await graph.read(
        "flow/report",
        {
            "townshipId": township_id,
            "yearStart": dt.date(year, 1, 1),
            "nextYearStart": dt.date(year + 1, 1, 1),
        },
    )
    return cast(list[FlowRow], rows)
