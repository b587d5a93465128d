"""Types and helpers shared by every domain module of the schema."""

from __future__ import annotations

from typing import TypeAlias

import strawberry

from model import places as model_places
from resolvers.context import Context

Info: TypeAlias = strawberry.Info[Context, None]


def ctx(info: Info) -> Context:
    return info.context


@strawberry.type(description="A WGS-84 position.")
class Location:
    lat: float
    lon: float

    @classmethod
    def from_value(cls, value: model_places.Location | None) -> Location | None:
        """From the graph's location (graph/ has converted the database's point already)."""
        return None if value is None else cls(lat=value.lat, lon=value.lon)


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
