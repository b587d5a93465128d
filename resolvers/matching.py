"""Arguments of the three headline traversals checked, turned into graph calls, and explained.

Each traversal is one Cypher query (graph/matching.py); this module validates what a clerk sent,
maps "not found" and unknown skills to errors that name the argument, and writes the plain-words
`reasons` of mentor candidates from the parts of their score.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from graph import matching
from graph.matching import MentorCandidateRow, ServedMatch, TalentRow
from model.messages import Message, t
from model.skills import MAX_LEVEL
from model.talent import SPECIALIST_TYPES
from resolvers.checks import level, unknown_skills
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.paging import Page, decode_cursor, encode_cursor, keyset_page, page_size

MENTOR_WEIGHTS = matching.MentorWeights()
MAX_MENTOR_LIMIT = 50


def _unknown_skills(field: str, ids: list[str]) -> None:
    if ids:
        raise BadInput(field, unknown_skills(ids))


async def people_who_served(
    ctx: Context,
    *,
    village_id: str,
    skill_id: str,
    served_since: dt.date | None,
    include_narrower: bool,
    min_level: int,
) -> list[ServedMatch]:
    result = await matching.people_who_served(
        ctx.graph,
        village_id=village_id,
        skill_id=skill_id,
        served_since=served_since,
        include_narrower=include_narrower,
        min_level=level("minLevel", min_level),
    )
    if not result.village_found:
        raise NotFound("villageId", "village", village_id)
    if not result.skill_found:
        raise NotFound("skillId", "skill", skill_id)
    return result.matches


@dataclass(frozen=True)
class MentorCandidate:
    """A candidate's row, its score (rounded as the API shows it) and its reasons."""

    row: MentorCandidateRow
    score: float
    reasons: list[Message]


def mentor_reasons(row: MentorCandidateRow, max_mentees: int) -> list[Message]:
    """Why a candidate was chosen, one plain sentence per part of the score (rendered in the
    request's language by the schema)."""
    reasons = [
        t("covers {skill} at level {level} (mentee: {mentee_level})", skill=c["skill"]["name"],
          level=c["level"], mentee_level=c["menteeLevel"] or t("none"))
        for c in row["covered"]
    ]  # fmt: skip
    if row["sameTownship"]:
        reasons.append(t("works in the mentee's township"))
    active = row["activeMentees"]
    reasons.append(
        t("has no mentee yet")
        if active == 0
        else t("has {active} of {max_mentees} mentee places taken", active=active,
               max_mentees=max_mentees)
    )  # fmt: skip
    reasons.append(t("{years} years of public service", years=row["years"]))
    if row["mentorVillageSide"] != row["menteeVillageSide"]:
        reasons.append(
            t("a village cadre paired with township or county staff")
            if row["mentorVillageSide"]
            else t("township professional skill paired with a village cadre")
        )
    if row["mentorVillageSide"]:
        reasons.append(t("knows village governance first-hand (村两委)"))
    elif row["villagesServed"]:
        n = row["villagesServed"]
        reasons.append(
            t("served in 1 village (village experience)")
            if n == 1
            else t("served in {n} villages (village experience)", n=n)
        )
    return reasons


async def mentor_candidates(
    ctx: Context,
    *,
    mentee_id: str,
    skill_ids: list[str] | None,
    limit: int,
    as_of: dt.date | None,
    by_coverage: bool = False,
) -> list[MentorCandidate]:
    if not 1 <= limit <= MAX_MENTOR_LIMIT:
        raise BadInput(
            "limit",
            t(
                "must be between 1 and {MAX_MENTOR_LIMIT}, got {limit}",
                MAX_MENTOR_LIMIT=MAX_MENTOR_LIMIT,
                limit=limit,
            ),
        )
    max_mentees = ctx.rules.max_active_mentees
    result = await matching.mentor_candidates(
        ctx.graph,
        mentee_id=mentee_id,
        skill_ids=list(dict.fromkeys(skill_ids)) if skill_ids is not None else None,
        as_of=as_of or ctx.today,
        max_mentees=max_mentees,
        min_years=ctx.rules.min_mentor_years,
        limit=limit,
        weights=MENTOR_WEIGHTS,
        by_coverage=by_coverage,
    )
    if result is None:
        raise NotFound("menteeId", "person", mentee_id)
    _unknown_skills("skillIds", result.unknown_skills)
    return [
        MentorCandidate(r, round(r["score"], 4), mentor_reasons(r, max_mentees))
        for r in result.candidates
    ]


