"""`towngraph report flow|needs|compliance`: a county's report read through the resolvers the
GraphQL fields call (flowReport, needMatches, complianceReport), as an ADMIN caller whose unit is
the county, and handed to importing/reports.py for the sheets.

No query of its own: the county and its townships come from the resolvers of `counties` and
`townships`, so the report a clerk saves is the one the API answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.db import Graph
from importing.reports import Sheet, compliance_sheets, flow_sheets, needs_sheets
from model.access import Caller, Role, UnitKind
from resolvers import compliance, flow, need_match, place
from resolvers.context import Context
from resolvers.errors import NotFound

REPORTS = ("flow", "needs", "compliance")


@dataclass(frozen=True)
class Request:
    """What the command line asked for; the options of the report's GraphQL field."""

    kind: str  # one of REPORTS
    county: str
    year: int | None = None  # flow (required), compliance (optional)
    township: str | None = None  # flow, needs: only this township
    quarter: str | None = None  # needs (required)
    as_of: dt.date | None = None  # needs, compliance
    candidates: int = 5  # needs: candidatesPerNeed


@dataclass(frozen=True)
class Report:
    title: str
    sheets: list[Sheet]


def county_caller(actor: str, county: str) -> Caller:
    """The operator as an ADMIN whose unit is the county."""
    return Caller(
        sub=actor, role=Role.ADMIN, unit_id=county, unit_kind=UnitKind.COUNTY, county_id=county
    )


async def build(graph: Graph, request: Request, *, actor: str) -> Report | None:
    """The report's title and sheets; None when there is no such county. A mistake in the
    options raises the resolver's BadInput or NotFound, as the GraphQL field would."""
    ctx = Context(graph=graph, caller=county_caller(actor, request.county), actor=actor)
    county = next((c for c in await place.counties(ctx) if c["id"] == request.county), None)
    if county is None:
        return None
    name = f"{county['name']}（{county['id']}）"
    townships = [t["id"] for t in await place.townships(ctx, request.county)]
    if request.township is not None:
        if request.township not in townships:
            raise NotFound("township", "township", request.township)
        townships = [request.township]
    if request.kind == "flow":
        year = request.year if request.year is not None else ctx.today.year
        rows = await flow.flow_report(ctx, year=year, township_id=request.township)
        mine = set(townships)
        lines = [r for r in rows if r.township["id"] in mine]
        return Report(f"{name} 双向流动报表 {year}年", flow_sheets(lines))
    if request.kind == "needs":
        quarter = request.quarter or f"{ctx.today.year}Q{(ctx.today.month - 1) // 3 + 1}"
        reports = [
            await need_match.need_matches(
                ctx,
                township_id=township,
                quarter=quarter,
                as_of=request.as_of,
                candidates_per_need=request.candidates,
            )
            for township in townships
        ]
        day = request.as_of or ctx.today
        return Report(f"{name} 需求匹配报表 {quarter}（截至 {day}）", needs_sheets(reports))
    result = await compliance.compliance_report(
        ctx, county_id=request.county, as_of=request.as_of, year=request.year
    )
    period = f"截至 {result.as_of}" + (f"，{result.year}年" if result.year is not None else "")
    return Report(f"{name} 违规与例外报表（{period}）", compliance_sheets(result))
