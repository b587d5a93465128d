"""Two-way post selection through the API: every step in order, the proposal against the
township's ranking, a decision that differs from it, 公示 with an objection, the appointments,
and every step refused out of order (changing nothing)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.db import Graph
from model.access import Role
from resolvers import selection as sel
from resolvers.context import Context, Rules
from resolvers.errors import BadInput
from tests import queries
from tests.conftest import GraphQLClient
from tests.factories import only_error
from tests.selection_support import (
    APPLY,
    COMPLETE,
    DECIDE,
    OBJECT,
    PUBLISH,
    RANK,
    READ,
    announce,
    ground,
    picks,
)

TODAY = dt.date.today()


async def refused(gql: GraphQLClient, query: str, variables: dict[str, Any]) -> str:
    code, message = only_error(await gql.post(query, variables))
    assert code == "BAD_USER_INPUT", message
    return message


async def test_a_selection_walks_every_step_recording_each_as_an_event(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a township clerk, two posts (X held by H since 2020) and three applicants
    doc = await ground(graph, uid)
    gql = gql.as_(Role.TOWNSHIP, unit=doc.id("T"), sub="clerk-li", name="李干事")
    s, x, y = doc.id("S"), doc.id("X"), doc.id("Y")
    a, b, c = doc.id("A"), doc.id("B"), doc.id("C2")

    # when the selection is announced and A (X, Y), B (X) and C (Y, X) apply
    announced = await announce(gql, doc)
    await gql.data(APPLY, {"s": s, "p": a, "posts": [x, y]})
    await gql.data(APPLY, {"s": s, "p": b, "posts": [x]})
    applied = (await gql.data(APPLY, {"s": s, "p": c, "posts": [y, x]}))["applyForPosts"]

    # then by the default fit (X: A 14, B 13, C 0; Y: C 13, A 12) the proposal gives X to A
    assert (announced["status"], announced["nextSteps"]) == ("ANNOUNCED", ["applyForPosts"])
    assert applied["status"] == "APPLYING"
    assert picks(applied["proposal"]) == [(x, a), (y, c)]
    assert [(p["post"]["id"], p["applicants"]) for p in applied["posts"]] == [(x, 3), (y, 2)]

    # when the township ranks B first for X
    ranked = (await gql.data(RANK, {"s": s, "post": x, "people": [b, a]}))["rankApplicants"]
    # then B takes X, A is rejected by Y (C is better there) and gets nothing
    assert ranked["status"] == "RANKING"
    assert ranked["posts"][0]["ranking"] == [{"id": b}, {"id": a}]
    assert picks(ranked["proposal"]) == [(x, b), (y, c)]

    # when the collective decision appoints A to X instead, on 1 March
    decided = (
        await gql.data(
            DECIDE,
            {"s": s, "a": [{"postId": x, "personId": a}, {"postId": y, "personId": c}],
             "on": "2026-03-01", "note": "甲经验更丰富"},
        )
    )["decidePostSelection"]  # fmt: skip
    # then the proposal it was decided against and the difference are recorded
    assert decided["status"] == "DECIDED"
    assert picks(decided["decision"]) == [(x, a), (y, c)]
    assert picks(decided["proposal"]) == [(x, b), (y, c)]
    assert decided["differences"] == [
        {"post": {"id": x}, "proposed": [{"id": b}], "decided": [{"id": a}]}
    ]

    # when it is published for five days from four days ago and B objects
    since = (TODAY - dt.timedelta(days=4)).isoformat()
    published = (await gql.data(PUBLISH, {"s": s, "since": since, "days": 5}))[
        "publishPostSelection"
    ]
    objected = (await gql.data(OBJECT, {"s": s, "p": a}))["objectToPostSelection"]
    # then the notice runs until today, and completing is refused until it is over
    assert (published["noticeSince"], published["noticeUntil"]) == (since, TODAY.isoformat())
    assert objected["status"] == "PUBLISHED"
    assert "notice period runs until" in await refused(gql, COMPLETE, {"s": s})

    # when the notice period has passed and the selection is completed
    await queries.write(graph, "selection/backdate", {"selectionId": s, "days": 1})
    done = (await gql.data(COMPLETE, {"s": s}))["completePostSelection"]
    # then A holds X and C holds Y since the decision date, and H held X until the day before
    assert (done["status"], done["nextSteps"]) == ("APPOINTED", [])
    holds = await queries.read(graph, "selection/holds", {"postIds": [x, y]})
    assert [(h["post"], h["person"], str(h["since"]), str(h["until"])) for h in holds] == [
        (x, a, "2026-03-01", "None"),
        (x, doc.id("H"), "2020-01-01", "2026-02-28"),
        (y, c, "2026-03-01", "None"),
    ]
    assert {h["endedBy"] for h in holds if h["person"] == doc.id("H")} == {s}
    # and every step is an event with its actor, in order
    assert [(e["step"], e["actor"], e["personId"]) for e in done["events"]] == [
        ("ANNOUNCED", "clerk-li", None),
        ("APPLYING", "clerk-li", a),
        ("APPLYING", "clerk-li", b),
        ("APPLYING", "clerk-li", c),
        ("RANKING", "clerk-li", None),
        ("DECIDED", "clerk-li", None),
        ("PUBLISHED", "clerk-li", None),
        ("OBJECTED", "clerk-li", a),
        ("APPOINTED", "clerk-li", None),
    ]
    assert done["events"][5]["note"] == f"differs from the proposal on {x}; 甲经验更丰富"
    assert done["events"][7]["note"] == "对人选有异议"


async def test_every_step_out_of_order_is_refused_with_the_next_steps(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given an announced selection
    doc = await ground(graph, uid)
    s, x, a = doc.id("S"), doc.id("X"), doc.id("A")
    await announce(gql, doc)
    rank: tuple[str, dict[str, Any]] = (RANK, {"s": s, "post": x, "people": [a]})
    decide: tuple[str, dict[str, Any]] = (DECIDE, {"s": s})
    publish: tuple[str, dict[str, Any]] = (PUBLISH, {"s": s})
    objection: tuple[str, dict[str, Any]] = (OBJECT, {"s": s})
    complete: tuple[str, dict[str, Any]] = (COMPLETE, {"s": s})
    apply: tuple[str, dict[str, Any]] = (APPLY, {"s": s, "p": a, "posts": [x]})
    before = (await gql.data(READ, {"id": s}))["postSelection"]

    # when / then each step that may not follow ANNOUNCED is refused, naming the next step
    for query, variables in (rank, decide, publish, objection, complete):
        message = await refused(gql, query, variables)
        assert message.endswith(f"{s} is ANNOUNCED; the next step is applyForPosts"), message
    # and nothing changed
    assert (await gql.data(READ, {"id": s}))["postSelection"] == before

    # when applications came in / then publishing, objecting and completing are refused
    await gql.data(*apply)
    for query, variables in (publish, objection, complete):
        assert (await refused(gql, query, variables)).endswith(
            "the next steps are applyForPosts, rankApplicants or decidePostSelection"
        )
    # when ranked / then applying is closed
    await gql.data(*rank)
    for query, variables in (apply, publish, objection, complete):
        assert (await refused(gql, query, variables)).endswith(
            "the next steps are rankApplicants or decidePostSelection"
        )
    # when decided / then only publishing may follow
    await gql.data(*decide)
    for query, variables in (apply, rank, decide, objection, complete):
        assert (await refused(gql, query, variables)).endswith(
            "is DECIDED; the next step is publishPostSelection"
        )
    # when published / then only objections and completing may follow
    await gql.data(*publish)
    for query, variables in (apply, rank, decide, publish):
        assert (await refused(gql, query, variables)).endswith(
            "the next steps are objectToPostSelection or completePostSelection"
        )
    # when completed / then nothing may follow
    await queries.write(graph, "selection/backdate", {"selectionId": s, "days": 10})
    await gql.data(*complete)
    for query, variables in (apply, rank, decide, publish, objection, complete):
        assert (await refused(gql, query, variables)).endswith(
            "is APPOINTED; no further step is allowed"
        )
    events = (await gql.data(READ, {"id": s}))["postSelection"]["events"]
    assert [e["step"] for e in events] == [
        "ANNOUNCED", "APPLYING", "RANKING", "DECIDED", "PUBLISHED", "APPOINTED"
    ]  # fmt: skip


async def test_applications_and_decisions_that_break_the_rules_are_refused(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a selection with A applying for X and B for X
    doc = await ground(graph, uid)
    s, x, y = doc.id("S"), doc.id("X"), doc.id("Y")
    a, b = doc.id("A"), doc.id("B")
    await announce(gql, doc)
    await gql.data(APPLY, {"s": s, "p": a, "posts": [x]})
    await gql.data(APPLY, {"s": s, "p": b, "posts": [x]})

    # when / then a post not on offer, someone who did not apply, or too many people are refused
    other = doc.id("nowhere")
    assert "is not on offer" in await refused(gql, APPLY, {"s": s, "p": a, "posts": [other]})
    two = [{"postId": x, "personId": a}, {"postId": x, "personId": b}]
    assert "has 1 place(s)" in await refused(gql, DECIDE, {"s": s, "a": two})
    stranger = [{"postId": y, "personId": a}]
    assert "has not applied for" in await refused(gql, DECIDE, {"s": s, "a": stranger})
    # and after the deadline no one may apply any more
    await queries.write(graph, "selection/backdate", {"selectionId": s, "days": 1})
    message = await refused(gql, APPLY, {"s": s, "p": doc.id("C2"), "posts": [x]})
    assert "applications closed on" in message


async def test_the_number_of_posts_one_person_may_apply_for_is_configurable(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a selection announced where one person may apply for one post only
    doc = await ground(graph, uid)
    ctx = Context(graph, rules=Rules(max_selection_applications=1))
    s = await sel.announce(
        ctx, selection_id=doc.id("S"), title="选岗", township_id=doc.id("T"), deadline=TODAY,
        offers=[sel.Offer(doc.id("X")), sel.Offer(doc.id("Y"))],
    )  # fmt: skip
    # when A applies for two posts / then it is refused, naming the limit
    with pytest.raises(BadInput, match="at most 1 posts"):
        await sel.apply_for_posts(ctx, s, doc.id("A"), [doc.id("X"), doc.id("Y")])
    # and one post is accepted
    await sel.apply_for_posts(ctx, s, doc.id("A"), [doc.id("Y")])
    read = (await gql.data(READ, {"id": s}))["postSelection"]
    assert (read["maxApplications"], read["applications"]) == (
        1,
        [{"person": {"id": doc.id("A")}, "posts": [{"id": doc.id("Y")}]}],
    )
