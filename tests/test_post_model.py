"""The pure post rules: the post score, the caps setting, and the fit of edge cases."""

from __future__ import annotations

import pytest

from model.postfit import FitInput, HeldPost, Requirement, fit
from model.posts import DEFAULT_POST_CAPS, format_caps, parse_caps, post_score


def test_the_post_score_weighs_workload_over_difficulty() -> None:
    # given ratings / when scored / then 20 × (0.6 w + 0.4 d), null while one is missing
    assert post_score(5, 1) == 68.0
    assert post_score(1, 5) == 52.0
    assert post_score(3, None) is None


def test_caps_round_trip_through_the_setting() -> None:
    # given the default caps / when written and read back / then the same
    assert parse_caps(format_caps(DEFAULT_POST_CAPS)) == {"TOWN": 95, "SUBDISTRICT": 90,
                                                          "TOWNSHIP": 85}  # fmt: skip
    assert parse_caps("TOWN=10") == {"TOWN": 10}


@pytest.mark.parametrize("text", ["CITY=3", "TOWN=-1", "TOWN=many"])
def test_a_bad_caps_setting_is_refused(text: str) -> None:
    # given a wrong setting / when parsed / then refused
    with pytest.raises(ValueError, match=r"TOWN|CITY|int"):
        parse_caps(text)


def test_a_post_without_requirements_counts_every_skill_as_met() -> None:
    # given a post that requires nothing and a newcomer of unknown service, elsewhere
    got = fit(FitInput(requirements=[], held=[], years=None, same_place=False, place="T镇"))

    # then only the skills part counts, and the reasons say so
    assert got.score == 0.5
    assert got.reasons == ["the post requires no particular skill",
                           "no experience in a similar post", "years of service unknown",
                           "works outside T镇"]  # fmt: skip


def test_experience_takes_the_most_similar_post_and_years_saturate() -> None:
    # given two of three required skills met, a held post sharing 2 of 3 and one sharing 1,
    # 30 years of service, in the post's township
    reqs = [Requirement("甲", 3, 3), Requirement("乙", 2, 4), Requirement("丙", 4, 2)]
    held = [HeldPost("一", False, 1, True), HeldPost("二", False, 2, False)]

    # when scored
    got = fit(FitInput(requirements=reqs, held=held, years=30, same_place=True, place="T镇"))

    # then 0.5 × (1 + 1 + 0.5)/3 + 0.2 × 2/3 + 0.15 + 0.15
    assert got.score == pytest.approx(round(0.5 * 2.5 / 3 + 0.2 * 2 / 3 + 0.3, 4))
    assert got.short == 1
    assert "held a similar post: 二 (sharing 2 of the 3 required skills)" in got.reasons
