"""Keyset paging: opaque cursors that carry a row's sort key, and the page-size cap."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from resolvers.errors import BadInput

MAX_PAGE = 100


def encode_cursor(kind: str, key: Any) -> str:
    """An opaque keyset cursor: the sort key of a row, not an offset."""
    raw = json.dumps([kind, key], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str, field: str = "after") -> Any:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        got_kind, key = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (ValueError, binascii.Error, TypeError) as exc:
        raise BadInput(field, "not a cursor this API issued") from exc
    if got_kind != kind:
        raise BadInput(field, f"a cursor of another list ({got_kind}), not of {kind}")
    return key


def page_size(first: int, field: str = "first", cap: int = MAX_PAGE) -> int:
    if first < 0 or first > cap:
        raise BadInput(field, f"must be between 0 and {cap}, got {first}")
    return first
