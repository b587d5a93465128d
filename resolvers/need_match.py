"""The capability list and needs matching (三单联动): arguments checked, the one or two graph
queries run, the candidates scored and explained in plain words.

Ranking (done in Cypher, see graph/cypher/need/need_matches.cypher) and the score agree: the
score is a weighted sum whose weights make it order candidates exactly as the ranking does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph import need_match
from graph.db import Record
from model.messages import Message, t
from model.periods import quarters_between
from resolvers.checks import check_quarter
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound

MAX_CANDIDATES = 50

# Score parts. Each weight is larger than all the later ones together, so the score orders
# candidates like the ranking: skills covered (1 each), then available, then served the village
# before, then the mean covered level; divided by (skills asked + 1) to stay in 0..1.
AVAILABLE_WEIGHT = 0.5
SERVED_WEIGHT = 0.25
LEVEL_WEIGHT = 0.2


def candidate_score(
    *, covered: int, asked: int, available: bool, served: bool, level_sum: int
) -> float:
    """0..1; `asked` is the number of skills the candidate was matched against."""
    mean_level = level_sum / (5.0 * covered) if covered else 0.0
    raw = (
        covered
        + (AVAILABLE_WEIGHT if available else 0.0)
        + (SERVED_WEIGHT if served else 0.0)
        + LEVEL_WEIGHT * mean_level
    )
    return round(raw / (asked + 1), 4)


def candidate_reasons(
    row: Record, *, asked: int, village: str, as_of: dt.date, outside: bool
) -> list[Message]:
    """Why this candidate, one plain sentence per part of the ranking (rendered in the
    request's language by the schema)."""
    covered, day = row["covered"], as_of.isoformat()
    reasons = [
        t("covers {count} of the {asked} missing skills", count=len(covered), asked=asked)
        if outside
        else t("covers {count} of the {asked} required skills", count=len(covered), asked=asked)
    ]
    reasons += [
        t("{skill} at level {level} (needed: {required})", skill=k["skill"]["name"],
          level=k["level"], required=k["required"])
        for k in covered
    ]  # fmt: skip
    if outside:
        reasons.append(t("works elsewhere in the county, outside this township"))
    reasons.append(
        t("free of residential village duty on {day}", day=day)
        if row["available"]
        else t("on residential village duty (驻村) on {day}", day=day)
    )
    if row["servedBefore"]:
        reasons.append(t("has served {village} before", village=village))
    return reasons


@dataclass(frozen=True)
class Candidate:
    row: Record  # {person, covered: [{skill, level, required}], available, servedBefore, levelSum}
    score: float
    reasons: list[Message]


def _candidates(
    rows: list[Record], *, asked: int, village: str, as_of: dt.date, outside: bool
) -> list[Candidate]:
    return [
        Candidate(
            row=r,
            score=candidate_score(
                covered=len(r["covered"]),
                asked=asked,
                available=r["available"],
                served=r["servedBefore"],
                level_sum=r["levelSum"],
            ),
            reasons=candidate_reasons(
                r, asked=asked, village=village, as_of=as_of, outside=outside
            ),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class NeedMatchRow:
    need: Record  # properties plus village and skills
    candidates: list[Candidate]
    candidate_count: int
    can_meet: bool
    age_quarters: int = 0  # quarters since the need's own; > 0: carried over (三单 loop)


@dataclass(frozen=True)
class UnmetRow:
    need: Record
    missing: list[Record]  # {skill, level}: the required level
    county_candidates: list[Candidate]


@dataclass(frozen=True)
class MatchReport:
    township: Record
    quarter: str
    as_of: dt.date
    needs: list[NeedMatchRow]
    unmet: list[UnmetRow]


def _limit(value: int) -> int:
    if not 1 <= value <= MAX_CANDIDATES:
        raise BadInput(
            "candidatesPerNeed",
            t(
                "must be between 1 and {MAX_CANDIDATES}, got {value}",
                MAX_CANDIDATES=MAX_CANDIDATES,
                value=value,
            ),
        )
    return value


async def need_matches(
    ctx: Context,
    *,
    township_id: str,
    quarter: str,
    as_of: dt.date | None,
    candidates_per_need: int,
    carry_over: bool = True,
) -> MatchReport:
    """Two queries at most, whatever the number of needs and people: the township's side, then
    (only when some need cannot be met) the county-wide candidates for all gaps at once."""
    check_quarter("quarter", quarter)
    limit = _limit(candidates_per_need)
    on = as_of or ctx.today
    found = await need_match.township_matches(
        ctx.graph,
        township_id=township_id,
        quarter=quarter,
        as_of=on,
        limit=limit,
        carry_over=carry_over,
    )
    if found is None:
        raise NotFound("townshipId", "township", township_id)
    gaps = [
        need_match.Gap(
            need_id=m["need"]["id"],
            village_id=m["need"]["village"]["id"],
            skills=[(s["skill"]["id"], s["level"]) for s in m["missing"]],
        )
        for m in found.needs
        if m["missing"]
    ]
    county = await need_match.county_candidates(
        ctx.graph, township_id=township_id, gaps=gaps, as_of=on, limit=limit
    )
    needs: list[NeedMatchRow] = []
    unmet: list[UnmetRow] = []
    for m in found.needs:
        need = m["need"]
        village = need["village"]["name"]
        needs.append(
            NeedMatchRow(
                need=need,
                candidates=_candidates(
                    m["candidates"],
                    asked=len(need["skills"]),
                    village=village,
                    as_of=on,
                    outside=False,
                ),
                candidate_count=m["candidateCount"],
                can_meet=not m["missing"],
                age_quarters=quarters_between(str(need["quarter"]), quarter),
            )
        )
        if m["missing"]:
            unmet.append(
                UnmetRow(
                    need=need,
                    missing=m["missing"],
                    county_candidates=_candidates(
                        county.get(need["id"], []),
                        asked=len(m["missing"]),
                        village=village,
                        as_of=on,
                        outside=True,
                    ),
                )
            )
    return MatchReport(found.township, quarter, on, needs, unmet)


async def capability_list(ctx: Context, *, township_id: str, as_of: dt.date | None) -> Record:
    """{township, people, skills, asOf}; one query."""
    on = as_of or ctx.today
    row = await need_match.capability_list(ctx.graph, township_id=township_id, as_of=on)
    if row is None:
        raise NotFound("townshipId", "township", township_id)
    return {**row, "asOf": on}
