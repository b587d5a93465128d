"""The order and date range of the needs list (`Village.needs`), in a module of their own so
that schema/place.py, which schema/need_list.py imports, can name them without a cycle."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import strawberry


@strawberry.enum(description="How a village's needs are ordered; every order ends with id.")
class NeedOrder(Enum):
    URGENCY = strawberry.enum_value(
        "URGENCY",
        description="最紧急在前 (HIGH, MEDIUM, LOW), 再按季度从近到远 (then latest quarter): the "
        "default",
    )
    DATE = strawberry.enum_value(
        "DATE", description="最新提出在前 (newest first by createdAt; unknown dates last)"
    )


NeedOrderArgument = Annotated[
    NeedOrder,
    strawberry.argument(description="排序方式，默认最紧急在前 (the order; default URGENCY)"),
]
NeedFrom = Annotated[
    dt.date | None,
    strawberry.argument(
        name="from",
        description="提出日期不早于 (raised on this day or later; the day of createdAt in UTC)",
    ),
]
NeedTo = Annotated[
    dt.date | None,
    strawberry.argument(
        description="提出日期不晚于 (raised on this day or earlier; the day of createdAt in UTC)"
    ),
]
