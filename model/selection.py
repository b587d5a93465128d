"""Two-way post selection (双向选岗, seed 002): its statuses, which step may follow which, the
default ranking of applicants, and the proposal for the collective decision (deferred
acceptance).

ANNOUNCED (公告: the posts on offer, a deadline) → APPLYING (自主报名: applyForPosts, each
person up to N posts in order of preference, until the deadline) → RANKING (双向选择: the
township ranks the applicants per post: rankApplicants) → DECIDED (集体研究决定:
decidePostSelection) → PUBLISHED (公示: a notice period; objectToPostSelection) → APPOINTED
(任职: completePostSelection; HOLDS since the decision date).

Pure rules and arithmetic: every layer may import it; Cypher gets these values as parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MAIN_FLOW = ("ANNOUNCED", "APPLYING", "RANKING", "DECIDED", "PUBLISHED", "APPOINTED")
SELECTION_STATUSES = MAIN_FLOW
# What a SelectionEvent records: a step of the flow, or an objection during the notice period.
OBJECTED = "OBJECTED"
SELECTION_STEPS = (*MAIN_FLOW[:-1], OBJECTED, MAIN_FLOW[-1])

# The mutations allowed per status. The township may skip ranking (the default ranking applies)
# and decide straight after the applications.
FORWARD: Mapping[str, tuple[str, ...]] = {
    "ANNOUNCED": ("applyForPosts",),
    "APPLYING": ("applyForPosts", "rankApplicants", "decidePostSelection"),
    "RANKING": ("rankApplicants", "decidePostSelection"),
    "DECIDED": ("publishPostSelection",),
    "PUBLISHED": ("objectToPostSelection", "completePostSelection"),
}

# Defaults of the configurable rules (server/settings.py).
DEFAULT_MAX_APPLICATIONS = 3  # posts one person may apply for in one selection
DEFAULT_NOTICE_DAYS = 5  # 公示 lasts at least five working days in the pilots
MAX_CAPACITY = 50


def next_steps(status: str) -> list[str]:
    """The mutations allowed on a selection in `status`, in the order of the flow."""
    return list(FORWARD.get(status, ()))


def refusal_text(selection_id: str, status: str) -> str:
    """Why a step is refused: the status and the allowed next steps."""
    steps = next_steps(status)
    if not steps:
        return f"post selection {selection_id} is {status}; no further step is allowed"
    if len(steps) == 1:
        return f"post selection {selection_id} is {status}; the next step is {steps[0]}"
    allowed = f"{', '.join(steps[:-1])} or {steps[-1]}"
    return f"post selection {selection_id} is {status}; the next steps are {allowed}"


# --- the default ranking (a township that has not ranked a post) ------------------------------

COVERED_WEIGHT = 10  # a required skill held at the required level or above


def fit_score(required: Mapping[str, int], held: Mapping[str, int]) -> int:
    """The default fit of a person for a post: 10 points per required skill held at or above its
    required level, plus the levels held of the required skills (capped at 5 each). Higher is
    better; a person with none of the skills scores 0. One function, to be swapped for a fuller
    person–post fit."""
    score = 0
    for skill, level in required.items():
        have = held.get(skill, 0)
        if have >= level:
            score += COVERED_WEIGHT
        score += min(have, 5)
    return score


def post_order(
    applicants: Sequence[str],
    ranking: Sequence[str],
    scores: Mapping[str, int],
) -> list[str]:
    """The township's order of the applicants of one post: those it ranked, in its order, then
    the others by the default fit score (highest first, then by id)."""
    ranked = [p for p in ranking if p in applicants]
    rest = sorted((p for p in applicants if p not in ranked), key=lambda p: (-scores.get(p, 0), p))
    return [*ranked, *rest]


# --- the proposal: deferred acceptance, applicants proposing ----------------------------------


@dataclass(frozen=True)
class Pick:
    post_id: str
    person_id: str


def deferred_acceptance(
    preferences: Mapping[str, Sequence[str]],
    orders: Mapping[str, Sequence[str]],
    capacities: Mapping[str, int],
) -> list[Pick]:
    """The applicant-optimal stable assignment (Gale–Shapley): each applicant proposes to the
    posts in their order of preference; a post keeps the best `capacity` proposers by its order
    and rejects the rest, who propose to their next post. No applicant and post both prefer each
    other to what they got. `orders[post]` lists the acceptable applicants best first; a post
    not in it accepts no one. Picks by post id, then by the post's order."""
    rank = {post: {p: i for i, p in enumerate(order)} for post, order in orders.items()}
    held: dict[str, list[str]] = {post: [] for post in orders}
    nxt = dict.fromkeys(preferences, 0)
    free = sorted(preferences)
    while free:
        person = free.pop(0)
        prefs = preferences[person]
        while nxt[person] < len(prefs):
            post = prefs[nxt[person]]
            nxt[person] += 1
            if person not in rank.get(post, {}):
                continue  # the post does not accept this person
            order = rank[post]
            held[post].append(person)
            held[post].sort(key=order.__getitem__)
            if len(held[post]) <= capacities.get(post, 1):
                break
            # Over capacity: the post's worst proposer is rejected and proposes again.
            rejected = held[post].pop()
            if rejected != person:
                free.append(rejected)
                break
    return [Pick(post, p) for post in sorted(held) for p in held[post]]


