"""The bounded mentorCandidates and talentPool queries give the answers of the unbounded ones.

`tests/cypher/matching/*_before.cypher` keep the queries as they were before the candidate
search was bounded (mentor_candidates: an upper bound on the score; talent_pool: the order's tie
key only near the page, the skills' maps only for the page). Both run over many random argument
combinations on the demo county (the scale-1 seed, imported once per module), as ADMIN and as
clerks of the county and of a township, and must return the same rows, in the same order.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from graph.db import Graph, Record
from graph.importing import import_document
from graph.matching import MENTOR_PROBE, MentorWeights
from model.mentoring import DEFAULT_MAX_ACTIVE_MENTEES, MIN_MENTOR_LEVEL, MIN_MENTOR_YEARS
from model.people import RESIDENTIAL_ROLES
from model.talent import TALENT_ORDERS, UNKNOWN_DISTANCE
from model.tasks import OPEN_STATUSES
from seed import ANCHOR, generate
from tests import queries

# Kept in one worker (parallel runs): the demo county is imported once.
pytestmark = pytest.mark.xdist_group("demo-county")

Doc = dict[str, list[dict[str, Any]]]
CASES = 80


@pytest.fixture(scope="module")
async def demo(graph: Graph) -> Doc:
    # The same document `make run` loads; importing it again is a no-op, so reruns are cheap.
    document = generate(scale=1, random_seed=42)
    report = await import_document(graph, document)
    assert report.ok, report.problems[:5]
    return document


def _scope(rng: random.Random, doc: Doc) -> dict[str, Any] | None:
    """ADMIN (None), a county clerk, or a township clerk of the demo county."""
    draw = rng.random()
    if draw < 0.5:
        return None
    county = doc["counties"][0]["id"]
    unit = rng.choice(doc["townships"])["id"] if draw < 0.75 else county
    return {"all": False, "county": county, "unit": unit, "day": ANCHOR}


def _day(rng: random.Random) -> dt.date:
    return ANCHOR - dt.timedelta(days=rng.randint(0, 3 * 365))


async def _both(
    graph: Graph, new: str, old: str, params: dict[str, Any]
) -> tuple[list[Record], list[Record]]:
    return await graph.read(new, params), await queries.read(graph, old, params)


def _mentor_params(rng: random.Random, doc: Doc) -> dict[str, Any]:
    skills = [s["id"] for s in doc["skills"]]
    mentee = rng.choice(doc["people"])
    own = [s["skill"] for s in mentee.get("skills") or ()]
    draw = rng.random()
    skill_ids: list[str] | None
    if draw < 0.35:
        skill_ids = None  # the mentee's posts' skills, else their own
    elif draw < 0.6 and own:
        skill_ids = rng.sample(own, rng.randint(1, min(2, len(own))))
    else:
        skill_ids = rng.sample(skills, rng.randint(1, 3))
    return {
        "menteeId": mentee["id"],
        "skillIds": skill_ids,
        "asOf": _day(rng),
        "maxMentees": rng.choice((1, 2, DEFAULT_MAX_ACTIVE_MENTEES, DEFAULT_MAX_ACTIVE_MENTEES, 5)),
        "minYears": rng.choice((0, MIN_MENTOR_YEARS, MIN_MENTOR_YEARS, 15)),
        "minMentorLevel": MIN_MENTOR_LEVEL,
        "limit": rng.choice((1, 3, 10, 10, 10, 50)),
        "w": MentorWeights().as_params(),
        "byCoverage": rng.random() < 0.4,
        "probe": MENTOR_PROBE * rng.choice((0, 1, 10)),
    }


async def test_mentor_candidates_are_those_of_the_unbounded_query(graph: Graph, demo: Doc) -> None:
    # given random mentees of the demo county and random arguments, scopes and probes
    rng = random.Random(13)  # noqa: S311 — reproducible arguments, not cryptography
    returned = 0
    for _ in range(CASES):
        params = _mentor_params(rng, demo)
        scope = _scope(rng, demo)
        handle = graph if scope is None else graph.scoped(scope)
        # when both queries answer
        new, old = await _both(
            handle, "matching/mentor_candidates", "matching/mentor_candidates_before", params
        )
        # then the candidates, their scores, parts and order are the same
        assert new == old, (params, scope)
        returned += len(new[0]["candidates"] or [])
    # and the comparison was about something: most cases have candidates
    assert returned > CASES * 2


def _talent_params(rng: random.Random, doc: Doc) -> dict[str, Any]:
    skills = [s["id"] for s in doc["skills"]]
    township = rng.choice(doc["townships"])["id"] if rng.random() < 0.5 else None
    orders = [o for o in TALENT_ORDERS if township is not None or o != "NEAREST"]
    return {
        "skillIds": rng.sample(skills, rng.choice((1, 1, 2, 3))),
        "matchAll": rng.random() < 0.25,
        "minLevel": rng.choice((1, 1, 3, 4)),
        "townshipId": township,
        "on": _day(rng),
        "checkAvailability": rng.random() < 0.4,
        "first": rng.choice((1, 5, 20, 20)),
        "after": None,
        "residentialRoles": list(RESIDENTIAL_ROLES),
        "includeNarrower": rng.random() < 0.75,
        "orderBy": rng.choice(orders),
        "openTaskStatuses": list(OPEN_STATUSES),
        "unknownDistance": UNKNOWN_DISTANCE,
        "withTotal": rng.random() < 0.5,
    }


async def test_talent_pool_pages_are_those_of_the_unbounded_queries(
    graph: Graph, demo: Doc
) -> None:
    # given random skills, filters, orders and scopes, each walked for up to three pages, with
    # and without the total
    rng = random.Random(29)  # noqa: S311 — reproducible arguments, not cryptography
    rows = 0
    uncounted = 0
    for _ in range(CASES):
        params = _talent_params(rng, demo)
        scope = _scope(rng, demo)
        handle = graph if scope is None else graph.scoped(scope)
        name = "talent_pool_township" if params["townshipId"] else "talent_pool"
        for _page in range(3):
            # when both queries answer the same page
            new, old = await _both(handle, f"matching/{name}", f"matching/{name}_before", params)
            # then the page's rows are the same, and so is the total when asked for (else none)
            if params["withTotal"]:
                assert new == old, (params, scope)
            else:
                assert new[0] == {**old[0], "total": None}, (params, scope)
                uncounted += len(new[0]["page"])
            page = old[0]["page"]
            rows += len(page)
            if len(page) <= params["first"]:
                break
            last = page[params["first"] - 1]
            params["after"] = {
                "cnt": last["cnt"],
                "sum": last["sum"],
                "tie": last["tie"],
                "id": last["person"]["id"],
            }
    # and the comparison was about something, also without the total
    assert rows > CASES * 3
    assert uncounted > CASES


@pytest.mark.parametrize("days_back", [0, 200, 700])
async def test_county_people_are_the_people_person_visible_admits(
    graph: Graph, demo: Doc, days_back: int
) -> None:
    # given a clerk of the demo county on some day (dispatches and services judged on it)
    county = demo["counties"][0]["id"]
    day = ANCHOR - dt.timedelta(days=days_back)
    scope = {"all": False, "county": county, "unit": county, "day": day}
    # when the county's people are read from its side and every person is judged one by one
    rows = await queries.read(graph.scoped(scope), "scope/county_people_check", {})
    found, visible = rows[0]["found"], rows[0]["visible"]
    # then they are the same people, each once, and there are many
    assert sorted(found) == sorted(visible)
    assert len(found) == len(set(found)) > 1000
