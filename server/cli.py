"""The `towngraph` command: db start|stop|status, import, seed, serve, token, audit,
export-schema.

Every command that needs the database starts the managed Neo4j when `NEO4J_URI` is unset. Every
command reads the settings first (the environment, then `.env`): a refused value is one line
naming the variable, and exit status 2. The command line acts with the operator's rights and
needs no token; what it writes is recorded as made by `cli:<login name>`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import getpass
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graph.db import Graph, Neo4jConfig
from graph.importing import ImportReport, import_document, parse_json
from graph.place import is_empty
from graph.setup import apply_schema
from managed.instance import InstanceError
from model.access import Role, cli_caller
from schema.root import build_schema
from server import audit, logs
from server.auth import TokenVerifier, parse_ttl
from server.settings import Settings, SettingsError
from server.settings import problem as settings_problem


def cli_actor() -> str:
    """Who the operator at this terminal is, as recorded on what the command line writes."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # no login name in a bare container
        login = "unknown"
    return cli_caller(login).actor


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
    instance = Settings().managed()
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
            lambda g: import_document(
                g, document, dry_run=args.dry_run, progress=_say, actor=cli_actor()
            ),
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
        _with_graph(
            Settings().neo4j(),
            lambda g: import_document(g, document, progress=_say, actor=cli_actor()),
        )
    )
    return _print_report(report, time.perf_counter() - started)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app

    try:
        settings = Settings(towngraph_root_path=args.root_path) if args.root_path else Settings()
    except ValidationError as exc:
        print(f"towngraph: --root-path: {exc.errors()[0]['msg']}", file=sys.stderr)
        return 2
    config = settings.neo4j()
    url = f"http://{args.host}:{args.port}{settings.towngraph_root_path}/graphql"
    # `--demo` on a loopback address: a local ADMIN token, printed and pre-filled in GraphiQL
    # (never on a host others can reach: the IDE page itself is open to anyone who can load it).
    local = args.demo and args.host in {"127.0.0.1", "localhost", "::1"}
    demo_token = ""
    headers = None
    if local:
        try:
            demo_token = TokenVerifier(settings).mint(cli_actor(), Role.ADMIN, name="本机管理员")
        except ValueError:
            demo_token = ""
        if demo_token:
            headers = json.dumps({"Authorization": f"Bearer {demo_token}"})

    async def load_demo(graph: Graph) -> None:
        if args.demo and await is_empty(graph):
            _say("towngraph: loading the demo county (seed scale 1)…")
            report = await import_document(
                graph, seed_document(1, 42), progress=_say, actor=cli_actor()
            )
            _say(
                "towngraph: demo county loaded"
                if report.ok
                else f"demo failed: {report.problems[:5]}"
            )
        if demo_token:
            _say(f"towngraph: ready on {url}")
            _say(f"towngraph: local ADMIN token (8 h; pre-filled in GraphiQL):\n{demo_token}")

    app = create_app(
        config, settings, on_ready=load_demo, bound_host=args.host, graphiql_headers=headers
    )
    _say(f"towngraph: GraphQL and GraphiQL on {url}")
    # Logging is set up already (main); the request line replaces uvicorn's access log.
    uvicorn.run(app, host=args.host, port=args.port, log_config=None, access_log=False)
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    settings = Settings()
    try:
        role = Role(args.role.upper())
        ttl = parse_ttl(args.ttl)
    except ValueError as exc:
        print(f"towngraph: {exc}", file=sys.stderr)
        return 2
    if settings.towngraph_jwt_jwks and not settings.towngraph_jwt_secret:
        print(
            "towngraph: only TOWNGRAPH_JWT_JWKS is configured, so tokens come from the identity "
            "provider; set TOWNGRAPH_JWT_SECRET to mint tokens here.",
            file=sys.stderr,
        )
        return 2
    if role is not Role.ADMIN and not args.unit:
        print(f"towngraph: role {role} needs --unit (a county, township or village id)",
              file=sys.stderr)  # fmt: skip
        return 2
    print(TokenVerifier(settings).mint(args.sub, role, unit=args.unit, name=args.name, ttl=ttl))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    since = dt.date.fromisoformat(args.since) if args.since else None
    entries = audit.read(Settings().audit_path(), sub=args.sub, since=since)
    for line in audit.table(entries):
        print(line)
    return 0


def cmd_export_schema(_: argparse.Namespace) -> int:
    sys.stdout.write(build_schema().as_str() + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
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
    serve.add_argument(
        "--root-path",
        help="the path prefix a reverse proxy publishes the API under, e.g. /towngraph "
        "(default TOWNGRAPH_ROOT_PATH)",
    )
    serve.set_defaults(func=cmd_serve)

    tok = sub.add_parser("token", help="print a token signed with the configured secret")
    tok.add_argument("--sub", required=True, help="who: recorded as the actor of every change")
    tok.add_argument("--role", required=True, help=", ".join(r.value for r in Role))
    tok.add_argument("--unit", help="county, township or village id (all roles but ADMIN)")
    tok.add_argument("--name", help="display name, e.g. 张科长")
    tok.add_argument("--ttl", default="8h", help="lifetime: 8h (default), 30m, 2d …")
    tok.set_defaults(func=cmd_token)

    aud = sub.add_parser("audit", help="print the audit log as a table")
    aud.add_argument("--sub", help="only this subject")
    aud.add_argument("--since", help="only from this day on (YYYY-MM-DD, UTC)")
    aud.set_defaults(func=cmd_audit)

    export = sub.add_parser("export-schema", help="print the GraphQL SDL")
    export.set_defaults(func=cmd_export_schema)

    args = parser.parse_args(argv)
    try:
        # Read once before any work: the commands read the same values again.
        settings = Settings()
    except (ValidationError, SettingsError) as exc:
        print(f"towngraph: {settings_problem(exc)}", file=sys.stderr)
        return 2
    logs.setup(settings.towngraph_log_format, settings.towngraph_log_level)
    try:
        code: int = args.func(args)
    except InstanceError as exc:
        print(f"towngraph: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    raise SystemExit(main())
