"""collaborationNetwork in the benchmark: for one county (`countyId`, each county in turn) and
for every township of the seed at once (`townshipIds`: the ten counties of scale 10 as one
area, so ties across county lines count too), cold and cached.

Cold is a second app process with the network cache turned off
(`TOWNGRAPH_NETWORK_CACHE_SECONDS=0`), so every request reads the projection and computes the
network again; cached is the bench's own app, where the same request asked again is served from
the memo. The raw side is the projection query through the driver, as the resolver sends it.
A network costs far more than a headline query, hence fewer requests: `--runs`, at most
`COUNTY_RUNS` per county case and `ALL_RUNS` for the whole seed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import httpx

from bench.database import BenchError
from bench.server import ServerProcess
from bench.stats import Summary
from bench.workload import Call, RecordingGraph
from graph.db import Graph, Neo4jConfig
from resolvers import network
from resolvers.context import Context, Rules
from seed import ANCHOR

# What a front end shows of a network: the summary, the heaviest ties, the matrix, the brokers,
# the largest communities; not every person (that list is a download, not a view).
NETWORK = """
query CollaborationNetwork($countyId: ID, $townshipIds: [ID!], $from: Date, $to: Date) {
  collaborationNetwork(countyId: $countyId, townshipIds: $townshipIds, from: $from, to: $to) {
    from to tieCount modularity
    ties(first: 50) { a { id name } b { id name } weight kinds crossTownship }
    townshipMatrix { a { id } b { id } ties weight }
    brokers(first: 20) { person { id name } score townships { id name } }
    communities(first: 10) { size townships { township { id } members } }
    isolatedTownships { id name }
    isolatedVillages { id }
  }
}
"""

AIM_COLD_P95_MS = 500.0  # a county's network computed afresh
AIM_CACHED_P95_MS = 50.0  # and served again
COUNTY_RUNS = 20
ALL_RUNS = 5
WARMUP = 2
COLD_ENV = {"TOWNGRAPH_NETWORK_CACHE_SECONDS": "0"}


@dataclass(frozen=True)
class NetworkCase:
    label: str  # "county" or "all"
    variables: dict[str, Any]
    call: Call  # the projection query and its parameters


@dataclass(frozen=True)
class NetworkFigures:
    label: str
    cold: Summary
    cached: Summary
    raw: Summary
    people: int
    ties: int

    @property
    def ratio(self) -> float:
        """Cold GraphQL over the raw projection query, at p50."""
        return self.cold.p50 / self.raw.p50 if self.raw.p50 > 0 else float("nan")


def _period() -> dict[str, str]:
    # The year before the seed's "now", as the resolver's default period would be then.
    return {"from": (ANCHOR - dt.timedelta(days=365)).isoformat(), "to": ANCHOR.isoformat()}


async def _capture(graph: Graph, rules: Rules, variables: dict[str, Any]) -> Call:
    """The projection query and parameters the resolver sends for these variables."""
    recorder = RecordingGraph(graph)
    await network.collaboration_network(
        Context(graph=recorder, rules=rules),
        county_id=variables.get("countyId"),
        township_ids=variables.get("townshipIds"),
        start=dt.date.fromisoformat(variables["from"]),
        end=dt.date.fromisoformat(variables["to"]),
        kinds=None,
    )
    if len(recorder.calls) != 1:
        raise BenchError(f"collaborationNetwork sent {[n for n, _ in recorder.calls]}")
    return recorder.calls[0]


# At province scale (`--scale 90`) the first this many counties, and no case of the whole seed:
# a province's network at once is not a request a front end sends, and would take the run's hour.
PROVINCE_COUNTIES = 10


async def cases(graph: Graph, rules: Rules, counties: Sequence[str]) -> list[NetworkCase]:
    """A case per county, and one of every township of the seed (at most PROVINCE_COUNTIES
    counties, and then no case of the whole seed)."""
    cold = replace(rules, network_cache_seconds=0.0)
    found: list[NetworkCase] = []
    for county in counties[:PROVINCE_COUNTIES]:
        v: dict[str, Any] = {"countyId": county, **_period()}
        found.append(NetworkCase("county", v, await _capture(graph, cold, v)))
    if len(counties) > PROVINCE_COUNTIES:
        return found
    rows = await graph.read_text(
        "MATCH (t:Township) RETURN t.id AS id ORDER BY id", label="bench/townships"
    )
    every: dict[str, Any] = {"townshipIds": [r["id"] for r in rows], **_period()}
    found.append(NetworkCase("all", every, await _capture(graph, cold, every)))
    return found


async def _post(client: httpx.AsyncClient, variables: dict[str, Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    response = await client.post("/graphql", json={"query": NETWORK, "variables": variables})
    seconds = time.perf_counter() - started
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise BenchError(f"collaborationNetwork{variables}: {body.get('errors')}")
    return seconds, body["data"]["collaborationNetwork"]


async def _raw(graph: Graph, call: Call) -> tuple[float, list[dict[str, Any]]]:
    started = time.perf_counter()
    rows = await graph.read(*call)
    return time.perf_counter() - started, rows


async def measure(
    config: Neo4jConfig,
    graph: Graph,
    cached_client: httpx.AsyncClient,
    found: Sequence[NetworkCase],
    runs: int,
    say: Callable[[str], None],
) -> list[NetworkFigures]:
    """Cold (a server of its own without the cache), cached (the bench's server, each case asked
    once before) and raw, interleaved per request."""
    server = ServerProcess(config, env=COLD_ENV)
    ready_s = await asyncio.to_thread(server.start)
    say(f"app without the network cache ready in {ready_s:.1f} s (pid {server.pid})")
    figures: list[NetworkFigures] = []
    try:
        async with httpx.AsyncClient(
            base_url=server.base_url, timeout=120.0, headers=server.headers
        ) as cold_client:
            for label, limit in (("county", COUNTY_RUNS), ("all", ALL_RUNS)):
                mine = [c for c in found if c.label == label]
                if not mine:  # no case of the whole seed at province scale
                    continue
                n = min(runs, limit)
                cold_s: list[float] = []
                cached_s: list[float] = []
                raw_s: list[float] = []
                people = ties = 0
                for i in range(WARMUP + n):
                    case = mine[i % len(mine)]
                    seconds, data = await _post(cold_client, case.variables)
                    raw_time, rows = await _raw(graph, case.call)
                    await _post(cached_client, case.variables)  # computed now, if it was not
                    cached_time, _ = await _post(cached_client, case.variables)
                    if i < WARMUP:
                        continue
                    cold_s.append(seconds)
                    raw_s.append(raw_time)
                    cached_s.append(cached_time)
                    people = max(people, len(rows[0]["people"]))
                    ties = max(ties, int(data["tieCount"]))
                figures.append(
                    NetworkFigures(
                        label,
                        Summary.of(cold_s),
                        Summary.of(cached_s),
                        Summary.of(raw_s),
                        people,
                        ties,
                    )
                )
                say(f"collaborationNetwork ({label}): {n} requests each way measured")
    finally:
        server.stop()
    return figures


def lines(figures: Sequence[NetworkFigures], scale: int) -> list[str]:
    """The table and the verdicts against the aims (the county's)."""
    out = [
        f"== collaborationNetwork: cold (cache off) and cached over HTTP vs the projection "
        f"query through the driver; seed scale {scale}; latencies in ms",
        f"{'area':<8} {'people':>7} {'ties':>7}  {'cold p50':>9} {'cold p95':>9}  "
        f"{'cached p50':>10} {'cached p95':>10}  {'Cypher p50':>10} {'Cypher p95':>10}  "
        f"{'cold/Cypher':>11}",
    ]
    for f in figures:
        name = "a county" if f.label == "county" else "all"
        out.append(
            f"{name:<8} {f.people:>7,} {f.ties:>7,}  {f.cold.p50:>9.1f} {f.cold.p95:>9.1f}  "
            f"{f.cached.p50:>10.1f} {f.cached.p95:>10.1f}  {f.raw.p50:>10.1f} "
            f"{f.raw.p95:>10.1f}  {f.ratio:>11.2f}"
        )
    county = next((f for f in figures if f.label == "county"), None)
    if county is not None:
        for what, value, aim in (
            ("cold", county.cold.p95, AIM_COLD_P95_MS),
            ("cached", county.cached.p95, AIM_CACHED_P95_MS),
        ):
            verdict = "meets the aim" if value <= aim else "MISSES the aim"
            out.append(f"aim: a county's network {what} p95 ≤ {aim:.0f} ms: {verdict}")
    return out
