"""Village work teams (驻村工作队, seed 003): the composition report against the structure targets
in force (`ctx.rules.work_team_targets`), people's ranks (职级) and the half-year reviews of
work-team terms (四方评价).

`work_team_composition` checks its arguments, runs the one composition query and computes each
target from its rows: who is counted and over which denominator is decided here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from graph import workteam
from graph.db import Record, Tx
from graph.rows import PersonNode, VillageNode
from graph.workteam import CadreRow, ReviewRow
from model.messages import t
from model.workteam import (
    AGE_RANGE,
    AGED_25_TO_45,
    FIRST_SECRETARIES_SECTION_OR_ABOVE,
    MAX_SCORE,
    MIN_SCORE,
    PROVINCIAL_OR_MUNICIPAL_SENDERS,
    RANKS,
    REVIEW_PARTIES,
    SECTION_OR_ABOVE,
    TARGET_LABELS,
    UNDER_35,
    YOUNG_BELOW,
    is_half_year,
    overall_score,
)
from resolvers import access, checks
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.loaders import Batch

MAX_COMMENT = 1000


@dataclass(frozen=True)
class TargetResult:
    key: str
    label: str
    value: float | None  # counted / total; None when nobody is in the denominator
    target: float | None  # None: no target configured (AGED_25_TO_45 by default)
    met: bool | None  # None when there is no value or no target
    counted: list[PersonNode]
    total: int


@dataclass(frozen=True)
class Composition:
    as_of: dt.date
    cadres: list[CadreRow]
    targets: list[TargetResult]
    villages_without_liaison: list[VillageNode]


def _age(row: CadreRow, as_of: dt.date) -> int | None:
    # Age in the year of asOf, as Person.age reads it.
    birth = row["birthYear"]
    return None if birth is None else as_of.year - birth


def _rules(
    as_of: dt.date,
) -> dict[str, tuple[Callable[[CadreRow], bool], Callable[[CadreRow], bool]]]:
    """Per target: who is in the denominator, and who of them is counted. A missing rank or
    birth year is never counted, but stays in the denominator."""
    low, high = AGE_RANGE

    def aged(row: CadreRow) -> bool:
        age = _age(row, as_of)
        return age is not None and low <= age <= high

    def young(row: CadreRow) -> bool:
        age = _age(row, as_of)
        return age is not None and age < YOUNG_BELOW

    def anyone(_: CadreRow) -> bool:
        return True

    return {
        PROVINCIAL_OR_MUNICIPAL_SENDERS: (anyone, lambda r: r["higher"]),
        FIRST_SECRETARIES_SECTION_OR_ABOVE: (
            lambda r: r["role"] == "FIRST_SECRETARY",
            lambda r: r["rank"] in SECTION_OR_ABOVE,
        ),
        AGED_25_TO_45: (anyone, aged),
        UNDER_35: (anyone, young),
    }


def evaluate(
    cadres: list[CadreRow], targets: Mapping[str, float], as_of: dt.date
) -> list[TargetResult]:
    """Each structure target of seed 003 against the cadres, in TARGET_LABELS order."""
    found: list[TargetResult] = []
    for key, (counts_in, counted) in _rules(as_of).items():
        pool = [r for r in cadres if counts_in(r)]
        hits = [r["person"] for r in pool if counted(r)]
        value = round(len(hits) / len(pool), 4) if pool else None
        target = targets.get(key)
        met = None if value is None or target is None else value >= target
        found.append(TargetResult(key, TARGET_LABELS[key], value, target, met, hits, len(pool)))
    return found


async def work_team_composition(
    ctx: Context, *, county_id: str | None, township_id: str | None, as_of: dt.date | None
) -> Composition:
    if (county_id is None) == (township_id is None):
        raise BadInput("countyId", t("give exactly one of countyId and townshipId"))
    day = as_of or ctx.today
    row = await workteam.composition(
        ctx.graph, county_id=county_id, township_id=township_id, as_of=day
    )
    if not row["found"]:
        if county_id is not None:
            raise NotFound("countyId", "county", county_id)
        raise NotFound("townshipId", "township", township_id or "")
    cadres = row["cadres"]
    return Composition(
        as_of=day,
        cadres=cadres,
        targets=evaluate(cadres, ctx.rules.work_team_targets, day),
        villages_without_liaison=row["villagesWithoutLiaison"],
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


async def set_person_rank(ctx: Context, *, person_id: str, rank: str | None) -> Record:
    """The person with their new rank, plus `previous` (the rank before) and who set it when."""
    if rank is not None and rank not in RANKS:
        raise BadInput(
            "rank", t("must be one of {ranks}, got {rank!r}", ranks=", ".join(RANKS), rank=rank)
        )

    async def work(tx: Tx) -> Record:
        # Like a skill: the person must be of the caller's unit.
        await access.require(tx, ctx, people=[("personId", person_id)])
        written = await workteam.set_rank(
            tx, person_id=person_id, rank=rank, actor=ctx.actor, at=_now()
        )
        if written is None:
            raise NotFound("personId", "person", person_id)
        return written

    return await ctx.graph.transaction(work)


@dataclass(frozen=True)
class NewReview:
    person_id: str
    village_id: str
    term_since: dt.date
    period: str
    scores: dict[str, float]  # REVIEW_PARTIES keys
    comment: str | None


def half_year_span(period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of "2026H1" (January–June) or "2026H2" (July–December)."""
    year, half = int(period[:4]), int(period[5])
    return (
        (dt.date(year, 1, 1), dt.date(year, 6, 30))
        if half == 1
        else (dt.date(year, 7, 1), dt.date(year, 12, 31))
    )


