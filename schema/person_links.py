"""What a person holds over time, shown on Person: services in villages (SERVED_IN), posts
(HOLDS) and dispatches to townships (DISPATCHED_TO)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import strawberry

from schema.enums import ServiceRole
from schema.place import Township, Village
from schema.post import Post


@strawberry.type(description="A service of a person in a village (SERVED_IN).")
class Service:
    village: Village
    role: ServiceRole
    since: dt.date
    until: dt.date | None = strawberry.field(description="Inclusive; null while ongoing.")

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Service:
        return cls(
            village=Village.from_row(row["village"]),
            role=ServiceRole(row["role"]),
            since=row["since"],
            until=row.get("until"),
        )


@strawberry.type(description="A person's tenure of a post (HOLDS).")
class PostHolding:
    post: Post
    since: dt.date
    until: dt.date | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> PostHolding:
        return cls(post=Post.from_row(row["post"]), since=row["since"], until=row.get("until"))


@strawberry.type(description="A county staff member's dispatch to a township (县属乡用).")
class Dispatch:
    township: Township
    since: dt.date
    until: dt.date | None
    start_override: str | None = strawberry.field(
        default=None, description="The reason recorded when its start overrode a rule."
    )
    end_override: str | None = strawberry.field(
        default=None, description="The reason recorded when its end overrode a rule."
    )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Dispatch:
        return cls(
            township=Township.from_row(row["township"]),
            since=row["since"],
            until=row.get("until"),
            start_override=row.get("startOverride"),
            end_override=row.get("endOverride"),
        )