def blocking_pairs(
    picks: Sequence[Pick],
    preferences: Mapping[str, Sequence[str]],
    orders: Mapping[str, Sequence[str]],
    capacities: Mapping[str, int],
) -> list[Pick]:
    """The (post, person) pairs that both prefer each other to the assignment `picks`: a person
    who ranks the post above their own (or has none) and a post with a free place or holding
    someone it ranks below the person. Empty when the assignment is stable."""
    post_of = {pick.person_id: pick.post_id for pick in picks}
    holders: dict[str, list[str]] = {}
    for pick in picks:
        holders.setdefault(pick.post_id, []).append(pick.person_id)
    out: list[Pick] = []
    for person, prefs in sorted(preferences.items()):
        own = post_of.get(person)
        better = prefs[: prefs.index(own)] if own in prefs else list(prefs)
        for post in better:
            order = list(orders.get(post, ()))
            if person not in order:
                continue
            current = holders.get(post, [])
            if len(current) < capacities.get(post, 1) or any(
                order.index(h) > order.index(person) for h in current if h in order
            ):
                out.append(Pick(post, person))
    return out


def proposal(
    offers: Sequence[Mapping[str, Any]], applications: Sequence[Mapping[str, Any]]
) -> list[Pick]:
    """The stable proposal: applicants' choices against the township's order of each post (its
    ranking, the rest by the default fit score). `offers`: {postId, capacity, ranking, requires};
    `applications`: {personId, choices, levels}. The API and the import compute it from the same
    stored state (graph/cypher/selection/lock)."""
    held = {a["personId"]: {x["skillId"]: x["level"] for x in a["levels"]} for a in applications}
    preferences = {a["personId"]: list(a["choices"]) for a in applications}
    orders: dict[str, list[str]] = {}
    capacities: dict[str, int] = {}
    for offer in offers:
        post = offer["postId"]
        required = {x["skillId"]: x["level"] for x in offer["requires"]}
        applicants = [p for p, prefs in preferences.items() if post in prefs]
        scores = {p: fit_score(required, held[p]) for p in applicants}
        orders[post] = post_order(applicants, offer.get("ranking") or [], scores)
        capacities[post] = int(offer["capacity"])
    return deferred_acceptance(preferences, orders, capacities)


@dataclass(frozen=True)
class Difference:
    """A post whose decided holders differ from the proposal."""

    post_id: str
    proposed: tuple[str, ...]
    decided: tuple[str, ...]


def differences(proposal: Sequence[Pick], decision: Sequence[Pick]) -> list[Difference]:
    """The posts where the decision differs from the proposal, by post id."""
    posts = sorted({p.post_id for p in proposal} | {p.post_id for p in decision})
    out: list[Difference] = []
    for post in posts:
        proposed = tuple(sorted(p.person_id for p in proposal if p.post_id == post))
        decided = tuple(sorted(p.person_id for p in decision if p.post_id == post))
        if proposed != decided:
            out.append(Difference(post, proposed, decided))
    return out


# --- what each step's SelectionEvent says (the mutations and the import alike) ----------------


def announced_note(posts: int, deadline: dt.date) -> str:
    return f"{posts} posts, applications until {deadline}"


def applied_note(name: str, post_ids: Sequence[str], *, replaced: bool = False) -> str:
    verb = "changed the application" if replaced else "applied"
    return f"{name} {verb}: {', '.join(post_ids)}"


def ranked_note(post_id: str, person_ids: Sequence[str]) -> str:
    return f"{post_id}: {', '.join(person_ids) or 'default ranking'}"


def decided_note(diffs: Sequence[Difference], text: str | None = None) -> str:
    summary = (
        "as proposed"
        if not diffs
        else "differs from the proposal on " + ", ".join(d.post_id for d in diffs)
    )
    return summary + (f"; {text}" if text else "")


def notice_until(since: dt.date, days: int) -> dt.date:
    """The last day of a notice period of `days` days from `since`."""
    return since + dt.timedelta(days=days - 1)


def published_note(since: dt.date, until: dt.date) -> str:
    return f"notice from {since} until {until}"


def appointed_note(started: int, ended: int, decided_on: dt.date, text: str | None = None) -> str:
    return f"{started} appointed since {decided_on}, {ended} handed over" + (
        f"; {text}" if text else ""
    )
