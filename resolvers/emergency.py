"""Emergency muster (突发事件快速响应): arguments checked, the roster and the response task.

`emergency_roster` validates what a clerk sent and maps "not found", a village without a location
and unknown skills to errors that name the argument; `respond_to_emergency` checks and creates the
EMERGENCY task in one write transaction (written as every task is), with its staffing deadline
from the response standards in force (`ctx.rules.response_minutes`), then reads the roster with
one query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph import emergency
from graph.db import Record, Tx
from graph.task import NewTask, initiate
from model.emergency import DEFAULT_BAND_KM, MAX_BAND_KM, ROSTER_ORDERS, SEVERITIES
from model.messages import t
from resolvers import access, checks
from resolvers.context import Context, Rules
from resolvers.errors import BadInput, NotFound

DEFAULT_RADIUS_KM = 20.0
MAX_RADIUS_KM = 200.0
DEFAULT_FIRST = 50
MAX_FIRST = 200
MAX_TITLE = 200
MAX_DOMAIN = 100
EMERGENCY_DOMAIN = "EMERGENCY"
# The rapid-response team (突发事件快速响应专班) sits at the township: it musters the response.
INITIATED_BY = "TOWNSHIP"


def radius(radius_km: float | None) -> float:
    value = DEFAULT_RADIUS_KM if radius_km is None else radius_km
    if not 0 < value <= MAX_RADIUS_KM:
        raise BadInput(
            "radiusKm",
            t(
                "must be more than 0 and at most {MAX_RADIUS_KM:g} km, got {value:g}",
                MAX_RADIUS_KM=MAX_RADIUS_KM,
                value=value,
            ),
        )
    return value


def _band(band_km: float | None) -> float:
    value = DEFAULT_BAND_KM if band_km is None else band_km
    if not 0 < value <= MAX_BAND_KM:
        raise BadInput(
            "bandKm",
            t(
                "must be more than 0 and at most {MAX_BAND_KM:g} km, got {value:g}",
                MAX_BAND_KM=MAX_BAND_KM,
                value=value,
            ),
        )
    return value


def _first(first: int | None) -> int:
    value = DEFAULT_FIRST if first is None else first
    if not 1 <= value <= MAX_FIRST:
        raise BadInput(
            "first",
            t("must be between 1 and {MAX_FIRST}, got {value}", MAX_FIRST=MAX_FIRST, value=value),
        )
    return value


def skills_of(skill_ids: list[str]) -> list[str]:
    if not skill_ids:
        raise BadInput("skillIds", t("name at least one skill"))
    return list(dict.fromkeys(skill_ids))


def check_place_and_skills(
    village_id: str, village_found: bool, has_location: bool, unknown_skills: list[str]
) -> None:
    if not village_found:
        raise NotFound("villageId", "village", village_id)
    if not has_location:
        raise BadInput(
            "villageId",
            t(
                "village '{village_id}' has no location, so distances to it cannot be measured; "
                "record its location first",
                village_id=village_id,
            ),
        )
    if unknown_skills:
        raise BadInput("skillIds", checks.unknown_skills(unknown_skills))


async def emergency_roster(
    ctx: Context,
    *,
    village_id: str,
    skill_ids: list[str],
    radius_km: float | None,
    as_of: dt.date | None,
    first: int | None,
    order: str = ROSTER_ORDERS[0],
    band_km: float | None = None,
) -> list[emergency.RosterRow]:
    """Rows of {person, meters, unit, teams, matched, available, band}: nearest first, or
    (order LEVEL_WITHIN_BANDS) by distance band, then best matched level, distance and id."""
    reach = radius(radius_km)
    size = _first(first)
    skills = skills_of(skill_ids)
    band = _band(band_km)
    if order not in ROSTER_ORDERS:
        raise BadInput(
            "orderBy",
            t(
                "must be one of {orders}, got {order!r}",
                orders=", ".join(ROSTER_ORDERS),
                order=order,
            ),
        )
    result = await emergency.roster(
        ctx.graph,
        village_id=village_id,
        skill_ids=skills,
        meters=reach * 1000.0,
        as_of=as_of or ctx.today,
        first=size,
        by_level=order == "LEVEL_WITHIN_BANDS",
        band_meters=band * 1000.0,
    )
    check_place_and_skills(
        village_id, result.village_found, result.has_location, result.unknown_skills
    )
    return result.rows


def response_minutes(rules: Rules, severity: str) -> int:
    """The staffing deadline of a severity under the rules in force; a severity the configured
    standards leave out keeps its default, so a partial setting never breaks a response."""
    configured = rules.response_minutes.get(severity)
    return configured if configured is not None else Rules().response_minutes[severity]


@dataclass(frozen=True)
class EmergencyResponse:
    task_id: str
    severity: str
    created_at: dt.datetime
    staffing_deadline: dt.datetime
    response_minutes: int
    roster: list[emergency.RosterRow]


async def respond_to_emergency(
    ctx: Context,
    *,
    village_id: str,
    severity: str,
    title: str,
    skill_ids: list[str],
    min_level: int | None,
    domain: str | None,
    radius_km: float | None,
    first: int | None,
) -> EmergencyResponse:
    # Everything the roster needs is checked before the task is written, so a refused roster
    # never leaves a task behind.
    if severity not in SEVERITIES:
        raise BadInput(
            "severity",
            t(
                "must be one of {severities}, got {severity!r}",
                severities=", ".join(SEVERITIES),
                severity=severity,
            ),
        )
    level = 1 if min_level is None else min_level
    checks.level("minLevel", level)
    clean_title = checks.text("title", title, MAX_TITLE)
    clean_domain = checks.text("domain", EMERGENCY_DOMAIN if domain is None else domain, MAX_DOMAIN)
    reach = radius(radius_km)
    size = _first(first)
    skills = skills_of(skill_ids)

    minutes = response_minutes(ctx.rules, severity)
    now = dt.datetime.now(dt.UTC)
    deadline = now + dt.timedelta(minutes=minutes)
    new = NewTask(
        id=checks.new_id("TASK"),
        title=clean_title,
        domain=clean_domain,
        kind="EMERGENCY",
        severity=severity,
        quarter=checks.quarter_of(now.date()),
        initiated_by=INITIATED_BY,
        village_id=village_id,
        township_id=None,
        requires=[(skill, level) for skill in skills],
        created_at=now,
        created_by=ctx.actor,
        created_by_name=ctx.actor_name,
        staffing_deadline=deadline,
        event_id=checks.new_id("EV"),
        note=f"emergency, severity {severity}: staff within {minutes} min",
    )

    async def work(tx: Tx) -> Record:
        # Checked and written in one transaction, as every mutation is: a refused check
        # leaves nothing behind.
        await access.require(tx, ctx, villages=[("villageId", village_id)])
        found = await emergency.check_task(tx, village_id=village_id, skill_ids=skills)
        check_place_and_skills(
            village_id, found.village_found, found.has_location, found.unknown_skills
        )
        return await initiate(tx, new)

    task = await ctx.graph.transaction(work)
    result = await emergency.roster(
        ctx.graph,
        village_id=village_id,
        skill_ids=skills,
        meters=reach * 1000.0,
        as_of=ctx.today,
        first=size,
    )
    return EmergencyResponse(
        task_id=task["id"],
        severity=severity,
        created_at=task["createdAt"],
        staffing_deadline=task["staffingDeadline"],
        response_minutes=minutes,
        roster=result.rows,
    )
