"""Result types of the three headline traversals: ServiceMatch, MentorMatch, the talent pool."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry

from schema.common import PageInfo
from schema.person import Person, Service
from schema.skill import PersonSkill, Skill


@strawberry.type(description="A person with the skill who served the village, and how.")
class ServiceMatch:
    person: Person
    skill: Skill = strawberry.field(
        description="The person's matching skill with the highest level (ties: skill id)."
    )
    level: int
    services: list[Service] = strawberry.field(
        description="The qualifying services in that village, newest `since` first."
    )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> ServiceMatch:
        return cls(
            person=Person.from_row(row["person"]),
            skill=Skill.from_row(row["skill"]),
            level=row["level"],
            services=[Service.from_row(s) for s in row["services"]],
        )


@strawberry.type(description="An eligible mentor, the score that ranks them and why.")
class MentorMatch:
    mentor: Person
    score: float = strawberry.field(
        description="0..1: 0.40 coverage of target skills (levels/5 over targets) + 0.15 same "
        "township + 0.15 spare mentee capacity + 0.10 years of service (30 = full) + 0.20 "
        "township↔village bridge (half cross-side pairing, half village experience)."
    )
    reasons: list[str] = strawberry.field(description="Why this mentor, in plain words.")
    covered_skills: list[Skill] = strawberry.field(
        description="Target skills the mentor holds at level ≥ 3 and above the mentee."
    )
    active_mentees: int


@strawberry.type(description="A specialist in the talent pool, with the cursor after them.")
class TalentEdge:
    cursor: str
    node: Person
    score: float = strawberry.field(
        description="Sum of matched levels over the best possible (5 per requested skill), 0..1."
    )
    matched_skills: list[PersonSkill]


@strawberry.type(description="People holding the requested skills, best match first.")
class TalentConnection:
    total_count: int
    edges: list[TalentEdge]
    page_info: PageInfo
