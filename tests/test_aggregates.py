"""peopleAggregate and taskAggregate: hand-counted groups over small places, only the selected
groups computed, one round trip, and the caller's scope applied to the counts."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from model.access import Role
from tests.conftest import GraphQLClient
from tests.factories import Doc, place, refused_field

PEOPLE = """
query PeopleCounts($c: ID, $t: ID, $d: ID, $s: [ID!]) {
  peopleAggregate(countyId: $c, townshipId: $t, departmentId: $d, skillIds: $s) {
    count
    byTownship { key name count }
    byDepartment { key count }
    byPoliticalStatus { key name count }
    byGender { key name count }
    byEducation { key count }
    bySkill { key count levels { level count } }
  }
}
"""

TASKS = """
query TaskCounts($t: ID, $v: ID, $from: String, $to: String) {
  taskAggregate(townshipId: $t, villageId: $v, fromQuarter: $from, toQuarter: $to) {
    count byStatus { key name count } byQuarter { key count } byKind { key name count }
  }
}
"""


def _person(doc: Doc, key: str, department: str, skills: dict[str, int], **more: Any) -> None:
    doc.person(key, department=department, skills=skills)
    doc.sections["people"][-1].update(more)


async def _county(graph: Graph, uid: str) -> Doc:
    """County C: its bureau B (3 people), township T's office O (2), village V's committee VC
    (1), township T2's office O2 (1); skills K1, K2."""
    doc = place(Doc(uid))
    doc.township("T2", "C")
    doc.department("B", kind="COUNTY_DEPARTMENT", county="C")
    doc.department("O", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("VC", kind="VILLAGE_COMMITTEE", village="V")
    doc.department("O2", kind="TOWNSHIP_OFFICE", township="T2")
    doc.skill("K1")
    doc.skill("K2")
    party = {"politicalStatus": "CPC_MEMBER"}
    _person(doc, "P1", "B", {"K1": 3}, gender="MALE", education="本科", **party)
    _person(doc, "P2", "B", {"K1": 3, "K2": 5}, gender="FEMALE", education="本科", **party)
    _person(doc, "P3", "B", {}, gender="FEMALE", education="硕士", politicalStatus="MASSES")
    _person(doc, "P4", "O", {"K1": 1}, gender="MALE", **party)
    _person(doc, "P5", "O", {"K2": 5}, gender="MALE", education="本科")
    _person(doc, "P6", "VC", {"K1": 3}, gender="FEMALE", education="大专", **party)
    _person(doc, "P7", "O2", {"K2": 2}, gender="MALE", education="本科", **party)
    await doc.load(graph)
    return doc


async def test_a_countys_staff_counted_by_every_group(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the county above
    doc = await _county(graph, uid)

    # when its staff are counted
    agg = (await gql.data(PEOPLE, {"c": doc.id("C")}))["peopleAggregate"]

    # then all seven, by township: T has O's two and VC's one, the bureau no township (null
    # sorts after T at the same count), T2 one
    assert agg["count"] == 7
    assert agg["byTownship"] == [
        {"key": doc.id("T"), "name": "T镇", "count": 3},
        {"key": None, "name": None, "count": 3},
        {"key": doc.id("T2"), "name": "T2镇", "count": 1},
    ]
    assert [(g["key"], g["count"]) for g in agg["byDepartment"]] == [
        (doc.id("B"), 3), (doc.id("O"), 2), (doc.id("O2"), 1), (doc.id("VC"), 1),
    ]  # fmt: skip
    # and five party members, one of the masses, one not recorded (last: null sorts last)
    assert agg["byPoliticalStatus"] == [
        {"key": "CPC_MEMBER", "name": "中共党员", "count": 5},
        {"key": "MASSES", "name": "群众", "count": 1},
        {"key": None, "name": None, "count": 1},
    ]
    assert [(g["name"], g["count"]) for g in agg["byGender"]] == [("男", 4), ("女", 3)]
    assert [(g["key"], g["count"]) for g in agg["byEducation"]] == [
        ("本科", 4), ("大专", 1), ("硕士", 1), (None, 1),
    ]  # fmt: skip
    # and K1 is held by four (levels 3, 3, 1, 3), K2 by three (5, 5, 2)
    assert agg["bySkill"] == [
        {"key": doc.id("K1"), "count": 4,
         "levels": [{"level": 1, "count": 1}, {"level": 2, "count": 0}, {"level": 3, "count": 3},
                    {"level": 4, "count": 0}, {"level": 5, "count": 0}]},
        {"key": doc.id("K2"), "count": 3,
         "levels": [{"level": 1, "count": 0}, {"level": 2, "count": 1}, {"level": 3, "count": 0},
                    {"level": 4, "count": 0}, {"level": 5, "count": 2}]},
    ]  # fmt: skip
    # and it took one round trip
    assert gql.round_trips == 1


async def test_a_township_a_department_and_a_skill_filter(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the county above
    doc = await _county(graph, uid)

    # when township T, department B, and T's holders of K2 are counted
    township = (await gql.data(PEOPLE, {"t": doc.id("T")}))["peopleAggregate"]
    bureau = (await gql.data(PEOPLE, {"d": doc.id("B")}))["peopleAggregate"]
    k2 = (await gql.data(PEOPLE, {"t": doc.id("T"), "s": [doc.id("K2")]}))["peopleAggregate"]

    # then T has its office's two and its village committee's one
    assert township["count"] == 3
    assert [(g["key"], g["count"]) for g in township["byDepartment"]] == [
        (doc.id("O"), 2), (doc.id("VC"), 1),
    ]  # fmt: skip
    assert bureau["count"] == 3
    # and of T only P5 holds K2; bySkill then shows K2 alone
    assert k2["count"] == 1
    assert [(g["key"], g["count"]) for g in k2["bySkill"]] == [(doc.id("K2"), 1)]


async def test_only_the_selected_groups_are_computed(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the county above
    doc = await _county(graph, uid)

    # when only the count and (through a fragment and an alias) the genders are asked for
    data = await gql.data(
        """query Few($c: ID) { peopleAggregate(countyId: $c) { count ...G } }
           fragment G on PeopleAggregate { sexes: byGender { count } }""",
        {"c": doc.id("C")},
    )

    # then they are there, in one round trip
    assert data["peopleAggregate"] == {"count": 7, "sexes": [{"count": 4}, {"count": 3}]}
    assert gql.round_trips == 1


async def test_scope_and_refusals(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given the county above, and another county's clerk
    doc = await _county(graph, uid)
    other = place(Doc(uid + "x"))
    await other.load(graph)
    stranger = gql.as_(Role.COUNTY, unit=other.id("C"))

    # when the stranger counts the county, or nobody names a place, or two
    hidden = await stranger.post(PEOPLE, {"c": doc.id("C")})
    none = await gql.post(PEOPLE, {})
    both = await gql.post(PEOPLE, {"c": doc.id("C"), "t": doc.id("T")})
    bad = await gql.post(TASKS, {"t": doc.id("T"), "from": "2025-3"})

    # then the county is not found for them, and the others name the argument
    assert refused_field(hidden) == ("NOT_FOUND", "countyId")
    assert refused_field(none) == ("BAD_USER_INPUT", "countyId")
    assert refused_field(both) == ("BAD_USER_INPUT", "countyId")
    assert refused_field(bad) == ("BAD_USER_INPUT", "fromQuarter")


def _task(doc: Doc, key: str, status: str, quarter: str, kind: str = "ROUTINE", **at: str) -> None:
    row: dict[str, Any] = {
        "id": doc.id(key), "title": f"任务{key}", "domain": "防汛", "kind": kind,
        "status": status, "initiatedBy": "VILLAGE", "quarter": quarter,
        "createdAt": f"{quarter[:4]}-{int(quarter[5]) * 3 - 2:02d}-05T00:00:00Z",
    }  # fmt: skip
    if kind == "EMERGENCY":
        row["severity"] = "II"
    if "township" in at:
        row["township"] = doc.id(at["township"])
    else:
        row["village"] = doc.id(at.get("village", "V"))
    if status != "INITIATED":
        row["plan"] = "方案"
    doc.sections.setdefault("tasks", []).append(row)


async def test_a_townships_tasks_by_status_quarter_and_kind(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given township T (village V) with four tasks, and one of township T2
    doc = place(Doc(uid))
    doc.township("T2", "C")
    doc.village("W", "T2")
    _task(doc, "K1", "INITIATED", "2025Q2")
    _task(doc, "K2", "CONSULTED", "2025Q2", township="T")
    _task(doc, "K3", "INITIATED", "2025Q3", kind="EMERGENCY")
    _task(doc, "K4", "CONSULTED", "2025Q4")
    _task(doc, "K5", "INITIATED", "2025Q2", village="W")
    await doc.load(graph)

    # when T's tasks are counted, all and from 2025Q3 on; and V's alone
    all_ = (await gql.data(TASKS, {"t": doc.id("T")}))["taskAggregate"]
    later = (await gql.data(TASKS, {"t": doc.id("T"), "from": "2025Q3"}))["taskAggregate"]
    village = (await gql.data(TASKS, {"v": doc.id("V"), "to": "2025Q2"}))["taskAggregate"]

    # then four, two of each status (ties by code), by quarter in order, one emergency
    assert all_["count"] == 4
    assert all_["byStatus"] == [
        {"key": "CONSULTED", "name": "方案会商", "count": 2},
        {"key": "INITIATED", "name": "任务发起", "count": 2},
    ]
    assert all_["byQuarter"] == [
        {"key": "2025Q2", "count": 2}, {"key": "2025Q3", "count": 1}, {"key": "2025Q4", "count": 1},
    ]  # fmt: skip
    assert [(g["key"], g["name"], g["count"]) for g in all_["byKind"]] == [
        ("ROUTINE", "常规", 3), ("EMERGENCY", "突发事件", 1),
    ]  # fmt: skip
    assert later["count"] == 2
    assert village["count"] == 1
    assert gql.round_trips == 1
