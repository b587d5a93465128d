"""`node(id, kind)`: any node the API shows, by id, for the front ends' normalised caches
(Relay's and Apollo's). Each kind is read exactly as its own root field reads it (`person`,
`task`, …), with the same scope; `kind` picks one when several kinds share the id."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Annotated, Any

import strawberry

from graph.db import Record
from resolvers import loaders, task_queries
from resolvers import need as need_resolvers
from resolvers import node as node_resolvers
from resolvers import team as team_resolvers
from resolvers.context import Context
from schema.common import Info, Node
from schema.need_list import Need
from schema.person import Person
from schema.place import County, Department, Township, Village
from schema.post import Post
from schema.skill import Skill
from schema.task_types import Task
from schema.team import Team


@strawberry.enum(description="The kinds of node `node(id)` finds.")
class NodeKind(Enum):
    PERSON = strawberry.enum_value("PERSON", description="人员")
    VILLAGE = strawberry.enum_value("VILLAGE", description="村")
    TOWNSHIP = strawberry.enum_value("TOWNSHIP", description="乡镇")
    COUNTY = strawberry.enum_value("COUNTY", description="县")
    DEPARTMENT = strawberry.enum_value("DEPARTMENT", description="单位")
    SKILL = strawberry.enum_value("SKILL", description="技能")
    POST = strawberry.enum_value("POST", description="岗位")
    TASK = strawberry.enum_value("TASK", description="任务")
    NEED = strawberry.enum_value("NEED", description="需求")
    TEAM = strawberry.enum_value("TEAM", description="队伍")


Reader = Callable[[Context, str], Awaitable[Node | None]]


def _by_loader(batch: loaders.Batch[Record | None], make: Callable[..., Node]) -> Reader:
    async def read(ctx: Context, node_id: str) -> Node | None:
        row = await ctx.loaders.load(batch, node_id)
        return make(row) if row else None

    return read


def _by_resolver(
    fetch: Callable[[Context, str], Awaitable[Any]], make: Callable[..., Node]
) -> Reader:
    async def read(ctx: Context, node_id: str) -> Node | None:
        row = await fetch(ctx, node_id)
        return make(row) if row else None

    return read


_READERS: dict[str, Reader] = {
    "PERSON": _by_loader(loaders.PERSON, Person.from_row),
    "VILLAGE": _by_loader(loaders.VILLAGE, Village.from_row),
    "TOWNSHIP": _by_loader(loaders.TOWNSHIP, Township.from_row),
    "COUNTY": _by_loader(loaders.COUNTY, County.from_row),
    "DEPARTMENT": _by_loader(loaders.DEPARTMENT, Department.from_row),
    "SKILL": _by_loader(loaders.SKILL, Skill.from_row),
    "POST": _by_loader(loaders.POST, Post.from_row),
    "TASK": _by_resolver(task_queries.task, Task.from_row),
    "NEED": _by_resolver(need_resolvers.need, Need.from_row),
    "TEAM": _by_resolver(team_resolvers.team, Team.from_row),
}


@strawberry.type
class NodeQuery:
    @strawberry.field(
        description="The node with this id, or null: read as its own field reads it (`person`, "
        "`task`, …). When several kinds carry the id, `kind` must say which (BAD_USER_INPUT)."
    )
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="编号 (the node's id)")],
        kind: Annotated[
            NodeKind | None,
            strawberry.argument(description="种类，编号重复时必填 (kind, when ids are shared)"),
        ] = None,
    ) -> Node | None:
        found = await node_resolvers.kind_of(
            info.context, str(id), None if kind is None else kind.name
        )
        return None if found is None else await _READERS[found](info.context, str(id))


QUERIES = [NodeQuery]
MUTATIONS: list[type] = []
