"""Team cover (协同导师团, task teams): the smallest team that covers every required skill at its
required level, exactly, by integer programming (scipy's milp). Pure: the caller brings the
requirements and the available people with their levels.

The order of teams, lexicographic: fewer members; then the higher total level (each member's
levels in the required skills they cover at the required level, summed); then the smaller ids
(the sorted member ids compared in order).

Instances stay small whatever the number of people: people who cover the same set of required
skills are interchangeable for the cover, so only the best of each set (higher level sum, then
smaller id) is kept before solving: at most 2^k - 1 candidates for k required skills.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Requirement:
    skill: str
    level: int


@dataclass(frozen=True)
class Candidate:
    """A person and their levels in (some of) the required skills."""

    person: str
    levels: Mapping[str, int]

    def covers(self, requirements: Sequence[Requirement]) -> frozenset[str]:
        return frozenset(r.skill for r in requirements if self.levels.get(r.skill, 0) >= r.level)

    def level_sum(self, requirements: Sequence[Requirement]) -> int:
        return sum(self.levels[s] for s in self.covers(requirements))


@dataclass(frozen=True)
class Cover:
    """The members (by id), or none and the skills nobody covers."""

    members: list[Candidate]
    uncovered: list[str]  # required skill ids nobody available covers, in requirement order
    total_level: int


def smallest_cover(requirements: Sequence[Requirement], candidates: Sequence[Candidate]) -> Cover:
    """The best team (see the module's order); no members when some skill is uncovered, or when
    nothing is required."""
    covered = {s for c in candidates for s in c.covers(requirements)}
    uncovered = [r.skill for r in requirements if r.skill not in covered]
    if uncovered or not requirements:
        return Cover([], uncovered, 0)
    best: dict[frozenset[str], Candidate] = {}
    for c in candidates:
        mask = c.covers(requirements)
        if not mask:
            continue
        kept = best.get(mask)
        key = (-c.level_sum(requirements), c.person)
        if kept is None or key < (-kept.level_sum(requirements), kept.person):
            best[mask] = c
    pool = sorted(best.values(), key=lambda c: c.person)
    # scipy is imported here, not at the top: it is ~65 MB of every server process that never
    # proposes a team (the server's memory aim, docs/scaling.md).
    from scipy.optimize import Bounds, LinearConstraint, milp

    skills = [r.skill for r in requirements]
    a = np.array([[1.0 if s in c.covers(requirements) else 0.0 for c in pool] for s in skills])
    levels = np.array([float(c.level_sum(requirements)) for c in pool])
    # One member weighs more than every level together: size first, then level, exactly.
    per_member = float(levels.sum()) + 1.0
    cost = per_member - levels
    cover = LinearConstraint(a, lb=np.ones(len(skills)), ub=np.full(len(skills), np.inf))
    lower, upper = np.zeros(len(pool)), np.ones(len(pool))

    def solve() -> float | None:
        found = milp(
            cost, integrality=np.ones(len(pool)), bounds=Bounds(lower, upper),
            constraints=[cover],
        )  # fmt: skip
        return None if found.x is None else float(found.fun)

    found = solve()
    if found is None:  # cannot be: every skill is covered by someone, so a cover exists
        raise ArithmeticError("no team cover although every skill has a holder")
    target = found
    # The smallest ids among equally good teams: take each candidate, in id order, if some
    # optimal team still includes them; leave them out for good otherwise.
    for i in range(len(pool)):
        lower[i] = 1.0
        with_i = solve()
        if with_i is None or with_i > target + 0.5:
            lower[i], upper[i] = 0.0, 0.0
    members = [c for i, c in enumerate(pool) if lower[i] == 1.0]
    return Cover(members, [], sum(c.level_sum(requirements) for c in members))
