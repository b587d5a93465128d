"""Aggregates of people and tasks of one place: argument checks and the place's refusal; the
counting is graph/aggregate.py's (one query, only the selected groups)."""

from __future__ import annotations

from graph import aggregate as aggregate_graph
from graph.aggregate import Aggregate
from model.periods import is_quarter
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound


def _exactly_one(**given: str | None) -> tuple[str, str]:
    named = [(name, value) for name, value in given.items() if value is not None]
    if len(named) != 1:
        raise BadInput(next(iter(given)), f"give exactly one of {', '.join(given)}")
    return named[0]


_WHAT = {
    "countyId": "county",
    "townshipId": "township",
    "villageId": "village",
    "departmentId": "department",
}


async def people_aggregate(
    ctx: Context,
    *,
    county_id: str | None,
    township_id: str | None,
    department_id: str | None,
    skill_ids: list[str] | None,
    want: frozenset[str],
) -> Aggregate:
    field, ident = _exactly_one(
        countyId=county_id, townshipId=township_id, departmentId=department_id
    )
    if skill_ids is not None and not skill_ids:
        raise BadInput("skillIds", "name at least one skill, or leave skillIds out")
    found = await aggregate_graph.people_aggregate(
        ctx.graph,
        county_id=county_id,
        township_id=township_id,
        department_id=department_id,
        skill_ids=skill_ids,
        want=want,
    )
    if not found.found:
        raise NotFound(field, _WHAT[field], ident)
    return found


async def task_aggregate(
    ctx: Context,
    *,
    county_id: str | None,
    township_id: str | None,
    village_id: str | None,
    from_quarter: str | None,
    to_quarter: str | None,
    kind: str | None,
    want: frozenset[str],
) -> Aggregate:
    field, ident = _exactly_one(countyId=county_id, townshipId=township_id, villageId=village_id)
    for name, value in (("fromQuarter", from_quarter), ("toQuarter", to_quarter)):
        if value is not None and not is_quarter(value):
            raise BadInput(name, f"must be a quarter like 2026Q1, got '{value}'")
    if from_quarter is not None and to_quarter is not None and from_quarter > to_quarter:
        raise BadInput("toQuarter", f"must not be before fromQuarter ({from_quarter})")
    found = await aggregate_graph.task_aggregate(
        ctx.graph,
        county_id=county_id,
        township_id=township_id,
        village_id=village_id,
        from_quarter=from_quarter,
        to_quarter=to_quarter,
        kind=kind,
        want=want,
    )
    if not found.found:
        raise NotFound(field, _WHAT[field], ident)
    return found
