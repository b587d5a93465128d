"""flowReport: the year checked, the one graph query run, the ratio that shows whether the flow of
people between township and villages goes both ways (双向流动)."""

from __future__ import annotations

from dataclasses import dataclass

from graph import flow
from graph.rows import TownshipNode
from model.messages import t
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound

MIN_YEAR, MAX_YEAR = 1949, 2100


@dataclass(frozen=True)
class TownshipFlowRow:
    township: TownshipNode
    year: int
    down_people: int  # township → village: distinct people
    down_services: int  # … and the services they started
    up_people: int  # village → township: distinct village cadres
    up_trainings: int  # … and the trainings they started

    @property
    def ratio(self) -> float | None:
        """Village → township people per township → village person; None when nobody went down."""
        if self.down_people == 0:
            return None
        return round(self.up_people / self.down_people, 4)


async def flow_report(ctx: Context, *, year: int, township_id: str | None) -> list[TownshipFlowRow]:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadInput(
            "year",
            t(
                "must be a year from {MIN_YEAR} to {MAX_YEAR}, got {year}",
                MIN_YEAR=MIN_YEAR,
                MAX_YEAR=MAX_YEAR,
                year=year,
            ),
        )
    rows = await flow.flow_report(ctx.graph, year=year, township_id=township_id)
    if township_id is not None and not rows:
        raise NotFound("townshipId", "township", township_id)
    return [
        TownshipFlowRow(
            township=r["township"],
            year=year,
            down_people=r["downPeople"],
            down_services=r["downServices"],
            up_people=r["upPeople"],
            up_trainings=r["upTrainings"],
        )
        for r in rows
    ]
