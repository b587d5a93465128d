"""startMentorship / endMentorship (师徒结对): who made the change and when is recorded, and every
rule refuses with the argument named and nothing written — self-mentoring, unknown people, a pair
already mentoring, a mentor at capacity (also under concurrent starts), too few years of service,
and a mentor who does not cover any of the mentee's target skills."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from graph import appointment
from graph.db import Graph, Tx
from resolvers.appointment import start_mentorship
from resolvers.context import Context, Rules
from resolvers.errors import BadInput
from server.settings import Settings
from tests import queries
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error, place
from tests.test_appointments import (
    ACTOR,
    accepted,
    now,
    recorded,
    refused,
    relationships,
    send,
)

START = """
mutation($mentor: ID!, $mentee: ID!, $since: Date!) {
  startMentorship(mentorId: $mentor, menteeId: $mentee, since: $since) {
    mentor { id } mentee { id } mentorship { person { id } since until } actor at
  }
}"""
END = """
mutation($mentor: ID!, $mentee: ID!, $until: Date!) {
  endMentorship(mentorId: $mentor, menteeId: $mentee, until: $until) {
    mentor { id } mentee { id } mentorship { person { id } since until } actor at
  }
}"""

SINCE = "2024-06-01"
LIMIT = Settings().towngraph_max_active_mentees
MIN_YEARS = Rules().min_mentor_years


def frame(
    uid: str,
    *,
    joined: int | None = 2000,
    mentor_skills: dict[str, int] | None = None,
    mentee_skills: dict[str, int] | None = None,
    mentees: int = 1,
) -> Doc:
    """Township T with its office TO and village V with its committee VC; skills K1, K2; the mentor
    王五 M at TO, and village cadres E1 … (E1 is 新人, with `mentee_skills`)."""
    doc = place(Doc(uid))
    doc.department("TO", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("VC", kind="VILLAGE_COMMITTEE", village="V")
    doc.skill("K1", "农技推广")
    doc.skill("K2", "矛盾调解")
    doc.person("M", "王五", department="TO", joined=joined, skills=mentor_skills)
    doc.person("E1", "新人", department="VC", joined=2023, skills=mentee_skills)
    for n in range(2, mentees + 1):
        doc.person(f"E{n}", f"新人{n}", department="VC", joined=2023)
    return doc


def pair(doc: Doc, mentee: str = "E1", since: str = SINCE) -> dict[str, Any]:
    return {"mentor": doc.id("M"), "mentee": doc.id(mentee), "since": since}


# --- accepted -----------------------------------------------------------------------------------


async def test_start_mentorship_records_who_and_when(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a veteran with K1 at 4 and a mentee with K1 at 2
    doc = frame(uid, mentor_skills={"K1": 4}, mentee_skills={"K1": 2})
    await doc.load(graph)
    started = now()

    # when
    got = await accepted(gql, START, pair(doc))

    # then
    at = recorded(got, started)
    assert (got["mentor"]["id"], got["mentee"]["id"]) == (doc.id("M"), doc.id("E1"))
    assert got["mentorship"] == {"person": {"id": doc.id("E1")}, "since": SINCE, "until": None}
    [rel] = await relationships(graph, uid, "MENTORS")
    assert (rel["from"], rel["to"]) == (doc.id("M"), doc.id("E1"))
    assert (rel["props"]["startedBy"], rel["props"]["startedAt"]) == (ACTOR, at)
    data = await gql.data("query($id: ID!) { person(id: $id) { mentees { person { id } } } }",
                          {"id": doc.id("M")})  # fmt: skip
    assert data["person"]["mentees"] == [{"person": {"id": doc.id("E1")}}]


async def test_end_mentorship_records_until_who_and_when(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given an ongoing pair
    doc = frame(uid)
    doc.mentorship("M", "E1", "2024-01-01")
    await doc.load(graph)
    started = now()

    # when
    got = await accepted(
        gql, END, {"mentor": doc.id("M"), "mentee": doc.id("E1"), "until": "2024-12-31"}
    )

    # then
    at = recorded(got, started)
    assert got["mentorship"]["since"] == "2024-01-01"
    assert got["mentorship"]["until"] == "2024-12-31"
    [rel] = await relationships(graph, uid, "MENTORS")
    assert rel["props"]["until"] == dt.date(2024, 12, 31)
    assert (rel["props"]["endedBy"], rel["props"]["endedAt"]) == (ACTOR, at)


# --- refused ------------------------------------------------------------------------------------


async def test_a_person_cannot_mentor_themselves(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given
    doc = frame(uid, mentor_skills={"K1": 5})
    await doc.load(graph)

    # when / then
    message = await refused(gql, graph, uid, START, {**pair(doc), "mentee": doc.id("M")})
    assert message == "menteeId: a person cannot mentor themselves"


@pytest.mark.parametrize("unknown", ["mentor", "mentee"])
async def test_an_unknown_person_is_not_found(
    graph: Graph, gql: GraphQLClient, uid: str, unknown: str
) -> None:
    # given
    doc = frame(uid)
    await doc.load(graph)

    # when / then
    message = await refused(
        gql, graph, uid, START, {**pair(doc), unknown: doc.id("nobody")}, code="NOT_FOUND"
    )
    assert message == f"{unknown}Id: no person with id '{doc.id('nobody')}'"


@pytest.mark.parametrize(
    ("since", "until", "new_since"),
    [
        ("2024-01-01", None, SINCE),  # ongoing
        ("2024-09-01", None, SINCE),  # starts later, but the new one would run into it
        ("2023-01-01", "2024-06-01", SINCE),  # still active on the new since
    ],
)
async def test_a_pair_already_mentoring_is_refused(
    graph: Graph, gql: GraphQLClient, uid: str, since: str, until: str | None, new_since: str
) -> None:
    # given 王五 mentors 新人
    doc = frame(uid)
    doc.mentorship("M", "E1", since, until)
    await doc.load(graph)

    # when / then
    message = await refused(gql, graph, uid, START, pair(doc, since=new_since))
    assert message.startswith(f"menteeId: 王五 already mentors 新人 (from {since}")


async def test_a_pair_may_start_again_after_its_mentorship_ended(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a pair that ended the day before
    doc = frame(uid)
    doc.mentorship("M", "E1", "2023-01-01", "2024-05-31")
    await doc.load(graph)

    # when
    await accepted(gql, START, pair(doc))

    # then
    assert [r["props"]["since"] for r in await relationships(graph, uid, "MENTORS")] == [
        dt.date(2023, 1, 1), dt.date(2024, 6, 1)
    ]  # fmt: skip


async def test_the_mentee_beyond_the_limit_is_refused(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a mentor and one mentee more than the limit
    doc = frame(uid, mentees=LIMIT + 1)
    await doc.load(graph)

    # when mentorships start one after another
    for n in range(1, LIMIT + 1):
        await accepted(gql, START, pair(doc, f"E{n}"))
    message = await refused(gql, graph, uid, START, pair(doc, f"E{LIMIT + 1}"))

    # then
    people = "person" if LIMIT == 1 else "people"
    assert message == f"mentorId: 王五 already mentors {LIMIT} {people} (the limit is {LIMIT})"
    assert len(await relationships(graph, uid, "MENTORS")) == LIMIT


async def test_capacity_counts_the_mentees_active_on_since(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the mentor at the limit until E1's mentorship ends on 2024-05-31
    doc = frame(uid, mentees=LIMIT + 1)
    doc.mentorship("M", "E1", "2023-01-01", "2024-05-31")
    for n in range(2, LIMIT + 1):
        doc.mentorship("M", f"E{n}", "2023-01-01")
    await doc.load(graph)
    newcomer = f"E{LIMIT + 1}"

    # when a mentorship starts on the last day of E1's, then on the next day
    message = await refused(gql, graph, uid, START, pair(doc, newcomer, "2024-05-31"))
    await accepted(gql, START, pair(doc, newcomer, "2024-06-01"))

    # then
    assert message.startswith(f"mentorId: 王五 already mentors {LIMIT} ")
    assert len(await relationships(graph, uid, "MENTORS")) == LIMIT + 1


async def test_concurrent_starts_never_exceed_the_limit(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a mentor one place short of the limit and five more candidates
    doc = frame(uid, mentees=LIMIT + 4)
    for n in range(1, LIMIT):
        doc.mentorship("M", f"E{n}", "2023-01-01")
    await doc.load(graph)

    # when five clerks pair one candidate each at the same time
    bodies = await asyncio.gather(
        *(send(gql, START, pair(doc, f"E{n}")) for n in range(LIMIT, LIMIT + 5))
    )

    # then exactly one is accepted: the mentor is locked while the rule is checked
    refusals = [only_error(body) for body in bodies if "errors" in body]
    assert len(refusals) == 4
    for code, message in refusals:
        assert code == "BAD_USER_INPUT"
        assert message.startswith(f"mentorId: 王五 already mentors {LIMIT} ")
    assert len(await relationships(graph, uid, "MENTORS")) == LIMIT


async def test_a_start_waits_for_a_change_that_holds_the_mentor(graph: Graph, uid: str) -> None:
    # given a mentor one place short of the limit, and a start for them that has read its facts
    # (so holds the mentor's lock) and not yet written
    doc = frame(uid, mentees=LIMIT + 1)
    for n in range(1, LIMIT):
        doc.mentorship("M", f"E{n}", "2023-01-01")
    await doc.load(graph)
    mentor, since = doc.id("M"), dt.date.fromisoformat(SINCE)
    holding, release = asyncio.Event(), asyncio.Event()

    async def first(tx: Tx) -> None:
        await appointment.mentorship_facts(
            tx, mentor_id=mentor, mentee_id=doc.id(f"E{LIMIT}"), since=since
        )
        holding.set()
        await release.wait()
        await appointment.start_mentorship(
            tx, mentor_id=mentor, mentee_id=doc.id(f"E{LIMIT}"), since=since,
            stamp=appointment.Stamp("first", now()),
        )  # fmt: skip

    held = asyncio.create_task(graph.transaction(first))
    await holding.wait()

    # when a second start for the same mentor runs meanwhile
    second = asyncio.create_task(
        start_mentorship(
            Context(graph=graph), mentor_id=mentor, mentee_id=doc.id(f"E{LIMIT + 1}"), since=since
        )
    )
    try:
        while not (await queries.read(graph, "appointment/blocked", {"mentorId": mentor}))[0][
            "blocked"
        ]:
            assert not second.done(), "the second start did not wait for the first"
            await asyncio.sleep(0.01)
    finally:
        release.set()
        await held

    # then it counts the first one's mentee and is refused
    with pytest.raises(BadInput, match=f"already mentors {LIMIT} "):
        await second
    assert len(await relationships(graph, uid, "MENTORS")) == LIMIT


@pytest.mark.parametrize(
    ("joined", "expected"),
    [
        (2024 - MIN_YEARS, None),
        (2024 - MIN_YEARS + 1, f"mentorId: 王五 has {MIN_YEARS - 1} years of service in 2024 "
                               f"(a mentor needs at least {MIN_YEARS})"),
        (None, "mentorId: 王五 has no known joinedYear, so their years of service cannot be "
               f"checked (a mentor needs at least {MIN_YEARS})"),
    ],
)  # fmt: skip
async def test_a_mentor_needs_enough_years_of_service(
    graph: Graph, gql: GraphQLClient, uid: str, joined: int | None, expected: str | None
) -> None:
    # given a mentor who joined in `joined`
    doc = frame(uid, joined=joined)
    await doc.load(graph)

    # when / then
    if expected is None:
        await accepted(gql, START, pair(doc))
        assert len(await relationships(graph, uid, "MENTORS")) == 1
    else:
        assert await refused(gql, graph, uid, START, pair(doc)) == expected


NOT_COVERED = "mentorId: 王五 holds none of 新人's target skills"


@pytest.mark.parametrize(
    ("mentee", "post", "mentor", "expected"),
    [
        # the mentee's own skills are the targets
        ({"K1": 1}, None, {"K1": 2}, f"{NOT_COVERED} (their own skills: 农技推广) at level 3"),
        ({"K1": 3}, None, {"K1": 3}, NOT_COVERED),
        ({"K1": 3}, None, {"K1": 4}, None),
        ({"K1": 4, "K2": 1}, None, {"K1": 3, "K2": 3}, None),  # one covered target is enough
        # the skills of the mentee's post held on since come first
        ({"K1": 1}, ("2024-01-01", None), {"K1": 5},
         f"{NOT_COVERED} (required by their posts: 矛盾调解)"),
        ({"K1": 1}, ("2024-01-01", None), {"K2": 3}, None),
        # a post no longer held does not count
        ({"K1": 1}, ("2023-01-01", "2024-05-31"), {"K1": 4}, None),
        # a mentee with neither posts nor skills: no skill is required
        (None, None, None, None),
    ],
)  # fmt: skip
async def test_a_mentor_covers_one_of_the_mentee_s_target_skills(
    graph: Graph,
    gql: GraphQLClient,
    uid: str,
    mentee: dict[str, int] | None,
    post: tuple[str, str | None] | None,
    mentor: dict[str, int] | None,
    expected: str | None,
) -> None:
    # given a mentee with `mentee` skills and perhaps a post requiring K2 at level 3
    doc = frame(uid, mentor_skills=mentor, mentee_skills=mentee)
    if post is not None:
        doc.post("J", "VC", {"K2": 3})
        doc.holds("E1", "J", *post)
    await doc.load(graph)

    # when / then
    if expected is None:
        await accepted(gql, START, pair(doc))
        assert len(await relationships(graph, uid, "MENTORS")) == 1
    else:
        message = await refused(gql, graph, uid, START, pair(doc))
        assert message.startswith(expected)


NO_ONGOING = "menteeId: 王五 has no ongoing mentorship of 新人"


@pytest.mark.parametrize(
    ("existing", "until", "expected"),
    [
        (("2024-01-01", None), "2023-12-31", "until: until 2023-12-31 is before since 2024-01-01"),
        (("2023-01-01", "2023-12-31"), "2024-12-31", NO_ONGOING),
        (None, "2024-12-31", NO_ONGOING),
    ],
)  # fmt: skip
async def test_end_mentorship_refusals(
    graph: Graph,
    gql: GraphQLClient,
    uid: str,
    existing: tuple[str, str | None] | None,
    until: str,
    expected: str,
) -> None:
    # given the pair's mentorship, if any
    doc = frame(uid)
    if existing is not None:
        doc.mentorship("M", "E1", *existing)
    await doc.load(graph)

    # when / then
    message = await refused(
        gql, graph, uid, END, {"mentor": doc.id("M"), "mentee": doc.id("E1"), "until": until}
    )
    assert message == expected
