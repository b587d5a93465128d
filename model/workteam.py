"""Village work teams (驻村工作队, seed 003): ranks (职级), the levels of sending units, the
structure targets and their defaults, the four parties of the half-year review.

Pure vocabulary and arithmetic: every layer may import it; the Cypher queries get these values as
parameters, never as text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

# 职级, lowest first. 科级 covers 副科级 and 正科级, so "section level or above" (科级及以上)
# starts at DEPUTY_SECTION.
RANKS: Mapping[str, str] = MappingProxyType(
    {
        "BELOW_SECTION": "科级以下",
        "DEPUTY_SECTION": "副科级",
        "SECTION": "正科级",
        "DEPUTY_DIVISION": "副处级",
        "DIVISION_AND_ABOVE": "正处级及以上",
    }
)
SECTION_OR_ABOVE = ("DEPUTY_SECTION", "SECTION", "DEPUTY_DIVISION", "DIVISION_AND_ABOVE")

# The level of a sending unit (派出单位). PROVINCE and CITY departments belong to no county in
# the graph: the level is stored on them. A department IN a county is COUNTY, one IN a township
# TOWNSHIP; a village committee has no sending level.
SENDING_LEVELS: Mapping[str, str] = MappingProxyType(
    {"PROVINCE": "省级", "CITY": "市级", "COUNTY": "县级", "TOWNSHIP": "乡镇级"}
)
# The levels a department stores because no parent place implies them.
STORED_LEVELS = ("PROVINCE", "CITY")
HIGHER_LEVELS = ("PROVINCE", "CITY")  # 省市级单位

# The residential roles of a work team: 第一书记 and 驻村工作队员 (SERVED_IN.role).
WORK_TEAM_ROLES = ("FIRST_SECRETARY", "WORK_TEAM")

# The structure targets (优化派驻结构), in the order a report lists them.
PROVINCIAL_OR_MUNICIPAL_SENDERS = "PROVINCIAL_OR_MUNICIPAL_SENDERS"
FIRST_SECRETARIES_SECTION_OR_ABOVE = "FIRST_SECRETARIES_SECTION_OR_ABOVE"
AGED_25_TO_45 = "AGED_25_TO_45"
UNDER_35 = "UNDER_35"
TARGET_LABELS: Mapping[str, str] = MappingProxyType(
    {
        PROVINCIAL_OR_MUNICIPAL_SENDERS: "省市级单位派驻比例",
        FIRST_SECRETARIES_SECTION_OR_ABOVE: "科级及以上干部任第一书记比例",
        AGED_25_TO_45: "25-45岁干部比例",
        UNDER_35: "35岁以下青年干部比例",
    }
)
# Seed 003: ≥ 50 % from provincial or municipal units, ≥ 40 % of first secretaries at section
# level or above, ≥ 50 % under 35. "主体年龄区间 25-45 岁" names no share, so AGED_25_TO_45 has
# no target unless a place configures one.
DEFAULT_TARGETS: Mapping[str, float] = MappingProxyType(
    {PROVINCIAL_OR_MUNICIPAL_SENDERS: 0.5, FIRST_SECRETARIES_SECTION_OR_ABOVE: 0.4, UNDER_35: 0.5}
)
AGE_RANGE = (25, 45)  # inclusive
YOUNG_BELOW = 35

# 四方评价: the parties of the half-year review (每半年履职评估), in the order they are listed.
REVIEW_PARTIES: Mapping[str, str] = MappingProxyType(
    {
        "organisationDept": "县级组织部门",
        "townshipCommittee": "乡镇党委",
        "villagersReps": "群众代表",
        "thirdParty": "第三方评估",
    }
)
MIN_SCORE, MAX_SCORE = 0.0, 100.0
HALF_YEAR = re.compile(r"([0-9]{4})H([12])")


def format_targets(targets: Mapping[str, float]) -> str:
    """Targets as the settings write them: "PROVINCIAL_OR_MUNICIPAL_SENDERS=0.5,..."."""
    return ",".join(f"{key}={share:g}" for key, share in targets.items())


def parse_targets(text: str) -> dict[str, float]:
    """The inverse of `format_targets`; an empty text is no target at all. Raises ValueError
    for an unknown key or a share outside 0..1."""
    found: dict[str, float] = {}
    for item in (part for part in text.split(",") if part.strip()):
        key, _, value = item.partition("=")
        key = key.strip()
        if key not in TARGET_LABELS:
            raise ValueError(
                f"unknown work-team target {key!r}; expected one of {list(TARGET_LABELS)}"
            )
        share = float(value)
        if not 0.0 <= share <= 1.0:
            raise ValueError(f"work-team target {key} must be a share between 0 and 1, got {share}")
        found[key] = share
    return found


def is_half_year(value: str) -> bool:
    """A review period: "2026H1" (January–June) or "2026H2"."""
    return HALF_YEAR.fullmatch(value) is not None


def overall_score(scores: Mapping[str, float]) -> float:
    """The overall result of a review: the plain mean of the four parties' scores (the seed
    gives the parties no weights), to one decimal."""
    return round(sum(scores[p] for p in REVIEW_PARTIES) / len(REVIEW_PARTIES), 1)
