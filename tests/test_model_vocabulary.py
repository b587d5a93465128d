"""The domain vocabulary in `model/`: the GraphQL enums spell exactly its values, its pure
functions hold at their edges, and the package stays pure (no driver, no GraphQL library)."""

from __future__ import annotations

import ast
import datetime as dt
from enum import Enum
from pathlib import Path

import pytest

from model import emergency, needs, people, periods, skills, talent, tasks, teams
from model.periods import Period, is_active, quarter_of
from model.skills import is_level, level_problem, untyped_level_problem
from schema.emergency import Severity
from schema.enums import ServiceRole, SpecialistType, TalentOrder
from schema.need import TaskSide
from schema.need_list import NeedStatus, NeedUrgency
from schema.task_types import TaskKind, TaskRole, TaskStatus, TaskStep
from schema.team import TeamKind
from seed.catalog import SKILLS
from server.settings import Settings

MODEL_DIR = Path(__file__).resolve().parent.parent / "model"


@pytest.mark.parametrize(
    ("enum", "values"),
    [
        (ServiceRole, people.SERVICE_ROLES),
        (TaskStatus, tasks.TASK_STATUSES),
        (TaskStep, tasks.TASK_STEPS),
        (TaskRole, tasks.TASK_ROLES),
        (TaskKind, tasks.TASK_KINDS),
        (TaskSide, tasks.INITIATORS),
        (Severity, emergency.SEVERITIES),
        (TeamKind, teams.TEAM_KINDS),
        (NeedStatus, needs.NEED_STATUSES),
        (NeedUrgency, needs.URGENCIES),
        (SpecialistType, tuple(talent.SPECIALIST_TYPES)),
        (TalentOrder, talent.TALENT_ORDERS),
    ],
    ids=lambda x: x.__name__ if isinstance(x, type) else "",
)
def test_graphql_enum_spells_the_model_vocabulary(
    enum: type[Enum], values: tuple[str, ...]
) -> None:
    # given a Strawberry enum and the model's tuple it mirrors
    # when their values are compared, in order
    spelled = [member.value for member in enum]
    # then they are the same words
    assert spelled == list(values)


def test_specialist_types_name_catalogue_skills_none_below_another_of_its_set() -> None:
    # given the catalogue's skills and their broader links
    broader = {s.id: s.broader for s in SKILLS}

    def ancestors(skill: str) -> set[str]:
        found: set[str] = set()
        parent = broader[skill]
        while parent is not None:
            found.add(parent)
            parent = broader[parent]
        return found

    for name, ids in talent.SPECIALIST_TYPES.items():
        # then each type's skills are in the catalogue, with a Chinese name of seed 003
        assert set(ids) <= set(broader), name
        assert talent.SPECIALIST_TYPE_NAMES[name].endswith("型")
        # and none lies below another of its set (a holder would count twice)
        assert all(not (ancestors(i) & set(ids)) for i in ids), name


def test_residential_roles_are_service_roles() -> None:
    # given the roles that keep a person in a village
    # then each is a service role
    assert set(people.RESIDENTIAL_ROLES) < set(people.SERVICE_ROLES)


def test_every_open_status_has_forward_steps_and_no_other_does() -> None:
    # given the lifecycle
    # then exactly the open statuses move on, and a closed or cancelled task has no next step
    assert set(tasks.FORWARD) == set(tasks.OPEN_STATUSES)
    assert tasks.next_steps("INITIATED") == ["recordPlan", "cancelTask"]
    assert tasks.next_steps("CLOSED") == []
    assert tasks.next_steps("CANCELLED") == []


def test_reached_follows_the_main_flow() -> None:
    # given the main flow INITIATED → … → CLOSED
    # then a status has reached itself and every earlier step, no later one; CANCELLED none
    assert tasks.reached("STAFFED", "CONSULTED")
    assert tasks.reached("STAFFED", "STAFFED")
    assert not tasks.reached("STAFFED", "SUPERVISING")
    assert not tasks.reached("CANCELLED", "INITIATED")


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (dt.date(2025, 1, 1), "2025Q1"),
        (dt.date(2025, 3, 31), "2025Q1"),
        (dt.date(2025, 4, 1), "2025Q2"),
        (dt.date(2025, 6, 30), "2025Q2"),
        (dt.date(2025, 7, 1), "2025Q3"),
        (dt.date(2025, 9, 30), "2025Q3"),
        (dt.date(2025, 10, 1), "2025Q4"),
        (dt.date(2025, 12, 31), "2025Q4"),
        (dt.datetime(2026, 3, 31, 23, 59, tzinfo=dt.UTC), "2026Q1"),
    ],
)
def test_quarter_of_at_quarter_boundaries(day: dt.date, quarter: str) -> None:
    # given a first or last day of a quarter (or an instant)
    # when its quarter is taken
    # then it is that quarter, and reads as a quarter
    assert quarter_of(day) == quarter
    assert periods.is_quarter(quarter)


