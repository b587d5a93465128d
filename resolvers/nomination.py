"""Dual recommendation for promotion (双推荐, seed 004): the department and the township may
each nominate a person once a year (`recordNomination`); the list of a department's or a
township's people shows who was nominated by whom, with the assessment behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph import assessment as g
from graph.assessment import NominationRow
from graph.db import Record, Tx
from model import labels
from model.assessment import SIDES
from model.messages import Code, t
from resolvers import access, checks
from resolvers.assessment import Assessment, assess, ranked, year_checked
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound

MAX_REASON = 1000


@dataclass(frozen=True)
class Nominated:
    assessment: Assessment
    nominations: list[NominationRow]

    @property
    def sides(self) -> list[str]:
        return [n["side"] for n in self.nominations]


async def nominations(
    ctx: Context, *, year: int, department_id: str | None, township_id: str | None
) -> list[Nominated]:
    """The nominated people of a department or a township, by combined score."""
    year_checked(year)
    if (department_id is None) == (township_id is None):
        raise BadInput("departmentId", t("give exactly one of departmentId and townshipId"))
    people = await g.cohort(
        ctx.graph, year=year, department_id=department_id, township_id=township_id
    )
    found = await g.nominations(ctx.graph, [p["person"]["id"] for p in people], year)
    chosen = [p for p, n in zip(people, found, strict=True) if n]
    by_id = {p["person"]["id"]: n for p, n in zip(people, found, strict=True)}
    return [Nominated(a, by_id[a.person["id"]]) for a in ranked(await assess(ctx, chosen, year))]


async def record_nomination(
    ctx: Context, *, person_id: str, year: int, side: str, reason: str
) -> Record:
    """Records one side's nomination; returns {nomination}."""
    year_checked(year)
    if side not in SIDES:
        raise BadInput(
            "side", t("must be one of {sides}, got {side!r}", sides=", ".join(SIDES), side=side)
        )
    text = checks.text("reason", reason, MAX_REASON)

    async def work(tx: Tx) -> Record:
        await access.require(tx, ctx, people=[("personId", person_id)])
        facts = await g.nomination_facts(tx, person_id=person_id, year=year, side=side)
        if facts["person"] is None:
            raise NotFound("personId", "person", person_id)
        if facts["duplicate"] is not None:
            raise BadInput(
                "side",
                t(
                    "{name} is already nominated by the {side} for {year}",
                    name=facts["person"]["name"],
                    side=Code(labels.SIDE, side),
                    year=year,
                ),
            )
        return await g.create_nomination(
            tx,
            {"id": checks.new_id("NOM"), "personId": person_id, "year": year, "side": side,
             "reason": text, "actor": ctx.actor, "at": dt.datetime.now(dt.UTC)},
        )  # fmt: skip

    return await ctx.graph.transaction(work)
