"""What the connections (`people`, `tasks`) share beyond schema/common.py: the backward paging
arguments (Relay's `last`/`before`), and what a request selected or gave, so that a list counts
only when `totalCount` is selected and a `last` is not mixed with the default of `first`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

import strawberry
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from schema.common import Info

Before = Annotated[
    str | None,
    strawberry.argument(
        description="下一页第一条的游标，与 last 同用 (cursor of the next page's first edge; "
        "with last)"
    ),
]
Last = Annotated[
    int | None,
    strawberry.argument(
        description="向前翻页：取 before 之前的最后若干条，最多 100，不可与 first 同用 (backwards: "
        "the last this many before `before`, in the list's order; at most 100; not with first)"
    ),
]


def _selects(selections: Iterable[Selection], name: str) -> bool:
    for s in selections:
        if isinstance(s, SelectedField) and s.name == name:
            return True
        if isinstance(s, FragmentSpread | InlineFragment) and _selects(s.selections, name):
            return True
    return False


def selects(info: Info, name: str) -> bool:
    """Whether the field being resolved selects its child `name` (fragments included)."""
    return any(_selects(f.selections, name) for f in info.selected_fields)


def given(info: Info, argument: str) -> bool:
    """Whether the request gave `argument` a value (not its default) on the field resolved."""
    return any(
        isinstance(f, SelectedField) and f.arguments.get(argument) is not None
        for f in info.selected_fields
    )


def page_arguments(info: Info, first: int, last: int | None) -> tuple[int | None, int | None]:
    """`first` and `last` as the request gave them: None when not given; a `last` alone is not
    combined with the default of `first`."""
    return (first if last is None or given(info, "first") else None), last
