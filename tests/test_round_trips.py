"""Round trips to Neo4j per request: they follow the shape of the query (one per relationship
field, batched over every parent), never the number of results."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.db import Graph
from model.access import Role
from resolvers import selection
from resolvers.context import Context
from tests.conftest import GraphQLClient, load
from tests.factories import Doc

SIZES = (3, 30)


def crowd(uid: str, size: int) -> Doc:
    """`size` people holding K1 (and K2), each in the office of their own township Ti and
    serving Ti's village Vi and the shared village V as liaison; a mentee E without K1."""
    doc = Doc(uid)
    doc.county("C")
    doc.township("T", "C")
    doc.village("V", "T")
    doc.skill("K1", "农业技术")
    doc.skill("K2", "水利")
    doc.department("TO", kind="TOWNSHIP_OFFICE", township="T")
    doc.person("E", department="TO", joined=2023)
    for i in range(size):
        doc.township(f"T{i}", "C")
        doc.village(f"V{i}", f"T{i}")
        doc.department(f"D{i}", kind="TOWNSHIP_OFFICE", township=f"T{i}")
        doc.person(
            f"P{i:02d}", department=f"D{i}", joined=2000, skills={"K1": 3 + i % 3, "K2": 1 + i % 5}
        )
        doc.service(f"P{i:02d}", f"V{i}", "LIAISON", "2020-01-01")
        doc.service(f"P{i:02d}", "V", "TECHNICAL_SUPPORT", "2021-01-01")
    return doc


async def crowds(graph: Graph, uid: str) -> list[Doc]:
    """One crowd per size in SIZES, each under its own id prefix."""
    docs = [crowd(f"{uid}n{size}-", size) for size in SIZES]
    for doc in docs:
        await doc.load(graph)
    return docs


async def trips(
    gql: GraphQLClient, query: str, variables: dict[str, Any], results: str, expected: int
) -> int:
    """Runs the query, checks it returned `expected` results under the top-level field
    `results` (edges for connections), and gives the round trips it took."""
    data = await gql.data(query, variables)
    top = data[results]
    items = top["edges"] if isinstance(top, dict) else top
    assert len(items) == expected
    return gql.round_trips


