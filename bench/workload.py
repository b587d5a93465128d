"""What the benchmark asks: the three headline GraphQL documents, two of the workflow
queries (needMatches, emergencyRoster) and a county's work-team composition, with the fields a
front end selects, and realistic arguments sampled deterministically from the seeded document.

For the raw-Cypher side, each case also carries the exact named queries and parameters the
resolver sends, in order (needMatches sends one or two): they are captured by running the real
resolver (`resolvers.matching`, `resolvers.need_match`, `resolvers.emergency`,
`resolvers.workteam`, with the argument
defaults of the schema) against a `Graph` that records each read and passes it through to the
seeded database, so a query whose parameters depend on an earlier answer (needMatches' county-wide
query) is captured with the right ones, and the two sides cannot drift apart.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import random
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from bench import compliance as compliance_bench
from bench import mentoring as mentoring_bench
from bench.database import BenchError
from graph.db import Graph, Record, Tx
from resolvers import emergency, need_match, workteam
from resolvers import matching as resolve
from resolvers.context import Context, Rules
from resolvers.errors import DomainError
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

NEED_MATCHES = """
query NeedMatches($townshipId: ID!, $quarter: String!, $asOf: Date) {
  needMatches(townshipId: $townshipId, quarter: $quarter, asOf: $asOf) {
    needs {
      need { id title urgency village { name } skills { skill { name } level } }
      canMeet
      candidates { person { id name } score reasons available servedVillageBefore }
    }
    unmet {
      need { id }
      missingSkills { skill { name } level }
      countyCandidates { person { id name } score }
    }
  }
}
"""

EMERGENCY_ROSTER = """
query EmergencyRoster($villageId: ID!, $skillIds: [ID!]!, $radiusKm: Float, $asOf: Date,
                      $first: Int) {
  emergencyRoster(villageId: $villageId, skillIds: $skillIds, radiusKm: $radiusKm, asOf: $asOf,
                  first: $first) {
    person { id name }
    distanceKm
    inEmergencyTeam
    matchedSkills { skill { name } level }
  }
}
"""

WORK_TEAM_COMPOSITION = """
query WorkTeamComposition($countyId: ID, $townshipId: ID, $asOf: Date) {
  workTeamComposition(countyId: $countyId, townshipId: $townshipId, asOf: $asOf) {
    cadres { person { id name } role village { name } sendingLevel }
    targets { key value target met counted total }
    villagesWithoutLiaison { id name }
  }
}
"""

# Skills a clerk asks about most (rice, flood control, subsistence allowance, mediation …) and
# the broader ones above them, whose narrower skills widen the traversal.
HEADLINE_SKILLS = (
    "SK-RICE", "SK-FLOOD", "SK-CROP", "SK-WATER", "SK-AGRI", "SK-TEA", "SK-DIBAO",
    "SK-SOCSEC", "SK-MEDIATE", "SK-PARTYB", "SK-ECOMOPS", "SK-PEST",
)  # fmt: skip

# What an emergency musters, by kind of emergency, with how often each kind comes up (floods
# most); skills the seed's catalogue lacks are left out.
EMERGENCY_SKILLS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (5, ("SK-FLOOD", "SK-DYKE", "SK-RESCUE", "SK-WATER")),  # flood, dyke breach
    (2, ("SK-FIREPREV", "SK-RESCUE", "SK-FOREST")),  # forest fire
    (2, ("SK-EMERG", "SK-RESCUE", "SK-SAFETY")),  # accident, rescue
    (1, ("SK-EPIDEMIC", "SK-PUBHEALTH", "SK-VET")),  # animal or human epidemic
)
ROSTER_RADII_KM = (10.0, 15.0, 20.0, 20.0, 25.0, 30.0)
ROSTER_FIRST = 50

T = TypeVar("T")
Call = tuple[str, dict[str, Any]]  # a named query and its parameters


@dataclass(frozen=True)
class Case:
    """One request: GraphQL variables, and the Cypher the resolver sends for them, in order."""

    variables: dict[str, Any]
    calls: list[Call]


@dataclass(frozen=True)
class Workload:
    name: str  # the GraphQL field
    document: str
    cases: list[Case]

    def size_of_graphql(self, data: Mapping[str, Any]) -> int:
        """How many results a GraphQL answer holds (checked against the raw answer)."""
        value = data[self.name]
        if self.name == "talentPool":
            return int(value["totalCount"])
        if self.name == "needMatches":
            return len(value["needs"])
        if self.name in compliance_bench.CALLS:
            return len(value["lines"])
        if self.name == "workTeamComposition":
            return len(value["cadres"])
        if self.name == "mentorAssignment":
            return mentoring_bench.size_of_graphql(value)
        return len(value)

    def size_of_raw(self, answers: list[list[Record]]) -> int:
        """The same count from the rows of each query of a case (the first one holds it)."""
        if self.name in compliance_bench.CALLS:
            return compliance_bench.size_of_raw(answers)
        if self.name == "mentorAssignment":
            return mentoring_bench.size_of_raw(answers)
        row = answers[0][0]
        if self.name == "peopleWhoServed":
            return len(row["matches"])
        if self.name == "mentorCandidates":
            return len(row["candidates"])
        if self.name == "needMatches":
            return len(row["needs"])
        if self.name == "emergencyRoster":
            return len(row["roster"])
        if self.name == "workTeamComposition":
            return len(row["cadres"])
        return int(row["total"])


class RecordingGraph(Graph):
    """Stands in for `Graph` under a resolver: runs each read on the real database and records
    it (name and parameters), so later queries get their parameters from real answers. Writing
    is refused: the benchmark only reads."""

    def __init__(self, graph: Graph) -> None:
        # The limit of the graph it stands in for (the bench's is `Graph.patient`).
        super().__init__(graph.driver, replace(graph.config, query_timeout=graph.query_timeout))
        self.calls: list[Call] = []

    async def read(self, name: str, params: Mapping[str, Any] | None = None) -> list[Record]:
        self.calls.append((name, copy.deepcopy(dict(params or {}))))
        return await super().read(name, params)

    async def write(self, steps: list[tuple[str, Mapping[str, Any]]]) -> list[list[Record]]:
        raise BenchError(f"a benchmarked resolver tried to write: {[n for n, _ in steps]}")

    async def transaction(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        raise BenchError("a benchmarked resolver tried to open a write transaction")


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


async def _resolve(field: str, variables: dict[str, Any], ctx: Context) -> None:
    """Runs the resolver of `field` as the schema would for these GraphQL variables."""
    v = variables
    # Argument defaults and conversions as in schema/root.py, schema/need.py and
    # schema/emergency.py.
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
    elif field == "talentPool":
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
    elif field == "needMatches":
        await need_match.need_matches(
            ctx,
            township_id=v["townshipId"],
            quarter=v["quarter"],
            as_of=_date(v.get("asOf")),
            candidates_per_need=v.get("candidatesPerNeed", 5),
        )
    elif field == "emergencyRoster":
        await emergency.emergency_roster(
            ctx,
            village_id=v["villageId"],
            skill_ids=list(v["skillIds"]),
            radius_km=float(v.get("radiusKm", emergency.DEFAULT_RADIUS_KM)),
            as_of=_date(v.get("asOf")),
            first=v.get("first", emergency.DEFAULT_FIRST),
        )
    elif field in compliance_bench.CALLS:
        await compliance_bench.resolve(field, v, ctx)
    elif field == "workTeamComposition":
        await workteam.work_team_composition(
            ctx,
            county_id=v.get("countyId"),
            township_id=v.get("townshipId"),
            as_of=_date(v.get("asOf")),
        )
    elif field == "mentorAssignment":
        await mentoring_bench.resolve(v, ctx)
    else:
        raise BenchError(f"no resolver known for {field}")


# Cases captured at once (each case's queries still run one after the other, as the resolver
# sends them); the answers do not depend on it, only how long the capture takes.
CAPTURE_CONCURRENCY = 4

# How many queries each resolver may send: needMatches adds the county-wide one only when some
# need of the township cannot be met.
MAX_CALLS = {"needMatches": 2, **compliance_bench.CALLS}


async def _capture(graph: Graph, field: str, variables: dict[str, Any], rules: Rules) -> list[Call]:
    """The named queries and parameters the resolver sends for these GraphQL variables."""
    recorder = RecordingGraph(graph)
    try:
        await _resolve(field, variables, Context(graph=recorder, rules=rules))
    except DomainError as exc:
        raise BenchError(
            f"{field}{variables}: the resolver refused the sampled arguments: {exc}"
        ) from exc
    if not 1 <= len(recorder.calls) <= MAX_CALLS.get(field, 1):
        raise BenchError(f"{field}{variables} sent {[n for n, _ in recorder.calls]}")
    return recorder.calls


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
        self.counties = sorted(c["id"] for c in document["counties"])
        self.all_skills = sorted(self.broader)
        # Young staff (≤ 35 at the seed's "now") of a county's units: the people a mentor is
        # sought for (cadres of provincial and municipal units belong to no county).
        local = {
            d["id"]
            for d in document["departments"]
            if d.get("county") or d.get("township") or d.get("village")
        }
        self.young = sorted(
            p["id"]
            for p in document["people"]
            if p.get("birthYear")
            and ANCHOR.year - p["birthYear"] <= 35
            and p.get("department") in local
        )
        # Townships × quarters with at least one OPEN need: what a township clerk matches.
        township_of = {v["id"]: v["township"] for v in document["villages"]}
        self.need_slots = sorted(
            {
                (township_of[n["village"]], n["quarter"])
                for n in document.get("needs") or ()
                if n.get("status", "OPEN") == "OPEN"
            }
        )
        self.located_villages = sorted(v["id"] for v in document["villages"] if v.get("location"))
        # The kinds of emergency whose skills the catalogue has, with their weights.
        self.emergencies = [
            (weight, kept)
            for weight, skills in EMERGENCY_SKILLS
            if (kept := tuple(s for s in skills if s in self.broader))
        ]


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


def _quarter_start(quarter: str) -> dt.date:
    year, q = quarter.split("Q")
    return dt.date(int(year), 3 * (int(q) - 1) + 1, 1)


def _need_args(rng: random.Random, seeded: _Seeded) -> dict[str, Any]:
    township, quarter = rng.choice(seeded.need_slots)
    # Matched on some day of the quarter (availability is judged on it).
    as_of = _quarter_start(quarter) + dt.timedelta(rng.randint(0, 89))
    return {"townshipId": township, "quarter": quarter, "asOf": as_of.isoformat()}


def _roster_args(rng: random.Random, seeded: _Seeded) -> dict[str, Any]:
    weights = [w for w, _ in seeded.emergencies]
    _, skills = rng.choices(seeded.emergencies, weights=weights)[0]
    picked = rng.sample(skills, rng.randint(1, min(3, len(skills))))
    return {
        "villageId": rng.choice(seeded.located_villages),
        "skillIds": picked,
        "radiusKm": rng.choice(ROSTER_RADII_KM),
        # Within the year before the seed's "now" (team memberships are judged on it).
        "asOf": (ANCHOR - dt.timedelta(rng.randint(0, 365))).isoformat(),
        "first": ROSTER_FIRST,
    }


def _county_args(rng: random.Random, seeded: _Seeded) -> dict[str, Any]:
    return compliance_bench.county_args(rng, seeded.counties)


def _intake_args(rng: random.Random, seeded: _Seeded) -> dict[str, Any]:
    return mentoring_bench.intake_args(rng, seeded.young)


def _composition_args(rng: random.Random, seeded: _Seeded) -> dict[str, Any]:
    # Mostly a county's organisation department asking for its county, sometimes a township.
    place = (
        {"countyId": rng.choice(seeded.counties)}
        if rng.random() < 0.7
        else {"townshipId": rng.choice(seeded.townships)}
    )
    return {**place, "asOf": (ANCHOR - dt.timedelta(rng.randint(0, 365))).isoformat()}


Sampler = Callable[[random.Random, _Seeded], dict[str, Any]]


async def build(
    graph: Graph,
    document: Mapping[str, list[Record]],
    count: int,
    rules: Rules,
    random_seed: int = 7,
    say: Callable[[str], None] = lambda _: None,
) -> list[Workload]:
    """`count` cases per query, the same for every run of the same document; `graph` must hold
    that document (the resolvers run against it to capture their queries)."""
    seeded = _Seeded(document)
    if not seeded.need_slots:
        raise BenchError("the seed document has no OPEN needs: needMatches has nothing to match")
    if not seeded.located_villages or not seeded.emergencies:
        raise BenchError(
            "the seed document has no village with a location or none of the emergency skills "
            f"{sorted({s for _, skills in EMERGENCY_SKILLS for s in skills})}"
        )
    out: list[Workload] = []
    samplers: tuple[tuple[str, str, Sampler], ...] = (
        ("peopleWhoServed", PEOPLE_WHO_SERVED, _served_args),
        ("mentorCandidates", MENTOR_CANDIDATES, _mentor_args),
        ("talentPool", TALENT_POOL, _talent_args),
        ("needMatches", NEED_MATCHES, _need_args),
        ("emergencyRoster", EMERGENCY_ROSTER, _roster_args),
        ("dispatchCompliance", compliance_bench.DISPATCH_COMPLIANCE, _county_args),
        ("complianceReport", compliance_bench.COMPLIANCE_REPORT, _county_args),
        ("workTeamComposition", WORK_TEAM_COMPOSITION, _composition_args),
    )
    slots = asyncio.Semaphore(CAPTURE_CONCURRENCY)

    async def capture(field: str, variables: dict[str, Any]) -> Case:
        async with slots:
            return Case(variables, await _capture(graph, field, variables, rules))

    for field, text, sample in samplers:
        started = time.perf_counter()
        rng = random.Random(f"{random_seed}:{field}")
        arguments = [sample(rng, seeded) for _ in range(count)]
        cases = await asyncio.gather(*(capture(field, v) for v in arguments))
        out.append(Workload(field, text, list(cases)))
        say(f"{field}: {count} cases captured in {time.perf_counter() - started:.1f} s")
    return out
