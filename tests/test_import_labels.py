"""Clerks' words in an import document: the Chinese labels of every enumeration (男, 中共党员, 驻村,
乡 …, model/labels.py) where a code is expected, and days as clerks write them (2024/3/1,
2024.3.1, 2024年3月1日). Pure: validation keeps the code and the date, which is what is written."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from importing.document import validate
from importing.fields import clerk_date
from model import emergency, labels, needs, people, selection, tasks, teams, workteam
from model.assessment import EVALUATION_KINDS, SIDES


def _rows(document: dict[str, Any], section: str) -> list[dict[str, Any]]:
    found = validate(document)
    assert [str(p) for p in found.problems] == []
    return found.rows[section]


def test_people_in_a_clerks_words_are_kept_as_codes() -> None:
    # given a roster row in Chinese labels, with white space as a spreadsheet leaves it
    row = {"id": "P1", "name": "张建国", "gender": "男", "politicalStatus": " 中共党员 ",
           "rank": "副科级", "departmentSince": "2019年3月1日", "department": "D1"}  # fmt: skip
    document = {"departments": [{"id": "D1", "name": "农业服务中心", "kind": "事业单位",
                                 "township": "T1"}],
                "townships": [{"id": "T1", "name": "城关镇", "county": "C1", "kind": "镇",
                               "category": "一般"}],
                "counties": [{"id": "C1", "name": "某县"}],
                "people": [row]}  # fmt: skip
    # when validated / then the codes and the day are what would be written
    (person,) = _rows(document, "people")
    assert (person["gender"], person["politicalStatus"], person["rank"]) == (
        "MALE",
        "CPC_MEMBER",
        "DEPUTY_SECTION",
    )
    assert person["departmentSince"] == date(2019, 3, 1)
    (township,) = _rows(document, "townships")
    assert (township["kind"], township["category"]) == ("TOWN", "ORDINARY")
    (unit,) = _rows(document, "departments")
    assert unit["kind"] == "TOWNSHIP_INSTITUTION"


@pytest.mark.parametrize(
    ("role", "code"),
    [("驻村蹲点", "STATIONED"), ("驻村", "STATIONED"), ("包村联系", "LIAISON"),
     ("第一书记", "FIRST_SECRETARY"), ("技术支援", "TECHNICAL_SUPPORT"),
     ("驻村工作队员", "WORK_TEAM"), ("WORK_TEAM", "WORK_TEAM")],
)  # fmt: skip
def test_a_service_role_may_be_its_label(role: str, code: str) -> None:
    # given a service in the role's label / when validated / then the code is kept
    service = {"person": "P1", "village": "V1", "role": role, "since": "2024/3/1"}
    (row,) = _rows({"services": [service]}, "services")
    assert (row["role"], row["since"]) == (code, date(2024, 3, 1))


def test_a_word_of_no_code_is_still_refused_naming_the_codes() -> None:
    # given a gender in neither codes nor labels / when validated / then the codes are listed
    found = validate({"people": [{"id": "P1", "name": "某", "gender": "未知"}]})
    assert [str(p) for p in found.problems] == [
        "people[0].gender: unknown value '未知'; expected one of MALE, FEMALE"
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [("2024-03-01", date(2024, 3, 1)), ("2024-3-1", date(2024, 3, 1)),
     ("2024/3/1", date(2024, 3, 1)), ("2024.03.01", date(2024, 3, 1)),
     ("2024年3月1日", date(2024, 3, 1)), ("2024 年 3 月 1 日", date(2024, 3, 1)),
     ("２０２４年３月１日", date(2024, 3, 1)), ("2024/3-1", None), ("2024/2/30", None),
     ("3/1/2024", None), ("二〇二四年三月一日", None)],
)  # fmt: skip
def test_days_as_clerks_write_them(text: str, day: date | None) -> None:
    # given a day as a clerk wrote it / when read / then the day, or nothing for no day
    assert clerk_date(text) == day


def test_an_impossible_day_is_refused_in_a_clerks_form_too() -> None:
    # given a service starting on 30 February, written with slashes / when validated
    found = validate({"services": [{"person": "P1", "village": "V1", "role": "驻村",
                                    "since": "2021/2/30"}]})  # fmt: skip
    # then it is refused like the ISO form
    assert [str(p) for p in found.problems] == [
        "services[0].since: not a date 'YYYY-MM-DD': '2021/2/30'"
    ]


VOCABULARIES: list[tuple[labels.Labels, tuple[str, ...]]] = [
    (labels.GENDER, ("MALE", "FEMALE")),
    (labels.POLITICAL_STATUS,
     ("CPC_MEMBER", "CPC_PROBATIONARY", "CYL_MEMBER", "OTHER_PARTY", "MASSES")),
    (labels.SERVICE_ROLE, people.SERVICE_ROLES),
    (labels.TOWNSHIP_KIND, ("TOWN", "TOWNSHIP", "SUBDISTRICT")),
    (labels.TOWNSHIP_CATEGORY, ("EXTRA_LARGE", "LARGE", "ORDINARY")),
    (labels.DEPARTMENT_KIND,
     ("COUNTY_DEPARTMENT", "TOWNSHIP_OFFICE", "TOWNSHIP_INSTITUTION", "VILLAGE_COMMITTEE")),
    (labels.SENDING_LEVEL, tuple(workteam.SENDING_LEVELS)),
    (labels.RANK, tuple(workteam.RANKS)),
    (labels.EVALUATION_KIND, EVALUATION_KINDS),
    (labels.SIDE, tuple(SIDES)),
    (labels.TASK_ROLE, tasks.TASK_ROLES),
    (labels.TASK_STEP, tasks.TASK_STEPS),
    (labels.TASK_STATUS, tasks.TASK_STATUSES),
    (labels.TASK_KIND, tasks.TASK_KINDS),
    (labels.SEVERITY, emergency.SEVERITIES),
    (labels.INITIATOR, tasks.INITIATORS),
    (labels.URGENCY, needs.URGENCIES),
    (labels.NEED_STATUS, needs.NEED_STATUSES),
    (labels.TEAM_KIND, teams.TEAM_KINDS),
    (labels.SELECTION_STATUS, selection.MAIN_FLOW),
]  # fmt: skip


@pytest.mark.parametrize(("vocabulary", "codes"), VOCABULARIES)
def test_every_code_has_a_label_and_no_word_names_two_codes(
    vocabulary: labels.Labels, codes: tuple[str, ...]
) -> None:
    # given a vocabulary's labels / then they cover its codes exactly, each word once
    assert set(vocabulary) == set(codes)
    words = [word for code in codes for word in vocabulary[code]]
    assert len(words) == len(set(words))
    assert not set(words) & set(codes)
