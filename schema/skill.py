"""Skills (技能) and their hierarchy (BROADER), e.g. 农业技术 › 作物栽培 › 水稻栽培."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry

from schema.common import Info


@strawberry.type(description="A professional or governance skill, in a hierarchy without cycles.")
class Skill:
    id: strawberry.ID
    name: str
    category: str | None
    aliases: list[str]

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Skill:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row["name"],
            category=row.get("category"),
            aliases=list(row.get("aliases") or []),
        )

    @strawberry.field(description="The skill one level up (水稻栽培 → 作物栽培), if any.")
    async def broader(self, info: Info) -> Skill | None:
        row = await info.context.loaders.skill_broader.load(self.id)
        return Skill.from_row(row) if row else None

    @strawberry.field(description="Skills one level down.")
    async def narrower(self, info: Info) -> list[Skill]:
        rows = await info.context.loaders.skill_narrower.load(self.id)
        return [Skill.from_row(r) for r in rows]


@strawberry.type(description="A skill at a level from 1 (basic) to 5 (expert).")
class PersonSkill:
    skill: Skill
    level: int

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> PersonSkill:
        return cls(skill=Skill.from_row(row["skill"]), level=row["level"])
