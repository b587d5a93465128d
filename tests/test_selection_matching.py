"""The proposal for the collective decision of a post selection: deferred acceptance against
hand-computed cases, and the default ranking (model/selection.py, pure)."""

from __future__ import annotations

from model.selection import (
    Pick,
    blocking_pairs,
    deferred_acceptance,
    differences,
    fit_score,
    next_steps,
    post_order,
    refusal_text,
)


def test_a_case_the_greedy_order_gets_wrong() -> None:
    # given posts X and Y both ranking a above b; a prefers Y, b prefers X
    prefs = {"a": ["Y", "X"], "b": ["X", "Y"]}
    orders = {"X": ["a", "b"], "Y": ["a", "b"]}
    caps = {"X": 1, "Y": 1}
    # when the posts pick greedily in turn (X first takes its best, a; Y gets b)
    greedy = [Pick("X", "a"), Pick("Y", "b")]
    # then a and Y both prefer each other: the greedy assignment is not stable
    assert blocking_pairs(greedy, prefs, orders, caps) == [Pick("Y", "a")]
    # and deferred acceptance gives each their first choice, stably
    proposal = deferred_acceptance(prefs, orders, caps)
    assert proposal == [Pick("X", "b"), Pick("Y", "a")]
    assert blocking_pairs(proposal, prefs, orders, caps) == []


def test_a_case_with_no_stable_improvement() -> None:
    # given a and b both preferring X; X ranks a first; Y takes either
    prefs = {"a": ["X", "Y"], "b": ["X", "Y"]}
    orders = {"X": ["a", "b"], "Y": ["b", "a"]}
    caps = {"X": 1, "Y": 1}
    # when the proposal is computed
    proposal = deferred_acceptance(prefs, orders, caps)
    # then b does not get X, and giving b X is blocked by a and X preferring each other
    assert proposal == [Pick("X", "a"), Pick("Y", "b")]
    assert blocking_pairs(proposal, prefs, orders, caps) == []
    swapped = [Pick("X", "b"), Pick("Y", "a")]
    assert blocking_pairs(swapped, prefs, orders, caps) == [Pick("X", "a")]


def test_a_stable_assignment_with_capacity_and_chains_of_rejection() -> None:
    # given X with two places, Y and Z with one; four applicants
    prefs = {"a": ["Y", "X"], "b": ["Y", "Z"], "c": ["Y", "X"], "d": ["X", "Z"]}
    orders = {"X": ["d", "a", "c"], "Y": ["c", "b", "a"], "Z": ["d", "b"]}
    caps = {"X": 2, "Y": 1, "Z": 1}
    # when the proposal is computed: Y keeps c (rejects a, then b); a and d take X; b takes Z
    proposal = deferred_acceptance(prefs, orders, caps)
    # then it is the hand-computed stable assignment
    assert proposal == [Pick("X", "d"), Pick("X", "a"), Pick("Y", "c"), Pick("Z", "b")]
    assert blocking_pairs(proposal, prefs, orders, caps) == []


def test_an_applicant_the_post_does_not_accept_stays_unassigned() -> None:
    # given one post with one place and two applicants; the post accepts only a
    prefs = {"a": ["X"], "b": ["X"]}
    # when the proposal is computed / then b gets nothing and nothing blocks it
    proposal = deferred_acceptance(prefs, {"X": ["a"]}, {"X": 1})
    assert proposal == [Pick("X", "a")]
    assert blocking_pairs(proposal, prefs, {"X": ["a"]}, {"X": 1}) == []


def test_the_default_ranking_counts_covered_skills_then_levels() -> None:
    # given a post requiring K at 3 and L at 2
    required = {"K": 3, "L": 2}
    # when people with different skills are scored
    # then covering both beats covering one at a high level, which beats covering none
    assert fit_score(required, {"K": 3, "L": 2}) == 10 + 3 + 10 + 2
    assert fit_score(required, {"K": 5, "L": 1}) == 10 + 5 + 1
    assert fit_score(required, {"M": 5}) == 0
    # and the township's own ranking comes first, the rest by score, then id
    scores = {"a": 5, "b": 25, "c": 5, "d": 0}
    assert post_order(["a", "b", "c", "d"], ["d"], scores) == ["d", "b", "a", "c"]


def test_differences_and_refusals_are_plain() -> None:
    # given a proposal and a decision that swaps one post's holder
    proposal = [Pick("X", "a"), Pick("Y", "b")]
    decision = [Pick("X", "a"), Pick("Y", "c")]
    # when compared / then only Y differs
    (diff,) = differences(proposal, decision)
    assert (diff.post_id, diff.proposed, diff.decided) == ("Y", ("b",), ("c",))
    # and the refusals name the allowed next steps
    assert next_steps("DECIDED") == ["publishPostSelection"]
    assert refusal_text("S", "APPLYING").endswith(
        "the next steps are applyForPosts, rankApplicants or decidePostSelection"
    )
    assert refusal_text("S", "APPOINTED").endswith("no further step is allowed")
