"""The excellence quota (优秀 25 % = 12.5 % + 12.5 %, seed 004) of a department's year: the
shortlist (the top 40 % by combined score), the picks the department and then the township would
make, and the picks recorded (`recordExcellencePicks`), refused outside the shortlist, over
quota or out of order. The quotas and their rounding are `model.assessment.quotas`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph import assessment as g
from graph.assessment import PickRow
from graph.db import Record, Tx
from model import labels
from model.assessment import QUOTA_RULE, SIDES, quotas
from model.messages import Code, t
from resolvers import access, checks
from resolvers.assessment import Assessment, assess, ranked, year_checked
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound


@dataclass(frozen=True)
class Selection:
    department: Record
    year: int
    scored: int
    shortlist_size: int
    department_quota: int
    township_quota: int
    shortlist: list[Assessment]
    department_picks: list[Assessment]  # recorded, else proposed
    township_picks: list[Assessment]  # recorded, else proposed
    department_recorded: bool
    township_recorded: bool
    picks: list[PickRow]
    rule: str


def side_score(found: Assessment, side: str) -> float:
    """The side's own score of the person; the combined score where the side gave none."""
    for s in found.sides:
        if s.side == side and s.score is not None:
            return s.score
    return found.combined or 0.0


def _pick(pool: list[Assessment], side: str, n: int) -> list[Assessment]:
    # A side proposes by its own score; ties by the combined score, then by person id.
    order = sorted(pool, key=lambda a: (-side_score(a, side), -(a.combined or 0.0), a.person["id"]))
    return order[:n]


def select(
    department: Record, year: int, found: list[Assessment], picks: list[PickRow]
) -> Selection:
    """The shortlist and both picks of `found` (the department's assessed staff), by hand-checkable
    arithmetic: ranked by combined score (ties by person id), cut at the shortlist size."""
    scored = [a for a in ranked(found) if a.combined is not None]
    size, dept_quota, town_quota = quotas(len(scored))
    shortlist = scored[:size]
    by_id = {a.person["id"]: a for a in found}
    chosen = {side: [by_id[p["personId"]] for p in picks if p["side"] == side] for side in SIDES}
    dept = chosen["DEPARTMENT"] or _pick(shortlist, "DEPARTMENT", dept_quota)
    taken = {a.person["id"] for a in dept}
    rest = [a for a in shortlist if a.person["id"] not in taken]
    town = chosen["TOWNSHIP"] or _pick(rest, "TOWNSHIP", town_quota)
    return Selection(
        department=department,
        year=year,
        scored=len(scored),
        shortlist_size=size,
        department_quota=dept_quota,
        township_quota=town_quota,
        shortlist=shortlist,
        department_picks=dept,
        township_picks=town,
        department_recorded=bool(chosen["DEPARTMENT"]),
        township_recorded=bool(chosen["TOWNSHIP"]),
        picks=picks,
        rule=QUOTA_RULE,
    )


async def excellence_selection(
    ctx: Context, *, county_id: str, year: int, department_id: str
) -> Selection:
    year_checked(year)
    frame = await g.department(ctx.graph, department_id=department_id, county_id=county_id)
    if frame["department"] is None:
        raise NotFound("departmentId", "department", department_id)
    if not frame["inCounty"]:
        raise BadInput(
            "departmentId",
            t(
                "{name} is not in county {county_id}",
                name=frame["department"]["name"],
                county_id=county_id,
            ),
        )
    people = await g.cohort(ctx.graph, year=year, department_id=department_id)
    found = await assess(ctx, people, year)
    picks = await g.picks(ctx.graph, department_id=department_id, year=year)
    return select(frame["department"], year, found, picks)


def check_picks(selection: Selection, recorded: list[Record], side: str, ids: list[str]) -> None:
    """Refuses picks out of order (the department first, each side once), outside the
    shortlist (for the township: outside the rest of it) or over the side's quota."""
    sides = {p["side"] for p in recorded}
    if side in sides:
        raise BadInput(
            "side",
            t(
                "the {side} picks of {year} are already recorded",
                side=Code(labels.SIDE, side),
                year=selection.year,
            ),
        )
    if side == "TOWNSHIP" and "DEPARTMENT" not in sides:
        raise BadInput("side", t("out of order: the department picks from the shortlist first"))
    quota = selection.department_quota if side == "DEPARTMENT" else selection.township_quota
    if len(ids) > quota:
        raise BadInput(
            "personIds",
            t(
                "over quota: the {side} may pick {quota}, got {count}",
                side=Code(labels.SIDE, side),
                quota=quota,
                count=len(ids),
            ),
        )
    shortlist = {a.person["id"] for a in selection.shortlist}
    taken = {p["personId"] for p in recorded}
    for person in ids:
        if person not in shortlist:
            raise BadInput(
                "personIds", t("{person} is not on the shortlist (top 40 %)", person=person)
            )
        if person in taken:
            raise BadInput(
                "personIds", t("{person} is already picked by the department", person=person)
            )


async def record_picks(
    ctx: Context, *, county_id: str, year: int, department_id: str, side: str, person_ids: list[str]
) -> Selection:
    """Records one side's picks; returns the selection as it then stands."""
    if side not in SIDES:
        raise BadInput(
            "side", t("must be one of {sides}, got {side!r}", sides=", ".join(SIDES), side=side)
        )
    ids = list(dict.fromkeys(person_ids))
    if not ids or len(ids) != len(person_ids):
        raise BadInput("personIds", t("give each person picked once, at least one"))

    async def allowed(tx: Tx) -> None:
        # The department picks for its own staff; the township for the people dispatched to it.
        if side == "DEPARTMENT":
            await access.require(tx, ctx, departments=[("departmentId", department_id)])
        else:
            await access.require(tx, ctx, people=[("personIds", p) for p in ids])

    # Checked before the selection is computed too, so that a department out of reach is
    # FORBIDDEN rather than NOT_FOUND.
    await ctx.graph.transaction(allowed)
    selection = await excellence_selection(
        ctx, county_id=county_id, year=year, department_id=department_id
    )

    async def work(tx: Tx) -> None:
        await allowed(tx)
        facts = await g.picks_for_update(tx, department_id=department_id, year=year)
        check_picks(selection, facts["picks"], side, ids)
        await g.create_picks(
            tx,
            {"departmentId": department_id, "year": year, "side": side,
             "picks": [{"id": checks.new_id("EXC"), "personId": p} for p in ids],
             "actor": ctx.actor, "at": dt.datetime.now(dt.UTC)},
        )  # fmt: skip

    await ctx.graph.transaction(work)
    return await excellence_selection(
        ctx, county_id=county_id, year=year, department_id=department_id
    )
