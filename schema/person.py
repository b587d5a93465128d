"""People (人员) and what they hold: skills, services in villages, posts, dispatches, mentors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from model.periods import is_active
from resolvers import loaders
from resolvers import person as person_resolvers
from resolvers.scope import shown_phone
from schema.common import After, Info, Node, PageInfo, ids
from schema.connection import Before, Last, page_arguments, selects
from schema.enums import Gender, PoliticalStatus, Rank, gender_of, political_status_of, rank_of
from schema.person_links import Dispatch, PostHolding, Service
from schema.person_list import PeopleFilter, PersonConnection, PersonEdge, PersonOrder
from schema.place import Department
from schema.related import related_list, related_one
from schema.skill import PersonSkill

if TYPE_CHECKING:
    from schema.appointment import Training
    from schema.rotation import Employment
    from schema.task_types import Task, TaskStatus
    from schema.team import TeamMembership
    from schema.training import TrainingPlan
    from schema.workteam import WorkTeamReview

# Modules that import this one are referenced lazily, to keep imports one-way at load time.
TrainingRef = Annotated["Training", strawberry.lazy("schema.appointment")]
EmploymentRef = Annotated["Employment", strawberry.lazy("schema.rotation")]
TrainingPlanRef = Annotated["TrainingPlan", strawberry.lazy("schema.training")]
TaskRef = Annotated["Task", strawberry.lazy("schema.task_types")]
TaskStatusRef = Annotated["TaskStatus", strawberry.lazy("schema.task_types")]
TeamMembershipRef = Annotated["TeamMembership", strawberry.lazy("schema.team")]
WorkTeamReviewRef = Annotated["WorkTeamReview", strawberry.lazy("schema.workteam")]


@strawberry.type(description="A township or county staff member, village cadre or stationed cadre.")
class Person(Node):
    id: strawberry.ID
    name: str
    gender: Gender | None
    birth_year: int | None
    joined_year: int | None = strawberry.field(description="First year of public service.")
    political_status: PoliticalStatus | None
    education: str | None
    rank: Rank | None = strawberry.field(description="职级, when recorded.")
    # The whole record is the caller's to see (a person of their unit, resolvers/scope.py);
    # anyone else of the county is a directory card: id, name, department and skills only.
    in_unit: strawberry.Private[bool] = True
    stored_phone: strawberry.Private[str | None] = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Person:
        if not row.get("inUnit", True):
            return cls(
                id=strawberry.ID(row["id"]), name=row["name"], gender=None, birth_year=None,
                joined_year=None, political_status=None, education=None, rank=None,
                in_unit=False,
            )  # fmt: skip
        return cls(
            id=strawberry.ID(row["id"]),
            name=row["name"],
            gender=gender_of(row["gender"]) if row.get("gender") else None,
            birth_year=row.get("birthYear"),
            joined_year=row.get("joinedYear"),
            political_status=(
                political_status_of(row["politicalStatus"]) if row.get("politicalStatus") else None
            ),
            education=row.get("education"),
            rank=rank_of(row["rank"]) if row.get("rank") else None,
            stored_phone=row.get("phone"),
        )

    @strawberry.field(
        description="Mobile phone: in full for county and township staff of the person's unit, "
        "masked (138****0001) for village and viewer roles, null outside the unit."
    )
    def phone(self, info: Info) -> str | None:
        return shown_phone(info.context.caller, self.stored_phone)

    @strawberry.field(description="Age in years in the year of asOf (default today).")
    def age(
        self,
        info: Info,
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(
                description="按哪一年计算，默认今天 (in the year of this day; default today)"
            ),
        ] = None,
    ) -> int | None:
        if self.birth_year is None:
            return None
        return (as_of or info.context.today).year - self.birth_year

    @strawberry.field(description="Years of public service in the year of asOf (default today).")
    def years_of_service(
        self,
        info: Info,
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(
                description="按哪一年计算，默认今天 (in the year of this day; default today)"
            ),
        ] = None,
    ) -> int | None:
        if self.joined_year is None:
            return None
        return (as_of or info.context.today).year - self.joined_year

    department: Department | None = related_one(
        loaders.PERSON_DEPARTMENT, Department.from_row, description="The employing unit (WORKS_IN)."
    )
    skills: list[PersonSkill] = related_list(
        loaders.PERSON_SKILLS,
        PersonSkill.from_row,
        description="Skills with levels, highest level first.",
    )

    @strawberry.field(description="Services in villages (SERVED_IN), newest first.")
    async def services(self, info: Info) -> list[Service]:
        if not self.in_unit:
            return []
        rows = await info.context.loaders.load(loaders.PERSON_SERVICES, self.id)
        return [Service.from_row(r) for r in rows]

    @strawberry.field(description="Posts held now or before (HOLDS), newest first.")
    async def posts(self, info: Info) -> list[PostHolding]:
        if not self.in_unit:
            return []
        rows = await info.context.loaders.load(loaders.PERSON_POSTS, self.id)
        return [PostHolding.from_row(r) for r in rows]

    @strawberry.field(
        description="Dispatches to townships (县属乡用, DISPATCHED_TO), newest first."
    )
    async def dispatches(self, info: Info) -> list[Dispatch]:
        if not self.in_unit:
            return []
        rows = await info.context.loaders.load(loaders.PERSON_DISPATCHES, self.id)
        return [Dispatch.from_row(r) for r in rows]

    @strawberry.field(
        description="Tasks this person is assigned to (any role), newest first; only those in "
        "status when given."
    )
    async def tasks(
        self,
        info: Info,
        status: Annotated[
            TaskStatusRef | None,
            strawberry.argument(description="只看这一状态的任务 (only tasks in this status)"),
        ] = None,
    ) -> list[TaskRef]:
        from schema.task import tasks_of_person

        if not self.in_unit:
            return []
        return await tasks_of_person(info, self.id, status)

    @strawberry.field(
        description="Team memberships (MEMBER_OF), newest first; only those active on activeOn "
        "when it is given."
    )
    async def teams(
        self,
        info: Info,
        active_on: Annotated[
            dt.date | None,
            strawberry.argument(
                description="只看这一天有效的队伍成员身份 (only memberships active on this day)"
            ),
        ] = None,
    ) -> list[TeamMembershipRef]:
        from schema.team import teams_of_person

        if not self.in_unit:
            return []
        return await teams_of_person(info, self.id, active_on)

    @strawberry.field(
        description="The units the person worked in (轮岗交流): the current one first, then the "
        "former ones, newest first. Units outside your county are left out."
    )
    async def employment(self, info: Info) -> list[EmploymentRef]:
        from resolvers.rotation import person_employment
        from schema.rotation import Employment

        if not self.in_unit:
            return []
        rows = await person_employment(info.context, self.id)
        return [Employment.from_row(r) for r in rows]

    @strawberry.field(
        description="Training plans (培训计划: party education and professional skills), newest "
        "year first; only that of `year` when it is given."
    )
    async def training_plans(
        self,
        info: Info,
        year: Annotated[
            int | None, strawberry.argument(description="计划年度 (only the plan of this year)")
        ] = None,
    ) -> list[TrainingPlanRef]:
        from resolvers.training import person_plans
        from schema.training import TrainingPlan

        if not self.in_unit:
            return []
        return [TrainingPlan.from_row(r) for r in await person_plans(info.context, self.id, year)]

    @strawberry.field(
        description="Trainings at township posts (到岗实训, TRAINED_AT), newest first."
    )
    async def trainings(self, info: Info) -> list[TrainingRef]:
        from resolvers.appointment import person_trainings
        from schema.appointment import Training

        if not self.in_unit:
            return []
        rows = await person_trainings(info.context, self.id)
        return [Training.from_row(r) for r in rows]

    @strawberry.field(
        description="Half-year reviews (履职评估, 四方评价) of the person's first-secretary and "
        "work-team terms in villages of the caller's county, newest period first."
    )
    async def work_team_reviews(self, info: Info) -> list[WorkTeamReviewRef]:
        from resolvers.workteam import person_reviews
        from schema.workteam import WorkTeamReview

        if not self.in_unit:
            return []
        rows = await person_reviews(info.context, self.id)
        return [WorkTeamReview.from_row(r) for r in rows]

    @strawberry.field(
        description="Mentors of this person (师徒结对); only those active on "
        "activeOn when it is given."
    )
    async def mentors(
        self,
        info: Info,
        active_on: Annotated[
            dt.date | None,
            strawberry.argument(description="只看这一天有效的结对 (only pairs active on this day)"),
        ] = None,
    ) -> list[Mentorship]:
        if not self.in_unit:
            return []
        rows = await info.context.loaders.load(loaders.PERSON_MENTORS, self.id)
        return _mentorships(rows, active_on)

    @strawberry.field(
        description="Mentees of this person; only those active on activeOn when it is given."
    )
    async def mentees(
        self,
        info: Info,
        active_on: Annotated[
            dt.date | None,
            strawberry.argument(description="只看这一天有效的结对 (only pairs active on this day)"),
        ] = None,
    ) -> list[Mentorship]:
        if not self.in_unit:
            return []
        rows = await info.context.loaders.load(loaders.PERSON_MENTEES, self.id)
        return _mentorships(rows, active_on)


def _mentorships(rows: Sequence[Mapping[str, Any]], on: dt.date | None) -> list[Mentorship]:
    items = [Mentorship.from_row(r) for r in rows]
    return [m for m in items if on is None or is_active(m.since, m.until, on)]


@strawberry.type(
    description="A mentoring pair (师徒结对) seen from one side: `person` is the other."
)
class Mentorship:
    person: Person
    since: dt.date
    until: dt.date | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Mentorship:
        return cls(
            person=Person.from_row(row["person"]), since=row["since"], until=row.get("until")
        )


@strawberry.type
class PersonQuery:
    @strawberry.field(description="A person by id, or null.")
    async def person(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="人员编号 (person id)")],
    ) -> Person | None:
        row = await info.context.loaders.load(loaders.PERSON, str(id))
        return Person.from_row(row) if row else None

    @strawberry.field(
        description="People matching every given filter, in orderBy (default by id; with "
        "filter.search best match first); keyset-paged forwards (first ≤ 100, after) or "
        "backwards (last ≤ 100, before)."
    )
    async def people(
        self,
        info: Info,
        filter: Annotated[
            PeopleFilter | None,
            strawberry.argument(description="筛选条件，须全部满足 (filters; all given must hold)"),
        ] = None,
        order_by: Annotated[
            PersonOrder,
            strawberry.argument(description="排序方式，默认按编号 (the order; default ID)"),
        ] = PersonOrder.ID,
        first: Annotated[
            int, strawberry.argument(description="每页条数，最多 100 (page size, at most 100)")
        ] = 20,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> PersonConnection:
        f = filter or PeopleFilter()
        forward, backward = page_arguments(info, first, last)
        page = await person_resolvers.people(
            info.context,
            person_resolvers.PeopleFilter(
                search=f.search,
                skill_ids=ids(f.skill_ids),
                township_id=str(f.township_id) if f.township_id else None,
                department_id=str(f.department_id) if f.department_id else None,
                political_status=f.political_status.name if f.political_status else None,
                min_age=f.min_age,
                max_age=f.max_age,
                gender=f.gender.value if f.gender else None,
                education=f.education,
                born_from=f.born_from,
                born_to=f.born_to,
                joined_from=f.joined_from,
                joined_to=f.joined_to,
            ),
            order=order_by.name,
            first=forward,
            last=backward,
            after=after,
            before=before,
            with_total=selects(info, "totalCount"),
        )
        edges = [
            PersonEdge(cursor=c, node=Person.from_row(r))
            for r, c in zip(page.rows, page.cursors, strict=True)
        ]
        return PersonConnection(total_count=page.total, edges=edges, page_info=PageInfo.of(page))


QUERIES: tuple[type, ...] = (PersonQuery,)
MUTATIONS: tuple[type, ...] = ()
