"""Rotation (轮岗交流, seed 001: "推进轮岗交流，让干部在多岗位锻炼"): the term after which a
post's holder is due to rotate, and how long a holding has lasted.

Pure vocabulary and arithmetic: every layer may import it; Cypher gets these values as
parameters, never as text.
"""

from __future__ import annotations

import datetime as dt

# The seed names no number; five years in one post is the common term for rotating cadres of
# key posts. Configurable (TOWNGRAPH_ROTATION_TERM_YEARS).
DEFAULT_TERM_YEARS = 5
MIN_TERM_YEARS, MAX_TERM_YEARS = 1, 30
DAYS_PER_YEAR = 365.25


def years_between(since: dt.date, on: dt.date) -> float:
    """Whole days from `since` to `on` in years, one decimal (0 when `on` is before `since`)."""
    return round(max(0, (on - since).days) / DAYS_PER_YEAR, 1)


def is_due(since: dt.date, on: dt.date, term_years: int) -> bool:
    """Due to rotate: `term_years` full years in the post on `on` (the anniversary counts)."""
    try:
        anniversary = since.replace(year=since.year + term_years)
    except ValueError:  # 29 February: the term ends on 1 March
        anniversary = dt.date(since.year + term_years, 3, 1)
    return on >= anniversary
