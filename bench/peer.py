"""`python -m bench.peer`: the request shapes of bench/shapes.py side by side with the best
GraphQL-over-Neo4j library, @neo4j/graphql on Apollo Server (bench/peer/server.mjs), on the same
Neo4j and the same data: requests per second ours ÷ peer at 1 and 8 clients.

This module owns the run: installing the peer (`npm install` into bench/peer, once), its
process, the check that both sides answer the same ids and skill levels, the measurements and
the table; the peer's documents and the arguments are bench/peer_shapes.py's. Our side is the
bench's own: `ServerProcess`, its token, the documents of bench/shapes.py and its request loops.

The database must be seeded already (`make bench BENCH_ARGS=--keep`, or `NEO4J_URI` at a seeded
database); nothing here writes to it. Progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench import database, shapes
from bench.database import BenchError
from bench.peer_shapes import Pair, build_pairs, talent_statements
from bench.server import ServerProcess, free_port, terminate, wait_ready
from bench.stats import Summary
from bench.workload import Case
from graph.db import Graph, Neo4jConfig
from managed.instance import ManagedInstance
from resolvers.context import Rules

PEER_DIR = Path(__file__).resolve().parent / "peer"
REQUEST_TIMEOUT_S = 30.0
# -- the peer's process ------------------------------------------------------------------------


def ensure_installed(say: Callable[[str], None]) -> None:
    """`npm install` into bench/peer unless its packages are there (the exact versions of
    package.json; no lock file is written)."""
    if (PEER_DIR / "node_modules" / "@neo4j" / "graphql" / "package.json").exists():
        return
    say("installing the peer's packages (npm install in bench/peer)")
    subprocess.run(  # npm from PATH, with fixed arguments
        ["npm", "install", "--no-package-lock", "--no-audit", "--no-fund"],  # noqa: S607
        cwd=PEER_DIR,
        check=True,
        stdout=sys.stderr,
    )


class PeerProcess:
    """`node server.mjs PORT` over the same Neo4j; started and stopped by its pid."""

    def __init__(self, config: Neo4jConfig, port: int | None = None) -> None:
        self.config = config
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._proc: subprocess.Popen[bytes] | None = None
        self._dir = tempfile.mkdtemp(prefix="towngraph-peer-")

    def start(self, timeout: float = 60.0) -> float:
        statements = Path(self._dir) / "talent_pool.json"
        statements.write_text(json.dumps(talent_statements()), encoding="utf-8")
        env = {
            **os.environ,
            "NEO4J_URI": self.config.uri,
            "NEO4J_USER": self.config.user,
            "NEO4J_PASSWORD": self.config.password,
            "PEER_TALENT_POOL_CYPHER": str(statements),
        }
        if self.config.database:
            env["NEO4J_DATABASE"] = self.config.database
        started = time.perf_counter()
        self._proc = subprocess.Popen(  # noqa: S603 — node from PATH, our own script
            ["node", "server.mjs", str(self.port)],  # noqa: S607
            cwd=PEER_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
        try:
            return wait_ready(
                self._proc,
                self.base_url,
                lambda c: c.post("/", json={"query": shapes.FLOOR}),
                started,
                timeout,
                "the peer",
            )
        except RuntimeError as exc:
            self.stop()
            raise BenchError(str(exc)) from exc

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def stop(self, timeout: float = 15.0) -> None:
        proc, self._proc = self._proc, None
        terminate(proc, timeout)  # on SIGTERM server.mjs stops Apollo and closes its driver


# -- requests, the same-data check, the measurements -------------------------------------------


async def _post(client: httpx.AsyncClient, path: str, document: str, case: Case) -> dict[str, Any]:
    response = await client.post(path, json={"query": document, "variables": case.variables})
    body: dict[str, Any] = response.json()
    if response.status_code != 200 or body.get("errors"):
        name = document.split("(")[0].split("{")[0].strip()
        raise BenchError(f"{name} {case.variables}: {response.status_code} {body.get('errors')}")
    return body


def footprint(data: Any) -> tuple[Counter[str], int]:
    """What an answer holds, in either dialect: every `id` (a multiset) and how many `level`
    values (skills held or matched), wherever they sit."""
    ids: Counter[str] = Counter()
    levels = 0
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                ids[value["id"]] += 1
            levels += "level" in value
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return ids, levels


async def check_same(
    ours: httpx.AsyncClient, peer: httpx.AsyncClient, pairs: Sequence[Pair]
) -> list[str]:
    """One warning line per case whose two answers differ in ids or skill levels."""
    warnings: list[str] = []
    for pair in pairs:
        for o, p in zip(pair.ours_cases, pair.peer_cases, strict=True):
            a = footprint((await _post(ours, "/graphql", pair.ours, o))["data"])
            b = footprint((await _post(peer, "/", pair.peer, p))["data"])
            if a != b:
                warnings.append(
                    f"WARNING: {pair.name} {o.variables}: ours {sum(a[0].values())} ids and "
                    f"{a[1]} levels, the peer {sum(b[0].values())} ids and {b[1]} levels"
                    f"{'' if a[0] == b[0] else ' (the ids differ)'}"
                )
    return warnings


@dataclass(frozen=True)
class Row:
    name: str
    clients: int
    ours: Summary
    peer: Summary

    @property
    def ratio(self) -> float:
        return self.ours.throughput / self.peer.throughput


async def measure(
    ours: httpx.AsyncClient,
    peer: httpx.AsyncClient,
    pairs: Sequence[Pair],
    requests: int,
    say: Callable[[str], None],
) -> list[Row]:
    """Each shape at 1 and 8 clients: warm-up, then `requests` requests on ours, then on the
    peer (the floor ten times as many), with the loops of bench/shapes.py."""
    rows: list[Row] = []
    for pair in pairs:
        for clients in shapes.CONCURRENCY:
            n = requests * 10 if pair.name == "floor" else requests
            figures: list[Summary] = []
            for client, path, document, cases in (
                (ours, "/graphql", pair.ours, pair.ours_cases),
                (peer, "/", pair.peer, pair.peer_cases),
            ):

                async def call(
                    case: Case,
                    c: httpx.AsyncClient = client,
                    path: str = path,
                    document: str = document,
                ) -> float:
                    started = time.perf_counter()
                    await _post(c, path, document, case)
                    return time.perf_counter() - started

                await shapes._loops(call, cases, clients, min(len(cases) * 2, 20))
                figures.append(await shapes._loops(call, cases, clients, n))
            rows.append(Row(pair.name, clients, figures[0], figures[1]))
            say(f"{pair.name} at {clients} clients: ours ÷ peer {rows[-1].ratio:.2f}")
    return rows


def lines(rows: Sequence[Row], requests: int, warnings: Sequence[str]) -> list[str]:
    out = [
        f"== ours vs @neo4j/graphql on Apollo Server: {requests} requests per shape (the floor "
        "×10) at 1 and 8 clients; same Neo4j, same data; latencies in ms",
        "   (the peer runs without authentication; ours checks its bearer token on every request)",
        "",
        "| shape | clients | ours req/s | peer req/s | ours ÷ peer | ours p50 | peer p50 |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    out += [
        f"| {r.name} | {r.clients} | {r.ours.throughput:,.0f} | {r.peer.throughput:,.0f} "
        f"| {r.ratio:.2f} | {r.ours.p50:.1f} | {r.peer.p50:.1f} |"
        for r in rows
    ]
    out += ["", *warnings] if warnings else ["", "both sides answered the same ids and levels"]
    return out


async def compare(
    config: Neo4jConfig,
    graph: Graph,
    ours: httpx.AsyncClient,
    requests: int,
    say: Callable[[str], None],
    port: int | None = None,
) -> list[str]:
    """Starts the peer, checks and measures the pairs against `ours` (a client of our running
    server, with its token), stops the peer; returns the table's lines."""
    ensure_installed(say)
    pairs = await build_pairs(graph, Rules())
    peer = PeerProcess(config, port)
    ready_s = await asyncio.to_thread(peer.start)
    say(f"peer ready at {peer.base_url} (pid {peer.pid}) in {ready_s:.1f} s")
    try:
        async with httpx.AsyncClient(
            base_url=peer.base_url,
            timeout=REQUEST_TIMEOUT_S,
            limits=httpx.Limits(max_connections=2 * max(shapes.CONCURRENCY)),
        ) as client:
            warnings = await check_same(ours, client, pairs)
            for warning in warnings:
                say(warning)
            rows = await measure(ours, client, pairs, requests, say)
        return lines(rows, requests, warnings)
    finally:
        peer.stop()


