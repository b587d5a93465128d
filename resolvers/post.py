"""Posts (岗位): the responsibility statement set in one transaction, the caps report, the holders
below their post's required levels, and person–post fit (postFit, personFit) scored by
model/postfit.py from the parts the graph returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph import post
from graph.db import Record, Tx
from model.messages import t
from model.postfit import Fit, FitInput, HeldPost, Requirement, fit
from model.posts import MAX_RATING, MIN_RATING
from resolvers import access
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound

MAX_FIT = 50


def _rating(field: str, value: int | None) -> int | None:
    if value is not None and not MIN_RATING <= value <= MAX_RATING:
        raise BadInput(
            field,
            t(
                "must be from {MIN_RATING} to {MAX_RATING}, got {value}",
                MIN_RATING=MIN_RATING,
                MAX_RATING=MAX_RATING,
                value=value,
            ),
        )
    return value


def _texts(field: str, values: Sequence[str] | None) -> list[str] | None:
    if values is None:
        return None
    cleaned = [v.strip() for v in values]
    if any(not v for v in cleaned):
        raise BadInput(field, t("must not contain an empty item"))
    return cleaned or None


async def set_statement(
    ctx: Context,
    *,
    post_id: str,
    basics: str | None,
    service_items: Sequence[str] | None,
    integrity_risks: Sequence[str] | None,
    kpis: Sequence[str] | None,
    workload: int | None,
    difficulty: int | None,
) -> Record:
    """Replaces the whole statement and both ratings (a null clears that part)."""
    props: dict[str, Any] = {
        "basics": basics.strip() or None if basics is not None else None,
        "serviceItems": _texts("serviceItems", service_items),
        "integrityRisks": _texts("integrityRisks", integrity_risks),
        "kpis": _texts("kpis", kpis),
        "workload": _rating("workload", workload),
        "difficulty": _rating("difficulty", difficulty),
    }

    async def work(tx: Tx) -> Record:
        await access.require(tx, ctx, posts=[("postId", post_id)])
        row = await post.set_statement(tx, post_id=post_id, props=props)
        if row is None:
            raise NotFound("postId", "post", post_id)
        return row

    return await ctx.graph.transaction(work)


@dataclass(frozen=True)
class CapLine:
    township: Record  # {id, name, kind, category, posts}
    cap: int | None  # None: no cap configured for the township's kind

    @property
    def over(self) -> int:
        return max(0, self.township["posts"] - self.cap) if self.cap is not None else 0


async def post_caps(ctx: Context, *, county_id: str) -> list[CapLine]:
    rows = await post.caps(ctx.graph, county_id=county_id)
    if rows is None:
        raise NotFound("countyId", "county", county_id)
    return [CapLine(r, ctx.rules.post_caps.get(r["kind"])) for r in rows]


async def holders_below(
    ctx: Context, *, township_id: str | None, county_id: str | None, as_of: dt.date | None
) -> Record:
    """{asOf, activeHolders, lines} with lines by post id, then person id."""
    one_place(township_id, county_id)
    on = as_of or ctx.today
    row = await post.below_requirement(
        ctx.graph, township_id=township_id, county_id=county_id, as_of=on
    )
    if row is None:
        raise place_not_found(township_id, county_id)
    lines = sorted(row["lines"], key=lambda x: (x["post"]["id"], x["person"]["id"]))
    return {"asOf": on, "activeHolders": row["activeHolders"], "lines": lines}


@dataclass(frozen=True)
class FitMatch:
    """One person for one post: the person's and the post's rows, the place, the fit."""

    person: Record
    post: Record
    requires: list[Record]  # {id, name, level}
    levels: dict[str, int]  # the person's levels of the required skills
    fit: Fit


def _fit(row: Record, requires: list[Record], place: Record | None) -> tuple[dict[str, int], Fit]:
    levels = {x["id"]: x["level"] for x in row["levels"]}
    given = FitInput(
        requirements=[Requirement(r["name"], r["level"], levels.get(r["id"], 0)) for r in requires],
        held=[HeldPost(h["title"], h["sameTitle"], h["shared"], h["current"]) for h in row["held"]],
        years=row["years"],
        same_place=row["samePlace"],
        place=place["name"] if place else None,
    )
    return levels, fit(given)


def one_place(township_id: str | None, county_id: str | None) -> None:
    """A report of a township or a county: exactly one of the two ids is given."""
    if (township_id is None) == (county_id is None):
        raise BadInput("townshipId", t("give exactly one of townshipId and countyId"))


def place_not_found(township_id: str | None, county_id: str | None) -> NotFound:
    """The refusal of a township-or-county report whose place is unknown or hidden."""
    if township_id is not None:
        return NotFound("townshipId", "township", township_id)
    return NotFound("countyId", "county", str(county_id))


def _limit(first: int) -> int:
    if not 1 <= first <= MAX_FIT:
        raise BadInput(
            "first", t("must be between 1 and {MAX_FIT}, got {first}", MAX_FIT=MAX_FIT, first=first)
        )
    return first


async def post_fit(
    ctx: Context, *, post_id: str, first: int, as_of: dt.date | None
) -> list[FitMatch]:
    """People for a post, best fit first (model/postfit.py states the order)."""
    size = _limit(first)
    row = await post.fit_for_post(ctx.graph, post_id=post_id, as_of=as_of or ctx.today)
    if row["post"] is None:
        raise NotFound("postId", "post", post_id)
    found = []
    for c in row["candidates"]:
        levels, f = _fit(c, row["requires"], row["place"])
        found.append(FitMatch(c["person"], row["post"], row["requires"], levels, f))
    found.sort(key=lambda m: (-m.fit.score, m.fit.short, m.person["id"]))
    return found[:size]


async def person_fit(
    ctx: Context, *, person_id: str, first: int, as_of: dt.date | None
) -> list[FitMatch]:
    """Posts for a person, best fit first (model/postfit.py states the order)."""
    size = _limit(first)
    row = await post.fit_for_person(ctx.graph, person_id=person_id, as_of=as_of or ctx.today)
    if row["person"] is None:
        raise NotFound("personId", "person", person_id)
    found = []
    for p in row["posts"]:
        levels, f = _fit(p, p["requires"], p["place"])
        found.append(FitMatch(row["person"], p["post"], p["requires"], levels, f))
    found.sort(key=lambda m: (-m.fit.score, m.fit.short, m.post["id"]))
    return found[:size]
