"""Everyday changes to appointments: startService / endService, startDispatch / endDispatch,
startTraining / endTraining and setSkill — every rule refuses with the argument named and leaves
the graph unchanged, every accepted change records who made it and when, and people's trainings
are read in one batched query. (Mentorships: test_mentorship_changes.py.)"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from graph.db import Graph, Record, count_round_trips
from resolvers.appointment import person_trainings, start_training
from resolvers.context import Context
from tests import queries
from tests.conftest import GraphQLClient, bearer
from tests.factories import Doc, only_error, place

# HTTP header values are ASCII (latin-1 at most), so the clerks here have ASCII user names.
ACTOR = "zhang-kezhang"

START_SERVICE = """
mutation($person: ID!, $village: ID!, $role: ServiceRole!, $since: Date!) {
  startService(personId: $person, villageId: $village, role: $role, since: $since) {
    person { id } service { village { id } role since until } actor at
  }
}"""
END_SERVICE = """
mutation($person: ID!, $village: ID!, $since: Date!, $until: Date!) {
  endService(personId: $person, villageId: $village, since: $since, until: $until) {
    person { id } service { village { id } role since until } actor at
  }
}"""
START_DISPATCH = """
mutation($person: ID!, $township: ID!, $since: Date!) {
  startDispatch(personId: $person, townshipId: $township, since: $since) {
    person { id } dispatch { township { id } since until } actor at
  }
}"""
END_DISPATCH = """
mutation($person: ID!, $township: ID!, $since: Date!, $until: Date!) {
  endDispatch(personId: $person, townshipId: $township, since: $since, until: $until) {
    person { id } dispatch { township { id } since until } actor at
  }
}"""
START_TRAINING = """
mutation($person: ID!, $department: ID!, $since: Date!) {
  startTraining(personId: $person, departmentId: $department, since: $since) {
    person { id } training { department { id kind } since until } actor at
  }
}"""
END_TRAINING = """
mutation($person: ID!, $department: ID!, $since: Date!, $until: Date!) {
  endTraining(personId: $person, departmentId: $department, since: $since, until: $until) {
    person { id } training { department { id } since until } actor at
  }
}"""
SET_SKILL = """
mutation($person: ID!, $skill: ID!, $level: Int!) {
  setSkill(personId: $person, skillId: $skill, level: $level) {
    person { id skills { skill { id } level } } skill { skill { id } level } previousLevel actor at
  }
}"""


# --- helpers (test_mentorship_changes.py uses them too) ----------------------------------------


async def send(
    gql: GraphQLClient, query: str, variables: dict[str, Any], *, actor: str | None = ACTOR
) -> dict[str, Any]:
    """Posts a mutation as the ADMIN whose token's sub is `actor` (the default token when None)."""
    headers = {} if actor is None else bearer(sub=actor)
    response = await gql.client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def accepted(
    gql: GraphQLClient, query: str, variables: dict[str, Any], *, actor: str | None = ACTOR
) -> dict[str, Any]:
    """The payload of a change that must be accepted."""
    body = await send(gql, query, variables, actor=actor)
    assert "errors" not in body, body["errors"]
    (payload,) = body["data"].values()
    result: dict[str, Any] = payload
    return result


async def relationships(graph: Graph, uid: str, kind: str | None = None) -> list[Record]:
    """The appointment relationships leaving the test's people, of one type when given."""
    rows = await queries.read(graph, "appointment/relationships", {"prefix": uid})
    return [r for r in rows if kind is None or r["type"] == kind]


async def refused(
    gql: GraphQLClient,
    graph: Graph,
    uid: str,
    query: str,
    variables: dict[str, Any],
    *,
    code: str = "BAD_USER_INPUT",
) -> str:
    """The message of a change that must be refused with `code` and must change nothing."""
    before = await relationships(graph, uid)
    body = await send(gql, query, variables)
    got, message = only_error(body)
    assert got == code, message
    assert body["data"] is None
    assert await relationships(graph, uid) == before
    return message


