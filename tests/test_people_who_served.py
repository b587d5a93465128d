"""peopleWhoServed: who with a skill (or a narrower one) has served a village, since when and in
what role; the reported skill, the services kept, the order, and the errors a clerk can cause."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

QUERY = """
query Served($village: ID!, $skill: ID!, $since: Date, $narrower: Boolean = true,
             $minLevel: Int = 1) {
  peopleWhoServed(villageId: $village, skillId: $skill, servedSince: $since,
                  includeNarrowerSkills: $narrower, minLevel: $minLevel) {
    person { id name }
    skill { id name }
    level
    services { village { id } role since until }
  }
}
"""

Service = tuple[str, str, str, str | None]


async def served(
    gql: GraphQLClient, village: str, skill: str, **arguments: Any
) -> list[dict[str, Any]]:
    data = await gql.data(QUERY, {"village": village, "skill": skill, **arguments})
    matches: list[dict[str, Any]] = data["peopleWhoServed"]
    return matches


def people(matches: list[dict[str, Any]]) -> list[str]:
    return [m["person"]["id"] for m in matches]


def skills(matches: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    """(person, reported skill, level) of each match, in order."""
    return [(m["person"]["id"], m["skill"]["id"], m["level"]) for m in matches]


def services(match: dict[str, Any]) -> list[Service]:
    return [(s["village"]["id"], s["role"], s["since"], s["until"]) for s in match["services"]]


def hierarchy(doc: Doc) -> None:
    """农业技术 K1 › 作物栽培 K2 › 水稻栽培 K3, and an unrelated K9; one holder of each, all
    serving V now."""
    place(doc)
    doc.skill("K1", "农业技术")
    doc.skill("K2", "作物栽培", broader="K1")
    doc.skill("K3", "水稻栽培", broader="K2")
    doc.skill("K9", "调解纠纷")
    for key, skill, level in (("A", "K1", 2), ("B", "K2", 3), ("C", "K3", 4), ("D", "K9", 5)):
        doc.person(key, skills={skill: level})
        doc.service(key, "V", "STATIONED", "2020-01-01")


async def test_holders_of_narrower_skills_at_any_depth_are_found(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a three-level skill hierarchy with one holder at each level, all serving the village
    doc = Doc(uid)
    hierarchy(doc)
    await doc.load(graph)

    # when asking for each level of the hierarchy
    at_root = await served(gql, doc.id("V"), doc.id("K1"))
    at_middle = await served(gql, doc.id("V"), doc.id("K2"))
    at_leaf = await served(gql, doc.id("V"), doc.id("K3"))

    # then each finds the holders of that skill and of every skill below it, never above
    assert skills(at_root) == [
        (doc.id("A"), doc.id("K1"), 2),
        (doc.id("B"), doc.id("K2"), 3),
        (doc.id("C"), doc.id("K3"), 4),
    ]
    assert skills(at_middle) == [(doc.id("B"), doc.id("K2"), 3), (doc.id("C"), doc.id("K3"), 4)]
    assert skills(at_leaf) == [(doc.id("C"), doc.id("K3"), 4)]
    assert at_root[2]["skill"]["name"] == "水稻栽培"


async def test_without_narrower_skills_only_holders_of_the_skill_itself_are_found(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a three-level skill hierarchy with one holder at each level
    doc = Doc(uid)
    hierarchy(doc)
    await doc.load(graph)

    # when narrower skills are excluded
    at_root = await served(gql, doc.id("V"), doc.id("K1"), narrower=False)
    at_middle = await served(gql, doc.id("V"), doc.id("K2"), narrower=False)

    # then only the holders of exactly that skill are found
    assert skills(at_root) == [(doc.id("A"), doc.id("K1"), 2)]
    assert skills(at_middle) == [(doc.id("B"), doc.id("K2"), 3)]


async def test_min_level_keeps_holders_at_or_above_it(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given holders of K1 at levels 2, 3 and 5, and one with K1 at 1 but narrower K2 at 4
    doc = place(Doc(uid))
    doc.skill("K1")
    doc.skill("K2", broader="K1")
    for key, levels in (
        ("A", {"K1": 2}),
        ("B", {"K1": 3}),
        ("C", {"K1": 5}),
        ("E", {"K1": 1, "K2": 4}),
    ):
        doc.person(key, skills=levels)
        doc.service(key, "V", "LIAISON", "2021-01-01")
    await doc.load(graph)

    # when asking with different minimum levels
    default = await served(gql, doc.id("V"), doc.id("K1"))
    from_3 = await served(gql, doc.id("V"), doc.id("K1"), minLevel=3)
    from_5 = await served(gql, doc.id("V"), doc.id("K1"), minLevel=5)
    from_3_exact = await served(gql, doc.id("V"), doc.id("K1"), minLevel=3, narrower=False)

    # then only skills at or above the level count, also for the reported skill
    assert skills(default) == [
        (doc.id("A"), doc.id("K1"), 2),
        (doc.id("B"), doc.id("K1"), 3),
        (doc.id("C"), doc.id("K1"), 5),
        (doc.id("E"), doc.id("K2"), 4),
    ]
    assert skills(from_3) == [
        (doc.id("B"), doc.id("K1"), 3),
        (doc.id("C"), doc.id("K1"), 5),
        (doc.id("E"), doc.id("K2"), 4),
    ]
    assert skills(from_5) == [(doc.id("C"), doc.id("K1"), 5)]
    assert skills(from_3_exact) == [(doc.id("B"), doc.id("K1"), 3), (doc.id("C"), doc.id("K1"), 5)]


async def test_the_reported_skill_is_the_highest_matching_one_ties_by_skill_id(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given P with K1:2, K3:3, K2:3 (a tie) and an unrelated K9:5, and Q with K1:4, K3:5
    doc = place(Doc(uid))
    doc.skill("K1")
    doc.skill("K2", broader="K1")
    doc.skill("K3", broader="K1")
    doc.skill("K9")
    doc.person("P", skills={"K9": 5, "K1": 2, "K3": 3, "K2": 3})
    doc.person("Q", skills={"K1": 4, "K3": 5})
    for key in ("P", "Q"):
        doc.service(key, "V", "TECHNICAL_SUPPORT", "2022-01-01")
    await doc.load(graph)

    # when
    matches = await served(gql, doc.id("V"), doc.id("K1"))

    # then P's best matching skill is K2 (level 3, id before K3), never the unrelated K9
    assert skills(matches) == [(doc.id("P"), doc.id("K2"), 3), (doc.id("Q"), doc.id("K3"), 5)]


async def test_services_are_those_in_that_village_only_newest_first(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given P served V three times in different roles, and another village W of the township
    doc = place(Doc(uid))
    doc.village("W", "T")
    doc.skill("K1")
    doc.person("P", skills={"K1": 3})
    doc.service("P", "V", "TECHNICAL_SUPPORT", "2019-03-01", "2019-09-30")
    doc.service("P", "W", "STATIONED", "2023-01-01")
    doc.service("P", "V", "WORK_TEAM", "2021-05-01")
    doc.service("P", "V", "LIAISON", "2015-01-01", "2016-12-31")
    await doc.load(graph)

    # when
    matches = await served(gql, doc.id("V"), doc.id("K1"))

    # then the three services in V are listed, newest `since` first, and W's is not
    assert people(matches) == [doc.id("P")]
    assert services(matches[0]) == [
        (doc.id("V"), "WORK_TEAM", "2021-05-01", None),
        (doc.id("V"), "TECHNICAL_SUPPORT", "2019-03-01", "2019-09-30"),
        (doc.id("V"), "LIAISON", "2015-01-01", "2016-12-31"),
    ]


async def test_served_since_keeps_only_services_that_reach_that_day(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given P with a service ended long ago and one ending exactly on 2020-01-01, Q whose only
    # service ended the day before, and R serving since 2005
    doc = place(Doc(uid))
    doc.skill("K1")
    for key in ("P", "Q", "R"):
        doc.person(key, skills={"K1": 3})
    doc.service("P", "V", "STATIONED", "2015-01-01", "2016-12-31")
    doc.service("P", "V", "LIAISON", "2019-06-01", "2020-01-01")
    doc.service("Q", "V", "FIRST_SECRETARY", "2010-01-01", "2019-12-31")
    doc.service("R", "V", "WORK_TEAM", "2005-01-01")
    await doc.load(graph)

    # when asking without and with servedSince
    everyone = await served(gql, doc.id("V"), doc.id("K1"))
    recent = await served(gql, doc.id("V"), doc.id("K1"), since="2020-01-01")

    # then the filter drops Q and P's old service, keeping the one that ends on the day itself
    assert people(everyone) == [doc.id("R"), doc.id("P"), doc.id("Q")]
    assert people(recent) == [doc.id("R"), doc.id("P")]
    assert services(recent[0]) == [(doc.id("V"), "WORK_TEAM", "2005-01-01", None)]
    assert services(recent[1]) == [(doc.id("V"), "LIAISON", "2019-06-01", "2020-01-01")]


async def test_ongoing_service_first_then_latest_end_then_person_id(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given people whose services end at different days, some still ongoing
    doc = place(Doc(uid))
    doc.skill("K1")
    periods: dict[str, list[tuple[str, str | None]]] = {
        "A": [("2019-01-01", "2020-12-31")],
        "B": [("2021-01-01", "2022-06-30")],
        "C": [("2024-01-01", None)],
        "D": [("2020-07-01", "2022-06-30")],
        "E": [("2016-01-01", "2023-12-31"), ("2010-01-01", None)],
        "F": [("2001-01-01", None)],
        "G": [("2018-01-01", "2023-01-01"), ("2022-01-01", "2022-03-01")],  # latest end: older
        "H": [("2000-01-01", "2024-05-01")],
    }
    for key, spans in periods.items():
        doc.person(key, skills={"K1": 2})
        for since, until in spans:
            doc.service(key, "V", "LIAISON", since, until)
    await doc.load(graph)

    # when
    matches = await served(gql, doc.id("V"), doc.id("K1"))

    # then ongoing people by id, then by latest end descending, ties by id
    assert people(matches) == [doc.id(k) for k in ("C", "E", "F", "H", "G", "B", "D", "A")]
    assert services(matches[1]) == [
        (doc.id("V"), "LIAISON", "2016-01-01", "2023-12-31"),
        (doc.id("V"), "LIAISON", "2010-01-01", None),
    ]


async def test_only_people_who_served_that_village_are_found(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a village committee member of V who never served it (no SERVED_IN), a holder who
    # served another village only, and one who served V as liaison
    doc = place(Doc(uid))
    doc.village("W", "T")
    doc.department("VC", kind="VILLAGE_COMMITTEE", village="V", name="村两委")
    doc.skill("K1")
    doc.person("M", department="VC", skills={"K1": 5})
    doc.person("S", skills={"K1": 4})
    doc.service("S", "W", "STATIONED", "2020-01-01")
    doc.person("R", skills={"K1": 1})
    doc.service("R", "V", "LIAISON", "2020-01-01", "2020-12-31")
    await doc.load(graph)

    # when
    matches = await served(gql, doc.id("V"), doc.id("K1"))

    # then only R
    assert skills(matches) == [(doc.id("R"), doc.id("K1"), 1)]
    assert matches[0]["person"]["name"] == "人员R"


async def test_nobody_matching_is_an_empty_list(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a village and a skill nobody holds
    doc = place(Doc(uid))
    doc.skill("K1")
    doc.skill("K2")
    doc.person("P", skills={"K2": 5})
    doc.service("P", "V", "STATIONED", "2020-01-01")
    await doc.load(graph)

    # when / then
    assert await served(gql, doc.id("V"), doc.id("K1")) == []


async def test_an_unknown_village_is_not_found(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a skill but no village with the id asked for
    doc = Doc(uid)
    doc.skill("K1")
    await doc.load(graph)

    # when
    body = await gql.post(QUERY, {"village": doc.id("nowhere"), "skill": doc.id("K1")})

    # then
    code, message = only_error(body)
    assert code == "NOT_FOUND"
    assert message == f"villageId: no village with id '{doc.id('nowhere')}'"
    assert body["data"] is None


async def test_an_unknown_skill_is_not_found(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a village but no skill with the id asked for
    doc = place(Doc(uid))
    await doc.load(graph)

    # when
    body = await gql.post(QUERY, {"village": doc.id("V"), "skill": doc.id("nothing")})

    # then
    code, message = only_error(body)
    assert code == "NOT_FOUND"
    assert message == f"skillId: no skill with id '{doc.id('nothing')}'"


@pytest.mark.parametrize("level", [0, 6, -1])
async def test_a_min_level_outside_1_to_5_is_bad_input(
    graph: Graph, gql: GraphQLClient, uid: str, level: int
) -> None:
    # given a village and a skill that exist
    doc = place(Doc(uid))
    doc.skill("K1")
    await doc.load(graph)

    # when
    body = await gql.post(QUERY, {"village": doc.id("V"), "skill": doc.id("K1"), "minLevel": level})

    # then
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("minLevel:")
    assert str(level) in message
