"""Assessment (考核): the five dimensions of the daily assessment, which of them the work traces
speak for, their default weights (seed 001's party-building / business split), the two sides
that score a dispatched person (dual management, seed 004: 60 % township + 40 % department) and
the excellence quota (优秀 25 % = 12.5 % department + 12.5 % township, from a shortlist of the
top 40 %), with its rounding rule.

Pure vocabulary and arithmetic: every layer may import it; Cypher gets these values as
parameters, never as text.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

# The five dimensions (五个维度), in the order a report lists them.
DIMENSIONS: Mapping[str, str] = MappingProxyType(
    {
        "POLITICAL": "政治忠诚度",
        "DILIGENCE": "勤勉敬业度",
        "COMPETENCE": "岗位胜任度",
        "INITIATIVE": "担当争先度",
        "INTEGRITY": "廉洁自律度",
    }
)
# Where work traces speak, the score is computed from them (tasks, progress reports, ratings,
# emergency responses, skills against the posts held); the other two are recorded evaluations.
COMPUTED = ("DILIGENCE", "COMPETENCE", "INITIATIVE")
RECORDED = ("POLITICAL", "INTEGRITY")
# Seed 001: "将干部党建与业务工作业绩按比例纳入综合考核, 明确权重" — party building and business
# in a stated proportion. The seed names no numbers: 40 % party building, 60 % business.
GROUPS: Mapping[str, str] = MappingProxyType(
    {
        "POLITICAL": "PARTY_BUILDING",
        "INTEGRITY": "PARTY_BUILDING",
        "DILIGENCE": "BUSINESS",
        "COMPETENCE": "BUSINESS",
        "INITIATIVE": "BUSINESS",
    }
)
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {"POLITICAL": 0.25, "DILIGENCE": 0.2, "COMPETENCE": 0.2, "INITIATIVE": 0.2, "INTEGRITY": 0.15}
)
# What an evaluation records: one of the five dimensions, or the year-end democratic evaluation
# (民主测评), recorded the same way.
DEMOCRATIC = "DEMOCRATIC"
EVALUATION_KINDS = (*DIMENSIONS, DEMOCRATIC)
# Who scores (双重管理): the township a person is dispatched to, and their own department.
SIDES: Mapping[str, str] = MappingProxyType({"TOWNSHIP": "乡镇", "DEPARTMENT": "派出部门"})
DEFAULT_TOWNSHIP_SHARE = 0.6  # combined = 60 % township + 40 % department
MIN_SCORE, MAX_SCORE = 0.0, 100.0

# 优秀 quota: the shortlist is the top 40 % by combined score; the department picks 12.5 % of
# everyone scored from it first, then the township another 12.5 % from the rest of it.
SHORTLIST_SHARE = 0.4
DEPARTMENT_SHARE = 0.125
TOWNSHIP_SHARE_OF_EXCELLENCE = 0.125
QUOTA_RULE = (
    "名额按四舍五入取整（0.5 进 1），部门至少 1 名、短名单至少 1 名（有人参评时），"
    "两次推优合计不超过短名单人数 (shares of the people scored, rounded half up; at least one "
    "on the shortlist and one department pick when anyone is scored; both picks together never "
    "exceed the shortlist)"
)


def round_half_up(value: float) -> int:
    """Rounds .5 up (Python's round() rounds half to even: 2.5 → 2, which the quota must not)."""
    return math.floor(value + 0.5 + 1e-9)


def quotas(scored: int) -> tuple[int, int, int]:
    """(shortlist, department picks, township picks) for `scored` people, by QUOTA_RULE.

    A department of 3: shortlist 1 (1.2), department 1 (0.375, at least one), township 0.
    """
    if scored <= 0:
        return 0, 0, 0
    shortlist = max(1, round_half_up(scored * SHORTLIST_SHARE))
    department = min(shortlist, max(1, round_half_up(scored * DEPARTMENT_SHARE)))
    township = min(shortlist - department, round_half_up(scored * TOWNSHIP_SHARE_OF_EXCELLENCE))
    return shortlist, department, township


def format_weights(weights: Mapping[str, float]) -> str:
    """Weights as the settings write them: "POLITICAL=0.25,DILIGENCE=0.2,..."."""
    return ",".join(f"{key}={weight:g}" for key, weight in weights.items())


def parse_weights(text: str) -> dict[str, float]:
    """The inverse of `format_weights`: all five dimensions, each ≥ 0, summing to 1 (± 0.001).
    Raises ValueError otherwise."""
    found: dict[str, float] = {}
    for item in (part for part in text.split(",") if part.strip()):
        key, _, value = item.partition("=")
        key = key.strip()
        if key not in DIMENSIONS:
            raise ValueError(f"unknown assessment dimension {key!r}; expected {list(DIMENSIONS)}")
        weight = float(value)
        if weight < 0:
            raise ValueError(f"assessment weight {key} must not be negative, got {weight:g}")
        found[key] = weight
    missing = [key for key in DIMENSIONS if key not in found]
    if missing:
        raise ValueError(f"assessment weights miss {', '.join(missing)}")
    if abs(sum(found.values()) - 1.0) > 1e-3:
        raise ValueError(f"assessment weights must sum to 1, got {sum(found.values()):g}")
    return {key: found[key] for key in DIMENSIONS}


def weighted(scores: Mapping[str, float], weights: Mapping[str, float]) -> float | None:
    """The weighted mean of the dimensions that have a score (the weights of the missing ones
    are left out, not counted as 0), one decimal; None when none has a score or weight."""
    total = sum(weights[d] for d in scores)
    if not scores or total <= 0:
        return None
    return round(sum(scores[d] * weights[d] for d in scores) / total, 1)


def combined(township: float, department: float, township_share: float) -> float:
    """Dual management: township_share × township + the rest × department, one decimal."""
    return round(township_share * township + (1 - township_share) * department, 1)
