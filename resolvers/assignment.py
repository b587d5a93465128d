"""mentorAssignment, confirmMentorAssignment and teamProposal: arguments checked, the candidates
read in one query (graph/assignment.py), the optimum found (model/), and every choice explained
in plain words.

mentorAssignment's order of proposals is model/mentor_assignment.py's: more mentees paired, then
more target skills covered, then the higher sum of mentorCandidates scores. With threeLevels each
level (county, township, village: where the mentor's department is) is its own assignment, as a
mentor belongs to one level only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from graph import assignment
from graph.assignment import IntakeCandidate, Requirement, TeamCandidate
from graph.db import Record, Tx
from graph.matching import MentorCandidateRow
from graph.rows import PersonNode
from model import mentor_assignment as optimise
from model import team_cover
from model.messages import Message, t
from resolvers import checks
from resolvers.appointment import start_mentorship_in
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.matching import MENTOR_WEIGHTS, mentor_reasons

MAX_INTAKE = 200
LEVELS = ("COUNTY", "TOWNSHIP", "VILLAGE")
LEVEL_WORDS = {"COUNTY": t("county"), "TOWNSHIP": t("township"), "VILLAGE": t("village")}


@dataclass(frozen=True)
class ProposedPair:
    mentee: PersonNode
    candidate: IntakeCandidate
    level: str | None
    score: float
    reasons: list[Message]


@dataclass(frozen=True)
class Unpaired:
    mentee: PersonNode
    level: str | None
    reason: Message


@dataclass(frozen=True)
class Outcome:
    """One way of pairing the intake (the optimum, or the greedy baseline)."""

    pairs: list[ProposedPair]
    unassigned: list[Unpaired]
    total_score: float
    total_covered: int


@dataclass(frozen=True)
class Proposal:
    optimal: Outcome
    greedy: Outcome


def _distinct(field: str, ids: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise BadInput(field, t("'{i}' is listed twice", i=i))
        seen.add(i)
    return list(ids)


def _reasons(
    c: IntakeCandidate, targets: int, level: str | None, max_mentees: int
) -> list[Message]:
    first = [
        t("covers {count} of {targets} target skills", count=len(c["covered"]), targets=targets)
    ]
    if level is not None:
        first.append(t("{level}-level mentor", level=LEVEL_WORDS[level]))
    return first + mentor_reasons(cast(MentorCandidateRow, c), max_mentees)


def _why_unpaired(had_candidates: bool, targets: int, level: str | None) -> Message:
    at = t(" at {level} level", level=LEVEL_WORDS[level]) if level is not None else ""
    if targets == 0:
        return t("no target skills: no skillIds, no posts requiring skills, no skills of their own")
    if had_candidates:
        return t("every eligible mentor{at} has their places taken by others of this intake", at=at)
    return t(
        "no eligible mentor{at} you may see (level ≥ 3 and above the mentee in a target "
        "skill, enough years of service, a mentee place left)",
        at=at,
    )


async def mentor_assignment(
    ctx: Context,
    *,
    mentee_ids: list[str],
    skill_ids: list[str] | None,
    as_of: dt.date | None,
    three_levels: bool,
) -> Proposal:
    if not mentee_ids:
        raise BadInput("menteeIds", t("name at least one mentee"))
    if len(mentee_ids) > MAX_INTAKE:
        raise BadInput(
            "menteeIds",
            t(
                "at most {MAX_INTAKE} mentees at once, got {count}",
                MAX_INTAKE=MAX_INTAKE,
                count=len(mentee_ids),
            ),
        )
    mentee_ids = _distinct("menteeIds", mentee_ids)
    max_mentees = ctx.rules.max_active_mentees
    unknown, mentees = await assignment.intake_candidates(
        ctx.graph,
        mentee_ids=mentee_ids,
        skill_ids=list(dict.fromkeys(skill_ids)) if skill_ids is not None else None,
        as_of=as_of or ctx.today,
        max_mentees=max_mentees,
        min_years=ctx.rules.min_mentor_years,
        weights=MENTOR_WEIGHTS,
        three_levels=three_levels,
    )
    if unknown:
        raise BadInput("skillIds", checks.unknown_skills(unknown))
    for m in mentees:
        if not m["found"]:
            raise NotFound("menteeIds", "person", m["id"])
    by_id = {m["id"]: m for m in mentees}
    spare: dict[str, int] = {}
    for m in mentees:
        for c in m["candidates"]:
            spare[c["mentor"]["id"]] = max_mentees - c["activeMentees"]

    def outcome(solve: optimise.Solver) -> Outcome:
        pairs: list[tuple[int, ProposedPair]] = []
        unpaired: list[tuple[int, Unpaired]] = []
        covered, units = 0, 0
        for rank, level in enumerate(LEVELS if three_levels else (None,)):
            found: dict[tuple[str, str], IntakeCandidate] = {}
            options: list[optimise.Option] = []
            for m in mentees:
                for c in m["candidates"]:
                    if c["level"] == level or level is None:
                        found[(m["id"], c["mentor"]["id"])] = c
                        options.append(optimise.Option(
                            m["id"], c["mentor"]["id"], len(c["covered"]), round(c["score"], 4)
                        ))  # fmt: skip
            done = solve(mentee_ids, options, spare)
            covered += done.total_covered
            units += round(done.total_score * optimise.SCORE_UNITS)
            for p in done.pairs:
                m, c = by_id[p.mentee], found[(p.mentee, p.mentor)]
                reasons = _reasons(c, len(m["targets"]), level, max_mentees)
                pair = ProposedPair(cast(PersonNode, m["mentee"]), c, level, p.score, reasons)
                pairs.append((mentee_ids.index(p.mentee) * 3 + rank, pair))
            for e in done.unassigned:
                m = by_id[e]
                had = any(k[0] == e for k in found)
                why = _why_unpaired(had, len(m["targets"]), level)
                unpaired.append(
                    (
                        mentee_ids.index(e) * 3 + rank,
                        Unpaired(cast(PersonNode, m["mentee"]), level, why),
                    )
                )
        return Outcome(
            [p for _, p in sorted(pairs, key=lambda x: x[0])],
            [u for _, u in sorted(unpaired, key=lambda x: x[0])],
            round(units / optimise.SCORE_UNITS, 4),
            covered,
        )

    return Proposal(outcome(optimise.optimal), outcome(optimise.greedy))


async def confirm_mentor_assignment(
    ctx: Context, *, pairs: list[tuple[str, str]], since: dt.date | None
) -> list[Record]:
    """Starts every (mentor, mentee) pair in ONE transaction with startMentorship's checks, each
    seeing the pairs before it; the first refusal (naming `pairs[i].mentorId` or `.menteeId`)
    leaves nothing written."""
    if not pairs:
        raise BadInput("pairs", t("name at least one pair"))
    if len(pairs) > MAX_INTAKE * len(LEVELS):
        raise BadInput("pairs", t("at most {n} pairs at once", n=MAX_INTAKE * len(LEVELS)))
    day = since or ctx.today

    async def work(tx: Tx) -> list[Record]:
        started: list[Record] = []
        for i, (mentor_id, mentee_id) in enumerate(pairs):
            started.append(
                await start_mentorship_in(
                    tx,
                    ctx,
                    mentor_id=mentor_id,
                    mentee_id=mentee_id,
                    since=day,
                    fields=(f"pairs[{i}].mentorId", f"pairs[{i}].menteeId"),
                )
            )
        return started

    return await ctx.graph.transaction(work)


@dataclass(frozen=True)
class TeamMember:
    candidate: TeamCandidate
    covers: list[Requirement]
    reasons: list[Message]


@dataclass(frozen=True)
class TeamProposal:
    requirements: list[Requirement]
    members: list[TeamMember]
    uncovered: list[Requirement]
    total_level: int


async def team_proposal(
    ctx: Context, *, need_id: str | None, task_id: str | None, as_of: dt.date | None
) -> TeamProposal:
    if (need_id is None) == (task_id is None):
        raise BadInput("needId", t("give either needId or taskId"))
    facts = await assignment.team_facts(
        ctx.graph, need_id=need_id, task_id=task_id, on=as_of or ctx.today
    )
    if facts is None:
        if need_id is not None:
            raise NotFound("needId", "need", need_id)
        raise NotFound("taskId", "task", cast(str, task_id))
    reqs = facts["requirements"]
    wanted = [team_cover.Requirement(r["skill"]["id"], r["level"]) for r in reqs]
    people = {c["person"]["id"]: c for c in facts["candidates"]}
    cover = team_cover.smallest_cover(
        wanted,
        [team_cover.Candidate(p, {x["skillId"]: x["level"] for x in c["levels"]})
         for p, c in people.items()],
    )  # fmt: skip
    members: list[TeamMember] = []
    for chosen in cover.members:
        skills = chosen.covers(wanted)
        mine = [r for r in reqs if r["skill"]["id"] in skills]
        reasons = [
            t("covers {skill} at level {level} (required: {required})", skill=r["skill"]["name"],
              level=chosen.levels[r["skill"]["id"]], required=r["level"])
            for r in mine
        ]  # fmt: skip
        members.append(TeamMember(people[chosen.person], mine, reasons))
    uncovered = [r for r in reqs if r["skill"]["id"] in set(cover.uncovered)]
    return TeamProposal(reqs, members, uncovered, cover.total_level)
