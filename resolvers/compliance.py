"""Quotas (员额) of dispatched county staff and the compliance reports (县属乡用, seeds 003 and
004): setQuota, recordReminderBatch, dispatchCompliance and complianceReport.

The reports read the graph in one query each (the quota roster plus one for the reminder
batches); this module adds up the county totals, the gaps and the count per rule. The rules
enforced where changes happen are in resolvers/rules.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from graph import compliance
from graph.db import Record, Tx
from model.compliance import Rule
from model.messages import t
from resolvers import access
from resolvers.checks import new_id
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound

MIN_YEAR, MAX_YEAR = 1949, 2100


def _check_year(field_name: str, year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadInput(
            field_name,
            t(
                "must be a year from {MIN_YEAR} to {MAX_YEAR}, got {year}",
                MIN_YEAR=MIN_YEAR,
                MAX_YEAR=MAX_YEAR,
                year=year,
            ),
        )


@dataclass(frozen=True)
class QuotaRow:
    """One county department in one township: its quota for the year and the real names on it."""

    department: Record
    township: Record
    quota: int | None
    people: list[Record]
    law_enforcement_count: int | None
    law_enforcement_share: float | None

    @property
    def actual(self) -> int:
        return len(self.people)

    @property
    def gap(self) -> int | None:
        """actual − quota: negative under quota, positive over it; None without a quota."""
        return None if self.quota is None else self.actual - self.quota

    @property
    def law_enforcement(self) -> float | None:
        """The share of the quota's posts that are law enforcement, where it is recorded."""
        if self.law_enforcement_share is not None:
            return self.law_enforcement_share
        if self.law_enforcement_count is None or not self.quota:
            return None
        return round(self.law_enforcement_count / self.quota, 4)


@dataclass(frozen=True)
class DispatchCompliance:
    as_of: dt.date
    rows: list[QuotaRow]
    batches: list[Record]

    @property
    def quota(self) -> int:
        return sum(r.quota or 0 for r in self.rows)

    @property
    def actual(self) -> int:
        return sum(r.actual for r in self.rows)

    @property
    def departments(self) -> int:
        return len({r.department["id"] for r in self.rows})

    @property
    def law_enforcement(self) -> float | None:
        """Law-enforcement posts ÷ quota over the rows where it is recorded."""
        recorded = [r for r in self.rows if r.law_enforcement is not None and r.quota]
        total = sum(r.quota or 0 for r in recorded)
        if not total:
            return None
        posts = sum((r.law_enforcement or 0) * (r.quota or 0) for r in recorded)
        return round(posts / total, 4)

    @property
    def under_quota(self) -> list[QuotaRow]:
        """The reminders to send: rows under quota, largest shortfall first."""
        under = [r for r in self.rows if r.gap is not None and r.gap < 0]
        return sorted(under, key=lambda r: (r.gap or 0, r.department["id"], r.township["id"]))


async def dispatch_compliance(
    ctx: Context, *, county_id: str, as_of: dt.date | None
) -> DispatchCompliance:
    day = as_of or ctx.today
    if not await compliance.county_exists(ctx.graph, county_id):
        raise NotFound("countyId", "county", county_id)
    rows, batches = await compliance.dispatch_compliance(ctx.graph, county_id=county_id, as_of=day)
    return DispatchCompliance(
        as_of=day,
        rows=[
            QuotaRow(
                department=r["department"],
                township=r["township"],
                quota=r["quota"],
                people=r["people"],
                law_enforcement_count=r["lawEnforcementCount"],
                law_enforcement_share=r["lawEnforcementShare"],
            )
            for r in rows
        ],
        batches=batches,
    )


@dataclass(frozen=True)
class ComplianceReport:
    as_of: dt.date
    year: int | None
    lines: list[Record]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


