"""The `people` connection's orders, backward pages and filters: each order walked forwards and
backwards gives the same hand-computed sequence, a cursor of one order is refused in another,
the id order without a place to start from walks the id index, and totalCount is counted only
when selected (graph/person.py, resolvers/person.py)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Graph, count_round_trips
from tests.conftest import GraphQLClient
from tests.factories import Doc

# name (pinyin), birth year, joined year, gender, department
PEOPLE: dict[str, tuple[str, int | None, int, str, str]] = {
    "P1": ("张三", 1990, 2012, "MALE", "D"),  # zhangsan
    "P2": ("李四", 1985, 2008, "FEMALE", "DV"),  # lisi
    "P3": ("王五", 1995, 2018, "MALE", "D"),  # wangwu
    "P4": ("赵六", None, 2000, "FEMALE", "D"),  # zhaoliu
    "P5": ("陈七", 1980, 2005, "MALE", "CD"),  # chenqi, dispatched to T
    "Q": ("周八", 1970, 1990, "MALE", "D2"),  # of township T2: never in T's lists
}

# Hand-computed from PEOPLE: every order ends with id, an unknown year last.
ORDERS = {
    "ID": ["P1", "P2", "P3", "P4", "P5"],
    "NAME": ["P5", "P2", "P3", "P1", "P4"],
    "YOUNGEST_FIRST": ["P3", "P1", "P2", "P5", "P4"],
    "OLDEST_FIRST": ["P5", "P2", "P1", "P3", "P4"],
    "LONGEST_SERVICE_FIRST": ["P4", "P5", "P2", "P1", "P3"],
    "SHORTEST_SERVICE_FIRST": ["P3", "P1", "P2", "P5", "P4"],
}

PAGE = """
query Page($f: PeopleFilter, $o: PersonOrder!, $first: Int, $last: Int, $after: String,
           $before: String) {
  people(filter: $f, orderBy: $o, first: $first, last: $last, after: $after, before: $before) {
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

COUNTED = """
query Counted($f: PeopleFilter) {
  people(filter: $f, first: 2) { totalCount edges { node { id } } }
}
"""


async def township(graph: Graph, uid: str) -> Doc:
    """Township T (village V, T's office D, V's committee DV) of county C (county department CD)
    with PEOPLE, each of education `uid`本科; township T2 with office D2."""
    doc = Doc(uid)
    doc.county("C")
    doc.township("T", "C")
    doc.township("T2", "C")
    doc.village("V", "T")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("D2", kind="TOWNSHIP_OFFICE", township="T2")
    doc.department("DV", kind="VILLAGE_COMMITTEE", village="V")
    doc.department("CD", kind="COUNTY_DEPARTMENT", county="C")
    for key, (name, born, joined, gender, dept) in PEOPLE.items():
        doc.person(key, name, department=dept, joined=joined, birth=born)
        doc.sections["people"][-1].update(gender=gender, education=f"{uid}本科")
    doc.dispatch("P5", "T", "2020-01-01")
    await doc.load(graph)
    return doc


def keys(doc: Doc, edges: list[dict[str, Any]]) -> list[str]:
    return [e["node"]["id"].removeprefix(doc.uid) for e in edges]


async def walk(
    gql: GraphQLClient, flt: dict[str, Any], order: str, *, backward: bool
) -> tuple[list[list[dict[str, Any]]], list[str]]:
    """Every page of two, from the first forwards or from the last backwards, and the queries
    they took."""
    pages, cursor = [], None
    queries: list[str] = []
    while True:
        variables: dict[str, Any] = {"f": flt, "o": order}
        variables.update(
            {"last": 2, "before": cursor} if backward else {"first": 2, "after": cursor}
        )
        with count_round_trips() as trips:
            found = (await gql.data(PAGE, variables))["people"]
        queries.extend(trips.queries)
        pages.append(found["edges"])
        info = found["pageInfo"]
        if not (info["hasPreviousPage"] if backward else info["hasNextPage"]):
            return pages, queries
        cursor = info["startCursor"] if backward else info["endCursor"]


@pytest.mark.parametrize("order", list(ORDERS))
async def test_each_order_walked_forwards_and_backwards_gives_its_sequence(
    graph: Graph, gql: GraphQLClient, uid: str, order: str
) -> None:
    # given the township's five people (and Q elsewhere)
    doc = await township(graph, uid)
    flt = {"townshipId": doc.id("T")}

    # when walking pages of two forwards, and backwards from the end
    forwards, queries = await walk(gql, flt, order, backward=False)
    backwards, _ = await walk(gql, flt, order, backward=True)

    # then both give the order's sequence: 2 + 2 + 1 forwards, 1 + 2 + 2 backwards, starting
    # from the township's people
    assert queries == ["person/page"] * 3
    assert [keys(doc, p) for p in forwards] == [
        ORDERS[order][0:2],
        ORDERS[order][2:4],
        ORDERS[order][4:],
    ]
    assert [keys(doc, p) for p in reversed(backwards)] == [
        ORDERS[order][0:1], ORDERS[order][1:3], ORDERS[order][3:5]
    ]  # fmt: skip


@pytest.mark.parametrize("backward", [False, True])
async def test_the_id_order_without_a_place_walks_the_id_index_in_one_query_a_page(
    graph: Graph, gql: GraphQLClient, uid: str, backward: bool
) -> None:
    # given the six people, all of education uid本科 (only this test's people have it)
    doc = await township(graph, uid)
    flt = {"education": [f"{uid}本科"]}

    # when walking pages of two
    pages, queries = await walk(gql, flt, "ID", backward=backward)

    # then every person in id order, each page one query of the id index
    seen = [k for p in (reversed(pages) if backward else pages) for k in keys(doc, p)]
    assert seen == ["P1", "P2", "P3", "P4", "P5", "Q"]
    assert queries == ["person/page_all_back" if backward else "person/page_all"] * 3


async def test_total_count_is_counted_only_when_selected(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the six people of education uid本科
    await township(graph, uid)
    flt = {"education": [f"{uid}本科"]}

    # when asked without totalCount / then one query, the page's
    with count_round_trips() as without:
        await gql.data(PAGE, {"f": flt, "o": "ID", "first": 2})
    assert without.queries == ["person/page_all"]
    # when asked with it / then the count is one more query, of all six, page of two
    with count_round_trips() as counted:
        found = (await gql.data(COUNTED, {"f": flt}))["people"]
    assert (found["totalCount"], len(found["edges"])) == (6, 2)
    assert counted.queries == ["person/page_all", "person/count_all"]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        ({"gender": "FEMALE"}, ["P2", "P4"]),
        ({"bornFrom": 1985, "bornTo": 1990}, ["P1", "P2"]),
        ({"joinedFrom": 2005, "joinedTo": 2012}, ["P1", "P2", "P5"]),
        ({"gender": "MALE", "bornTo": 1990}, ["P1", "P5"]),
        ({"education": ["研究生"]}, []),
    ],
)
async def test_filters_of_gender_education_and_years(
    graph: Graph, gql: GraphQLClient, uid: str, flt: dict[str, Any], expected: list[str]
) -> None:
    # given the township's five people
    doc = await township(graph, uid)

    # when filtered within the township, and (a count) among the test's education
    found = (await gql.data(COUNTED.replace("first: 2", "first: 10"),
                            {"f": {"townshipId": doc.id("T"), **flt}}))["people"]  # fmt: skip

    # then only those the filters keep, by id, and their count
    assert keys(doc, found["edges"]) == expected
    assert found["totalCount"] == len(expected)


async def test_a_cursor_of_another_order_is_refused_naming_after(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a cursor of the NAME order
    doc = await township(graph, uid)
    flt = {"townshipId": doc.id("T")}
    page = (await gql.data(PAGE, {"f": flt, "o": "NAME", "first": 1}))["people"]
    cursor = page["pageInfo"]["endCursor"]

    # when used in the AGE order, and as `before` in the ID order
    body = await gql.post(PAGE, {"f": flt, "o": "OLDEST_FIRST", "first": 1, "after": cursor})
    back = await gql.post(PAGE, {"f": flt, "o": "ID", "last": 1, "before": cursor})

    # then BAD_USER_INPUT naming the argument
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert body["errors"][0]["message"].startswith("after:")
    assert back["errors"][0]["message"].startswith("before:")


async def test_first_and_last_together_are_refused_and_last_alone_is_not_mixed_with_first(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the township's five people
    doc = await township(graph, uid)
    flt = {"townshipId": doc.id("T")}

    # when asking first and last together
    body = await gql.post(PAGE, {"f": flt, "o": "ID", "first": 2, "last": 2})
    # and last alone (first keeps its default of 20 in the schema)
    last = (await gql.data(PAGE, {"f": flt, "o": "ID", "last": 2}))["people"]

    # then the first is refused naming last, the second is the last two, with a previous page
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert body["errors"][0]["message"].startswith("last:")
    assert keys(doc, last["edges"]) == ["P4", "P5"]
    assert (last["pageInfo"]["hasPreviousPage"], last["pageInfo"]["hasNextPage"]) == (True, False)