@pytest.mark.parametrize("text", ["2025Q0", "2025Q5", "25Q1", "2025q1", "2025Q1 ", "２０２５Q1"])
def test_is_quarter_refuses_other_shapes(text: str) -> None:
    assert not periods.is_quarter(text)


SINCE = dt.date(2024, 3, 1)
UNTIL = dt.date(2024, 6, 30)


@pytest.mark.parametrize(
    ("until", "day", "active"),
    [
        (UNTIL, SINCE - dt.timedelta(days=1), False),
        (UNTIL, SINCE, True),
        (UNTIL, UNTIL, True),
        (UNTIL, UNTIL + dt.timedelta(days=1), False),
        (None, SINCE - dt.timedelta(days=1), False),
        (None, SINCE, True),
        (None, dt.date(2099, 1, 1), True),
        (SINCE, SINCE, True),
    ],
)
def test_is_active_at_the_edges(until: dt.date | None, day: dt.date, active: bool) -> None:
    # given a period from SINCE to `until` (both inclusive; None: ongoing)
    # when asked about a day at or next to its ends
    # then it is active exactly on the days it covers, as function and as Period
    assert is_active(SINCE, until, day) is active
    assert Period(SINCE, until).is_active(day) is active


@pytest.mark.parametrize(
    ("value", "ok"), [(0, False), (1, True), (3, True), (5, True), (6, False), (-1, False)]
)
def test_level_bounds(value: int, ok: bool) -> None:
    # given a candidate level
    # then it is a level exactly from 1 to 5, and only a non-level has a problem
    assert is_level(value) is ok
    assert (level_problem(value) is None) is ok
    assert (untyped_level_problem(value) is None) is ok


def test_level_is_a_whole_number() -> None:
    # given values that are not whole numbers (a bool is an int to Python)
    # then none of them is a level
    for value in (True, 2.0, "3", None):
        assert not is_level(value)
    assert untyped_level_problem("x", shown="'x'") == "must be an integer from 1 to 5, got 'x'"
    assert level_problem(9) == "must be a level from 1 to 5, got 9"


def test_response_standards_defaults_round_trip_through_the_settings() -> None:
    # given the default response standards
    # when written as the setting's text and read back
    text = emergency.format_standards(emergency.DEFAULT_RESPONSE_MINUTES)
    # then the text is the documented default and reads back to the same minutes
    assert text == "I=30,II=120,III=1440"
    assert emergency.parse_standards(text) == dict(emergency.DEFAULT_RESPONSE_MINUTES)
    assert Settings().response_minutes() == dict(emergency.DEFAULT_RESPONSE_MINUTES)
    assert set(emergency.DEFAULT_RESPONSE_MINUTES) == set(emergency.SEVERITIES)


def test_settings_default_mentee_limit_is_the_model_one() -> None:
    from model.mentoring import DEFAULT_MAX_ACTIVE_MENTEES
    from resolvers.context import Rules

    assert Settings().towngraph_max_active_mentees == DEFAULT_MAX_ACTIVE_MENTEES
    assert Rules().max_active_mentees == DEFAULT_MAX_ACTIVE_MENTEES


def test_skill_levels_bound_qualification_and_mentoring() -> None:
    from model.mentoring import MIN_MENTOR_LEVEL

    assert skills.QUALIFIED_LEVEL in skills.LEVELS
    assert MIN_MENTOR_LEVEL in skills.LEVELS


@pytest.mark.parametrize("path", sorted(MODEL_DIR.glob("*.py")), ids=lambda p: p.name)
def test_model_imports_only_the_standard_library_and_itself(path: Path) -> None:
    # given a module of model/
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # when its imports are listed
    roots = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 0
    }
    # then none of them is a layer above, the driver or the GraphQL library
    assert not roots & {"neo4j", "strawberry", "graph", "resolvers", "schema", "server", "seed"}
