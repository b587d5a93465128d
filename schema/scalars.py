"""The Date and DateTime scalars as this API defines them: strawberry's, with the
specification each follows named by `@specifiedBy`, so that a client knows what to send.

* Date is a calendar day, `YYYY-MM-DD` (RFC 3339 full-date; the graphql-scalars "local-date").
  Input must be exactly that: Python's `date.fromisoformat` alone would also take `20260715` or
  `2026-W29-3`, which the specification does not allow.
* DateTime is an instant with an offset, RFC 3339 date-time. Every instant the API stores is in
  UTC; one without an offset is written as UTC rather than without one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping

from strawberry.schema.types.base_scalars import DateDefinition, DateTimeDefinition, wrap_parser
from strawberry.types.scalar import ScalarDefinition

__all__ = ["DATE_SPEC", "DATE_TIME_SPEC", "SCALAR_MAP"]

DATE_SPEC = "https://scalars.graphql.org/andimarek/local-date.html"
DATE_TIME_SPEC = "https://scalars.graphql.org/andimarek/date-time.html"
_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _parse_date(value: str) -> dt.date:
    if not _FULL_DATE.fullmatch(value):
        raise ValueError("expected YYYY-MM-DD")
    return dt.date.fromisoformat(value)


def _serialize_date_time(value: dt.datetime) -> str:
    return (value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)).isoformat()


DATE: ScalarDefinition = dataclasses.replace(
    DateDefinition,
    description="日期 YYYY-MM-DD (a calendar day, RFC 3339 full-date)",
    specified_by_url=DATE_SPEC,
    parse_value=wrap_parser(_parse_date, "Date"),
)
DATE_TIME: ScalarDefinition = dataclasses.replace(
    DateTimeDefinition,
    description="带时区的时刻 (an instant with its UTC offset, RFC 3339 date-time)",
    specified_by_url=DATE_TIME_SPEC,
    serialize=_serialize_date_time,
)
SCALAR_MAP: Mapping[object, ScalarDefinition] = {dt.date: DATE, dt.datetime: DATE_TIME}
