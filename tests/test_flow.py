"""flowReport: per township and year, people who went township → village (services started by
township and county staff) against village → township (trainings started by village cadres at
the township's departments), and the ratio; one query.

TRAINED_AT is created with a test-only query (tests/cypher/flow/trained_at) until the
startTraining mutation is there."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.db import Graph, Tx
from tests import queries
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error

FLOW = """
query Flow($year: Int!, $township: ID) {
  flowReport(year: $year, townshipId: $township) {
    township { id }
    year
    townshipToVillage { people services }
    villageToTownship { people trainings }
    ratio
  }
}
"""


async def train(graph: Graph, doc: Doc, person: str, department: str, since: str) -> None:
    async def work(tx: Tx) -> None:
        rows = await queries.run(
            tx,
            "flow/trained_at",
            {
                "personId": doc.id(person),
                "departmentId": doc.id(department),
                "since": dt.date.fromisoformat(since),
                "until": None,
            },
        )
        assert rows == [{"created": 1}]

    await graph.transaction(work)


async def two_townships(graph: Graph, uid: str) -> Doc:
    """County C with township T (villages V1, V2), township T2 (village W) and township T3 with
    nobody moving; services and trainings on both sides of each year boundary."""
    doc = Doc(uid)
    doc.county("C")
    for key in ("T", "T2", "T3"):
        doc.township(key, "C")
    doc.village("V1", "T")
    doc.village("V2", "T")
    doc.village("W", "T2")
    doc.department("TO", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("TI", kind="TOWNSHIP_INSTITUTION", township="T")
    doc.department("CD", kind="COUNTY_DEPARTMENT", county="C")
    doc.department("T2O", kind="TOWNSHIP_OFFICE", township="T2")
    doc.department("VC1", kind="VILLAGE_COMMITTEE", village="V1")
    doc.department("VC2", kind="VILLAGE_COMMITTEE", village="V2")
    doc.department("WC", kind="VILLAGE_COMMITTEE", village="W")
    # township → village, 2024: A twice, B on the last day, E from another township's office
    doc.person("A", department="TO")
    doc.service("A", "V1", "STATIONED", "2024-03-01")
    doc.service("A", "V2", "LIAISON", "2024-06-01")
    doc.person("B", department="CD")
    doc.service("B", "V1", "TECHNICAL_SUPPORT", "2024-12-31")
    doc.person("E", department="T2O")
    doc.service("E", "V1", "LIAISON", "2024-02-01")
    doc.service("E", "W", "LIAISON", "2024-02-01")  # T2's own village
    # not counted: other years, and a village cadre serving another village
    doc.person("C", department="TI")
    doc.service("C", "V2", "LIAISON", "2023-12-31")
    doc.service("C", "V1", "LIAISON", "2025-01-01")
    doc.person("D", department="VC1")
    doc.service("D", "V2", "LIAISON", "2024-05-01")
    # village → township
    doc.person("F", department="VC1")
    doc.person("G", department="VC2")
    doc.person("H", department="WC")
    doc.person("I", department="TO")
    doc.person("J", department="VC1")
    await doc.load(graph)
    await train(graph, doc, "F", "TO", "2024-04-01")  # counted
    await train(graph, doc, "F", "TI", "2024-09-01")  # counted: same person, second training
    await train(graph, doc, "G", "TI", "2023-11-01")  # another year
    await train(graph, doc, "H", "TO", "2024-05-01")  # a cadre of T2's village
    await train(graph, doc, "I", "TI", "2024-05-01")  # township staff, not a village cadre
    await train(graph, doc, "J", "CD", "2024-05-01")  # a county department, not T's
    return doc


def by_township(rows: list[dict[str, Any]], doc: Doc) -> dict[str, dict[str, Any]]:
    mine = {doc.id(k) for k in ("T", "T2", "T3")}
    return {r["township"]["id"]: r for r in rows if r["township"]["id"] in mine}


async def test_both_directions_per_township_and_the_ratio(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given movements around T and T2 in and around 2024
    doc = await two_townships(graph, uid)

    # when the 2024 report covers every township
    rows = (await gql.data(FLOW, {"year": 2024}))["flowReport"]

    # then each township appears once, by id
    ids = [r["township"]["id"] for r in rows]
    assert ids == sorted(ids)
    found = by_township(rows, doc)
    assert len(found) == 3
    t, t2, t3 = found[doc.id("T")], found[doc.id("T2")], found[doc.id("T3")]
    # T: A (2 services), B, E went down; F came up twice
    assert t["year"] == 2024
    assert t["townshipToVillage"] == {"people": 3, "services": 4}
    assert t["villageToTownship"] == {"people": 1, "trainings": 2}
    assert t["ratio"] == pytest.approx(0.3333)
    # T2: E went to W, nobody came up
    assert t2["townshipToVillage"] == {"people": 1, "services": 1}
    assert t2["villageToTownship"] == {"people": 0, "trainings": 0}
    assert t2["ratio"] == 0.0
    # T3: nothing either way, so no ratio
    assert t3["townshipToVillage"] == {"people": 0, "services": 0}
    assert t3["ratio"] is None


async def test_other_years_count_their_own_movements(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the same movements
    doc = await two_townships(graph, uid)

    # when 2023 and 2025 are asked for, for T only
    in_2023 = (await gql.data(FLOW, {"year": 2023, "township": doc.id("T")}))["flowReport"]
    in_2025 = (await gql.data(FLOW, {"year": 2025, "township": doc.id("T")}))["flowReport"]

    # then only T, with C's service and G's training in 2023, C's service in 2025
    assert [r["township"]["id"] for r in in_2023] == [doc.id("T")]
    assert in_2023[0]["townshipToVillage"] == {"people": 1, "services": 1}
    assert in_2023[0]["villageToTownship"] == {"people": 1, "trainings": 1}
    assert in_2023[0]["ratio"] == 1.0
    assert in_2025[0]["townshipToVillage"] == {"people": 1, "services": 1}
    assert in_2025[0]["villageToTownship"] == {"people": 0, "trainings": 0}


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"year": 1800}, ("BAD_USER_INPUT", "year: must be a year from 1949 to 2100, got 1800")),
        ({"year": 2024, "township": "nowhere"}, ("NOT_FOUND", "townshipId: no township with id")),
    ],
)
async def test_bad_arguments_are_named(
    gql: GraphQLClient, uid: str, variables: dict[str, Any], expected: tuple[str, str]
) -> None:
    # given a bad year or an unknown township
    if "township" in variables:
        variables = {**variables, "township": f"{uid}{variables['township']}"}

    # when the report is asked for
    body = await gql.post(FLOW, variables)

    # then the error names the argument
    code, message = only_error(body)
    assert code == expected[0]
    assert message.startswith(expected[1]), message


NESTED = """
query Flow($year: Int!, $township: ID) {
  flowReport(year: $year, townshipId: $township) {
    township { id name county { name } }
    townshipToVillage { people }
    villageToTownship { people }
    ratio
  }
}
"""


async def test_one_query_for_every_township(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given townships of our own (and whatever else the shared database holds)
    doc = await two_townships(graph, uid)

    # when the report of every township is asked for, and one township's with its county
    rows = (await gql.data(FLOW, {"year": 2024}))["flowReport"]
    every_township = gql.round_trips
    one = (await gql.data(NESTED, {"year": 2024, "township": doc.id("T")}))["flowReport"]

    # then one query for the whole report, whatever the number of townships; one more for the
    # counties (the shared database may hold more townships than one DataLoader batch takes, so
    # the nested case is measured on one township)
    assert len(by_township(rows, doc)) == 3
    assert every_township == 1
    assert one[0]["township"]["county"]["name"] == "测试县"
    assert gql.round_trips == 2
