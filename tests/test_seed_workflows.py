"""Pure-logic tests of the demo workflows (`seed.generate`'s needs, teams, trainings and tasks),
and of what ties the whole document to the importer: no repeated relationship row, and no
problem at all by the importer's own checks. No database involved.

Each test reads as given / when / then; the scale-1 document is generated once per module.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import pytest

import importing
from importing import validate
from seed import SECTIONS, generate
from seed.tasks import NOW
from seed.workflows import CURRENT, QUARTERS

# Kept in one worker (parallel runs): the document is generated once.
pytestmark = pytest.mark.xdist_group("seed-workflows")

Doc = dict[str, list[dict[str, Any]]]
# What identifies a row of each relationship section (the importer's identity of the edge).
EDGE_KEYS = {
    "postHolders": ("person", "post", "since"),
    "services": ("person", "village", "since"),
    "dispatches": ("person", "township", "since"),
    "mentorships": ("mentor", "mentee", "since"),
    "teamMembers": ("person", "team", "since"),
    "trainings": ("person", "department", "since"),
}
STEPS = ("INITIATED", "CONSULTED", "STAFFED", "SUPERVISING", "CLOSED", "CANCELLED")


@pytest.fixture(scope="module")
def doc() -> Doc:
    return generate(1, random_seed=42)


def _repeated(doc: Doc) -> list[str]:
    found = []
    for section, key in EDGE_KEYS.items():
        counts = Counter(tuple(row.get(k) for k in key) for row in doc[section])
        found += [f"{section} {row} ×{n}" for row, n in counts.items() if n > 1]
    for task in doc["tasks"]:
        counts = Counter((a["person"], a["since"]) for a in task["assignments"])
        found += [f"{task['id']} {row} ×{n}" for row, n in counts.items() if n > 1]
    return found


def _township_of_people(doc: Doc) -> dict[str, str]:
    """person -> the township their department is in, directly or through its village."""
    village_township = {v["id"]: v["township"] for v in doc["villages"]}
    dept_township = {
        d["id"]: d.get("township") or village_township.get(d.get("village", ""))
        for d in doc["departments"]
    }
    return {p["id"]: t for p in doc["people"] if (t := dept_township.get(p.get("department", "")))}


def test_the_sections_are_the_importers(doc: Doc) -> None:
    # given the generator's sections / then they are the importer's, in its order
    assert SECTIONS == importing.SECTIONS
    assert tuple(doc) == SECTIONS


def test_the_importer_finds_no_problem_in_the_demo_document(doc: Doc) -> None:
    # given the scale-1 document / when the importer validates it / then nothing is wrong
    assert [str(p) for p in validate(doc).problems] == []


def test_no_relationship_row_is_repeated(doc: Doc) -> None:
    # given the scale-1 document / then no edge is given twice, nor an assignment of a task
    assert _repeated(doc) == []


@pytest.mark.slow
def test_no_relationship_row_is_repeated_at_scale_ten() -> None:
    # given scale 10, where a person once served a village twice from the same day
    document = generate(10, random_seed=42)
    # then no edge is given twice and the importer finds no problem
    assert _repeated(document) == []
    assert [str(p) for p in validate(document).problems][:5] == []


def test_every_quarter_has_needs_in_every_township(doc: Doc) -> None:
    # given the needs and the villages' townships
    township = {v["id"]: v["township"] for v in doc["villages"]}
    raised = {(township[n["village"]], n["quarter"]) for n in doc["needs"]}
    # then each township raised needs in each quarter up to the current one, and no later
    assert raised == {(t["id"], q) for t in doc["townships"] for q in QUARTERS}
    titles = {n["title"] for n in doc["needs"]}
    assert {"汛期堤坝巡查力量不足", "电商直播带货培训", "低保政策核算"} <= titles
    assert all(1 <= len(n["skills"]) <= 3 for n in doc["needs"])
    assert {n["urgency"] for n in doc["needs"]} == {"LOW", "MEDIUM", "HIGH"}


def test_the_current_quarter_has_open_needs_some_beyond_the_townships_own_people(
    doc: Doc,
) -> None:
    # given each township's capability: its people and those dispatched to it now
    home = _township_of_people(doc)
    holders: dict[str, set[str]] = defaultdict(set)
    for person, township in home.items():
        holders[township].add(person)
    for x in doc["dispatches"]:
        if "until" not in x:
            holders[x["township"]].add(x["person"])
    level = {p["id"]: {s["skill"]: s["level"] for s in p["skills"]} for p in doc["people"]}
    village_township = {v["id"]: v["township"] for v in doc["villages"]}
    open_now = [n for n in doc["needs"] if n["quarter"] == CURRENT and n["status"] == "OPEN"]

    def unmet(need: dict[str, Any], people: set[str]) -> bool:
        return any(
            all(level[p].get(s["skill"], 0) < s["level"] for p in people) for s in need["skills"]
        )

    everyone = set(level)
    for t in doc["townships"]:
        mine = [n for n in open_now if village_township[n["village"]] == t["id"]]
        # then it has OPEN needs, and one it cannot meet that someone in the county can
        assert mine, t["id"]
        gaps = [n for n in mine if unmet(n, holders[t["id"]])]
        assert any(not unmet(n, everyone) for n in gaps), t["id"]


def test_tasks_reach_every_status_and_emergencies_meet_or_miss_their_standard(doc: Doc) -> None:
    # given the tasks
    tasks = doc["tasks"]
    # then every status and both kinds occur, and each task is at a village or a township
    assert {t["status"] for t in tasks} == set(STEPS)
    assert {t["kind"] for t in tasks} == {"ROUTINE", "EMERGENCY"}
    assert all(("village" in t) != ("township" in t) for t in tasks)
    assert {t["initiatedBy"] for t in tasks} == {"VILLAGE", "TOWNSHIP"}
    emergencies = [t for t in tasks if t["kind"] == "EMERGENCY"]
    assert all(t["severity"] and t["staffingDeadline"] for t in emergencies)
    staffed = [t for t in emergencies if "staffedAt" in t]
    # and some were staffed within the response standard, some late
    assert {t["staffedAt"] <= t["staffingDeadline"] for t in staffed} == {True, False}


def test_each_tasks_events_tell_its_status_in_order_up_to_now(doc: Doc) -> None:
    # given the tasks and their events
    for t in doc["tasks"]:
        steps = [e["step"] for e in t["events"] if e["step"] != "PROGRESS"]
        at = [e["at"] for e in t["events"]]
        # then they start at createdAt with INITIATED, follow the lifecycle, end at the status
        assert steps[0] == "INITIATED", t["id"]
        assert at[0] == t["createdAt"], t["id"]
        assert at == sorted(at), t["id"]
        assert at[-1] <= NOW.strftime("%Y-%m-%dT%H:%M:%SZ"), t["id"]
        assert steps[-1] == t["status"], t["id"]
        assert [s for s in STEPS if s in steps] == steps, t["id"]
        roles = {a["role"] for a in t["assignments"]}
        assert ("LEAD" in roles) == ("STAFFED" in steps), t["id"]
        assert ("SUPERVISOR" in roles) == ("SUPERVISING" in steps), t["id"]


def test_needs_with_a_task_are_matched_or_closed_with_it(doc: Doc) -> None:
    # given which task addresses which need
    status = {n["id"]: n["status"] for n in doc["needs"]}
    quarter = {n["id"]: n["quarter"] for n in doc["needs"]}
    addressed = {n: t for t in doc["tasks"] for n in t.get("addresses", ())}
    # then a need with a task is MATCHED, or CLOSED when its task is, and the task is in the
    # need's quarter; a need without one is OPEN or was settled (CLOSED)
    assert addressed
    for need, t in addressed.items():
        assert status[need] == ("CLOSED" if t["status"] == "CLOSED" else "MATCHED"), need
        assert t["quarter"] == quarter[need]
    assert {s for n, s in status.items() if n not in addressed} == {"OPEN", "CLOSED"}


def test_every_township_has_its_teams_led_and_manned_as_the_seeds_say(doc: Doc) -> None:
    # given the teams, their members, the posts people hold and their units
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in doc["teamMembers"]:
        members[m["team"]].append(m)
    post_title = {p["id"]: p["title"] for p in doc["posts"]}
    holds = {h["person"]: post_title[h["post"]] for h in doc["postHolders"] if "until" not in h}
    dept_of = {p["id"]: p["department"] for p in doc["people"]}
    committee = {d["id"] for d in doc["departments"] if d["kind"] == "VILLAGE_COMMITTEE"}
    kinds = defaultdict(set)
    for team in doc["teams"]:
        kinds[team.get("township") or team.get("county")].add(team["kind"])
        assert members[team["id"]], team["id"]
    # then every township has the three layers and an emergency team, the county one too
    for t in doc["townships"]:
        assert {"LEADING_GROUP", "WORKING_TEAM", "SPECIAL_GROUP", "EMERGENCY_TEAM"} <= kinds[
            t["id"]
        ]
        group = members[f"{t['id']}-TM-LG"]
        (leader,) = [m["person"] for m in group if m["role"] == "组长"]
        assert "分管镇村协同" in holds[leader]
        villages = sum(v["township"] == t["id"] for v in doc["villages"])
        assert sum(dept_of[m["person"]] in committee for m in group) >= villages
        crew = members[f"{t['id']}-TM-ET"]
        assert any(dept_of[m["person"]] == f"{t['id']}-D-SLZ" for m in crew)
        assert any(dept_of[m["person"]] in committee for m in crew)
    assert "EMERGENCY_TEAM" in kinds[doc["counties"][0]["id"]]
    assert {team["kind"] for team in doc["teams"]} >= {"VILLAGE_WORK_TEAM"}
    assert any("until" in m for m in doc["teamMembers"])


def test_trainings_are_few_village_cadres_at_township_posts_over_several_years(doc: Doc) -> None:
    # given the trainings, the departments' kinds and the people's departments
    kind = {d["id"]: d["kind"] for d in doc["departments"]}
    dept_of = {p["id"]: p["department"] for p in doc["people"]}
    trainings = doc["trainings"]
    # then village cadres train at township offices and institutions, in several years
    assert trainings
    assert all(kind[dept_of[x["person"]]] == "VILLAGE_COMMITTEE" for x in trainings)
    assert {kind[x["department"]] for x in trainings} <= {"TOWNSHIP_OFFICE", "TOWNSHIP_INSTITUTION"}
    assert len({x["since"][:4] for x in trainings}) >= 3
    # and the flow is nearly one-way: far fewer than the services township staff start
    staff_services = [
        s for s in doc["services"] if kind[dept_of[s["person"]]] != "VILLAGE_COMMITTEE"
    ]
    assert len(trainings) * 10 < len(staff_services)