TALENT_FLAT = """
query($k: [ID!]!) {
  talentPool(skillIds: $k, first: 100) {
    totalCount
    edges { cursor score node { id name joinedYear } matchedSkills { skill { id name } level } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

TALENT_NESTED = """
query($k: [ID!]!) {
  talentPool(skillIds: $k, first: 100) {
    edges {
      node { id department { name } skills { skill { name } level } }
    }
  }
}
"""


async def test_talent_pool_takes_one_round_trip_whatever_the_number_of_people(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 matching people
    docs = await crowds(graph, uid)

    # when selecting only the people's own fields
    counts = [
        await trips(gql, TALENT_FLAT, {"k": [d.id("K1")]}, "talentPool", size)
        for d, size in zip(docs, SIZES, strict=True)
    ]

    # then
    assert counts == [1, 1]


async def test_talent_pool_adds_one_batched_round_trip_per_relationship_field(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 matching people
    docs = await crowds(graph, uid)

    # when selecting each person's department and skills
    counts = [
        await trips(gql, TALENT_NESTED, {"k": [d.id("K1")]}, "talentPool", size)
        for d, size in zip(docs, SIZES, strict=True)
    ]

    # then one query for the pool, one for all departments, one for all skills
    assert counts == [3, 3]


SERVED_FLAT = """
query($v: ID!, $k: ID!) {
  peopleWhoServed(villageId: $v, skillId: $k) {
    person { id name birthYear }
    skill { id name }
    level
    services { role since until village { id name } }
  }
}
"""

SERVED_NESTED = """
query($v: ID!, $k: ID!) {
  peopleWhoServed(villageId: $v, skillId: $k) {
    person { id department { name } services { village { name } } }
    services { village { township { name } } }
  }
}
"""


async def test_people_who_served_takes_one_round_trip_whatever_the_number_of_people(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 people with the skill who served the village
    docs = await crowds(graph, uid)

    # when selecting the people's own fields and the services found
    counts = [
        await trips(gql, SERVED_FLAT, {"v": d.id("V"), "k": d.id("K1")}, "peopleWhoServed", size)
        for d, size in zip(docs, SIZES, strict=True)
    ]

    # then
    assert counts == [1, 1]


async def test_people_who_served_adds_one_batched_round_trip_per_relationship_field(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 people with the skill who served the village
    docs = await crowds(graph, uid)

    # when selecting the people's departments and services, and the villages' townships
    counts = [
        await trips(gql, SERVED_NESTED, {"v": d.id("V"), "k": d.id("K1")}, "peopleWhoServed", size)
        for d, size in zip(docs, SIZES, strict=True)
    ]

    # then 1 + department + person services + village township
    assert counts == [4, 4]


MENTORS_FLAT = """
query($e: ID!, $k: [ID!]) {
  mentorCandidates(menteeId: $e, skillIds: $k, limit: 50, asOf: "2024-06-01") {
    mentor { id name joinedYear }
    score
    reasons
    coveredSkills { id name }
    activeMentees
  }
}
"""

MENTORS_NESTED = """
query($e: ID!, $k: [ID!]) {
  mentorCandidates(menteeId: $e, skillIds: $k, limit: 50, asOf: "2024-06-01") {
    mentor { id department { name } skills { level } mentees { since } }
    coveredSkills { broader { id } }
  }
}
"""


async def test_mentor_candidates_take_one_round_trip_whatever_the_number_of_mentors(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 eligible mentors
    docs = await crowds(graph, uid)

    # when selecting the mentors' own fields
    counts = [
        await trips(
            gql, MENTORS_FLAT, {"e": d.id("E"), "k": [d.id("K1")]}, "mentorCandidates", size
        )
        for d, size in zip(docs, SIZES, strict=True)
    ]

    # then
    assert counts == [1, 1]


async def test_mentor_candidates_add_one_batched_round_trip_per_relationship_field(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 eligible mentors
    docs = await crowds(graph, uid)

    # when selecting the mentors' departments, skills and mentees, and the skills' broader
    counts = [
        await trips(
            gql, MENTORS_NESTED, {"e": d.id("E"), "k": [d.id("K1")]}, "mentorCandidates", size
        )
        for d, size in zip(docs, SIZES, strict=True)
    ]

    # then
    assert counts == [5, 5]


PEOPLE_FLAT = """
query($k: [ID!]) {
  people(filter: {skillIds: $k}, first: 100) {
    totalCount
    edges { cursor node { id name gender joinedYear } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def test_people_takes_one_round_trip_whatever_the_number_of_people(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 people with the skill (and the mentee, without)
    docs = await crowds(graph, uid)

    # when
    counts = [
        await trips(gql, PEOPLE_FLAT, {"k": [d.id("K1")]}, "people", size)
        for d, size in zip(docs, SIZES, strict=True)
    ]

    # then
    assert counts == [1, 1]


PEOPLE_BACKWARDS = """
query($k: [ID!]) {
  people(filter: {skillIds: $k}, orderBy: NAME, last: 100) {
    edges { cursor node { id name } }
    pageInfo { hasPreviousPage startCursor }
  }
}
"""


async def test_people_ordered_and_paged_backwards_take_one_round_trip(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 people with the skill
    docs = await crowds(graph, uid)

    # when ordered by name and paged backwards, without totalCount
    counts = [
        await trips(gql, PEOPLE_BACKWARDS, {"k": [d.id("K1")]}, "people", size)
        for d, size in zip(docs, SIZES, strict=True)
    ]

    # then one query each, whatever the number of people
    assert counts == [1, 1]


TASKS_BACKWARDS = """
query($p: ID!) {
  tasks(filter: {assigneeId: $p, from: "2026-03-01"}, orderBy: STATUS, last: 100) {
    edges { cursor node { id status assignments { person { name } role } } }
    pageInfo { hasPreviousPage startCursor }
  }
}
"""

NEEDS_BY_DATE = """
query($v: ID!) { village(id: $v) { needs(orderBy: DATE, from: "2026-03-01") { id title } } }
"""


async def test_tasks_and_needs_ordered_and_filtered_take_the_same_trips_whatever_the_size(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 3 and 30 tasks, each assigned to E, and as many needs of village V
    docs = await crowds(graph, uid)
    for doc, size in zip(docs, SIZES, strict=True):
        at = "2026-03-05T08:00:00Z"
        tasks = [
            {"id": doc.id(f"TK{i:02d}"), "title": f"任务{i}", "domain": "农业", "kind": "ROUTINE",
             "status": "INITIATED", "initiatedBy": "TOWNSHIP", "village": doc.id("V"),
             "createdAt": at, "assignments": [{"person": doc.id("E"), "role": "MEMBER",
                                               "since": "2026-03-05"}]}
            for i in range(size)
        ]  # fmt: skip
        needs = [
            {"id": doc.id(f"N{i:02d}"), "village": doc.id("V"), "title": f"需求{i}",
             "quarter": "2026Q1", "urgency": "LOW", "createdAt": at,
             "skills": [{"skill": doc.id("K1"), "level": 2}]}
            for i in range(size)
        ]  # fmt: skip
        await load(graph, {"tasks": tasks, "needs": needs})

    # when paged backwards by status with the assignee and date filters, and the needs by date
    task_counts = [
        await trips(gql, TASKS_BACKWARDS, {"p": d.id("E")}, "tasks", size)
        for d, size in zip(docs, SIZES, strict=True)
    ]
    need_counts = []
    for doc, size in zip(docs, SIZES, strict=True):
        found = await gql.data(NEEDS_BY_DATE, {"v": doc.id("V")})
        assert len(found["village"]["needs"]) == size
        need_counts.append(gql.round_trips)

    # then the page is one query and its assignments (with their people) one, whatever the
    # size; the village one and its needs one
    assert task_counts == [2, 2]
    assert need_counts == [2, 2]


# Ever deeper: person → services → village → township → county.
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