def _check_review(new: NewReview) -> None:
    if not is_half_year(new.period):
        raise BadInput(
            "period",
            t("must be a half year like 2026H1 or 2026H2, got {period!r}", period=new.period),
        )
    for party in REVIEW_PARTIES:
        score = new.scores[party]
        if not MIN_SCORE <= score <= MAX_SCORE:
            raise BadInput(
                party,
                t(
                    "must be a score from {MIN_SCORE:g} to {MAX_SCORE:g}, got {score:g}",
                    MIN_SCORE=MIN_SCORE,
                    MAX_SCORE=MAX_SCORE,
                    score=score,
                ),
            )


async def record_review(ctx: Context, new: NewReview) -> Record:
    """Records one half-year review of a work-team term; returns {review, person, village}."""
    _check_review(new)
    comment = None if new.comment is None else checks.text("comment", new.comment, MAX_COMMENT)
    first_day, last_day = half_year_span(new.period)

    async def work(tx: Tx) -> Record:
        # Reviews are recorded where the term is served: the village must be of the caller's
        # unit (the cadre may come from outside the county, so the person is not checked).
        await access.require(tx, ctx, villages=[("villageId", new.village_id)])
        facts = await workteam.review_facts(
            tx,
            person_id=new.person_id,
            village_id=new.village_id,
            term_since=new.term_since,
            period=new.period,
        )
        if facts["person"] is None:
            raise NotFound("personId", "person", new.person_id)
        if facts["village"] is None:
            raise NotFound("villageId", "village", new.village_id)
        term = facts["term"]
        who, where = facts["person"]["name"], facts["village"]["name"]
        if term is None:
            raise BadInput(
                "termSince",
                t(
                    "{who} has no first-secretary or work-team term in {where} starting {since}",
                    who=who,
                    where=where,
                    since=new.term_since.isoformat(),
                ),
            )
        until: dt.date | None = term["until"]
        if first_day > (until or dt.date.max) or last_day < term["since"]:
            span = t(
                "{since} – {until}",
                since=term["since"].isoformat(),
                until=until.isoformat() if until else t("ongoing"),
            )
            raise BadInput(
                "period",
                t(
                    "{period} lies outside {who}'s term in {where} ({span})",
                    period=new.period,
                    who=who,
                    where=where,
                    span=span,
                ),
            )
        if facts["duplicate"] is not None:
            raise BadInput(
                "period",
                t(
                    "{who}'s term in {where} already has a review for {period} ('{duplicate}')",
                    who=who,
                    where=where,
                    period=new.period,
                    duplicate=facts["duplicate"],
                ),
            )
        return await workteam.create_review(
            tx,
            {
                "id": checks.new_id("WTR"),
                "personId": new.person_id,
                "villageId": new.village_id,
                "period": new.period,
                "role": term["role"],
                "termSince": new.term_since,
                "scores": dict(new.scores),
                "overall": overall_score(new.scores),
                "comment": comment,
                "actor": ctx.actor,
                "at": _now(),
            },
        )

    written = await ctx.graph.transaction(work)
    ctx.loaders.forget(PERSON_REVIEWS)
    return written


PERSON_REVIEWS = Batch("person_work_team_reviews", workteam.person_reviews)


async def person_reviews(ctx: Context, person_id: str) -> list[ReviewRow]:
    """A person's work-team reviews, newest period first, batched per request."""
    return await ctx.loaders.load(PERSON_REVIEWS, person_id)
