"""The rules of dispatched county staff (县属乡用, seed 004) and of village liaison (包村联系,
seed 003): their names, their limits, the override shape, and the pure judgements that both the
mutations and the importer apply to facts read from the graph.

- STAY: a dispatched cadre stays at least STAY_MIN_YEARS years in the same township; ending a
  dispatch earlier needs an override with a reason.
- ADJUSTMENT: a department changes its dispatched staff of a township (its dispatches' starts,
  and the day after their ends) on at most ADJUSTMENTS_PER_YEAR date per calendar year; another
  date needs an override with a reason.
- LIAISON: one active LIAISON service per village; no override (end or replace the first).
- SPECIALTY: dispatched staff holding a township post, or assigned to a task, whose required
  skills they lack (专业人做专业事); flagged in the report only.
- MENTEES: a mentor's active mentees stay under the configured limit (an existing rule of the
  mutations that the importer now applies too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Rule(StrEnum):
    STAY = "STAY"
    ADJUSTMENT = "ADJUSTMENT"
    LIAISON = "LIAISON"
    SPECIALTY = "SPECIALTY"
    MENTEES = "MENTEES"


STAY_MIN_YEARS = 2
ADJUSTMENTS_PER_YEAR = 1
LIAISONS_PER_VILLAGE = 1
MAX_REASON_LENGTH = 500

# What each rule says, for a clerk, with the seed it comes from.
RULE_TEXT: dict[Rule, str] = {
    Rule.STAY: f"派驻干部在同一乡镇工作不少于{STAY_MIN_YEARS}年 (a dispatched cadre stays at "
    f"least {STAY_MIN_YEARS} years in the same township)",
    Rule.ADJUSTMENT: f"派驻机构人事一年调整不超过{ADJUSTMENTS_PER_YEAR}次 (a department adjusts "
    f"its dispatched staff of a township on at most {ADJUSTMENTS_PER_YEAR} date a year)",
    Rule.LIAISON: "一村一名包村联系干部 (one liaison cadre per village)",
    Rule.SPECIALTY: "专业人做专业事 (dispatched staff work within their specialty)",
    Rule.MENTEES: "师徒结对的徒弟人数有上限 (a mentor's active mentees are limited)",
}


@dataclass(frozen=True)
class Override:
    """An explicit, reasoned exception to the STAY or ADJUSTMENT rule, recorded on the dispatch."""

    reason: str

    def problem(self) -> str | None:
        """Why this override cannot be recorded, or None."""
        text = self.reason.strip()
        if not text:
            return "an override needs a reason"
        if len(text) > MAX_REASON_LENGTH:
            return f"an override's reason has at most {MAX_REASON_LENGTH} characters"
        return None


def add_years(day: dt.date, years: int) -> dt.date:
    """`day` shifted by whole years; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


def stay_allowed_from(since: dt.date) -> dt.date:
    """The first day a dispatch starting on `since` may end (its last day, inclusive) without
    breaking the STAY rule: from 2024-03-01, on 2026-02-28."""
    return add_years(since, STAY_MIN_YEARS) - dt.timedelta(days=1)


def stay_breach(since: dt.date, until: dt.date | None) -> dt.date | None:
    """The date the dispatch could have ended when ending it on `until` breaks STAY, else None."""
    allowed = stay_allowed_from(since)
    return allowed if until is not None and until < allowed else None


def adjustment_breach(used: Iterable[dt.date], day: dt.date) -> dt.date | None:
    """The adjustment date already used in `day`'s year when changing staff on `day` would make
    one date too many, else None. `used` are the dates of the department's starts and ends of
    dispatches to the township (other than the change being judged)."""
    dates = sorted({d for d in used if d.year == day.year and d != day})
    return dates[0] if len(dates) >= ADJUSTMENTS_PER_YEAR else None


def change_day_of_end(until: dt.date) -> dt.date:
    """The day a dispatch ending on `until` (its last day) changes the township's staff: the day
    after, when a successor dispatched on the department's one adjustment date takes over."""
    return until + dt.timedelta(days=1)


def next_adjustment_day(day: dt.date) -> dt.date:
    """The first day on which a department whose adjustment of `day`'s year is used may adjust
    again."""
    return dt.date(day.year + 1, 1, 1)


def liaison_breach(active_others: int) -> bool:
    """Whether one more active LIAISON service in a village with `active_others` breaks LIAISON."""
    return active_others >= LIAISONS_PER_VILLAGE


def adjustment_is_extra(dates: Iterable[dt.date], day: dt.date) -> bool:
    """Whether, of the adjustment dates of `day`'s year that already happened (`dates`, `day`
    among them), `day` is one beyond the first ADJUSTMENTS_PER_YEAR: how a row that already
    happened is judged (the importer, the report)."""
    same_year = sorted({d for d in dates if d.year == day.year} | {day})
    return day in same_year[ADJUSTMENTS_PER_YEAR:]


@dataclass(frozen=True)
class Breach:
    """A row that breaks a rule: where it is (a document path, or a description) and why."""

    rule: Rule
    path: str
    message: str