async def compliance_report(
    ctx: Context, *, county_id: str, as_of: dt.date | None, year: int | None
) -> ComplianceReport:
    if year is not None:
        _check_year("year", year)
    day = as_of or ctx.today
    if not await compliance.county_exists(ctx.graph, county_id):
        raise NotFound("countyId", "county", county_id)
    lines = await compliance.compliance_report(ctx.graph, county_id=county_id, as_of=day, year=year)
    counts = {rule.value: {"breaches": 0, "overrides": 0} for rule in Rule if rule != Rule.MENTEES}
    for line in lines:
        counts[line["rule"]]["overrides" if line["override"] else "breaches"] += 1
    return ComplianceReport(as_of=day, year=year, lines=lines, counts=counts)


# --- writes ---------------------------------------------------------------------------------------


async def set_quota(
    ctx: Context,
    *,
    department_id: str,
    township_id: str,
    year: int,
    quota: int,
    law_enforcement_count: int | None,
    law_enforcement_share: float | None,
) -> Record:
    _check_year("year", year)
    if quota < 0:
        raise BadInput("quota", t("must be at least 0, got {quota}", quota=quota))
    if law_enforcement_count is not None and law_enforcement_share is not None:
        raise BadInput("lawEnforcementShare", t("give either lawEnforcementCount or the share"))
    if law_enforcement_count is not None and not 0 <= law_enforcement_count <= quota:
        raise BadInput("lawEnforcementCount", t("must be from 0 to the quota {quota}", quota=quota))
    if law_enforcement_share is not None and not 0 <= law_enforcement_share <= 1:
        raise BadInput("lawEnforcementShare", t("must be a share from 0 to 1"))
    at = dt.datetime.now(dt.UTC)

    async def work(tx: Tx) -> Record:
        await access.require(tx, ctx, townships=[("townshipId", township_id)])
        facts = await compliance.quota_facts(
            tx, department_id=department_id, township_id=township_id
        )
        if facts["department"] is None:
            raise NotFound("departmentId", "department", department_id)
        if facts["township"] is None:
            raise NotFound("townshipId", "township", township_id)
        if facts["department"]["kind"] != "COUNTY_DEPARTMENT":
            raise BadInput(
                "departmentId",
                t(
                    "{name} is not a county department (COUNTY_DEPARTMENT); quotas are of "
                    "county departments' dispatched staff (县属乡用)",
                    name=facts["department"]["name"],
                ),
            )
        params: dict[str, Any] = {
            "departmentId": department_id, "townshipId": township_id, "year": year,
            "quota": quota, "lawEnforcementCount": law_enforcement_count,
            "lawEnforcementShare": law_enforcement_share, "actor": ctx.actor, "at": at,
        }  # fmt: skip
        return await compliance.set_quota(tx, params)

    return await ctx.graph.transaction(work)


async def record_reminder_batch(
    ctx: Context, *, county_id: str, date: dt.date, items: list[tuple[str, str, int]]
) -> Record:
    """items: (departmentId, townshipId, shortfall) of each department reminded."""
    if not items:
        raise BadInput("items", t("a reminder batch names at least one department"))
    for i, (_, _, shortfall) in enumerate(items):
        if shortfall < 1:
            raise BadInput(
                f"items[{i}].shortfall",
                t("must be at least 1, got {shortfall}", shortfall=shortfall),
            )
    at = dt.datetime.now(dt.UTC)

    async def work(tx: Tx) -> Record:
        # A reminder is the business of the townships it is about (a county clerk's all of them).
        await access.require(
            tx,
            ctx,
            townships=[(f"items[{i}].townshipId", t) for i, (_, t, _) in enumerate(items)],
        )
        for i, (department_id, township_id, _) in enumerate(items):
            facts = await compliance.quota_facts(
                tx, department_id=department_id, township_id=township_id
            )
            if facts["department"] is None:
                raise NotFound(f"items[{i}].departmentId", "department", department_id)
            if facts["township"] is None:
                raise NotFound(f"items[{i}].townshipId", "township", township_id)
        params = {
            "id": new_id("reminders"), "countyId": county_id, "date": date, "actor": ctx.actor,
            "at": at,
            "items": [{"department": d, "township": t, "shortfall": s} for d, t, s in items],
        }  # fmt: skip
        written = await compliance.record_reminders(tx, params)
        if written is None:
            raise NotFound("countyId", "county", county_id)
        return written

    return await ctx.graph.transaction(work)
