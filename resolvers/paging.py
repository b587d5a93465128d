"""Keyset paging: opaque cursors that carry a row's sort key, the page-size cap, the direction
of a page (Relay's first/after forwards, last/before backwards), and the one envelope (`Page`)
every paged list returns."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from model.messages import t
from resolvers.errors import BadInput

MAX_PAGE = 100
R = TypeVar("R")


def encode_cursor(kind: str, key: Any) -> str:
    """An opaque keyset cursor: the sort key of a row, not an offset."""
    raw = json.dumps([kind, key], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str, field: str = "after") -> Any:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        got_kind, key = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (ValueError, binascii.Error, TypeError) as exc:
        raise BadInput(field, t("not a cursor this API issued")) from exc
    if got_kind != kind:
        raise BadInput(
            field,
            t("a cursor of another list ({got_kind}), not of {kind}", got_kind=got_kind, kind=kind),
        )
    return key


def page_size(first: int, field: str = "first", cap: int = MAX_PAGE) -> int:
    if first < 0 or first > cap:
        raise BadInput(field, t("must be between 0 and {cap}, got {first}", cap=cap, first=first))
    return first


@dataclass(frozen=True)
class Page(Generic[R]):
    """One page of a keyset-paged list: its rows, the cursor after each, and the total."""

    total: int  # 0 when not asked for: a list may count only when totalCount is selected
    rows: list[R]
    cursors: list[str]
    has_next: bool
    has_previous: bool


def keyset_page(
    fetched: list[R], size: int, *, total: int, cursor: Callable[[R], str], has_previous: bool
) -> Page[R]:
    """The page from `fetched`, the up to `size + 1` rows a query returned: the extra row only
    says that there is a next page."""
    rows = fetched[:size]
    return Page(
        total=total,
        rows=rows,
        cursors=[cursor(r) for r in rows],
        has_next=len(fetched) > size,
        has_previous=has_previous,
    )


@dataclass(frozen=True)
class Window:
    """How many rows a page takes, and from which end: forwards the first `size` after the
    `after` cursor, backwards the last `size` before the `before` cursor."""

    size: int
    backward: bool


def window(first: int | None, last: int | None, *, default: int) -> Window:
    """The page asked for by Relay's `first` and `last` (None when not given): `default` rows
    forwards when neither is given; both together are refused."""
    if first is not None and last is not None:
        raise BadInput("last", t("give first or last, not both"))
    if last is not None:
        return Window(page_size(last, "last"), backward=True)
    return Window(page_size(default if first is None else first), backward=False)


def two_way_page(
    fetched: list[R],
    win: Window,
    *,
    total: int,
    cursor: Callable[[R], str],
    after: object | None,
    before: object | None,
) -> Page[R]:
    """The page from `fetched`, the up to `size + 1` rows a query returned in the list's order:
    forwards the extra row is the last one and says there is a next page; backwards it is the
    first one and says there is a previous page. The far side of a page is known from its
    cursor: there is a previous page after `after`, a next one before `before`."""
    if not win.backward:
        page = keyset_page(
            fetched, win.size, total=total, cursor=cursor, has_previous=after is not None
        )
        # Forwards up to a `before` cursor, the row of that cursor follows the page.
        return replace(page, has_next=True) if before is not None else page
    extra = len(fetched) > win.size
    rows = fetched[1:] if extra else fetched
    return Page(
        total=total,
        rows=rows,
        cursors=[cursor(r) for r in rows],
        has_next=before is not None,
        has_previous=extra,
    )
