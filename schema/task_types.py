"""Types of the collaboration task list (协同任务清单): Task, its assignments and events, the
lifecycle enums, the payload of every lifecycle step and the `tasks` connection.

A Task's scalar fields come from the query that found it (one per page of `tasks`); its
relationship fields go through per-request DataLoaders (resolvers/task_queries.py).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import strawberry

from model.tasks import next_steps, staff_first
from resolvers import acknowledgement, task_queries
from schema.common import Info, Node, PageInfo
from schema.emergency import Acknowledgement, Severity
from schema.need import NeedStatus, TaskSide
from schema.person import Person
from schema.place import Township, Village
from schema.skill import PersonSkill


@strawberry.enum(description="ROUTINE work, or an EMERGENCY (突发事件) with a severity.")
class TaskKind(Enum):
    ROUTINE = "ROUTINE"
    EMERGENCY = "EMERGENCY"


@strawberry.enum(description="Where a task is in its lifecycle (seed 000, item 5).")
class TaskStatus(Enum):
    INITIATED = strawberry.enum_value("INITIATED", description="任务发起: initiated")
    CONSULTED = strawberry.enum_value("CONSULTED", description="方案会商: a plan is recorded")
    STAFFED = strawberry.enum_value("STAFFED", description="人力调配: at least one LEAD")
    SUPERVISING = strawberry.enum_value(
        "SUPERVISING", description="过程督导: a SUPERVISOR is named; progress is reported"
    )
    CLOSED = strawberry.enum_value(
        "CLOSED", description="结果反馈: closed with outcome, rating and lessons"
    )
    CANCELLED = strawberry.enum_value("CANCELLED", description="Cancelled, with a reason")


@strawberry.enum(description="A person's role in a task.")
class TaskRole(Enum):
    LEAD = strawberry.enum_value("LEAD", description="Leads the work (负责人)")
    MEMBER = strawberry.enum_value("MEMBER", description="Does the work")
    SUPERVISOR = strawberry.enum_value("SUPERVISOR", description="Supervises it (督导)")


@strawberry.enum(description="What a task event records: a lifecycle step or a progress report.")
class TaskStep(Enum):
    INITIATED = "INITIATED"
    CONSULTED = "CONSULTED"
    STAFFED = "STAFFED"
    SUPERVISING = "SUPERVISING"
    PROGRESS = "PROGRESS"
    CLOSED = "CLOSED"
    CANCELLED = "CANCELLED"


@strawberry.type(description="A person assigned to a task (ASSIGNED_TO).")
class TaskAssignment:
    person: Person
    role: TaskRole
    since: dt.date
    until: dt.date | None = strawberry.field(description="Inclusive; null while ongoing.")
    assigned_by: str | None = strawberry.field(description="Who recorded the assignment.")
    assigned_at: dt.datetime | None = strawberry.field(description="When it was recorded.")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> TaskAssignment:
        return cls(
            person=Person.from_row(row["person"]),
            role=TaskRole(row["role"]),
            since=row["since"],
            until=row.get("until"),
            assigned_by=row.get("assignedBy"),
            assigned_at=row.get("assignedAt"),
        )


@strawberry.type(description="One step of a task's history; appended, never edited.")
class TaskEvent:
    id: strawberry.ID
    at: dt.datetime
    step: TaskStep
    actor: str = strawberry.field(description="Who took the step: the `sub` of their token.")
    actor_name: str | None = strawberry.field(
        description="Their display name (the token's `name`), when it had one."
    )
    note: str | None = strawberry.field(
        description="The plan, the people staffed, the supervisor, the progress note, the "
        "outcome or the cancellation reason, as the step goes."
    )
    percent: int | None = strawberry.field(description="Progress 0..100 (PROGRESS events).")
    recorded_after_staffing: bool = strawberry.field(
        description="True for the plan (CONSULTED) of a severity-I emergency recorded after it "
        "was staffed (一级响应: people first, the plan later); false otherwise."
    )
    correction_reason: str | None = strawberry.field(
        description="A PROGRESS event below the task's progress: why it was corrected."
    )
    corrected_from: int | None = strawberry.field(
        description="A correction's progress before it (the higher figure it corrects)."
    )
    need_ids: list[strawberry.ID] = strawberry.field(
        description="三单联动: the needs this step moved (a CLOSED task settles its needs; a "
        "CANCELLED one gives them back to the list, OPEN); empty for other steps."
    )
    need_status: NeedStatus | None = strawberry.field(
        description="What those needs became: OPEN or CLOSED."
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> TaskEvent:
        return cls(
            id=strawberry.ID(row["id"]),
            at=row["at"],
            step=TaskStep(row["step"]),
            actor=row.get("actor") or "anonymous",
            actor_name=row.get("actorName"),
            note=row.get("note"),
            percent=row.get("percent"),
            recorded_after_staffing=bool(row.get("afterStaffing")),
            correction_reason=row.get("correctionReason"),
            corrected_from=row.get("correctedFrom"),
            need_ids=[strawberry.ID(i) for i in row.get("needIds") or []],
            need_status=NeedStatus(row["needStatus"]) if row.get("needStatus") else None,
        )


@strawberry.type(
    description="A piece of collaborative work between township and village people "
    "(协同任务), from initiation to the feedback report."
)
class Task(Node):
    id: strawberry.ID
    title: str
    domain: str = strawberry.field(description="The field of work, e.g. 防汛 or 农业技术.")
    kind: TaskKind
    severity: Severity | None = strawberry.field(description="Emergencies only: I most severe.")
    status: TaskStatus
    quarter: str = strawberry.field(
        description="The quarter of the task list it belongs to, e.g. 2025Q3 (the need's "
        "quarter when it addresses one, else the quarter it was created in)."
    )
    initiated_by: TaskSide = strawberry.field(description="Which side initiated it (任务发起).")
    plan: str | None = strawberry.field(description="The plan agreed in 方案会商.")
    progress: int | None = strawberry.field(description="The last reported progress, 0..100.")
    outcome: str | None = strawberry.field(description="结果反馈: the outcome.")
    rating: int | None = strawberry.field(description="结果反馈: the rating, 1..5.")
    lessons: str | None = strawberry.field(description="结果反馈: lessons learned.")
    cancel_reason: str | None = strawberry.field(description="Why it was cancelled.")
    created_at: dt.datetime
    created_by: str | None = strawberry.field(description="Who initiated it (the actor).")
    staffing_deadline: dt.datetime | None = strawberry.field(
        description="By when a LEAD must be assigned (emergency response standard)."
    )
    staffed_at: dt.datetime | None = strawberry.field(
        description="When the first LEAD was assigned."
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Task:
        return cls(
            id=strawberry.ID(row["id"]),
            title=row["title"],
            domain=row["domain"],
            kind=TaskKind(row["kind"]),
            severity=Severity(row["severity"]) if row.get("severity") else None,
            status=TaskStatus(row["status"]),
            quarter=row["quarter"],
            initiated_by=TaskSide(row["initiatedBy"]),
            plan=row.get("plan"),
            progress=row.get("progress"),
            outcome=row.get("outcome"),
            rating=row.get("rating"),
            lessons=row.get("lessons"),
            cancel_reason=row.get("cancelReason"),
            created_at=row["createdAt"],
            created_by=row.get("createdBy"),
            staffing_deadline=row.get("staffingDeadline"),
            staffed_at=row.get("staffedAt"),
        )

    @strawberry.field(
        description="Null without a staffing deadline; true when staffed by the deadline; "
        "false when staffed late or not staffed once the deadline has passed; null while "
        "not staffed and the deadline is still ahead."
    )
    def staffed_within_standard(self) -> bool | None:
        return task_queries.staffed_within_standard(
            self.staffing_deadline, self.staffed_at, dt.datetime.now(dt.UTC)
        )

    @strawberry.field(description="The village the task is at; null for a task at a township.")
    async def village(self, info: Info) -> Village | None:
        place = await task_queries.place(info.context, self.id)
        return Village.from_row(place["village"]) if place and place["village"] else None

    @strawberry.field(description="The township the task is at, or the township of its village.")
    async def township(self, info: Info) -> Township | None:
        place = await task_queries.place(info.context, self.id)
        return Township.from_row(place["township"]) if place and place["township"] else None

    @strawberry.field(description="Skills the task requires, at minimum levels; highest first.")
    async def required_skills(self, info: Info) -> list[PersonSkill]:
        rows = await task_queries.requirements(info.context, self.id)
        return [PersonSkill.from_row(r) for r in rows]

    @strawberry.field(description="Ids of the needs (村级需求) the task addresses.")
    async def need_ids(self, info: Info) -> list[strawberry.ID]:
        return [strawberry.ID(i) for i in await task_queries.need_ids(info.context, self.id)]

    @strawberry.field(description="Who is assigned, in what role; by since, role, person id.")
    async def assignments(self, info: Info) -> list[TaskAssignment]:
        rows = await task_queries.assignments(info.context, self.id)
        return [TaskAssignment.from_row(r) for r in rows]

    @strawberry.field(
        description="到岗确认: who confirmed they are on the way (acknowledgeEmergency), oldest "
        "first."
    )
    async def acknowledgements(self, info: Info) -> list[Acknowledgement]:
        rows = await acknowledgement.acknowledgements(info.context, self.id)
        return [Acknowledgement.from_row(r) for r in rows]

    @strawberry.field(
        description="未确认到岗: the people on the task today (any role) who have not "
        "acknowledged it yet, by id."
    )
    async def awaiting_acknowledgement(self, info: Info) -> list[Person]:
        rows = await acknowledgement.unacknowledged(info.context, self.id)
        return [Person.from_row(r) for r in rows]

    @strawberry.field(description="The task's history, oldest first.")
    async def events(self, info: Info) -> list[TaskEvent]:
        rows = await task_queries.events(info.context, self.id)
        return [TaskEvent.from_row(r) for r in rows]

    @strawberry.field(
        description="The mutations allowed now, the main flow first (cancelTask last while "
        "the task is open; empty once CLOSED or CANCELLED). A severity-I emergency may be "
        "staffed while INITIATED and record its plan later, while STAFFED or SUPERVISING."
    )
    def next_steps(self) -> list[str]:
        severity = self.severity.name if self.severity is not None else None
        return next_steps(
            self.status.name,
            staffing_first=staff_first(self.kind.name, severity),
            planned=self.plan is not None,
        )


@strawberry.type(description="The task after a lifecycle step, and warnings about the step.")
class TaskPayload:
    task: Task
    warnings: list[str] = strawberry.field(
        description="专业人做专业事: people assigned as LEAD or MEMBER who lack a required skill "
        "at the required level (the exact skill; a narrower one does not count). The step is "
        "still taken."
    )


@strawberry.input(description="A skill a task requires, at a minimum level 1..5.")
class TaskSkillInput:
    skill_id: strawberry.ID
    level: int


@strawberry.input(description="A person to assign to a task, in a role.")
class TaskAssignmentInput:
    person_id: strawberry.ID
    role: TaskRole


@strawberry.input(description="Filters of `tasks`; all given filters must hold.")
class TaskFilter:
    township_id: strawberry.ID | None = strawberry.field(
        default=None, description="Tasks at the township or at one of its villages."
    )
    village_id: strawberry.ID | None = strawberry.field(
        default=None, description="Tasks at the village."
    )
    status: TaskStatus | None = None
    kind: TaskKind | None = None
    quarter: str | None = strawberry.field(default=None, description="e.g. 2025Q3.")
    assignee_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="派给此人的任务，任何角色，含已结束的 (tasks the person is assigned to, any "
        "role, ended or not; a person the caller may not see is not found).",
    )
    from_: dt.date | None = strawberry.field(
        default=None,
        name="from",
        description="任务日期不早于 (created on this day or later; the day of createdAt in UTC).",
    )
    to: dt.date | None = strawberry.field(
        default=None,
        description="任务日期不晚于 (created on this day or earlier; the day of createdAt in UTC).",
    )


@strawberry.enum(description="How `tasks` is ordered; every order ends newest first, then id.")
class TaskOrder(Enum):
    DATE = strawberry.enum_value(
        "DATE", description="按日期，最新在前 (newest first: createdAt descending): the default"
    )
    STATUS = strawberry.enum_value(
        "STATUS",
        description="按流程阶段 (by the lifecycle: INITIATED, CONSULTED, STAFFED, SUPERVISING, "
        "CLOSED, CANCELLED), then newest first",
    )


@strawberry.type(description="A task in a page of tasks, with the cursor after it.")
class TaskEdge:
    cursor: str
    node: Task


@strawberry.type(description="A page of tasks, keyset-paged in the order asked for.")
class TaskConnection:
    total_count: int = strawberry.field(
        description="符合条件的任务总数；仅在选择此字段时才计数 (every task the filters keep; "
        "counted only when selected)"
    )
    edges: list[TaskEdge]
    page_info: PageInfo
