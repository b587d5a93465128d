"""mentorAssignment in the benchmark: an intake of 100 young cadres of one county, paired at once
(one Cypher query for the whole intake, then the exact assignment in process)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

from graph.db import Record
from resolvers import assignment
from resolvers.context import Context

MENTOR_ASSIGNMENT = """
query MentorAssignment($menteeIds: [ID!]!) {
  mentorAssignment(menteeIds: $menteeIds) {
    pairs { mentee { id } mentor { id name } score reasons coveredSkills { id } }
    unassigned { mentee { id } reason }
    totalScore coveredSkillCount
    greedy { totalScore coveredSkillCount unassignedCount }
  }
}
"""

INTAKE = 100  # mentees per request


def intake_args(rng: random.Random, young: Sequence[str]) -> dict[str, Any]:
    """INTAKE young cadres of one county (ids start with the county: C03-P01234)."""
    by_county: dict[str, list[str]] = {}
    for person in young:
        by_county.setdefault(person.split("-", 1)[0], []).append(person)
    county = rng.choice(sorted(c for c, people in by_county.items() if len(people) >= INTAKE))
    return {"menteeIds": rng.sample(by_county[county], INTAKE)}


async def resolve(v: Mapping[str, Any], ctx: Context) -> None:
    await assignment.mentor_assignment(
        ctx, mentee_ids=list(v["menteeIds"]), skill_ids=None, as_of=None, three_levels=False
    )


def size_of_graphql(value: Mapping[str, Any]) -> int:
    """Every mentee of the intake, paired or not."""
    return len(value["pairs"]) + len(value["unassigned"])


def size_of_raw(answers: list[list[Record]]) -> int:
    return len(answers[0][0]["mentees"])
