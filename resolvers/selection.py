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
    refusal_text,
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
        raise BadInput("offers", "offer at least one post")
    seen: set[str] = set()
    for i, offer in enumerate(offers):
        if offer.post_id in seen:
            raise BadInput(f"offers[{i}].postId", f"post '{offer.post_id}' is offered twice")
        if not 1 <= offer.capacity <= MAX_CAPACITY:
            raise BadInput(
                f"offers[{i}].capacity", f"must be from 1 to {MAX_CAPACITY}, got {offer.capacity}"
            )
        seen.add(offer.post_id)
    if deadline < ctx.today:
        raise BadInput("deadline", f"must not be before today ({ctx.today.isoformat()})")
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
            raise BadInput("id", f"a post selection with id '{new.id}' already exists")
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
                f"post '{check.foreign_posts[0]}' is not a post of the township or its county",
            )
        await sel_graph.announce(tx, new)
        return new.id

    return await ctx.graph.transaction(work)


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
            raise BadInput("selectionId", refusal_text(selection_id, status))
        await step(tx, state)
        return selection_id

    return await ctx.graph.transaction(work)


async def apply_for_posts(
    ctx: Context, selection_id: str, person_id: str, post_ids: list[str]
) -> str:
    """自主报名: a person applies for up to N offered posts, first preference first (a second
    application replaces the first); ANNOUNCED → APPLYING. Refused after the deadline."""
    if not post_ids:
        raise BadInput("postIds", "name at least one post, first preference first")
    if len(set(post_ids)) != len(post_ids):
        raise BadInput("postIds", "a post is listed twice")

    async def step(tx: Tx, state: sel_graph.SelectionState) -> None:
        deadline: dt.date = state.selection["deadline"]
        if ctx.today > deadline:
            raise BadInput("selectionId", f"applications closed on {deadline.isoformat()}")
        limit = int(state.selection.get("maxApplications") or ctx.rules.max_selection_applications)
        if len(post_ids) > limit:
            raise BadInput("postIds", f"one person may apply for at most {limit} posts")
        offered = {o["postId"] for o in state.offers}
        for i, post in enumerate(post_ids):
            if post not in offered:
                raise BadInput(f"postIds[{i}]", f"post '{post}' is not on offer in {selection_id}")
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
        raise BadInput("personIds", "a person is listed twice")

    async def step(tx: Tx, state: sel_graph.SelectionState) -> None:
        if post_id not in {o["postId"] for o in state.offers}:
            raise BadInput("postId", f"post '{post_id}' is not on offer in {selection_id}")
        applicants = {a["personId"] for a in state.applications if post_id in a["choices"]}
        for i, pid in enumerate(person_ids):
            if pid not in applicants:
                raise BadInput(f"personIds[{i}]", f"'{pid}' has not applied for post '{post_id}'")
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
            raise BadInput(f"{field}.postId", f"post '{pick.post_id}' is not on offer")
        if pick.post_id not in choices.get(pick.person_id, []):
            raise BadInput(
                f"{field}.personId", f"'{pick.person_id}' has not applied for '{pick.post_id}'"
            )
        if pick.person_id in seen:
            raise BadInput(f"{field}.personId", f"'{pick.person_id}' is appointed twice")
        seen.add(pick.person_id)
        count[pick.post_id] = count.get(pick.post_id, 0) + 1
        if count[pick.post_id] > capacity[pick.post_id]:
            raise BadInput(
                f"{field}.postId",
                f"post '{pick.post_id}' has {capacity[pick.post_id]} place(s)",
            )


async def publish(ctx: Context, selection_id: str, since: dt.date | None, days: int | None) -> str:
    """公示: DECIDED → PUBLISHED, with a notice period of `days` days from `since` (today and the
    configured number of days by default)."""
    length = ctx.rules.selection_notice_days if days is None else days
    if length < 1:
        raise BadInput("days", f"must be at least 1, got {length}")
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
                f"the notice period is from {since.isoformat()} to {until.isoformat()}",
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
                "selectionId", f"the notice period runs until {until.isoformat()}; wait for it"
            )
        decided_on: dt.date = state.selection["decidedOn"]
        started, ended = await sel_graph.appoint(tx, selection_id, decided_on)
        event = _event(ctx, "APPOINTED", appointed_note(started, ended, decided_on, text))
        await sel_graph.advance(tx, selection_id, "APPOINTED", event)

    return await _step(ctx, selection_id, "completePostSelection", step)
