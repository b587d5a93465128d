"""The two-way flow of people (双向流动): per township and year, services started in its villages
by township and county staff against trainings started at its departments by village cadres."""

from __future__ import annotations

import datetime as dt

from graph.db import Graph, Record


async def flow_report(graph: Graph, *, year: int, township_id: str | None) -> list[Record]:
    """One row per township (by id): township, downPeople, downServices, upPeople, upTrainings."""
    return await graph.read(
        "flow/report",
        {
            "townshipId": township_id,
            "yearStart": dt.date(year, 1, 1),
            "nextYearStart": dt.date(year + 1, 1, 1),
        },
    )
