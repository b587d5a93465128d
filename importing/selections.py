"""The `postSelections` section of the import document: two-way post selections (双向选岗) in any
state of their workflow (model/selection.py), one row each.

This module owns the section's fields and the checks across the fields of one row: what each
step needs (applications before ranking, a decision and its date once DECIDED, a notice once
PUBLISHED), and the rules the mutations apply to each step (posts on offer, at most
maxApplications choices, a ranking of applicants only, a decision within the capacities, an
objection within the notice period), so that an imported selection is one the mutations could
have produced. Pure Python, like `document.py`, which merges this table into its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from importing.fields import (
    INVALID,
    Ctx,
    Fields,
    between,
    enum,
    ident,
    iso_date,
    list_of,
    nested,
    ref,
    text,
)
from model import labels as L
from model.selection import (
    DEFAULT_MAX_APPLICATIONS,
    MAIN_FLOW,
    MAX_CAPACITY,
    notice_until,
)

SECTION = "postSelections"
_MAX_DAYS = 366

FIELDS: Fields = {
    "id": (ident, True), "township": (ref("township"), True), "title": (text, True),
    "deadline": (iso_date, True), "announcedOn": (iso_date, False),
    "maxApplications": (between(1, 20), False),
    "posts": (list_of(nested({"post": (ref("post"), True),
                              "capacity": (between(1, MAX_CAPACITY), False)}),
                      at_least_one="post"), True),
    "applications": (list_of(nested({"person": (ref("person"), True),
                                     "posts": (list_of(ref("post"), at_least_one="post"),
                                               True)})), False),
    "rankings": (list_of(nested({"post": (ref("post"), True),
                                 "people": (list_of(ref("person")), True)})), False),
    "decision": (list_of(nested({"post": (ref("post"), True),
                                 "person": (ref("person"), True)})), False),
    "decidedOn": (iso_date, False),
    "notice": (nested({"publishedOn": (iso_date, True), "days": (between(1, _MAX_DAYS), True)}),
               False),
    "objections": (list_of(nested({"person": (ref("person"), False), "text": (text, True),
                                   "on": (iso_date, True)})), False),
    "status": (enum(*MAIN_FLOW, labels=L.SELECTION_STATUS), True),
}  # fmt: skip

# The data each step records, and the first status that has it.
_STEP_DATA: tuple[tuple[str, str], ...] = (
    ("applications", "APPLYING"),
    ("rankings", "RANKING"),
    ("decision", "DECIDED"),
    ("decidedOn", "DECIDED"),
    ("notice", "PUBLISHED"),
    ("objections", "PUBLISHED"),
)


def reached(status: str, step: str) -> bool:
    """Whether a selection in `status` has gone through `step` of the main flow."""
    return MAIN_FLOW.index(status) >= MAIN_FLOW.index(step)


def _items(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """The valid items of a list field, with their indexes."""
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if item is not INVALID]


def check_row(path: str, row: dict[str, Any], ctx: Ctx) -> None:
    """The checks across the fields of one selection."""
    status = row["status"]
    for key in ("applications", "rankings", "decision", "notice", "objections", "decidedOn"):
        if key in row and row[key] is None:
            ctx.bad(f"{path}.{key}", "must not be null; leave the field out instead")
    offered = _check_posts(path, row, ctx)
    applied = _check_applications(path, row, offered, ctx)
    _check_rankings(path, row, offered, applied, ctx)
    _check_decision(path, row, offered, applied, ctx)
    _check_dates(path, row, ctx)
    if status is INVALID:
        return
    for key, step in _STEP_DATA:
        if row.get(key) not in (None, INVALID, []) and not reached(status, step):
            ctx.bad(f"{path}.{key}", f"a selection that is {status} has no {key} yet"
                    f" (they come with {step})")  # fmt: skip
    needs: list[tuple[str, bool, str]] = [
        ("applications", reached(status, "APPLYING"), "at least one application (自主报名)"),
        ("rankings", status == "RANKING", "at least one ranking (双向选择)"),
    ]
    for key, needed, what in needs:
        if needed and not row.get(key) and row.get(key) is not INVALID:
            ctx.bad(f"{path}.{key}", f"a selection that is {status} needs {what}")
    if reached(status, "DECIDED"):
        for key, what in (("decision", "the decided appointments (集体研究决定)"),
                          ("decidedOn", "the date of the decision")):  # fmt: skip
            if key not in row:
                ctx.bad(f"{path}.{key}", f"a selection that is {status} needs {what}")
    if reached(status, "PUBLISHED") and "notice" not in row:
        ctx.bad(f"{path}.notice", f"a selection that is {status} needs its notice (公示):"
                " publishedOn and days")  # fmt: skip


def _check_posts(path: str, row: dict[str, Any], ctx: Ctx) -> dict[str, int]:
    """{post: capacity} of the posts on offer; a post offered twice is a problem."""
    offered: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, item in _items(row.get("posts")):
        post = item["post"]
        j = first.setdefault(post, i)
        if j != i:
            ctx.bad(f"{path}.posts[{i}].post", f"post '{post}' is offered twice (first at"
                    f" {path}.posts[{j}])")  # fmt: skip
        offered[post] = int(item.get("capacity") or 1)
    return offered


def _check_applications(
    path: str, row: dict[str, Any], offered: dict[str, int], ctx: Ctx
) -> dict[str, list[str]]:
    """{person: posts in order} of the applications; the mutation's rules per application."""
    limit = row.get("maxApplications")
    limit = int(limit) if isinstance(limit, int) else DEFAULT_MAX_APPLICATIONS
    applied: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    for i, item in _items(row.get("applications")):
        here = f"{path}.applications[{i}]"
        person, posts = item["person"], item["posts"]
        j = first.setdefault(person, i)
        if j != i:
            ctx.bad(f"{here}.person", f"'{person}' applies twice (first at"
                    f" {path}.applications[{j}])")  # fmt: skip
            continue
        if len(posts) > limit:
            ctx.bad(f"{here}.posts", f"one person may apply for at most {limit} posts")
        seen: set[str] = set()
        for k, post in enumerate(posts):
            if post in seen:
                ctx.bad(f"{here}.posts[{k}]", f"post '{post}' is listed twice")
            elif post not in offered:
                ctx.bad(f"{here}.posts[{k}]", f"post '{post}' is not on offer in this selection")
            seen.add(post)
        applied[person] = list(posts)
    return applied


