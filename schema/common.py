"""Types and helpers shared by every domain module of the schema."""

from __future__ import annotations

from typing import Any, TypeAlias

import strawberry

from resolvers.context import Context

Info: TypeAlias = strawberry.Info[Context, None]


def ctx(info: Info) -> Context:
    return info.context


@strawberry.type(description="A WGS-84 position.")
class Location:
    lat: float
    lon: float

    @classmethod
    def from_value(cls, value: Any) -> Location | None:
        """From the driver's spatial point (x = longitude, y = latitude) or a {lat, lon} map."""
        if value is None:
            return None
        if isinstance(value, dict):
            return cls(lat=float(value["lat"]), lon=float(value["lon"]))
        return cls(lat=float(value.y), lon=float(value.x))


@strawberry.type(description="Relay page information.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None

    @classmethod
    def of(cls, cursors: list[str], *, has_next: bool, has_previous: bool) -> PageInfo:
        return cls(
            has_next_page=has_next,
            has_previous_page=has_previous,
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        )
