"""The importer's pure checks: every kind of problem, with the exact wording a clerk reads, all
reported at once; and which references are left for the database to answer."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from importing import SECTIONS, find_cycles, parse_json, resolve, validate


def messages(document: Any) -> list[str]:
    return [str(p) for p in validate(document).problems]


def township(**fields: Any) -> dict[str, Any]:
    return {"id": "T1", "name": "孝丰镇", "county": "C1", "kind": "TOWN", "category": "LARGE",
            **fields}  # fmt: skip


def person(**fields: Any) -> dict[str, Any]:
    return {"id": "P1", "name": "陈建国", **fields}


def service(**fields: Any) -> dict[str, Any]:
    return {"person": "P1", "village": "V1", "role": "STATIONED", "since": "2021-03-01", **fields}


def test_sections_are_in_dependency_order() -> None:
    # given / when the public section list / then nodes come before the links between them
    assert SECTIONS == (
        "counties", "townships", "villages", "departments", "skills", "people", "posts",
        "postHolders", "services", "dispatches", "mentorships", "quotas",
        "needs", "teams", "teamMembers", "trainings", "tasks", "workTeamReviews", "evaluations",
        "formerEmployers", "trainingPlans", "postSelections",
    )  # fmt: skip


def test_a_valid_document_has_no_problems_and_counts_its_rows() -> None:
    # given a county, a township and a village that refer to each other
    document = {
        "villages": [{"id": "V1", "name": "鲁家村", "township": "T1"}],
        "counties": [{"id": "C1", "name": "安吉县"}],
        "townships": [township()],
    }
    # when validated
    result = validate(document)
    # then nothing is wrong, nothing needs the database, and counts follow SECTIONS order
    assert result.problems == []
    assert result.external == []
    assert list(result.counts.items()) == [("counties", 1), ("townships", 1), ("villages", 1)]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"townships": [township(kind="CITY")]},
         "townships[0].kind: unknown value 'CITY'; expected one of TOWN, TOWNSHIP, SUBDISTRICT"),
        ({"people": [person(skills=[{"skill": "K1", "level": 2}, {"skill": "K2", "level": 7}])]},
         "people[0].skills[1].level: must be an integer from 1 to 5, got 7"),
        ({"villages": [{"id": "V1", "name": "a", "township": "T"},
                       {"id": "V2", "name": "b", "township": "T"},
                       {"id": "V1", "name": "c", "township": "T"}]},
         "villages[2].id: duplicate id 'V1' (first at villages[0])"),
        ({"services": [service(), service(since="2021-13-01")]},
         "services[1].since: not a date 'YYYY-MM-DD': '2021-13-01'"),
        ({"services": [service(since="2021-02-30")]},
         "services[0].since: not a date 'YYYY-MM-DD': '2021-02-30'"),
        ({"services": [service(since="20210301")]},
         "services[0].since: not a date 'YYYY-MM-DD': '20210301'"),
        ({"services": [service(since="2021-03-01", until="2020-01-01")]},
         "services[0]: until 2020-01-01 is before since 2021-03-01"),
        ({"mentorships": [{"mentor": "P1", "mentee": "P1", "since": "2022-01-01"}]},
         "mentorships[0]: a person cannot mentor themselves"),
        ({"counties": [{"id": "C1"}]}, "counties[0].name: missing required field"),
        ({"counties": [{"id": "C1", "name": None}]}, "counties[0].name: required, got null"),
        ({"counties": [{"id": "C1", "name": "  "}]}, "counties[0].name: must not be empty"),
        ({"counties": [{"id": "", "name": "县"}]}, "counties[0].id: must not be empty"),
        ({"counties": [{"id": "C" * 101, "name": "县"}]},
         "counties[0].id: must be at most 100 characters, got 101"),
        ({"counties": [{"id": 7, "name": "县"}]}, "counties[0].id: expected a string, got 7"),
        ({"people": [person(phone=13800000000)]},
         "people[0].phone: expected a string, got 13800000000"),
        ({"counties": [{"id": "C1", "name": "县", "location": {"lat": 91, "lon": 120}}]},
         "counties[0].location.lat: must be a number from -90 to 90, got 91"),
        ({"counties": [{"id": "C1", "name": "县", "location": {"lat": 30, "lon": -181.5}}]},
         "counties[0].location.lon: must be a number from -180 to 180, got -181.5"),
        ({"counties": [{"id": "C1", "name": "县", "location": [30, 120]}]},
         "counties[0].location: expected an object, got a list"),
        ({"departments": [{"id": "D1", "name": "司法局", "kind": "COUNTY_DEPARTMENT"}]},
         "departments[0]: needs exactly one of county, township, village; got none"),
        ({"departments": [{"id": "D1", "name": "村委会", "kind": "VILLAGE_COMMITTEE",
                           "township": "T1", "village": "V1"}]},
         "departments[0]: needs exactly one of county, township, village;"
         " got township and village"),
        ({"people": [person(skills=[{"skill": "K1", "level": 2}, {"skill": "K1", "level": 3}])]},
         "people[0].skills[1].skill: duplicate skill 'K1' (first at people[0].skills[0])"),
        ({"posts": [{"id": "J1", "title": "岗", "department": "D1",
                     "requires": [{"skill": "K1", "level": 2}, {"skill": "K1", "level": 3}]}]},
         "posts[0].requires[1].skill: duplicate skill 'K1' (first at posts[0].requires[0])"),
        ({"people": [person(birthYear=1850)]},
         "people[0].birthYear: must be a year from 1900 to {year}, got 1850"),
        ({"people": [person(joinedYear=1999.0)]},
         "people[0].joinedYear: must be a year from 1900 to {year}, got 1999.0"),
        ({"people": [person(birthYear=1980, joinedYear=1990)]},
         "people[0].joinedYear: 1990 is less than 14 years after birthYear 1980"),
        ({"people": [person(gender="M")]},
         "people[0].gender: unknown value 'M'; expected one of MALE, FEMALE"),
        ({"townships": [township(population=-1)]},
         "townships[0].population: must be a whole number of at least 0, got -1"),
        ({"townships": [township(areaKm2=0)]},
         "townships[0].areaKm2: must be a positive number, got 0"),
        ({"people": [person(nickname="老陈")]},
         "people[0].nickname: unknown field; expected one of id, name, gender, birthYear,"
         " joinedYear, department, departmentSince, politicalStatus, education, phone, skills,"
         " rank"),
        ({"wards": []},
         "wards: unknown section; expected one of counties, townships, villages, departments,"
         " skills, people, posts, postHolders, services, dispatches, mentorships, quotas, needs,"
         " teams, teamMembers, trainings, tasks, workTeamReviews, evaluations, formerEmployers,"
         " trainingPlans, postSelections"),
        ({"people": {"id": "P1"}}, "people: expected a list, got an object"),
        ({"people": ["P1"]}, "people[0]: expected an object, got 'P1'"),
        ([], "document: expected a JSON object with sections, got a list"),
        ({"skills": [{"id": "K1", "name": "技能", "aliases": ["a", ""]}]},
         "skills[0].aliases[1]: must not be empty"),
        ({"services": [service(), service(role="LIAISON")]},
         "services[1]: duplicate of services[0] (same person, village and since)"),
        ({"skills": [{"id": "K3", "name": "a", "broader": "K5"},
                     {"id": "K4", "name": "b"},
                     {"id": "K5", "name": "c", "broader": "K3"}]},
         "skills[0].broader: cycle K3 → K5 → K3"),
        ({"skills": [{"id": "K1", "name": "a", "broader": "K1"}]},
         "skills[0].broader: cycle K1 → K1"),
    ],
)  # fmt: skip
def test_each_kind_of_problem_is_reported_where_it_is(document: Any, expected: str) -> None:
    # given a document with exactly one problem / when validated
    found = messages(document)
    # then that problem is reported, with its place and a reason a clerk understands
    assert found == [expected.format(year=date.today().year)]


def test_every_problem_is_reported_at_once() -> None:
    # given a document with problems in several rows and sections
    document = {
        "townships": [township(kind="CITY", category="HUGE")],
        "people": [person(name=""), person(id="P2", birthYear="1980")],
        "services": [service(since="2021-13-01", until="2020-01-01")],
        "extra": 1,
    }
    # when validated
    found = messages(document)
    # then all of them come back, in document order after the unknown section
    assert found == [
        "extra: unknown section; expected one of counties, townships, villages, departments,"
        " skills, people, posts, postHolders, services, dispatches, mentorships, quotas, needs,"
        " teams, teamMembers, trainings, tasks, workTeamReviews, evaluations, formerEmployers,"
        " trainingPlans, postSelections",
        "townships[0].kind: unknown value 'CITY'; expected one of TOWN, TOWNSHIP, SUBDISTRICT",
        "townships[0].category: unknown value 'HUGE'; expected one of EXTRA_LARGE, LARGE, ORDINARY",
        "people[0].name: must not be empty",
        f"people[1].birthYear: must be a year from 1900 to {date.today().year}, got '1980'",
        "services[0].since: not a date 'YYYY-MM-DD': '2021-13-01'",
    ]


def test_references_not_defined_in_the_document_are_left_for_the_database() -> None:
    # given services referring to a person defined here and a village that is not
    document = {
        "people": [person()],
        "services": [service(), service(since="2022-01-01")],
        "departments": [{"id": "D1", "name": "村委", "kind": "VILLAGE_COMMITTEE", "village": "V1"}],
    }
    # when validated
    result = validate(document)
    # then only the village is looked up, once, with every place that names it
    assert result.problems == []
    assert result.external_ids()["village"] == ["V1"]
    assert result.external_ids()["person"] == []
    assert [path for _, _, path in result.external] == [
        "departments[0].village", "services[0].village", "services[1].village",
    ]  # fmt: skip
    # and when the database does not know it, each place gets the message
    found = [str(p) for p in resolve(result, {"village": ["V1"]}, {})]
    assert found == [
        "departments[0].village: unknown village 'V1'",
        "services[0].village: unknown village 'V1'",
        "services[1].village: unknown village 'V1'",
    ]


def test_a_cycle_through_existing_edges_is_found_and_document_edges_replace_them() -> None:
    # given the database has K5 → K3 and K9 → K3, the document sets K3 → K5 and moves K9
    document = {"K3": "K5", "K9": "K1"}
    existing = {"K5": "K3", "K9": "K3"}
    # when cycles are looked for
    found = [str(p) for p in find_cycles(document, existing, {"K3": 3, "K9": 4})]
    # then K3 → K5 → K3 is reported once, at K3's row; K9's old edge no longer counts
    assert found == ["skills[3].broader: cycle K3 → K5 → K3"]


def test_a_cycle_is_reported_once_at_its_earliest_row() -> None:
    # given a three-skill cycle listed out of order / when validated
    document = {
        "skills": [
            {"id": "K2", "name": "b", "broader": "K3"},
            {"id": "K1", "name": "a", "broader": "K2"},
            {"id": "K3", "name": "c", "broader": "K1"},
        ]
    }
    # then it is read from the first row's skill
    assert messages(document) == ["skills[0].broader: cycle K2 → K3 → K1 → K2"]


def test_explicit_null_clears_and_dates_are_parsed() -> None:
    # given a service with an explicit null end and a person with a null phone
    document = {"services": [service(until=None)], "people": [person(phone=None)]}
    # when validated
    result = validate(document)
    # then null is kept (it clears the property) and since is a date
    assert result.problems == []
    assert result.rows["services"][0]["until"] is None
    assert result.rows["services"][0]["since"].isoformat() == "2021-03-01"
    assert result.rows["people"][0] == {"id": "P1", "name": "陈建国", "phone": None}


def test_ids_are_kept_exactly_as_given() -> None:
    # given an id with surrounding spaces / when validated / then it is kept as is
    result = validate({"counties": [{"id": " C1 ", "name": "县"}]})
    assert result.problems == []
    assert result.rows["counties"][0]["id"] == " C1 "


def test_malformed_json_is_reported_with_line_and_column() -> None:
    # given JSON missing a closing quote on line 3 / when parsed
    document, problems = parse_json('{\n  "people": [\n    {"id": "P1, "name": "x"}\n  ]\n}')
    # then the place is given and no document comes back
    assert document is None
    assert [str(p) for p in problems] == [
        "document: malformed JSON at line 3, column 18: Expecting ',' delimiter"
    ]


# --- the workflow sections ---------------------------------------------------------------------


def need(**fields: Any) -> dict[str, Any]:
    return {"id": "N1", "village": "V1", "title": "汛期堤坝巡查力量不足", "quarter": "2026Q3",
            "urgency": "HIGH", "skills": [{"skill": "K1", "level": 3}], **fields}  # fmt: skip


def team(**fields: Any) -> dict[str, Any]:
    return {"id": "TM1", "name": "孝丰镇应急队伍", "kind": "EMERGENCY_TEAM", "township": "T1",
            **fields}  # fmt: skip


def member(**fields: Any) -> dict[str, Any]:
    return {"person": "P1", "team": "TM1", "role": "队员", "since": "2024-01-01", **fields}


def task(**fields: Any) -> dict[str, Any]:
    """A task that is INITIATED, which needs nothing but its basics."""
    return {"id": "X1", "title": "鲁家村巡堤", "domain": "防汛", "kind": "ROUTINE",
            "status": "INITIATED", "initiatedBy": "VILLAGE", "village": "V1",
            "createdAt": "2026-07-01T08:00:00Z", **fields}  # fmt: skip


LEAD = {"person": "P1", "role": "LEAD", "since": "2026-07-02"}
SUPERVISOR = {"person": "P2", "role": "SUPERVISOR", "since": "2026-07-03"}
CLOSED = {"status": "CLOSED", "plan": "分段巡查", "assignments": [LEAD, SUPERVISOR],
          "outcome": "完成", "rating": 4, "lessons": "村干部熟悉堤段"}  # fmt: skip


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"needs": [need(quarter="2025Q5")]},
         "needs[0].quarter: not a quarter 'YYYYQn' (n from 1 to 4), such as '2025Q3': '2025Q5'"),
        ({"needs": [need(urgency="URGENT")]},
         "needs[0].urgency: unknown value 'URGENT'; expected one of LOW, MEDIUM, HIGH"),
        ({"needs": [need(status="DONE")]},
         "needs[0].status: unknown value 'DONE'; expected one of OPEN, MATCHED, CLOSED"),
        ({"needs": [need(status=None)]},
         "needs[0].status: must not be null; leave the field out instead"),
        ({"needs": [need(skills=[])]}, "needs[0].skills: must list at least one skill"),
        ({"needs": [need(skills=[{"skill": "K1", "level": 3}, {"skill": "K1", "level": 4}])]},
         "needs[0].skills[1].skill: duplicate skill 'K1' (first at needs[0].skills[0])"),
        ({"needs": [need(createdAt="2026-07-01T08:00:00")]},
         "needs[0].createdAt: '2026-07-01T08:00:00' has no time zone; add 'Z' (UTC) or an offset"
         " such as '+08:00'"),
        ({"needs": [need(createdAt="yesterday")]},
         "needs[0].createdAt: not a date-time such as '2025-07-01T08:00:00Z' or a date"
         " 'YYYY-MM-DD': 'yesterday'"),
        ({"needs": [need(), need()]}, "needs[1].id: duplicate id 'N1' (first at needs[0])"),
        ({"teams": [team(kind="SQUAD")]},
         "teams[0].kind: unknown value 'SQUAD'; expected one of LEADING_GROUP, WORKING_TEAM,"
         " SPECIAL_GROUP, EMERGENCY_TEAM, VILLAGE_WORK_TEAM"),
        ({"teams": [team(township=None)]},
         "teams[0]: needs exactly one of township, county; got none"),
        ({"teams": [team(county="C1")]},
         "teams[0]: needs exactly one of township, county; got township and county"),
        ({"teamMembers": [member(), member(role="队长")]},
         "teamMembers[1]: duplicate of teamMembers[0] (same person, team and since)"),
        ({"teamMembers": [member(until="2023-12-31")]},
         "teamMembers[0]: until 2023-12-31 is before since 2024-01-01"),
        ({"trainings": [{"person": "P1", "department": "D1"}]},
         "trainings[0].since: missing required field"),
        ({"trainings": [{"person": "P1", "department": "D1", "since": "2025-03-01"}] * 2},
         "trainings[1]: duplicate of trainings[0] (same person, department and since)"),
        ({"tasks": [task(status="CONSULTED")]},
         "tasks[0].plan: required for a task that is CONSULTED (方案会商 records a plan)"),
        ({"tasks": [task(status="STAFFED", plan="分段巡查",
                         assignments=[{**LEAD, "role": "MEMBER"}])]},
         "tasks[0].assignments: a task that is STAFFED needs at least one LEAD"),
        ({"tasks": [task(status="SUPERVISING", plan="分段巡查", assignments=[LEAD])]},
         "tasks[0].assignments: a task that is SUPERVISING needs a SUPERVISOR"),
        ({"tasks": [task(**{**CLOSED, "rating": None})]},
         "tasks[0].rating: required for a CLOSED task (结果反馈: outcome, rating 1 to 5 and"
         " lessons)"),
        ({"tasks": [task(status="CANCELLED")]},
         "tasks[0].cancelReason: required for a CANCELLED task"),
        ({"tasks": [task(kind="EMERGENCY")]},
         "tasks[0].severity: required for an EMERGENCY task: I, II or III"),
        ({"tasks": [task(severity="II")]},
         "tasks[0].severity: only an EMERGENCY task has a severity"),
        ({"tasks": [task(village=None)]},
         "tasks[0]: needs exactly one of village, township; got none"),
        ({"tasks": [task(township="T1")]},
         "tasks[0]: needs exactly one of village, township; got village and township"),
        ({"tasks": [task(progress=101)]},
         "tasks[0].progress: must be an integer from 0 to 100, got 101"),
        ({"tasks": [task(rating=0)]}, "tasks[0].rating: must be an integer from 1 to 5, got 0"),
        ({"tasks": [task(quarter=None)]},
         "tasks[0].quarter: must not be null; leave the field out instead"),
        ({"tasks": [task(staffedAt="2026-07-01T25:00:00Z")]},
         "tasks[0].staffedAt: not a date-time such as '2025-07-01T08:00:00Z' or a date"
         " 'YYYY-MM-DD': '2026-07-01T25:00:00Z'"),
        ({"tasks": [task(assignments=[{**LEAD, "role": "CHIEF"}])]},
         "tasks[0].assignments[0].role: unknown value 'CHIEF'; expected one of LEAD, MEMBER,"
         " SUPERVISOR"),
        ({"tasks": [task(assignments=[{**LEAD, "until": "2026-07-01"}])]},
         "tasks[0].assignments[0]: until 2026-07-01 is before since 2026-07-02"),
        ({"tasks": [task(assignments=[LEAD, {**LEAD, "role": "MEMBER"}])]},
         "tasks[0].assignments[1]: duplicate of tasks[0].assignments[0] (same person and since)"),
        ({"tasks": [task(addresses=["N1", "N2", "N1"])]},
         "tasks[0].addresses[2]: duplicate need 'N1' (first at tasks[0].addresses[0])"),
        ({"tasks": [task(events=[{"at": "2026-07-01", "step": "STARTED", "actor": "x"}])]},
         "tasks[0].events[0].step: unknown value 'STARTED'; expected one of INITIATED, CONSULTED,"
         " STAFFED, SUPERVISING, PROGRESS, CLOSED, CANCELLED"),
        ({"tasks": [task(events=[{"at": "2026-07-01", "step": "CLOSED", "actor": "x",
                                  "percent": 100}])]},
         "tasks[0].events[0].percent: only a PROGRESS event carries a percent"),
        ({"tasks": [task(events=[{"at": "2026-07-01", "step": "PROGRESS", "actor": "x",
                                  "percent": 120}])]},
         "tasks[0].events[0].percent: must be an integer from 0 to 100, got 120"),
        ({"tasks": [task(events=[{"at": "2026-07-01", "step": "INITIATED"}])]},
         "tasks[0].events[0].actor: missing required field"),
    ],
)  # fmt: skip
def test_each_kind_of_workflow_problem_is_reported_where_it_is(
    document: Any, expected: str
) -> None:
    # given a workflow section with exactly one problem / when validated
    found = messages(document)
    # then that problem is reported, with its place and the reason
    assert found == [expected]


def test_a_closed_task_lacking_its_feedback_report_gets_one_problem_per_field() -> None:
    # given a CLOSED task without outcome, rating and lessons, nor plan and assignments
    document = {"tasks": [task(status="CLOSED")]}
    # when validated
    found = messages(document)
    # then each missing piece is named
    assert found == [
        "tasks[0].plan: required for a task that is CLOSED (方案会商 records a plan)",
        "tasks[0].assignments: a task that is CLOSED needs at least one LEAD",
        "tasks[0].assignments: a task that is CLOSED needs a SUPERVISOR",
        *(f"tasks[0].{key}: required for a CLOSED task (结果反馈: outcome, rating 1 to 5 and"
          " lessons)" for key in ("outcome", "rating", "lessons")),
    ]  # fmt: skip


def test_a_complete_task_is_valid_with_instants_in_utc_and_references_left_for_the_database() -> (
    None
):
    # given a closed emergency task at a village with an offset time, a plain date and events
    closed = task(
        **CLOSED, kind="EMERGENCY", severity="I", createdAt="2026-07-01T08:00:00+08:00",
        staffingDeadline="2026-07-01", addresses=["N1"], requires=[{"skill": "K1", "level": 3}],
        events=[{"at": "2026-07-01T00:00:00Z", "step": "INITIATED", "actor": "P1"},
                {"at": "2026-07-02T00:00Z", "step": "PROGRESS", "actor": "P1", "percent": 50}],
    )  # fmt: skip
    # when validated
    result = validate({"tasks": [closed]})
    # then nothing is wrong, instants are UTC, and the people, need, skill and village are
    # looked up in the database
    assert result.problems == []
    row = result.rows["tasks"][0]
    assert row["createdAt"] == datetime(2026, 7, 1, 0, 0, tzinfo=UTC)
    assert row["staffingDeadline"] == datetime(2026, 7, 1, 0, 0, tzinfo=UTC)
    ids = result.external_ids()
    assert (ids["person"], ids["need"], ids["skill"], ids["village"]) == (
        ["P1", "P2"], ["N1"], ["K1"], ["V1"],
    )  # fmt: skip


def test_needs_and_teams_defined_in_the_document_are_not_looked_up() -> None:
    # given a need, a team, a task addressing the need and a member of the team
    document = {"needs": [need()], "teams": [team()], "teamMembers": [member()],
                "tasks": [task(addresses=["N1"])]}  # fmt: skip
    # when validated
    result = validate(document)
    # then only the village, township and person are left for the database
    assert result.problems == []
    ids = result.external_ids()
    assert (ids["need"], ids["team"], ids["village"], ids["township"]) == ([], [], ["V1"], ["T1"])
