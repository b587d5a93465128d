"""The three headline traversals: peopleWhoServed, mentorCandidates, talentPool, and their
result types."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any

import strawberry

from model.talent import UNKNOWN_DISTANCE
from resolvers import matching
from schema.common import After, Info, PageInfo, ids
from schema.connection import selects
from schema.enums import SkillMatch, SpecialistType, TalentOrder
from schema.person import Person
from schema.person_links import Service
from schema.skill import PersonSkill, Skill


@strawberry.type(description="A person with the skill who served the village, and how.")
class ServiceMatch:
    person: Person
    skill: Skill = strawberry.field(
        description="The person's matching skill with the highest level (ties: skill id)."
    )
    level: int
    services: list[Service] = strawberry.field(
        description="The qualifying services in that village, newest `since` first."
    )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> ServiceMatch:
        return cls(
            person=Person.from_row(row["person"]),
            skill=Skill.from_row(row["skill"]),
            level=row["level"],
            services=[Service.from_row(s) for s in row["services"]],
        )


@strawberry.enum(description="How mentorCandidates ranks mentors.")
class MentorOrder(Enum):
    SCORE = strawberry.enum_value("SCORE", description="Highest score first, then id.")
    COVERAGE = strawberry.enum_value(
        "COVERAGE", description="Most target skills covered first, then score, then id."
    )


@strawberry.type(description="An eligible mentor, the score that ranks them and why.")
class MentorMatch:
    mentor: Person
    score: float = strawberry.field(
        description="0..1: 0.40 coverage of target skills (levels/5 over targets) + 0.15 same "
        "township + 0.15 spare mentee capacity + 0.10 years of service (30 = full) + 0.20 "
        "township↔village bridge (half cross-side pairing, half village experience)."
    )
    reasons: list[str] = strawberry.field(description="Why this mentor, in plain words.")
    covered_skills: list[Skill] = strawberry.field(
        description="Target skills the mentor holds at level ≥ 3 and above the mentee."
    )
    active_mentees: int

    @classmethod
    def from_candidate(cls, found: matching.MentorCandidate) -> MentorMatch:
        return cls(
            mentor=Person.from_row(found.row["mentor"]),
            score=found.score,
            reasons=[r.render() for r in found.reasons],
            covered_skills=[Skill.from_row(x["skill"]) for x in found.row["covered"]],
            active_mentees=found.row["activeMentees"],
        )


@strawberry.type(description="A specialist in the talent pool, with the cursor after them.")
class TalentEdge:
    cursor: str
    node: Person
    score: float = strawberry.field(
        description="Sum of matched levels over the best possible (5 per requested skill), 0..1."
    )
    matched_skills: list[PersonSkill]
    work_team_terms: list[Service] = strawberry.field(
        description="With formerWorkTeam: the person's ended first-secretary and work-team "
        "terms in villages of the caller's county, newest first (what they did and where); "
        "empty otherwise."
    )
    distance_meters: int | None = strawberry.field(
        description="With orderBy NEAREST: meters from the person's unit to the township (0 "
        "when dispatched there); null otherwise or when no unit of theirs is located."
    )
    workload: int | None = strawberry.field(
        description="With orderBy LEAST_BUSY: open task assignments plus active services; "
        "null otherwise."
    )


@strawberry.type(description="People holding the requested skills, best match first.")
class TalentConnection:
    total_count: int = strawberry.field(
        description="符合条件的总人数；仅在选择此字段时才计数 (everyone who matches; counted only "
        "when selected)"
    )
    edges: list[TalentEdge]
    page_info: PageInfo


@strawberry.type
class MatchingQuery:
    @strawberry.field(
        description="Who with this skill (or a narrower one) has served this "
        "village, since when and in what role. Ongoing service first."
    )
    async def people_who_served(
        self,
        info: Info,
        village_id: Annotated[
            strawberry.ID, strawberry.argument(description="村庄编号 (village id)")
        ],
        skill_id: Annotated[strawberry.ID, strawberry.argument(description="技能编号 (skill id)")],
        served_since: Annotated[
            dt.date | None,
            strawberry.argument(
                description="只看此日仍在进行的服务 (only services not ended before this day)"
            ),
        ] = None,
        include_narrower_skills: Annotated[
            bool | None,
            strawberry.argument(
                description="含更细分的技能 (include narrower skills, e.g. 水稻栽培 under 农业)"
            ),
        ] = True,
        min_level: Annotated[
            int | None,
            strawberry.argument(description="技能最低等级，1 至 5 (minimum skill level, 1 to 5)"),
        ] = 1,
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
        "else the mentee's own. Best first: highest score (then id) by default; with orderBy "
        "COVERAGE, most target skills covered first."
    )
    async def mentor_candidates(
        self,
        info: Info,
        mentee_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="徒弟的人员编号 (person id of the mentee)"),
        ],
        skill_ids: Annotated[
            list[strawberry.ID] | None,
            strawberry.argument(
                description="目标技能编号 (target skills; default: the mentee's posts', else own)"
            ),
        ] = None,
        limit: Annotated[
            int | None,
            strawberry.argument(
                description="最多返回人数，1 至 50 (at most this many mentors, 1 to 50)"
            ),
        ] = 10,
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(
                description="按此日计算带徒与任职 (day for active mentees and posts; default today)"
            ),
        ] = None,
        order_by: Annotated[
            MentorOrder | None,
            strawberry.argument(
                description="排序：得分（SCORE）或覆盖技能数（COVERAGE） (rank by score, or by "
                "target skills covered first)"
            ),
        ] = MentorOrder.SCORE,
    ) -> list[MentorMatch]:
        found = await matching.mentor_candidates(
            info.context,
            mentee_id=str(mentee_id),
            skill_ids=ids(skill_ids),
            limit=10 if limit is None else limit,
            as_of=as_of,
            by_coverage=order_by is MentorOrder.COVERAGE,
        )
        return [MentorMatch.from_candidate(c) for c in found]

    @strawberry.field(
        description="Specialists holding ANY (or ALL) of the skills (skillIds and/or a "
        "specialistType's; a narrower skill counts for a broader one asked unless "
        "includeNarrowerSkills is false), most skills and highest levels first (orderBy breaks "
        "ties by distance or workload before the id); within a township's reach and free of "
        "residential village duty on availableOn when given. With formerWorkTeam, the expert "
        "pool (专家库) instead: only former first secretaries and work-team members (a term "
        "ended before availableOn, default today, and none held on it; with townshipId, a term "
        "in its villages), each with workTeamTerms."
    )
    async def talent_pool(
        self,
        info: Info,
        skill_ids: Annotated[
            list[strawberry.ID] | None,
            strawberry.argument(
                description="技能编号；可与 specialistType 同用 (skill ids; with or instead of "
                "specialistType)"
            ),
        ] = None,
        match: Annotated[
            SkillMatch | None,
            strawberry.argument(
                description="持有任一（ANY）还是全部（ALL）技能 (hold ANY or ALL of the skills)"
            ),
        ] = SkillMatch.ANY,
        min_level: Annotated[
            int | None,
            strawberry.argument(description="技能最低等级，1 至 5 (minimum skill level, 1 to 5)"),
        ] = 1,
        township_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="只看该乡镇可调配的人员 (only people within this township's reach)"
            ),
        ] = None,
        available_on: Annotated[
            dt.date | None,
            strawberry.argument(
                description="只看此日无驻村任务者 (only people free of residential duty this day)"
            ),
        ] = None,
        first: Annotated[
            int | None,
            strawberry.argument(description="每页条数，最多 100 (page size, at most 100)"),
        ] = 20,
        after: After = None,
        former_work_team: Annotated[
            bool | None,
            strawberry.argument(
                description="专家库：只看已期满的第一书记和工作队员 (the expert pool: only former "
                "first secretaries and work-team members — a term ended before availableOn, "
                "default today, and none held on it — with their terms; with townshipId, those "
                "who served its villages)"
            ),
        ] = False,
        include_narrower_skills: Annotated[
            bool | None,
            strawberry.argument(
                description="含更细分的技能 (include narrower skills, e.g. 直播带货 under 电子商务)"
            ),
        ] = True,
        specialist_type: Annotated[
            SpecialistType | None,
            strawberry.argument(
                description="人才类型：其技能集合并入 skillIds (a specialist type: its skills "
                "join skillIds)"
            ),
        ] = None,
        order_by: Annotated[
            TalentOrder | None,
            strawberry.argument(
                description="排序：并列时按距离或工作量 (order; NEAREST needs townshipId)"
            ),
        ] = TalentOrder.MATCH,
    ) -> TalentConnection:
        order = (order_by or TalentOrder.MATCH).name
        page = await matching.talent_pool(
            info.context,
            skill_ids=ids(skill_ids),
            match_all=match is SkillMatch.ALL,
            min_level=1 if min_level is None else min_level,
            township_id=str(township_id) if township_id else None,
            available_on=available_on,
            first=20 if first is None else first,
            after=after,
            former_work_team=bool(former_work_team),
            include_narrower=include_narrower_skills is not False,
            specialist_type=specialist_type.name if specialist_type is not None else None,
            order_by=order,
            with_total=selects(info, "totalCount"),
        )
        edges = [
            TalentEdge(
                cursor=c,
                node=Person.from_row(t.row["person"]),
                score=t.score,
                matched_skills=[PersonSkill.from_row(m) for m in t.row["matched"]],
                work_team_terms=[Service.from_row(s) for s in t.row.get("terms", [])],
                distance_meters=t.row["tie"]
                if order == "NEAREST" and t.row["tie"] != UNKNOWN_DISTANCE
                else None,
                workload=t.row["tie"] if order == "LEAST_BUSY" else None,
            )
            for t, c in zip(page.rows, page.cursors, strict=True)
        ]
        return TalentConnection(
            total_count=page.total,
            edges=edges,
            page_info=PageInfo.of(page),
        )


QUERIES: tuple[type, ...] = (MatchingQuery,)
MUTATIONS: tuple[type, ...] = ()
