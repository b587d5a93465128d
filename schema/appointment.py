"""Everyday changes to people's appointments: services in villages (驻村, 包村联系 …), dispatches
(县属乡用), trainings at township posts (到岗实训), mentorships (师徒结对) and skills. Owns the
mutations, their payloads and the `Training` type; the rules are in `resolvers/appointment.py`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any

import strawberry

from resolvers import appointment
from schema.common import Info
from schema.enums import ServiceRole
from schema.override import OverrideArg
from schema.person import Mentorship, Person
from schema.person_links import Dispatch, Service
from schema.place import Department
from schema.skill import PersonSkill

ACTOR = "Who made the change: the `sub` of the caller's token."
AT = "When the change was recorded (UTC)."


# Arguments several mutations share.
Until = Annotated[
    dt.date,
    strawberry.argument(description="结束日期，含当日 (last day, inclusive; not before since)"),
]
PersonId = Annotated[strawberry.ID, strawberry.argument(description="人员编号 (person id)")]


@strawberry.type(
    description="到岗实训: a village cadre's training at a township office or institution "
    "(TRAINED_AT)."
)
class Training:
    department: Department
    since: dt.date
    until: dt.date | None = strawberry.field(description="Inclusive; null while ongoing.")

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Training:
        return cls(
            department=Department.from_row(row["department"]),
            since=row["since"],
            until=row.get("until"),
        )


@strawberry.type(description="A service started or ended, with who did it and when.")
class ServicePayload:
    person: Person
    service: Service
    actor: str = strawberry.field(description=ACTOR)
    at: dt.datetime = strawberry.field(description=AT)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> ServicePayload:
        return cls(
            person=Person.from_row(row["person"]),
            service=Service.from_row(row["service"]),
            actor=row["actor"],
            at=row["at"],
        )


@strawberry.type(description="A dispatch (县属乡用) started or ended, with who did it and when.")
class DispatchPayload:
    person: Person
    dispatch: Dispatch
    actor: str = strawberry.field(description=ACTOR)
    at: dt.datetime = strawberry.field(description=AT)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> DispatchPayload:
        return cls(
            person=Person.from_row(row["person"]),
            dispatch=Dispatch.from_row(row["dispatch"]),
            actor=row["actor"],
            at=row["at"],
        )


@strawberry.type(description="A training (到岗实训) started or ended, with who did it and when.")
class TrainingPayload:
    person: Person
    training: Training
    actor: str = strawberry.field(description=ACTOR)
    at: dt.datetime = strawberry.field(description=AT)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> TrainingPayload:
        return cls(
            person=Person.from_row(row["person"]),
            training=Training.from_row(row["training"]),
            actor=row["actor"],
            at=row["at"],
        )


@strawberry.type(description="A mentorship (师徒结对) started or ended, with who did it and when.")
class MentorshipPayload:
    mentor: Person
    mentee: Person
    mentorship: Mentorship = strawberry.field(
        description="The pair seen from the mentor: `person` is the mentee."
    )
    actor: str = strawberry.field(description=ACTOR)
    at: dt.datetime = strawberry.field(description=AT)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> MentorshipPayload:
        mentee = Person.from_row(row["mentee"])
        return cls(
            mentor=Person.from_row(row["mentor"]),
            mentee=mentee,
            mentorship=Mentorship(person=mentee, since=row["since"], until=row.get("until")),
            actor=row["actor"],
            at=row["at"],
        )


@strawberry.type(description="A person's skill set to a level, with who did it and when.")
class SetSkillPayload:
    person: Person
    skill: PersonSkill
    previous_level: int | None = strawberry.field(
        description="The level held before this change; null when the skill is new to the person."
    )
    actor: str = strawberry.field(description=ACTOR)
    at: dt.datetime = strawberry.field(description=AT)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> SetSkillPayload:
        return cls(
            person=Person.from_row(row["person"]),
            skill=PersonSkill.from_row(row["skill"]),
            previous_level=row["previous"],
            actor=row["actor"],
            at=row["at"],
        )


@strawberry.type
class AppointmentMutation:
    @strawberry.mutation(
        description="Starts a person's service in a village (驻村蹲点, 包村联系, 第一书记 …). "
        "Refused: a second service of the person in the village starting on the same day; a "
        "residential role (STATIONED, FIRST_SECRETARY, WORK_TEAM) while another residential "
        "service of the person is not ended before since."
    )
    async def start_service(
        self,
        info: Info,
        person_id: Annotated[
            strawberry.ID, strawberry.argument(description="服务人员编号 (person id of who serves)")
        ],
        village_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="所服务的村庄编号 (village id of the village served)"),
        ],
        role: Annotated[
            ServiceRole,
            strawberry.argument(
                description="服务方式：驻村、包村、第一书记等 (role of the service)"
            ),
        ],
        since: Annotated[
            dt.date, strawberry.argument(description="开始日期 (first day of the service)")
        ],
    ) -> ServicePayload:
        row = await appointment.start_service(
            info.context,
            person_id=str(person_id),
            village_id=str(village_id),
            role=role.name,
            since=since,
        )
        return ServicePayload.from_row(row)

    @strawberry.mutation(
        description="Ends the ongoing service identified by person, village and since; "
        "until (inclusive) must not be before since."
    )
    async def end_service(
        self,
        info: Info,
        person_id: Annotated[
            strawberry.ID, strawberry.argument(description="服务人员编号 (person id)")
        ],
        village_id: Annotated[
            strawberry.ID, strawberry.argument(description="村庄编号 (village id)")
        ],
        since: Annotated[
            dt.date,
            strawberry.argument(description="所结束服务的开始日期 (since of the service to end)"),
        ],
        until: Until,
    ) -> ServicePayload:
        row = await appointment.end_service(
            info.context,
            person_id=str(person_id),
            village_id=str(village_id),
            since=since,
            until=until,
        )
        return ServicePayload.from_row(row)

    @strawberry.mutation(
        description="Dispatches a county department's staff member to a township (县属乡用). "
        "Refused: a person not working in a COUNTY_DEPARTMENT; a second dispatch while another "
        "is not ended before since; a second adjustment date in the year of since for the "
        "person's department and the township, unless `override` gives a reason."
    )
    async def start_dispatch(
        self,
        info: Info,
        person_id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="县直部门人员编号 (person id of a county department's staff member)"
            ),
        ],
        township_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="派往的乡镇编号 (township id dispatched to)"),
        ],
        since: Annotated[
            dt.date, strawberry.argument(description="开始日期 (first day of the dispatch)")
        ],
        override: OverrideArg = None,
    ) -> DispatchPayload:
        row = await appointment.start_dispatch(
            info.context,
            person_id=str(person_id),
            township_id=str(township_id),
            since=since,
            override=override.to_model() if override else None,
        )
        return DispatchPayload.from_row(row)

    @strawberry.mutation(
        description="Ends the ongoing dispatch identified by person, township and since; "
        "until (inclusive) must not be before since. Refused, unless `override` gives a reason: "
        "an end before two years in the township; a second adjustment date in the year of until "
        "for the person's department and the township."
    )
    async def end_dispatch(
        self,
        info: Info,
        person_id: PersonId,
        township_id: Annotated[
            strawberry.ID, strawberry.argument(description="乡镇编号 (township id)")
        ],
        since: Annotated[
            dt.date,
            strawberry.argument(description="所结束派驻的开始日期 (since of the dispatch to end)"),
        ],
        until: Until,
        override: OverrideArg = None,
    ) -> DispatchPayload:
        row = await appointment.end_dispatch(
            info.context,
            person_id=str(person_id),
            township_id=str(township_id),
            since=since,
            until=until,
            override=override.to_model() if override else None,
        )
        return DispatchPayload.from_row(row)

    @strawberry.mutation(
        description="Starts a village cadre's training at a township post (到岗实训). Refused: a "
        "person not working in a VILLAGE_COMMITTEE; a department that is not a TOWNSHIP_OFFICE "
        "or TOWNSHIP_INSTITUTION; an overlapping training at the same department."
    )
    async def start_training(
        self,
        info: Info,
        person_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="村干部人员编号 (person id of a village cadre)"),
        ],
        department_id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="实训的乡镇单位编号 (department id: township office or institution)"
            ),
        ],
        since: Annotated[
            dt.date, strawberry.argument(description="开始日期 (first day of the training)")
        ],
    ) -> TrainingPayload:
        row = await appointment.start_training(
            info.context, person_id=str(person_id), department_id=str(department_id), since=since
        )
        return TrainingPayload.from_row(row)

    @strawberry.mutation(
        description="Ends the ongoing training identified by person, department and since; "
        "until (inclusive) must not be before since."
    )
    async def end_training(
        self,
        info: Info,
        person_id: PersonId,
        department_id: Annotated[
            strawberry.ID, strawberry.argument(description="单位编号 (department id)")
        ],
        since: Annotated[
            dt.date,
            strawberry.argument(description="所结束实训的开始日期 (since of the training to end)"),
        ],
        until: Until,
    ) -> TrainingPayload:
        row = await appointment.end_training(
            info.context,
            person_id=str(person_id),
            department_id=str(department_id),
            since=since,
            until=until,
        )
        return TrainingPayload.from_row(row)

    @strawberry.mutation(
        description="Pairs a mentor with a mentee from since (师徒结对). Refused: self-mentoring; "
        "a pair already mentoring; a mentor with the maximum of mentees active on since; a "
        "mentor with too few years of service in the year of since (unknown joinedYear counts as "
        "too few); a mentor below level 3, or not above the mentee, in every target skill (those "
        "required by the mentee's posts held on since, else the mentee's own)."
    )
    async def start_mentorship(
        self,
        info: Info,
        mentor_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="师傅的人员编号 (person id of the mentor)"),
        ],
        mentee_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="徒弟的人员编号 (person id of the mentee)"),
        ],
        since: Annotated[
            dt.date, strawberry.argument(description="结对开始日期 (first day of the pairing)")
        ],
    ) -> MentorshipPayload:
        row = await appointment.start_mentorship(
            info.context, mentor_id=str(mentor_id), mentee_id=str(mentee_id), since=since
        )
        return MentorshipPayload.from_row(row)

    @strawberry.mutation(
        description="Ends the pair's ongoing mentorship on until (inclusive, not before its since)."
    )
    async def end_mentorship(
        self,
        info: Info,
        mentor_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="师傅的人员编号 (person id of the mentor)"),
        ],
        mentee_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="徒弟的人员编号 (person id of the mentee)"),
        ],
        until: Annotated[
            dt.date,
            strawberry.argument(
                description="结束日期，含当日 (last day, inclusive; not before its since)"
            ),
        ],
    ) -> MentorshipPayload:
        row = await appointment.end_mentorship(
            info.context, mentor_id=str(mentor_id), mentee_id=str(mentee_id), until=until
        )
        return MentorshipPayload.from_row(row)

    @strawberry.mutation(
        description="Sets a person's level (1 basic … 5 expert) in a skill, adding the skill "
        "when the person does not hold it yet."
    )
    async def set_skill(
        self,
        info: Info,
        person_id: PersonId,
        skill_id: Annotated[strawberry.ID, strawberry.argument(description="技能编号 (skill id)")],
        level: Annotated[
            int,
            strawberry.argument(
                description="技能等级：1 入门 … 5 专家 (level: 1 basic … 5 expert)"
            ),
        ],
    ) -> SetSkillPayload:
        row = await appointment.set_skill(
            info.context, person_id=str(person_id), skill_id=str(skill_id), level=level
        )
        return SetSkillPayload.from_row(row)


QUERIES: tuple[type, ...] = ()
MUTATIONS: tuple[type, ...] = (AppointmentMutation,)
