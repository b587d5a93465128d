"""Posts (岗位, seed 002): the responsibility statement's parts (岗位权责说明书), the post score
from workload and difficulty, and the township post caps by township type.

Pure vocabulary and arithmetic: every layer may import it; the Cypher queries get these values as
parameters, never as text.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# The statement's parts as stored on the Post node (and spelt in the import document):
# basic information (one text), service items, integrity risks and KPIs (lists of texts).
STATEMENT_TEXT = "basics"
STATEMENT_LISTS = ("serviceItems", "integrityRisks", "kpis")
STATEMENT_FIELDS = (STATEMENT_TEXT, *STATEMENT_LISTS)

# Workload (工作量) and difficulty (难度) are rated 1 (light, routine) to 5 (heavy, hard).
MIN_RATING = 1
MAX_RATING = 5
# Post score (岗位分值), 0..100: 20 × (0.6 × workload + 0.4 × difficulty). Workload weighs more
# because the pilots pay by the amount of work first; 5/5 gives 100, 1/1 gives 20.
WORKLOAD_WEIGHT = 0.6
DIFFICULTY_WEIGHT = 0.4
SCORE_SCALE = 100 / MAX_RATING


def post_score(workload: int | None, difficulty: int | None) -> float | None:
    """The post score, or None while either rating is missing."""
    if workload is None or difficulty is None:
        return None
    return round(SCORE_SCALE * (WORKLOAD_WEIGHT * workload + DIFFICULTY_WEIGHT * difficulty), 1)


# Township post caps (岗位数上限) by township kind, seed 002's 95 / 90 / 85: central towns
# (TOWN), urban subdistricts (SUBDISTRICT), mixed / rural townships (TOWNSHIP).
DEFAULT_POST_CAPS: Mapping[str, int] = MappingProxyType(
    {"TOWN": 95, "SUBDISTRICT": 90, "TOWNSHIP": 85}
)


def format_caps(caps: Mapping[str, int]) -> str:
    """Caps as the settings write them: "TOWN=95,SUBDISTRICT=90,TOWNSHIP=85"."""
    return ",".join(f"{kind}={cap}" for kind, cap in caps.items())


def parse_caps(text: str) -> dict[str, int]:
    """The inverse of `format_caps`; a kind left out has no cap. Raises ValueError for an unknown
    kind or a cap that is not a whole number of at least 0."""
    found: dict[str, int] = {}
    for item in (part for part in text.split(",") if part.strip()):
        kind, _, value = item.partition("=")
        kind = kind.strip()
        if kind not in DEFAULT_POST_CAPS:
            raise ValueError(f"unknown township kind {kind!r}; expected one of "
                             f"{list(DEFAULT_POST_CAPS)}")  # fmt: skip
        cap = int(value)
        if cap < 0:
            raise ValueError(f"post cap of {kind} must be at least 0, got {cap}")
        found[kind] = cap
    return found
