"""Places and units: County (县), Township (乡/镇/街道), Village (行政村/社区), Department."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from resolvers import loaders
from resolvers import place as place_resolvers
from schema.common import Info, Location, Node
from schema.enums import (
    DepartmentKind,
    SendingLevel,
    ServiceRole,
    TownshipCategory,
    TownshipKind,
)
from schema.need_order import NeedFrom, NeedOrder, NeedOrderArgument, NeedTo
from schema.related import related_list, related_one

if TYPE_CHECKING:
    from schema.need_list import Need, NeedStatus
    from schema.person import Person
    from schema.post import Post
    from schema.task_types import Task, TaskStatus
    from schema.team import Team

PersonRef = Annotated["Person", strawberry.lazy("schema.person")]
PostRef = Annotated["Post", strawberry.lazy("schema.post")]
TaskRef = Annotated["Task", strawberry.lazy("schema.task_types")]
TaskStatusRef = Annotated["TaskStatus", strawberry.lazy("schema.task_types")]
TeamRef = Annotated["Team", strawberry.lazy("schema.team")]
NeedRef = Annotated["Need", strawberry.lazy("schema.need_list")]
NeedStatusRef = Annotated["NeedStatus", strawberry.lazy("schema.need_list")]


@strawberry.type(description="A county (县/市): owns departments and dispatches staff.")
class County(Node):
    id: strawberry.ID
    name: str
    location: Location | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> County:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row["name"],
            location=Location.from_value(row.get("location")),
        )

    townships: list[Township] = related_list(
        loaders.COUNTY_TOWNSHIPS,
        lambda row: Township.from_row(row),
        description="Townships of the county, by id.",
    )
    departments: list[Department] = related_list(
        loaders.UNIT_DEPARTMENTS,
        lambda row: Department.from_row(row),
        description="County departments (县直部门).",
    )


@strawberry.type(
    description="A township-level division (乡/镇/街道): the hub between county and villages."
)
class Township(Node):
    id: strawberry.ID
    name: str
    kind: TownshipKind | None
    category: TownshipCategory | None
    population: int | None
    area_km2: float | None
    location: Location | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Township:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row["name"],
            kind=TownshipKind(row["kind"]) if row.get("kind") else None,
            category=TownshipCategory(row["category"]) if row.get("category") else None,
            population=row.get("population"),
            area_km2=row.get("areaKm2"),
            location=Location.from_value(row.get("location")),
        )

    county: County | None = related_one(loaders.TOWNSHIP_COUNTY, County.from_row)
    villages: list[Village] = related_list(
        loaders.TOWNSHIP_VILLAGES,
        lambda row: Village.from_row(row),
        description="Villages of the township, by id.",
    )

    @strawberry.field(
        description="Teams of the township (领导小组, 工作专班, 专项小组, 应急队伍 …), by kind, "
        "name, id."
    )
    async def teams(self, info: Info) -> list[TeamRef]:
        from schema.team import teams_of_township

        return await teams_of_township(info, self.id)

    departments: list[Department] = related_list(
        loaders.UNIT_DEPARTMENTS,
        lambda row: Department.from_row(row),
        description="Township offices and public institutions (农业服务中心, 水利站 …).",
    )


@strawberry.type(
    description="An administrative village or community (行政村/社区): where needs arise."
)
class Village(Node):
    id: strawberry.ID
    name: str
    population: int | None
    location: Location | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Village:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row["name"],
            population=row.get("population"),
            location=Location.from_value(row.get("location")),
        )

    township: Township | None = related_one(loaders.VILLAGE_TOWNSHIP, Township.from_row)
    served_by: list[VillageService] = related_list(
        loaders.VILLAGE_SERVED_BY,
        lambda row: VillageService.from_row(row),
        description="Everyone who served the village (any role), newest first.",
    )

    @strawberry.field(
        description="Needs the village raised (村级需求清单), of one quarter, status and date "
        "range when given; in orderBy (default HIGH urgency first, then latest quarter, then id)."
    )
    async def needs(
        self,
        info: Info,
        quarter: Annotated[
            str | None,
            strawberry.argument(
                description="只看这一季度，如 2025Q3 (only this quarter, e.g. 2025Q3)"
            ),
        ] = None,
        status: Annotated[
            NeedStatusRef | None,
            strawberry.argument(description="只看这一状态的需求 (only needs in this status)"),
        ] = None,
        order_by: NeedOrderArgument = NeedOrder.URGENCY,
        from_: NeedFrom = None,
        to: NeedTo = None,
    ) -> list[NeedRef]:
        from schema.need_list import village_needs

        return await village_needs(info, self.id, quarter, status, order_by, from_, to)

    @strawberry.field(
        description="Tasks at the village (协同任务), newest first; with `status`, only those."
    )
    async def tasks(
        self,
        info: Info,
        status: Annotated[
            TaskStatusRef | None,
            strawberry.argument(description="只看这一状态的任务 (only tasks in this status)"),
        ] = None,
    ) -> list[TaskRef]:
        from schema.task import tasks_at_village

        return await tasks_at_village(info, self.id, status)

    departments: list[Department] = related_list(
        loaders.UNIT_DEPARTMENTS,
        lambda row: Department.from_row(row),
        description="The village committee (村两委) and other units of the village.",
    )


@strawberry.type(description="A person's service (SERVED_IN) seen from the village served.")
class VillageService:
    person: PersonRef
    role: ServiceRole
    since: dt.date
    until: dt.date | None = strawberry.field(description="Inclusive; null while ongoing.")

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> VillageService:
        from schema.person import Person

        return cls(
            person=Person.from_row(row["person"]),
            role=ServiceRole(row["role"]),
            since=row["since"],
            until=row.get("until"),
        )


Unit = Annotated[County | Township | Village, strawberry.union("Unit")]


@strawberry.type(
    description="A unit that employs people: county department, township office or "
    "institution, or village committee."
)
class Department(Node):
    id: strawberry.ID
    name: str
    kind: DepartmentKind | None
    stored_level: strawberry.Private[str | None] = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Department:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row["name"],
            kind=DepartmentKind(row["kind"]) if row.get("kind") else None,
            stored_level=row.get("level"),
        )

    @strawberry.field(
        description="The level of the unit as a sender of work-team cadres: PROVINCE or CITY as "
        "recorded (such departments belong to no county), else COUNTY for a department in a "
        "county and TOWNSHIP for one in a township; null for a village committee."
    )
    async def level(self, info: Info) -> SendingLevel | None:
        if self.stored_level:
            return SendingLevel(self.stored_level)
        row = await info.context.loaders.load(loaders.DEPARTMENT_UNIT, self.id)
        kind = row["kind"] if row else None
        return {"County": SendingLevel.COUNTY, "Township": SendingLevel.TOWNSHIP}.get(kind or "")

    @strawberry.field(description="The county, township or village the department belongs to.")
    async def unit(self, info: Info) -> Unit | None:
        row = await info.context.loaders.load(loaders.DEPARTMENT_UNIT, self.id)
        if row is None:
            return None
        node = row["node"]
        if row["kind"] == "County":
            return County.from_row(node)
        if row["kind"] == "Township":
            return Township.from_row(node)
        return Village.from_row(node)

    staff: list[PersonRef] = related_list(
        loaders.DEPARTMENT_STAFF,
        lambda row: _person(row),
        description="People employed by the department (WORKS_IN), by id.",
    )
    posts: list[PostRef] = related_list(
        loaders.DEPARTMENT_POSTS,
        lambda row: _post(row),
        description="Posts (岗位) in the department.",
    )


def _person(row: Mapping[str, Any]) -> Person:
    from schema.person import Person

    return Person.from_row(row)


def _post(row: Mapping[str, Any]) -> Post:
    from schema.post import Post

    return Post.from_row(row)


@strawberry.type
class PlaceQuery:
    @strawberry.field(description="A village by id, or null.")
    async def village(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="村庄编号 (village id)")],
    ) -> Village | None:
        row = await info.context.loaders.load(loaders.VILLAGE, str(id))
        return Village.from_row(row) if row else None

    @strawberry.field(description="A township by id, or null.")
    async def township(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="乡镇编号 (township id)")],
    ) -> Township | None:
        row = await info.context.loaders.load(loaders.TOWNSHIP, str(id))
        return Township.from_row(row) if row else None

    @strawberry.field(description="A county by id, or null.")
    async def county(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="县编号 (county id)")],
    ) -> County | None:
        row = await info.context.loaders.load(loaders.COUNTY, str(id))
        return County.from_row(row) if row else None

    @strawberry.field(description="A department by id, or null.")
    async def department(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="单位编号 (department id)")],
    ) -> Department | None:
        row = await info.context.loaders.load(loaders.DEPARTMENT, str(id))
        return Department.from_row(row) if row else None

    @strawberry.field(description="All counties, by id.")
    async def counties(self, info: Info) -> list[County]:
        return [County.from_row(r) for r in await place_resolvers.counties(info.context)]

    @strawberry.field(description="Townships, of one county when countyId is given, by id.")
    async def townships(
        self,
        info: Info,
        county_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="只看这个县的乡镇 (only townships of this county id)"),
        ] = None,
    ) -> list[Township]:
        rows = await place_resolvers.townships(info.context, str(county_id) if county_id else None)
        return [Township.from_row(r) for r in rows]

    @strawberry.field(description="Villages of a township, by id.")
    async def villages(
        self,
        info: Info,
        township_id: Annotated[
            strawberry.ID, strawberry.argument(description="乡镇编号 (township id)")
        ],
    ) -> list[Village]:
        return [
            Village.from_row(r)
            for r in await place_resolvers.villages(info.context, str(township_id))
        ]


QUERIES: tuple[type, ...] = (PlaceQuery,)
MUTATIONS: tuple[type, ...] = ()
