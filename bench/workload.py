"""What the benchmark asks: the three headline GraphQL documents, with the fields a front end
selects, and realistic arguments sampled deterministically from the seeded document.

For the raw-Cypher side, each case also carries the exact named query and parameters the
resolver would send: they are captured by running the real resolver (`resolvers.matching`, with
the argument defaults of `schema/root.py`) against a recording stand-in for `Graph`, so the two
sides cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from neo4j import AsyncDriver

from graph.db import Graph, Neo4jConfig, Record
from resolvers import matching as resolve
from resolvers.context import Context, Rules
from seed import ANCHOR

PEOPLE_WHO_SERVED = """
query PeopleWhoServed($villageId: ID!, $skillId: ID!, $servedSince: Date,
                      $includeNarrowerSkills: Boolean, $minLevel: Int) {
  peopleWhoServed(villageId: $villageId, skillId: $skillId, servedSince: $servedSince,
                  includeNarrowerSkills: $includeNarrowerSkills, minLevel: $minLevel) {
    person { id name }
    skill { id name }
    level
    services { village { id name } role since until }
  }
}
"""

MENTOR_CANDIDATES = """
query MentorCandidates($menteeId: ID!, $skillIds: [ID!], $limit: Int) {
  mentorCandidates(menteeId: $menteeId, skillIds: $skillIds, limit: $limit) {
    mentor { id name }
    score
    reasons
    coveredSkills { id name }
  }
}
"""

TALENT_POOL = """
query TalentPool($skillIds: [ID!]!, $match: SkillMatch, $minLevel: Int, $townshipId: ID,
                 $availableOn: Date, $first: Int) {
  talentPool(skillIds: $skillIds, match: $match, minLevel: $minLevel, townshipId: $townshipId,
             availableOn: $availableOn, first: $first) {
    totalCount
    edges { score node { id name } matchedSkills { skill { name } level } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

# Skills a clerk asks about most (rice, flood control, subsistence allowance, mediation …) and
# the broader ones above them, whose narrower skills widen the traversal.
HEADLINE_SKILLS = (
    "SK-RICE", "SK-FLOOD", "SK-CROP", "SK-WATER", "SK-AGRI", "SK-TEA", "SK-DIBAO",
    "SK-SOCSEC", "SK-MEDIATE", "SK-PARTYB", "SK-ECOMOPS", "SK-PEST",
)  # fmt: skip


@dataclass(frozen=True)
class Case:
    """One request: GraphQL variables, and the Cypher the resolver sends for them."""

    variables: dict[str, Any]
    query_name: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Workload:
    name: str  # the GraphQL field
    document: str
    cases: list[Case]

    def size_of_graphql(self, data: Mapping[str, Any]) -> int:
        """How many results a GraphQL answer holds (checked against the raw answer)."""
        value = data[self.name]
        return int(value["totalCount"]) if self.name == "talentPool" else len(value)

    def size_of_raw(self, rows: list[Record]) -> int:
        row = rows[0]
        if self.name == "peopleWhoServed":
            return len(row["matches"])
        if self.name == "mentorCandidates":
            return len(row["candidates"])
        return int(row["total"])


# What the recording graph answers: "found, nothing matched", so every resolver runs through.
_CANNED: dict[str, Record] = {
    "matching/people_who_served": {"villageFound": True, "skillFound": True, "matches": []},
    "matching/mentor_candidates": {
        "menteeFound": True, "unknownSkills": [], "targets": [], "candidates": [],
    },
    "matching/talent_pool": {
        "unknownSkills": [], "townshipFound": True, "total": 0, "page": [],
    },
}  # fmt: skip
_CANNED["matching/talent_pool_township"] = _CANNED["matching/talent_pool"]


class RecordingGraph(Graph):
    """Stands in for `Graph` under the resolvers: records each read instead of running it."""

    def __init__(self) -> None:
        # Never connected: `read` below is the only method the matching resolvers call.
        super().__init__(cast(AsyncDriver, None), Neo4jConfig("bolt://127.0.0.1:0", "", ""))
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def read(self, name: str, params: Mapping[str, Any] | None = None) -> list[Record]:
        self.calls.append((name, dict(params or {})))
        return [dict(_CANNED[name])]


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


async def _capture(
    field: str, variables: dict[str, Any], rules: Rules
) -> tuple[str, dict[str, Any]]:
    """The named query and parameters the resolver sends for these GraphQL variables."""
    recorder = RecordingGraph()
    ctx = Context(graph=recorder, rules=rules)
    v = variables
    # Argument defaults and conversions as in schema/root.py.
    if field == "peopleWhoServed":
        await resolve.people_who_served(
            ctx,
            village_id=v["villageId"],
            skill_id=v["skillId"],
            served_since=_date(v.get("servedSince")),
            include_narrower=v.get("includeNarrowerSkills") is not False,
            min_level=v.get("minLevel", 1),
        )
    elif field == "mentorCandidates":
        await resolve.mentor_candidates(
            ctx,
            mentee_id=v["menteeId"],
            skill_ids=v.get("skillIds"),
            limit=v.get("limit", 10),
            as_of=_date(v.get("asOf")),
        )
    else:
        await resolve.talent_pool(
            ctx,
            skill_ids=list(v["skillIds"]),
            match_all=v.get("match") == "ALL",
            min_level=v.get("minLevel", 1),
            township_id=v.get("townshipId"),
            available_on=_date(v.get("availableOn")),
            first=v.get("first", 20),
            after=None,
        )
    assert len(recorder.calls) == 1, recorder.calls
    return recorder.calls[0]


class _Seeded:
    """Indexes of the seed document that the samplers draw from."""

    def __init__(self, document: Mapping[str, list[Record]]) -> None:
        self.skills_of: dict[str, dict[str, int]] = {
            p["id"]: {s["skill"]: s["level"] for s in p.get("skills") or ()}
            for p in document["people"]
        }
        self.broader: dict[str, str | None] = {
            s["id"]: s.get("broader") for s in document["skills"]
        }
        servers: dict[str, list[str]] = defaultdict(list)
        for service in document["services"]:
            servers[service["village"]].append(service["person"])
        self.servers = dict(sorted(servers.items()))
        self.served_villages = list(self.servers)
        self.townships = sorted(t["id"] for t in document["townships"])
        self.all_skills = sorted(self.broader)
        # Young staff (≤ 35 at the seed's "now"): the people a mentor is sought for.
        self.young = sorted(
            p["id"]
            for p in document["people"]
            if p.get("birthYear") and ANCHOR.year - p["birthYear"] <= 35
        )


def _served_args(rng: random.Random, seeded: _Seeded) -> dict[str, Any]:
    village = rng.choice(seeded.served_villages)
    if rng.random() < 0.6:
        skill = rng.choice(HEADLINE_SKILLS)
    else:
        # A skill someone who served the village holds, or the skill above it.
        held = sorted(seeded.skills_of[rng.choice(seeded.servers[village])]) or ["SK-AGRI"]
        skill = rng.choice(held)
        broader = seeded.broader.get(skill)
        if broader is not None and rng.random() < 0.5:
            skill = broader
    args: dict[str, Any] = {"villageId": village, "skillId": skill}
    if rng.random() < 0.3:
        args["servedSince"] = dt.date(rng.choice((2019, 2021, 2023)), 1, 1).isoformat()
    if rng.random() < 0.25:
        args["includeNarrowerSkills"] = False
    if rng.random() < 0.25:
        args["minLevel"] = 3
    return args


def _mentor_args(rng: random.Random, seeded: _Seeded) -> dict[str, Any]:
    mentee = rng.choice(seeded.young)
    args: dict[str, Any] = {"menteeId": mentee, "limit": 10}
    draw = rng.random()
    if draw < 0.35:
        pass  # the skills of the mentee's posts, else the mentee's own
    elif draw < 0.7 and seeded.skills_of[mentee]:
        args["skillIds"] = rng.sample(sorted(seeded.skills_of[mentee]), 1)
    else:
        args["skillIds"] = rng.sample(HEADLINE_SKILLS, rng.randint(1, 2))
    return args


def _talent_args(rng: random.Random, seeded: _Seeded) -> dict[str, Any]:
    n = rng.choice((1, 1, 2, 2, 3))
    pool = HEADLINE_SKILLS if rng.random() < 0.7 else tuple(seeded.all_skills)
    args: dict[str, Any] = {"skillIds": rng.sample(pool, n), "first": 20}
    if n > 1 and rng.random() < 0.25:
        args["match"] = "ALL"
    if rng.random() < 0.4:
        args["minLevel"] = 3
    if rng.random() < 0.5:
        args["townshipId"] = rng.choice(seeded.townships)
    if rng.random() < 0.4:
        args["availableOn"] = (dt.date(2024, 1, 1) + dt.timedelta(rng.randint(0, 900))).isoformat()
    return args


async def build(
    document: Mapping[str, list[Record]], count: int, rules: Rules, random_seed: int = 7
) -> list[Workload]:
    """`count` cases per headline query, the same for every run of the same document."""
    seeded = _Seeded(document)
    out: list[Workload] = []
    samplers = (
        ("peopleWhoServed", PEOPLE_WHO_SERVED, _served_args),
        ("mentorCandidates", MENTOR_CANDIDATES, _mentor_args),
        ("talentPool", TALENT_POOL, _talent_args),
    )
    for field, text, sample in samplers:
        rng = random.Random(f"{random_seed}:{field}")
        cases: list[Case] = []
        for _ in range(count):
            variables = sample(rng, seeded)
            name, params = await _capture(field, variables, rules)
            cases.append(Case(variables, name, params))
        out.append(Workload(field, text, cases))
    return out
