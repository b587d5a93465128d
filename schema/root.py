"""The root Query and Mutation, and the Schema with its protections (depth, aliases, tokens,
bounded parser and validation caches, role gating of mutations, a cost limit), its audit entry and
clerk-readable errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.scalars import JSON
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from graph.person import PeopleFilter as GraphPeopleFilter
from resolvers import importing, matching, person, place, skill
from schema import appointment, emergency, flow, need, task, team
from schema.access import MutationGate
from schema.audit import AuditTrail
from schema.common import Info, PageInfo
from schema.cost import DEFAULT_MAX_COST, CostLimit
from schema.enums import SkillMatch
from schema.errors import ClerkErrors
from schema.importing import ImportResult
from schema.matching import MentorMatch, ServiceMatch, TalentConnection, TalentEdge
from schema.person import PeopleFilter, Person, PersonConnection, PersonEdge
from schema.place import County, Department, Township, Village
from schema.post import Post
from schema.skill import PersonSkill, Skill


def _ids(values: list[strawberry.ID] | None) -> list[str] | None:
    return None if values is None else [str(v) for v in values]


@strawberry.type
class CoreQuery:
    @strawberry.field(description="A person by id, or null.")
    async def person(self, info: Info, id: strawberry.ID) -> Person | None:
        row = await info.context.loaders.person.load(str(id))
        return Person.from_row(row) if row else None

    @strawberry.field(description="A village by id, or null.")
    async def village(self, info: Info, id: strawberry.ID) -> Village | None:
        row = await info.context.loaders.village.load(str(id))
        return Village.from_row(row) if row else None

    @strawberry.field(description="A township by id, or null.")
    async def township(self, info: Info, id: strawberry.ID) -> Township | None:
        row = await info.context.loaders.township.load(str(id))
        return Township.from_row(row) if row else None

    @strawberry.field(description="A county by id, or null.")
    async def county(self, info: Info, id: strawberry.ID) -> County | None:
        row = await info.context.loaders.county.load(str(id))
        return County.from_row(row) if row else None

    @strawberry.field(description="A department by id, or null.")
    async def department(self, info: Info, id: strawberry.ID) -> Department | None:
        row = await info.context.loaders.department.load(str(id))
        return Department.from_row(row) if row else None

    @strawberry.field(description="A skill by id, or null.")
    async def skill(self, info: Info, id: strawberry.ID) -> Skill | None:
        row = await info.context.loaders.skill.load(str(id))
        return Skill.from_row(row) if row else None

    @strawberry.field(description="A post by id, or null.")
    async def post(self, info: Info, id: strawberry.ID) -> Post | None:
        row = await info.context.loaders.post.load(str(id))
        return Post.from_row(row) if row else None

    @strawberry.field(
        description="People matching every given filter, by id; keyset-paged, first ≤ 100."
    )
    async def people(
        self,
        info: Info,
        filter: PeopleFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> PersonConnection:
        f = filter or PeopleFilter()
        page = await person.people(
            info.context,
            GraphPeopleFilter(
                search=f.search,
                skill_ids=_ids(f.skill_ids),
                township_id=str(f.township_id) if f.township_id else None,
                department_id=str(f.department_id) if f.department_id else None,
                political_status=f.political_status.name if f.political_status else None,
                min_age=f.min_age,
                max_age=f.max_age,
            ),
            first=first,
            after=after,
        )
        edges = [
            PersonEdge(cursor=c, node=Person.from_row(r))
            for r, c in zip(page.rows, page.cursors, strict=True)
        ]
        return PersonConnection(
            total_count=page.total,
            edges=edges,
            page_info=PageInfo.of(
                page.cursors, has_next=page.has_next, has_previous=page.has_previous
            ),
        )

    @strawberry.field(description="Skills by id, or full-text matches (names and aliases, CJK).")
    async def skills(self, info: Info, search: str | None = None, first: int = 100) -> list[Skill]:
        return [Skill.from_row(r) for r in await skill.skills(info.context, search, first)]

    @strawberry.field(description="All counties, by id.")
    async def counties(self, info: Info) -> list[County]:
        return [County.from_row(r) for r in await place.counties(info.context)]

    @strawberry.field(description="Townships, of one county when countyId is given, by id.")
    async def townships(self, info: Info, county_id: strawberry.ID | None = None) -> list[Township]:
        rows = await place.townships(info.context, str(county_id) if county_id else None)
        return [Township.from_row(r) for r in rows]

    @strawberry.field(description="Villages of a township, by id.")
    async def villages(self, info: Info, township_id: strawberry.ID) -> list[Village]:
        return [Village.from_row(r) for r in await place.villages(info.context, str(township_id))]

    @strawberry.field(
        description="Who with this skill (or a narrower one) has served this "
        "village, since when and in what role. Ongoing service first."
    )
    async def people_who_served(
        self,
        info: Info,
        village_id: strawberry.ID,
        skill_id: strawberry.ID,
        served_since: dt.date | None = None,
        include_narrower_skills: bool | None = True,
        min_level: int | None = 1,
    ) -> list[ServiceMatch]:
        rows = await matching.people_who_served(
            info.context,
            village_id=str(village_id),
            skill_id=str(skill_id),
            served_since=served_since,
            include_narrower=include_narrower_skills is not False,
            min_level=1 if min_level is None else min_level,
        )
        return [ServiceMatch.from_row(r) for r in rows]

    @strawberry.field(
        description="Mentors who can pair with this mentee (师徒结对), best first, "
        "with reasons. Target skills: skillIds, else those of the mentee's posts, "
        "else the mentee's own."
    )
    async def mentor_candidates(
        self,
        info: Info,
        mentee_id: strawberry.ID,
        skill_ids: list[strawberry.ID] | None = None,
        limit: int | None = 10,
        as_of: dt.date | None = None,
    ) -> list[MentorMatch]:
        found = await matching.mentor_candidates(
            info.context,
            mentee_id=str(mentee_id),
            skill_ids=_ids(skill_ids),
            limit=10 if limit is None else limit,
            as_of=as_of,
        )
        return [
            MentorMatch(
                mentor=Person.from_row(c.row["mentor"]),
                score=round(c.row["score"], 4),
                reasons=c.reasons,
                covered_skills=[Skill.from_row(x["skill"]) for x in c.row["covered"]],
                active_mentees=c.row["activeMentees"],
            )
            for c in found
        ]

    @strawberry.field(
        description="Specialists holding ANY (or ALL) of the skills, most skills "
        "and highest levels first; within a township's reach and free of "
        "residential village duty on availableOn when given."
    )
    async def talent_pool(
        self,
        info: Info,
        skill_ids: list[strawberry.ID],
        match: SkillMatch | None = SkillMatch.ANY,
        min_level: int | None = 1,
        township_id: strawberry.ID | None = None,
        available_on: dt.date | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> TalentConnection:
        ids = [str(s) for s in skill_ids]
        page = await matching.talent_pool(
            info.context,
            skill_ids=ids,
            match_all=match is SkillMatch.ALL,
            min_level=1 if min_level is None else min_level,
            township_id=str(township_id) if township_id else None,
            available_on=available_on,
            first=20 if first is None else first,
            after=after,
        )
        requested = len(set(ids))
        edges = [
            TalentEdge(
                cursor=c,
                node=Person.from_row(r["person"]),
                score=matching.talent_score(r, requested),
                matched_skills=[PersonSkill.from_row(m) for m in r["matched"]],
            )
            for r, c in zip(page.rows, page.cursors, strict=True)
        ]
        return TalentConnection(
            total_count=page.total,
            edges=edges,
            page_info=PageInfo.of(
                page.cursors, has_next=page.has_next, has_previous=page.has_previous
            ),
        )


@strawberry.type
class ImportMutation:
    @strawberry.mutation(
        description="Imports a roster document (see README): validated whole "
        "first; on any problem nothing is written. Idempotent."
    )
    async def import_document(
        self, info: Info, document: JSON, dry_run: bool | None = False
    ) -> ImportResult:
        report = await importing.import_json(info.context, document, dry_run=bool(dry_run))
        return ImportResult.from_report(report)


class TowngraphSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # ClerkErrors logs what is unexpected, once, with its stack trace; a clerk's typo is
        # not worth a stack trace in the log.
        return None


def build_schema(
    *,
    max_depth: int = 10,
    max_aliases: int = 30,
    max_tokens: int = 5000,
    cache_size: int = 256,
    max_cost: int = DEFAULT_MAX_COST,
) -> strawberry.Schema:
    # Factories: a fresh extension per request (no shared per-request state); the parser and
    # validation caches are module-level LRUs keyed by maxsize, so they still span requests.
    # The depth and alias rules are built ONCE: the validation cache is keyed by the rule
    # classes, and a limiter built per request would bring a new class, and a miss, each time.
    limit_rules = [
        *QueryDepthLimiter(max_depth=max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules,
    ]
    # AuditTrail first: its end of on_operation runs last, after ClerkErrors set the codes.
    extensions: list[Any] = [
        AuditTrail,
        ClerkErrors,
        lambda: AddValidationRules(limit_rules),
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        lambda: ParserCache(maxsize=cache_size),
        lambda: ValidationCache(maxsize=cache_size),
        MutationGate,
        lambda: CostLimit(max_cost=max_cost),
    ]
    return TowngraphSchema(query=Query, mutation=Mutation, extensions=extensions)


# Each domain module lists its root types in QUERIES / MUTATIONS; the roots merge them, so a
# new domain adds fields without editing the root types of the others.
_DOMAINS = (need, task, team, emergency, appointment, flow)
Query = merge_types("Query", (CoreQuery, *(q for d in _DOMAINS for q in d.QUERIES)))
Mutation = merge_types("Mutation", (ImportMutation, *(m for d in _DOMAINS for m in d.MUTATIONS)))
