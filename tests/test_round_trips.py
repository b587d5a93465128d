"""Round trips to Neo4j per request: they follow the shape of the query (one per relationship
field, batched over every parent), never the number of results. The headline queries and the
lists here; nesting, the workflows, search and aggregates in test_round_trips_nesting.py."""

from __future__ import annotations

from graph.db import Graph
from tests.conftest import GraphQLClient, load
from tests.round_trip_support import SIZES, crowds, trips

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
