"""Result types of the capability list (乡镇能力清单) and of needs matching (三单联动)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from resolvers.need_match import Candidate, MatchReport
from schema.need_list import Need
from schema.person import Person
from schema.place import Township
from schema.skill import PersonSkill, Skill


@strawberry.type(description="Someone of the township holding a skill.")
class CapabilityHolder:
    person: Person
    level: int
    available: bool = strawberry.field(
        description="Free on asOf of any STATIONED, FIRST_SECRETARY or WORK_TEAM service."
    )


@strawberry.type(description="One skill of a township's capability list.")
class SkillCapability:
    skill: Skill
    holders: int = strawberry.field(description="People of the township holding it, any level.")
    qualified: int = strawberry.field(description="Those holding it at level 3 or above.")
    available: int = strawberry.field(description="Of the qualified, those available on asOf.")
    people: list[CapabilityHolder] = strawberry.field(
        description="Every holder: highest level first, then available first, then by id."
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SkillCapability:
        return cls(
            skill=Skill.from_row(row["skill"]),
            holders=row["holders"],
            qualified=row["qualified"],
            available=row["available"],
            people=[
                CapabilityHolder(
                    person=Person.from_row(p["person"]), level=p["level"], available=p["available"]
                )
                for p in row["people"]
            ],
        )


@strawberry.type(
    description="A township's capability list (乡镇能力清单), derived from its people's skills: "
    "people whose department is in the township or one of its villages, plus staff "
    "dispatched to it on asOf."
)
class CapabilityList:
    township: Township
    as_of: dt.date
    headcount: int = strawberry.field(description="People of the township on asOf.")
    skills: list[SkillCapability] = strawberry.field(
        description="Every skill someone of the township holds, by skill name, then id."
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CapabilityList:
        return cls(
            township=Township.from_row(row["township"]),
            as_of=row["asOf"],
            headcount=row["people"],
            skills=[SkillCapability.from_row(s) for s in row["skills"]],
        )


@strawberry.type(description="A person who could take on (part of) a need, and why.")
class NeedCandidate:
    person: Person
    score: float = strawberry.field(
        description="0..1, orders candidates exactly like the ranking: (skills covered + 0.5 "
        "if available + 0.25 if served the village before + 0.2 × mean covered level / 5) "
        "÷ (skills asked + 1); the skills asked are the need's, or its missing ones for "
        "county-wide candidates."
    )
    reasons: list[str] = strawberry.field(description="Why this person, in plain words.")
    covered_skills: list[PersonSkill] = strawberry.field(
        description="The asked skills the person holds at the required level or above, with "
        "the person's level (the need's skills carry the required levels)."
    )
    available: bool = strawberry.field(
        description="Free on asOf of any STATIONED, FIRST_SECRETARY or WORK_TEAM service."
    )
    served_village_before: bool = strawberry.field(
        description="Has served (SERVED_IN, any role, any time) the village that raised the need."
    )

    @classmethod
    def of(cls, c: Candidate) -> NeedCandidate:
        return cls(
            person=Person.from_row(c.row["person"]),
            score=c.score,
            reasons=[r.render() for r in c.reasons],
            covered_skills=[PersonSkill.from_row(k) for k in c.row["covered"]],
            available=c.row["available"],
            served_village_before=c.row["servedBefore"],
        )


@strawberry.type(description="An OPEN need with its best candidates in the township.")
class NeedMatch:
    need: Need
    candidates: list[NeedCandidate] = strawberry.field(
        description="Township people covering at least one required skill at the required "
        "level, best first (at most candidatesPerNeed)."
    )
    candidate_count: int = strawberry.field(description="All such people, before the cap.")
    can_meet: bool = strawberry.field(
        description="Every required skill is held at the required level by at least one "
        "township person available on asOf."
    )
    carried_over: bool = strawberry.field(
        description="An OPEN need of an earlier quarter, carried over into this one (三单联动)."
    )
    age_quarters: int = strawberry.field(
        description="Quarters since the need's own quarter: 0 for the requested quarter's."
    )


@strawberry.type(description="A need the township cannot meet alone, and who in the county could.")
class UnmetNeed:
    need: Need
    missing_skills: list[PersonSkill] = strawberry.field(
        description="Required skills (at the required level) that no available township "
        "person holds at that level."
    )
    county_candidates: list[NeedCandidate] = strawberry.field(
        description="Available people of the same county, outside the township, holding at "
        "least one missing skill at the level; most missing skills covered first, then served "
        "the village before, then level sum, then id."
    )


@strawberry.type(description="A quarter's needs of a township's villages matched with its people.")
class NeedMatchReport:
    township: Township
    quarter: str
    as_of: dt.date
    needs: list[NeedMatch] = strawberry.field(
        description="Every OPEN need of the quarter raised by the township's villages, and "
        "(carryOver, the default) the OPEN needs of earlier quarters, flagged carriedOver; HIGH "
        "urgency first, then MEDIUM, then LOW, then by need id."
    )
    unmet: list[UnmetNeed] = strawberry.field(
        description="The needs with canMeet false, in the same order."
    )

    @classmethod
    def of(cls, report: MatchReport) -> NeedMatchReport:
        return cls(
            township=Township.from_row(report.township),
            quarter=report.quarter,
            as_of=report.as_of,
            needs=[
                NeedMatch(
                    need=Need.from_row(m.need),
                    candidates=[NeedCandidate.of(c) for c in m.candidates],
                    candidate_count=m.candidate_count,
                    can_meet=m.can_meet,
                    carried_over=m.age_quarters > 0,
                    age_quarters=m.age_quarters,
                )
                for m in report.needs
            ],
            unmet=[
                UnmetNeed(
                    need=Need.from_row(u.need),
                    missing_skills=[PersonSkill.from_row(s) for s in u.missing],
                    county_candidates=[NeedCandidate.of(c) for c in u.county_candidates],
                )
                for u in report.unmet
            ],
        )