TALENT_CURSOR = "talent"
# The cursor kind of each order: a cursor of one order is refused by another. MATCH keeps the
# cursors it always issued ([cnt, sum, id]); the others carry their tie key before the id.
TALENT_CURSORS = {"MATCH": TALENT_CURSOR, "NEAREST": "talent-nearest", "LEAST_BUSY": "talent-busy"}


@dataclass(frozen=True)
class TalentMatch:
    """A specialist's row and score (see `talent_score`)."""

    row: TalentRow
    score: float


def talent_cursor(row: TalentRow, order_by: str = "MATCH") -> str:
    if order_by == "MATCH":
        return encode_cursor(TALENT_CURSOR, [row["cnt"], row["sum"], row["person"]["id"]])
    key = [row["cnt"], row["sum"], row["tie"], row["person"]["id"]]
    return encode_cursor(TALENT_CURSORS[order_by], key)


def _talent_after(after: str | None, order_by: str = "MATCH") -> matching.TalentCursor | None:
    if after is None:
        return None
    key: Any = decode_cursor(TALENT_CURSORS[order_by], after)
    # Only what this API issues: small non-negative integers and an id string.
    ints = 2 if order_by == "MATCH" else 3
    if (
        isinstance(key, list)
        and len(key) == ints + 1
        and all(type(n) is int and 0 <= n < 2**31 for n in key[:ints])
        and isinstance(key[ints], str)
    ):
        tie = 0 if order_by == "MATCH" else key[2]
        return matching.TalentCursor(key[0], key[1], tie, key[ints])
    raise BadInput("after", t("not a cursor this API issued"))


def talent_skills(skill_ids: list[str] | None, specialist_type: str | None) -> list[str]:
    """The requested skills: skillIds, then the specialist type's (model.talent), each once."""
    wanted = list(skill_ids or [])
    if specialist_type is not None:
        wanted.extend(SPECIALIST_TYPES[specialist_type])
    if not wanted:
        raise BadInput("skillIds", t("name at least one skill (or a specialistType)"))
    return list(dict.fromkeys(wanted))


async def talent_pool(
    ctx: Context,
    *,
    skill_ids: list[str] | None,
    match_all: bool,
    min_level: int,
    township_id: str | None,
    available_on: dt.date | None,
    first: int,
    after: str | None,
    former_work_team: bool = False,
    include_narrower: bool = True,
    specialist_type: str | None = None,
    order_by: str = "MATCH",
    with_total: bool = True,
) -> Page[TalentMatch]:
    """`skill_ids` and `specialist_type` together name the requested skills (at least one). Only
    the caller's own `skill_ids` can be unknown: a type's skill the graph lacks matches nobody.
    `with_total`: count every match (else the page's total is 0 and the search stops at the
    page)."""
    named = set(skill_ids or [])
    skill_ids = talent_skills(skill_ids, specialist_type)
    if order_by == "NEAREST" and township_id is None:
        raise BadInput("orderBy", t("NEAREST orders by distance to a township: give townshipId"))
    size = page_size(first)
    result = await matching.talent_pool(
        ctx.graph,
        skill_ids=skill_ids,
        match_all=match_all,
        min_level=level("minLevel", min_level),
        township_id=township_id,
        on=available_on or ctx.today,
        check_availability=available_on is not None,
        first=size,
        after=_talent_after(after, order_by),
        former_work_team=former_work_team,
        include_narrower=include_narrower,
        order_by=order_by,
        with_total=with_total,
    )
    _unknown_skills("skillIds", [i for i in result.unknown_skills if i in named])
    if not result.township_found and township_id is not None:
        raise NotFound("townshipId", "township", township_id)
    requested = len(set(skill_ids))
    return keyset_page(
        [TalentMatch(r, talent_score(r, requested)) for r in result.rows],
        size,
        total=result.total or 0,
        cursor=lambda t: talent_cursor(t.row, order_by),
        has_previous=after is not None,
    )


def talent_score(row: TalentRow, requested: int) -> float:
    """Sum of matched levels over the best possible (5 for every distinct requested skill)."""
    return round(float(row["sum"]) / (float(MAX_LEVEL) * max(requested, 1)), 4)
