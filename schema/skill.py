"""Skills (技能) and their hierarchy (BROADER), e.g. 农业技术 › 作物栽培 › 水稻栽培."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import strawberry

from resolvers import loaders
from resolvers import skill as skill_resolvers
from schema.common import Info, Node
from schema.related import related_list, related_one


@strawberry.type(description="A professional or governance skill, in a hierarchy without cycles.")
class Skill(Node):
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

    broader: Skill | None = related_one(
        loaders.SKILL_BROADER,
        lambda row: Skill.from_row(row),
        description="The skill one level up (水稻栽培 → 作物栽培), if any.",
    )
    narrower: list[Skill] = related_list(
        loaders.SKILL_NARROWER,
        lambda row: Skill.from_row(row),
        description="Skills one level down.",
    )


@strawberry.type(description="A skill at a level from 1 (basic) to 5 (expert).")
class PersonSkill:
    skill: Skill
    level: int

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> PersonSkill:
        return cls(skill=Skill.from_row(row["skill"]), level=row["level"])


@strawberry.type
class SkillQuery:
    @strawberry.field(description="A skill by id, or null.")
    async def skill(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="技能编号 (skill id)")],
    ) -> Skill | None:
        row = await info.context.loaders.load(loaders.SKILL, str(id))
        return Skill.from_row(row) if row else None

    @strawberry.field(description="Skills by id, or full-text matches (names and aliases, CJK).")
    async def skills(
        self,
        info: Info,
        search: Annotated[
            str | None,
            strawberry.argument(
                description="按名称和别名全文检索 (full-text search over names and aliases)"
            ),
        ] = None,
        first: Annotated[
            int,
            strawberry.argument(
                description="最多返回条数，1 至 500 (at most this many skills, 1 to 500)"
            ),
        ] = 100,
    ) -> list[Skill]:
        return [
            Skill.from_row(r) for r in await skill_resolvers.skills(info.context, search, first)
        ]


QUERIES: tuple[type, ...] = (SkillQuery,)
MUTATIONS: tuple[type, ...] = ()
