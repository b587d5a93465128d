"""The handover list (岗位交接清单) of a post's outgoing holder: open tasks, active services,
current mentees and teams, and the post's KPIs; after a selection, the replaced holder's."""

from __future__ import annotations

from graph.db import Graph
from tests import queries
from tests.conftest import GraphQLClient
from tests.factories import only_error
from tests.selection_support import APPLY, COMPLETE, DECIDE, PUBLISH, announce, ground

HANDOVER = """
query($post: ID!, $person: ID) {
  handoverList(postId: $post, personId: $person) {
    post { id } person { id } since until kpis
    tasks { task { id status } role }
    services { village { id } role since }
    mentees { id }
    teams { team { id } role }
  }
}
"""


async def test_the_outgoing_holder_hands_over_open_work_and_the_posts_kpis(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given H holding X, with an active and an ended service, a current and an ended mentee,
    # an open and a closed task, a current and an ended team, and KPIs on X
    doc = await ground(graph, uid)
    more = type(doc)(uid)
    more.service("H", "V", "TECHNICAL_SUPPORT", "2025-01-01")
    more.service("H", "V", "LIAISON", "2020-01-01", "2020-12-31")
    more.mentorship("H", "B", "2025-01-01")
    more.mentorship("H", "C2", "2020-01-01", "2020-12-31")
    await more.load(graph)
    await queries.write(
        graph,
        "selection/handover_ground",
        {"postId": doc.id("X"), "personId": doc.id("H"), "villageId": doc.id("V"),
         "townshipId": doc.id("T"), "prefix": uid, "kpis": ["汛期巡查覆盖率100%"]},
    )  # fmt: skip

    # when the handover list of X is asked for while H still holds it
    before = (await gql.data(HANDOVER, {"post": doc.id("X")}))["handoverList"]
    # then it is H's current work, nothing ended
    assert (before["person"], before["until"], before["kpis"]) == (
        {"id": doc.id("H")},
        None,
        ["汛期巡查覆盖率100%"],
    )
    assert before["tasks"] == [
        {"task": {"id": f"{uid}open", "status": "SUPERVISING"}, "role": "LEAD"}
    ]
    assert before["services"] == [
        {"village": {"id": doc.id("V")}, "role": "TECHNICAL_SUPPORT", "since": "2025-01-01"}
    ]
    assert before["mentees"] == [{"id": doc.id("B")}]
    assert before["teams"] == [{"team": {"id": f"{uid}team"}, "role": "队员"}]

    # when a selection gives X to A and is completed
    s = doc.id("S")
    await announce(gql, doc)
    await gql.data(APPLY, {"s": s, "p": doc.id("A"), "posts": [doc.id("X")]})
    await gql.data(DECIDE, {"s": s, "on": "2026-03-01"})
    await gql.data(PUBLISH, {"s": s, "days": 1})
    await queries.write(graph, "selection/backdate", {"selectionId": s, "days": 2})
    await gql.data(COMPLETE, {"s": s})
    after = (await gql.data(HANDOVER, {"post": doc.id("X")}))["handoverList"]
    # then the list is the outgoing H's, whose tenure ended the day before the decision
    assert (after["person"], after["since"], after["until"]) == (
        {"id": doc.id("H")},
        "2020-01-01",
        "2026-02-28",
    )
    assert after["mentees"] == [{"id": doc.id("B")}]
    # and the incoming A, asked for by id, has nothing to hand over
    incoming = (await gql.data(HANDOVER, {"post": doc.id("X"), "person": doc.id("A")}))[
        "handoverList"
    ]
    assert (incoming["person"], incoming["tasks"], incoming["mentees"]) == (
        {"id": doc.id("A")},
        [],
        [],
    )


async def test_a_post_without_kpis_or_holder_has_an_empty_list_and_an_unknown_post_is_not_found(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given post Y, never held and without KPIs
    doc = await ground(graph, uid)
    # when its handover list is asked for / then it is empty
    empty = (await gql.data(HANDOVER, {"post": doc.id("Y")}))["handoverList"]
    assert (empty["person"], empty["kpis"], empty["tasks"]) == (None, [], [])
    # and an unknown post is NOT_FOUND
    code, _ = only_error(await gql.post(HANDOVER, {"post": doc.id("nowhere")}))
    assert code == "NOT_FOUND"
