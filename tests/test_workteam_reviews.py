"""Village work teams' records: a person's rank (import and setPersonRank), the level of a
sending unit (Department.level), and the half-year reviews of work-team terms
(recordWorkTeamReview, Person.workTeamReviews)."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from graph.importing import import_document
from importing import validate
from model.access import Role
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place

REVIEW = """
mutation($p: ID!, $v: ID!, $since: Date!, $period: String!, $org: Float!, $comment: String) {
  recordWorkTeamReview(personId: $p, villageId: $v, termSince: $since, period: $period,
                       organisationDept: $org, townshipCommittee: 80, villagersReps: 90,
                       thirdParty: 70, comment: $comment) {
    person { id }
    review { period role termSince village { id } organisationDept townshipCommittee
             villagersReps thirdParty overall comment createdBy }
  }
}
"""
REVIEWS = """
query($p: ID!) { person(id: $p) { workTeamReviews { period termSince overall village { id } } } }
"""


async def ground(graph: Graph, uid: str) -> Doc:
    """C / T / V; F1 of the province (no county) first secretary of V since 2025-03-01; F2 of
    county department CD ranked SECTION, whose work-team term at V ended on 2024-12-31."""
    doc = place(Doc(uid))
    doc.department("PROV", kind="COUNTY_DEPARTMENT", name="省委组织部")
    doc.sections["departments"][-1]["level"] = "PROVINCE"
    doc.department("CD", kind="COUNTY_DEPARTMENT", county="C")
    doc.person("F1", department="PROV", birth=1994)
    doc.person("F2", department="CD", birth=1990)
    doc.sections["people"][-1]["rank"] = "SECTION"
    doc.service("F1", "V", "FIRST_SECRETARY", "2025-03-01")
    doc.service("F2", "V", "WORK_TEAM", "2023-01-01", "2024-12-31")
    await doc.load(graph)
    return doc


def _review(doc: Doc, **over: Any) -> dict[str, Any]:
    return {"p": doc.id("F1"), "v": doc.id("V"), "since": "2025-03-01", "period": "2025H2",
            "org": 95, **over}  # fmt: skip


async def test_a_review_records_four_scores_and_their_mean(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given F1's ongoing term at V
    doc = await ground(graph, uid)

    # when the county records the 2025H2 review
    data = await gql.data(REVIEW, _review(doc, comment=" 对接项目资金到位 "))

    # then the four parties' scores, their mean and the term are recorded
    review = data["recordWorkTeamReview"]["review"]
    assert review == {
        "period": "2025H2", "role": "FIRST_SECRETARY", "termSince": "2025-03-01",
        "village": {"id": doc.id("V")}, "organisationDept": 95.0, "townshipCommittee": 80.0,
        "villagersReps": 90.0, "thirdParty": 70.0, "overall": 83.8,
        "comment": "对接项目资金到位", "createdBy": "test-admin",
    }  # fmt: skip
    # and the person lists it, after an earlier one, newest period first
    await gql.data(REVIEW, _review(doc, period="2025H1", org=60))
    reviews = (await gql.data(REVIEWS, {"p": doc.id("F1")}))["person"]["workTeamReviews"]
    assert [(r["period"], r["overall"]) for r in reviews] == [("2025H2", 83.8), ("2025H1", 75.0)]


async def test_a_review_needs_a_term_a_half_year_within_it_and_is_recorded_once(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given F1's term since 2025-03-01 and F2's ended term, and one review of F1 for 2025H2
    doc = await ground(graph, uid)
    await gql.data(REVIEW, _review(doc))
    refused = {
        "no term from that day": (_review(doc, since="2025-03-02"), "termSince"),
        "before the term": (_review(doc, period="2024H2"), "2024H2 lies outside"),
        "after an ended term": (
            _review(doc, p=doc.id("F2"), since="2023-01-01", period="2025H1"),
            "2025H1 lies outside",
        ),
        "twice": (_review(doc), "already has a review for 2025H2"),
        "not a half year": (_review(doc, period="2025Q3"), "a half year like 2026H1"),
        "score above 100": (_review(doc, org=101), "organisationDept: must be a score"),
    }
    for case, (variables, expected) in refused.items():
        # when recorded / then refused as bad input, saying why
        code, message = only_error(await gql.post(REVIEW, variables))
        assert code == "BAD_USER_INPUT", case
        assert expected in message, (case, message)
    # and only the first review exists
    reviews = (await gql.data(REVIEWS, {"p": doc.id("F1")}))["person"]["workTeamReviews"]
    assert len(reviews) == 1
    # and an unknown person is NOT_FOUND
    code, _ = only_error(await gql.post(REVIEW, _review(doc, p=doc.id("nobody"))))
    assert code == "NOT_FOUND"


async def test_the_township_reviews_a_provincial_cadre_serving_its_village(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given F1, sent by the province, serving V of township T
    doc = await ground(graph, uid)

    # when T's clerk records the review / then it is let through
    clerk = gql.as_(Role.TOWNSHIP, unit=doc.id("T"))
    data = await clerk.data(REVIEW, _review(doc))
    assert data["recordWorkTeamReview"]["review"]["createdBy"] == "test-user"


async def test_rank_from_the_import_and_set_by_mutation(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given F2 imported as SECTION
    doc = await ground(graph, uid)
    query = "query($p: ID!) { person(id: $p) { rank } }"
    assert (await gql.data(query, {"p": doc.id("F2")}))["person"]["rank"] == "SECTION"

    # when promoted to DEPUTY_DIVISION
    data = await gql.data(
        "mutation($p: ID!) { setPersonRank(personId: $p, rank: DEPUTY_DIVISION) "
        "{ person { rank } previousRank actor } }",
        {"p": doc.id("F2")},
    )

    # then the new rank and the one before
    assert data["setPersonRank"] == {
        "person": {"rank": "DEPUTY_DIVISION"}, "previousRank": "SECTION", "actor": "test-admin"
    }  # fmt: skip
    # and an unknown person is NOT_FOUND
    body = await gql.post(
        "mutation($p: ID!) { setPersonRank(personId: $p, rank: SECTION) { previousRank } }",
        {"p": doc.id("nobody")},
    )
    assert only_error(body)[0] == "NOT_FOUND"


async def test_department_levels(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a provincial department (no county), a county department and a township office
    doc = await ground(graph, uid)
    extra = Doc(uid)
    extra.department("TO", kind="TOWNSHIP_OFFICE", township="T")
    extra.department("VC", kind="VILLAGE_COMMITTEE", village="V")
    await extra.load(graph)

    # when their levels and units are asked
    query = "query($d: ID!) { department(id: $d) { level unit { __typename } } }"
    found = {k: (await gql.data(query, {"d": doc.id(k)}))["department"]
             for k in ("PROV", "CD", "TO", "VC")}  # fmt: skip

    # then PROVINCE with no unit, COUNTY, TOWNSHIP, and none for a village committee
    assert found == {
        "PROV": {"level": "PROVINCE", "unit": None},
        "CD": {"level": "COUNTY", "unit": {"__typename": "County"}},
        "TO": {"level": "TOWNSHIP", "unit": {"__typename": "Township"}},
        "VC": {"level": None, "unit": {"__typename": "Village"}},
    }


async def test_reviews_import_once_and_need_a_term(graph: Graph, uid: str) -> None:
    # given F1's term at V, and a document with its 2025H2 review
    doc = await ground(graph, uid)
    row = {"person": doc.id("F1"), "village": doc.id("V"), "termSince": "2025-03-01",
           "period": "2025H2", "organisationDept": 90, "townshipCommittee": 80,
           "villagersReps": 70, "thirdParty": 60}  # fmt: skip

    # when imported twice
    first = await import_document(graph, {"workTeamReviews": [row]})
    again = await import_document(graph, {"workTeamReviews": [row]})

    # then one review node, and the second import changed nothing
    assert first.ok
    assert (first.nodes_created, again.nodes_created, again.properties_set) == (1, 0, 0)

    # and a review of a term that does not exist is reported where it is, nothing written
    wrong = await import_document(graph, {"workTeamReviews": [{**row, "termSince": "2025-03-02"}]})
    assert [str(p) for p in wrong.problems] == [
        f"workTeamReviews[0].termSince: no first-secretary or work-team term of person "
        f"'{doc.id('F1')}' in village '{doc.id('V')}' starting 2025-03-02"
    ]


def test_department_levels_and_parents_must_agree() -> None:
    # given departments whose level and parent place disagree / when validated
    rows = [
        {"id": "D1", "name": "省厅", "kind": "COUNTY_DEPARTMENT", "level": "PROVINCE",
         "county": "C"},
        {"id": "D2", "name": "县局", "kind": "COUNTY_DEPARTMENT", "level": "COUNTY",
         "township": "T"},
        {"id": "D3", "name": "市局", "kind": "COUNTY_DEPARTMENT", "level": "CITY"},
    ]  # fmt: skip
    problems = [str(p) for p in validate({"departments": rows}).problems]

    # then the provincial one may have no parent, a county one no township; the city one is fine
    assert problems == [
        "departments[0]: a PROVINCE department belongs to no county; got county",
        "departments[1].level: a COUNTY department cannot be in a township",
    ]
