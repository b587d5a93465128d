"""Mentor assignment for a whole intake (师徒结对 in bulk): the exact optimum and the greedy
one-by-one choice it is compared with. Pure: the caller brings the options and the spare places.

The order of assignments (what "better" means), lexicographic:
1. more mentees with a mentor;
2. then more target skills covered in total (a mentor covering both of two target skills beats
   one covering a single skill, whatever the township, capacity or years bonuses say);
3. then the higher sum of scores (the mentorCandidates score, 0..1, at 4 decimals).

The optimum is one rectangular assignment problem (scipy's linear_sum_assignment): a row per
mentee, a column per free place (a mentor with two spare places has two columns). The three
criteria are folded into one integer weight per pair whose scales keep them apart exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

SCORE_UNITS = 10_000  # scores count at 4 decimals, as the API shows them


@dataclass(frozen=True)
class Option:
    """A mentor eligible for a mentee: how many target skills they cover, and their score."""

    mentee: str
    mentor: str
    covered: int
    score: float


@dataclass(frozen=True)
class Assignment:
    """Pairs in the order of the intake, the mentees left without a mentor, and the totals."""

    pairs: list[Option]
    unassigned: list[str]

    @property
    def total_covered(self) -> int:
        return sum(p.covered for p in self.pairs)

    @property
    def total_score(self) -> float:
        return round(sum(_units(p.score) for p in self.pairs) / SCORE_UNITS, 4)


# optimal or greedy: (mentees, options, spare places) → assignment
Solver = Callable[[Sequence[str], Sequence["Option"], Mapping[str, int]], "Assignment"]


def _units(score: float) -> int:
    return round(score * SCORE_UNITS)


def _in_intake_order(mentees: Sequence[str], chosen: Mapping[str, Option]) -> Assignment:
    return Assignment(
        [chosen[m] for m in mentees if m in chosen], [m for m in mentees if m not in chosen]
    )


def optimal(
    mentees: Sequence[str], options: Sequence[Option], spare: Mapping[str, int]
) -> Assignment:
    """The best assignment (see the module's order), each mentor within `spare` places.

    `mentees` are distinct; options of mentors without spare places are ignored."""
    rows = {m: i for i, m in enumerate(mentees)}
    usable = [o for o in options if o.mentee in rows and spare.get(o.mentor, 0) > 0]
    if not usable:
        return Assignment([], list(mentees))
    # A mentor needs no more columns than the mentees who could take them.
    takers: dict[str, int] = {}
    for o in usable:
        takers[o.mentor] = takers.get(o.mentor, 0) + 1
    columns: list[str] = []
    first_column: dict[str, int] = {}
    for mentor in sorted(takers):
        first_column[mentor] = len(columns)
        columns += [mentor] * min(spare[mentor], takers[mentor])
    n = len(mentees)
    max_covered = max(o.covered for o in usable)
    # Integer weights: a covered skill outweighs every score together, an assigned mentee every
    # covered skill and score together; exact in float64 far beyond any intake's size.
    per_skill = n * SCORE_UNITS + 1
    per_pair = n * max_covered * per_skill + n * SCORE_UNITS + 1
    weight = np.zeros((n, len(columns)), dtype=np.float64)
    by_cell: dict[tuple[int, str], Option] = {}
    for o in usable:
        w = per_pair + o.covered * per_skill + _units(o.score)
        i, start = rows[o.mentee], first_column[o.mentor]
        weight[i, start : start + min(spare[o.mentor], takers[o.mentor])] = w
        by_cell[(i, o.mentor)] = o
    # scipy is imported here, not at the top: it is ~65 MB of every server process that never
    # plans an intake (the server's memory aim, docs/scaling.md).
    from scipy.optimize import linear_sum_assignment

    assigned_rows, assigned_cols = linear_sum_assignment(weight, maximize=True)
    chosen: dict[str, Option] = {}
    for i, j in zip(assigned_rows.tolist(), assigned_cols.tolist(), strict=True):
        if weight[i, j] > 0:  # a zero cell is "no option": the mentee stays unassigned
            chosen[mentees[i]] = by_cell[(i, columns[j])]
    return _in_intake_order(mentees, chosen)


def greedy(
    mentees: Sequence[str], options: Sequence[Option], spare: Mapping[str, int]
) -> Assignment:
    """Each mentee in intake order takes their best mentor with a place left (more skills
    covered, then higher score, then mentor id): the baseline the optimum is compared with."""
    left = dict(spare)
    by_mentee: dict[str, list[Option]] = {}
    for o in options:
        by_mentee.setdefault(o.mentee, []).append(o)
    chosen: dict[str, Option] = {}
    for m in mentees:
        ranked = sorted(by_mentee.get(m, []), key=lambda o: (-o.covered, -o.score, o.mentor))
        for o in ranked:
            if left.get(o.mentor, 0) > 0:
                left[o.mentor] -= 1
                chosen[m] = o
                break
    return _in_intake_order(mentees, chosen)
