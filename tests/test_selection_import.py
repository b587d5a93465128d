"""The `postSelections` import section: a selection imported in each status reads back through
the API as the mutations leave it after the same steps; its problems are named by place; a
re-import changes nothing; and the demo has a selection in every status."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from graph.db import Graph
from graph.importing import import_document
from importing import validate
from model.selection import MAIN_FLOW
from resolvers import selection as sel
from resolvers.context import Context
from seed import generate
from tests import queries
from tests.conftest import GraphQLClient
from tests.factories import Doc
from tests.selection_support import READ, ground

D0 = dt.date.today() - dt.timedelta(days=30)  # the announcement; every step a day or more later


def day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


async def by_mutations(graph: Graph, doc: Doc, status: str) -> None:
    """The selection S of `doc` brought to `status` by the mutations: A applies for X then Y, B
    for X, C for Y then X; Y ranked C before A; the decision gives X to B and Y to C; the notice
    runs three days with one objection about B."""

    def ctx(n: int) -> Context:
        return Context(graph, today=day(n), actor="clerk-li")

    s, x, y = doc.id("S"), doc.id("X"), doc.id("Y")
    a, b, c = doc.id("A"), doc.id("B"), doc.id("C2")
    offers = [sel.Offer(x, 1), sel.Offer(y, 1)]
    await sel.announce(
        ctx(0), selection_id=s, title="2026年双向选岗", township_id=doc.id("T"),
        deadline=day(5), offers=offers,
    )  # fmt: skip
    if status == "ANNOUNCED":
        return
    for person, posts in ((a, [x, y]), (b, [x]), (c, [y, x])):
        await sel.apply_for_posts(ctx(1), s, person, posts)
    if status == "APPLYING":
        return
    await sel.rank_applicants(ctx(6), s, y, [c, a])
    if status == "RANKING":
        return
    decision = [sel.Appointment(x, b), sel.Appointment(y, c)]
    await sel.decide(ctx(6), s, decision, day(6), None)
    if status == "DECIDED":
        return
    await sel.publish(ctx(7), s, day(7), 3)
    await sel.object_to(ctx(8), s, "对人选有异议", b)
    if status == "PUBLISHED":
        return
    await sel.complete(ctx(10), s, None)


def row_for(doc: Doc, status: str) -> dict[str, Any]:
    """The import row of the same steps as `by_mutations`."""
    s, x, y = doc.id("S"), doc.id("X"), doc.id("Y")
    a, b, c = doc.id("A"), doc.id("B"), doc.id("C2")
    reached = MAIN_FLOW.index(status)
    row: dict[str, Any] = {
        "id": s, "township": doc.id("T"), "title": "2026年双向选岗",
        "deadline": day(5).isoformat(), "announcedOn": D0.isoformat(),
        "posts": [{"post": x, "capacity": 1}, {"post": y}], "status": status,
    }  # fmt: skip
    if reached >= 1:
        row["applications"] = [
            {"person": a, "posts": [x, y]}, {"person": b, "posts": [x]},
            {"person": c, "posts": [y, x]},
        ]  # fmt: skip
    if reached >= 2:
        row["rankings"] = [{"post": y, "people": [c, a]}]
    if reached >= 3:
        row["decision"] = [{"post": x, "person": b}, {"post": y, "person": c}]
        row["decidedOn"] = day(6).isoformat()
    if reached >= 4:
        row["notice"] = {"publishedOn": day(7).isoformat(), "days": 3}
        row["objections"] = [{"person": b, "text": "对人选有异议", "on": day(8).isoformat()}]
    return row


def normal(selection: dict[str, Any], *uids: str) -> Any:
    """The selection as read, with the test's id prefixes and the events' actors left out."""
    events = [{k: v for k, v in e.items() if k != "actor"} for e in selection["events"]]
    text = json.dumps({**selection, "events": events}, ensure_ascii=False, sort_keys=True)
    for uid in uids:
        text = text.replace(uid, "U")
    return json.loads(text)


@pytest.mark.parametrize("status", MAIN_FLOW)
async def test_an_imported_selection_reads_as_the_mutations_leave_it(
    graph: Graph, gql: GraphQLClient, uid: str, status: str
) -> None:
    # given the same ground twice: one selection walked by the mutations, one imported
    made, imported = await ground(graph, f"{uid}m"), await ground(graph, f"{uid}i")
    await by_mutations(graph, made, status)
    report = await import_document(graph, {"postSelections": [row_for(imported, status)]})
    assert report.ok, report.problems
    # when both are read through the API
    mine = (await gql.data(READ, {"id": made.id("S")}))["postSelection"]
    theirs = (await gql.data(READ, {"id": imported.id("S")}))["postSelection"]
    # then they are the same, events and their notes included (only the actor differs)
    assert normal(theirs, f"{uid}i") == normal(mine, f"{uid}m")
    assert {e["actor"] for e in theirs["events"]} == {"import"}
    assert [e["step"] for e in theirs["events"]][-1] == (
        "OBJECTED" if status == "PUBLISHED" else status
    )


async def test_an_imported_appointment_holds_as_complete_makes_it(graph: Graph, uid: str) -> None:
    # given H holding X since 2020, and an APPOINTED selection giving X to B
    doc = await ground(graph, uid)
    report = await import_document(graph, {"postSelections": [row_for(doc, "APPOINTED")]})
    assert report.ok, report.problems
    # when the holders of X and Y are read
    holds = await queries.read(graph, "selection/holds", {"postIds": [doc.id("X"), doc.id("Y")]})
    # then B and C hold them since the decision, and H held X until the day before
    got = [(h["post"], h["person"], h["since"], h["until"]) for h in holds]
    assert sorted(got) == sorted([
        (doc.id("X"), doc.id("B"), day(6), None),
        (doc.id("X"), doc.id("H"), dt.date(2020, 1, 1), day(5)),
        (doc.id("Y"), doc.id("C2"), day(6), None),
    ])  # fmt: skip


async def test_importing_the_same_selections_again_changes_nothing(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given an APPOINTED selection imported once
    doc = await ground(graph, uid)
    document = {"postSelections": [row_for(doc, "APPOINTED")]}
    first = await import_document(graph, document)
    before = (await gql.data(READ, {"id": doc.id("S")}))["postSelection"]
    # when the same document is imported again
    again = await import_document(graph, document)
    # then nothing was created, deleted or set, and the selection reads the same
    assert first.ok
    assert again.ok
    assert first.nodes_created > 0
    assert (again.nodes_created, again.relationships_created, again.relationships_deleted,
            again.properties_set) == (0, 0, 0, 0)  # fmt: skip
    assert (await gql.data(READ, {"id": doc.id("S")}))["postSelection"] == before


def problems(row: dict[str, Any]) -> list[str]:
    return [str(p) for p in validate({"postSelections": [row]}).problems]


def test_each_step_needs_its_data_and_follows_the_rules() -> None:
    # given rows that break the workflow's rules
    doc = Doc("v")
    base = row_for(doc, "PUBLISHED")
    x, a, b = doc.id("X"), doc.id("A"), doc.id("B")
    cases = [
        ({**base, "status": "DECIDED"},
         "postSelections[0].notice: a selection that is DECIDED has no notice yet"
         " (they come with PUBLISHED)"),
        ({k: v for k, v in base.items() if k != "decision"},
         "postSelections[0].decision: a selection that is PUBLISHED needs the decided"
         " appointments (集体研究决定)"),
        ({**base, "decision": [{"post": x, "person": a}, {"post": x, "person": b}]},
         f"postSelections[0].decision[1].post: post '{x}' has 1 place(s)"),
        ({**base, "decision": [{"post": doc.id("Y"), "person": b}]},
         f"postSelections[0].decision[0].person: '{b}' has not applied for post"
         f" '{doc.id('Y')}'"),
        ({**base, "rankings": [{"post": x, "people": [doc.id("H"), a]}]},
         f"postSelections[0].rankings[0].people[0]: '{doc.id('H')}' has not applied for post"
         f" '{x}'"),
        ({**base, "objections": [{"text": "异议", "on": day(20).isoformat()}]},
         f"postSelections[0].objections[0].on: {day(20)} is outside the notice period from"
         f" {day(7)} to {day(9)}"),
        ({**base, "maxApplications": 1},
         "postSelections[0].applications[0].posts: one person may apply for at most 1 posts"),
        ({**base, "status": "APPLYING", "rankings": [], "decision": [],
          "objections": [], "notice": None},
         "postSelections[0].notice: must not be null; leave the field out instead"),
        ({**row_for(doc, "APPLYING"), "applications": []},
         "postSelections[0].applications: a selection that is APPLYING needs at least one"
         " application (自主报名)"),
    ]  # fmt: skip
    # when each is validated / then its problem names the place
    for row, expected in cases:
        assert expected in problems(row), (expected, problems(row))


async def test_unknown_references_and_duplicate_ids_are_problems(graph: Graph, uid: str) -> None:
    # given a selection naming a township and a person that do not exist, twice
    doc = await ground(graph, uid)
    row = {**row_for(doc, "APPLYING"), "township": f"{uid}nowhere"}
    row["applications"] = [{"person": f"{uid}nobody", "posts": [doc.id("X")]}]
    # when imported
    report = await import_document(graph, {"postSelections": [row, row]})
    # then nothing is written, and each problem names its place
    found = [str(p) for p in report.problems]
    assert not report.ok
    assert (
        f"postSelections[1].id: duplicate id '{doc.id('S')}' (first at postSelections[0])" in found
    )
    # (each with the closest id of its kind: here the test's own ids, alike by their prefix)
    assert (
        f"postSelections[0].township: unknown township '{uid}nowhere'; "
        f"did you mean '{doc.id('T')}'?"
    ) in found
    assert (
        f"postSelections[0].applications[0].person: unknown person '{uid}nobody'; "
        f"did you mean '{uid}甲' (id {doc.id('A')})?"
    ) in found
    assert report.nodes_created == 0


def test_the_demo_has_a_selection_in_every_status() -> None:
    # given the demo document / when its selections are read
    document = generate(scale=1, random_seed=42)
    rows = document["postSelections"]
    # then each status has one, the PUBLISHED one with an objection, and all are valid
    assert sorted(r["status"] for r in rows) == sorted(MAIN_FLOW)
    published = next(r for r in rows if r["status"] == "PUBLISHED")
    assert published["objections"]
    assert all(r["title"].startswith("2026年") and "双向选岗" in r["title"] for r in rows)
    assert validate({"postSelections": rows}).problems == []
