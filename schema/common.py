"""Types and helpers shared by every domain module of the schema."""

from __future__ import annotations

from typing import Annotated, Any, TypeAlias

import strawberry

from model import places as model_places
from resolvers.context import Context
from resolvers.paging import Page

Info: TypeAlias = strawberry.Info[Context, None]
# The keyset cursor argument of every connection (resolvers/paging.py).
After = Annotated[
    str | None,
    strawberry.argument(
        description="上一页最后一条的游标 (cursor of the previous page's last edge)"
    ),
]


def ids(values: list[strawberry.ID] | None) -> list[str] | None:
    """GraphQL ids as the plain strings the resolvers take."""
    return None if values is None else [str(v) for v in values]


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
    def of(cls, page: Page[Any]) -> PageInfo:
        return cls(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        )


@strawberry.interface(
    description="Anything with an id that `node(id)` finds again: the front ends' caches key by "
    "__typename and id. Ids are unique within a kind (a task and a team may share one)."
)
class Node:
    id: strawberry.ID


# Optional place arguments shared by the reports of "exactly one place" (aggregates, …).
OptionalCountyId = Annotated[
    strawberry.ID | None, strawberry.argument(description="县编号 (county id)")
]
OptionalTownshipId = Annotated[
    strawberry.ID | None, strawberry.argument(description="乡镇编号 (township id)")
]
OptionalVillageId = Annotated[
    strawberry.ID | None, strawberry.argument(description="村庄编号 (village id)")
]
OptionalDepartmentId = Annotated[
    strawberry.ID | None, strawberry.argument(description="单位编号 (department id)")
]


def optional_id(value: strawberry.ID | None) -> str | None:
    """An optional GraphQL id as the plain string (or None) the resolvers take."""
    return None if value is None else str(value)
