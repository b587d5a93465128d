"""Root fields of the three linked lists (三单联动): the needs list (`need`, `raiseNeed`), the
capability list (`capabilityList`), matching (`needMatches`) and the step from a need to a
collaboration task (`createTaskFromNeed`). The types live in schema/need_list.py and
schema/need_match.py."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from resolvers import need as need_resolvers
from resolvers import need_match as match_resolvers
from schema.common import Info, optional_id
from schema.need_list import Need, NeedSkillInput, NeedStatus, NeedUrgency
from schema.need_match import CapabilityList, NeedMatchReport

if TYPE_CHECKING:
    from schema.task_types import Task

# schema/task_types.py imports TaskSide from here: the Task type is referenced lazily.
TaskRef = Annotated["Task", strawberry.lazy("schema.task_types")]

__all__ = ["MUTATIONS", "QUERIES", "Need", "NeedStatus", "NeedUrgency", "TaskSide"]


@strawberry.enum(description="Which side initiates a collaboration task (任务发起).")
class TaskSide(Enum):
    VILLAGE = strawberry.enum_value("VILLAGE", description="The village (村两委).")
    TOWNSHIP = strawberry.enum_value("TOWNSHIP", description="The township.")


@strawberry.type(description="The task made from a need, and the need, now MATCHED.")
class CreateTaskFromNeedPayload:
    task_id: strawberry.ID
    need: Need
    # The new task's properties, read by the `task` field below.
    task_row: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="The task made from the need (status INITIATED).")
    def task(self) -> TaskRef:
        from schema.task_types import Task

        return Task.from_row(self.task_row)


@strawberry.type
class NeedQuery:
    @strawberry.field(description="A village's need by id, or null.")
    async def need(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="需求编号 (need id)")],
    ) -> Need | None:
        row = await need_resolvers.need(info.context, str(id))
        return Need.from_row(row) if row else None

    @strawberry.field(
        description="The township's capability list (乡镇能力清单) on asOf (default today): for "
        "each skill its people hold, how many hold it at level ≥ 3, how many of those are free "
        "of residential village duty, and who they are. Derived from people's skills, never "
        "typed in twice."
    )
    async def capability_list(
        self,
        info: Info,
        township_id: Annotated[
            strawberry.ID, strawberry.argument(description="乡镇编号 (township id)")
        ],
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(
                description="按此日计算人员与空闲 (day for staff and availability; default today)"
            ),
        ] = None,
    ) -> CapabilityList:
        row = await match_resolvers.capability_list(
            info.context, township_id=str(township_id), as_of=as_of
        )
        return CapabilityList.from_row(row)

    @strawberry.field(
        description="The quarter's OPEN needs of the township's villages (and, unless carryOver "
        "is false, the OPEN needs of earlier quarters, carried over) matched with the "
        "township's people on asOf (default today), best candidates first; and the needs the "
        "township cannot meet, with the best county-wide candidates for the missing skills. "
        "Ranking: required skills covered at the required level, then available, then served "
        "the need's village before, then sum of covered levels, then person id."
    )
    async def need_matches(
        self,
        info: Info,
        township_id: Annotated[
            strawberry.ID, strawberry.argument(description="乡镇编号 (township id)")
        ],
        quarter: Annotated[
            str, strawberry.argument(description="季度，如 2026Q4 (quarter, e.g. 2026Q4)")
        ],
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(
                description="按此日计算人员与空闲 (day for staff and availability; default today)"
            ),
        ] = None,
        candidates_per_need: Annotated[
            int,
            strawberry.argument(
                description="每项需求最多候选人数 (at most this many candidates per need, 1 to 50)"
            ),
        ] = 5,
        carry_over: Annotated[
            bool,
            strawberry.argument(
                description="含往季未办结的需求 (carry over the OPEN needs of earlier quarters; "
                "false: the quarter alone)"
            ),
        ] = True,
    ) -> NeedMatchReport:
        report = await match_resolvers.need_matches(
            info.context,
            township_id=str(township_id),
            quarter=quarter,
            as_of=as_of,
            candidates_per_need=candidates_per_need,
            carry_over=carry_over,
        )
        return NeedMatchReport.of(report)


@strawberry.type
class NeedMutation:
    @strawberry.mutation(
        description="Adds a need to a village's needs list (村级需求清单), OPEN; `id` is "
        "generated when not given. Records the actor and the instant."
    )
    async def raise_need(
        self,
        info: Info,
        village_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="提出需求的村庄编号 (village id raising the need)"),
        ],
        title: Annotated[str, strawberry.argument(description="需求标题 (title of the need)")],
        quarter: Annotated[
            str, strawberry.argument(description="所属季度，如 2025Q3 (quarter, e.g. 2025Q3)")
        ],
        urgency: Annotated[NeedUrgency, strawberry.argument(description="紧急程度 (urgency)")],
        skills: Annotated[
            list[NeedSkillInput],
            strawberry.argument(description="所需技能及等级 (skills needed, with levels)"),
        ],
        id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="需求编号；不填则自动生成 (need id; generated when omitted)"
            ),
        ] = None,
    ) -> Need:
        row = await need_resolvers.raise_need(
            info.context,
            village_id=str(village_id),
            title=title,
            quarter=quarter,
            urgency=urgency.name,
            skills=[need_resolvers.SkillLevel(str(s.skill_id), s.level) for s in skills],
            need_id=optional_id(id),
        )
        return Need.from_row(row)

    @strawberry.mutation(
        description="Turns an OPEN need into a collaboration task (协同任务清单): ROUTINE, "
        "INITIATED, of the need's quarter, at the need's village, requiring the need's skills "
        "at their levels; the need becomes MATCHED. `title` defaults to the need's, `domain` "
        "to the category of its highest-level skill."
    )
    async def create_task_from_need(
        self,
        info: Info,
        need_id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="须为 OPEN 的需求编号 (id of the OPEN need to turn into a task)"
            ),
        ],
        title: Annotated[
            str | None,
            strawberry.argument(
                description="任务标题，默认沿用需求标题 (task title; default: the need's)"
            ),
        ] = None,
        domain: Annotated[
            str | None,
            strawberry.argument(
                description="任务领域 (task domain; default: category of its highest-level skill)"
            ),
        ] = None,
        initiated_by: Annotated[
            TaskSide, strawberry.argument(description="发起方：村或乡镇 (which side initiates it)")
        ] = TaskSide.VILLAGE,
        note: Annotated[
            str | None,
            strawberry.argument(
                description="发起说明，可不填 (a note on the initiation, optional)"
            ),
        ] = None,
    ) -> CreateTaskFromNeedPayload:
        row = await need_resolvers.create_task_from_need(
            info.context,
            need_id=str(need_id),
            title=title,
            domain=domain,
            initiated_by=initiated_by.name,
            note=note,
        )
        return CreateTaskFromNeedPayload(
            task_id=strawberry.ID(row["taskId"]),
            need=Need.from_row(row["need"]),
            task_row=row["task"],
        )


QUERIES: tuple[type, ...] = (NeedQuery,)
MUTATIONS: tuple[type, ...] = (NeedMutation,)
