"""Emergency response beyond the muster: a severity-I task staffed before its plan, the roster
ranked by skill level within distance bands, a proposed team (station staff, the village's own
emergency-team members, the nearest others for what is left) and acknowledgements (到岗确认).

Hand-computed: the scenes of tests/test_emergency.py (units at known distances from the village,
at a spot of the test's own) and the small township of tests/task_support.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.db import Graph
from model.access import Role
from tests import task_support as ts
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error
from tests.test_emergency import DAY, Scene, ids

# --- a severity-I task is staffed first, its plan recorded afterwards ---------------------------


async def emergency_task(gql: GraphQLClient, doc: Doc, severity: str, key: str = "T1") -> str:
    return await ts.initiate(gql, doc, key, kind="EMERGENCY", sev=severity)


LEAD = "L"


def lead(doc: Doc) -> list[dict[str, str]]:
    return [{"personId": doc.id(LEAD), "role": "LEAD"}]


async def test_a_severity_i_task_is_staffed_at_once_and_its_plan_recorded_after(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a new severity-I emergency
    doc = await ts.ground(graph, uid)
    task_id = await emergency_task(gql, doc, "I")
    before = await ts.snapshot(gql, task_id)

    # when a LEAD is assigned while INITIATED, then the plan recorded
    staffed = (await gql.data(ts.ASSIGN, {"id": task_id, "a": lead(doc)}))["assignPeople"]["task"]
    planned = (await gql.data(ts.PLAN, {"id": task_id}))["recordPlan"]["task"]
    late = await gql.post(ts.PLAN, {"id": task_id})
    events = (await gql.data(EVENTS, {"id": task_id}))["task"]["events"]

    # then
    assert before["nextSteps"] == ["assignPeople", "recordPlan", "cancelTask"]
    assert staffed["status"] == "STAFFED"
    assert staffed["staffedAt"] is not None
    assert staffed["nextSteps"] == ["startSupervision", "assignPeople", "recordPlan", "cancelTask"]
    assert planned["status"] == "STAFFED"  # the plan does not take the task back
    assert planned["plan"] == "村两委与水利站联合巡堤"
    assert planned["nextSteps"] == ["startSupervision", "assignPeople", "cancelTask"]
    assert [(e["step"], e["recordedAfterStaffing"]) for e in events] == [
        ("INITIATED", False),
        ("STAFFED", False),
        ("CONSULTED", True),
    ]
    code, message = only_error(late)
    assert code == "BAD_USER_INPUT"
    assert "STAFFED; the next steps are startSupervision or assignPeople (or cancelTask)" in message


EVENTS = "query($id: ID!) { task(id: $id) { events { step recordedAfterStaffing } } }"


async def test_a_severity_i_task_may_still_take_its_plan_first(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a severity-I emergency
    doc = await ts.ground(graph, uid)
    task_id = await emergency_task(gql, doc, "I")

    # when its plan comes first, then a LEAD
    consulted = (await gql.data(ts.PLAN, {"id": task_id}))["recordPlan"]["task"]
    await gql.data(ts.ASSIGN, {"id": task_id, "a": lead(doc)})
    events = (await gql.data(EVENTS, {"id": task_id}))["task"]["events"]

    # then the usual order, nothing marked late
    assert consulted["status"] == "CONSULTED"
    assert [(e["step"], e["recordedAfterStaffing"]) for e in events] == [
        ("INITIATED", False),
        ("CONSULTED", False),
        ("STAFFED", False),
    ]


async def test_other_severities_keep_the_plan_first(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given INITIATED emergencies of severity II and III and a routine task
    doc = await ts.ground(graph, uid)
    tasks = [
        await emergency_task(gql, doc, "II", "T2"),
        await emergency_task(gql, doc, "III", "T3"),
        await ts.initiate(gql, doc, "T4"),
    ]

    # when each is staffed before its plan
    answers = [await gql.post(ts.ASSIGN, {"id": t, "a": lead(doc)}) for t in tasks]

    # then each is refused with the allowed next step, and none is staffed
    for task_id, answer in zip(tasks, answers, strict=True):
        code, message = only_error(answer)
        assert code == "BAD_USER_INPUT"
        assert message.endswith("is INITIATED; the next step is recordPlan (or cancelTask)")
        assert (await ts.snapshot(gql, task_id))["status"] == "INITIATED"


# --- the roster ranked by level within distance bands ------------------------------------------

BANDED = """
query($v: ID!, $k: [ID!]!, $r: Float, $o: RosterOrder, $b: Float) {
  emergencyRoster(villageId: $v, skillIds: $k, radiusKm: $r, orderBy: $o, bandKm: $b) {
    person { id } distanceKm band matchedSkills { level }
  }
}
"""


async def banded(gql: GraphQLClient, scene: Scene, **args: Any) -> list[dict[str, Any]]:
    data = await gql.data(BANDED, {"v": scene.doc.id("V"), "k": [scene.doc.id("K1")], **args})
    entries: list[dict[str, Any]] = data["emergencyRoster"]
    return [e for e in entries if e["person"]["id"].startswith(scene.doc.uid)]


async def test_level_within_bands_ranks_the_best_level_of_each_band_first(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given K1 holders at 0 km (levels 1 and 4), 5 km (4), 10 km (5, two of them) and 25 km (3)
    scene = Scene(uid)
    for person, dept, level in (
        ("A", "DV", 1), ("B", "DV", 4), ("C", "DV2", 4), ("D", "DT", 5), ("E", "DT", 5),
        ("F", "DVF", 3),
    ):  # fmt: skip
        scene.doc.person(person, department=dept, skills={"K1": level})
    await scene.doc.load(graph)

    # when ranked by distance (default and asked) and by level within 6 km bands
    default = await banded(gql, scene, r=30, b=6)
    nearest = await banded(gql, scene, r=30, b=6, o="DISTANCE")
    by_level = await banded(gql, scene, r=30, b=6, o="LEVEL_WITHIN_BANDS")

    # then bands 0 (0 and 5 km), 1 (10 km), 4 (25 km); within a band the best level, then the
    # nearer, then the id
    assert ids(scene, default) == ["B", "A", "C", "D", "E", "F"]  # distance, level, id
    assert nearest == default
    assert ids(scene, by_level) == ["B", "C", "A", "D", "E", "F"]
    assert [e["band"] for e in by_level] == [0, 0, 0, 1, 1, 4]


async def test_bands_are_5_km_by_default_and_their_width_is_checked(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given holders at 0 km (level 1) and, V2 moved 12 km north, at 12 km (level 5)
    scene = Scene(uid)
    scene.locate("villages", "V2", 12, 0)
    scene.doc.person("A", department="DV", skills={"K1": 1})
    scene.doc.person("F", department="DV2", skills={"K1": 5})
    await scene.doc.load(graph)

    # when
    entries = await banded(gql, scene, o="LEVEL_WITHIN_BANDS")
    wide = await banded(gql, scene, o="LEVEL_WITHIN_BANDS", b=15)
    refused = await gql.post(BANDED, {"v": scene.doc.id("V"), "k": [scene.doc.id("K1")], "b": 0})

    # then 12 km is band 2 of 5 km; one 15 km band puts the level first
    assert [(e["person"]["id"][-1], e["band"]) for e in entries] == [("A", 0), ("F", 2)]
    assert ids(scene, wide) == ["F", "A"]
    code, message = only_error(refused)
    assert (code, message.split(":")[0]) == ("BAD_USER_INPUT", "bandKm")


async def test_a_short_roster_is_the_head_of_the_whole_ranking_in_either_order(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given, within one 6 km band, a level-1 holder at 0 km (A) and a level-4 holder at 5 km (B);
    # a level-5 holder at 10 km (D), in the next band
    scene = Scene(uid)
    for person, dept, level in (("A", "DV", 1), ("B", "DV2", 4), ("D", "DT", 5)):
        scene.doc.person(person, department=dept, skills={"K1": level})
    await scene.doc.load(graph)
    query = BANDED.replace("$b: Float)", "$b: Float, $f: Int)").replace(
        "bandKm: $b)", "bandKm: $b, first: $f)"
    )
    variables = {"v": scene.doc.id("V"), "k": [scene.doc.id("K1")], "r": 30, "b": 6}

    # when only the first one or two are asked for
    heads = {
        (order, first): [
            e["person"]["id"].removeprefix(uid)
            for e in (await gql.data(query, {**variables, "o": order, "f": first}))[
                "emergencyRoster"
            ]
        ]
        for order in ("DISTANCE", "LEVEL_WITHIN_BANDS")
        for first in (1, 2)
    }

    # then each is the head of the whole ranking: by level within the band, B at 5 km comes
    # before A, the nearest (the roster cannot stop at the first holder it finds)
    assert heads == {
        ("DISTANCE", 1): ["A"],
        ("DISTANCE", 2): ["A", "B"],
        ("LEVEL_WITHIN_BANDS", 1): ["B"],
        ("LEVEL_WITHIN_BANDS", 2): ["B", "A"],
    }


# --- the proposed team --------------------------------------------------------------------------

TEAM = """
query($v: ID!, $k: [ID!]!, $min: Int, $on: Date, $r: Float) {
  emergencyTeam(villageId: $v, skillIds: $k, minLevel: $min, asOf: $on, radiusKm: $r) {
    members { source person { id } unit distanceKm covers { id } available }
    uncoveredSkills { id }
  }
}
"""


async def team_scene(graph: Graph, uid: str) -> Scene:
    """Station 水利站 (DS) of township T: W1 (K1 at 4), W2 (no requested skill); a township office
    (DO): O1 (K1 at 5); the village V: F1 and F2 in T's emergency team (F2's membership ended),
    G (K2 at 2, in no team); village V2: F3 in the team (K2 at 3); the county: PC (K2 at 5).
    Skill K3 is held by no one."""
    scene = Scene(uid)
    doc = scene.doc
    doc.skill("K3", "抢险救援")
    doc.department("DS", kind="TOWNSHIP_INSTITUTION", township="T", name="水利站")
    doc.department("DO", kind="TOWNSHIP_OFFICE", township="T", name="党政办")
    doc.person("W1", department="DS", skills={"K1": 4})
    doc.person("W2", department="DS")
    doc.person("O1", department="DO", skills={"K1": 5})
    doc.person("F1", department="DV")
    doc.person("F2", department="DV")
    doc.person("G", department="DV", skills={"K2": 2})
    doc.person("F3", department="DV2", skills={"K2": 3})
    doc.person("PC", department="DC", skills={"K2": 5})
    await doc.load(graph)
    await scene.team(
        graph,
        "ET",
        "EMERGENCY_TEAM",
        {"F1": ("2024-01-01", None), "F2": ("2024-01-01", "2025-01-01"),
         "F3": ("2024-01-01", None)},
    )  # fmt: skip
    return scene


def members(scene: Scene, team: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    uid = scene.doc.uid
    return [
        (m["source"], m["person"]["id"].removeprefix(uid), [s["id"].removeprefix(uid) for s in
         m["covers"]])
        for m in team["members"]
        if m["person"]["id"].startswith(uid)
    ]  # fmt: skip


async def test_the_team_is_station_staff_then_the_village_team_then_the_nearest_others(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given
    scene = await team_scene(graph, uid)
    variables = {"v": scene.doc.id("V"), "k": [scene.doc.id(k) for k in ("K1", "K2", "K3")]}

    # when
    team = (await gql.data(TEAM, {**variables, "on": DAY}))["emergencyTeam"]
    strict = (await gql.data(TEAM, {**variables, "on": DAY, "min": 3, "r": 35}))["emergencyTeam"]

    # then K1 comes from the station, the village's team member brings none of the skills, K2
    # from G (in the village, 0 km), K3 from no one; at level 3 K2 comes from F3 (5 km), the
    # nearest holder at that level; PC (30 km) is never needed
    assert members(scene, team) == [
        ("STATION", "W1", ["K1"]),
        ("VILLAGE_TEAM", "F1", []),
        ("NEAREST", "G", ["K2"]),
    ]
    assert [s["id"] for s in team["uncoveredSkills"]] == [scene.doc.id("K3")]
    assert team["members"][0]["unit"] == "水利站"
    assert team["members"][0]["distanceKm"] == pytest.approx(scene.km("T"), rel=5e-3)
    assert team["members"][1]["unit"] == "ET队"
    assert members(scene, strict) == [
        ("STATION", "W1", ["K1"]),
        ("VILLAGE_TEAM", "F1", []),
        ("NEAREST", "F3", ["K2"]),
    ]


async def test_the_team_refuses_what_the_roster_refuses(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a village and a skill
    scene = Scene(uid)
    await scene.doc.load(graph)
    v, k = scene.doc.id("V"), scene.doc.id("K1")

    # when / then each mistake names its argument
    cases: dict[str, dict[str, Any]] = {
        "villageId": {"v": scene.doc.id("NOPE"), "k": [k]},
        "skillIds": {"v": v, "k": []},
        "minLevel": {"v": v, "k": [k], "min": 6},
        "radiusKm": {"v": v, "k": [k], "r": 0},
    }
    for argument, variables in cases.items():
        code, message = only_error(await gql.post(TEAM, variables))
        assert code in ("BAD_USER_INPUT", "NOT_FOUND"), message
        assert argument in message, message


# --- acknowledgements ---------------------------------------------------------------------------

ACK = """
mutation($t: ID!, $p: ID!, $eta: Int) {
  acknowledgeEmergency(taskId: $t, personId: $p, etaMinutes: $eta) {
    at etaMinutes task { id status }
  }
}
"""

ACKS = """
query($id: ID!) {
  task(id: $id) {
    acknowledgements { person { id } at etaMinutes recordedBy }
    awaitingAcknowledgement { id }
  }
}
"""


async def staffed_emergency(gql: GraphQLClient, doc: Doc) -> str:
    """A severity-I emergency at V with L as LEAD and N as MEMBER."""
    task_id = await emergency_task(gql, doc, "I")
    people = [*lead(doc), {"personId": doc.id("N"), "role": "MEMBER"}]
    await gql.data(ts.ASSIGN, {"id": task_id, "a": people})
    return task_id


async def test_people_on_the_task_acknowledge_themselves_or_through_a_clerk(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a staffed emergency at V of township T
    doc = await ts.ground(graph, uid)
    task_id = await staffed_emergency(gql, doc)
    waiting = (await gql.data(ACKS, {"id": task_id}))["task"]["awaitingAcknowledgement"]
    # L's own token is a village's of another township: it speaks for L, not for T
    themself = gql.as_(Role.VILLAGE, unit=doc.id("W"), sub="zhang", person=doc.id("L"))
    clerk = gql.as_(Role.TOWNSHIP, unit=doc.id("T"), sub="clerk-t")
    start = dt.datetime.now(dt.UTC)

    # when L confirms with an ETA, and T's clerk records N without one
    mine = await themself.data(ACK, {"t": task_id, "p": doc.id("L"), "eta": 15})
    await clerk.data(ACK, {"t": task_id, "p": doc.id("N")})
    after = (await gql.data(ACKS, {"id": task_id}))["task"]

    # then
    assert [p["id"] for p in waiting] == [doc.id("L"), doc.id("N")]
    assert mine["acknowledgeEmergency"]["etaMinutes"] == 15
    assert mine["acknowledgeEmergency"]["task"] == {"id": task_id, "status": "STAFFED"}
    acks = after["acknowledgements"]
    assert [(a["person"]["id"], a["etaMinutes"], a["recordedBy"]) for a in acks] == [
        (doc.id("L"), 15, "zhang"),
        (doc.id("N"), None, "clerk-t"),
    ]
    first = dt.datetime.fromisoformat(acks[0]["at"])
    assert start <= first <= dt.datetime.now(dt.UTC)
    assert first <= dt.datetime.fromisoformat(acks[1]["at"])
    assert after["awaitingAcknowledgement"] == []


async def test_acknowledgements_are_refused_off_the_task_twice_and_out_of_scope(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a staffed emergency at V (L and N on it; M is not) and a routine task
    doc = await ts.ground(graph, uid)
    task_id = await staffed_emergency(gql, doc)
    routine = await ts.initiate(gql, doc, "R1")
    await gql.data(ACK, {"t": task_id, "p": doc.id("L")})
    outsider = gql.as_(Role.TOWNSHIP, unit=doc.id("T2"), sub="clerk-t2")
    someone_else = gql.as_(Role.VILLAGE, unit=doc.id("W"), sub="li", person=doc.id("M"))

    # when / then
    cases: list[tuple[GraphQLClient, dict[str, Any], str, str]] = [
        (gql, {"t": task_id, "p": doc.id("M")}, "BAD_USER_INPUT", "personId: person"),
        (gql, {"t": task_id, "p": doc.id("L")}, "BAD_USER_INPUT", "acknowledged task"),
        (gql, {"t": task_id, "p": doc.id("N"), "eta": -1}, "BAD_USER_INPUT", "etaMinutes"),
        (gql, {"t": routine, "p": doc.id("L")}, "BAD_USER_INPUT", "not an EMERGENCY"),
        (gql, {"t": doc.id("NOPE"), "p": doc.id("L")}, "NOT_FOUND", "taskId"),
        (outsider, {"t": task_id, "p": doc.id("N")}, "FORBIDDEN", "taskId"),
        (someone_else, {"t": task_id, "p": doc.id("N")}, "FORBIDDEN", "taskId"),
    ]
    for client, variables, want, fragment in cases:
        code, message = only_error(await client.post(ACK, variables))
        assert (code, fragment in message) == (want, True), message
    acks = (await gql.data(ACKS, {"id": task_id}))["task"]
    assert [a["person"]["id"] for a in acks["acknowledgements"]] == [doc.id("L")]
    assert [p["id"] for p in acks["awaitingAcknowledgement"]] == [doc.id("N")]
