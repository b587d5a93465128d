"""The facts of the compliance rules (model/compliance.py), read inside the transaction of the
change that the rules judge: a dispatch's start or end, a liaison service's start, or an import.

The mutations read the facts of one change before writing it; the importer appends the
`import_*` queries to its write transaction and judges what they read after its rows landed
(`IMPORT_CHECKS`), so historical rows are judged by the same rules and the same queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.db import Graph, Record, Tx
from model.compliance import ADJUSTMENTS_PER_YEAR, STAY_MIN_YEARS


async def adjustment_dates(
    tx: Tx, *, department_ids: list[str], township_id: str, year: int
) -> list[dt.date]:
    """The dates in `year` on which the departments' dispatches to the township started or
    ended."""
    rows = await tx.run(
        "compliance/adjustment_dates",
        {
            "departmentIds": department_ids,
            "townshipId": township_id,
            "yearStart": dt.date(year, 1, 1),
            "nextYearStart": dt.date(year + 1, 1, 1),
        },
    )
    dates: list[dt.date] = rows[0]["dates"]
    return dates


async def village_liaisons(tx: Tx, *, village_id: str, since: dt.date) -> list[Record]:
    """The village's LIAISON services not ended before `since`, oldest first."""
    rows = await tx.run("compliance/village_liaisons", {"villageId": village_id, "since": since})
    liaisons: list[Record] = rows[0]["liaisons"]
    return liaisons


# The importer's checks: section -> (query, the row fields that identify a written row, and a
# filter of the rows worth checking).
IMPORT_CHECKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "dispatches": ("compliance/import_dispatches", ("person", "township", "since")),
    "services": ("compliance/import_liaisons", ("person", "village", "since")),
    "mentorships": ("compliance/import_mentorships", ("mentor", "mentee", "since")),
}


def import_check_rows(section: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The keys of the document's rows of `section` that the compliance rules judge."""
    _, keys = IMPORT_CHECKS[section]
    if section == "services":
        rows = [r for r in rows if r.get("role") == "LIAISON"]
    return [{k: r[k] for k in keys} for r in rows]


# --- quotas and reminders (员额, 提醒告知单) ------------------------------------------------


async def quota_facts(tx: Tx, *, department_id: str, township_id: str) -> Record:
    rows = await tx.run(
        "compliance/quota_facts", {"departmentId": department_id, "townshipId": township_id}
    )
    return rows[0]


async def set_quota(tx: Tx, params: dict[str, Any]) -> Record:
    """`params`: departmentId, townshipId, year, quota, lawEnforcementCount,
    lawEnforcementShare, actor, at (see compliance/quota_set)."""
    rows = await tx.run("compliance/quota_set", params)
    return rows[0]


async def record_reminders(tx: Tx, params: dict[str, Any]) -> Record | None:
    """`params`: id, countyId, date, items, actor, at (see compliance/reminder_record); None
    when there is no such county."""
    rows = await tx.run("compliance/reminder_record", params)
    return rows[0] if rows else None


# --- the reports ----------------------------------------------------------------------------------


async def dispatch_compliance(
    graph: Graph, *, county_id: str, as_of: dt.date
) -> tuple[list[Record], list[Record]]:
    """(rows per department and township, reminder batches): see compliance/dispatch_compliance
    and compliance/reminder_batches."""
    params = {"countyId": county_id, "asOf": as_of, "year": as_of.year}
    rows = await graph.read("compliance/dispatch_compliance", params)
    batches = await graph.read("compliance/reminder_batches", params)
    return rows, batches


async def compliance_report(
    graph: Graph, *, county_id: str, as_of: dt.date, year: int | None
) -> list[Record]:
    """The breach and override lines of the rules, by rule (compliance/report_*: one query per
    rule, each cheap to plan)."""
    params = {
        "countyId": county_id,
        "asOf": as_of,
        "year": year,
        "stayYears": STAY_MIN_YEARS,
        "adjustments": ADJUSTMENTS_PER_YEAR,
    }
    lines: list[Record] = []
    for query in REPORT_QUERIES:
        lines += await graph.read(query, params)
    return lines


REPORT_QUERIES = (
    "compliance/report_stay",
    "compliance/report_adjustment",
    "compliance/report_liaison",
    "compliance/report_specialty",
)


async def county_exists(graph: Graph, county_id: str) -> bool:
    """Whether the county exists and the caller sees it."""
    rows = await graph.read("lookup/county", {"keys": [county_id]})
    return bool(rows)
