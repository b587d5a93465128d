"""The responsibility statement (岗位权责说明书) of a post: imported, set with setPostStatement,
read with the post score; and the township post caps by township kind (postCaps)."""

from __future__ import annotations

import pytest

from graph.db import Graph
from resolvers import post as posts
from resolvers.context import Context, Rules
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error

READ = """
query Post($id: ID!) {
  post(id: $id) {
    statement { basics serviceItems integrityRisks kpis } workload difficulty score
  }
}
"""
SET = """
mutation Set($id: ID!, $s: PostStatementInput!, $w: Int, $d: Int) {
  setPostStatement(postId: $id, statement: $s, workload: $w, difficulty: $d) {
    id statement { basics kpis } score
  }
}
"""
CAPS = """
query Caps($c: ID!) { postCaps(countyId: $c) { township { id } cap posts over remaining } }
"""


async def ground(graph: Graph, uid: str) -> Doc:
    """County C: town T with office D (posts P, with a statement rated 4 and 3, and P2) and
    village committee VD of village V (post PV); subdistrict S with office DS (post PS)."""
    doc = Doc(uid)
    doc.county("C")
    doc.township("T", "C")
    doc.township("S", "C", kind="SUBDISTRICT")
    doc.village("V", "T")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("DS", kind="TOWNSHIP_OFFICE", township="S")
    doc.department("VD", kind="VILLAGE_COMMITTEE", village="V")
    doc.post("P", "D", requires={})
    doc.sections["posts"][-1].update({
        "basics": "综治办专职岗位", "serviceItems": ["矛盾纠纷排查", "信访接待"],
        "integrityRisks": ["信息泄露"], "kpis": ["调解成功率不低于90%"],
        "workload": 4, "difficulty": 3,
    })  # fmt: skip
    doc.post("P2", "D", requires={})
    doc.post("PV", "VD", requires={})
    doc.post("PS", "DS", requires={})
    await doc.load(graph)
    return doc


async def test_an_imported_statement_is_read_with_the_post_score(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a post imported with its statement, workload 4 and difficulty 3
    doc = await ground(graph, uid)

    # when it is read
    post = (await gql.data(READ, {"id": doc.id("P")}))["post"]

    # then all four parts come back, and the score is 20 × (0.6 × 4 + 0.4 × 3) = 72
    assert post == {
        "statement": {"basics": "综治办专职岗位", "serviceItems": ["矛盾纠纷排查", "信访接待"],
                      "integrityRisks": ["信息泄露"], "kpis": ["调解成功率不低于90%"]},
        "workload": 4, "difficulty": 3, "score": 72.0,
    }  # fmt: skip


async def test_set_post_statement_replaces_it(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given a post with a statement
    doc = await ground(graph, uid)

    # when a new statement is set with both ratings at 5
    data = await gql.data(
        SET, {"id": doc.id("P"), "s": {"basics": "新说明", "kpis": ["按期办结"]}, "w": 5, "d": 5}
    )

    # then it replaces the old one, the parts left out are cleared, the score is 100
    assert data["setPostStatement"]["score"] == 100.0
    post = (await gql.data(READ, {"id": doc.id("P")}))["post"]
    assert post["statement"] == {
        "basics": "新说明", "serviceItems": [], "integrityRisks": [], "kpis": ["按期办结"]
    }  # fmt: skip
    assert (post["workload"], post["difficulty"]) == (5, 5)


async def test_a_post_without_ratings_has_no_score(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a post imported without a statement / when read / then empty parts and no score
    doc = await ground(graph, uid)
    post = (await gql.data(READ, {"id": doc.id("P2")}))["post"]
    assert post["score"] is None
    assert post["statement"]["serviceItems"] == []


@pytest.mark.parametrize(
    ("variables", "code", "field"),
    [
        ({"s": {}, "w": 6}, "BAD_USER_INPUT", "workload"),
        ({"s": {"kpis": [" "]}}, "BAD_USER_INPUT", "kpis"),
        ({"s": {}, "id": "no-such-post"}, "NOT_FOUND", "postId"),
    ],
)
async def test_set_post_statement_refuses_bad_input(
    graph: Graph, gql: GraphQLClient, uid: str, variables: dict[str, object], code: str,
    field: str,
) -> None:  # fmt: skip
    # given a post
    doc = await ground(graph, uid)

    # when the statement is set wrongly / then nothing is written and the error names the part
    body = await gql.post(SET, {"id": doc.id("P"), **variables})
    got, message = only_error(body)
    assert got == code, message
    assert field in message
    post = (await gql.data(READ, {"id": doc.id("P")}))["post"]
    assert post["workload"] == 4
    assert post["statement"]["kpis"] == ["调解成功率不低于90%"]


async def test_post_caps_count_the_townships_own_posts_against_the_default_caps(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given town T with two office posts and a village post, subdistrict S with one
    doc = await ground(graph, uid)

    # when the caps are reported / then the village's post is not the township's
    data = await gql.data(CAPS, {"c": doc.id("C")})
    assert data["postCaps"] == [
        {"township": {"id": doc.id("S")}, "cap": 90, "posts": 1, "over": 0, "remaining": 89},
        {"township": {"id": doc.id("T")}, "cap": 95, "posts": 2, "over": 0, "remaining": 93},
    ]


async def test_post_caps_follow_the_configured_caps(graph: Graph, uid: str) -> None:
    # given caps of 1 for towns and none for subdistricts
    doc = await ground(graph, uid)
    ctx = Context(graph, rules=Rules(post_caps={"TOWN": 1}))

    # when the caps are reported
    lines = {x.township["id"]: x for x in await posts.post_caps(ctx, county_id=doc.id("C"))}

    # then T is one over its cap and S has none
    assert (lines[doc.id("T")].cap, lines[doc.id("T")].over) == (1, 1)
    assert (lines[doc.id("S")].cap, lines[doc.id("S")].over) == (None, 0)
