"""Training plans (培训计划, seed 001: "党建教育与业务培训有机结合 … 制定统一的教育培训规划"):
one plan per person and year with its two parts — party education (党性教育) and professional
skills (专业技能) — each planned and completed in hours, and how a plan counts in 岗位胜任度.

Pure vocabulary and arithmetic: every layer may import it; Cypher gets these values as
parameters, never as text.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# The two parts of one plan, in the order a report lists them.
PARTS: Mapping[str, str] = MappingProxyType(
    {"PARTY_EDUCATION": "党性教育", "PROFESSIONAL": "专业技能"}
)
MAX_HOURS = 2000  # a year holds about 2,000 working hours
MAX_COURSES = 50
# 岗位胜任度 with a plan: this share is the plan's completion, the rest the required skills of the
# posts held; with only one of the two, that one alone.
TRAINING_SHARE_OF_COMPETENCE = 0.2


def plan_id(person_id: str, year: int) -> str:
    """A plan's id, made from its person and year, so the import and the API find it again."""
    return f"TP-{person_id}-{year}"


def completion(planned: Mapping[str, int], done: Mapping[str, int]) -> float | None:
    """The mean over the parts with planned hours of min(1, done ÷ planned), in 0..1; None when
    no part has planned hours."""
    parts = [part for part in PARTS if planned.get(part, 0) > 0]
    if not parts:
        return None
    return sum(min(1.0, done.get(part, 0) / planned[part]) for part in parts) / len(parts)


def competence_score(skills: float | None, training: float | None) -> float | None:
    """岗位胜任度 in 0..100 from the posts' skill coverage and the plan's completion (each 0..1
    or None), one decimal."""
    if skills is None and training is None:
        return None
    if training is None:
        return round(100 * (skills or 0.0), 1)
    if skills is None:
        return round(100 * training, 1)
    share = TRAINING_SHARE_OF_COMPETENCE
    return round(100 * ((1 - share) * skills + share * training), 1)
