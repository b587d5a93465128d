"""graph/memo.py: the LRU of computed answers — generations, time, entries and weight budget."""

from __future__ import annotations

import pytest

from graph.memo import Memo


def test_a_write_or_the_time_makes_an_entry_stale() -> None:
    # given an answer kept at generation 3
    memo = Memo()
    memo.put("k", 3, "answer")

    # when asked at the same generation, at a later one, and with no time left
    # then only the first is answered, and the stale entry is forgotten
    assert memo.get("k", 3, ttl=60) == "answer"
    assert memo.get("k", 4, ttl=60) is None
    assert len(memo) == 0
    memo.put("k", 3, "answer")
    assert memo.get("k", 3, ttl=0) is None


def test_the_least_recently_used_entry_goes_past_the_entry_bound() -> None:
    # given a memo of two entries holding a and b, a asked since
    memo = Memo(max_entries=2)
    memo.put("a", 0, 1)
    memo.put("b", 0, 2)
    assert memo.get("a", 0, ttl=60) == 1

    # when c is kept
    memo.put("c", 0, 3)

    # then b (the least recently used) is forgotten
    assert [memo.get(k, 0, ttl=60) for k in "abc"] == [1, None, 3]


def test_the_weight_budget_forgets_the_least_recently_used_until_it_fits() -> None:
    # given entries of weights 40, 30 and 20 under a budget of 100
    memo = Memo()
    for key, weight in (("a", 40), ("b", 30), ("c", 20)):
        memo.put(key, 0, key, weight=weight, max_weight=100)
    assert memo.weight == 90

    # when one of 50 is kept
    memo.put("d", 0, "d", weight=50, max_weight=100)

    # then a alone goes, the least recently used: b, c and d weigh 100, which fits
    assert [memo.get(k, 0, ttl=60) for k in "abcd"] == [None, "b", "c", "d"]
    assert memo.weight == 100


def test_a_value_heavier_than_the_budget_is_not_kept_and_pushes_nothing_out() -> None:
    # given an entry of weight 10 under a budget of 100
    memo = Memo()
    memo.put("a", 0, "a", weight=10, max_weight=100)

    # when a value of weight 101 is offered
    memo.put("big", 0, "big", weight=101, max_weight=100)

    # then it is not kept, and a still is
    assert memo.get("big", 0, ttl=60) is None
    assert memo.get("a", 0, ttl=60) == "a"
    assert memo.weight == 10


@pytest.mark.parametrize("stale_by", ["replaced", "generation"])
def test_a_replaced_or_stale_entry_gives_its_weight_back(stale_by: str) -> None:
    # given an entry of weight 60 under a budget of 100
    memo = Memo()
    memo.put("a", 0, "old", weight=60, max_weight=100)

    # when it is replaced by one of weight 70, or found stale
    if stale_by == "replaced":
        memo.put("a", 0, "new", weight=70, max_weight=100)
        expected = 70
    else:
        assert memo.get("a", 1, ttl=60) is None
        expected = 0

    # then the memo weighs only what it keeps
    assert memo.weight == expected
