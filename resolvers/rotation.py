"""Rotation (轮岗交流): the rotation list (who has held a post longest against the configured
term) and a person's history of employing units, through this request's DataLoader."""

from __future__ import annotations

import datetime as dt

from graph import rotation
from graph.db import Record
from model.messages import t
from model.rotation import MAX_TERM_YEARS, MIN_TERM_YEARS, is_due, years_between
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.loaders import Batch
from resolvers.post import one_place, place_not_found

MAX_LINES = 500
PERSON_EMPLOYMENT = Batch("person_employment", rotation.person_employment)


async def rotation_list(
    ctx: Context,
    *,
    township_id: str | None,
    county_id: str | None,
    term_years: int | None,
    as_of: dt.date | None,
    due_only: bool,
    first: int,
) -> Record:
    """{asOf, termYears, activeHoldings, dueCount, lines}: lines longest held first (since
    ascending), then person id, then post id; each with years held and whether it is due."""
    one_place(township_id, county_id)
    term = ctx.rules.rotation_term_years if term_years is None else term_years
    if not MIN_TERM_YEARS <= term <= MAX_TERM_YEARS:
        raise BadInput(
            "termYears",
            t(
                "must be from {MIN_TERM_YEARS} to {MAX_TERM_YEARS}, got {term}",
                MIN_TERM_YEARS=MIN_TERM_YEARS,
                MAX_TERM_YEARS=MAX_TERM_YEARS,
                term=term,
            ),
        )
    if not 1 <= first <= MAX_LINES:
        raise BadInput(
            "first",
            t("must be from 1 to {MAX_LINES}, got {first}", MAX_LINES=MAX_LINES, first=first),
        )
    on = as_of or ctx.today
    found = await rotation.holdings(
        ctx.graph, township_id=township_id, county_id=county_id, as_of=on
    )
    if found is None:
        raise place_not_found(township_id, county_id)
    lines = [
        {
            **x,
            "years": years_between(x["since"], on),
            "unitYears": None if x["unitSince"] is None else years_between(x["unitSince"], on),
            "due": is_due(x["since"], on, term),
        }
        for x in found
    ]
    lines.sort(key=lambda x: (x["since"], x["person"]["id"], x["post"]["id"]))
    due = sum(1 for x in lines if x["due"])
    shown = [x for x in lines if x["due"] or not due_only][:first]
    return {
        "asOf": on,
        "termYears": term,
        "activeHoldings": len(lines),
        "dueCount": due,
        "lines": shown,
    }


async def person_employment(ctx: Context, person_id: str) -> list[Record]:
    """A person's employers, the current first, then the former by until (newest first)."""
    return await ctx.loaders.load(PERSON_EMPLOYMENT, person_id)