def _check_rankings(
    path: str,
    row: dict[str, Any],
    offered: dict[str, int],
    applied: dict[str, list[str]],
    ctx: Ctx,
) -> None:
    first: dict[str, int] = {}
    for i, item in _items(row.get("rankings")):
        here = f"{path}.rankings[{i}]"
        post, people = item["post"], item["people"]
        j = first.setdefault(post, i)
        if j != i:
            ctx.bad(f"{here}.post", f"post '{post}' is ranked twice (first at"
                    f" {path}.rankings[{j}])")  # fmt: skip
        elif post not in offered:
            ctx.bad(f"{here}.post", f"post '{post}' is not on offer in this selection")
        seen: set[str] = set()
        for k, person in enumerate(people):
            if person in seen:
                ctx.bad(f"{here}.people[{k}]", f"'{person}' is listed twice")
            elif post not in applied.get(person, ()):
                ctx.bad(f"{here}.people[{k}]", f"'{person}' has not applied for post '{post}'")
            seen.add(person)


def _check_decision(
    path: str,
    row: dict[str, Any],
    offered: dict[str, int],
    applied: dict[str, list[str]],
    ctx: Ctx,
) -> None:
    seen: set[str] = set()
    taken: dict[str, int] = {}
    for i, item in _items(row.get("decision")):
        here = f"{path}.decision[{i}]"
        post, person = item["post"], item["person"]
        if post not in offered:
            ctx.bad(f"{here}.post", f"post '{post}' is not on offer in this selection")
            continue
        if post not in applied.get(person, ()):
            ctx.bad(f"{here}.person", f"'{person}' has not applied for post '{post}'")
        if person in seen:
            ctx.bad(f"{here}.person", f"'{person}' is appointed twice")
        seen.add(person)
        taken[post] = taken.get(post, 0) + 1
        if taken[post] > offered[post]:
            ctx.bad(f"{here}.post", f"post '{post}' has {offered[post]} place(s)")


def _date(row: dict[str, Any], key: str) -> date | None:
    value = row.get(key)
    return value if isinstance(value, date) else None


def _check_dates(path: str, row: dict[str, Any], ctx: Ctx) -> None:
    """The steps in the order of their dates: announced by the deadline, decided after the
    announcement, published after the decision, objections within the notice period."""
    announced, deadline, decided = (_date(row, k) for k in ("announcedOn", "deadline", "decidedOn"))
    if announced and deadline and deadline < announced:
        ctx.bad(f"{path}.deadline", f"{deadline} is before announcedOn {announced}")
    if announced and decided and decided < announced:
        ctx.bad(f"{path}.decidedOn", f"{decided} is before announcedOn {announced}")
    notice = row.get("notice")
    if not isinstance(notice, dict):
        return
    since: date = notice["publishedOn"]
    if decided and since < decided:
        ctx.bad(f"{path}.notice.publishedOn", f"{since} is before decidedOn {decided}")
    until = notice_until(since, int(notice["days"]))
    for i, item in _items(row.get("objections")):
        on: date = item["on"]
        if not since <= on <= until:
            ctx.bad(f"{path}.objections[{i}].on", f"{on} is outside the notice period from"
                    f" {since} to {until}")  # fmt: skip
