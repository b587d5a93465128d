"""Argument checks and small values every domain's resolvers share: required text, skill
levels, quarters, and new ids — one wording for each rule, whichever mutation a clerk uses."""

from __future__ import annotations

import uuid

from model.messages import Message, t
from model.periods import is_quarter, quarter_of
from model.skills import MAX_LEVEL, MIN_LEVEL, level_problem, untyped_level_problem
from resolvers.errors import BadInput

__all__ = ["check_quarter", "level", "new_id", "quarter_of", "text"]


def text(field: str, value: str, limit: int) -> str:
    """`value` without surrounding white space; refused when blank or longer than `limit`
    (worded as the importer words it)."""
    stripped = value.strip()
    if not stripped:
        raise BadInput(field, t("must not be empty"))
    if len(stripped) > limit:
        raise BadInput(
            field,
            t("must be at most {limit} characters, got {count}", limit=limit, count=len(stripped)),
        )
    return stripped


def level(field: str, value: int) -> int:
    if level_problem(value) is not None:
        raise BadInput(
            field,
            t("must be a level from {low} to {high}, got {value}",
              low=MIN_LEVEL, high=MAX_LEVEL, value=value),
        )  # fmt: skip
    return value


def untyped_level(field: str, value: int) -> int:
    """A level given as a bare integer, worded as the importer words it."""
    if untyped_level_problem(value) is not None:
        raise BadInput(
            field,
            t("must be an integer from {low} to {high}, got {value}",
              low=MIN_LEVEL, high=MAX_LEVEL, value=value),
        )  # fmt: skip
    return value


def unknown_skills(ids: list[str]) -> Message:
    """ "unknown skill 'a'" or "unknown skills 'a', 'b'"."""
    listed = ", ".join(f"'{i}'" for i in ids)
    if len(ids) == 1:
        return t("unknown skill {listed}", listed=listed)
    return t("unknown skills {listed}", listed=listed)


def check_quarter(field: str, value: str) -> str:
    if not is_quarter(value):
        raise BadInput(field, t("must be a quarter like 2025Q3, got '{value}'", value=value))
    return value


def new_id(prefix: str) -> str:
    """A fresh id for a node the API creates, e.g. TASK-3F2A…; callers may give their own."""
    return f"{prefix}-{uuid.uuid4().hex[:16].upper()}"
