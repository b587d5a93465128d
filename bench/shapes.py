"""The request shapes of the per-request cost: each measured over HTTP at 1 and at 8 concurrent
clients, beside the same Cypher through the driver and beside the answer's JSON floor.

Shapes: the floor (`{ __typename }`: HTTP, auth and GraphQL with no Cypher); a township's people,
first page of 20; a county's tree (townships → villages → departments → staff → skills); the
first 100 people with their department and skills; the newest 20 tasks, unfiltered, and the
20 after a cursor in the middle of the list; talentPool (the headline workload's cases).

The Cypher of a case is captured by running its document once in-process on a recording graph
(bench/workload.py's RecordingGraph): the named queries, with their parameters, that the
resolvers sent, replayed one after the other. The JSON floor of a case is that replay plus
`orjson.dumps` of the GraphQL answer's data: what a hand-written endpoint returning the same
JSON would spend at least. Ratios are of p50 latencies.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from bench.database import BenchError
from bench.stats import Summary
from bench.workload import Call, Case, RecordingGraph, Workload
from graph.db import Graph, Record
from resolvers.context import Context, Rules
from schema.root import build_schema

CONCURRENCY = (1, 8)
# Aims of issue 13: GraphQL within 1.3× the raw Cypher for every list, a large nested answer
# within 3× its JSON floor.
AIM_CYPHER_RATIO = 1.3
AIM_JSON_RATIO = 3.0

FLOOR = "query Floor { __typename }"
TOWNSHIP_PEOPLE = """query TownshipPeople($t: ID!) {
  people(filter: {townshipId: $t}, first: 20) {
    edges { cursor node { id name gender birthYear politicalStatus education rank } }
  }
}"""
COUNTY_TREE = """query CountyTree($c: ID!) {
  county(id: $c) { id name townships { id name kind villages { id name }
    departments { id name kind staff { id name gender birthYear politicalStatus education rank
      skills { level skill { id name } } } } } }
}"""
PEOPLE_100 = """query People100 {
  people(first: 100) { edges { node { id name gender birthYear joinedYear politicalStatus
    education rank department { id name kind } skills { level skill { id name } } } } }
}"""
TASKS_20 = """query Tasks20($after: String) {
  tasks(first: 20, after: $after) {
    edges { cursor node { id title status kind createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}"""


@dataclass(frozen=True)
class Shape:
    name: str
    document: str
    cases: list[Case]


async def _capture(graph: Graph, rules: Rules, document: str, variables: dict[str, Any]) -> Case:
    recorder = RecordingGraph(graph)
    result = await build_schema().execute(document, variables, Context(recorder, rules=rules))
    if result.errors:
        raise BenchError(f"{document.split('(')[0]} {variables}: {result.errors}")
    return Case(variables, list(recorder.calls))


async def build(
    graph: Graph,
    document: Mapping[str, list[Record]],
    rules: Rules,
    talent: Workload,
    count: int = 20,
    random_seed: int = 7,
) -> list[Shape]:
    """The shapes' cases from the seed document, their Cypher captured against `graph`."""
    rng = random.Random(random_seed)
    townships = sorted(t["id"] for t in document["townships"])
    counties = sorted(c["id"] for c in document["counties"])
    picked = [rng.choice(townships) for _ in range(count)]
    shapes = [
        Shape("floor", FLOOR, [Case({}, [])]),
        Shape(
            "townshipPeople first 20",
            TOWNSHIP_PEOPLE,
            [await _capture(graph, rules, TOWNSHIP_PEOPLE, {"t": t}) for t in picked],
        ),
        Shape(
            "county tree",
            COUNTY_TREE,
            [await _capture(graph, rules, COUNTY_TREE, {"c": c}) for c in counties],
        ),
        Shape("people first 100", PEOPLE_100, [await _capture(graph, rules, PEOPLE_100, {})]),
        Shape("tasks first 20", TASKS_20, await _task_cases(graph, rules, count)),
        Shape("talentPool", talent.document, talent.cases[:count]),
    ]
    return shapes


async def _task_cases(graph: Graph, rules: Rules, count: int) -> list[Case]:
    """The first page of tasks, then pages after cursors spread over the first hundred
    tasks (a cursor in the middle of the list is a range of the createdAt index)."""
    walked = await build_schema().execute(
        "query W { tasks(first: 100) { edges { cursor } } }", {}, Context(graph, rules=rules)
    )
    if walked.errors or walked.data is None:
        raise BenchError(f"tasks: {walked.errors}")
    cursors = [e["cursor"] for e in walked.data["tasks"]["edges"]]
    picked = [None, *cursors[:: max(1, len(cursors) // max(1, count - 1))]][:count]
    return [await _capture(graph, rules, TASKS_20, {"after": c}) for c in picked]


@dataclass(frozen=True)
class ShapeFigures:
    name: str
    clients: int
    graphql: Summary
    cypher: Summary | None  # None for the floor: it sends no Cypher
    json_floor_ms: float | None  # p50 of Cypher + orjson.dumps, sequential runs only
    kilobytes: float

    @property
    def cypher_ratio(self) -> float | None:
        return self.graphql.p50 / self.cypher.p50 if self.cypher else None

    @property
    def json_ratio(self) -> float | None:
        return self.graphql.p50 / self.json_floor_ms if self.json_floor_ms else None


async def _replay(graph: Graph, calls: Sequence[Call]) -> list[list[Record]]:
    return [await graph.read(name, params) for name, params in calls]


async def _loops(
    call: Callable[[Case], Awaitable[float]], cases: Sequence[Case], clients: int, requests: int
) -> Summary:
    """`clients` loops sharing `requests` requests, each sent as soon as the last answered."""
    latencies: list[float] = []
    todo = iter(range(requests))

    async def loop() -> None:
        for i in todo:
            latencies.append(await call(cases[i % len(cases)]))

    started = time.perf_counter()
    await asyncio.gather(*(loop() for _ in range(clients)))
    return Summary.of(latencies, wall_s=time.perf_counter() - started)


async def measure(
    client: httpx.AsyncClient, graph: Graph, shape: Shape, clients: int, requests: int
) -> ShapeFigures:
    """Warm-up, then `requests` GraphQL requests and `requests` Cypher replays."""
    sizes: list[int] = []
    answers: dict[int, Any] = {}

    async def graphql(case: Case) -> float:
        started = time.perf_counter()
        response = await client.post(
            "/graphql", json={"query": shape.document, "variables": case.variables}
        )
        seconds = time.perf_counter() - started
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise BenchError(f"{shape.name}: {response.status_code} {body.get('errors')}")
        sizes.append(len(response.content))
        answers[id(case)] = body["data"]
        return seconds

    async def cypher(case: Case) -> float:
        started = time.perf_counter()
        await _replay(graph, case.calls)
        return time.perf_counter() - started

    async def json_floor(case: Case) -> float:
        started = time.perf_counter()
        await _replay(graph, case.calls)
        orjson.dumps({"data": answers[id(case)]})
        return time.perf_counter() - started

    warmup = min(len(shape.cases) * 2, 20)
    await _loops(graphql, shape.cases, clients, warmup)
    gql = await _loops(graphql, shape.cases, clients, requests)
    raw = floor = None
    if any(c.calls for c in shape.cases):
        raw = await _loops(cypher, shape.cases, clients, requests)
        if clients == 1:
            floor = (await _loops(json_floor, shape.cases, 1, requests)).p50
    return ShapeFigures(shape.name, clients, gql, raw, floor, sum(sizes) / len(sizes) / 1024)


async def measure_all(
    client: httpx.AsyncClient,
    graph: Graph,
    shapes: Sequence[Shape],
    requests: int,
    say: Callable[[str], None] = lambda _: None,
) -> list[ShapeFigures]:
    out: list[ShapeFigures] = []
    for shape in shapes:
        for clients in CONCURRENCY:
            # The floor is cheap: ten times the requests give it a steady figure.
            n = requests * 10 if not any(c.calls for c in shape.cases) else requests
            started = time.perf_counter()
            out.append(await measure(client, graph, shape, clients, n))
            took = time.perf_counter() - started
            say(f"{shape.name} at {clients} clients measured in {took:.1f} s")
    return out


def _ratio(value: float | None, aim: float) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}{'' if value <= aim else ' !'}"


def lines(figures: Sequence[ShapeFigures], requests: int) -> list[str]:
    """The Markdown table of the shapes (and how to read it)."""
    out = [
        f"== request shapes: {requests} requests per shape (the floor ×10) at 1 and 8 clients; "
        "GraphQL over HTTP vs the same Cypher through the driver; latencies in ms",
        "",
        "| shape | clients | KB | GraphQL req/s | p50 | p95 | Cypher req/s | p50 "
        "| ÷ Cypher | JSON floor p50 | ÷ JSON floor |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for f in figures:
        raw = f.cypher
        out.append(
            f"| {f.name} | {f.clients} | {f.kilobytes:,.0f} | {f.graphql.throughput:,.0f} "
            f"| {f.graphql.p50:.1f} | {f.graphql.p95:.1f} "
            f"| {f'{raw.throughput:,.0f}' if raw else '–'} | {f'{raw.p50:.1f}' if raw else '–'} "
            f"| {_ratio(f.cypher_ratio, AIM_CYPHER_RATIO)} "
            f"| {f'{f.json_floor_ms:.1f}' if f.json_floor_ms else '–'} "
            f"| {_ratio(f.json_ratio, AIM_JSON_RATIO)} |"
        )
    out.append(
        f'("!" = misses an aim: ÷ Cypher ≤ {AIM_CYPHER_RATIO}, ÷ JSON floor ≤ {AIM_JSON_RATIO}; '
        "JSON floor = the Cypher replayed plus orjson.dumps of the answer)"
    )
    return out
