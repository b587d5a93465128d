"""Post reports: township post caps against the posts that exist (`postCaps`), holders below
their post's required levels (`postHoldersBelowRequirement`), and person–post fit (`postFit`,
`personFit`, 人岗匹配) with the score's parts and reasons in plain words."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry

from model.postfit import (
    EXPERIENCE_WEIGHT,
    SKILLS_WEIGHT,
    TOWNSHIP_WEIGHT,
    YEARS_FULL,
    YEARS_WEIGHT,
)
from resolvers import post as posts
from resolvers.post import CapLine, FitMatch
from schema.common import Info, optional_id
from schema.person import Person
from schema.place import Department, Township
from schema.post import Post
from schema.skill import Skill

_SCORE = (
    f"0..1: {SKILLS_WEIGHT} required skills (each level over the required one, capped at 1, "
    f"averaged) + {EXPERIENCE_WEIGHT} experience in a similar post (1 same title, else the "
    f"share of required skills it shares) + {YEARS_WEIGHT} years of service ({YEARS_FULL} = "
    f"full) + {TOWNSHIP_WEIGHT} the post is in the person's township (or county)."
)


@strawberry.type(description="A township's posts against the cap of its kind (岗位数上限).")
class PostCapLine:
    township: Township
    cap: int | None = strawberry.field(
        description="The cap for the township's kind (TOWN 95, SUBDISTRICT 90, TOWNSHIP 85 by "
        "default; configurable); null when none is configured."
    )
    posts: int = strawberry.field(
        description="Posts of the township's own offices and institutions (not of villages)."
    )
    over: int = strawberry.field(description="Posts above the cap; 0 within it.")
    remaining: int | None = strawberry.field(description="Posts left under the cap, or null.")

    @classmethod
    def of(cls, line: CapLine) -> PostCapLine:
        posts = line.township["posts"]
        return cls(
            township=Township.from_row(line.township),
            cap=line.cap,
            posts=posts,
            over=line.over,
            remaining=max(0, line.cap - posts) if line.cap is not None else None,
        )


@strawberry.type(description="A required skill a holder lacks, or holds below its level.")
class SkillGap:
    skill: Skill
    required: int
    level: int = strawberry.field(description="The holder's level; 0 without the skill.")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SkillGap:
        return cls(skill=Skill.from_row(row["skill"]), required=row["required"], level=row["level"])


@strawberry.type(description="An active holder of a post below one or more of its levels.")
class HolderBelowRequirement:
    post: Post
    department: Department
    person: Person
    since: dt.date
    gaps: list[SkillGap]


@strawberry.type(description="Active holders below their post's required levels, and of how many.")
class PostHoldersBelowRequirement:
    as_of: dt.date
    active_holders: int = strawberry.field(
        description="Active holdings of the place's posts on asOf (the people you may see)."
    )
    below_count: int = strawberry.field(description="How many of them fall short (the lines).")
    lines: list[HolderBelowRequirement] = strawberry.field(description="By post id, person id.")


@strawberry.type(description="The parts of a person–post fit, each 0..1.")
class FitParts:
    skills: float
    experience: float
    years: float
    township: float


@strawberry.type(description="A person ranked for a post (人岗匹配).")
class PostFitMatch:
    person: Person
    score: float = strawberry.field(description=_SCORE)
    parts: FitParts
    below_required: int = strawberry.field(
        description="Required skills the person lacks or holds below their level."
    )
    reasons: list[str] = strawberry.field(description="Why, in plain words.")


@strawberry.type(description="A post ranked for a person (人岗匹配).")
class PersonFitMatch:
    post: Post
    score: float = strawberry.field(description=_SCORE)
    parts: FitParts
    below_required: int = strawberry.field(
        description="Required skills the person lacks or holds below their level."
    )
    reasons: list[str] = strawberry.field(description="Why, in plain words.")


def _parts(m: FitMatch) -> FitParts:
    f = m.fit
    return FitParts(
        skills=round(f.skills, 4),
        experience=round(f.experience, 4),
        years=round(f.years, 4),
        township=f.township,
    )


_FIRST = "最多返回条数，1 至 50 (at most this many, 1 to 50)"
_AS_OF = "按此日计算，默认今天 (as of this day; default today)"


@strawberry.type
class PostReportQuery:
    @strawberry.field(
        description="Each township of a county: its posts against the cap of its kind "
        "(seed 002: 95 / 90 / 85), by township id."
    )
    async def post_caps(
        self,
        info: Info,
        county_id: Annotated[strawberry.ID, strawberry.argument(description="县编号 (county id)")],
    ) -> list[PostCapLine]:
        lines = await posts.post_caps(info.context, county_id=str(county_id))
        return [PostCapLine.of(x) for x in lines]

    @strawberry.field(
        description="Active holders of a township's or a county's posts who lack a required "
        "skill or hold it below the required level. Give exactly one of townshipId, countyId."
    )
    async def post_holders_below_requirement(
        self,
        info: Info,
        township_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="乡镇编号 (township id)")
        ] = None,
        county_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="县编号 (county id)")
        ] = None,
        as_of: Annotated[dt.date | None, strawberry.argument(description=_AS_OF)] = None,
    ) -> PostHoldersBelowRequirement:
        row = await posts.holders_below(
            info.context,
            township_id=optional_id(township_id),
            county_id=optional_id(county_id),
            as_of=as_of,
        )
        lines = [
            HolderBelowRequirement(
                post=Post.from_row(x["post"]),
                department=Department.from_row(x["department"]),
                person=Person.from_row(x["person"]),
                since=x["since"],
                gaps=[SkillGap.from_row(g) for g in x["gaps"]],
            )
            for x in row["lines"]
        ]
        return PostHoldersBelowRequirement(
            as_of=row["asOf"],
            active_holders=row["activeHolders"],
            below_count=len(lines),
            lines=lines,
        )

    @strawberry.field(
        description="People of the post's county ranked for a post (人岗匹配): those holding a "
        "required skill or a post of the same title. Best first; ties: fewer required skills "
        "short, then person id."
    )
    async def post_fit(
        self,
        info: Info,
        post_id: Annotated[strawberry.ID, strawberry.argument(description="岗位编号 (post id)")],
        first: Annotated[int, strawberry.argument(description=_FIRST)] = 10,
        as_of: Annotated[dt.date | None, strawberry.argument(description=_AS_OF)] = None,
    ) -> list[PostFitMatch]:
        found = await posts.post_fit(info.context, post_id=str(post_id), first=first, as_of=as_of)
        return [
            PostFitMatch(
                person=Person.from_row(m.person),
                score=m.fit.score,
                parts=_parts(m),
                below_required=m.fit.short,
                reasons=m.fit.reasons,
            )
            for m in found
        ]

    @strawberry.field(
        description="Posts of the person's county ranked for a person (岗位画像): those requiring "
        "a skill the person holds or titled like a post they hold or held. Best first; ties: "
        "fewer required skills short, then post id."
    )
    async def person_fit(
        self,
        info: Info,
        person_id: Annotated[
            strawberry.ID, strawberry.argument(description="人员编号 (person id)")
        ],
        first: Annotated[int, strawberry.argument(description=_FIRST)] = 10,
        as_of: Annotated[dt.date | None, strawberry.argument(description=_AS_OF)] = None,
    ) -> list[PersonFitMatch]:
        found = await posts.person_fit(
            info.context, person_id=str(person_id), first=first, as_of=as_of
        )
        return [
            PersonFitMatch(
                post=Post.from_row(m.post),
                score=m.fit.score,
                parts=_parts(m),
                below_required=m.fit.short,
                reasons=m.fit.reasons,
            )
            for m in found
        ]


QUERIES: tuple[type, ...] = (PostReportQuery,)
MUTATIONS: tuple[type, ...] = ()
