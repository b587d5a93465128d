"""Two-way post selection (双向选岗, seed 002): which step may follow which, each step checked
and written in ONE transaction, and the proposal for the collective decision.

ANNOUNCED → APPLYING (applyForPosts until the deadline) → RANKING (rankApplicants) → DECIDED
(decidePostSelection: the proposal is recorded beside the decision) → PUBLISHED (公示:
publishPostSelection; objectToPostSelection during the notice period) → APPOINTED
(completePostSelection after the notice period: HOLDS since the decision date). A step out of
order is refused with the allowed next steps and changes nothing; every step appends a
SelectionEvent recording the actor and the instant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from graph import selection as sel_graph
from graph.db import Tx
from model import labels
from model.messages import Code, Message, t
from model.selection import (
    MAX_CAPACITY,
    Pick,
    announced_note,
    applied_note,
    appointed_note,
    decided_note,
    differences,
    next_steps,
    notice_until,
    proposal,
    published_note,
    ranked_note,
)
from resolvers import access, checks
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound

MAX_TEXT = 4000
MAX_SHORT = 200


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _event(
    ctx: Context, step: str, note: str | None = None, person_id: str | None = None
) -> sel_graph.Event:
    return sel_graph.Event(
        checks.new_id("SE"), _now(), step, ctx.actor, ctx.actor_name, note, person_id
    )


# --- the steps --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Offer:
    post_id: str
    capacity: int = 1


async def announce(
    ctx: Context,
    *,
    selection_id: str | None,
    title: str,
    township_id: str,
    deadline: dt.date,
    offers: list[Offer],
) -> str:
    """公告: a new selection OF a township, ANNOUNCED, offering posts until the deadline."""
    if not offers:
        raise BadInput("offers", t("offer at least one post"))
    seen: set[str] = set()
    for i, offer in enumerate(offers):
        if offer.post_id in seen:
            raise BadInput(
                f"offers[{i}].postId", t("post '{post_id}' is offered twice", post_id=offer.post_id)
            )
        if not 1 <= offer.capacity <= MAX_CAPACITY:
            raise BadInput(
                f"offers[{i}].capacity",
                t(
                    "must be from 1 to {MAX_CAPACITY}, got {capacity}",
                    MAX_CAPACITY=MAX_CAPACITY,
                    capacity=offer.capacity,
                ),
            )
        seen.add(offer.post_id)
    if deadline < ctx.today:
        raise BadInput(
            "deadline", t("must not be before today ({today})", today=ctx.today.isoformat())
        )
    new = sel_graph.NewSelection(
        id=checks.text("id", selection_id, 100)
        if selection_id is not None
        else checks.new_id("PS"),
        title=checks.text("title", title, MAX_SHORT),
        township_id=township_id,
        deadline=deadline,
        max_applications=ctx.rules.max_selection_applications,
        offers=[(o.post_id, o.capacity) for o in offers],
        created_at=_now(),
        created_by=ctx.actor,
        created_by_name=ctx.actor_name,
        event=_event(ctx, "ANNOUNCED", announced_note(len(offers), deadline)),
    )

    async def work(tx: Tx) -> str:
        await access.require(tx, ctx, townships=[("townshipId", township_id)])
        check = await sel_graph.announce_check(tx, new)
        if check.selection_exists:
            raise BadInput("id", t("a post selection with id '{id}' already exists", id=new.id))
        if not check.township_found:
            raise NotFound("townshipId", "township", township_id)
        ids = [o.post_id for o in offers]
        if check.unknown_posts:
            i = ids.index(check.unknown_posts[0])
            raise NotFound(f"offers[{i}].postId", "post", check.unknown_posts[0])
        if check.foreign_posts:
            i = ids.index(check.foreign_posts[0])
            raise BadInput(
                f"offers[{i}].postId",
                t(
                    "post '{post_id}' is not a post of the township or its county",
                    post_id=check.foreign_posts[0],
                ),
            )
        await sel_graph.announce(tx, new)
        return new.id

    return await ctx.graph.transaction(work)


def _refusal(selection_id: str, status: str) -> Message:
    """Why a step is refused: the status and the allowed next steps (model.selection's
    `refusal_text`, as a message of the catalogue)."""
    steps, shown = next_steps(status), Code(labels.SELECTION_STATUS, status)
    if not steps:
        return t("post selection {selection_id} is {status}; no further step is allowed",
                 selection_id=selection_id, status=shown)  # fmt: skip
    if len(steps) == 1:
        return t("post selection {selection_id} is {status}; the next step is {step}",
                 selection_id=selection_id, status=shown, step=steps[0])  # fmt: skip
    return t("post selection {selection_id} is {status}; the next steps are {steps} or {last}",
             selection_id=selection_id, status=shown, steps=", ".join(steps[:-1]),
             last=steps[-1])  # fmt: skip


Step = Callable[[Tx, sel_graph.SelectionState], Awaitable[None]]


async def _step(ctx: Context, selection_id: str, mutation: str, step: Step) -> str:
    """Runs `step` on the locked selection when `mutation` is allowed in its status."""

    async def work(tx: Tx) -> str:
        await access.require(tx, ctx, selections=[("selectionId", selection_id)])
        state = await sel_graph.lock(tx, selection_id)
        if state is None:
            raise NotFound("selectionId", "post selection", selection_id)
        status = str(state.selection["status"])
        if mutation not in next_steps(status):
            raise BadInput("selectionId", _refusal(selection_id, status))
        await step(tx, state)
        return selection_id

    return await ctx.graph.transaction(work)


async def apply_for_posts(
    ctx: Context, selection_id: str, person_id: str, post_ids: list[str]
) -> str:
    """自主报名: a person applies for up to N offered posts, first preference first (a second
    application replaces the first); ANNOUNCED → APPLYING. Refused after the deadline."""
    if not post_ids:
        raise BadInput("postIds", t("name at least one post, first preference first"))
    if len(set(post_ids)) != len(post_ids):
        raise BadInput("postIds", t("a post is listed twice"))

    async def step(tx: Tx, state: sel_graph.SelectionState) -> None:
        deadline: dt.date = state.selection["deadline"]
        if ctx.today > deadline:
            raise BadInput(
                "selectionId",
                t("applications closed on {deadline}", deadline=deadline.isoformat()),
            )
        limit = int(state.selection.get("maxApplications") or ctx.rules.max_selection_applications)
        if len(post_ids) > limit:
            raise BadInput(
                "postIds", t("one person may apply for at most {limit} posts", limit=limit)
            )
        offered = {o["postId"] for o in state.offers}
        for i, post in enumerate(post_ids):
            if post not in offered:
                raise BadInput(
                    f"postIds[{i}]",
                    t(
                        "post '{post}' is not on offer in {selection_id}",
                        post=post,
                        selection_id=selection_id,
                    ),
                )
        await access.require(tx, ctx, members=[("personId", person_id)])
        names = await sel_graph.people(tx, [person_id])
        if person_id not in names:
            raise NotFound("personId", "person", person_id)
        replaced = await sel_graph.apply(
            tx,
            selection_id,
            person_id,
            app_id=checks.new_id("SA"),
            choices=post_ids,
            at=_now(),
            actor=ctx.actor,
        )
        note = applied_note(names[person_id], post_ids, replaced=replaced)
        await sel_graph.advance(
            tx, selection_id, "APPLYING", _event(ctx, "APPLYING", note, person_id)
        )

    return await _step(ctx, selection_id, "applyForPosts", step)


async def rank_applicants(
    ctx: Context, selection_id: str, post_id: str, person_ids: list[str]
) -> str:
    """双向选择: the township's order of the applicants of one post, best first (applicants left
    out follow by the default fit score); APPLYING → RANKING."""
    if len(set(person_ids)) != len(person_ids):
        raise BadInput("personIds", t("a person is listed twice"))

    async def step(tx: Tx, state: sel_graph.SelectionState) -> None:
        if post_id not in {o["postId"] for o in state.offers}:
            raise BadInput(
                "postId",
                t(
                    "post '{post_id}' is not on offer in {selection_id}",
                    post_id=post_id,
                    selection_id=selection_id,
                ),
            )
        applicants = {a["personId"] for a in state.applications if post_id in a["choices"]}
        for i, pid in enumerate(person_ids):
            if pid not in applicants:
                raise BadInput(
                    f"personIds[{i}]",
                    t("'{pid}' has not applied for post '{post_id}'", pid=pid, post_id=post_id),
                )
        await sel_graph.rank(tx, selection_id, post_id, person_ids)
        note = ranked_note(post_id, person_ids)
        await sel_graph.advance(tx, selection_id, "RANKING", _event(ctx, "RANKING", note))

    return await _step(ctx, selection_id, "rankApplicants", step)


@dataclass(frozen=True)
class Appointment:
    post_id: str
    person_id: str


async def decide(
    ctx: Context,
    selection_id: str,
    appointments: list[Appointment] | None,
    decided_on: dt.date | None,
    note: str | None,
) -> str:
    """集体研究决定: the appointments (the proposal when none are given), recorded with the
    proposal they were decided against; → DECIDED. Each appointee applied for the post, holds at
    most one post of the selection, and no post gets more than its capacity."""
    text = None if note is None or not note.strip() else checks.text("note", note, MAX_TEXT)

    async def step(tx: Tx, state: sel_graph.SelectionState) -> None:
        proposed = proposal(state.offers, state.applications)
        if appointments is None:
            decided = proposed
        else:
            decided = [Pick(a.post_id, a.person_id) for a in appointments]
            _check_decision(state, decided)
        diffs = differences(proposed, decided)
        await sel_graph.decide(
            tx,
            selection_id,
            [(p.post_id, p.person_id) for p in proposed],
            [(p.post_id, p.person_id) for p in decided],
        )
        event = _event(ctx, "DECIDED", decided_note(diffs, text))
        changes = sel_graph.Changes(decided_on=decided_on or ctx.today)
        await sel_graph.advance(tx, selection_id, "DECIDED", event, changes)

    return await _step(ctx, selection_id, "decidePostSelection", step)


def _check_decision(state: sel_graph.SelectionState, decided: list[Pick]) -> None:
    capacity = {o["postId"]: int(o["capacity"]) for o in state.offers}
    choices = {a["personId"]: a["choices"] for a in state.applications}
    seen: set[str] = set()
    count: dict[str, int] = {}
    for i, pick in enumerate(decided):
        field = f"appointments[{i}]"
        if pick.post_id not in capacity:
            raise BadInput(
                f"{field}.postId", t("post '{post_id}' is not on offer", post_id=pick.post_id)
            )
        if pick.post_id not in choices.get(pick.person_id, []):
            raise BadInput(
                f"{field}.personId",
                t(
                    "'{person_id}' has not applied for '{post_id}'",
                    person_id=pick.person_id,
                    post_id=pick.post_id,
                ),
            )
        if pick.person_id in seen:
            raise BadInput(
                f"{field}.personId", t("'{person_id}' is appointed twice", person_id=pick.person_id)
            )
        seen.add(pick.person_id)
        count[pick.post_id] = count.get(pick.post_id, 0) + 1
        if count[pick.post_id] > capacity[pick.post_id]:
            raise BadInput(
                f"{field}.postId",
                t(
                    "post '{post_id}' has {places} place(s)",
                    post_id=pick.post_id,
                    places=capacity[pick.post_id],
                ),
            )


async def publish(ctx: Context, selection_id: str, since: dt.date | None, days: int | None) -> str:
    """公示: DECIDED → PUBLISHED, with a notice period of `days` days from `since` (today and the
    configured number of days by default)."""
    length = ctx.rules.selection_notice_days if days is None else days
    if length < 1:
        raise BadInput("days", t("must be at least 1, got {length}", length=length))
    first = since or ctx.today

    async def step(tx: Tx, state: sel_graph.SelectionState) -> None:
        until = notice_until(first, length)
        event = _event(ctx, "PUBLISHED", published_note(first, until))
        changes = sel_graph.Changes(notice_since=first, notice_until=until)
        await sel_graph.advance(tx, selection_id, "PUBLISHED", event, changes)

    return await _step(ctx, selection_id, "publishPostSelection", step)


async def object_to(ctx: Context, selection_id: str, objection: str, person_id: str | None) -> str:
    """An objection during the notice period, recorded as an OBJECTED event (about a person
    appointed, or the selection as a whole)."""
    text = checks.text("objection", objection, MAX_TEXT)

    async def step(tx: Tx, state: sel_graph.SelectionState) -> None:
        since: dt.date = state.selection["noticeSince"]
        until: dt.date = state.selection["noticeUntil"]
        if not since <= ctx.today <= until:
            raise BadInput(
                "selectionId",
                t(
                    "the notice period is from {since} to {until}",
                    since=since.isoformat(),
                    until=until.isoformat(),
                ),
            )
        event = _event(ctx, "OBJECTED", text, person_id)
        await sel_graph.advance(tx, selection_id, "PUBLISHED", event)

    return await _step(ctx, selection_id, "objectToPostSelection", step)


async def complete(ctx: Context, selection_id: str, note: str | None) -> str:
    """任职: PUBLISHED → APPOINTED once the notice period is over; the decided people hold their
    posts since the decision date, and the holders they replace hand over."""
    text = None if note is None or not note.strip() else checks.text("note", note, MAX_TEXT)

    async def step(tx: Tx, state: sel_graph.SelectionState) -> None:
        until: dt.date = state.selection["noticeUntil"]
        if ctx.today <= until:
            raise BadInput(
                "selectionId",
                t(
                    "the notice period runs until {until}; wait for it",
                    until=until.isoformat(),
                ),
            )
        decided_on: dt.date = state.selection["decidedOn"]
        started, ended = await sel_graph.appoint(tx, selection_id, decided_on)
        event = _event(ctx, "APPOINTED", appointed_note(started, ended, decided_on, text))
        await sel_graph.advance(tx, selection_id, "APPOINTED", event)

    return await _step(ctx, selection_id, "completePostSelection", step)
