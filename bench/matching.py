"""`python -m bench.matching`: mentorCandidates, talentPool (with and without its totalCount),
postFit and personFit alone, their Cypher through the driver, with the database hits of each case
(PROFILE).

The full benchmark (`python -m bench`) takes a long while; this one seeds (or, with `--reuse`,
keeps) the bench's Neo4j, samples the same arguments as `bench.workload`, captures the query each
resolver sends, and times it: warm-up, then `--runs` sequential requests per field. The database
hits are those of one PROFILE of each case. Progress goes to stderr, figures to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from collections.abc import Mapping, Sequence
from typing import Any

from bench import database
from bench.database import BenchError, Target
from bench.stats import Summary, percentile
from bench.workload import Call, _capture, _mentor_args, _Seeded, _talent_args
from graph.db import Graph
from graph.queries import cypher
from resolvers.context import Rules
from seed import ANCHOR
from server.settings import Settings

FIELDS = (("mentorCandidates", _mentor_args), ("talentPool", _talent_args))
WARMUP = 20


def _without_total(call: Call) -> Call:
    """The talentPool call of a request that does not select totalCount."""
    name, params = call
    return name, {**params, "withTotal": False}


def _fit_calls(
    rng: random.Random, document: Mapping[str, Any], count: int
) -> list[tuple[str, list[Call]]]:
    """postFit and personFit (graph/post.py's queries): random posts and people of the seed,
    judged on the seed's day."""
    posts = sorted(p["id"] for p in document["posts"])
    people = sorted(p["id"] for p in document["people"])
    return [
        ("postFit", [("post/fit_for_post", {"postId": rng.choice(posts), "asOf": ANCHOR})
                     for _ in range(count)]),
        ("personFit", [("post/fit_for_person", {"personId": rng.choice(people), "asOf": ANCHOR})
                       for _ in range(count)]),
    ]  # fmt: skip


def say(line: str) -> None:
    print(f"  · {line}", file=sys.stderr, flush=True)


def _db_hits(plan: Mapping[str, Any]) -> int:
    """The database hits of a profiled plan, its children's included."""
    return int(plan.get("dbHits", 0)) + sum(_db_hits(c) for c in plan.get("children", ()))


async def profile(graph: Graph, call: Call) -> tuple[int, int]:
    """(database hits, rows) of one PROFILE of the call's query."""
    name, params = call
    async with graph.driver.session(database=graph.config.database) as session:
        result = await session.run("PROFILE " + cypher(name), graph.params(params))
        summary = await result.consume()
    plan = summary.profile or {}
    return _db_hits(plan), int(plan.get("rows", 0))


async def timed(graph: Graph, call: Call) -> float:
    name, params = call
    started = time.perf_counter()
    await graph.read(name, params)
    return time.perf_counter() - started


async def measure(
    graph: Graph, document: Mapping[str, Any], runs: int, with_profile: bool
) -> list[str]:
    settings = Settings()
    rules = Rules(max_active_mentees=settings.towngraph_max_active_mentees)
    seeded = _Seeded(document)
    lines = [
        "| query | p50 (ms) | p95 (ms) | max (ms) | db hits p50 | db hits p95 | db hits max |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    cases: list[tuple[str, list[Call]]] = []
    for field, sample in FIELDS:
        rng = random.Random(f"7:{field}")  # the arguments `bench.workload` draws
        calls: list[Call] = []
        for _ in range(WARMUP + runs):
            recorded = await _capture(graph, field, sample(rng, seeded), rules)
            calls.append(recorded[0])
        cases.append((field, calls))
        if field == "talentPool":
            cases.append(("talentPool without totalCount", [_without_total(c) for c in calls]))
    cases.extend(_fit_calls(random.Random("7:fit"), document, WARMUP + runs))
    for field, calls in cases:
        for call in calls[:WARMUP]:
            await timed(graph, call)
        seconds = [await timed(graph, call) for call in calls[WARMUP:]]
        figures = Summary.of(seconds)
        hits: Sequence[float] = []
        if with_profile:
            hits = sorted([float((await profile(graph, c))[0]) for c in calls[WARMUP:]])
        cells = (
            [f"{percentile(hits, 50):,.0f}", f"{percentile(hits, 95):,.0f}", f"{hits[-1]:,.0f}"]
            if hits
            else ["–", "–", "–"]
        )
        lines.append(
            f"| `{field}` | {figures.p50:.1f} | {figures.p95:.1f} | "
            f"{max(seconds) * 1000:.1f} | {' | '.join(cells)} |"
        )
        say(f"{field}: {runs} requests measured")
    return lines


async def run(target: Target, args: argparse.Namespace) -> None:
    graph = Graph.connect(target.config).patient()
    try:
        if args.reuse and await database.seeded(graph, args.scale):
            say("reusing the seeded database (--reuse); generating the document to sample from")
            document = database.generate(args.scale, 42, say)
        else:
            seed, document = await database.prepare(
                graph, scale=args.scale, random_seed=42, say=say
            )
            say(f"seeded {seed.rows:,} rows in {seed.import_s:.1f} s")
        lines = await measure(graph, document, args.runs, args.profile)
        print(
            f"scale {args.scale}, {args.runs} sequential requests after {WARMUP} warm-up, "
            f"Cypher through the driver, load average {os.getloadavg()[0]:.2f}"
        )
        for line in lines:
            print(line)
    finally:
        await graph.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.matching",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--scale", type=int, default=10, help="counties to seed (default 10)")
    parser.add_argument("--runs", type=int, default=100, help="measured requests per field")
    parser.add_argument("--reuse", action="store_true", help="keep a database already seeded")
    parser.add_argument("--keep", action="store_true", help="leave the bench Neo4j running")
    parser.add_argument("--profile", action="store_true", help="also PROFILE each case")
    args = parser.parse_args(argv)
    if args.scale < 1 or args.runs < 1:
        parser.error("--scale and --runs must be at least 1")
    target: Target | None = None
    try:
        target = database.acquire(say)
        asyncio.run(run(target, args))
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    finally:
        if target is not None and target.instance is not None and not args.keep:
            target.instance.stop()
            say("bench Neo4j stopped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
