"""Teams: createTeam, addTeamMember and endTeamMembership, each checked and written in ONE
transaction, and the per-request DataLoaders behind team fields, `Township.teams` and
`Person.teams`.

A membership is active on a day D when since ≤ D and (until is null or until ≥ D). A person holds
at most one membership of a team at a time: a new one may not overlap one that is still open or
ends on or after its start.
"""

from __future__ import annotations

import datetime as dt

from graph import team as team_graph
from graph.db import Tx
from graph.rows import PersonNode, TeamNode, UnitRow
from graph.team import MembershipRow, PersonTeamRow, TeamMemberRow
from model.messages import t
from model.periods import is_active
from resolvers import access, checks
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.loaders import Batch

MAX_NAME = 200
MAX_ROLE = 50


def active_on(row: TeamMemberRow | PersonTeamRow, day: dt.date) -> bool:
    return is_active(row["since"], row["until"], day)


# --- DataLoaders ------------------------------------------------------------------------------


TEAM = Batch("team", team_graph.teams_by_id)
TEAM_UNIT = Batch("team_unit", team_graph.team_units)
TEAM_MEMBERS = Batch("team_members", team_graph.team_members)
TEAMS_OF_TOWNSHIPS = Batch("teams_of_townships", team_graph.teams_of_townships)
TEAMS_OF_PEOPLE = Batch("teams_of_people", team_graph.teams_of_people)


def forget_team(ctx: Context) -> None:
    """After a write: nothing of teams cached earlier in the request is trusted any more."""
    ctx.loaders.forget(TEAM, TEAM_MEMBERS, TEAMS_OF_TOWNSHIPS, TEAMS_OF_PEOPLE)


async def team(ctx: Context, team_id: str) -> TeamNode | None:
    return await ctx.loaders.load(TEAM, team_id)


async def unit(ctx: Context, team_id: str) -> UnitRow | None:
    """{kind: 'Township' | 'County', node} the team is OF."""
    return await ctx.loaders.load(TEAM_UNIT, team_id)


async def members(ctx: Context, team_id: str, on: dt.date | None) -> list[TeamMemberRow]:
    """[{person, role, since, until}]; only those active on `on` when given."""
    rows = await ctx.loaders.load(TEAM_MEMBERS, team_id)
    return [r for r in rows if on is None or active_on(r, on)]


async def township_teams(ctx: Context, township_id: str) -> list[TeamNode]:
    return await ctx.loaders.load(TEAMS_OF_TOWNSHIPS, township_id)


async def person_teams(ctx: Context, person_id: str, on: dt.date | None) -> list[PersonTeamRow]:
    """[{team, role, since, until}]; only those active on `on` when given."""
    rows = await ctx.loaders.load(TEAMS_OF_PEOPLE, person_id)
    return [r for r in rows if on is None or active_on(r, on)]


# --- mutations --------------------------------------------------------------------------------


async def create_team(
    ctx: Context,
    *,
    team_id: str | None,
    name: str,
    kind: str,
    domain: str | None,
    township_id: str | None,
    county_id: str | None,
) -> TeamNode:
    if (township_id is None) == (county_id is None):
        raise BadInput("townshipId", t("give either townshipId or countyId (the team's unit)"))
    new = team_graph.NewTeam(
        id=checks.text("id", team_id, 100) if team_id is not None else checks.new_id("TEAM"),
        name=checks.text("name", name, MAX_NAME),
        kind=kind,
        domain=None
        if domain is None or not domain.strip()
        else checks.text("domain", domain, MAX_NAME),
        township_id=township_id,
        county_id=county_id,
        created_at=dt.datetime.now(dt.UTC),
        created_by=ctx.actor,
    )

    async def work(tx: Tx) -> TeamNode:
        await access.require(
            tx,
            ctx,
            townships=[("townshipId", township_id)] if township_id is not None else [],
            counties=[("countyId", county_id)] if county_id is not None else [],
        )
        exists, unit_found = await team_graph.create_check(tx, new)
        if exists:
            raise BadInput("id", t("a team with id '{id}' already exists", id=new.id))
        if not unit_found:
            if township_id is not None:
                raise NotFound("townshipId", "township", township_id)
            raise NotFound("countyId", "county", str(county_id))
        return await team_graph.create(tx, new)

    row = await ctx.graph.transaction(work)
    forget_team(ctx)
    return row


async def _checked(
    tx: Tx, team_id: str, person_id: str
) -> tuple[TeamNode, PersonNode, list[MembershipRow]]:
    """The locked team, the person and their memberships of the team (newest first)."""
    state = await team_graph.membership_check(tx, team_id, person_id)
    if state.team is None:
        raise NotFound("teamId", "team", team_id)
    if state.person is None:
        raise NotFound("personId", "person", person_id)
    return state.team, state.person, state.memberships


async def add_team_member(
    ctx: Context, team_id: str, person_id: str, role: str, since: dt.date | None
) -> TeamNode:
    """Starts a membership (since defaults to today); refused when it would overlap one the
    person already has in the team."""
    title = checks.text("role", role, MAX_ROLE)
    start = since or ctx.today
    now = dt.datetime.now(dt.UTC)

    async def work(tx: Tx) -> TeamNode:
        # Anyone of the caller's county may join a team of their unit.
        await access.require(
            tx, ctx, teams=[("teamId", team_id)], members=[("personId", person_id)]
        )
        team, person, memberships = await _checked(tx, team_id, person_id)
        for m in memberships:
            if m["until"] is None or m["until"] >= start:
                until = "" if m["until"] is None else t(" until {until}", until=m["until"])
                raise BadInput(
                    "personId",
                    t(
                        "{person} is already a member of {team} ({role} since {since}{until})",
                        person=person["name"],
                        team=team["name"],
                        role=m["role"],
                        since=m["since"],
                        until=until,
                    ),
                )
        await team_graph.add_member(
            tx, team_id, person_id, role=title, since=start, actor=ctx.actor, at=now
        )
        return team

    row = await ctx.graph.transaction(work)
    forget_team(ctx)
    return row


async def end_team_membership(
    ctx: Context, team_id: str, person_id: str, until: dt.date | None
) -> TeamNode:
    """Ends the person's open membership of the team on `until` (inclusive, default today)."""
    end = until or ctx.today
    now = dt.datetime.now(dt.UTC)

    async def work(tx: Tx) -> TeamNode:
        await access.require(tx, ctx, teams=[("teamId", team_id)])
        team, person, memberships = await _checked(tx, team_id, person_id)
        open_ = [m for m in memberships if m["until"] is None]
        if not open_:
            raise BadInput(
                "personId",
                t(
                    "{person} has no active membership of {team}",
                    person=person["name"],
                    team=team["name"],
                ),
            )
        since = max(m["since"] for m in open_)
        if end < since:
            raise BadInput(
                "until", t("{end} is before the membership's start {since}", end=end, since=since)
            )
        await team_graph.end_member(tx, team_id, person_id, until=end, actor=ctx.actor, at=now)
        return team

    row = await ctx.graph.transaction(work)
    forget_team(ctx)
    return row
