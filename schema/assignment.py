"""mentorAssignment (a whole intake of mentees at once), confirmMentorAssignment, and
teamProposal (the smallest team covering a need's or a task's skills), with their result types."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import strawberry

from resolvers import assignment
from schema.appointment import MentorshipPayload
from schema.common import Info, ids, optional_id
from schema.person import Person
from schema.skill import PersonSkill, Skill

ORDER = (
    "Order of proposals: more mentees paired, then more target skills covered in total (so a "
    "mentor covering both target skills beats one covering one, whatever the bonuses), then the "
    "higher sum of mentorCandidates scores."
)


@strawberry.enum(description="县 / 乡镇 / 村: the level of a mentor, where their department is.")
class MentorLevel(Enum):
    COUNTY = "COUNTY"
    TOWNSHIP = "TOWNSHIP"
    VILLAGE = "VILLAGE"


def _level(value: str | None) -> MentorLevel | None:
    return None if value is None else MentorLevel(value)


@strawberry.type(description="A proposed mentor for a mentee, and why.")
class MentorPair:
    mentee: Person
    mentor: Person
    level: MentorLevel | None = strawberry.field(
        description="With threeLevels: the level this mentor stands for; null otherwise."
    )
    score: float = strawberry.field(description="The pair's mentorCandidates score, 0..1.")
    covered_skills: list[Skill] = strawberry.field(
        description="Target skills the mentor holds at level ≥ 3 and above the mentee."
    )
    reasons: list[str] = strawberry.field(description="Why this mentor, in plain words.")

    @classmethod
    def of(cls, p: assignment.ProposedPair) -> MentorPair:
        return cls(
            mentee=Person.from_row(p.mentee),
            mentor=Person.from_row(p.candidate["mentor"]),
            level=_level(p.level),
            score=p.score,
            covered_skills=[Skill.from_row(c["skill"]) for c in p.candidate["covered"]],
            reasons=p.reasons,
        )


@strawberry.type(description="A mentee left without a mentor (at a level), and why.")
class UnassignedMentee:
    mentee: Person
    level: MentorLevel | None = strawberry.field(description="With threeLevels; null otherwise.")
    reason: str


@strawberry.type(description="What the greedy one-by-one choice gives: each mentee in the "
                 "order given takes their best mentor with a place left.")  # fmt: skip
class GreedyAssignment:
    pairs: list[MentorPair]
    unassigned_count: int
    total_score: float
    covered_skill_count: int


@strawberry.type(description="A proposed pairing of a whole intake; nothing is written until "
                 "confirmMentorAssignment. " + ORDER)  # fmt: skip
class MentorAssignment:
    pairs: list[MentorPair] = strawberry.field(
        description="In the order of menteeIds (with threeLevels: county, township, village)."
    )
    unassigned: list[UnassignedMentee]
    total_score: float = strawberry.field(description="Sum of the pairs' scores.")
    covered_skill_count: int = strawberry.field(
        description="Target skills covered, summed over the pairs."
    )
    greedy: GreedyAssignment = strawberry.field(
        description="The greedy baseline, never better than `pairs` in the order above."
    )


def _assignment(p: assignment.Proposal) -> MentorAssignment:
    best, base = p.optimal, p.greedy
    return MentorAssignment(
        pairs=[MentorPair.of(x) for x in best.pairs],
        unassigned=[
            UnassignedMentee(
                mentee=Person.from_row(u.mentee), level=_level(u.level), reason=u.reason
            )
            for u in best.unassigned
        ],
        total_score=best.total_score,
        covered_skill_count=best.total_covered,
        greedy=GreedyAssignment(
            pairs=[MentorPair.of(x) for x in base.pairs],
            unassigned_count=len(base.unassigned),
            total_score=base.total_score,
            covered_skill_count=base.total_covered,
        ),
    )


@strawberry.input(description="A mentor and a mentee to pair.")
class MentorPairInput:
    mentor_id: strawberry.ID
    mentee_id: strawberry.ID


@strawberry.type(description="A proposed member of a team and the required skills they cover.")
class TeamProposalMember:
    person: Person
    covers: list[PersonSkill] = strawberry.field(
        description="Required skills (at their required level) this member holds at that level "
        "or above."
    )
    reasons: list[str]


@strawberry.type(
    description="The smallest team covering every required skill at its level: fewest members, "
    "then the highest total level, then the smallest ids."
)
class TeamProposal:
    requirements: list[PersonSkill] = strawberry.field(
        description="What the need or task requires: skill and minimum level."
    )
    members: list[TeamProposalMember] = strawberry.field(
        description="By person id; empty when some skill is uncovered."
    )
    uncovered: list[PersonSkill] = strawberry.field(
        description="Required skills nobody available in your scope holds at the level."
    )
    total_level: int = strawberry.field(
        description="Members' levels in the required skills they cover, summed."
    )


def _team(t: assignment.TeamProposal) -> TeamProposal:
    return TeamProposal(
        requirements=[PersonSkill.from_row(r) for r in t.requirements],
        members=[
            TeamProposalMember(
                person=Person.from_row(m.candidate["person"]),
                covers=[PersonSkill.from_row(r) for r in m.covers],
                reasons=m.reasons,
            )
            for m in t.members
        ],
        uncovered=[PersonSkill.from_row(r) for r in t.uncovered],
        total_level=t.total_level,
    )


AsOf = Annotated[
    dt.date | None,
    strawberry.argument(description="按此日计算 (the day for mentees, posts and availability; "
                        "default today)"),
]  # fmt: skip


@strawberry.type
class AssignmentQuery:
    @strawberry.field(
        description="Proposes mentors for a whole intake at once (师徒结对), each mentor within "
        "their spare mentee places, the best total (an exact optimum, not one mentee after "
        "another), with reasons and the greedy baseline. " + ORDER
    )
    async def mentor_assignment(
        self,
        info: Info,
        mentee_ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description="新干部的人员编号，最多 200 (mentees, at most 200)"),
        ],
        skill_ids: Annotated[
            list[strawberry.ID] | None,
            strawberry.argument(
                description="目标技能编号 (target skills; default: each mentee's posts', else own)"
            ),
        ] = None,
        as_of: AsOf = None,
        three_levels: Annotated[
            bool | None,
            strawberry.argument(
                description="县、乡、村三级导师各一名 (one mentor each at county, township and "
                "village level)"
            ),
        ] = False,
    ) -> MentorAssignment:
        found = await assignment.mentor_assignment(
            info.context,
            mentee_ids=[str(m) for m in mentee_ids],
            skill_ids=ids(skill_ids),
            as_of=as_of,
            three_levels=bool(three_levels),
        )
        return _assignment(found)

    @strawberry.field(
        description="The smallest team of available people (in your scope, free of residential "
        "village duty on asOf) covering every skill a need or a task requires at its level (协同"
        "导师团, task teams); when none exists, the skills nobody covers. Give needId or taskId."
    )
    async def team_proposal(
        self,
        info: Info,
        need_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="需求编号 (need id)")
        ] = None,
        task_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="任务编号 (task id)")
        ] = None,
        as_of: AsOf = None,
    ) -> TeamProposal:
        found = await assignment.team_proposal(
            info.context,
            need_id=optional_id(need_id),
            task_id=optional_id(task_id),
            as_of=as_of,
        )
        return _team(found)


@strawberry.type
class AssignmentMutation:
    @strawberry.mutation(
        description="Starts every pair (a confirmed mentorAssignment) from since in one "
        "transaction, all or nothing, each with startMentorship's checks and counting the pairs "
        "before it; a refusal names the pair's field (pairs[i].mentorId / .menteeId)."
    )
    async def confirm_mentor_assignment(
        self,
        info: Info,
        pairs: Annotated[
            list[MentorPairInput],
            strawberry.argument(description="要结对的师徒 (the pairs to start)"),
        ],
        since: Annotated[
            dt.date | None,
            strawberry.argument(description="结对开始日期 (first day; default today)"),
        ] = None,
    ) -> list[MentorshipPayload]:
        rows = await assignment.confirm_mentor_assignment(
            info.context,
            pairs=[(str(p.mentor_id), str(p.mentee_id)) for p in pairs],
            since=since,
        )
        return [MentorshipPayload.from_row(r) for r in rows]


QUERIES: tuple[type, ...] = (AssignmentQuery,)
MUTATIONS: tuple[type, ...] = (AssignmentMutation,)
