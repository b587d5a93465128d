"""The skill list for the root query."""

from __future__ import annotations

from graph import skill
from graph.rows import SkillNode
from model.messages import t
from resolvers.context import Context
from resolvers.errors import BadInput

MAX_SKILLS = 500


async def skills(ctx: Context, search: str | None, first: int) -> list[SkillNode]:
    if not 1 <= first <= MAX_SKILLS:
        raise BadInput(
            "first",
            t(
                "must be between 1 and {MAX_SKILLS}, got {first}",
                MAX_SKILLS=MAX_SKILLS,
                first=first,
            ),
        )
    return await skill.skills(ctx.graph, search, first)
