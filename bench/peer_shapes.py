"""The peer's side of each request shape for `python -m bench.peer`: the documents in
@neo4j/graphql's dialect (`peopleConnection` with `where`/`sort`, `skillsConnection` for
HAS_SKILL's level) asking for the same data as ours in bench/shapes.py, the arguments of both
sides picked from the database, and talentPool's statements for the peer's @cypher fields (our
own Cypher, unchanged, its parameters passed as they are).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from bench import shapes, workload
from bench.database import BenchError
from bench.workload import Case
from graph.db import Graph
from graph.queries import cypher
from resolvers.context import Rules

TALENT_CASES = 20

PEER_TOWNSHIP_PEOPLE = """query TownshipPeople($t: ID!, $on: Date!) {
  peopleConnection(first: 20, sort: [{id: ASC}], where: {OR: [
    {department: {township: {id: {eq: $t}}}},
    {department: {village: {township: {id: {eq: $t}}}}},
    {dispatchedToConnection: {some: {node: {id: {eq: $t}},
      edge: {since: {lte: $on}, OR: [{until: {eq: null}}, {until: {gte: $on}}]}}}}]}) {
    edges { cursor node { id name gender birthYear politicalStatus education rank } }
  }
}"""
# Our lists are in id order, a person's skills by level (highest first), then skill id.
_SKILLS = """skillsConnection(sort: [{edge: {level: DESC}}, {node: {id: ASC}}]) {
      edges { properties { level } node { id name } } }"""
PEER_COUNTY_TREE = f"""query CountyTree($c: ID!) {{
  counties(where: {{id: {{eq: $c}}}}) {{ id name townships(sort: [{{id: ASC}}]) {{ id name kind
    villages(sort: [{{id: ASC}}]) {{ id name }}
    departments(sort: [{{id: ASC}}]) {{ id name kind staff(sort: [{{id: ASC}}]) {{
      id name gender birthYear politicalStatus education rank {_SKILLS} }} }} }} }}
}}"""
PEER_PEOPLE_100 = f"""query People100 {{
  peopleConnection(first: 100, sort: [{{id: ASC}}]) {{ edges {{ node {{ id name gender birthYear
    joinedYear politicalStatus education rank department {{ id name kind }} {_SKILLS} }} }} }}
}}"""
# The peer's talentPool fields take our statement's parameters as they are (server.mjs).
_TALENT_PARAMS = (
    ("skillIds", "[ID!]!"), ("matchAll", "Boolean!"), ("minLevel", "Int!"), ("townshipId", "ID"),
    ("on", "Date!"), ("checkAvailability", "Boolean!"), ("first", "Int!"),
    ("after", "TalentCursor"), ("residentialRoles", "[String!]!"), ("includeNarrower", "Boolean!"),
    ("orderBy", "String!"), ("openTaskStatuses", "[String!]!"), ("unknownDistance", "Int!"),
    ("withTotal", "Boolean!"), ("scope", "Scope!"),
)  # fmt: skip
_TALENT_FIELDS = {
    "matching/talent_pool": "talentPool",
    "matching/talent_pool_township": "talentPoolTownship",
}


def _peer_talent_document(field: str) -> str:
    variables = ", ".join(f"${n}: {t}" for n, t in _TALENT_PARAMS)
    arguments = ", ".join(f"{n}: ${n}" for n, _ in _TALENT_PARAMS)
    return (
        f"query TalentPool({variables}) {{\n  {field}({arguments}) {{\n"
        "    total rows { person { id name } matched { skill { name } level } } }\n}"
    )


def _talent_statement(name: str) -> str:
    # Ours returns four columns, the page with one row beyond `first`; the peer's field wants
    # one column: the total and the page of `first` rows. Parameters reach inside unchanged.
    return (
        f"CALL () {{\n{cypher(name)}\n}}\nRETURN {{total: total, rows: page[0..$first]}} AS result"
    )


@dataclass(frozen=True)
class Pair:
    """One shape on both sides: each side's document and variables, case by case."""

    name: str
    ours: str
    peer: str
    ours_cases: list[Case]
    peer_cases: list[Case]


def _json_safe(value: Any) -> Any:
    """Captured parameters as GraphQL variables (dates as ISO strings)."""
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


async def _talent_pairs(graph: Graph, rules: Rules, townships: list[str]) -> list[Pair]:
    """talentPool's cases (sampled like bench/workload.py's, from the database), ours as GraphQL
    variables, the peer's as the parameters our resolver sent, split by the statement used."""
    held = {
        r["id"]
        for r in await graph.read_text("MATCH (s:Skill) RETURN s.id AS id", label="peer/skills")
    }
    pool = [s for s in workload.HEADLINE_SKILLS if s in held]
    if not pool:
        raise BenchError("the database holds none of the headline skills")
    rng = random.Random(7)
    by_field: dict[str, tuple[list[Case], list[Case]]] = {}
    for _ in range(TALENT_CASES):
        variables: dict[str, Any] = {
            "skillIds": rng.sample(pool, rng.choice((1, 2, 2, 3))),
            "first": 20,
        }
        if rng.random() < 0.5:
            variables["townshipId"] = rng.choice(townships)
        calls = await workload._capture(
            graph, "talentPool", variables, rules
        )  # the bench's one capture
        name, params = calls[0]
        ours, peer = by_field.setdefault(_TALENT_FIELDS[name], ([], []))
        ours.append(Case(variables, []))
        scope = {"all": True, "county": None, "unit": None, "day": dt.date.today()}
        peer.append(Case(_json_safe({**params, "scope": scope}), []))
    return [
        Pair(f"talentPool ({field})", workload.TALENT_POOL, _peer_talent_document(field), o, p)
        for field, (o, p) in sorted(by_field.items())
    ]


async def build_pairs(graph: Graph, rules: Rules, count: int = 20) -> list[Pair]:
    """The shapes' arguments picked from the database: townships and counties by id."""
    townships = [
        r["id"]
        for r in await graph.read_text(
            "MATCH (t:Township) RETURN t.id AS id ORDER BY id", label="peer/townships"
        )
    ]
    counties = [
        r["id"]
        for r in await graph.read_text(
            "MATCH (c:County) RETURN c.id AS id ORDER BY id", label="peer/counties"
        )
    ]
    if not townships or not counties:
        raise BenchError("the database holds no seed: run `make bench BENCH_ARGS=--keep` first")
    rng = random.Random(7)
    picked = [rng.choice(townships) for _ in range(count)]
    today = dt.date.today().isoformat()  # ours judges dispatches on the server's today
    floor = [Case({}, [])]
    return [
        Pair("floor", shapes.FLOOR, shapes.FLOOR, floor, floor),
        Pair(
            "townshipPeople first 20",
            shapes.TOWNSHIP_PEOPLE,
            PEER_TOWNSHIP_PEOPLE,
            [Case({"t": t}, []) for t in picked],
            [Case({"t": t, "on": today}, []) for t in picked],
        ),
        Pair(
            "county tree",
            shapes.COUNTY_TREE,
            PEER_COUNTY_TREE,
            [Case({"c": c}, []) for c in counties],
            [Case({"c": c}, []) for c in counties],
        ),
        Pair("people first 100", shapes.PEOPLE_100, PEER_PEOPLE_100, floor, floor),
        *await _talent_pairs(graph, rules, townships),
    ]


def talent_statements() -> dict[str, str]:
    """The peer's talentPool fields and their statements, for server.mjs."""
    return {field: _talent_statement(name) for name, field in _TALENT_FIELDS.items()}
