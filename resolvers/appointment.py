"""The rules of everyday changes to people's appointments, and the checks that enforce them.

Each change reads its facts, checks them and writes in ONE write transaction (the facts query locks
the person, or the mentor, so that concurrent changes to the same person are serialised); a
refusal raises inside the transaction, so nothing is written. Unknown ids are NotFound; a broken
rule is BadInput naming the argument and the rule. Every write records `ctx.actor` and the
instant: `startedBy`/`startedAt`, `endedBy`/`endedAt`, or `setBy`/`setAt` on HAS_SKILL.

The rules (the importer's, plus those of each kind of appointment):
- every period: until ≥ since; a period is identified by its two ends and since; only an
  ongoing one (until null) can be ended.
- startService: no second service of the person in the village starting on the same day; and a
  person is on at most one residential duty (STATIONED, FIRST_SECRETARY, WORK_TEAM) at a time: a
  residential start is refused while another residential service of theirs is not ended before
  the new since (a LIAISON or TECHNICAL_SUPPORT service may run beside anything).
- startDispatch (县属乡用): the person works in a COUNTY_DEPARTMENT; at most one dispatch at a time
  (any dispatch not ended before since blocks a new one); the ADJUSTMENT rule (resolvers/rules.py).
- endDispatch: the STAY and ADJUSTMENT rules (resolvers/rules.py); an `override` with a reason
  lets a change through and is recorded on the dispatch.
- startService with role LIAISON: the LIAISON rule (one liaison cadre per village).
- startTraining (到岗实训): the person works in a VILLAGE_COMMITTEE; the department is a
  TOWNSHIP_OFFICE or TOWNSHIP_INSTITUTION; no second training at the same department overlapping
  the new one (trainings at different departments may overlap).
- startMentorship (师徒结对), checked in this order: not oneself; no mentorship of the pair not
  ended before since; the mentor has fewer than `rules.max_active_mentees` mentees active on
  since; at least `rules.min_mentor_years` years of service in the year of since (unknown
  joinedYear: ineligible); level ≥ 3 and above the mentee's in at least one target skill (those
  required by the mentee's posts held on since, else the mentee's own; none: not checked).
- endMentorship ends the pair's ongoing mentorship (the latest, should there be several).
- setSkill: level 1..5; creates or updates HAS_SKILL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from graph import appointment
from graph.appointment import Stamp
from graph.db import Record, Tx
from model import labels
from model.compliance import Override, change_day_of_end
from model.mentoring import MIN_MENTOR_LEVEL
from model.messages import Code, Message, t
from model.people import RESIDENTIAL_ROLES
from resolvers import access, checks, rules
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.loaders import Batch

TRAINING_DEPARTMENTS = ("TOWNSHIP_OFFICE", "TOWNSHIP_INSTITUTION")


def _stamp(ctx: Context) -> Stamp:
    return Stamp(ctx.actor, dt.datetime.now(dt.UTC))


def _found(row: Record | None, field: str, what: str, ident: str) -> Record:
    if row is None:
        raise NotFound(field, what, ident)
    return row


def _check_period(since: dt.date, until: dt.date) -> None:
    if until < since:
        raise BadInput(
            "until",
            t(
                "until {until} is before since {since}",
                until=until.isoformat(),
                since=since.isoformat(),
            ),
        )


def _span(period: Record) -> Message:
    until = period["until"]
    if until is None:
        return t("from {since}, ongoing", since=period["since"])
    return t("from {since} to {until}", since=period["since"], until=until)


def _works_in(departments: list[Record]) -> Message:
    if not departments:
        return t("has no department")
    named = [t("{name} ({kind})", name=d["name"], kind=Code(labels.DEPARTMENT_KIND, d["kind"]))
             for d in departments]  # fmt: skip
    return t("works in {departments}", departments=named)


def _check_endable(found: Record | None, what: Message, since: dt.date) -> None:
    """`found` is the period identified by its ends and since; only an ongoing one can end."""
    if found is None:
        raise BadInput("since", t("there is no {what} starting {since}", what=what, since=since))
    if found["until"] is not None:
        by = t(" (ended by {ended_by})", ended_by=found["endedBy"]) if found.get("endedBy") else ""
        raise BadInput(
            "since",
            t(
                "the {what} starting {since} already ended on {until}{by}",
                what=what,
                since=since,
                until=found["until"],
                by=by,
            ),
        )


_PLACE_KINDS = {"villageId": "villages", "townshipId": "townships", "departmentId": "departments"}


async def _require_at(tx: Tx, ctx: Context, field: str, place_id: str, person_id: str) -> None:
    """An appointment is the caller's to change when it is at a place (village, township or
    department) of their unit, and the person is of their county."""
    await access.require(
        tx, ctx, members=[("personId", person_id)], **{_PLACE_KINDS[field]: [(field, place_id)]}
    )


async def _end(
    ctx: Context,
    period: appointment.Period,
    person_id: str,
    target_id: str,
    since: dt.date,
    until: dt.date,
    description: Callable[[str, str], Message],
) -> Record:
    """Ends the ongoing service, dispatch or training identified by person, other end and since;
    `description` names it for the clerk (service of who in where)."""
    _check_period(since, until)
    stamp = _stamp(ctx)

    async def work(tx: Tx) -> Record:
        await _require_at(tx, ctx, period.target, target_id, person_id)
        facts = await appointment.period_to_end(
            tx, period, person_id=person_id, target_id=target_id, since=since
        )
        who = _found(facts["person"], "personId", "person", person_id)["name"]
        target = _found(facts[period.target_key], period.target, period.target_key, target_id)
        what = description(who, target["name"])
        _check_endable(facts["found"], what, since)
        return await appointment.end_period(
            tx,
            period,
            person_id=person_id,
            target_id=target_id,
            since=since,
            until=until,
            stamp=stamp,
        )

    return await ctx.graph.transaction(work)


# --- services in villages -------------------------------------------------------------------------


async def start_service(
    ctx: Context, *, person_id: str, village_id: str, role: str, since: dt.date
) -> Record:
    stamp = _stamp(ctx)

    async def work(tx: Tx) -> Record:
        await _require_at(tx, ctx, "villageId", village_id, person_id)
        facts = await appointment.service_facts(
            tx, person_id=person_id, village_id=village_id, since=since
        )
        who = _found(facts["person"], "personId", "person", person_id)["name"]
        where = _found(facts["village"], "villageId", "village", village_id)["name"]
        if (same := facts["duplicate"]) is not None:
            raise BadInput(
                "since",
                t(
                    "{who} already has a service in {where} starting {since} ({role}, {same})",
                    who=who,
                    where=where,
                    since=since,
                    role=Code(labels.SERVICE_ROLE, same["role"]),
                    same=_span(same),
                ),
            )
        if role == "LIAISON":
            await rules.check_liaison(tx, village_id=village_id, where=where, since=since)
        if role in RESIDENTIAL_ROLES and facts["residential"]:
            other = facts["residential"][0]
            raise BadInput(
                "personId",
                t(
                    "{who} is already on residential duty ({role} in {village}, {other}), which "
                    "overlaps a {new_role} service from {since}; one residential service "
                    "(STATIONED, FIRST_SECRETARY, WORK_TEAM) at a time: end that one first",
                    who=who,
                    role=Code(labels.SERVICE_ROLE, other["role"]),
                    village=other["village"],
                    other=_span(other),
                    new_role=Code(labels.SERVICE_ROLE, role),
                    since=since,
                ),
            )
        return await appointment.start_service(
            tx, person_id=person_id, village_id=village_id, role=role, since=since, stamp=stamp
        )

    return await ctx.graph.transaction(work)


async def end_service(
    ctx: Context, *, person_id: str, village_id: str, since: dt.date, until: dt.date
) -> Record:
    return await _end(
        ctx,
        appointment.SERVICE,
        person_id,
        village_id,
        since,
        until,
        lambda who, where: t("service of {who} in {where}", who=who, where=where),
    )


# --- dispatches to townships (县属乡用) -----------------------------------------------------------


def _county_departments(departments: list[Record]) -> list[str]:
    return [d["id"] for d in departments if d["kind"] == "COUNTY_DEPARTMENT"]


async def start_dispatch(
    ctx: Context,
    *,
    person_id: str,
    township_id: str,
    since: dt.date,
    override: Override | None = None,
) -> Record:
    stamp, reason = _stamp(ctx), rules.override_reason(override)

    async def work(tx: Tx) -> Record:
        await _require_at(tx, ctx, "townshipId", township_id, person_id)
        facts = await appointment.dispatch_facts(
            tx, person_id=person_id, township_id=township_id, since=since
        )
        who = _found(facts["person"], "personId", "person", person_id)["name"]
        where = _found(facts["township"], "townshipId", "township", township_id)["name"]
        if not any(d["kind"] == "COUNTY_DEPARTMENT" for d in facts["departments"]):
            raise BadInput(
                "personId",
                t(
                    "{who} {departments}; only staff of a county department (COUNTY_DEPARTMENT) "
                    "are dispatched to townships (县属乡用)",
                    who=who,
                    departments=_works_in(facts["departments"]),
                ),
            )
        for other in facts["overlapping"]:
            if other["townshipId"] == township_id and other["since"] == since:
                raise BadInput(
                    "since",
                    t(
                        "{who} already has a dispatch to {where} starting {since}",
                        who=who,
                        where=where,
                        since=since,
                    ),
                )
        if facts["overlapping"]:
            other = facts["overlapping"][0]
            raise BadInput(
                "personId",
                t(
                    "{who} is already dispatched to {township} ({other}), which overlaps a "
                    "dispatch from {since}; one dispatch at a time: end that one first",
                    who=who,
                    township=other["township"],
                    other=_span(other),
                    since=since,
                ),
            )
        await rules.check_adjustment(
            tx,
            field="since",
            who=who,
            departments=_county_departments(facts["departments"]),
            township_id=township_id,
            township=where,
            day=since,
            override=reason,
        )
        return await appointment.start_dispatch(
            tx,
            person_id=person_id,
            township_id=township_id,
            since=since,
            stamp=stamp,
            override=reason,
        )

    return await ctx.graph.transaction(work)


async def end_dispatch(
    ctx: Context,
    *,
    person_id: str,
    township_id: str,
    since: dt.date,
    until: dt.date,
    override: Override | None = None,
) -> Record:
    _check_period(since, until)
    stamp, reason = _stamp(ctx), rules.override_reason(override)

    async def work(tx: Tx) -> Record:
        await _require_at(tx, ctx, "townshipId", township_id, person_id)
        facts = await appointment.period_to_end(
            tx, appointment.DISPATCH, person_id=person_id, target_id=township_id, since=since
        )
        who = _found(facts["person"], "personId", "person", person_id)["name"]
        where = _found(facts["township"], "townshipId", "township", township_id)["name"]
        _check_endable(
            facts["found"], t("dispatch of {who} to {where}", who=who, where=where), since
        )
        rules.check_stay(who=who, township=where, since=since, until=until, override=reason)
        await rules.check_adjustment(
            tx,
            field="until",
            who=who,
            departments=_county_departments(facts["departments"]),
            township_id=township_id,
            township=where,
            day=change_day_of_end(until),
            override=reason,
        )
        return await appointment.end_dispatch(
            tx,
            person_id=person_id,
            township_id=township_id,
            since=since,
            until=until,
            stamp=stamp,
            override=reason,
        )

    return await ctx.graph.transaction(work)


# --- trainings at township posts (到岗实训) -------------------------------------------------------


async def start_training(
    ctx: Context, *, person_id: str, department_id: str, since: dt.date
) -> Record:
    stamp = _stamp(ctx)

    async def work(tx: Tx) -> Record:
        await _require_at(tx, ctx, "departmentId", department_id, person_id)
        facts = await appointment.training_facts(
            tx, person_id=person_id, department_id=department_id, since=since
        )
        who = _found(facts["person"], "personId", "person", person_id)["name"]
        department = _found(facts["department"], "departmentId", "department", department_id)
        where = department["name"]
        if not any(d["kind"] == "VILLAGE_COMMITTEE" for d in facts["departments"]):
            raise BadInput(
                "personId",
                t(
                    "{who} {departments}; training at a township post (到岗实训) is for village "
                    "cadres (VILLAGE_COMMITTEE)",
                    who=who,
                    departments=_works_in(facts["departments"]),
                ),
            )
        if department.get("kind") not in TRAINING_DEPARTMENTS:
            raise BadInput(
                "departmentId",
                t(
                    "{where} is a {kind}; 到岗实训 is at a township office or institution "
                    "({kinds})",
                    where=where,
                    kind=_department_kind(department.get("kind")),
                    kinds=[Code(labels.DEPARTMENT_KIND, k) for k in TRAINING_DEPARTMENTS],
                ),
            )
        if any(other["since"] == since for other in facts["overlapping"]):
            raise BadInput(
                "since",
                t(
                    "{who} already has a training at {where} starting {since}",
                    who=who,
                    where=where,
                    since=since,
                ),
            )
        if facts["overlapping"]:
            other = facts["overlapping"][0]
            raise BadInput(
                "personId",
                t(
                    "{who} is already training at {where} ({other}), which overlaps a training "
                    "from {since}; end that one first",
                    who=who,
                    where=where,
                    other=_span(other),
                    since=since,
                ),
            )
        return await appointment.start_training(
            tx, person_id=person_id, department_id=department_id, since=since, stamp=stamp
        )

    return await ctx.graph.transaction(work)


async def end_training(
    ctx: Context, *, person_id: str, department_id: str, since: dt.date, until: dt.date
) -> Record:
    return await _end(
        ctx,
        appointment.TRAINING,
        person_id,
        department_id,
        since,
        until,
        lambda who, where: t("training of {who} at {where}", who=who, where=where),
    )


PERSON_TRAININGS = Batch("person_trainings", appointment.person_trainings)


async def person_trainings(ctx: Context, person_id: str) -> list[Record]:
    """A person's trainings, newest first, through this request's batching DataLoader."""
    return await ctx.loaders.load(PERSON_TRAININGS, person_id)


# --- mentorships (师徒结对) -----------------------------------------------------------------------


def _check_mentor_years(
    mentor: Record, since: dt.date, min_years: int, field: str = "mentorId"
) -> None:
    joined: int | None = mentor.get("joinedYear")
    if joined is None:
        raise BadInput(
            field,
            t(
                "{mentor} has no known joinedYear, so their years of service cannot be checked "
                "(a mentor needs at least {min_years})",
                mentor=mentor["name"],
                min_years=min_years,
            ),
        )
    years = since.year - joined
    if years < min_years:
        raise BadInput(
            field,
            t(
                "{mentor} has {years} years of service in {year} (a mentor needs at least "
                "{min_years})",
                mentor=mentor["name"],
                years=years,
                year=since.year,
                min_years=min_years,
            ),
        )


def _department_kind(kind: str | None) -> Code | Message:
    return Code(labels.DEPARTMENT_KIND, kind) if kind else t("department of unknown kind")


def _check_mentor_skills(
    mentor: Record, mentee: Record, facts: Record, field: str = "mentorId"
) -> None:
    targets: list[dict[str, Any]] = facts["targets"]
    if not targets:
        return  # the mentee has neither posts with required skills nor skills of their own
    for target in targets:
        level = target["mentorLevel"] or 0
        if level >= MIN_MENTOR_LEVEL and level > (target["menteeLevel"] or 0):
            return
    source = t("required by their posts") if facts["fromPosts"] else t("their own skills")
    names = ", ".join(sorted(target["name"] for target in targets))
    raise BadInput(
        field,
        t(
            "{mentor} holds none of {mentee}'s target skills ({source}: {names}) at level "
            "{MIN_MENTOR_LEVEL} or above and above {mentee}'s level",
            mentor=mentor["name"],
            mentee=mentee["name"],
            source=source,
            names=names,
            MIN_MENTOR_LEVEL=MIN_MENTOR_LEVEL,
        ),
    )


async def start_mentorship(
    ctx: Context, *, mentor_id: str, mentee_id: str, since: dt.date
) -> Record:
    if mentor_id == mentee_id:
        raise BadInput("menteeId", t("a person cannot mentor themselves"))

    async def work(tx: Tx) -> Record:
        return await start_mentorship_in(
            tx, ctx, mentor_id=mentor_id, mentee_id=mentee_id, since=since
        )

    return await ctx.graph.transaction(work)


async def start_mentorship_in(
    tx: Tx,
    ctx: Context,
    *,
    mentor_id: str,
    mentee_id: str,
    since: dt.date,
    fields: tuple[str, str] = ("mentorId", "menteeId"),
) -> Record:
    """startMentorship's checks and write inside the caller's transaction, so that several pairs
    start all or none (confirmMentorAssignment); `fields` name the mentor and mentee in errors."""
    mentor_field, mentee_field = fields
    if mentor_id == mentee_id:
        raise BadInput(mentee_field, t("a person cannot mentor themselves"))
    # A mentee of the caller's unit, a mentor from anywhere in the county.
    await access.require(
        tx, ctx, people=[(mentee_field, mentee_id)], members=[(mentor_field, mentor_id)]
    )
    facts = await appointment.mentorship_facts(
        tx, mentor_id=mentor_id, mentee_id=mentee_id, since=since
    )
    mentor = _found(facts["mentor"], mentor_field, "person", mentor_id)
    mentee = _found(facts["mentee"], mentee_field, "person", mentee_id)
    if facts["pair"]:
        raise BadInput(
            mentee_field,
            t(
                "{mentor} already mentors {mentee} ({span}), which overlaps a mentorship from "
                "{since}",
                mentor=mentor["name"],
                mentee=mentee["name"],
                span=_span(facts["pair"][0]),
                since=since,
            ),
        )
    active, limit = facts["activeMentees"], ctx.rules.max_active_mentees
    if active >= limit:
        raise BadInput(
            mentor_field,
            (
                t(
                    "{mentor} already mentors 1 person (the limit is {limit})",
                    mentor=mentor["name"],
                    limit=limit,
                )
                if active == 1
                else t(
                    "{mentor} already mentors {active} people (the limit is {limit})",
                    mentor=mentor["name"],
                    active=active,
                    limit=limit,
                )
            ),
        )
    _check_mentor_years(mentor, since, ctx.rules.min_mentor_years, mentor_field)
    _check_mentor_skills(mentor, mentee, facts, mentor_field)
    return await appointment.start_mentorship(
        tx, mentor_id=mentor_id, mentee_id=mentee_id, since=since, stamp=_stamp(ctx)
    )


async def end_mentorship(ctx: Context, *, mentor_id: str, mentee_id: str, until: dt.date) -> Record:
    stamp = _stamp(ctx)

    async def work(tx: Tx) -> Record:
        await access.require(
            tx, ctx, people=[("menteeId", mentee_id)], members=[("mentorId", mentor_id)]
        )
        facts = await appointment.mentorship_to_end(tx, mentor_id=mentor_id, mentee_id=mentee_id)
        mentor = _found(facts["mentor"], "mentorId", "person", mentor_id)["name"]
        mentee = _found(facts["mentee"], "menteeId", "person", mentee_id)["name"]
        if not facts["ongoing"]:
            raise BadInput(
                "menteeId",
                t("{mentor} has no ongoing mentorship of {mentee}", mentor=mentor, mentee=mentee),
            )
        since: dt.date = facts["ongoing"][0]["since"]
        _check_period(since, until)
        return await appointment.end_mentorship(
            tx, mentor_id=mentor_id, mentee_id=mentee_id, since=since, until=until, stamp=stamp
        )

    return await ctx.graph.transaction(work)


# --- skills ---------------------------------------------------------------------------------------


async def set_skill(ctx: Context, *, person_id: str, skill_id: str, level: int) -> Record:
    """The written skill, plus `previous`: the level held before (null when new)."""
    checks.untyped_level("level", level)
    stamp = _stamp(ctx)

    async def work(tx: Tx) -> Record:
        await access.require(tx, ctx, people=[("personId", person_id)])
        facts = await appointment.skill_facts(tx, person_id=person_id, skill_id=skill_id)
        _found(facts["person"], "personId", "person", person_id)
        _found(facts["skill"], "skillId", "skill", skill_id)
        written = await appointment.set_skill(
            tx, person_id=person_id, skill_id=skill_id, level=level, stamp=stamp
        )
        return {**written, "previous": facts["previous"]}

    return await ctx.graph.transaction(work)
