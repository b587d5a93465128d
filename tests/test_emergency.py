"""Emergency muster: emergencyRoster (distance from the unit, radius, emergency-team membership on
a day, order and tie-breaks, one query) and respondToEmergency (the task, its deadline by severity
under the rules in force, its event, nothing written when refused).

Every test places its own places at a spot of its own, derived from its uid, far from the demo
county (lat 35..65), and asks for skills it created; assertions keep to the test's own people, as
other tests' emergency-team members could in principle stand nearby.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph.db import Graph, Neo4jConfig
from server.app import create_app
from tests import queries
from tests.conftest import GraphQLClient, app_settings, bearer
from tests.factories import Doc, only_error

ROSTER = """
query Roster($v: ID!, $k: [ID!]!, $r: Float, $on: Date, $first: Int) {
  emergencyRoster(villageId: $v, skillIds: $k, radiusKm: $r, asOf: $on, first: $first) {
    person { id name }
    distanceKm inEmergencyTeam emergencyTeams available unit
    matchedSkills { skill { id } level }
  }
}
"""

RESPOND = """
mutation Respond($v: ID!, $s: Severity!, $t: String!, $k: [ID!]!, $min: Int) {
  respondToEmergency(villageId: $v, severity: $s, title: $t, skillIds: $k, minLevel: $min) {
    taskId severity createdAt staffingDeadline responseMinutes
    roster { person { id } distanceKm inEmergencyTeam }
  }
}
"""

KM_PER_DEGREE = 111.195  # on a sphere of radius 6371 km
DAY = "2025-06-01"


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


class Scene:
    """Skills K1, K2; a county C 30 km south of the incident village V, a township T 10 km east,
    a village V2 5 km north and a village VF 25 km west; one department in each unit (DC, DT,
    DV, DV2, DVF). All at a spot derived from the uid."""

    def __init__(self, uid: str) -> None:
        self.doc = doc = Doc(uid)
        h = int(uid[1:9], 16)
        self.origin = (35.0 + (h % 3000) * 0.01, -170.0 + (h // 3000 % 34000) * 0.01)
        self.points: dict[str, tuple[float, float]] = {}
        doc.skill("K1", "防汛抢险")
        doc.skill("K2", "堤坝巡查")
        doc.county("C")
        doc.township("T", "C", name=f"{uid}镇")
        for key in ("V", "V2", "VF"):
            doc.village(key, "T", name=f"{uid}{key}村")
        self.locate("counties", "C", -30, 0)
        self.locate("townships", "T", 0, 10)
        self.locate("villages", "V", 0, 0)
        self.locate("villages", "V2", 5, 0)
        self.locate("villages", "VF", 0, -25)
        doc.department("DC", kind="COUNTY_DEPARTMENT", county="C")
        doc.department("DT", kind="TOWNSHIP_INSTITUTION", township="T")
        for key in ("V", "V2", "VF"):
            doc.department(f"D{key}", kind="VILLAGE_COMMITTEE", village=key)

    def locate(self, section: str, key: str, north_km: float, east_km: float) -> None:
        lat = self.origin[0] + north_km / KM_PER_DEGREE
        lon = self.origin[1] + east_km / (KM_PER_DEGREE * math.cos(math.radians(self.origin[0])))
        self.points[key] = (lat, lon)
        for row in self.doc.sections[section]:
            if row["id"] == self.doc.id(key):
                row["location"] = {"lat": lat, "lon": lon}

    def km(self, unit: str) -> float:
        return haversine_km(self.points["V"], self.points[unit])

    async def team(
        self, graph: Graph, key: str, kind: str, members: dict[str, tuple[str, str | None]]
    ) -> None:
        """A team OF township T with members {person key: (since, until)}."""
        params = {
            "id": self.doc.id(key),
            "name": f"{key}队",
            "kind": kind,
            "of": self.doc.id("T"),
            "members": [
                {
                    "person": self.doc.id(p),
                    "role": "MEMBER",
                    "since": dt.date.fromisoformat(since),
                    "until": dt.date.fromisoformat(until) if until else None,
                }
                for p, (since, until) in members.items()
            ],
        }
        await queries.write(graph, "emergency/team", params)


async def roster(
    gql: GraphQLClient, scene: Scene, skills: tuple[str, ...] = ("K1",), **args: Any
) -> list[dict[str, Any]]:
    """The roster restricted to the scene's own people, in the order returned."""
    data = await gql.data(
        ROSTER, {"v": scene.doc.id("V"), "k": [scene.doc.id(k) for k in skills], **args}
    )
    entries: list[dict[str, Any]] = data["emergencyRoster"]
    return [e for e in entries if e["person"]["id"].startswith(scene.doc.uid)]


