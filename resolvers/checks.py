"""Argument checks and small values every domain's resolvers share: required text, skill
levels, quarters, and new ids — one wording for each rule, whichever mutation a clerk uses."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from resolvers.errors import BadInput

QUARTER = re.compile(r"\d{4}Q[1-4]")


def text(field: str, value: str, limit: int) -> str:
    """`value` without surrounding white space; refused when blank or longer than `limit`
    (worded as the importer words it)."""
    stripped = value.strip()
    if not stripped:
        raise BadInput(field, "must not be empty")
    if len(stripped) > limit:
        raise BadInput(field, f"must be at most {limit} characters, got {len(stripped)}")
    return stripped


def level(field: str, value: int) -> int:
    if not 1 <= value <= 5:
        raise BadInput(field, f"must be a level from 1 to 5, got {value}")
    return value


def check_quarter(field: str, value: str) -> str:
    if not QUARTER.fullmatch(value):
        raise BadInput(field, f"must be a quarter like 2025Q3, got '{value}'")
    return value


def quarter_of(day: dt.date) -> str:
    """The quarter a day (or instant) falls in, as "2025Q3"."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def new_id(prefix: str) -> str:
    """A fresh id for a node the API creates, e.g. TASK-3F2A…; callers may give their own."""
    return f"{prefix}-{uuid.uuid4().hex[:16].upper()}"
