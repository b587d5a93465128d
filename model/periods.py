"""Time in the domain: quarters of the task list, and periods (since .. until) that are active on
a day. Every dated relationship (services, dispatches, trainings, mentorships, memberships,
assignments) reads "active" the same way: since ≤ day and (until is open or until ≥ day); the
Cypher queries spell the same predicate over their relationships."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

QUARTER = re.compile(r"[0-9]{4}Q[1-4]")


def quarter_of(day: dt.date) -> str:
    """The quarter a day (or instant) falls in, as "2025Q3"."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def is_quarter(value: str) -> bool:
    return QUARTER.fullmatch(value) is not None


def quarters_between(earlier: str, later: str) -> int:
    """How many quarters `later` is after `earlier` (both like "2025Q3"); 0 for the same one."""
    return (int(later[:4]) * 4 + int(later[5])) - (int(earlier[:4]) * 4 + int(earlier[5]))


def quarter_end(quarter: str) -> dt.date:
    """The last day of a quarter like "2025Q3" (2025-09-30)."""
    year, q = int(quarter[:4]), int(quarter[5])
    if q == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * q + 1, 1) - dt.timedelta(days=1)


def is_active(since: dt.date, until: dt.date | None, day: dt.date) -> bool:
    """Whether the period from `since` to `until` (both inclusive; `until` None while ongoing)
    covers `day`."""
    return since <= day and (until is None or until >= day)


@dataclass(frozen=True)
class Period:
    """A span from `since` to `until`, both inclusive; `until` None while ongoing."""

    since: dt.date
    until: dt.date | None = None

    def is_active(self, day: dt.date) -> bool:
        return is_active(self.since, self.until, day)
