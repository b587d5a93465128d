"""Skill levels: 1 (basic) to 5 (expert), on HAS_SKILL, REQUIRES and NEEDS alike."""

from __future__ import annotations

MIN_LEVEL = 1
MAX_LEVEL = 5
LEVELS = range(MIN_LEVEL, MAX_LEVEL + 1)
LEVEL_RANGE = f"from {MIN_LEVEL} to {MAX_LEVEL}"


def is_level(value: object) -> bool:
    """A whole number from MIN_LEVEL to MAX_LEVEL (a bool is not a level, though Python calls
    it an int)."""
    return isinstance(value, int) and not isinstance(value, bool) and value in LEVELS


def level_problem(value: object, *, shown: str | None = None) -> str | None:
    """What is wrong with `value` as a level, worded for a typed API argument; None when fine.
    `shown` is how to print the value (default: `str`)."""
    if is_level(value):
        return None
    return f"must be a level {LEVEL_RANGE}, got {value if shown is None else shown}"


def untyped_level_problem(value: object, *, shown: str | None = None) -> str | None:
    """Like `level_problem`, worded for input that may not be a number at all (an imported
    document's JSON, a bare integer argument)."""
    if is_level(value):
        return None
    return f"must be an integer {LEVEL_RANGE}, got {value if shown is None else shown}"


# A person is qualified in a skill (乡镇能力清单 counts them) at this level or above.
QUALIFIED_LEVEL = 3
