"""talentPool: ANY / ALL of some skills at a minimum level, ranked by matched skills and levels,
within a township's reach, free of residential village duty on a day, keyset-paged; the errors.

Every test asks for skills it created itself, so only its own people can match."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

QUERY = """
query Pool($skills: [ID!]!, $match: SkillMatch = ANY, $minLevel: Int = 1, $township: ID,
           $on: Date, $first: Int = 20, $after: String) {
  talentPool(skillIds: $skills, match: $match, minLevel: $minLevel, townshipId: $township,
             availableOn: $on, first: $first, after: $after) {
    totalCount
    edges { cursor node { id name } score matchedSkills { skill { id } level } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

DAY = "2024-06-01"


async def pool(gql: GraphQLClient, skills: list[str], **arguments: Any) -> dict[str, Any]:
    data = await gql.data(QUERY, {"skills": skills, **arguments})
    connection: dict[str, Any] = data["talentPool"]
    return connection


def people(connection: dict[str, Any]) -> list[str]:
    return [e["node"]["id"] for e in connection["edges"]]


def matched(connection: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
    return {
        e["node"]["id"]: [(m["skill"]["id"], m["level"]) for m in e["matchedSkills"]]
        for e in connection["edges"]
    }


def cursor(payload: Any) -> str:
    """A well-formed base64 cursor around any JSON, as a tampering client could make one."""
    raw = json.dumps(payload).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def skilled(uid: str, holders: dict[str, dict[str, int]]) -> Doc:
    """Skills K1, K2, K3 and K9, and people holding the given levels."""
    doc = Doc(uid)
    for key in ("K1", "K2", "K3", "K9"):
        doc.skill(key)
    for key, levels in holders.items():
        doc.person(key, skills=levels)
    return doc


# --- matching and order ---------------------------------------------------------------------------


async def test_any_needs_one_of_the_skills_all_needs_every_one(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given holders of K1 and K2 in different combinations, and of other skills only
    doc = skilled(
        uid,
        {
            "A": {"K1": 3},
            "B": {"K1": 2, "K2": 2},
            "C": {"K1": 5, "K2": 4, "K3": 1},
            "D": {"K3": 5},
            "F": {"K9": 5},
        },
    )
    await doc.load(graph)
    wanted = [doc.id("K1"), doc.id("K2")]

    # when
    any_of = await pool(gql, wanted)
    all_of = await pool(gql, wanted, match="ALL")

    # then
    assert people(any_of) == [doc.id("C"), doc.id("B"), doc.id("A")]
    assert any_of["totalCount"] == 3
    assert people(all_of) == [doc.id("C"), doc.id("B")]
    assert all_of["totalCount"] == 2
    assert matched(all_of) == {
        doc.id("C"): [(doc.id("K1"), 5), (doc.id("K2"), 4)],
        doc.id("B"): [(doc.id("K1"), 2), (doc.id("K2"), 2)],
    }
    assert [e["score"] for e in any_of["edges"]] == [0.9, 0.4, 0.3]


async def test_order_is_matched_count_then_level_sum_then_person_id(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given people matching one or two skills with different level sums, some tied
    doc = skilled(
        uid,
        {
            "P1": {"K1": 5},
            "P2": {"K1": 1, "K2": 1},
            "P3": {"K1": 2, "K2": 3},
            "P4": {"K1": 3, "K2": 2},
            "P5": {"K2": 5},
            "P6": {"K2": 4, "K9": 5},
        },
    )
    await doc.load(graph)

    # when
    found = await pool(gql, [doc.id("K2"), doc.id("K1")])

    # then two skills beat one whatever the levels; then the sum; then the id
    assert people(found) == [doc.id(k) for k in ("P3", "P4", "P2", "P1", "P5", "P6")]
    assert matched(found)[doc.id("P3")] == [(doc.id("K2"), 3), (doc.id("K1"), 2)]
    assert matched(found)[doc.id("P6")] == [(doc.id("K2"), 4)]
    assert [e["score"] for e in found["edges"]] == [0.5, 0.5, 0.2, 0.5, 0.5, 0.4]


async def test_min_level_counts_only_skills_at_or_above_it(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given holders of K1 and K2 at various levels
    doc = skilled(
        uid,
        {
            "A": {"K1": 5},
            "B": {"K1": 2, "K2": 2},
            "C": {"K1": 2, "K2": 3},
            "D": {"K1": 3, "K2": 4},
            "E": {"K2": 4},
        },
    )
    await doc.load(graph)
    wanted = [doc.id("K1"), doc.id("K2")]

    # when
    any_of = await pool(gql, wanted, minLevel=3)
    all_of = await pool(gql, wanted, match="ALL", minLevel=3)

    # then skills below the level neither match nor count
    assert people(any_of) == [doc.id("D"), doc.id("A"), doc.id("E"), doc.id("C")]
    assert any_of["totalCount"] == 4
    assert matched(any_of)[doc.id("C")] == [(doc.id("K2"), 3)]
    assert people(all_of) == [doc.id("D")]
    assert all_of["totalCount"] == 1


async def test_nobody_matching_is_an_empty_connection(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a skill nobody holds
    doc = skilled(uid, {"A": {"K9": 5}})
    await doc.load(graph)

    # when
    found = await pool(gql, [doc.id("K1")])

    # then
    assert found == {
        "totalCount": 0,
        "edges": [],
        "pageInfo": {
            "hasNextPage": False,
            "hasPreviousPage": False,
            "startCursor": None,
            "endCursor": None,
        },
    }


# --- township and availability ------------------------------------------------------------------


def reach(uid: str) -> Doc:
    """Township T with village V, township U; people holding K1 with different ties to T."""
    doc = place(Doc(uid))
    doc.township("U", "C")
    doc.skill("K1")
    doc.department("TO", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("VC", kind="VILLAGE_COMMITTEE", village="V")
    doc.department("UO", kind="TOWNSHIP_OFFICE", township="U")
    doc.department("CD", kind="COUNTY_DEPARTMENT", county="C")
    doc.person("A", department="TO", skills={"K1": 3})  # T's own office
    doc.person("B", department="VC", skills={"K1": 3})  # a committee of T's village
    doc.person("C", department="UO", skills={"K1": 3})  # another township
    doc.person("D", department="CD", skills={"K1": 3})  # dispatched to T, ended 2024-12-31
    doc.dispatch("D", "T", "2023-01-01", "2024-12-31")
    doc.person("F", department="CD", skills={"K1": 3})  # dispatched to T, ended 2023
    doc.dispatch("F", "T", "2020-01-01", "2023-12-31")
    doc.person("H", department="UO", skills={"K1": 3})  # dispatched to T, ongoing
    doc.dispatch("H", "T", "2020-01-01")
    doc.person("N", skills={"K1": 3})  # no unit
    return doc


async def test_a_township_reaches_its_units_its_villages_and_people_dispatched_there_today(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given people of T's office and village, of another township, and dispatched to T (the
    # dispatches of D and F ended before today)
    doc = reach(uid)
    await doc.load(graph)

    # when no day is given
    found = await pool(gql, [doc.id("K1")], township=doc.id("T"))

    # then today's active dispatch counts, finished ones do not
    assert people(found) == [doc.id("A"), doc.id("B"), doc.id("H")]
    assert found["totalCount"] == 3


async def test_a_township_reaches_people_dispatched_there_on_the_day_asked(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the same people
    doc = reach(uid)
    await doc.load(graph)

    # when asking for 2024-06-01
    found = await pool(gql, [doc.id("K1")], township=doc.id("T"), on=DAY)

    # then D's dispatch was active that day, F's had ended
    assert people(found) == [doc.id("A"), doc.id("B"), doc.id("D"), doc.id("H")]


async def test_residential_village_duty_on_the_day_makes_a_person_unavailable(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given holders of K1 with services of every role around 2024-06-01
    doc = place(Doc(uid))
    doc.skill("K1")
    services: dict[str, tuple[str, str, str | None]] = {
        "S1": ("STATIONED", "2024-01-01", None),
        "S2": ("FIRST_SECRETARY", "2023-01-01", DAY),  # ends on the day: still on duty
        "S3": ("WORK_TEAM", DAY, None),  # starts on the day
        "S4": ("LIAISON", "2024-01-01", None),
        "S5": ("TECHNICAL_SUPPORT", "2024-05-01", "2024-07-01"),
        "S6": ("STATIONED", "2022-01-01", "2024-05-31"),  # ended the day before
        "S7": ("WORK_TEAM", "2024-06-02", None),  # starts the day after
    }
    for key, (role, since, until) in services.items():
        doc.person(key, skills={"K1": 2})
        doc.service(key, "V", role, since, until)
    doc.person("S8", skills={"K1": 2})
    await doc.load(graph)

    # when asking with and without a day
    on_day = await pool(gql, [doc.id("K1")], on=DAY)
    any_day = await pool(gql, [doc.id("K1")])

    # then stationed, first secretaries and work teams on duty that day are left out
    assert people(on_day) == [doc.id(k) for k in ("S4", "S5", "S6", "S7", "S8")]
    assert on_day["totalCount"] == 5
    assert people(any_day) == [doc.id(f"S{n}") for n in range(1, 9)]


# --- paging -------------------------------------------------------------------------------------


async def test_walking_the_pages_visits_every_result_once_in_order(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given seven matching people, four of them tied on count and sum
    doc = skilled(
        uid,
        {
            "G": {"K1": 3},
            "B": {"K1": 3},
            "E": {"K1": 3},
            "A": {"K1": 3},
            "C": {"K1": 5, "K2": 1},
            "F": {"K2": 4},
            "D": {"K1": 1},
        },
    )
    await doc.load(graph)
    wanted = [doc.id("K1"), doc.id("K2")]
    everyone = await pool(gql, wanted)

    # when walking two at a time
    seen: list[str] = []
    pages: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        page = await pool(gql, wanted, first=2, after=after)
        pages.append(page)
        seen.extend(people(page))
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
        assert len(pages) < 10, "paging does not end"

    # then every result comes once, in the order of the whole list
    expected = [doc.id(k) for k in ("C", "F", "A", "B", "E", "G", "D")]
    assert people(everyone) == expected
    assert seen == expected
    assert [len(p["edges"]) for p in pages] == [2, 2, 2, 1]
    assert [p["totalCount"] for p in pages] == [7, 7, 7, 7]
    assert [p["pageInfo"]["hasNextPage"] for p in pages] == [True, True, True, False]
    assert [p["pageInfo"]["hasPreviousPage"] for p in pages] == [False, True, True, True]
    for page in pages:
        assert page["pageInfo"]["startCursor"] == page["edges"][0]["cursor"]
        assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
    assert [e["cursor"] for e in everyone["edges"]] == [
        e["cursor"] for p in pages for e in p["edges"]
    ]


UNCOUNTED = """
query Pool($skills: [ID!]!, $on: Date, $first: Int = 20, $after: String,
           $order: TalentOrder = MATCH) {
  talentPool(skillIds: $skills, availableOn: $on, first: $first, after: $after, orderBy: $order) {
    edges { cursor node { id } }
    pageInfo { hasNextPage }
  }
}
"""


async def walk_uncounted(gql: GraphQLClient, skills: list[str], **arguments: Any) -> list[Any]:
    """Every page of a talentPool that does not select totalCount: [(ids, hasNextPage)]."""
    pages: list[Any] = []
    after: str | None = None
    while len(pages) < 10:
        data = await gql.data(UNCOUNTED, {"skills": skills, "after": after, **arguments})
        connection = data["talentPool"]
        pages.append(([e["node"]["id"] for e in connection["edges"]],
                      connection["pageInfo"]["hasNextPage"]))  # fmt: skip
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["edges"][-1]["cursor"]
    return pages


async def test_pages_without_total_count_leave_out_the_unavailable_in_order(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given holders of K1: A 5 and C 4 stationed in V on the day, B 5, D 3, E 3, F 1
    doc = place(Doc(uid))
    doc.skill("K1")
    for key, level in (("A", 5), ("B", 5), ("C", 4), ("D", 3), ("E", 3), ("F", 1)):
        doc.person(key, skills={"K1": level})
    doc.service("A", "V", "STATIONED", "2024-01-01", None)
    doc.service("C", "V", "STATIONED", "2024-01-01", None)
    await doc.load(graph)

    # when walked two at a time on the day, totalCount not selected (only the page's people are
    # judged)
    pages = await walk_uncounted(gql, [doc.id("K1")], on=DAY, first=2)

    # then level 5, 3, 3, 1 (ties by id), the stationed left out, in two full pages
    assert pages == [([doc.id("B"), doc.id("D")], True), ([doc.id("E"), doc.id("F")], False)]


async def test_pages_without_total_count_order_a_tie_by_workload_across_pages(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given holders of K1: G0 at 5; G1, G2, G3 at 3, G1 a liaison of V (workload 1), G3 stationed
    # in V on the day (unavailable)
    doc = place(Doc(uid))
    doc.skill("K1")
    for key, level in (("G0", 5), ("G1", 3), ("G2", 3), ("G3", 3)):
        doc.person(key, skills={"K1": level})
    doc.service("G1", "V", "LIAISON", "2024-01-01", None)
    doc.service("G3", "V", "STATIONED", "2024-01-01", None)
    await doc.load(graph)

    # when walked one at a time, least busy first, totalCount not selected
    pages = await walk_uncounted(gql, [doc.id("K1")], on=DAY, first=1, order="LEAST_BUSY")

    # then G0 (level 5), then among level 3 G2 (workload 0) before G1 (1), though G1's id is
    # first: the level-3 group is judged whole on every page that reaches it
    assert pages == [([doc.id("G0")], True), ([doc.id("G2")], True), ([doc.id("G1")], False)]


async def test_a_page_after_the_last_result_is_empty(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two matching people
    doc = skilled(uid, {"A": {"K1": 2}, "B": {"K1": 4}})
    await doc.load(graph)
    full = await pool(gql, [doc.id("K1")])

    # when asking after the last one
    rest = await pool(gql, [doc.id("K1")], after=full["pageInfo"]["endCursor"])

    # then
    assert people(full) == [doc.id("B"), doc.id("A")]
    assert full["pageInfo"]["hasNextPage"] is False
    assert rest["edges"] == []
    assert rest["totalCount"] == 2
    assert rest["pageInfo"]["hasNextPage"] is False


# --- errors -------------------------------------------------------------------------------------


async def test_first_above_100_is_bad_input(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a skill with a holder
    doc = skilled(uid, {"A": {"K1": 2}})
    await doc.load(graph)

    # when
    at_cap = await pool(gql, [doc.id("K1")], first=100)
    body = await gql.post(QUERY, {"skills": [doc.id("K1")], "first": 101})

    # then
    assert people(at_cap) == [doc.id("A")]
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("first:")
    assert "101" in message


GARBAGE_CURSORS = {
    "not base64": "garbage",
    "empty": "",
    "not base64 either": "%%%",
    "key is an object": cursor(["talent", {"cnt": 1}]),
    "key too short": cursor(["talent", [1, 2]]),
    "count not a number": cursor(["talent", ["one", 2, "x"]]),
    "count beyond 64 bits": cursor(["talent", [10**30, 1, "x"]]),
    "sum beyond 64 bits": cursor(["talent", [1, 2**63, "x"]]),
    "count infinite": cursor(["talent", [float("inf"), 1, "x"]]),
    "id null": cursor(["talent", [1, 2, None]]),
    "id a list": cursor(["talent", [1, 2, ["x"]]]),
    "no kind": cursor([1]),
    "an object": cursor({"kind": "talent"}),
    "another list's kind": cursor(["person", "x"]),
}


@pytest.mark.parametrize("after", GARBAGE_CURSORS.values(), ids=GARBAGE_CURSORS.keys())
async def test_a_cursor_this_list_did_not_issue_is_bad_input(
    graph: Graph, gql: GraphQLClient, uid: str, after: str
) -> None:
    # given a skill with a holder
    doc = skilled(uid, {"A": {"K1": 2}})
    await doc.load(graph)

    # when
    body = await gql.post(QUERY, {"skills": [doc.id("K1")], "after": after})

    # then
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("after:")


async def test_a_cursor_of_the_people_list_is_bad_input(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a cursor issued by `people`
    doc = skilled(uid, {"A": {"K1": 2}})
    await doc.load(graph)
    data = await gql.data(
        "query($k: [ID!]) { people(filter: {skillIds: $k}) { pageInfo { endCursor } } }",
        {"k": [doc.id("K1")]},
    )
    foreign = data["people"]["pageInfo"]["endCursor"]
    assert foreign is not None

    # when it is used for the talent pool
    body = await gql.post(QUERY, {"skills": [doc.id("K1")], "after": foreign})

    # then
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("after:")


async def test_an_unknown_skill_is_bad_input(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given one known skill
    doc = skilled(uid, {"A": {"K1": 2}})
    await doc.load(graph)

    # when another asked for does not exist
    body = await gql.post(QUERY, {"skills": [doc.id("K1"), doc.id("nothing")]})

    # then
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message == f"skillIds: unknown skill '{doc.id('nothing')}'"


async def test_no_skills_is_bad_input(gql: GraphQLClient) -> None:
    # when
    body = await gql.post(QUERY, {"skills": []})

    # then
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("skillIds:")


@pytest.mark.parametrize("level", [0, 6])
async def test_a_min_level_outside_1_to_5_is_bad_input(
    graph: Graph, gql: GraphQLClient, uid: str, level: int
) -> None:
    # given a skill
    doc = skilled(uid, {})
    await doc.load(graph)

    # when
    body = await gql.post(QUERY, {"skills": [doc.id("K1")], "minLevel": level})

    # then
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert message.startswith("minLevel:")


async def test_an_unknown_township_is_not_found(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a skill with a holder, and no township with the id asked for
    doc = skilled(uid, {"A": {"K1": 2}})
    await doc.load(graph)

    # when
    body = await gql.post(QUERY, {"skills": [doc.id("K1")], "township": doc.id("nowhere")})

    # then
    code, message = only_error(body)
    assert code == "NOT_FOUND"
    assert message == f"townshipId: no township with id '{doc.id('nowhere')}'"


async def test_a_skill_asked_for_twice_counts_once(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a holder of K1 and K2 and a holder of K1 only
    doc = skilled(uid, {"A": {"K1": 4, "K2": 2}, "B": {"K1": 5}})
    await doc.load(graph)

    # when K1 is named twice
    found = await pool(gql, [doc.id("K1"), doc.id("K2"), doc.id("K1")], match="ALL")

    # then ALL means both distinct skills, and the score is over two skills
    assert people(found) == [doc.id("A")]
    assert matched(found)[doc.id("A")] == [(doc.id("K1"), 4), (doc.id("K2"), 2)]
    assert [e["score"] for e in found["edges"]] == [0.6]
