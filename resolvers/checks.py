"""Argument checks and small values every domain's resolvers share: required text, skill
levels, quarters, and new ids — one wording for each rule, whichever mutation a clerk uses."""

from __future__ import annotations

import uuid

from model.periods import is_quarter, quarter_of
from model.skills import level_problem
from resolvers.errors import BadInput

__all__ = ["check_quarter", "level", "new_id", "quarter_of", "text"]


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
    problem = level_problem(value)
    if problem is not None:
        raise BadInput(field, problem)
    return value


def check_quarter(field: str, value: str) -> str:
    if not is_quarter(value):
        raise BadInput(field, f"must be a quarter like 2025Q3, got '{value}'")
    return value


def new_id(prefix: str) -> str:
    """A fresh id for a node the API creates, e.g. TASK-3F2A…; callers may give their own."""
    return f"{prefix}-{uuid.uuid4().hex[:16].upper()}"