async def _run(target: database.Target, args: argparse.Namespace) -> None:
    graph = Graph.connect(target.config).patient()
    server = ServerProcess(target.config)
    try:
        ready_s = await asyncio.to_thread(server.start)
        say(f"ours ready at {server.base_url} (pid {server.pid}) in {ready_s:.1f} s")
        async with httpx.AsyncClient(
            base_url=server.base_url, timeout=REQUEST_TIMEOUT_S, headers=server.headers
        ) as client:
            for line in await compare(target.config, graph, client, args.runs, say, args.port):
                print(line, flush=True)
    finally:
        server.stop()
        await graph.close()


def say(line: str) -> None:
    print(f"  · {line}", file=sys.stderr, flush=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.peer",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=200, help="requests per shape and side")
    parser.add_argument("--port", type=int, default=None, help="the peer's port (default: free)")
    args = parser.parse_args(argv)
    # A managed bench Neo4j that runs already is someone's: used, never stopped here.
    was_running = (
        "NEO4J_URI" in os.environ or ManagedInstance(home=database.BENCH_HOME).status().running
    )
    target: database.Target | None = None
    # SIGTERM like Ctrl-C, so that both servers are stopped by the `finally` blocks either way.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        target = database.acquire(say)
        asyncio.run(_run(target, args))
    except (BenchError, KeyboardInterrupt) as exc:
        print(f"bench.peer: {str(exc) or 'interrupted'}", file=sys.stderr)
        return 1
    finally:
        if target is not None and target.instance is not None and not was_running:
            target.instance.stop()
            say("bench Neo4j stopped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
