"""The needs list (村级需求清单): raiseNeed and createTaskFromNeed checked and written in one
transaction each, and the per-request DataLoaders behind `need(id)`, Need.village, Need.skills and
Village.needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph import need as graph_need
from graph import task as task_graph
from graph.db import Record, Tx
from model import labels
from model.messages import Code, t
from resolvers import access, checks
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.loaders import Batch

MAX_TITLE = 200
MAX_ID = 100


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- DataLoaders ---------------------------------------------------------------------------------


NEED = Batch("need", graph_need.needs_by_id)
NEED_VILLAGE = Batch("need_village", graph_need.need_villages)
NEED_SKILLS = Batch("need_skills", graph_need.need_skills)
VILLAGE_NEEDS = Batch("village_needs", graph_need.village_needs)


async def need(ctx: Context, need_id: str) -> Record | None:
    return await ctx.loaders.load(NEED, need_id)


async def need_village(ctx: Context, need_id: str) -> Record | None:
    return await ctx.loaders.load(NEED_VILLAGE, need_id)


async def need_skills(ctx: Context, need_id: str) -> list[Record]:
    return await ctx.loaders.load(NEED_SKILLS, need_id)


async def village_needs(
    ctx: Context,
    village_id: str,
    quarter: str | None,
    status: str | None,
    *,
    order: str = "URGENCY",
    from_day: dt.date | None = None,
    to_day: dt.date | None = None,
) -> list[Record]:
    """Village.needs(quarter, status, orderBy, from, to): one DataLoader (so one query per depth
    level) per set of arguments used in the request. `quarter` and the date range are checked
    here, `status` and `order` are enum values."""
    if quarter is not None:
        checks.check_quarter("quarter", quarter)
    if from_day is not None and to_day is not None and from_day > to_day:
        raise BadInput(
            "from",
            t("{start} is after to {end}", start=from_day.isoformat(), end=to_day.isoformat()),
        )
    return await ctx.loaders.load(
        VILLAGE_NEEDS, village_id, quarter, status, order, from_day, to_day
    )


# --- raiseNeed -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkillLevel:
    skill_id: str
    level: int


def _need_id(given: str | None) -> str:
    if given is None:
        return checks.new_id("NEED")
    return checks.text("id", given, MAX_ID)


async def raise_need(
    ctx: Context,
    *,
    village_id: str,
    title: str,
    quarter: str,
    urgency: str,
    skills: list[SkillLevel],
    need_id: str | None,
) -> Record:
    """Validates, then checks and writes in one transaction; returns the new need (with its
    village and skills)."""
    new = graph_need.NewNeed(
        id=_need_id(need_id),
        village_id=village_id,
        title=checks.text("title", title, MAX_TITLE),
        quarter=checks.check_quarter("quarter", quarter),
        urgency=urgency,
        skills=_skill_levels(skills),
    )
    actor, at = ctx.actor, _now()

    async def work(tx: Tx) -> Record:
        await access.require(tx, ctx, villages=[("villageId", village_id)])
        found = await graph_need.raise_check(tx, new)
        if not found.village_found:
            raise NotFound("villageId", "village", village_id)
        if found.unknown_skills:
            first = found.unknown_skills[0]
            index = next(i for i, s in enumerate(skills) if s.skill_id == first)
            raise NotFound(f"skills[{index}].skillId", "skill", first)
        if found.id_taken:
            raise BadInput("id", t("a need with id '{id}' already exists", id=new.id))
        return await graph_need.raise_create(tx, new, actor=actor, at=at)

    return await ctx.graph.transaction(work)


def _skill_levels(skills: list[SkillLevel]) -> list[tuple[str, int]]:
    if not skills:
        raise BadInput("skills", t("name at least one skill the village needs"))
    seen: dict[str, int] = {}
    for i, s in enumerate(skills):
        checks.level(f"skills[{i}].level", s.level)
        if s.skill_id in seen:
            raise BadInput(
                f"skills[{i}].skillId",
                t(
                    "skill '{skill_id}' is already listed at skills[{index}]",
                    skill_id=s.skill_id,
                    index=seen[s.skill_id],
                ),
            )
        seen[s.skill_id] = i
    return [(s.skill_id, s.level) for s in skills]


# --- createTaskFromNeed --------------------------------------------------------------------------


def default_domain(skills: list[Record]) -> str | None:
    """The category of the need's highest-level skill (ties: skill id), else its name."""
    if not skills:
        return None
    top = skills[0]
    category: str | None = top.get("category")
    name: str = top["name"]
    return category or name


async def create_task_from_need(
    ctx: Context,
    *,
    need_id: str,
    title: str | None,
    domain: str | None,
    initiated_by: str,
    note: str | None,
) -> Record:
    """Turns an OPEN need into an INITIATED task and marks the need MATCHED, in one transaction;
    returns {taskId, task (its properties), need}."""
    given_title = None if title is None else checks.text("title", title, MAX_TITLE)
    given_domain = None if domain is None else checks.text("domain", domain, MAX_TITLE)
    given_note = None if note is None else note.strip() or None
    task_id = checks.new_id("TASK")
    event_id = checks.new_id("EV")
    actor, at = ctx.actor, _now()

    async def work(tx: Tx) -> Record:
        await access.require(tx, ctx, needs=[("needId", need_id)])
        source = await graph_need.task_check(tx, need_id)
        if source is None:
            raise NotFound("needId", "need", need_id)
        if source.status != "OPEN":
            raise BadInput(
                "needId",
                t(
                    "need '{need_id}' is {status}; only an OPEN need can become a task",
                    need_id=need_id,
                    status=Code(labels.NEED_STATUS, source.status),
                ),
            )
        # The one task writer, as initiateTask uses it: the need's quarter, village and skills.
        task = task_graph.NewTask(
            id=task_id,
            title=given_title or source.title,
            domain=given_domain or default_domain(source.skills) or source.title,
            kind="ROUTINE",
            severity=None,
            quarter=source.quarter,
            initiated_by=initiated_by,
            village_id=source.village_id,
            township_id=None,
            requires=[(s["id"], s["level"]) for s in source.skills],
            created_at=at,
            created_by=actor,
            created_by_name=ctx.actor_name,
            staffing_deadline=None,
            event_id=event_id,
            note=given_note or f"from need '{need_id}': {source.title}",
        )
        await task_graph.initiate(tx, task)
        return await graph_need.task_link(tx, need_id, task_id)

    return await ctx.graph.transaction(work)
