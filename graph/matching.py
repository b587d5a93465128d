"""The three headline traversals: who served a village, mentor candidates, the talent pool.

Each runs ONE Cypher query for its whole result, the fields of the returned people included, so a
request's round trips do not grow with the number of results.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict, cast

from graph.db import Graph
from graph.rows import PersonNode, ServiceRow, SkillLevelRow, SkillNode
from model.mentoring import MIN_MENTOR_LEVEL
from model.people import RESIDENTIAL_ROLES
from model.talent import UNKNOWN_DISTANCE
from model.tasks import OPEN_STATUSES
from model.workteam import WORK_TEAM_ROLES


class ServedMatch(TypedDict):
    """A person who served the village holding the skill (or a narrower one), with the
    services (all to that village)."""

    person: PersonNode
    skill: SkillNode
    level: int
    services: list[ServiceRow]


class _ServedRow(TypedDict):
    villageFound: bool
    skillFound: bool
    matches: list[ServedMatch]


@dataclass(frozen=True)
class ServedResult:
    village_found: bool
    skill_found: bool
    matches: list[ServedMatch]


async def people_who_served(
    graph: Graph,
    *,
    village_id: str,
    skill_id: str,
    served_since: dt.date | None,
    include_narrower: bool,
    min_level: int,
) -> ServedResult:
    rows = cast(
        list[_ServedRow],
        await graph.read(
            "matching/people_who_served",
            {
                "villageId": village_id,
                "skillId": skill_id,
                "servedSince": served_since,
                "includeNarrower": include_narrower,
                "minLevel": min_level,
            },
        ),
    )
    row = rows[0]
    return ServedResult(row["villageFound"], row["skillFound"], row["matches"])


@dataclass(frozen=True)
class MentorWeights:
    """Weights of the mentor score's parts; each part is in 0..1, so the score is too."""

    coverage: float = 0.40  # target skills covered, at what level
    township: float = 0.15  # works in (or is dispatched to) the mentee's township
    capacity: float = 0.15  # spare places for mentees
    years: float = 0.10  # years of service, saturating at 30
    bridge: float = 0.20  # township skill joined with village experience

    def as_params(self) -> dict[str, float]:
        return {
            "coverage": self.coverage,
            "township": self.township,
            "capacity": self.capacity,
            "years": self.years,
            "bridge": self.bridge,
        }


# Candidates per place asked for that mentor_candidates.cypher scores exactly before it bounds
# the others: enough that the limit-th best of them is a high bar most holders cannot reach.
MENTOR_PROBE = 6


class CoveredSkill(TypedDict):
    skill: SkillNode
    level: int  # the mentor's
    menteeLevel: int  # 0 when the mentee lacks it


class MentorCandidateRow(TypedDict):
    mentor: PersonNode
    score: float
    coverage: float
    sameTownship: bool
    capacity: float
    years: int
    bridge: float
    covered: list[CoveredSkill]
    activeMentees: int
    villagesServed: int
    mentorVillageSide: bool
    menteeVillageSide: bool


class _MentorRow(TypedDict):
    menteeFound: bool
    unknownSkills: list[str]
    targets: list[SkillNode]
    candidates: list[MentorCandidateRow]


@dataclass(frozen=True)
class MentorResult:
    unknown_skills: list[str]
    targets: list[SkillNode]
    candidates: list[MentorCandidateRow]


async def mentor_candidates(
    graph: Graph,
    *,
    mentee_id: str,
    skill_ids: list[str] | None,
    as_of: dt.date,
    max_mentees: int,
    min_years: int,
    limit: int,
    weights: MentorWeights,
    by_coverage: bool = False,
) -> MentorResult | None:
    """None when the mentee does not exist. `by_coverage`: most target skills covered first."""
    rows = await graph.read(
        "matching/mentor_candidates",
        {
            "menteeId": mentee_id,
            "skillIds": skill_ids,
            "asOf": as_of,
            "maxMentees": max_mentees,
            "minYears": min_years,
            "minMentorLevel": MIN_MENTOR_LEVEL,
            "limit": limit,
            "w": weights.as_params(),
            "byCoverage": by_coverage,
            "probe": MENTOR_PROBE * limit,
        },
    )
    if not rows or not rows[0]["menteeFound"]:
        return None
    row = cast(list[_MentorRow], rows)[0]
    return MentorResult(row["unknownSkills"], row["targets"], row["candidates"])


@dataclass(frozen=True)
class TalentCursor:
    """Where a talent-pool page ends: the sort key of its last row (`tie`: the order's key,
    0 for MATCH)."""

    cnt: int
    sum: int
    tie: int
    id: str


class TalentRow(TypedDict):
    person: PersonNode
    matched: list[SkillLevelRow]
    cnt: int
    sum: int
    tie: int  # the order's key: 0 (MATCH), meters (NEAREST), open tasks + services (LEAST_BUSY)
    # The expert pool only (formerWorkTeam): the person's ended work-team terms.
    terms: NotRequired[list[ServiceRow]]


class _TalentPage(TypedDict):
    unknownSkills: list[str]
    townshipFound: bool
    total: int | None
    page: list[TalentRow]


@dataclass(frozen=True)
class TalentResult:
    unknown_skills: list[str]
    township_found: bool
    total: int | None  # None when not asked for (`with_total`)
    rows: list[TalentRow]  # up to first + 1, so the caller can tell whether a next page exists


async def talent_pool(
    graph: Graph,
    *,
    skill_ids: list[str],
    match_all: bool,
    min_level: int,
    township_id: str | None,
    on: dt.date,
    check_availability: bool,
    first: int,
    after: TalentCursor | None,
    former_work_team: bool = False,
    include_narrower: bool = True,
    order_by: str = "MATCH",
    with_total: bool = True,
) -> TalentResult:
    """`former_work_team`: the expert pool (workteam/expert_pool.cypher) instead: former first
    secretaries and work-team members, each row with their ended terms. `order_by`: one of
    model.talent.TALENT_ORDERS; NEAREST needs `township_id`. `with_total`: count every match
    (else only the page's people are judged, and the total is None; the expert pool counts
    always)."""
    after_param: dict[str, Any] | None = (
        None
        if after is None
        else {"cnt": after.cnt, "sum": after.sum, "tie": after.tie, "id": after.id}
    )
    if former_work_team:
        query = "workteam/expert_pool"
    elif township_id:
        query = "matching/talent_pool_township"
    else:
        query = "matching/talent_pool"
    rows = await graph.read(
        query,
        {
            "skillIds": list(dict.fromkeys(skill_ids)),
            "matchAll": match_all,
            "minLevel": min_level,
            "townshipId": township_id,
            "on": on,
            "checkAvailability": check_availability,
            "first": first,
            "after": after_param,
            "residentialRoles": list(RESIDENTIAL_ROLES),
            "roles": list(WORK_TEAM_ROLES),
            "includeNarrower": include_narrower,
            "orderBy": order_by,
            "openTaskStatuses": list(OPEN_STATUSES),
            "unknownDistance": UNKNOWN_DISTANCE,
            "withTotal": with_total,
        },
    )
    row = cast(list[_TalentPage], rows)[0]
    return TalentResult(row["unknownSkills"], row["townshipFound"], row["total"], row["page"])
