"""talentPool's newer arguments: narrower skills count for a broader one asked (by default), the
specialist types of seed 003 as named skill sets, and orders that break ties by distance to the
township or by workload before the id, each keyset-paged exactly."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from model.talent import SPECIALIST_TYPES
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place
from tests.task_support import ASSIGN, INITIATE, PLAN

QUERY = """
query Pool($skills: [ID!], $type: SpecialistType, $narrower: Boolean, $township: ID,
           $order: TalentOrder, $first: Int = 20, $after: String, $match: SkillMatch = ANY) {
  talentPool(skillIds: $skills, specialistType: $type, includeNarrowerSkills: $narrower,
             townshipId: $township, orderBy: $order, first: $first, after: $after,
             match: $match) {
    totalCount
    edges { cursor node { id } score matchedSkills { skill { id } level } distanceMeters workload }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def pool(gql: GraphQLClient, **arguments: Any) -> dict[str, Any]:
    connection: dict[str, Any] = (await gql.data(QUERY, arguments))["talentPool"]
    return connection


def rows(connection: dict[str, Any]) -> list[tuple[str, float, list[tuple[str, int]]]]:
    return [
        (
            e["node"]["id"],
            e["score"],
            [(m["skill"]["id"], m["level"]) for m in e["matchedSkills"]],
        )
        for e in connection["edges"]
    ]


async def walk(gql: GraphQLClient, first: int, **arguments: Any) -> list[dict[str, Any]]:
    """Every edge, page by page."""
    edges: list[dict[str, Any]] = []
    after = None
    while True:
        page = await pool(gql, first=first, after=after, **arguments)
        edges.extend(page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            return edges
        after = page["pageInfo"]["endCursor"]


async def test_a_narrower_skill_counts_for_the_broader_one_asked(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given E (电子商务) ⊃ E1 (电商运营) ⊃ E2 (直播带货), and X unrelated; A holds E2 at 3, B holds
    # E at 2, C holds E1 at 4 and E2 at 5, D holds X at 5
    doc = Doc(uid)
    doc.skill("E", "电子商务")
    doc.skill("E1", "电商运营", broader="E")
    doc.skill("E2", "直播带货", broader="E1")
    doc.skill("X", "水利")
    doc.person("A", skills={"E2": 3})
    doc.person("B", skills={"E": 2})
    doc.person("C", skills={"E1": 4, "E2": 5})
    doc.person("D", skills={"X": 5})
    await doc.load(graph)

    # when E is asked for, by default and with includeNarrowerSkills false
    broad = await pool(gql, skills=[doc.id("E")])
    exact = await pool(gql, skills=[doc.id("E")], narrower=False)

    # then by default the holders of narrower skills count, each by their best one (C: E2 at
    # 5, not E1 at 4); score = best level / 5
    assert broad["totalCount"] == 3
    assert rows(broad) == [
        (doc.id("C"), 1.0, [(doc.id("E2"), 5)]),
        (doc.id("A"), 0.6, [(doc.id("E2"), 3)]),
        (doc.id("B"), 0.4, [(doc.id("E"), 2)]),
    ]
    # and without narrower skills only the exact holder
    assert rows(exact) == [(doc.id("B"), 0.4, [(doc.id("E"), 2)])]


async def test_all_of_two_broad_skills_is_met_through_narrower_ones(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given E ⊃ E1 and X ⊃ X1; A holds E1 at 3 and X1 at 4, B holds E1 at 5 only
    doc = Doc(uid)
    doc.skill("E")
    doc.skill("E1", broader="E")
    doc.skill("X")
    doc.skill("X1", broader="X")
    doc.person("A", skills={"E1": 3, "X1": 4})
    doc.person("B", skills={"E1": 5})
    await doc.load(graph)

    # when ALL of E and X are asked for
    found = await pool(gql, skills=[doc.id("E"), doc.id("X")], match="ALL")

    # then A meets both through narrower skills: (3 + 4) / (5 × 2)
    assert rows(found) == [(doc.id("A"), 0.7, [(doc.id("X1"), 4), (doc.id("E1"), 3)])]


async def test_a_specialist_type_asks_for_its_skill_set_alone_or_with_skill_ids(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given township T where P holds the catalogue's 电子商务 at 3 and Q holds K at 4
    doc = place(Doc(uid))
    doc.sections.setdefault("skills", []).append(
        {"id": "SK-ECOM", "name": "电子商务", "category": "电子商务"}
    )
    doc.skill("K")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.person("P", department="D")
    doc.sections["people"][-1]["skills"] = [{"skill": "SK-ECOM", "level": 3}]
    doc.person("Q", department="D", skills={"K": 4})
    await doc.load(graph)
    assert SPECIALIST_TYPES["ECOMMERCE_LOGISTICS"] == ("SK-ECOM", "SK-MARKET")

    # when the township's 电商物流型 pool is asked for, alone and with K
    alone = await pool(gql, type="ECOMMERCE_LOGISTICS", township=doc.id("T"))
    both = await pool(gql, type="ECOMMERCE_LOGISTICS", skills=[doc.id("K")], township=doc.id("T"))

    # then the type stands for its two skills (score over 2 × 5), and with K for three
    assert rows(alone) == [(doc.id("P"), 0.3, [("SK-ECOM", 3)])]
    assert rows(both) == [
        (doc.id("Q"), round(4 / 15, 4), [(doc.id("K"), 4)]),
        (doc.id("P"), 0.2, [("SK-ECOM", 3)]),
    ]


def located(doc: Doc, section: str, lat: float, lon: float = 120.0) -> None:
    doc.sections[section][-1]["location"] = {"lat": lat, "lon": lon}


async def test_nearest_breaks_ties_by_distance_to_the_township_and_pages_exactly(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given township T at (29.00, 120.00), its villages V1 (0.01° north, about 1.1 km) and V2
    # (0.05° north, about 5.6 km) and V3 (no location); people holding K at 3 in V2 (A), V1
    # (B), V3 (C) and T itself (D), and E of another township dispatched to T; F holds K at 4
    # in V2 (more level: first whatever the distance)
    doc = Doc(uid)
    doc.county("C")
    doc.township("T", "C")
    located(doc, "townships", 29.0)
    doc.township("T2", "C")
    for key, lat in (("V1", 29.01), ("V2", 29.05), ("V3", None)):
        doc.village(key, "T")
        if lat is not None:
            located(doc, "villages", lat)
        doc.department(f"D{key}", kind="VILLAGE_COMMITTEE", village=key)
    doc.department("DT", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("DT2", kind="TOWNSHIP_OFFICE", township="T2")
    doc.skill("K")
    doc.person("A", department="DV2", skills={"K": 3})
    doc.person("B", department="DV1", skills={"K": 3})
    doc.person("C", department="DV3", skills={"K": 3})
    doc.person("D", department="DT", skills={"K": 3})
    doc.person("E", department="DT2", skills={"K": 3})
    doc.person("F", department="DV2", skills={"K": 4})
    doc.dispatch("E", "T", "2020-01-01")
    await doc.load(graph)
    asked = {"skills": [doc.id("K")], "township": doc.id("T"), "order": "NEAREST"}

    # when the pool is ordered NEAREST, whole and two by two
    whole = await pool(gql, **asked)
    paged = await walk(gql, 2, **asked)

    # then the tie at level 3 goes by distance (dispatched to T and working in T: 0, by id),
    # unknown distance last; level 4 stays first
    order = [e["node"]["id"] for e in whole["edges"]]
    assert order == [doc.id(k) for k in ("F", "D", "E", "B", "A", "C")]
    meters = {e["node"]["id"]: e["distanceMeters"] for e in whole["edges"]}
    assert meters[doc.id("D")] == 0
    assert meters[doc.id("E")] == 0
    assert 1100 < meters[doc.id("B")] < 1125
    assert 5500 < meters[doc.id("A")] < 5600
    assert meters[doc.id("A")] == meters[doc.id("F")]
    assert meters[doc.id("C")] is None
    assert all(e["workload"] is None for e in whole["edges"])
    # and the pages visit the same people in the same order, each once
    assert [e["node"]["id"] for e in paged] == order


async def test_least_busy_breaks_ties_by_open_tasks_and_active_services(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given K holders at level 3 in township T: A serves two villages now, B leads an open
    # task, C's only service has ended, D leads nothing and serves nowhere
    doc = place(Doc(uid))
    doc.village("V2", "T")
    doc.skill("K")
    doc.department("D0", kind="TOWNSHIP_OFFICE", township="T")
    for key in ("A", "B", "C", "D"):
        doc.person(key, department="D0", skills={"K": 3})
    doc.service("A", "V", "LIAISON", "2020-01-01")
    doc.service("A", "V2", "TECHNICAL_SUPPORT", "2020-01-01")
    doc.service("C", "V", "LIAISON", "2020-01-01", "2021-01-01")
    await doc.load(graph)
    task = await gql.data(
        INITIATE,
        {"id": doc.id("TK"), "v": doc.id("V"), "req": [{"skillId": doc.id("K"), "level": 3}]},
    )
    task_id = task["initiateTask"]["task"]["id"]
    await gql.data(PLAN, {"id": task_id})
    await gql.data(ASSIGN, {"id": task_id, "a": [{"personId": doc.id("B"), "role": "LEAD"}]})
    asked = {"skills": [doc.id("K")], "township": doc.id("T"), "order": "LEAST_BUSY"}

    # when the pool is ordered LEAST_BUSY, whole and one by one, and by the default order
    whole = await pool(gql, **asked)
    paged = await walk(gql, 1, **asked)
    default = await pool(gql, skills=[doc.id("K")], township=doc.id("T"))

    # then fewest open tasks plus services first, ties by id
    assert [(e["node"]["id"], e["workload"]) for e in whole["edges"]] == [
        (doc.id("C"), 0),
        (doc.id("D"), 0),
        (doc.id("B"), 1),
        (doc.id("A"), 2),
    ]
    assert [e["node"]["id"] for e in paged] == [e["node"]["id"] for e in whole["edges"]]
    # and the default order is still by id within the tie
    assert [e["node"]["id"] for e in default["edges"]] == [doc.id(k) for k in "ABCD"]
    assert all(e["workload"] is None for e in default["edges"])


async def test_nearest_needs_a_township_and_a_cursor_keeps_to_its_order(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given two K holders in township T
    doc = place(Doc(uid))
    doc.skill("K")
    doc.department("D0", kind="TOWNSHIP_OFFICE", township="T")
    doc.person("A", department="D0", skills={"K": 3})
    doc.person("B", department="D0", skills={"K": 3})
    await doc.load(graph)
    first = await pool(gql, skills=[doc.id("K")], township=doc.id("T"), first=1)

    # when NEAREST is asked without a township, and a MATCH cursor is given to LEAST_BUSY
    no_township = only_error(await gql.post(QUERY, {"skills": [doc.id("K")], "order": "NEAREST"}))
    busy = {"skills": [doc.id("K")], "township": doc.id("T"), "order": "LEAST_BUSY"}
    other_order = only_error(
        await gql.post(QUERY, {**busy, "after": first["pageInfo"]["endCursor"]})
    )

    # then both are refused, naming the argument
    assert no_township[0] == "BAD_USER_INPUT"
    assert no_township[1].startswith("orderBy: NEAREST orders by distance to a township")
    assert other_order == (
        "BAD_USER_INPUT",
        "after: a cursor of another list (talent), not of talent-busy",
    )
