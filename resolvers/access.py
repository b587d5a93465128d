"""The write scope of every mutation, checked in one place, inside the mutation's transaction
before anything is written (the role gate, schema/access.py, has already let the call through).

What a caller may change: places, departments, posts, needs, tasks, teams and post selections of
their unit or below it; the skills and mentees of the people of their unit; appointments
(services, dispatches, trainings) at a place of their unit, of anyone of their county; assignees,
team members, mentors and applicants from anywhere in their county. ADMIN changes everything,
anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph import access
from graph.db import Tx
from model.access import Role
from model.messages import t
from resolvers.context import Context
from resolvers.errors import Forbidden

Targets = Sequence[tuple[str, str]]  # (the argument's name, the id it gives)


class ScopeRefused(Forbidden):
    """A target lies outside what the caller may change; the message names the argument."""

    def __init__(self, field: str, ident: str, unit: str | None, same_county: bool) -> None:
        where = t("your unit '{unit}'", unit=unit) if same_county else t("your county")
        super().__init__(
            t("{field}: '{ident}' is outside {where}; you may not change it",
              field=field, ident=ident, where=where)
        )  # fmt: skip
        self.field = field


async def require(
    tx: Tx,
    ctx: Context,
    *,
    villages: Targets = (),
    townships: Targets = (),
    counties: Targets = (),
    departments: Targets = (),
    posts: Targets = (),
    needs: Targets = (),
    tasks: Targets = (),
    teams: Targets = (),
    selections: Targets = (),
    people: Targets = (),
    members: Targets = (),
) -> None:
    """Refuses (FORBIDDEN) the first target outside the caller's write scope; `people` must be
    people of the caller's unit, `members` people of their county. For ADMIN (and in-process
    callers) there is nothing to check, so no query is sent."""
    if ctx.caller is None or ctx.caller.role is Role.ADMIN:
        return
    found = await access.outside(
        tx,
        {"villages": villages, "townships": townships, "counties": counties,
         "departments": departments, "posts": posts, "needs": needs, "tasks": tasks, "teams": teams,
         "selections": selections, "people": people, "members": members},
    )  # fmt: skip
    if found:
        first = found[0]
        unit = ctx.caller.unit_id if ctx.caller is not None else None
        raise ScopeRefused(first["field"], first["id"], unit, first["county"])
