"""`python -m bench` (`make bench`): seed, serve, measure, print.

Phases, each printed as it ends:

1. the bench's own Neo4j (or `NEO4J_URI`), emptied, constraints applied;
2. a 5,000-person roster workbook (seed counties exported) read and imported into the emptied
   database, timed (bench/import_workbook.py); then `seed.generate(scale)` imported through
   `import_document`: generation and import time and throughput;
3. the arguments sampled from the document, and the Cypher each resolver sends for them captured
   against the seeded database; the real app in a uvicorn process of its own on 127.0.0.1; each
   headline query (and the workflow queries needMatches, emergencyRoster and
   workTeamComposition) sent sequentially
   over HTTP (warm-up, then measured) interleaved with the same Cypher run through the driver
   (all of a request's queries, one after the other), with the round trips each GraphQL request
   caused; then collaborationNetwork for a county and for the whole seed, cold and cached
   (bench/network.py);
4. a fixed-length concurrent run of talentPool, GraphQL and raw Cypher;
5. the request shapes of bench/shapes.py (the floor, a township's people, a county's tree, 100
   people nested, talentPool) at 1 and 8 clients, beside their Cypher and JSON floor
   (`--shapes-only` measures only these); with `--peer`, the same shapes on @neo4j/graphql
   (bench/peer.py);
6. the tables, aligned and in Markdown. The bench Neo4j is stopped unless `--keep`.

Progress goes to stderr, figures to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import time

import httpx

from bench import database, import_workbook, peer, shapes, workload
from bench import network as network_bench
from bench.database import BenchError, SeedFigures, Target
from bench.requests import (
    Concurrent,
    Measured,
    measure,
    measure_floor,
    post_graphql,
    run_concurrently,
    run_cypher,
)
from bench.scope import measure_scope, scope_lines
from bench.server import ServerProcess, memory_line
from bench.stats import (
    AIM_P95_MS,
    AIM_RATIO,
    Summary,
    aligned_table,
    markdown_table,
)
from bench.workload import Case
from graph.db import Graph, Neo4jConfig
from resolvers.context import Rules
from server.settings import Settings

WARMUP = 30
CONCURRENT_CLIENTS = 4
CONCURRENT_SECONDS = 10.0
AIM_IMPORT_S = 60.0
# A province (issue 13): `towngraph seed --scale 90` imported on the default heap in ≤ 10 minutes.
AIM_PROVINCE_IMPORT_S = 600.0
REQUEST_TIMEOUT_S = 30.0


def say(line: str) -> None:
    print(f"  · {line}", file=sys.stderr, flush=True)


def out(line: str = "") -> None:
    print(line, flush=True)


def _verdict(ok: bool) -> str:
    return "meets the aim" if ok else "MISSES the aim"


def _seed_size(seed: SeedFigures | None) -> str:
    if seed is None:
        return " (reused)"
    r = seed.report
    return f" ({r.nodes_created:,} nodes, {r.relationships_created:,} relationships)"


def print_seed(seed: SeedFigures, scale: int) -> None:
    r = seed.report
    out(f"== seed: scale {scale} (seed.generate(scale={scale}, random_seed=42))")
    out(f"generate   {seed.generate_s:6.1f} s   {seed.rows:,} rows")
    out(
        f"import     {seed.import_s:6.1f} s   {seed.rows / seed.import_s:,.0f} rows/s, "
        f"{seed.graph_items / seed.import_s:,.0f} nodes+relationships/s "
        f"({r.nodes_created:,} nodes, {r.relationships_created:,} relationships, "
        f"{r.properties_set:,} properties)"
    )
    aim = AIM_IMPORT_S if scale <= 10 else AIM_PROVINCE_IMPORT_S
    out(f"aim: import ≤ {aim:.0f} s: {_verdict(seed.import_s <= aim)}")
    out()


def print_queries(
    measured: list[Measured], floor: Summary, warmup: int, runs: int, caption: str
) -> None:
    out(
        f"== headline queries: {warmup} warm-up + {runs} measured requests each, sequential; "
        "GraphQL over HTTP (127.0.0.1, uvicorn) vs the same Cypher through the driver "
        "(Graph.read); latencies in ms"
    )
    rows = [m.figures for m in measured]
    out(aligned_table(rows))
    out(f'("!" = misses an aim: GraphQL p95 ≤ {AIM_P95_MS:.0f} ms, p50 ratio ≤ {AIM_RATIO})')
    out()
    for m in measured:
        out(
            f"{m.figures.name}: {m.mean_results:.1f} results per request on average, "
            f"{m.empty} of {m.figures.graphql.count} empty; GraphQL and Cypher result counts "
            f"{'agree' if not m.mismatches else f'DIFFER in {m.mismatches} requests'}"
        )
        if len(m.trips) > 1:
            spread = ", ".join(f"{n} in {m.trips[n]} requests" for n in sorted(m.trips))
            out(f"  round trips: {spread}")
        if m.trip_mismatches:
            out(
                f"  WARNING: {m.trip_mismatches} {m.figures.name} requests made a different "
                "number of round trips than the Cypher replayed for them"
            )
    out(
        f"GraphQL/HTTP floor ({{ __typename }}, no Cypher): p50 {floor.p50:.1f} ms, "
        f"p95 {floor.p95:.1f} ms, p99 {floor.p99:.1f} ms"
    )
    out()
    out("Markdown:")
    out()
    out(caption)
    out()
    out(markdown_table(rows))
    out()


def print_concurrent(name: str, gql: Concurrent, raw: Concurrent, clients: int, s: float) -> None:
    out(f"== concurrent: {clients} clients for {s:.0f} s on {name} (same cases, cycled)")
    for label, c in (("GraphQL/HTTP", gql), ("Cypher", raw)):
        out(
            f"{label:<13} {c.summary.throughput:7.1f} req/s   {c.summary.count:,} requests, "
            f"p50 {c.summary.p50:.1f} ms, p95 {c.summary.p95:.1f} ms, p99 {c.summary.p99:.1f} ms, "
            f"{c.errors} errors"
        )
    out()


async def _measure_shapes(
    client: httpx.AsyncClient,
    graph: Graph,
    request_shapes: list[shapes.Shape],
    runs: int,
    peer_config: Neo4jConfig | None,
) -> None:
    figures = await shapes.measure_all(client, graph, request_shapes, runs, say)
    for line in shapes.lines(figures, runs):
        out(line)
    out()
    if peer_config is not None:  # --peer: the same shapes on @neo4j/graphql (bench/peer.py)
        for line in await peer.compare(peer_config, graph, client, runs, say):
            out(line)
        out()


# -- the whole run -----------------------------------------------------------------------------


async def run(target: Target, args: argparse.Namespace) -> None:
    # Capturing and the raw side are the operator's work: the longer limit of `Graph.patient`.
    graph = Graph.connect(target.config).patient()
    try:
        version = (await graph.patient().read("setup/version"))[0]
        out(
            f"towngraph bench: Neo4j {version['version']} {version['edition']} "
            f"({target.description}); Python {platform.python_version()}; "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start"
        )
        out()
        reused = args.reuse and await database.seeded(graph, args.scale)
        if (
            target.instance is None
            and not args.wipe
            and not reused
            and await database.count_nodes(graph)
        ):
            raise BenchError(
                "NEO4J_URI points at a database that is not empty; the benchmark deletes "
                "everything in it first: pass --wipe to allow that"
            )
        seed: database.SeedFigures | None = None
        if reused:
            # A seeded database of this scale kept by `--keep`: the import phases are skipped.
            say(f"reusing the seeded database of scale {args.scale} (--reuse)")
            document = database.generate(args.scale, 42, say)
            out(f"== seed: scale {args.scale}, reused (--reuse): not imported in this run")
            out()
        else:
            # The 5,000-person roster workbook first: its phase empties the database too.
            roster = await import_workbook.measure(graph, say)
            for line in import_workbook.lines(roster):
                out(line)
            out()
            seed, document = await database.prepare(
                graph, scale=args.scale, random_seed=42, say=say
            )
            print_seed(seed, args.scale)

        settings = Settings()
        rules = Rules(max_active_mentees=settings.towngraph_max_active_mentees)
        started = time.perf_counter()
        workloads = await workload.build(graph, document, WARMUP + args.runs, rules, say=say)
        counties = sorted(c["id"] for c in document["counties"])
        networks = await network_bench.cases(graph, rules, counties)
        talent = next(w for w in workloads if w.name == "talentPool")
        request_shapes = await shapes.build(graph, document, rules, talent)
        del document
        say(
            f"{sum(len(w.cases) for w in workloads):,} cases sampled and their Cypher captured "
            f"in {time.perf_counter() - started:.1f} s"
        )

        peer_config = target.config if args.peer else None
        server = ServerProcess(target.config)
        ready_s = await asyncio.to_thread(server.start)
        say(f"app ready at {server.base_url} (pid {server.pid}) in {ready_s:.1f} s")
        try:
            limits = httpx.Limits(max_connections=CONCURRENT_CLIENTS * 2)
            async with httpx.AsyncClient(
                base_url=server.base_url,
                timeout=REQUEST_TIMEOUT_S,
                limits=limits,
                headers=server.headers,
            ) as client:
                if args.shapes_only:
                    await _measure_shapes(client, graph, request_shapes, args.runs, peer_config)
                    out(memory_line(server))
                    return
                measured: list[Measured] = []
                for w in workloads:
                    started = time.perf_counter()
                    measured.append(await measure(client, graph, w, WARMUP, args.runs))
                    say(f"{w.name} measured in {time.perf_counter() - started:.1f} s")
                floor = await measure_floor(client, WARMUP, args.runs)
                caption = (
                    f"_Seed scale {args.scale}{_seed_size(seed)}; {args.runs} "
                    f"sequential requests per query after {WARMUP} warm-up; latencies in ms; "
                    f"Neo4j {version['version']}, Python {platform.python_version()}, "
                    f"{os.cpu_count()} CPUs; ratio = GraphQL over HTTP / the same Cypher "
                    "through the driver._"
                )
                print_queries(measured, floor, WARMUP, args.runs, caption)

                scoped = await measure_scope(client, workloads, server, WARMUP, args.runs)
                out("== the cost of scoping: the same requests as ADMIN and as a township clerk")
                out("   of the case's county (TOWNSHIP ÷ ADMIN)")
                for line in scope_lines(scoped):
                    out(line)
                out()
                figures = await network_bench.measure(
                    target.config, graph, client, networks, args.runs, say
                )
                for line in network_bench.lines(figures, args.scale):
                    out(line)
                out()

                async def via_graphql(case: Case) -> None:
                    await post_graphql(client, talent, case)

                async def via_cypher(case: Case) -> None:
                    await run_cypher(graph, case)

                gql = await run_concurrently(
                    via_graphql, talent.cases, CONCURRENT_CLIENTS, CONCURRENT_SECONDS
                )
                raw = await run_concurrently(
                    via_cypher, talent.cases, CONCURRENT_CLIENTS, CONCURRENT_SECONDS
                )
                print_concurrent(talent.name, gql, raw, CONCURRENT_CLIENTS, CONCURRENT_SECONDS)
                await _measure_shapes(client, graph, request_shapes, args.runs, peer_config)
                out(memory_line(server))
        finally:
            server.stop()
    finally:
        await graph.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--scale", type=int, default=10, help="counties to seed (default 10)")
    parser.add_argument(
        "--runs", type=int, default=200, help="measured requests per query and side (default 200)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="leave the bench Neo4j running (and its data)"
    )
    parser.add_argument(
        "--shapes-only",
        action="store_true",
        help="after seeding, measure only the request shapes (bench/shapes.py)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep a database this bench seeded at the same --scale (with --keep) instead of"
        " importing again",
    )
    parser.add_argument(
        "--peer",
        action="store_true",
        help="after the shapes, the same shapes on @neo4j/graphql (python -m bench.peer)",
    )
    parser.add_argument(
        "--wipe",
        action="store_true",
        help="with NEO4J_URI: allow deleting everything in that (non-empty) database",
    )
    args = parser.parse_args(argv)
    if args.scale < 1 or args.runs < 1:
        parser.error("--scale and --runs must be at least 1")

    wall = time.perf_counter()
    target: Target | None = None
    code = 0
    try:
        target = database.acquire(say)
        if target.instance is None:
            say(f"NEO4J_URI is set: using {target.description}, not the bench's own instance")
        asyncio.run(run(target, args))
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        code = 1
    finally:
        if target is not None and target.instance is not None:
            if args.keep:
                say(f"bench Neo4j kept running ({target.config.uri}, home {target.instance.home})")
            else:
                target.instance.stop()
                say("bench Neo4j stopped")
    out(
        f"wall time: {time.perf_counter() - wall:.1f} s "
        f"(load average {os.getloadavg()[0]:.2f} at the end)"
    )
    return code
