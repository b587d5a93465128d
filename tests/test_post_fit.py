"""Person–post fit (postFit, personFit) and the holders below their post's required levels, on
hand-computed scores (model/postfit.py: 0.5 skills + 0.2 experience + 0.15 years + 0.15 place)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error

AS_OF = "2026-06-01"

POST_FIT = """
query PostFit($post: ID!, $first: Int = 10, $asOf: Date) {
  postFit(postId: $post, first: $first, asOf: $asOf) {
    person { id } score belowRequired reasons parts { skills experience years township }
  }
}
"""
PERSON_FIT = """
query PersonFit($person: ID!, $asOf: Date) {
  personFit(personId: $person, asOf: $asOf) { post { id } score belowRequired reasons }
}
"""
BELOW = """
query Below($t: ID, $c: ID, $asOf: Date) {
  postHoldersBelowRequirement(townshipId: $t, countyId: $c, asOf: $asOf) {
    activeHolders belowCount
    lines { post { id } person { id } since gaps { skill { id } required level } }
  }
}
"""


async def ground(graph: Graph, uid: str) -> Doc:
    """County C: township T (unit D) and T2 (unit D2); county X (unit DX). Post P of D requires
    K1 at 4 and K2 at 2; Q of D2 has P's title and requires K1 at 3; Q2 of D requires K1 at 5.
    On 2026-06-01: A (D, K1 4, K2 2, 20 years) holds P; B (D2, K1 2, K2 2, 10 years) held Q;
    C (D, K1 5, 5 years) holds Q2; F (D, K1 3, 10 years) holds P; G (D, no skill, 26 years)
    held P until 2024; Z (county X, K1 5) and E (D, no skill, no post) are no candidates. Post
    PN of D requires K3, which nobody holds."""
    doc = Doc(uid)
    doc.county("C")
    doc.county("X")
    doc.township("T", "C")
    doc.township("T2", "C")
    doc.township("XT", "X")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("D2", kind="TOWNSHIP_OFFICE", township="T2")
    doc.department("DX", kind="TOWNSHIP_OFFICE", township="XT")
    doc.skill("K1", "矛盾调解")
    doc.skill("K2", "法律法规")
    doc.person("A", department="D", joined=2006, skills={"K1": 4, "K2": 2})
    doc.person("B", department="D2", joined=2016, skills={"K1": 2, "K2": 2})
    doc.person("C", department="D", joined=2021, skills={"K1": 5})
    doc.person("F", department="D", joined=2016, skills={"K1": 3})
    doc.person("G", department="D", joined=2000)
    doc.person("E", department="D", joined=2000)
    doc.person("Z", department="DX", joined=2000, skills={"K1": 5})
    title = f"{uid}综治专干"
    doc.post("P", "D", requires={"K1": 4, "K2": 2})
    doc.sections["posts"][-1]["title"] = title
    doc.post("Q", "D2", requires={"K1": 3})
    doc.sections["posts"][-1]["title"] = title
    doc.post("Q2", "D", requires={"K1": 5})
    doc.skill("K3", "无人掌握")
    doc.post("PN", "D", requires={"K3": 1})
    doc.holds("A", "P", "2024-01-01")
    doc.holds("B", "Q", "2020-01-01", "2024-12-31")
    doc.holds("C", "Q2", "2025-01-01")
    doc.holds("F", "P", "2025-03-01")
    doc.holds("G", "P", "2020-01-01", "2024-12-31")
    await doc.load(graph)
    return doc


async def test_post_fit_ranks_people_by_the_hand_computed_score(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the ground
    doc = await ground(graph, uid)

    # when the post P is matched
    data = await gql.data(POST_FIT, {"post": doc.id("P"), "asOf": AS_OF})

    # then A 0.5+0.2+0.15+0.15, B 0.375+0.2+0.075, F 0.1875+0.2+0.075+0.15,
    # C 0.25+0.1 (Q2 shares 1 of 2 skills)+0.0375+0.15, G 0.2+0.15+0.15; no E, no Z
    found = data["postFit"]
    assert [(m["person"]["id"], m["score"]) for m in found] == [
        (doc.id("A"), pytest.approx(1.0)),
        (doc.id("B"), pytest.approx(0.65)),
        (doc.id("F"), pytest.approx(0.6125)),
        (doc.id("C"), pytest.approx(0.5375)),
        (doc.id("G"), pytest.approx(0.5)),
    ]
    assert [m["belowRequired"] for m in found] == [0, 1, 2, 1, 2]
    assert found[1]["parts"] == {"skills": 0.75, "experience": 1.0, "years": 0.5, "township": 0.0}
    b, c = found[1]["reasons"], found[3]["reasons"]
    assert "meets 1 of the 2 required skill levels" in b
    assert "矛盾调解 at level 2 (needed: 4) (below)" in b
    assert f"held a similar post: {uid}综治专干 (the same title)" in b
    assert "works outside T镇" in b
    assert "lacks 法律法规 (needed: 2)" in c
    assert "holds a similar post: 岗位Q2 (sharing 1 of the 2 required skills)" in c
    assert "5 years of public service" in c


async def test_post_fit_returns_the_first_n(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given the ground
    doc = await ground(graph, uid)

    # when only two are asked for / then the two best come back
    data = await gql.data(POST_FIT, {"post": doc.id("P"), "asOf": AS_OF, "first": 2})
    assert [m["person"]["id"] for m in data["postFit"]] == [doc.id("A"), doc.id("B")]


async def test_a_post_nobody_fits_has_no_candidates(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given post PN, whose one skill nobody holds / when matched / then nobody, and no error
    doc = await ground(graph, uid)
    data = await gql.data(POST_FIT, {"post": doc.id("PN"), "asOf": AS_OF})
    assert data["postFit"] == []


async def test_person_fit_ranks_the_posts_of_the_county(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the ground
    doc = await ground(graph, uid)

    # when A's posts are ranked
    data = await gql.data(PERSON_FIT, {"person": doc.id("A"), "asOf": AS_OF})

    # then P 1.0; Q2 0.4 + 0.2 (P requires Q2's one skill) + 0.15 + 0.15; Q 0.5 + 0.2 (same
    # title) + 0.15, in T2
    found = data["personFit"]
    assert [(m["post"]["id"], m["score"]) for m in found] == [
        (doc.id("P"), pytest.approx(1.0)),
        (doc.id("Q2"), pytest.approx(0.9)),
        (doc.id("Q"), pytest.approx(0.85)),
    ]
    assert "矛盾调解 at level 4 (needed: 5) (below)" in found[1]["reasons"]
    assert "works outside T2镇" in found[2]["reasons"]


async def county_ground(graph: Graph, uid: str) -> Doc:
    """County C: township T with village V; departments DC (the county's), D (T's office) and
    DV (V's committee). County X: township XT, department DX. Skill K1. Post P of D, PV of DV
    and PX of DX require K1 at 3. Everyone holds K1 at 3 and joined 2016: A of DC, B of DV, H of
    DX dispatched to T since 2026-01-01, L of DX dispatched to T in 2025 only, Z of DX."""
    doc = Doc(uid)
    doc.county("C")
    doc.county("X")
    doc.township("T", "C")
    doc.village("V", "T")
    doc.township("XT", "X")
    doc.department("DC", kind="COUNTY_DEPARTMENT", county="C")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("DV", kind="VILLAGE_COMMITTEE", village="V")
    doc.department("DX", kind="TOWNSHIP_OFFICE", township="XT")
    doc.skill("K1", "矛盾调解")
    for key, unit in (("A", "DC"), ("B", "DV"), ("H", "DX"), ("L", "DX"), ("Z", "DX")):
        doc.person(key, department=unit, joined=2016, skills={"K1": 3})
    doc.dispatch("H", "T", "2026-01-01")
    doc.dispatch("L", "T", "2025-01-01", "2025-12-31")
    doc.post("P", "D", requires={"K1": 3})
    doc.post("PV", "DV", requires={"K1": 3})
    doc.post("PX", "DX", requires={"K1": 3})
    await doc.load(graph)
    return doc


async def test_post_fit_takes_the_county_units_at_every_level_and_who_is_dispatched_there(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the county ground
    doc = await county_ground(graph, uid)

    # when the post P of township T is matched on 2026-06-01
    data = await gql.data(POST_FIT, {"post": doc.id("P"), "asOf": AS_OF})

    # then the county department's A, the village committee's B and H, dispatched to T that
    # day, are candidates; L (dispatched in 2025 only) and Z (county X) are not
    assert sorted(m["person"]["id"] for m in data["postFit"]) == [
        doc.id("A"), doc.id("B"), doc.id("H")
    ]  # fmt: skip


async def test_person_fit_takes_the_posts_of_the_county_units_at_every_level(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the county ground
    doc = await county_ground(graph, uid)

    # when the posts of A (county C) and of Z (county X) are ranked
    a = await gql.data(PERSON_FIT, {"person": doc.id("A"), "asOf": AS_OF})
    z = await gql.data(PERSON_FIT, {"person": doc.id("Z"), "asOf": AS_OF})

    # then A's are T's P and V's PV, not county X's PX; Z's is PX only
    assert sorted(m["post"]["id"] for m in a["personFit"]) == [doc.id("P"), doc.id("PV")]
    assert [m["post"]["id"] for m in z["personFit"]] == [doc.id("PX")]


@pytest.mark.parametrize(
    ("query", "variables", "code", "field"),
    [
        (POST_FIT, {"post": "no-such-post"}, "NOT_FOUND", "postId"),
        (POST_FIT, {"post": "P", "first": 0}, "BAD_USER_INPUT", "first"),
        (PERSON_FIT, {"person": "no-such-person"}, "NOT_FOUND", "personId"),
    ],
)
async def test_fit_errors_name_the_argument(
    graph: Graph, gql: GraphQLClient, uid: str, query: str, variables: dict[str, Any],
    code: str, field: str,
) -> None:  # fmt: skip
    # given the ground
    doc = await ground(graph, uid)
    if variables.get("post") == "P":
        variables = {**variables, "post": doc.id("P")}

    # when asked wrongly / then the error names the argument
    body = await gql.post(query, variables)
    got, message = only_error(body)
    assert got == code, message
    assert field in message


async def test_holders_below_their_posts_required_levels_are_reported(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the ground: in T, A, C and F hold posts on 2026-06-01 (G's holding has ended)
    doc = await ground(graph, uid)

    # when the township and the county are asked
    township = (await gql.data(BELOW, {"t": doc.id("T"), "asOf": AS_OF}))[
        "postHoldersBelowRequirement"
    ]
    county = (await gql.data(BELOW, {"c": doc.id("C"), "asOf": AS_OF}))[
        "postHoldersBelowRequirement"
    ]

    # then F alone falls short on P: K1 at 3 of 4 and K2 missing (needed at 2)
    expected = [{
        "post": {"id": doc.id("P")}, "person": {"id": doc.id("F")}, "since": "2025-03-01",
        "gaps": [{"skill": {"id": doc.id("K1")}, "required": 4, "level": 3},
                 {"skill": {"id": doc.id("K2")}, "required": 2, "level": 0}],
    }]  # fmt: skip
    assert township == {"activeHolders": 3, "belowCount": 1, "lines": expected}
    assert county == township


async def test_holders_below_needs_exactly_one_place(gql: GraphQLClient) -> None:
    # given no place / when asked / then the answer says what to give
    body = await gql.post(BELOW, {})
    code, message = only_error(body)
    assert code == "BAD_USER_INPUT"
    assert "exactly one" in message
