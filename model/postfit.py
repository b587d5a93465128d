"""Person–post fit (人岗匹配, 岗位画像): the score of one person for one post from its four parts,
and the reasons in plain words. Pure: `postFit`, `personFit` and later 岗位胜任度 use it alike.

The parts, each 0..1:
- skills: per required skill, the person's level over the required one (capped at 1; 0 without
  the skill), averaged over the required skills (1 for a post that requires none);
- experience: the best similarity of a post the person holds or held (HOLDS, any period): 1 for
  the same title (this post included), else the share of this post's required skills that post
  also requires;
- years: years of public service (since joinedYear) over YEARS_FULL, capped at 1;
- township: 1 when the post is in the person's place (the township of their unit or of a current
  dispatch; the county for a county department's post), else 0.

score = 0.5 skills + 0.2 experience + 0.15 years + 0.15 township, rounded to 4 places. Order:
score descending, then the fewer required skills short of their level, then the id (person id in
postFit, post id in personFit), so equal scores come back in a stable order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SKILLS_WEIGHT = 0.5
EXPERIENCE_WEIGHT = 0.2
YEARS_WEIGHT = 0.15
TOWNSHIP_WEIGHT = 0.15
YEARS_FULL = 20


@dataclass(frozen=True)
class Requirement:
    """A required skill, the level the post asks and the person's (0 without it)."""

    skill: str  # its name, as the reasons say it
    required: int
    level: int

    @property
    def short(self) -> bool:
        return self.level < self.required


@dataclass(frozen=True)
class HeldPost:
    """A post the person holds or held, and how like the post in question it is."""

    title: str
    same_title: bool
    shared: int  # of the post's required skills, how many this one also requires
    current: bool


@dataclass(frozen=True)
class FitInput:
    requirements: Sequence[Requirement]
    held: Sequence[HeldPost]
    years: int | None  # None when joinedYear is unknown
    same_place: bool
    place: str | None  # the post's township (or county), for the reasons


@dataclass(frozen=True)
class Fit:
    score: float
    skills: float
    experience: float
    years: float
    township: float
    short: int  # required skills below their level
    reasons: list[str]


def similarity(held: HeldPost, required: int) -> float:
    if held.same_title:
        return 1.0
    return held.shared / required if required else 0.0


def fit(given: FitInput) -> Fit:
    reqs = given.requirements
    skills = sum(min(r.level, r.required) / r.required for r in reqs) / len(reqs) if reqs else 1.0
    best = max(given.held, key=lambda h: similarity(h, len(reqs)), default=None)
    experience = similarity(best, len(reqs)) if best is not None else 0.0
    years = min(given.years, YEARS_FULL) / YEARS_FULL if given.years else 0.0
    township = 1.0 if given.same_place else 0.0
    score = (
        SKILLS_WEIGHT * skills
        + EXPERIENCE_WEIGHT * experience
        + YEARS_WEIGHT * years
        + TOWNSHIP_WEIGHT * township
    )
    short = sum(1 for r in reqs if r.short)
    return Fit(
        round(score, 4), skills, experience, years, township, short,
        reasons(given, best, experience),
    )  # fmt: skip


def reasons(given: FitInput, best: HeldPost | None, experience: float) -> list[str]:
    """Why, one plain sentence per part of the score."""
    reqs = given.requirements
    met = sum(1 for r in reqs if not r.short)
    said = [f"meets {met} of the {len(reqs)} required skill levels" if reqs
            else "the post requires no particular skill"]  # fmt: skip
    for r in reqs:
        if r.level == 0:
            said.append(f"lacks {r.skill} (needed: {r.required})")
        else:
            gap = " (below)" if r.short else ""
            said.append(f"{r.skill} at level {r.level} (needed: {r.required}){gap}")
    if best is not None and experience > 0:
        when = "holds" if best.current else "held"
        how = "the same title" if best.same_title else (
            f"sharing {best.shared} of the {len(reqs)} required skills")  # fmt: skip
        said.append(f"{when} a similar post: {best.title} ({how})")
    else:
        said.append("no experience in a similar post")
    said.append(
        f"{given.years} years of public service" if given.years is not None
        else "years of service unknown"
    )  # fmt: skip
    where = given.place or "the post's place"
    said.append(f"works in {where}" if given.same_place else f"works outside {where}")
    return said