def recorded(payload: dict[str, Any], started: dt.datetime) -> dt.datetime:
    """Checks the payload's actor and instant; gives the instant."""
    at = dt.datetime.fromisoformat(payload["at"])
    assert payload["actor"] == ACTOR
    assert started <= at <= dt.datetime.now(dt.UTC)
    return at


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def frame(uid: str) -> Doc:
    """County C with a county department CD; township T (office TO, institution TI) with villages
    V (committee VC) and W; township U. 张三 S works at TI, 李四 D at CD, 王五 R at VC; 赵六 N has
    no department. Skill K1."""
    doc = place(Doc(uid))
    doc.township("U", "C")
    doc.village("W", "T")
    doc.department("CD", kind="COUNTY_DEPARTMENT", county="C", name="县农业农村局")
    doc.department("TO", kind="TOWNSHIP_OFFICE", township="T", name="党政办")
    doc.department("TI", kind="TOWNSHIP_INSTITUTION", township="T", name="水利站")
    doc.department("VC", kind="VILLAGE_COMMITTEE", village="V", name="村两委")
    doc.skill("K1", "防汛抢险")
    doc.person("S", "张三", department="TI")
    doc.person("D", "李四", department="CD")
    doc.person("R", "王五", department="VC")
    doc.person("N", "赵六")
    return doc


def service(doc: Doc, person: str = "S", village: str = "V", **values: str) -> dict[str, Any]:
    """Variables of a service change: ids from local keys, then role / since / until as given."""
    return {"person": doc.id(person), "village": doc.id(village), **values}


def dispatch(doc: Doc, person: str = "D", township: str = "T", **values: str) -> dict[str, Any]:
    return {"person": doc.id(person), "township": doc.id(township), **values}


def training(doc: Doc, person: str = "R", department: str = "TO", **values: str) -> dict[str, Any]:
    return {"person": doc.id(person), "department": doc.id(department), **values}


# --- services -----------------------------------------------------------------------------------


