"""Posts (岗位): positions in a department with required skills and their holders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from resolvers import loaders
from schema.common import Info
from schema.skill import PersonSkill

if TYPE_CHECKING:
    from schema.person import Person
    from schema.place import Department

PersonRef = Annotated["Person", strawberry.lazy("schema.person")]
DepartmentRef = Annotated["Department", strawberry.lazy("schema.place")]


@strawberry.type(description="A post (岗位) with its responsibilities' required skills.")
class Post:
    id: strawberry.ID
    title: str

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Post:
        return cls(id=strawberry.ID(row["id"]), title=row["title"])

    @strawberry.field
    async def department(self, info: Info) -> DepartmentRef | None:
        from schema.place import Department

        row = await info.context.loaders.load(loaders.POST_DEPARTMENT, self.id)
        return Department.from_row(row) if row else None

    @strawberry.field(description="Skills the post requires, with the minimum level.")
    async def requires(self, info: Info) -> list[PersonSkill]:
        rows = await info.context.loaders.load(loaders.POST_REQUIRES, self.id)
        return [PersonSkill.from_row(r) for r in rows]

    @strawberry.field(description="Who holds or held the post, newest first.")
    async def holders(self, info: Info) -> list[PostHolder]:
        rows = await info.context.loaders.load(loaders.POST_HOLDERS, self.id)
        return [PostHolder.from_row(r) for r in rows]


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


QUERIES: tuple[type, ...] = (PostQuery,)
MUTATIONS: tuple[type, ...] = ()
