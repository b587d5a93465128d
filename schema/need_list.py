"""The needs list (村级需求清单): the Need type, its enums and input, and `village_needs` for the
Village.needs field."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import strawberry

from resolvers import need as need_resolvers
from schema.common import Info, Node
from schema.need_order import NeedOrder
from schema.place import Village
from schema.skill import PersonSkill


@strawberry.enum(description="How urgent a village's need is.")
class NeedUrgency(Enum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"


@strawberry.enum(description="Where a need stands in the three linked lists (三单联动).")
class NeedStatus(Enum):
    OPEN = strawberry.enum_value("OPEN", description="Raised, no task yet.")
    MATCHED = strawberry.enum_value("MATCHED", description="A collaboration task addresses it.")
    CLOSED = strawberry.enum_value("CLOSED", description="Settled.")


@strawberry.input(description="A skill a need requires, at a level from 1 (basic) to 5 (expert).")
class NeedSkillInput:
    skill_id: strawberry.ID
    level: int


@strawberry.type(
    description="A village's need for people with some skills in a quarter (村级需求清单)."
)
class Need(Node):
    id: strawberry.ID
    title: str
    quarter: str = strawberry.field(description='The quarter it is for, like "2025Q3".')
    urgency: NeedUrgency
    status: NeedStatus
    created_at: dt.datetime | None = strawberry.field(description="When it was raised (UTC).")
    created_by: str | None = strawberry.field(
        description="Who raised it (the `sub` of their token)."
    )
    # Filled when the query that found the need also read its village and skills, so that the
    # fields below cost no further round trip; otherwise they go through the DataLoaders.
    prefetched_village: strawberry.Private[dict[str, Any] | None] = None
    prefetched_skills: strawberry.Private[list[dict[str, Any]] | None] = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Need:
        return cls(
            id=strawberry.ID(row["id"]),
            title=row["title"],
            quarter=row["quarter"],
            urgency=NeedUrgency(row["urgency"]),
            status=NeedStatus(row["status"]),
            created_at=row.get("createdAt"),
            created_by=row.get("createdBy"),
            prefetched_village=row.get("village"),
            prefetched_skills=row.get("skills"),
        )

    @strawberry.field(description="The village that raised the need.")
    async def village(self, info: Info) -> Village:
        row = self.prefetched_village
        if row is None:
            row = await need_resolvers.need_village(info.context, self.id)
        if row is None:  # every need is RAISED by a village; anything else is a broken graph
            raise LookupError(f"need {self.id} has no village")
        return Village.from_row(row)

    @strawberry.field(description="The skills required, with levels; highest level first.")
    async def skills(self, info: Info) -> list[PersonSkill]:
        rows = self.prefetched_skills
        if rows is None:
            rows = await need_resolvers.need_skills(info.context, self.id)
        return [PersonSkill.from_row(r) for r in rows]


async def village_needs(
    info: Info,
    village_id: str,
    quarter: str | None,
    status: NeedStatus | None,
    order: NeedOrder = NeedOrder.URGENCY,
    from_day: dt.date | None = None,
    to_day: dt.date | None = None,
) -> list[Need]:
    """For Village.needs(quarter, status, orderBy, from, to): batched over the villages of one
    depth level."""
    rows = await need_resolvers.village_needs(
        info.context,
        village_id,
        quarter,
        status.name if status else None,
        order=order.name,
        from_day=from_day,
        to_day=to_day,
    )
    return [Need.from_row(r) for r in rows]
