"""Training plans (培训计划): a person's plans through this request's DataLoader, and
recordTrainingPlan, which sets the plan of a year (one per person and year, updated as the year
goes on)."""

from __future__ import annotations

import datetime as dt

from graph import training
from graph.db import Record, Tx
from graph.training import PlanRow
from model.messages import t
from model.training import MAX_COURSES, MAX_HOURS, plan_id
from resolvers import access, checks
from resolvers.assessment import year_checked
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.loaders import Batch

MAX_COURSE = 200
PERSON_PLANS = Batch("person_training_plans", training.plans)


async def person_plans(ctx: Context, person_id: str, year: int | None) -> list[PlanRow]:
    """A person's plans (of `year`, else every year), newest first."""
    return await ctx.loaders.load(PERSON_PLANS, person_id, year)


def _hours(field: str, value: int) -> int:
    if not 0 <= value <= MAX_HOURS:
        raise BadInput(
            field,
            t("must be from 0 to {MAX_HOURS} hours, got {value}", MAX_HOURS=MAX_HOURS, value=value),
        )
    return value


async def record_plan(
    ctx: Context,
    *,
    person_id: str,
    year: int,
    party_education_hours: int,
    party_education_done: int,
    professional_hours: int,
    professional_done: int,
    courses: list[str],
) -> Record:
    """Sets the person's plan of `year`; returns {plan, person}."""
    year_checked(year)
    if len(courses) > MAX_COURSES:
        raise BadInput(
            "courses",
            t(
                "must be at most {MAX_COURSES} courses, got {count}",
                MAX_COURSES=MAX_COURSES,
                count=len(courses),
            ),
        )
    props = {
        "partyEducationHours": _hours("partyEducationHours", party_education_hours),
        "partyEducationDone": _hours("partyEducationDone", party_education_done),
        "professionalHours": _hours("professionalHours", professional_hours),
        "professionalDone": _hours("professionalDone", professional_done),
        "courses": [checks.text(f"courses[{i}]", c, MAX_COURSE) for i, c in enumerate(courses)],
    }

    async def work(tx: Tx) -> Record:
        # Like an evaluation: the person must be of the caller's unit.
        await access.require(tx, ctx, people=[("personId", person_id)])
        found = await training.set_plan(
            tx,
            {"id": plan_id(person_id, year), "personId": person_id, "year": year,
             "props": props, "actor": ctx.actor, "at": dt.datetime.now(dt.UTC)},
        )  # fmt: skip
        if found is None:
            raise NotFound("personId", "person", person_id)
        return found

    result = await ctx.graph.transaction(work)
    ctx.loaders.forget(PERSON_PLANS)
    return result
