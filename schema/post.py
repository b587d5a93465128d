"""Posts (岗位): positions in a department with required skills and their holders, the
responsibility statement (岗位权责说明书) with the post score, and `setPostStatement`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from model.posts import post_score
from resolvers import loaders
from resolvers import post as posts
from schema.common import Info, Node
from schema.related import related_list, related_one
from schema.skill import PersonSkill

if TYPE_CHECKING:
    from schema.person import Person
    from schema.place import Department

PersonRef = Annotated["Person", strawberry.lazy("schema.person")]
DepartmentRef = Annotated["Department", strawberry.lazy("schema.place")]


def _department(row: Mapping[str, Any]) -> Department:
    from schema.place import Department

    return Department.from_row(row)


@strawberry.type(description="岗位权责说明书: what a post is, serves, risks and is measured by.")
class PostStatement:
    basics: str | None = strawberry.field(description="Basic information (基本信息).")
    service_items: list[str] = strawberry.field(description="Service items (服务事项).")
    integrity_risks: list[str] = strawberry.field(description="Integrity risks (廉政风险点).")
    kpis: list[str] = strawberry.field(description="Key performance indicators (考核指标).")


@strawberry.type(description="A post (岗位) with its responsibilities' required skills.")
class Post(Node):
    id: strawberry.ID
    title: str
    statement: PostStatement = strawberry.field(
        description="The responsibility statement; empty parts where none is recorded."
    )
    workload: int | None = strawberry.field(description="Workload (工作量), 1 light to 5 heavy.")
    difficulty: int | None = strawberry.field(description="Difficulty (难度), 1 to 5.")
    score: float | None = strawberry.field(
        description="Post score (岗位分值) 0..100: 20 × (0.6 × workload + 0.4 × difficulty); "
        "null while either rating is missing."
    )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Post:
        return cls(
            id=strawberry.ID(row["id"]),
            title=row["title"],
            statement=PostStatement(
                basics=row.get("basics"),
                service_items=list(row.get("serviceItems") or []),
                integrity_risks=list(row.get("integrityRisks") or []),
                kpis=list(row.get("kpis") or []),
            ),
            workload=row.get("workload"),
            difficulty=row.get("difficulty"),
            score=post_score(row.get("workload"), row.get("difficulty")),
        )

    department: DepartmentRef | None = related_one(
        loaders.POST_DEPARTMENT, lambda row: _department(row)
    )
    requires: list[PersonSkill] = related_list(
        loaders.POST_REQUIRES,
        PersonSkill.from_row,
        description="Skills the post requires, with the minimum level.",
    )
    holders: list[PostHolder] = related_list(
        loaders.POST_HOLDERS,
        lambda row: PostHolder.from_row(row),
        description="Who holds or held the post, newest first.",
    )


@strawberry.type(description="A person's tenure of a post, seen from the post.")
class PostHolder:
    person: PersonRef
    since: dt.date
    until: dt.date | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> PostHolder:
        from schema.person import Person

        return cls(
            person=Person.from_row(row["person"]), since=row["since"], until=row.get("until")
        )


@strawberry.type
class PostQuery:
    @strawberry.field(description="A post by id, or null.")
    async def post(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="岗位编号 (post id)")],
    ) -> Post | None:
        row = await info.context.loaders.load(loaders.POST, str(id))
        return Post.from_row(row) if row else None


@strawberry.input(description="岗位权责说明书: each part replaces what was recorded.")
class PostStatementInput:
    basics: str | None = strawberry.field(default=None, description="基本信息 (basic information)")
    service_items: list[str] | None = strawberry.field(
        default=None, description="服务事项 (service items)"
    )
    integrity_risks: list[str] | None = strawberry.field(
        default=None, description="廉政风险点 (integrity risks)"
    )
    kpis: list[str] | None = strawberry.field(default=None, description="考核指标 (KPIs)")


@strawberry.type
class PostMutation:
    @strawberry.mutation(
        description="Sets a post's responsibility statement (岗位权责说明书) and its workload "
        "and difficulty; every part is replaced, a part left out is cleared."
    )
    async def set_post_statement(
        self,
        info: Info,
        post_id: Annotated[strawberry.ID, strawberry.argument(description="岗位编号 (post id)")],
        statement: Annotated[
            PostStatementInput, strawberry.argument(description="岗位权责说明书 (the statement)")
        ],
        workload: Annotated[
            int | None, strawberry.argument(description="工作量，1 至 5 (workload, 1 to 5)")
        ] = None,
        difficulty: Annotated[
            int | None, strawberry.argument(description="难度，1 至 5 (difficulty, 1 to 5)")
        ] = None,
    ) -> Post:
        row = await posts.set_statement(
            info.context,
            post_id=str(post_id),
            basics=statement.basics,
            service_items=statement.service_items,
            integrity_risks=statement.integrity_risks,
            kpis=statement.kpis,
            workload=workload,
            difficulty=difficulty,
        )
        return Post.from_row(row)


QUERIES: tuple[type, ...] = (PostQuery,)
MUTATIONS: tuple[type, ...] = (PostMutation,)
