"""Rotation (轮岗交流): a person's history of units survives a move (WORKS_IN since, WORKED_IN
since/until; `Person.employment`), and the rotation list ranks the longest holdings against the
term (rotationList), by hand."""

from __future__ import annotations

from graph.db import Graph
from importing.document import validate
from tests.conftest import GraphQLClient, load
from tests.factories import Doc, only_error, place

EMPLOYMENT = """
query Employment($p: ID!) {
  person(id: $p) { department { id } employment { department { id } since until } }
}
"""
ROTATION = """
query Rotation($t: ID, $c: ID, $term: Int, $due: Boolean, $first: Int) {
  rotationList(townshipId: $t, countyId: $c, termYears: $term, asOf: "2026-06-01",
               dueOnly: $due, first: $first) {
    asOf termYears activeHoldings dueCount
    lines { person { id } post { id } department { id } since years due unitYears }
  }
}
"""


def units(doc: Doc) -> Doc:
    """County C: township T with offices D and E, township T2 with office F."""
    place(doc)
    doc.township("T2", "C")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("E", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("F", kind="TOWNSHIP_OFFICE", township="T2")
    return doc


async def test_a_move_keeps_the_unit_left_in_the_history(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given A of D since 2019-03-01, and a former unit F recorded until 2019-02-28
    doc = units(Doc(uid))
    doc.person("A", department="D")
    doc.sections["people"][-1]["departmentSince"] = "2019-03-01"
    doc.sections["formerEmployers"] = [
        {"person": doc.id("A"), "department": doc.id("F"), "since": "2015-07-01",
         "until": "2019-02-28"}
    ]  # fmt: skip
    await doc.load(graph)

    # when a later roster names E from 2024-09-01, and is imported twice
    moved = {"people": [{"id": doc.id("A"), "name": "人员A", "department": doc.id("E"),
                         "departmentSince": "2024-09-01"}]}  # fmt: skip
    await load(graph, moved)
    await load(graph, moved)

    # then E is the unit now, and D and F are history, newest first, D until the day before
    found = (await gql.data(EMPLOYMENT, {"p": doc.id("A")}))["person"]
    assert found["department"] == {"id": doc.id("E")}
    assert found["employment"] == [
        {"department": {"id": doc.id("E")}, "since": "2024-09-01", "until": None},
        {"department": {"id": doc.id("D")}, "since": "2019-03-01", "until": "2024-08-31"},
        {"department": {"id": doc.id("F")}, "since": "2015-07-01", "until": "2019-02-28"},
    ]


async def test_a_first_unit_without_since_has_an_unknown_start(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given B of D, no departmentSince
    doc = units(Doc(uid))
    doc.person("B", department="D")
    await doc.load(graph)

    # when the employment is asked for / then one unit, start unknown
    found = (await gql.data(EMPLOYMENT, {"p": doc.id("B")}))["person"]
    assert found["employment"] == [
        {"department": {"id": doc.id("D")}, "since": None, "until": None}
    ]


def test_departments_since_without_a_department_is_refused(uid: str) -> None:
    # given a person row with departmentSince and no department / when validated
    row = {"id": f"{uid}P", "name": "某人", "departmentSince": "2020-01-01"}
    found = validate({"people": [row]}).problems
    # then the problem names the field
    assert [str(p) for p in found] == ["people[0].departmentSince: is given without a department"]


async def rotation_ground(graph: Graph, uid: str) -> Doc:
    """On 2026-06-01: A has held P (D) since 2020-06-01 (6.0 years, due at 5), B has held Q (E)
    since 2021-06-01 (exactly 5 years: due), C has held R (D) since 2023-01-01 (3.4 years),
    G held P until 2019 (not active); H holds S of F in T2 since 2010-01-01."""
    doc = units(Doc(uid))
    for key, unit in (("A", "D"), ("B", "E"), ("C", "D"), ("G", "D"), ("H", "F")):
        doc.person(key, department=unit)
    doc.sections["people"][0]["departmentSince"] = "2018-06-01"
    doc.post("P", "D", requires={})
    doc.post("Q", "E", requires={})
    doc.post("R", "D", requires={})
    doc.post("S", "F", requires={})
    doc.holds("A", "P", "2020-06-01")
    doc.holds("B", "Q", "2021-06-01")
    doc.holds("C", "R", "2023-01-01")
    doc.holds("G", "P", "2012-01-01", "2019-12-31")
    doc.holds("H", "S", "2010-01-01")
    await doc.load(graph)
    return doc


async def test_the_rotation_list_puts_the_longest_holdings_first_against_the_term(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the holdings of township T
    doc = await rotation_ground(graph, uid)

    # when T's rotation list is asked for with the default term (5 years)
    found = (await gql.data(ROTATION, {"t": doc.id("T")}))["rotationList"]

    # then the three active holdings, longest first: A 2191 days = 6.0 years, B 1826 = 5.0
    # (the anniversary: due), C 1247 = 3.4; A's unit since 2018-06-01 = 8.0 years
    assert (found["termYears"], found["activeHoldings"], found["dueCount"]) == (5, 3, 2)
    lines = [(x["person"]["id"], x["post"]["id"], x["years"], x["due"], x["unitYears"])
             for x in found["lines"]]  # fmt: skip
    assert lines == [
        (doc.id("A"), doc.id("P"), 6.0, True, 8.0),
        (doc.id("B"), doc.id("Q"), 5.0, True, None),
        (doc.id("C"), doc.id("R"), 3.4, False, None),
    ]


async def test_a_term_and_due_only_narrow_the_list_and_a_county_holds_its_townships(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the holdings of county C (T and T2)
    doc = await rotation_ground(graph, uid)

    # when the county's list is asked for with a 6-year term, due ones only
    found = (await gql.data(ROTATION, {"c": doc.id("C"), "term": 6, "due": True}))["rotationList"]

    # then H (16.4 years) and A (6.0) are due; B at 5.0 is not
    assert (found["activeHoldings"], found["dueCount"]) == (4, 2)
    assert [(x["person"]["id"], x["years"]) for x in found["lines"]] == [
        (doc.id("H"), 16.4),
        (doc.id("A"), 6.0),
    ]


async def test_a_term_out_of_range_and_an_unknown_township_are_refused(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given no data / when the list is asked with a bad term, a missing place, or both places
    bad_term = await gql.post(ROTATION, {"t": f"{uid}T", "term": 0})
    unknown = await gql.post(ROTATION, {"t": f"{uid}-none"})
    both = await gql.post(ROTATION, {"t": f"{uid}T", "c": f"{uid}C"})
    # then each names its field
    assert only_error(bad_term) == ("BAD_USER_INPUT", "termYears: must be from 1 to 30, got 0")
    assert only_error(unknown)[0] == "NOT_FOUND"
    assert only_error(both) == (
        "BAD_USER_INPUT",
        "townshipId: give exactly one of townshipId and countyId",
    )