async def test_start_service_records_who_and_when(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given
    doc = frame(uid)
    await doc.load(graph)
    started = now()

    # when
    got = await accepted(gql, START_SERVICE, service(doc, role="STATIONED", since="2024-03-01"))

    # then
    at = recorded(got, started)
    assert got["person"] == {"id": doc.id("S")}
    assert got["service"] == {
        "village": {"id": doc.id("V")}, "role": "STATIONED", "since": "2024-03-01", "until": None
    }  # fmt: skip
    [rel] = await relationships(graph, uid, "SERVED_IN")
    assert rel["props"]["startedBy"] == ACTOR
    assert rel["props"]["startedAt"] == at
    data = await gql.data("query($id: ID!) { person(id: $id) { services { role } } }",
                          {"id": doc.id("S")})  # fmt: skip
    assert data["person"]["services"] == [{"role": "STATIONED"}]


async def test_a_change_is_recorded_with_the_sub_of_the_callers_token(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given
    doc = frame(uid)
    await doc.load(graph)

    # when the change is sent with the default token (sub test-admin)
    variables = service(doc, role="LIAISON", since="2024-03-01")
    got = await accepted(gql, START_SERVICE, variables, actor=None)

    # then
    assert got["actor"] == "test-admin"
    [rel] = await relationships(graph, uid, "SERVED_IN")
    assert rel["props"]["startedBy"] == "test-admin"


@pytest.mark.parametrize(("unknown", "field"), [("person", "personId"), ("village", "villageId")])
async def test_start_service_with_an_unknown_id_is_not_found(
    graph: Graph, gql: GraphQLClient, uid: str, unknown: str, field: str
) -> None:
    # given
    doc = frame(uid)
    await doc.load(graph)
    variables = {**service(doc, role="LIAISON", since="2024-03-01"), unknown: doc.id("nobody")}

    # when / then
    message = await refused(gql, graph, uid, START_SERVICE, variables, code="NOT_FOUND")
    assert message == f"{field}: no {unknown} with id '{doc.id('nobody')}'"


async def test_a_second_service_in_the_village_on_the_same_day_is_refused(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 张三 serves V as liaison since 2024-03-01
    doc = frame(uid)
    doc.service("S", "V", "LIAISON", "2024-03-01")
    await doc.load(graph)

    # when the same service (person, village, since) is started again, in another role
    variables = service(doc, role="TECHNICAL_SUPPORT", since="2024-03-01")
    message = await refused(gql, graph, uid, START_SERVICE, variables)

    # then
    assert message.startswith("since: 张三 already has a service in V村 starting 2024-03-01")


@pytest.mark.parametrize("role", ["STATIONED", "FIRST_SECRETARY", "WORK_TEAM"])
async def test_a_residential_service_overlapping_another_is_refused(
    graph: Graph, gql: GraphQLClient, uid: str, role: str
) -> None:
    # given 张三 is stationed in V, ongoing
    doc = frame(uid)
    doc.service("S", "V", "STATIONED", "2024-01-01")
    await doc.load(graph)

    # when a residential service in W starts
    variables = service(doc, village="W", role=role, since="2024-06-01")
    message = await refused(gql, graph, uid, START_SERVICE, variables)

    # then
    assert message.startswith(
        "personId: 张三 is already on residential duty (STATIONED in V村, from 2024-01-01, ongoing)"
    )


async def test_residential_services_may_follow_each_other(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 张三 was in a work team in V during 2023
    doc = frame(uid)
    doc.service("S", "V", "WORK_TEAM", "2023-01-01", "2023-12-31")
    await doc.load(graph)
    w = service(doc, village="W", role="STATIONED")

    # when a residential service starts before that one ended, then once it has
    message = await refused(gql, graph, uid, START_SERVICE, {**w, "since": "2023-12-31"})
    got = await accepted(gql, START_SERVICE, {**w, "since": "2024-01-01"})

    # then
    assert "WORK_TEAM in V村, from 2023-01-01 to 2023-12-31" in message
    assert got["service"]["since"] == "2024-01-01"
    assert len(await relationships(graph, uid, "SERVED_IN")) == 2


async def test_a_non_residential_service_may_run_beside_a_residential_one(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 张三 is stationed in V
    doc = frame(uid)
    doc.service("S", "V", "STATIONED", "2024-01-01")
    await doc.load(graph)

    # when he becomes liaison of W
    await accepted(
        gql, START_SERVICE, service(doc, village="W", role="LIAISON", since="2024-02-01")
    )

    # then
    assert len(await relationships(graph, uid, "SERVED_IN")) == 2


async def test_end_service_records_until_who_and_when(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given
    doc = frame(uid)
    doc.service("S", "V", "STATIONED", "2024-01-01")
    await doc.load(graph)
    started = now()

    # when
    got = await accepted(gql, END_SERVICE, service(doc, since="2024-01-01", until="2024-12-31"))

    # then
    at = recorded(got, started)
    assert got["service"]["until"] == "2024-12-31"
    [rel] = await relationships(graph, uid, "SERVED_IN")
    assert rel["props"]["until"] == dt.date(2024, 12, 31)
    assert (rel["props"]["endedBy"], rel["props"]["endedAt"]) == (ACTOR, at)


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2024-01-01", "2023-12-31", "until: until 2023-12-31 is before since 2024-01-01"),
        ("2024-01-02", "2024-12-31", "since: there is no service of 张三 in V村 "
                                     "starting 2024-01-02"),
        ("2023-01-01", "2024-12-31", "since: the service of 张三 in V村 starting 2023-01-01 "
                                     "already ended on 2023-06-30"),
    ],
)  # fmt: skip
async def test_end_service_refusals(
    graph: Graph, gql: GraphQLClient, uid: str, since: str, until: str, expected: str
) -> None:
    # given an ongoing service and an ended one
    doc = frame(uid)
    doc.service("S", "V", "STATIONED", "2024-01-01")
    doc.service("S", "V", "LIAISON", "2023-01-01", "2023-06-30")
    await doc.load(graph)

    # when / then
    message = await refused(gql, graph, uid, END_SERVICE, service(doc, since=since, until=until))
    assert message == expected


# --- dispatches ---------------------------------------------------------------------------------


async def test_start_and_end_dispatch_record_who_and_when(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 李四 of a county department
    doc = frame(uid)
    await doc.load(graph)
    started = now()
    key = dispatch(doc, since="2024-03-01")

    # when he is dispatched to T, then the dispatch ends
    got = await accepted(gql, START_DISPATCH, key)
    ended = await accepted(gql, END_DISPATCH, {**key, "until": "2026-02-28"})

    # then
    started_at, ended_at = recorded(got, started), recorded(ended, started)
    assert got["dispatch"] == {"township": {"id": doc.id("T")}, "since": "2024-03-01",
                               "until": None}  # fmt: skip
    assert ended["dispatch"]["until"] == "2026-02-28"
    [rel] = await relationships(graph, uid, "DISPATCHED_TO")
    props = rel["props"]
    assert (props["startedBy"], props["startedAt"]) == (ACTOR, started_at)
    assert (props["endedBy"], props["endedAt"]) == (ACTOR, ended_at)


@pytest.mark.parametrize(
    ("person", "works"),
    [("S", "works in 水利站 (TOWNSHIP_INSTITUTION)"), ("N", "has no department")],
)
async def test_only_county_department_staff_are_dispatched(
    graph: Graph, gql: GraphQLClient, uid: str, person: str, works: str
) -> None:
    # given
    doc = frame(uid)
    await doc.load(graph)

    # when / then
    variables = dispatch(doc, person, since="2024-03-01")
    message = await refused(gql, graph, uid, START_DISPATCH, variables)
    assert message.startswith(f"personId: {'张三' if person == 'S' else '赵六'} {works}; ")
    assert "COUNTY_DEPARTMENT" in message


@pytest.mark.parametrize(
    ("township", "since", "expected"),
    [
        ("U", "2024-06-01", "personId: 李四 is already dispatched to T镇 "
                            "(from 2024-01-01, ongoing)"),
        ("T", "2024-01-01", "since: 李四 already has a dispatch to T镇 starting 2024-01-01"),
    ],
)  # fmt: skip
async def test_a_second_dispatch_is_refused(
    graph: Graph, gql: GraphQLClient, uid: str, township: str, since: str, expected: str
) -> None:
    # given 李四 is dispatched to T
    doc = frame(uid)
    doc.dispatch("D", "T", "2024-01-01")
    await doc.load(graph)

    # when / then
    variables = dispatch(doc, township=township, since=since)
    message = await refused(gql, graph, uid, START_DISPATCH, variables)
    assert message.startswith(expected)


async def test_a_dispatch_may_follow_an_ended_one(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 李四 was dispatched to T until 2023-12-31
    doc = frame(uid)
    doc.dispatch("D", "T", "2022-01-01", "2023-12-31")
    await doc.load(graph)

    # when he is dispatched to U from 2024-01-01
    await accepted(gql, START_DISPATCH, dispatch(doc, township="U", since="2024-01-01"))

    # then
    assert [r["to"] for r in await relationships(graph, uid, "DISPATCHED_TO")] == [
        doc.id("T"), doc.id("U")
    ]  # fmt: skip


async def test_end_dispatch_refusals(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given an ended dispatch
    doc = frame(uid)
    doc.dispatch("D", "T", "2022-01-01", "2023-12-31")
    await doc.load(graph)
    key = dispatch(doc, since="2022-01-01")

    # when / then
    assert await refused(gql, graph, uid, END_DISPATCH, {**key, "until": "2024-06-30"}) == (
        "since: the dispatch of 李四 to T镇 starting 2022-01-01 already ended on 2023-12-31"
    )
    assert await refused(
        gql, graph, uid, END_DISPATCH, {**key, "township": doc.id("X"), "until": "2024-06-30"},
        code="NOT_FOUND",
    ) == f"townshipId: no township with id '{doc.id('X')}'"  # fmt: skip


# --- trainings (到岗实训) -------------------------------------------------------------------------


@pytest.mark.parametrize("department", ["TO", "TI"])
async def test_start_and_end_training_record_who_and_when(
    graph: Graph, gql: GraphQLClient, uid: str, department: str
) -> None:
    # given 王五 of the village committee
    doc = frame(uid)
    await doc.load(graph)
    started = now()
    key = training(doc, department=department, since="2024-03-01")

    # when he trains at a township office or institution, then the training ends
    got = await accepted(gql, START_TRAINING, key)
    ended = await accepted(gql, END_TRAINING, {**key, "until": "2024-08-31"})

    # then
    started_at, ended_at = recorded(got, started), recorded(ended, started)
    assert got["training"]["department"]["id"] == doc.id(department)
    assert (got["training"]["since"], got["training"]["until"]) == ("2024-03-01", None)
    assert ended["training"]["until"] == "2024-08-31"
    [rel] = await relationships(graph, uid, "TRAINED_AT")
    props = rel["props"]
    assert (props["since"], props["until"]) == (dt.date(2024, 3, 1), dt.date(2024, 8, 31))
    assert (props["startedBy"], props["startedAt"]) == (ACTOR, started_at)
    assert (props["endedBy"], props["endedAt"]) == (ACTOR, ended_at)


@pytest.mark.parametrize(
    ("person", "department", "expected"),
    [
        ("S", "TO", "personId: 张三 works in 水利站 (TOWNSHIP_INSTITUTION); training at a "
                    "township post (到岗实训) is for village cadres (VILLAGE_COMMITTEE)"),
        ("N", "TO", "personId: 赵六 has no department; "),
        ("R", "CD", "departmentId: 县农业农村局 is a COUNTY_DEPARTMENT; 到岗实训 is at a township "
                    "office or institution (TOWNSHIP_OFFICE, TOWNSHIP_INSTITUTION)"),
        ("R", "VC", "departmentId: 村两委 is a VILLAGE_COMMITTEE; "),
    ],
)  # fmt: skip
async def test_training_is_for_village_cadres_at_township_units(
    graph: Graph, gql: GraphQLClient, uid: str, person: str, department: str, expected: str
) -> None:
    # given
    doc = frame(uid)
    await doc.load(graph)

    # when / then
    variables = training(doc, person, department, since="2024-03-01")
    message = await refused(gql, graph, uid, START_TRAINING, variables)
    assert message.startswith(expected)


async def test_an_overlapping_training_at_the_same_department_is_refused(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 王五 trains at TO
    doc = frame(uid)
    await doc.load(graph)
    await accepted(gql, START_TRAINING, training(doc, since="2024-03-01"))

    # when he starts again at TO (on the same day, later), and at TI
    same_day = await refused(gql, graph, uid, START_TRAINING, training(doc, since="2024-03-01"))
    later = await refused(gql, graph, uid, START_TRAINING, training(doc, since="2024-05-01"))
    await accepted(gql, START_TRAINING, training(doc, department="TI", since="2024-05-01"))

    # then
    assert same_day == "since: 王五 already has a training at 党政办 starting 2024-03-01"
    assert later.startswith(
        "personId: 王五 is already training at 党政办 (from 2024-03-01, ongoing)"
    )
    assert len(await relationships(graph, uid, "TRAINED_AT")) == 2


async def test_end_training_refusals(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given an ongoing training
    doc = frame(uid)
    await doc.load(graph)
    key = training(doc, since="2024-03-01")
    await accepted(gql, START_TRAINING, key)

    # when / then
    assert await refused(gql, graph, uid, END_TRAINING, {**key, "until": "2024-02-01"}) == (
        "until: until 2024-02-01 is before since 2024-03-01"
    )
    assert await refused(
        gql, graph, uid, END_TRAINING, {**key, "since": "2024-03-02", "until": "2024-06-01"}
    ) == "since: there is no training of 王五 at 党政办 starting 2024-03-02"  # fmt: skip


async def test_people_s_trainings_are_read_in_one_batched_query(graph: Graph, uid: str) -> None:
    # given two village cadres with trainings, one of them twice
    doc = frame(uid)
    doc.department("WC", kind="VILLAGE_COMMITTEE", village="W")
    doc.person("R2", "钱七", department="WC")
    await doc.load(graph)
    ctx = Context(graph=graph)
    for person, department, since in (("R", "TO", dt.date(2023, 3, 1)),
                                      ("R", "TI", dt.date(2024, 3, 1)),
                                      ("R2", "TI", dt.date(2024, 5, 1))):  # fmt: skip
        await start_training(
            ctx, person_id=doc.id(person), department_id=doc.id(department), since=since
        )

    # when both people's trainings are read in the same request
    reader = Context(graph=graph)
    with count_round_trips() as trips:
        first, second = await asyncio.gather(
            person_trainings(reader, doc.id("R")), person_trainings(reader, doc.id("R2"))
        )

    # then: one query, newest first
    assert trips.count == 1
    assert [(t["department"]["id"], t["since"]) for t in first] == [
        (doc.id("TI"), dt.date(2024, 3, 1)), (doc.id("TO"), dt.date(2023, 3, 1))
    ]  # fmt: skip
    assert [t["department"]["name"] for t in second] == ["水利站"]


# --- skills -------------------------------------------------------------------------------------


async def test_set_skill_creates_then_updates_recording_who_and_when(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 张三 without K1
    doc = frame(uid)
    await doc.load(graph)
    started = now()
    variables = {"person": doc.id("S"), "skill": doc.id("K1")}

    # when K1 is set to 2, then to 4
    created = await accepted(gql, SET_SKILL, {**variables, "level": 2})
    updated = await accepted(gql, SET_SKILL, {**variables, "level": 4}, actor="li-guzhang")

    # then
    recorded(created, started)
    assert (created["skill"], created["previousLevel"]) == ({"skill": {"id": doc.id("K1")},
                                                             "level": 2}, None)  # fmt: skip
    assert (updated["previousLevel"], updated["actor"]) == (2, "li-guzhang")
    assert updated["person"]["skills"] == [{"skill": {"id": doc.id("K1")}, "level": 4}]
    [rel] = await relationships(graph, uid, "HAS_SKILL")
    assert rel["props"]["level"] == 4
    assert rel["props"]["setBy"] == "li-guzhang"
    assert rel["props"]["setAt"] == dt.datetime.fromisoformat(updated["at"])


@pytest.mark.parametrize("level", [0, 6, -3])
async def test_set_skill_refuses_a_level_outside_1_to_5(
    graph: Graph, gql: GraphQLClient, uid: str, level: int
) -> None:
    # given 张三 at level 3 in K1
    doc = frame(uid)
    doc.person("S2", "孙八", department="TI", skills={"K1": 3})
    await doc.load(graph)

    # when / then
    message = await refused(
        gql, graph, uid, SET_SKILL, {"person": doc.id("S2"), "skill": doc.id("K1"), "level": level}
    )
    assert message == f"level: must be an integer from 1 to 5, got {level}"


@pytest.mark.parametrize(("unknown", "field"), [("person", "personId"), ("skill", "skillId")])
async def test_set_skill_with_an_unknown_id_is_not_found(
    graph: Graph, gql: GraphQLClient, uid: str, unknown: str, field: str
) -> None:
    # given
    doc = frame(uid)
    await doc.load(graph)
    variables = {"person": doc.id("S"), "skill": doc.id("K1"), "level": 3,
                 unknown: doc.id("nothing")}  # fmt: skip

    # when / then
    message = await refused(gql, graph, uid, SET_SKILL, variables, code="NOT_FOUND")
    assert message == f"{field}: no {unknown} with id '{doc.id('nothing')}'"
