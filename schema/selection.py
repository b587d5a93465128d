"""Two-way post selection (双向选岗) and handover (岗位交接清单): the PostSelection type with its
posts, applications, proposal, decision and events; `postSelection(id)`, `postSelections`,
`handoverList`; the mutations of each step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any

import strawberry

from graph.db import Record
from model.selection import Pick, differences, next_steps
from resolvers import selection as sel
from resolvers import selection_queries as queries
from resolvers.errors import NotFound
from schema.common import Info, optional_id
from schema.person import Person
from schema.place import Township, Village
from schema.post import Post
from schema.task_types import Task
from schema.team import Team


@strawberry.enum(description="Where a post selection stands (双向选岗).")
class SelectionStatus(Enum):
    ANNOUNCED = strawberry.enum_value("ANNOUNCED", description="公告: posts on offer, a deadline")
    APPLYING = strawberry.enum_value("APPLYING", description="自主报名: applications coming in")
    RANKING = strawberry.enum_value("RANKING", description="双向选择: the township ranks")
    DECIDED = strawberry.enum_value("DECIDED", description="集体研究决定: appointments decided")
    PUBLISHED = strawberry.enum_value("PUBLISHED", description="公示: the notice period")
    APPOINTED = strawberry.enum_value("APPOINTED", description="任职: the appointments started")


@strawberry.enum(description="What a selection event records.")
class SelectionStep(Enum):
    ANNOUNCED = "ANNOUNCED"
    APPLYING = "APPLYING"
    RANKING = "RANKING"
    DECIDED = "DECIDED"
    PUBLISHED = "PUBLISHED"
    OBJECTED = strawberry.enum_value("OBJECTED", description="异议: an objection during 公示")
    APPOINTED = "APPOINTED"


def _person(row: Mapping[str, Any] | None) -> Person | None:
    return Person.from_row(row) if row else None


@strawberry.type(description="A post on offer in a selection.")
class SelectionPost:
    post: Post
    capacity: int = strawberry.field(description="How many people the post takes.")
    ranking: list[Person] = strawberry.field(
        description="The township's order of the applicants (双向选择), best first; the "
        "applicants not in it follow by the default fit score."
    )
    applicants: int = strawberry.field(description="How many applied for the post.")


@strawberry.type(description="A person's application (自主报名), posts in order of preference.")
class SelectionApplication:
    person: Person
    posts: list[Post]
    at: dt.datetime


@strawberry.type(description="A person for a post: in the proposal or the decision.")
class SelectionPick:
    post: Post
    person: Person


@strawberry.type(description="A post whose decided holders differ from the proposal.")
class SelectionDifference:
    post: Post
    proposed: list[Person]
    decided: list[Person]


@strawberry.type(description="A step of a post selection, never edited.")
class SelectionEvent:
    id: strawberry.ID
    at: dt.datetime
    step: SelectionStep
    actor: str = strawberry.field(description="Who took the step: the `sub` of their token.")
    actor_name: str | None = strawberry.field(description="Their display name, when known.")
    note: str | None = strawberry.field(description="What the step recorded, or the objection.")
    person_id: strawberry.ID | None = strawberry.field(
        description="The applicant (APPLYING) or the person an objection is about."
    )


@strawberry.type(description="A two-way post selection (双向选岗) of a township.")
class PostSelection:
    id: strawberry.ID
    title: str
    status: SelectionStatus
    township: Township
    deadline: dt.date = strawberry.field(description="The last day of applications.")
    max_applications: int = strawberry.field(description="Posts one person may apply for.")
    decided_on: dt.date | None = strawberry.field(
        description="The date of the collective decision; the appointments start on it."
    )
    notice_since: dt.date | None = strawberry.field(description="公示 from (inclusive).")
    notice_until: dt.date | None = strawberry.field(description="公示 until (inclusive).")
    next_steps: list[str] = strawberry.field(description="The mutations allowed now.")
    posts: list[SelectionPost]
    applications: list[SelectionApplication]
    proposal: list[SelectionPick] = strawberry.field(
        description="The stable assignment for the collective decision (deferred acceptance, "
        "applicants proposing): recorded at the decision, computed from the applications "
        "before it. No applicant and post both prefer each other to what they got."
    )
    decision: list[SelectionPick] = strawberry.field(description="The decided appointments.")
    differences: list[SelectionDifference] = strawberry.field(
        description="The posts where the decision differs from the proposal."
    )
    events: list[SelectionEvent]

    @classmethod
    def from_item(cls, item: Record) -> PostSelection:
        s = item["selection"]
        posts = {o["post"]["id"]: Post.from_row(o["post"]) for o in item["offers"]}
        people = {a["personId"]: _person(a["person"]) for a in item["applications"]}
        for p in item["picks"]:
            people.setdefault(p["personId"], _person(p["person"]))

        def picks(rows: list[tuple[str, str]]) -> list[SelectionPick]:
            return [
                SelectionPick(post=posts[post], person=person)
                for post, pid in rows
                if post in posts and (person := people.get(pid)) is not None
            ]

        def persons(ids: tuple[str, ...] | list[str]) -> list[Person]:
            return [x for pid in ids if (x := people.get(pid)) is not None]

        proposed = queries.proposed_picks(item)
        decided = [(p["postId"], p["personId"]) for p in item["picks"] if p["kind"] == "DECIDED"]
        diffs = differences(proposed, [Pick(a, b) for a, b in decided]) if item["picks"] else []
        return cls(
            id=strawberry.ID(s["id"]),
            title=s["title"],
            status=SelectionStatus(s["status"]),
            township=Township.from_row(item["township"]),
            deadline=s["deadline"],
            max_applications=s["maxApplications"],
            decided_on=s.get("decidedOn"),
            notice_since=s.get("noticeSince"),
            notice_until=s.get("noticeUntil"),
            next_steps=next_steps(s["status"]),
            posts=[
                SelectionPost(
                    post=posts[o["post"]["id"]],
                    capacity=o["capacity"],
                    ranking=persons(o["ranking"]),
                    applicants=sum(
                        1 for a in item["applications"] if o["post"]["id"] in a["choices"]
                    ),
                )
                for o in item["offers"]
            ],
            applications=[
                SelectionApplication(
                    person=person, posts=[posts[c] for c in a["choices"] if c in posts], at=a["at"]
                )
                for a in item["applications"]
                if (person := people.get(a["personId"])) is not None
            ],
            proposal=picks([(p.post_id, p.person_id) for p in proposed]),
            decision=picks(decided),
            differences=[
                SelectionDifference(
                    post=posts[d.post_id], proposed=persons(d.proposed), decided=persons(d.decided)
                )
                for d in diffs
                if d.post_id in posts
            ],
            events=[
                SelectionEvent(
                    id=strawberry.ID(e["id"]),
                    at=e["at"],
                    step=SelectionStep(e["step"]),
                    actor=e.get("actor") or "anonymous",
                    actor_name=e.get("actorName"),
                    note=e.get("note"),
                    person_id=strawberry.ID(e["personId"]) if e.get("personId") else None,
                )
                for e in item["events"]
            ],
        )


@strawberry.type(description="An open task of the outgoing holder, with their role on it.")
class HandoverTask:
    task: Task
    role: str


@strawberry.type(description="An active village service of the outgoing holder.")
class HandoverService:
    village: Village
    role: str
    since: dt.date


@strawberry.type(description="A current team membership of the outgoing holder.")
class HandoverTeam:
    team: Team
    role: str


@strawberry.type(
    description="岗位交接清单: what the outgoing holder of a post hands over to the next."
)
class HandoverList:
    post: Post
    person: Person | None = strawberry.field(description="The outgoing holder, if any.")
    since: dt.date | None = strawberry.field(description="Their tenure of the post from.")
    until: dt.date | None = strawberry.field(description="… until (null: still holding it).")
    kpis: list[str] = strawberry.field(description="The post's KPIs (岗位权责说明书).")
    tasks: list[HandoverTask] = strawberry.field(description="Their open tasks.")
    services: list[HandoverService] = strawberry.field(description="Their active services.")
    mentees: list[Person] = strawberry.field(description="Their current mentees.")
    teams: list[HandoverTeam] = strawberry.field(description="Their current teams.")

    @classmethod
    def from_row(cls, row: Record) -> HandoverList:
        return cls(
            post=Post.from_row(row["post"]),
            person=_person(row["person"]),
            since=row["since"],
            until=row["until"],
            kpis=[str(k) for k in row["kpis"]],
            tasks=[
                HandoverTask(task=Task.from_row(t["task"]), role=t["role"]) for t in row["tasks"]
            ],
            services=[
                HandoverService(
                    village=Village.from_row(s["village"]), role=s["role"], since=s["since"]
                )
                for s in row["services"]
            ],
            mentees=[Person.from_row(m) for m in row["mentees"]],
            teams=[
                HandoverTeam(team=Team.from_row(t["team"]), role=t["role"]) for t in row["teams"]
            ],
        )


SelectionId = Annotated[strawberry.ID, strawberry.argument(description="选岗编号 (selection id)")]


async def _load(info: Info, selection_id: str) -> PostSelection:
    (item,) = await queries.selections(info.context, [selection_id])
    if item is None:
        raise NotFound("selectionId", "post selection", selection_id)
    return PostSelection.from_item(item)


@strawberry.type
class SelectionQuery:
    @strawberry.field(description="A post selection by id, or null.")
    async def post_selection(self, info: Info, id: SelectionId) -> PostSelection | None:
        (item,) = await queries.selections(info.context, [str(id)])
        return PostSelection.from_item(item) if item else None

    @strawberry.field(description="The post selections of a township, newest first.")
    async def post_selections(
        self,
        info: Info,
        township_id: Annotated[
            strawberry.ID, strawberry.argument(description="乡镇编号 (township id)")
        ],
    ) -> list[PostSelection]:
        ids = await queries.selection_ids_of_township(info.context, str(township_id))
        items = await queries.selections(info.context, ids)
        return [PostSelection.from_item(x) for x in items if x is not None]

    @strawberry.field(
        description="岗位交接清单: the handover list of a post's outgoing holder (the given "
        "person, else the latest holder whose tenure ended, else the current holder)."
    )
    async def handover_list(
        self,
        info: Info,
        post_id: Annotated[strawberry.ID, strawberry.argument(description="岗位编号 (post id)")],
        person_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="交出岗位的人员编号 (the outgoing holder's id)"),
        ] = None,
    ) -> HandoverList:
        row = await queries.handover(info.context, str(post_id), optional_id(person_id))
        return HandoverList.from_row(row)


@strawberry.input(description="A post on offer and how many people it takes.")
class OfferInput:
    post_id: strawberry.ID
    capacity: int = 1


@strawberry.input(description="A person decided for a post.")
class AppointmentInput:
    post_id: strawberry.ID
    person_id: strawberry.ID


@strawberry.type
class SelectionMutation:
    @strawberry.mutation(description="公告: announces a post selection of a township.")
    async def announce_post_selection(
        self,
        info: Info,
        title: Annotated[str, strawberry.argument(description="标题 (title)")],
        township_id: Annotated[
            strawberry.ID, strawberry.argument(description="乡镇编号 (township id)")
        ],
        deadline: Annotated[
            dt.date, strawberry.argument(description="报名截止日期 (last day of applications)")
        ],
        offers: Annotated[
            list[OfferInput], strawberry.argument(description="拟选岗位 (the posts on offer)")
        ],
        id: Annotated[
            strawberry.ID | None, strawberry.argument(description="选岗编号 (id; generated)")
        ] = None,
    ) -> PostSelection:
        new_id = await sel.announce(
            info.context,
            selection_id=optional_id(id),
            title=title,
            township_id=str(township_id),
            deadline=deadline,
            offers=[sel.Offer(str(o.post_id), o.capacity) for o in offers],
        )
        return await _load(info, new_id)

    @strawberry.mutation(
        description="自主报名: a person applies for posts, first preference first (replacing "
        "an earlier application)."
    )
    async def apply_for_posts(
        self,
        info: Info,
        selection_id: SelectionId,
        person_id: Annotated[
            strawberry.ID, strawberry.argument(description="人员编号 (person id)")
        ],
        post_ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(
                description="志愿岗位, 第一志愿在前 (posts, first preference first)"
            ),
        ],
    ) -> PostSelection:
        await sel.apply_for_posts(
            info.context, str(selection_id), str(person_id), [str(p) for p in post_ids]
        )
        return await _load(info, str(selection_id))

    @strawberry.mutation(description="双向选择: the township ranks the applicants of a post.")
    async def rank_applicants(
        self,
        info: Info,
        selection_id: SelectionId,
        post_id: Annotated[strawberry.ID, strawberry.argument(description="岗位编号 (post id)")],
        person_ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description="报名人员排序, 最优在前 (applicants, best first)"),
        ],
    ) -> PostSelection:
        await sel.rank_applicants(
            info.context, str(selection_id), str(post_id), [str(p) for p in person_ids]
        )
        return await _load(info, str(selection_id))

    @strawberry.mutation(
        description="集体研究决定: decides the appointments (the proposal when none are given); "
        "the differences from the proposal are recorded."
    )
    async def decide_post_selection(
        self,
        info: Info,
        selection_id: SelectionId,
        appointments: Annotated[
            list[AppointmentInput] | None,
            strawberry.argument(description="决定的人选 (appointments; default: the proposal)"),
        ] = None,
        decided_on: Annotated[
            dt.date | None, strawberry.argument(description="决定日期 (decision date; today)")
        ] = None,
        note: Annotated[
            str | None, strawberry.argument(description="说明 (why it differs, if it does)")
        ] = None,
    ) -> PostSelection:
        await sel.decide(
            info.context,
            str(selection_id),
            None
            if appointments is None
            else [sel.Appointment(str(a.post_id), str(a.person_id)) for a in appointments],
            decided_on,
            note,
        )
        return await _load(info, str(selection_id))

    @strawberry.mutation(description="公示: publishes the decision for a notice period.")
    async def publish_post_selection(
        self,
        info: Info,
        selection_id: SelectionId,
        since: Annotated[
            dt.date | None, strawberry.argument(description="公示开始日期 (first day; today)")
        ] = None,
        days: Annotated[
            int | None, strawberry.argument(description="公示天数 (days; the configured default)")
        ] = None,
    ) -> PostSelection:
        await sel.publish(info.context, str(selection_id), since, days)
        return await _load(info, str(selection_id))

    @strawberry.mutation(description="异议: records an objection during the notice period.")
    async def object_to_post_selection(
        self,
        info: Info,
        selection_id: SelectionId,
        objection: Annotated[str, strawberry.argument(description="异议内容 (the objection)")],
        person_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="所涉人员编号 (the person it is about)"),
        ] = None,
    ) -> PostSelection:
        await sel.object_to(
            info.context,
            str(selection_id),
            objection,
            optional_id(person_id),
        )
        return await _load(info, str(selection_id))

    @strawberry.mutation(
        description="任职: after the notice period the appointments start (HOLDS since the "
        "decision date) and the replaced holders hand over."
    )
    async def complete_post_selection(
        self,
        info: Info,
        selection_id: SelectionId,
        note: Annotated[str | None, strawberry.argument(description="说明 (note)")] = None,
    ) -> PostSelection:
        await sel.complete(info.context, str(selection_id), note)
        return await _load(info, str(selection_id))


QUERIES: tuple[type, ...] = (SelectionQuery,)
MUTATIONS: tuple[type, ...] = (SelectionMutation,)
