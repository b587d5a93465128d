"""The reads behind the optimised matchings: every candidate mentor of a whole intake, and the
requirements and available holders for a team proposal; one Cypher query each. The optimisation
itself is pure (model/mentor_assignment.py, model/team_cover.py)."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict, cast

from graph.db import Graph
from graph.matching import CoveredSkill, MentorWeights
from graph.rows import PersonNode, SkillNode
from model.mentoring import MIN_MENTOR_LEVEL
from model.people import RESIDENTIAL_ROLES


class IntakeCandidate(TypedDict):
    mentor: PersonNode
    level: str | None  # COUNTY, TOWNSHIP, VILLAGE: where the mentor's department is
    score: float
    covered: list[CoveredSkill]
    activeMentees: int
    sameTownship: bool
    years: int
    villagesServed: int
    mentorVillageSide: bool
    menteeVillageSide: bool


class IntakeMentee(TypedDict):
    id: str
    found: bool
    mentee: PersonNode | None
    targets: list[SkillNode]
    candidates: list[IntakeCandidate]


class _IntakeRow(TypedDict):
    unknownSkills: list[str]
    mentees: list[IntakeMentee]


async def intake_candidates(
    graph: Graph,
    *,
    mentee_ids: list[str],
    skill_ids: list[str] | None,
    as_of: dt.date,
    max_mentees: int,
    min_years: int,
    weights: MentorWeights,
    three_levels: bool,
) -> tuple[list[str], list[IntakeMentee]]:
    """(unknown skill ids, the mentees in intake order with their candidates). Each mentee keeps
    as many candidates (per level with `three_levels`) as the intake has mentees: enough for the
    optimum, since the others can take at most that many minus one of them."""
    rows = await graph.read(
        "matching/mentor_assignment",
        {
            "menteeIds": mentee_ids,
            "skillIds": skill_ids,
            "asOf": as_of,
            "maxMentees": max_mentees,
            "minYears": min_years,
            "minMentorLevel": MIN_MENTOR_LEVEL,
            "w": weights.as_params(),
            "limit": len(mentee_ids),
            "threeLevels": three_levels,
        },
    )
    row = cast(list[_IntakeRow], rows)[0]
    return row["unknownSkills"], row["mentees"]


class Requirement(TypedDict):
    skill: SkillNode
    level: int


class HeldLevel(TypedDict):
    skillId: str
    level: int


class TeamCandidate(TypedDict):
    person: PersonNode
    levels: list[HeldLevel]


class TeamFacts(TypedDict):
    requirements: list[Requirement]
    candidates: list[TeamCandidate]


async def team_facts(
    graph: Graph, *, need_id: str | None, task_id: str | None, on: dt.date
) -> TeamFacts | None:
    """None when the need (or task) does not exist or lies outside the caller's scope."""
    rows = await graph.read(
        "matching/team_proposal",
        {
            "needId": need_id,
            "taskId": task_id,
            "on": on,
            "residentialRoles": list(RESIDENTIAL_ROLES),
        },
    )
    if not rows:
        return None
    row = rows[0]
    return TeamFacts(requirements=row["requirements"], candidates=row["candidates"])
