"""The importer's pure checks: every kind of problem, with the exact wording a clerk reads, all
reported at once; and which references are left for the database to answer."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph.importing import SECTIONS, parse_json
from graph.importing.document import find_cycles, resolve, validate


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
        "postHolders", "services", "dispatches", "mentorships",
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
         " joinedYear, department, politicalStatus, education, phone, skills"),
        ({"wards": []},
         "wards: unknown section; expected one of counties, townships, villages, departments,"
         " skills, people, posts, postHolders, services, dispatches, mentorships"),
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
        " skills, people, posts, postHolders, services, dispatches, mentorships",
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
