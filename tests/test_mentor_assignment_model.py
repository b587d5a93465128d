"""The pure optimisation behind mentorAssignment and teamProposal (model/), hand-computed."""

from __future__ import annotations

from model.mentor_assignment import Assignment, Option, greedy, optimal
from model.team_cover import Candidate, Requirement, smallest_cover


def _pairs(found: Assignment) -> list[tuple[str, str]]:
    return [(p.mentee, p.mentor) for p in found.pairs]


def test_the_optimum_beats_greedy_when_the_first_mentee_takes_the_mentor_both_need() -> None:
    # given E1 and E2, mentors A and B with one place each; A covers both skills of each, B
    # both of E1's but one of E2's
    options = [Option("E1", "A", 2, 0.9), Option("E1", "B", 2, 0.8),
               Option("E2", "A", 2, 0.7), Option("E2", "B", 1, 0.6)]  # fmt: skip
    spare = {"A": 1, "B": 1}

    # when both are solved
    best, baseline = optimal(["E1", "E2"], options, spare), greedy(["E1", "E2"], options, spare)

    # then greedy gives E1 A and leaves E2 one skill (3 covered); the optimum covers all 4
    assert _pairs(baseline) == [("E1", "A"), ("E2", "B")]
    assert (baseline.total_covered, baseline.total_score) == (3, 1.5)
    assert _pairs(best) == [("E1", "B"), ("E2", "A")]
    assert (best.total_covered, best.total_score) == (4, 1.5)


def test_covering_more_skills_wins_over_a_higher_score() -> None:
    # given A covering one skill with a high score (same township) and B covering two
    options = [Option("E1", "A", 1, 0.95), Option("E1", "B", 2, 0.41)]

    # when solved / then B
    assert _pairs(optimal(["E1"], options, {"A": 3, "B": 3})) == [("E1", "B")]


def test_a_mentor_takes_no_more_mentees_than_their_spare_places() -> None:
    # given three mentees who all rank A first, A with two places left and B with one
    options = [Option(e, "A", 1, 0.9) for e in ("E1", "E2", "E3")]
    options += [Option(e, "B", 1, 0.5) for e in ("E1", "E2", "E3")]

    # when solved
    found = optimal(["E1", "E2", "E3"], options, {"A": 2, "B": 1})

    # then A has two of them and B the third
    mentors = [p.mentor for p in found.pairs]
    assert sorted(mentors) == ["A", "A", "B"]
    assert found.unassigned == []


def test_more_mentees_paired_wins_and_those_left_over_are_named() -> None:
    # given A with one place, wanted by E1 (two skills) and E2 (one), and nobody for E3
    options = [Option("E1", "A", 2, 0.9), Option("E2", "A", 1, 0.9), Option("E2", "B", 1, 0.2)]

    # when solved
    found = optimal(["E1", "E2", "E3"], options, {"A": 1, "B": 0})

    # then E1 has A, E2 nobody (B is full), E3 nobody
    assert _pairs(found) == [("E1", "A")]
    assert found.unassigned == ["E2", "E3"]


def test_the_smallest_cover_prefers_higher_levels_then_smaller_ids() -> None:
    # given two skills at level 3: P1 K1 4; P2 K2 3; P3 K2 5 (and K1 2, too low); P0 K1 4
    reqs = [Requirement("K1", 3), Requirement("K2", 3)]
    people = [Candidate("P1", {"K1": 4}), Candidate("P2", {"K2": 3}),
              Candidate("P3", {"K1": 2, "K2": 5}), Candidate("P0", {"K1": 4})]  # fmt: skip

    # when covered
    found = smallest_cover(reqs, people)

    # then two people: P3 for K2 (5 beats 3), P0 for K1 (same level as P1, smaller id)
    assert [c.person for c in found.members] == ["P0", "P3"]
    assert (found.total_level, found.uncovered) == (9, [])


def test_one_person_covering_both_skills_makes_the_team_alone() -> None:
    reqs = [Requirement("K1", 3), Requirement("K2", 3)]
    people = [Candidate("P1", {"K1": 5}), Candidate("P2", {"K2": 5}),
              Candidate("P9", {"K1": 3, "K2": 3})]  # fmt: skip
    assert [c.person for c in smallest_cover(reqs, people).members] == ["P9"]


def test_no_cover_names_the_skills_nobody_covers() -> None:
    reqs = [Requirement("K1", 3), Requirement("K2", 4), Requirement("K3", 1)]
    found = smallest_cover(reqs, [Candidate("P1", {"K1": 3, "K2": 3})])
    assert (found.members, found.uncovered) == ([], ["K2", "K3"])
