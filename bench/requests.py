"""The bench's requests: one GraphQL request over HTTP and the same Cypher through the driver,
each timed; a workload measured sequentially both ways; the floor; a fixed-length concurrent run.
bench/run.py orders the phases and prints the tables."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from bench.database import BenchError
from bench.server import ROUND_TRIPS_HEADER
from bench.stats import (
    QueryFigures,
    Summary,
)
from bench.workload import Case, Workload
from graph.db import Graph, Record

# -- one request each way ----------------------------------------------------------------------


@dataclass(frozen=True)
class GraphQLAnswer:
    seconds: float
    data: dict[str, Any]
    round_trips: int


async def post_graphql(client: httpx.AsyncClient, w: Workload, case: Case) -> GraphQLAnswer:
    """One request, timed from sending it to having the whole response body."""
    payload = {"query": w.document, "variables": case.variables}
    started = time.perf_counter()
    response = await client.post("/graphql", json=payload)
    seconds = time.perf_counter() - started
    body: dict[str, Any] = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise BenchError(
            f"{w.name}{case.variables} answered {response.status_code}: {body.get('errors')}"
        )
    trips = int(response.headers.get(ROUND_TRIPS_HEADER, "-1"))
    return GraphQLAnswer(seconds, body["data"], trips)


async def run_cypher(graph: Graph, case: Case) -> tuple[float, list[list[Record]]]:
    """Every query the resolver sends for the case, one after the other as it does; the latency
    is their sum, and the rows come back per query."""
    seconds = 0.0
    answers: list[list[Record]] = []
    for name, params in case.calls:
        started = time.perf_counter()
        answers.append(await graph.read(name, params))
        seconds += time.perf_counter() - started
    return seconds, answers


# -- sequential --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    figures: QueryFigures
    mean_results: float
    empty: int
    mismatches: int
    trip_mismatches: int  # GraphQL requests whose round trips differ from the raw side's queries
    trips: Counter[int]  # GraphQL requests by their number of round trips


async def measure(
    client: httpx.AsyncClient, graph: Graph, w: Workload, warmup: int, runs: int
) -> Measured:
    """Warm-up, then `runs` requests each way, interleaved (alternating which goes first) so
    that the noise of a shared machine falls on both sides alike."""
    for case in w.cases[:warmup]:
        await post_graphql(client, w, case)
        await run_cypher(graph, case)
    gql_s: list[float] = []
    raw_s: list[float] = []
    trips: list[int] = []
    sizes: list[int] = []
    mismatches = 0
    trip_mismatches = 0
    for i, case in enumerate(w.cases[warmup : warmup + runs]):
        if i % 2:
            raw_time, rows = await run_cypher(graph, case)
            answer = await post_graphql(client, w, case)
        else:
            answer = await post_graphql(client, w, case)
            raw_time, rows = await run_cypher(graph, case)
        gql_s.append(answer.seconds)
        raw_s.append(raw_time)
        trips.append(answer.round_trips)
        size = w.size_of_graphql(answer.data)
        sizes.append(size)
        mismatches += size != w.size_of_raw(rows)
        trip_mismatches += answer.round_trips != len(case.calls)
    figures = QueryFigures(w.name, Summary.of(gql_s), Summary.of(raw_s), (min(trips), max(trips)))
    return Measured(
        figures,
        sum(sizes) / len(sizes),
        sizes.count(0),
        mismatches,
        trip_mismatches,
        Counter(trips),
    )


async def measure_floor(client: httpx.AsyncClient, warmup: int, runs: int) -> Summary:
    """`{ __typename }`: HTTP, uvicorn, Starlette and strawberry without any Cypher."""
    seconds: list[float] = []
    for i in range(warmup + runs):
        started = time.perf_counter()
        response = await client.post("/graphql", json={"query": "{ __typename }"})
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise BenchError(f"{{ __typename }} answered {response.status_code}")
        if i >= warmup:
            seconds.append(elapsed)
    return Summary.of(seconds)


# -- concurrent --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Concurrent:
    summary: Summary
    errors: int


async def run_concurrently(
    call: Callable[[Case], Awaitable[None]], cases: Sequence[Case], clients: int, seconds: float
) -> Concurrent:
    """`clients` loops, each sending its next request as soon as the last one answered, until
    the deadline; requests already sent then are waited for (each bounded by its timeout)."""
    latencies: list[float] = []
    errors = 0
    started = time.perf_counter()
    deadline = started + seconds

    async def client_loop(k: int) -> None:
        nonlocal errors
        i = k
        while time.perf_counter() < deadline:
            case = cases[i % len(cases)]
            i += clients
            t0 = time.perf_counter()
            try:
                await call(case)
            except (BenchError, httpx.HTTPError):
                errors += 1
                continue
            latencies.append(time.perf_counter() - t0)

    await asyncio.gather(*(client_loop(k) for k in range(clients)))
    return Concurrent(Summary.of(latencies, wall_s=time.perf_counter() - started), errors)


# -- printing ----------------------------------------------------------------------------------
