"""Who sees which tasks, needs, teams and places: the reads go through the caller's scope
(resolvers/scope.py and the fragments in graph/cypher/scope/). Tasks (by the place they are AT),
needs (by the village that RAISED them) and teams (by the unit they are OF) only of the caller's
unit; places, departments and posts of the caller's whole county; nothing of another county —
in lookups, lists and their totals, and nested fields."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Graph
from model.access import Role
from tests.conftest import GraphQLClient, load
from tests.factories import Doc, only_error

TASK = """
query($id: ID!) {
  task(id: $id) { id village { id } township { id } needIds assignments { person { id } } }
}
"""

TASKS = """
query($t: ID, $v: ID) {
  tasks(filter: {townshipId: $t, villageId: $v}, first: 50) {
    totalCount edges { node { id } }
  }
}
"""

PERSON = """
query($id: ID!) {
  person(id: $id) {
    id department { id } tasks { id } teams { team { id } }
    services { village { id } } dispatches { township { id } } posts { post { id } }
  }
}
"""

VILLAGE = """
query($id: ID!) {
  village(id: $id) { id township { id } tasks { id } needs { id } departments { id } }
}
"""

NEED = """
query($id: ID!) { need(id: $id) { id village { id } } }
"""

TEAM = """
query($id: ID!) { team(id: $id) { id township { id } county { id } members { person { id } } } }
"""

TOWNSHIP = """
query($id: ID!) {
  township(id: $id) { id county { id } villages { id } teams { id } departments { id } }
}
"""

COUNTY = """
query($id: ID!) { county(id: $id) { id townships { id } departments { id } } }
"""

PLACES = """
query($t: ID!) { counties { id } townships { id } villages(townshipId: $t) { id } }
"""

DEPARTMENT = """
query($id: ID!) {
  department(id: $id) {
    id unit { ... on County { id } ... on Township { id } ... on Village { id } }
    posts { id }
  }
}
"""

POST = """
query($id: ID!) { post(id: $id) { id department { id } } }
"""

# Every key of county X's nodes starts with X (so its ids start with doc.id("X")).
FOREIGN = ("X", "XT", "XV", "XD", "XPO", "XZ", "XTK", "XN", "XE")


def _task(doc: Doc, key: str, at: tuple[str, str], day: int, **more: Any) -> dict[str, Any]:
    """A new ROUTINE task AT a village or township, A (and XZ, of county X) assigned."""
    members = [{"person": doc.id(p), "role": "MEMBER", "since": "2026-05-01"} for p in ("A", "XZ")]
    return {
        "id": doc.id(key), "title": f"任务{key}", "domain": "防汛", "kind": "ROUTINE",
        "status": "INITIATED", "initiatedBy": "TOWNSHIP", at[0]: doc.id(at[1]),
        "createdAt": f"2026-05-{day:02d}T01:00:00Z", "assignments": members, **more,
    }  # fmt: skip


async def two_counties(graph: Graph, uid: str) -> Doc:
    """County C: township T (villages V, V2), township T2 (village W). County X: township XT
    (village XV). A works in T's office D (once served XV, held post XPO and was dispatched to
    XT, all of X; dispatched to T2 later); XZ in X's office XD. Tasks at V, V2, T, W and XV,
    A and XZ assigned; needs of V, V2, W and XV; teams of T, T2, C and XT, with A and XZ as
    members of each."""
    doc = Doc(uid)
    doc.county("C", "甲县")
    doc.township("T", "C")
    doc.township("T2", "C")
    doc.village("V", "T")
    doc.village("V2", "T")
    doc.village("W", "T2")
    doc.county("X", "乙县")
    doc.township("XT", "X")
    doc.village("XV", "XT")
    doc.skill("K", f"{uid}测绘")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("D2", kind="TOWNSHIP_OFFICE", township="T2")
    doc.department("DV", kind="VILLAGE_COMMITTEE", village="V")
    doc.department("XD", kind="TOWNSHIP_OFFICE", township="XT")
    doc.post("PO", "D", {"K": 3})
    doc.post("XPO", "XD", {"K": 3})
    doc.person("A", "甲员", department="D", skills={"K": 4})
    doc.person("XZ", "乙员", department="XD", skills={"K": 4})
    doc.holds("A", "PO", "2024-01-01")
    doc.holds("A", "XPO", "2018-01-01", "2019-12-31")
    doc.service("A", "XV", "LIAISON", "2018-01-01", "2019-12-31")
    doc.service("A", "V", "LIAISON", "2024-01-01")
    doc.dispatch("A", "XT", "2017-01-01", "2017-12-31")
    doc.dispatch("A", "T2", "2025-01-01", "2025-12-31")
    await doc.load(graph)

    needs = [
        {"id": doc.id(f"N{v}" if v != "XV" else "XN"), "village": doc.id(v), "title": f"需求{v}",
         "quarter": "2026Q2", "urgency": "HIGH", "skills": [{"skill": doc.id("K"), "level": 3}]}
        for v in ("V", "V2", "W", "XV")
    ]  # fmt: skip
    teams = [
        {"id": doc.id(key), "name": f"队伍{key}", "kind": "EMERGENCY_TEAM", field: doc.id(unit)}
        for key, field, unit in (
            ("ET", "township", "T"),
            ("ET2", "township", "T2"),
            ("EC", "county", "C"),
            ("XE", "township", "XT"),
        )
    ]
    members = [
        {"person": doc.id(p), "team": team["id"], "role": "队员", "since": "2025-01-01"}
        for team in teams
        for p in ("A", "XZ")
    ]
    tasks = [
        _task(doc, "TV", ("village", "V"), 1, addresses=[doc.id("NV")]),
        _task(doc, "TV2", ("village", "V2"), 2),
        _task(doc, "TT", ("township", "T"), 3, addresses=[doc.id("NV2"), doc.id("NW")]),
        _task(doc, "TW", ("village", "W"), 4),
        _task(doc, "XTK", ("village", "XV"), 5),
    ]
    workflows = {"needs": needs, "teams": teams, "teamMembers": members, "tasks": tasks}
    await load(graph, workflows)
    return doc


def ids(items: list[dict[str, Any]] | None) -> set[str]:
    return {item["id"] for item in items or []}


def keys(doc: Doc, *names: str) -> set[str]:
    return {doc.id(n) for n in names}


async def task_ids(caller: GraphQLClient, **filters: str) -> tuple[int, set[str]]:
    page = (await caller.data(TASKS, filters))["tasks"]
    return page["totalCount"], {e["node"]["id"] for e in page["edges"]}


async def test_a_township_clerk_sees_the_tasks_needs_and_teams_of_the_township_only(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two counties, and a clerk of township T
    doc = await two_counties(graph, uid)
    clerk = gql.as_(Role.TOWNSHIP, unit=doc.id("T"))

    # when the clerk reads tasks, needs and teams by id, in lists and on people and places
    tasks = {k: (await clerk.data(TASK, {"id": doc.id(k)}))["task"] for k in ("TV", "TW", "XTK")}
    total, listed = await task_ids(clerk)
    person = (await clerk.data(PERSON, {"id": doc.id("A")}))["person"]
    village = (await clerk.data(VILLAGE, {"id": doc.id("V")}))["village"]
    other = (await clerk.data(VILLAGE, {"id": doc.id("W")}))["village"]
    needs = {k: (await clerk.data(NEED, {"id": doc.id(k)}))["need"] for k in ("NV", "NW", "XN")}
    teams = {k: (await clerk.data(TEAM, {"id": doc.id(k)}))["team"] for k in ("ET", "ET2", "EC")}
    township = (await clerk.data(TOWNSHIP, {"id": doc.id("T")}))["township"]
    township2 = (await clerk.data(TOWNSHIP, {"id": doc.id("T2")}))["township"]
    tt = (await clerk.data(TASK, {"id": doc.id("TT")}))["task"]

    # then only T's: tasks at T and its villages, needs of its villages, teams of T
    assert tasks["TV"] == {
        "id": doc.id("TV"), "village": {"id": doc.id("V")}, "township": {"id": doc.id("T")},
        "needIds": [doc.id("NV")], "assignments": [{"person": {"id": doc.id("A")}}],
    }  # fmt: skip
    assert (tasks["TW"], tasks["XTK"]) == (None, None)
    assert (total, listed) == (3, keys(doc, "TV", "TV2", "TT"))
    assert tt["needIds"] == [doc.id("NV2")]
    assert ids(person["tasks"]) == keys(doc, "TV", "TV2", "TT")
    assert {m["team"]["id"] for m in person["teams"]} == keys(doc, "ET")
    assert (ids(village["tasks"]), ids(village["needs"])) == (keys(doc, "TV"), keys(doc, "NV"))
    assert other is not None
    assert (other["tasks"], other["needs"]) == ([], [])
    assert needs["NV"] == {"id": doc.id("NV"), "village": {"id": doc.id("V")}}
    assert (needs["NW"], needs["XN"]) == (None, None)
    assert teams["ET"] == {
        "id": doc.id("ET"), "township": {"id": doc.id("T")}, "county": None,
        "members": [{"person": {"id": doc.id("A")}}],
    }  # fmt: skip
    assert (teams["ET2"], teams["EC"]) == (None, None)
    assert ids(township["teams"]) == keys(doc, "ET")
    assert township2["teams"] == []


async def test_a_county_clerk_sees_the_whole_county_and_nothing_of_another(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two counties, and a clerk of county C
    doc = await two_counties(graph, uid)
    clerk = gql.as_(Role.COUNTY, unit=doc.id("C"))

    # when the clerk reads
    total, listed = await task_ids(clerk)
    t2_total, t2_listed = await task_ids(clerk, t=doc.id("T2"))
    person = (await clerk.data(PERSON, {"id": doc.id("A")}))["person"]
    foreign_task = (await clerk.data(TASK, {"id": doc.id("XTK")}))["task"]
    need = (await clerk.data(NEED, {"id": doc.id("NW")}))["need"]
    team = (await clerk.data(TEAM, {"id": doc.id("EC")}))["team"]
    foreign_team = (await clerk.data(TEAM, {"id": doc.id("XE")}))["team"]
    refusal = only_error(await clerk.post(TASKS, {"t": doc.id("XT")}))

    # then every task, need and team of C, none of X, and X's township is not found
    assert (total, listed) == (4, keys(doc, "TV", "TV2", "TT", "TW"))
    assert (t2_total, t2_listed) == (1, keys(doc, "TW"))
    assert ids(person["tasks"]) == keys(doc, "TV", "TV2", "TT", "TW")
    assert {m["team"]["id"] for m in person["teams"]} == keys(doc, "ET", "ET2", "EC")
    assert foreign_task is None
    assert need == {"id": doc.id("NW"), "village": {"id": doc.id("W")}}
    assert team is not None
    assert (team["township"], team["county"]) == (None, {"id": doc.id("C")})
    assert foreign_team is None
    assert refusal[0] == "NOT_FOUND"


@pytest.mark.parametrize("role", [Role.VILLAGE, Role.VIEWER])
async def test_a_village_caller_sees_the_tasks_and_needs_of_the_village_only(
    graph: Graph, gql: GraphQLClient, uid: str, role: Role
) -> None:
    # given two counties, and a caller of village V
    doc = await two_counties(graph, uid)
    caller = gql.as_(role, unit=doc.id("V"))

    # when the caller reads tasks, needs and teams
    total, listed = await task_ids(caller)
    in_township = await task_ids(caller, t=doc.id("T"))
    township_task = (await caller.data(TASK, {"id": doc.id("TT")}))["task"]
    sibling = (await caller.data(VILLAGE, {"id": doc.id("V2")}))["village"]
    person = (await caller.data(PERSON, {"id": doc.id("A")}))["person"]
    team = (await caller.data(TEAM, {"id": doc.id("ET")}))["team"]

    # then the tasks at V, not those at the township or its other villages; no team
    assert (total, listed) == (1, keys(doc, "TV"))
    assert in_township == (1, keys(doc, "TV"))
    assert township_task is None
    assert (sibling["tasks"], sibling["needs"]) == ([], [])
    assert ids(person["tasks"]) == keys(doc, "TV")
    assert (person["teams"], team) == ([], None)


async def test_places_of_the_county_stay_visible_and_those_of_another_county_are_not(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two counties, and a clerk of township T
    doc = await two_counties(graph, uid)
    clerk = gql.as_(Role.TOWNSHIP, unit=doc.id("T"))

    # when the clerk reads places, departments and posts of both counties
    places = await clerk.data(PLACES, {"t": doc.id("T2")})
    foreign_places = await clerk.data(PLACES, {"t": doc.id("XT")})
    county = (await clerk.data(COUNTY, {"id": doc.id("C")}))["county"]
    township2 = (await clerk.data(TOWNSHIP, {"id": doc.id("T2")}))["township"]
    found = {
        query: (await clerk.data(query, {"id": doc.id(key)}))
        for query, key in ((VILLAGE, "XV"), (TOWNSHIP, "XT"), (COUNTY, "X"), (DEPARTMENT, "XD"),
                           (POST, "XPO"))
    }  # fmt: skip
    department = (await clerk.data(DEPARTMENT, {"id": doc.id("D2")}))["department"]
    village_department = (await clerk.data(DEPARTMENT, {"id": doc.id("DV")}))["department"]
    post = (await clerk.data(POST, {"id": doc.id("PO")}))["post"]
    person = (await clerk.data(PERSON, {"id": doc.id("A")}))["person"]

    # then county C's places are all there (T2 too), county X's none
    assert places["counties"] == [{"id": doc.id("C")}]
    assert {t["id"] for t in places["townships"]} == keys(doc, "T", "T2")
    assert places["villages"] == [{"id": doc.id("W")}]
    assert foreign_places["villages"] == []
    assert ids(county["townships"]) == keys(doc, "T", "T2")
    assert township2["county"] == {"id": doc.id("C")}
    assert ids(township2["villages"]) == keys(doc, "W")
    assert ids(township2["departments"]) == keys(doc, "D2")
    assert [next(iter(data.values())) for data in found.values()] == [None] * 5
    assert department == {"id": doc.id("D2"), "unit": {"id": doc.id("T2")}, "posts": []}
    assert village_department["unit"] == {"id": doc.id("V")}
    assert post == {"id": doc.id("PO"), "department": {"id": doc.id("D")}}
    assert person["department"] == {"id": doc.id("D")}
    assert [s["village"]["id"] for s in person["services"]] == [doc.id("V")]
    assert [h["post"]["id"] for h in person["posts"]] == [doc.id("PO")]
    assert [d["township"]["id"] for d in person["dispatches"]] == [doc.id("T2")]


async def test_the_admin_sees_every_county(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given two counties
    doc = await two_counties(graph, uid)

    # when the administrator reads
    task = (await gql.data(TASK, {"id": doc.id("XTK")}))["task"]
    person = (await gql.data(PERSON, {"id": doc.id("A")}))["person"]
    team = (await gql.data(TEAM, {"id": doc.id("XE")}))["team"]
    village = (await gql.data(VILLAGE, {"id": doc.id("XV")}))["village"]

    # then X's nodes are all there
    assert task["village"] == {"id": doc.id("XV")}
    assert ids(person["tasks"]) == keys(doc, "TV", "TV2", "TT", "TW", "XTK")
    assert {s["village"]["id"] for s in person["services"]} == keys(doc, "V", "XV")
    assert {d["township"]["id"] for d in person["dispatches"]} == keys(doc, "T2", "XT")
    assert team["township"] == {"id": doc.id("XT")}
    assert (ids(village["tasks"]), ids(village["needs"])) == (keys(doc, "XTK"), keys(doc, "XN"))


async def test_no_answer_to_a_non_admin_holds_an_id_of_another_county(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two counties, and every non-admin caller of county C
    doc = await two_counties(graph, uid)
    callers = [
        gql.as_(Role.COUNTY, unit=doc.id("C")),
        gql.as_(Role.TOWNSHIP, unit=doc.id("T")),
        gql.as_(Role.VILLAGE, unit=doc.id("V")),
        gql.as_(Role.VIEWER, unit=doc.id("T2")),
    ]
    own = ("C", "T", "T2", "V", "V2", "W", "D", "D2", "DV", "PO", "A", "TV", "TV2", "TT", "TW",
           "NV", "NV2", "NW", "ET", "ET2", "EC")  # fmt: skip
    by_id = (TASK, PERSON, VILLAGE, NEED, TEAM, TOWNSHIP, COUNTY, DEPARTMENT, POST)
    reads: list[tuple[str, dict[str, Any]]] = [
        (query, {"id": doc.id(key)}) for query in by_id for key in (*own, *FOREIGN)
    ]
    reads += [(TASKS, {}), (TASKS, {"t": doc.id("T")}), (TASKS, {"v": doc.id("V")})]
    reads += [(PLACES, {"t": doc.id(t)}) for t in ("T", "T2", "XT")]

    # when each asks every read we scope, for every node of both counties
    for caller in callers:
        for query, variables in reads:
            body = await caller.post(query, variables)
            # then no data names a node of county X (a refusal may name the id asked for)
            assert doc.id("X") not in str(body.get("data")), (query, variables)
