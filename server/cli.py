"""The `towngraph` command: db start|stop|status, import, seed, serve, export-schema.

Every command that needs the database starts the managed Neo4j when `NEO4J_URI` is unset.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.db import Graph, Neo4jConfig
from graph.importing import ImportReport, import_document, parse_json
from graph.place import is_empty
from graph.setup import apply_schema
from managed.instance import InstanceError, ManagedInstance
from schema.root import build_schema
from server.settings import Settings


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _print_report(report: ImportReport, seconds: float) -> int:
    for problem in report.problems:
        print(problem)
    counts = ", ".join(f"{k} {v:,}" for k, v in report.counts.items()) or "nothing"
    if not report.ok:
        print(f"{len(report.problems)} problem(s); nothing was written.")
        return 1
    verb = "would import" if report.dry_run else "imported"
    print(f"{verb}: {counts} in {seconds:.1f} s")
    if not report.dry_run:
        print(
            f"nodes created {report.nodes_created:,}, relationships created "
            f"{report.relationships_created:,}, properties set {report.properties_set:,}"
        )
    return 0


async def _with_graph(config: Neo4jConfig, work: Callable[[Graph], Any]) -> Any:
    graph = Graph.connect(config)
    try:
        await apply_schema(graph)
        return await work(graph)
    finally:
        await graph.close()


def cmd_db(args: argparse.Namespace) -> int:
    instance = ManagedInstance()
    if args.action == "start":
        creds = instance.start()
        print(creds.uri)
    elif args.action == "stop":
        print("stopped" if instance.stop() else "not running")
    else:
        status = instance.status()
        print(status.uri if status.running else f"not running (home {status.home})")
        return 0 if status.running else 3
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    text = Path(args.file).read_text(encoding="utf-8")
    document, problems = parse_json(text)
    if problems:
        for p in problems:
            print(p)
        print("nothing was written.")
        return 1
    started = time.perf_counter()
    report = asyncio.run(
        _with_graph(
            Settings().neo4j(),
            lambda g: import_document(g, document, dry_run=args.dry_run, progress=_say),
        )
    )
    return _print_report(report, time.perf_counter() - started)


def seed_document(scale: int, random_seed: int) -> dict[str, Any]:
    from seed import generate

    return generate(scale=scale, random_seed=random_seed, progress=_say)


def cmd_seed(args: argparse.Namespace) -> int:
    document = seed_document(args.scale, args.random_seed)
    if args.out:
        Path(args.out).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {args.out}")
        return 0
    started = time.perf_counter()
    report = asyncio.run(
        _with_graph(Settings().neo4j(), lambda g: import_document(g, document, progress=_say))
    )
    return _print_report(report, time.perf_counter() - started)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app

    settings = Settings()
    config = settings.neo4j()

    async def load_demo(graph: Graph) -> None:
        if args.demo and await is_empty(graph):
            _say("towngraph: loading the demo county (seed scale 1)…")
            report = await import_document(graph, seed_document(1, 42), progress=_say)
            _say(
                "towngraph: demo county loaded"
                if report.ok
                else f"demo failed: {report.problems[:5]}"
            )

    app = create_app(config, settings, on_ready=load_demo)
    _say(f"towngraph: GraphQL and GraphiQL on http://{args.host}:{args.port}/graphql")
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def cmd_export_schema(_: argparse.Namespace) -> int:
    sys.stdout.write(build_schema().as_str() + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="towngraph", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    db = sub.add_parser("db", help="the managed Neo4j of TOWNGRAPH_NEO4J_HOME")
    db.add_argument("action", choices=["start", "stop", "status"])
    db.set_defaults(func=cmd_db)

    imp = sub.add_parser("import", help="import a JSON roster document (all or nothing)")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="validate and count, write nothing")
    imp.set_defaults(func=cmd_import)

    seed = sub.add_parser("seed", help="generate demo data and import it")
    seed.add_argument("--scale", type=int, default=1, help="number of counties (default 1)")
    seed.add_argument("--random-seed", type=int, default=42)
    seed.add_argument("--out", help="write the import document to this file instead")
    seed.set_defaults(func=cmd_seed)

    serve = sub.add_parser("serve", help="run the GraphQL server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--demo", action="store_true", help="load the demo county when empty")
    serve.set_defaults(func=cmd_serve)

    export = sub.add_parser("export-schema", help="print the GraphQL SDL")
    export.set_defaults(func=cmd_export_schema)

    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except InstanceError as exc:
        print(f"towngraph: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    raise SystemExit(main())
