"""Round trips to Neo4j per request, as test_round_trips.py: deep and wide nesting, the same
relationship twice, trees of townships, the work-team, post and selection workflows, search,
aggregates and node."""

from __future__ import annotations

import datetime as dt

from graph.db import Graph
from model.access import Role
from resolvers import selection
from resolvers.context import Context
from tests.conftest import GraphQLClient
from tests.factories import Doc
from tests.round_trip_support import SIZES, crowd, crowds, trips

DEEP = [
    "services { since }",
    "services { village { name } }",
    "services { village { township { name } } }",
    "services { village { township { county { name } } } }",
    "services { village { township { county { townships { id } } } } }",
]


async def test_deep_nesting_grows_with_depth_not_with_breadth(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 people, each serving a village of their own township and a shared one
    docs = await crowds(graph, uid)

    # when selecting ever deeper into each person's services
    counts = {
        size: [
            await trips(
                gql,
                f"query($k: [ID!]) {{ people(filter: {{skillIds: $k}}, first: 100) "
                f"{{ edges {{ node {{ id {selection} }} }} }} }}",
                {"k": [d.id("K1")]},
                "people",
                size,
            )
            for selection in DEEP
        ]
        for d, size in zip(docs, SIZES, strict=True)
    }

    # then one more round trip per relationship level, the same for 3 and 30 people
    assert counts == {3: [2, 2, 3, 4, 5], 30: [2, 2, 3, 4, 5]}


async def test_the_same_relationship_at_two_places_of_one_level_is_batched_once(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 people
    docs = await crowds(graph, uid)
    query = """
    query($k: [ID!]) {
      people(filter: {skillIds: $k}, first: 100) {
        edges { node { a: department { name } b: department { id } skills { level } } }
      }
    }
    """

    # when the same field is asked twice under different aliases
    counts = [
        await trips(gql, query, {"k": [d.id("K1")]}, "people", size)
        for d, size in zip(docs, SIZES, strict=True)
    ]

    # then the loader batches both into one query
    assert counts == [3, 3]


async def test_a_list_of_townships_with_their_tree_takes_one_round_trip_per_level(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 townships (each with a department, a person with skills, a village)
    docs = await crowds(graph, uid)
    tree = "id villages { id } departments { id staff { id name skills { level skill { name } } } }"

    # when each county's townships are listed with their tree, from the root list and from
    # the county (each township's subtree is filled apart: its loads must still be batched)
    from_root = f"query($c: ID!) {{ townships(countyId: $c) {{ {tree} }} }}"
    from_county = (
        f"query($c: ID!) {{ c: county(id: $c) {{ townships {{ {tree} }} }} "
        f"townships(countyId: $c) {{ id }} }}"
    )
    counts = [
        [
            await trips(gql, query, {"c": d.id("C")}, "townships", size + 1)
            for query in (from_root, from_county)
        ]
        for d, size in zip(docs, SIZES, strict=True)
    ]

    # then townships, villages, departments, staff and skills: one round trip each (beside the
    # county: its lookup, its townships, and the root list of ids), the same for 3 and 30
    assert counts == [[5, 7], [5, 7]]


COMPOSITION = """
query($c: ID!, $nested: Boolean!) {
  workTeamComposition(countyId: $c) {
    cadres {
      role village { id name } sendingLevel
      person { id rank workTeamReviews @include(if: $nested) { period } }
    }
    targets { key value people { id } }
    villagesWithoutLiaison { id }
  }
}
"""


async def test_work_team_composition_is_one_query_and_one_more_per_relationship_field(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two counties of 3 and of 30 work-team members in their villages
    found: set[tuple[int, int]] = set()
    for size in SIZES:
        doc = Doc(f"{uid}n{size}-")
        doc.county("C")
        doc.township("T", "C")
        doc.department("CD", kind="COUNTY_DEPARTMENT", county="C")
        for i in range(size):
            doc.village(f"V{i}", "T")
            doc.person(f"P{i:02d}", department="CD", birth=1990)
            doc.service(f"P{i:02d}", f"V{i}", "WORK_TEAM", "2024-01-01")
        await doc.load(graph)
        # when the composition is asked, with and without each cadre's reviews
        flat = await gql.data(COMPOSITION, {"c": doc.id("C"), "nested": False})
        assert len(flat["workTeamComposition"]["cadres"]) == size
        one = gql.round_trips
        await gql.data(COMPOSITION, {"c": doc.id("C"), "nested": True})
        found.add((one, gql.round_trips))
    # then one query, and one batched query more for the reviews, whatever the size
    assert found == {(1, 2)}


POST_FIT = """
query($w: ID!) {
  postFit(postId: $w, first: 50, asOf: "2024-06-01") {
    person { id name department { name } } score reasons parts { skills }
  }
}
"""


SELECTION = """
query($s: ID!, $nested: Boolean!) {
  postSelection(id: $s) {
    status posts { post { id } ranking { id } }
    applications { person { id skills @include(if: $nested) { level } } posts { id } }
    proposal { post { id } person { id } }
    events { step }
  }
}
"""


async def test_post_fit_takes_one_round_trip_and_one_per_relationship_field(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 people holding K1, and a post W of the office TO requiring K1
    docs = [crowd(f"{uid}n{size}-", size) for size in SIZES]
    for doc in docs:
        doc.post("W", "TO", requires={"K1": 3})
        await doc.load(graph)

    # when the post's candidates and their departments are selected
    counts = [
        await trips(gql, POST_FIT, {"w": d.id("W")}, "postFit", size)
        for d, size in zip(docs, SIZES, strict=True)
    ]

    # then the fit and one batched query of the departments
    assert counts == [2, 2]


async def test_a_post_selection_is_one_query_whatever_the_number_of_applicants(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two selections of 3 and of 30 applicants, each applying for both posts
    found: set[tuple[int, int]] = set()
    ctx = Context(graph)
    for size in SIZES:
        doc = crowd(f"{uid}n{size}-", size)
        doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
        doc.post("X", "D", requires={"K1": 3})
        doc.post("Y", "D", requires={"K2": 2})
        await doc.load(graph)
        s = await selection.announce(
            ctx, selection_id=doc.id("S"), title="选岗", township_id=doc.id("T"),
            deadline=dt.date(2099, 12, 31),
            offers=[selection.Offer(doc.id("X"), 2), selection.Offer(doc.id("Y"), 2)],
        )  # fmt: skip
        for i in range(size):
            await selection.apply_for_posts(ctx, s, doc.id(f"P{i:02d}"), [doc.id("X"), doc.id("Y")])
        # when the selection is asked, with and without each applicant's skills
        flat = await gql.data(SELECTION, {"s": s, "nested": False})
        assert len(flat["postSelection"]["applications"]) == size
        one = gql.round_trips
        await gql.data(SELECTION, {"s": s, "nested": True})
        found.add((one, gql.round_trips))
    # then one query, and one batched query more for the skills, whatever the size
    assert found == {(1, 2)}


SEARCH_NESTED = """
query($q: String!) {
  search(text: $q, kinds: [PERSON], first: 100) {
    match node { ... on Person { id name department { name } } }
  }
}
"""


async def test_search_takes_one_round_trip_plus_one_per_relationship_field(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 people named 人员… (and the mentee), each crowd a county of its own
    docs = await crowds(graph, uid)

    # when a clerk of each county types renyuan and selects each person's department
    counts = [
        await trips(
            gql.as_(Role.COUNTY, unit=d.id("C")), SEARCH_NESTED, {"q": "renyuan"}, "search",
            size + 1,
        )
        for d, size in zip(docs, SIZES, strict=True)
    ]  # fmt: skip

    # then one query for the clerk's unit, one for the search, one for all departments
    assert counts == [3, 3]


AGGREGATE = """
query($c: ID!) {
  peopleAggregate(countyId: $c) {
    count byTownship { key count } bySkill { key count levels { level count } }
  }
}
"""

NODE = """
query($id: ID!) { node(id: $id) { id ... on Person { name department { name } } } }
"""


async def test_aggregates_and_node_take_the_same_trips_whatever_the_size(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given crowds of each size
    docs = await crowds(graph, uid)
    found: set[tuple[int, int]] = set()
    for doc, size in zip(docs, SIZES, strict=True):
        # when the county's staff are counted, and a person is asked for as a node
        data = await gql.data(AGGREGATE, {"c": doc.id("C")})
        assert data["peopleAggregate"]["count"] == size + 1
        counted = gql.round_trips
        await gql.data(NODE, {"id": doc.id("P00")})
        found.add((counted, gql.round_trips))
    # then one query for the counts; for the node: its kind, the person, their department
    assert found == {(1, 3)}