def ids(scene: Scene, entries: list[dict[str, Any]]) -> list[str]:
    return [e["person"]["id"].removeprefix(scene.doc.uid) for e in entries]


# --- the roster ---------------------------------------------------------------------------------


async def test_nearest_first_each_person_at_their_departments_unit(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given skill holders in the village, a nearby village, the township and the county, and one
    # without a department (so without a location)
    scene = Scene(uid)
    for person, dept in (("PC", "DC"), ("PT", "DT"), ("PV2", "DV2"), ("PV", "DV")):
        scene.doc.person(person, department=dept, skills={"K1": 2})
    scene.doc.person("PX", skills={"K1": 5})
    await scene.doc.load(graph)

    # when
    entries = await roster(gql, scene, r=50)

    # then
    assert ids(scene, entries) == ["PV", "PV2", "PT", "PC"]
    units = {"PV": "V", "PV2": "V2", "PT": "T", "PC": "C"}
    for entry, person in zip(entries, ids(scene, entries), strict=True):
        assert entry["distanceKm"] == pytest.approx(scene.km(units[person]), rel=5e-3, abs=0.01)
    assert entries[0]["distanceKm"] == pytest.approx(0.0, abs=0.001)
    assert entries[2]["unit"] == f"{uid}镇"  # township staff are located at the township
    assert entries[2]["distanceKm"] == pytest.approx(10.0, rel=5e-3)
    assert entries[1]["matchedSkills"] == [{"skill": {"id": scene.doc.id("K1")}, "level": 2}]


async def test_radius_cuts_off_units_beyond_it(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given holders at 0, 5, 10, 25 (village VF) and 30 km (county)
    scene = Scene(uid)
    for person, dept in (("PC", "DC"), ("PT", "DT"), ("PV2", "DV2"), ("PV", "DV"), ("PF", "DVF")):
        scene.doc.person(person, department=dept, skills={"K1": 3})
    await scene.doc.load(graph)

    # when
    default = await roster(gql, scene)
    wide = await roster(gql, scene, r=30.5)
    narrow = await roster(gql, scene, r=4)

    # then: 20 km by default
    assert ids(scene, default) == ["PV", "PV2", "PT"]
    assert ids(scene, wide) == ["PV", "PV2", "PT", "PF", "PC"]
    assert ids(scene, narrow) == ["PV"]


async def test_active_emergency_team_members_count_without_the_skill(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given township staff without K1: members of an emergency team whose memberships are active,
    # ended, ended on the day itself, not yet started; a working-team member; and a former
    # emergency-team member who holds K2
    scene = Scene(uid)
    for key in ("ACTIVE", "ENDED", "ENDS_TODAY", "LATER", "WORKING", "SKILLED"):
        scene.doc.person(key, department="DT", skills={"K2": 4} if key == "SKILLED" else None)
    await scene.doc.load(graph)
    await scene.team(
        graph,
        "ET",
        "EMERGENCY_TEAM",
        {
            "ACTIVE": ("2024-01-01", None),
            "ENDED": ("2024-01-01", "2025-05-31"),
            "ENDS_TODAY": ("2024-01-01", DAY),
            "LATER": ("2025-06-02", None),
            "SKILLED": ("2024-01-01", "2025-01-01"),
        },
    )
    await scene.team(graph, "WT", "WORKING_TEAM", {"WORKING": ("2024-01-01", None)})

    # when
    entries = await roster(gql, scene, skills=("K1", "K2"), on=DAY)

    # then
    assert ids(scene, entries) == ["ACTIVE", "ENDS_TODAY", "SKILLED"]
    assert [e["inEmergencyTeam"] for e in entries] == [True, True, False]
    assert [e["emergencyTeams"] for e in entries] == [["ET队"], ["ET队"], []]
    assert entries[0]["matchedSkills"] == []
    assert entries[2]["matchedSkills"] == [{"skill": {"id": scene.doc.id("K2")}, "level": 4}]


async def test_ties_broken_by_membership_then_best_level_then_id(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given people of the same village: members A (K1 at 1) and D (no skill), non-members B and C
    # (best level 5), E (level 3, stationed in a village today); and member F farther away
    scene = Scene(uid)
    scene.doc.person("A", department="DV", skills={"K1": 1})
    scene.doc.person("B", department="DV", skills={"K1": 2, "K2": 5})
    scene.doc.person("C", department="DV", skills={"K2": 5})
    scene.doc.person("D", department="DV")
    scene.doc.person("E", department="DV", skills={"K1": 3})
    scene.doc.person("F", department="DV2")
    scene.doc.service("E", "V2", "STATIONED", "2025-01-01")
    await scene.doc.load(graph)
    await scene.team(
        graph, "ET", "EMERGENCY_TEAM", {k: ("2024-01-01", None) for k in ("A", "D", "F")}
    )

    # when
    entries = await roster(gql, scene, skills=("K1", "K2"), on=DAY)

    # then
    assert ids(scene, entries) == ["A", "D", "B", "C", "E", "F"]
    assert [e["available"] for e in entries] == [True, True, True, True, False, True]
    assert [(m["skill"]["id"], m["level"]) for m in entries[2]["matchedSkills"]] == [
        (scene.doc.id("K2"), 5),
        (scene.doc.id("K1"), 2),
    ]


async def test_first_keeps_the_head_of_the_order(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given three holders at different distances
    scene = Scene(uid)
    for person, dept in (("PT", "DT"), ("PV2", "DV2"), ("PV", "DV")):
        scene.doc.person(person, department=dept, skills={"K1": 3})
    await scene.doc.load(graph)
    variables = {"v": scene.doc.id("V"), "k": [scene.doc.id("K1")]}

    # when
    everyone = (await gql.data(ROSTER, variables))["emergencyRoster"]
    head = (await gql.data(ROSTER, {**variables, "first": 2}))["emergencyRoster"]

    # then
    assert head == everyone[:2]
    assert ids(scene, head) == ["PV", "PV2"]


@pytest.mark.parametrize("size", [3, 30])
async def test_one_query_for_the_roster_whatever_its_size(
    graph: Graph, gql: GraphQLClient, uid: str, size: int
) -> None:
    # given `size` holders spread over the village and the township
    scene = Scene(uid)
    for i in range(size):
        scene.doc.person(f"P{i:02d}", department="DV" if i % 2 else "DT", skills={"K1": 1 + i % 5})
    await scene.doc.load(graph)
    query = """
    query($v: ID!, $k: [ID!]!) {
      emergencyRoster(villageId: $v, skillIds: $k, first: 200) {
        person { id name phone department { name } } distanceKm unit
        matchedSkills { skill { id name } level }
      }
    }"""

    # when
    data = await gql.data(query, {"v": scene.doc.id("V"), "k": [scene.doc.id("K1")]})

    # then: the roster query, then one batched query for the people's departments
    own = [e for e in data["emergencyRoster"] if e["person"]["id"].startswith(uid)]
    assert len(own) == size
    assert gql.round_trips == 2


def with_ids(scene: Scene, variables: dict[str, Any]) -> dict[str, Any]:
    """`variables` with the local keys of the village `v` and the skills `k` made full ids."""
    return {
        **variables,
        "v": scene.doc.id(variables["v"]),
        "k": [scene.doc.id(k) for k in variables["k"]],
    }


@pytest.mark.parametrize(
    ("change", "code", "start"),
    [
        ({"r": 0}, "BAD_USER_INPUT", "radiusKm: must be more than 0 and at most 200 km"),
        ({"r": 200.5}, "BAD_USER_INPUT", "radiusKm: must be more than 0 and at most 200 km"),
        ({"first": 0}, "BAD_USER_INPUT", "first: must be between 1 and 200"),
        ({"first": 201}, "BAD_USER_INPUT", "first: must be between 1 and 200"),
        ({"k": []}, "BAD_USER_INPUT", "skillIds: name at least one skill"),
        ({"k": ["K1", "NOPE"]}, "BAD_USER_INPUT", "skillIds: unknown skill '{uid}NOPE'"),
        ({"v": "VX"}, "BAD_USER_INPUT", "villageId: village '{uid}VX' has no location"),
        ({"v": "NOPE"}, "NOT_FOUND", "villageId: no village with id '{uid}NOPE'"),
    ],
)
async def test_bad_roster_arguments_are_refused_naming_them(
    graph: Graph, gql: GraphQLClient, uid: str, change: dict[str, Any], code: str, start: str
) -> None:
    # given the scene and a village VX without a location
    scene = Scene(uid)
    scene.doc.village("VX", "T")
    await scene.doc.load(graph)

    # when
    body = await gql.post(ROSTER, with_ids(scene, {"v": "V", "k": ["K1"], **change}))

    # then
    got_code, message = only_error(body)
    assert (got_code, message[: len(start.format(uid=uid))]) == (code, start.format(uid=uid))


# --- respondToEmergency -------------------------------------------------------------------------


async def respond(
    client: httpx.AsyncClient, variables: dict[str, Any], actor: str = "clerk-li"
) -> dict[str, Any]:
    """Posts RESPOND as an ADMIN whose token's sub is `actor` and gives the whole body."""
    response = await client.post(
        "/graphql", json={"query": RESPOND, "variables": variables}, headers=bearer(sub=actor)
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def tasks_at(graph: Graph, village: str) -> list[dict[str, Any]]:
    return await queries.read(graph, "emergency/village_tasks", {"villageId": village})


def minutes_between(start: str, end: str) -> float:
    delta = dt.datetime.fromisoformat(end) - dt.datetime.fromisoformat(start)
    return delta.total_seconds() / 60


async def test_respond_creates_an_initiated_emergency_task_and_returns_the_roster(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a member of an emergency team and two skill holders near the village
    scene = Scene(uid)
    scene.doc.person("M", department="DT")
    scene.doc.person("H1", department="DV", skills={"K1": 4})
    scene.doc.person("H2", department="DV2", skills={"K2": 1})
    await scene.doc.load(graph)
    await scene.team(graph, "ET", "EMERGENCY_TEAM", {"M": ("2020-01-01", None)})
    skills = [scene.doc.id("K2"), scene.doc.id("K1")]
    village = scene.doc.id("V")

    # when
    body = await respond(
        gql.client, {"v": village, "s": "II", "t": " 堤坝管涌 ", "k": skills, "min": 2}
    )

    # then: the payload
    assert "errors" not in body, body
    payload = body["data"]["respondToEmergency"]
    assert payload["severity"] == "II"
    assert payload["responseMinutes"] == 120
    assert minutes_between(payload["createdAt"], payload["staffingDeadline"]) == 120
    assert [e["person"]["id"] for e in payload["roster"] if e["person"]["id"].startswith(uid)] == [
        scene.doc.id(k) for k in ("H1", "H2", "M")
    ]
    # and the task as stored, with its first event
    [stored] = await tasks_at(graph, village)
    task = stored["task"]
    assert task["id"] == payload["taskId"]
    assert {k: task[k] for k in ("title", "domain", "kind", "severity", "status", "createdBy")} == {
        "title": "堤坝管涌",
        "domain": "EMERGENCY",
        "kind": "EMERGENCY",
        "severity": "II",
        "status": "INITIATED",
        "createdBy": "clerk-li",
    }
    assert task["createdAt"] == dt.datetime.fromisoformat(payload["createdAt"])
    assert task["staffingDeadline"] == dt.datetime.fromisoformat(payload["staffingDeadline"])
    created = task["createdAt"]
    assert task["quarter"] == f"{created.year}Q{(created.month - 1) // 3 + 1}"
    assert stored["requires"] == [{"skill": s, "level": 2} for s in sorted(skills)]
    [event] = stored["events"]
    assert (event["step"], event["actor"], event["at"]) == ("INITIATED", "clerk-li", created)


@pytest.mark.parametrize(
    ("standards", "minutes"), [(None, [30, 120, 24 * 60]), ("I=5,II=45,III=600", [5, 45, 600])]
)
async def test_staffing_deadline_follows_the_response_standards_in_force(
    graph: Graph,
    neo4j_config: Neo4jConfig,
    audit_log: Path,
    uid: str,
    standards: str | None,
    minutes: list[int],
) -> None:
    # given an app with the default standards, or with standards of its own
    scene = Scene(uid)
    await scene.doc.load(graph)
    overrides = {} if standards is None else {"towngraph_response_standards": standards}
    app = create_app(neo4j_config, app_settings(audit_log, **overrides), graph=graph)
    variables = {"v": scene.doc.id("V"), "t": "山体滑坡", "k": [scene.doc.id("K1")]}

    # when a response of each severity is made
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://towngraph.test"
    ) as client:
        bodies = [await respond(client, {**variables, "s": s}) for s in ("I", "II", "III")]

    # then
    payloads = [b["data"]["respondToEmergency"] for b in bodies]
    assert [p["responseMinutes"] for p in payloads] == minutes
    assert [minutes_between(p["createdAt"], p["staffingDeadline"]) for p in payloads] == minutes


async def test_respond_takes_one_transaction_and_one_roster_query(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 30 holders
    scene = Scene(uid)
    for i in range(30):
        scene.doc.person(f"P{i:02d}", department="DV", skills={"K1": 3})
    await scene.doc.load(graph)

    # when
    variables = {"v": scene.doc.id("V"), "s": "I", "t": "内涝", "k": [scene.doc.id("K1")]}
    payload = (await gql.data(RESPOND, variables))["respondToEmergency"]

    # then: the check and the write (one transaction), then the roster
    assert len([e for e in payload["roster"] if e["person"]["id"].startswith(uid)]) == 30
    assert gql.round_trips == 3


@pytest.mark.parametrize(
    ("change", "code", "start"),
    [
        ({"k": ["K1", "NOPE"]}, "BAD_USER_INPUT", "skillIds: unknown skill"),
        ({"k": []}, "BAD_USER_INPUT", "skillIds: name at least one skill"),
        ({"v": "VX"}, "BAD_USER_INPUT", "villageId: village '{uid}VX' has no location"),
        ({"t": "  "}, "BAD_USER_INPUT", "title: must not be empty"),
        ({"min": 6}, "BAD_USER_INPUT", "minLevel: must be a level from 1 to 5"),
        ({"v": "NOPE"}, "NOT_FOUND", "villageId: no village with id '{uid}NOPE'"),
    ],
)
async def test_a_refused_response_writes_nothing(
    graph: Graph, gql: GraphQLClient, uid: str, change: dict[str, Any], code: str, start: str
) -> None:
    # given the scene and a village VX without a location
    scene = Scene(uid)
    scene.doc.village("VX", "T")
    await scene.doc.load(graph)

    # when
    body = await gql.post(
        RESPOND, with_ids(scene, {"v": "V", "s": "I", "t": "险情", "k": ["K1"], **change})
    )

    # then
    got_code, message = only_error(body)
    assert (got_code, message[: len(start.format(uid=uid))]) == (code, start.format(uid=uid))
    assert await tasks_at(graph, scene.doc.id("V")) == []
    assert await tasks_at(graph, scene.doc.id("VX")) == []
