"""The `towngraph` command: db start|stop|status, import, seed, serve, stop, token, audit,
export-schema.

Every command that needs the database starts the managed Neo4j when `NEO4J_URI` is unset. The
command line acts with the operator's rights and needs no token; what it writes is recorded as
made by `cli:<login name>`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import getpass
import json
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.db import Graph, GraphRefused, GraphUnavailable, Neo4jConfig, check
from graph.importing import ImportReport, import_document, parse_json
from graph.place import is_empty
from graph.setup import apply_schema
from managed.instance import InstanceError, ManagedInstance, write_private
from managed.watchdog import Watchdog
from model.access import Role, cli_caller
from schema.root import build_schema
from server import audit
from server.auth import TokenVerifier, parse_ttl
from server.settings import Settings


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


WORKER_HEALTHCHECK_S = 60


def _port_taken(host: str, port: int) -> bool:
    """Whether something listens on host:port already (SO_REUSEADDR as uvicorn binds, so
    connections in TIME_WAIT of a server that just stopped do not count)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        return False  # uvicorn reports a host it cannot resolve in its own words
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError:
            return True
    return False


async def _preflight(config: Neo4jConfig, demo: bool) -> bool:
    """Logs in once, applies the constraints; whether the demo county is to be imported."""
    await check(config)
    graph = Graph.connect(config)
    try:
        await apply_schema(graph)
        return demo and await is_empty(graph)
    finally:
        await graph.close()


def _wait_ready(url: str, host_header: str, timeout: float = 300.0) -> bool:
    request = urllib.request.Request(url, headers={"Host": host_header})  # noqa: S310 — our URL
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    return False


def _serve_file(settings: Settings) -> Path:
    return settings.home() / "serve.json"


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.asgi import OPTIONS_ENV, ServeOptions

    settings = Settings()
    host, port = args.host, args.port
    if args.workers < 1:
        _say("towngraph: --workers must be at least 1")
        return 2
    if _port_taken(host, port):
        _say(f"towngraph: port {port} on {host} is already in use; choose another with "
             f"--port (make run PORT=…)")  # fmt: skip
        return 1
    managed = not settings.neo4j_uri
    try:
        config = settings.neo4j()
    except ValueError as exc:  # an unreadable NEO4J_PASSWORD_FILE
        _say(f"towngraph: {exc}")
        return 1
    try:
        load = asyncio.run(_preflight(config, args.demo))
    except GraphRefused as exc:
        _say(f"towngraph: Neo4j at {config.uri} refused user {config.user!r} ({exc}); check "
             f"NEO4J_PASSWORD or NEO4J_PASSWORD_FILE")  # fmt: skip
        return 1
    except GraphUnavailable as exc:
        _say(f"towngraph: Neo4j at {config.uri} is unreachable ({exc}); check NEO4J_URI and "
             f"that the server runs")  # fmt: skip
        return 1

    url = f"http://{host}:{port}/graphql"
    # `--demo` on a loopback address: a local ADMIN token, printed and pre-filled in GraphiQL
    # (never on a host others can reach: the IDE page itself is open to anyone who can load it).
    local = args.demo and host in {"127.0.0.1", "localhost", "::1"}
    demo_token = ""
    if local:
        with contextlib.suppress(ValueError):
            demo_token = TokenVerifier(settings).mint(cli_actor(), Role.ADMIN, name="本机管理员")
    headers = json.dumps({"Authorization": f"Bearer {demo_token}"}) if demo_token else None

    # The demo county is imported once, here, while the workers already answer: /readyz says
    # "loading" as long as the flag file exists.
    flag_dir = Path(tempfile.mkdtemp(prefix="towngraph-serve-"))
    flag = flag_dir / "loading"
    if load:
        flag.touch(mode=0o600)
    options = ServeOptions(bound_host=host, graphiql_headers=headers, loading_file=str(flag))
    os.environ[OPTIONS_ENV] = options.to_env()

    def announce() -> None:
        if load:
            _say("towngraph: loading the demo county (seed scale 1)…")
            try:
                report = asyncio.run(_with_graph(config, lambda g: import_document(
                    g, seed_document(1, 42), progress=_say, actor=cli_actor())))  # fmt: skip
                _say("towngraph: demo county loaded" if report.ok
                     else f"towngraph: demo failed: {report.problems[:5]}")  # fmt: skip
            except Exception as exc:  # the server serves on; the reason is one line
                _say(f"towngraph: demo import failed: {exc}")
            finally:
                flag.unlink(missing_ok=True)
        probe_host = "127.0.0.1" if host in {"0.0.0.0", "::", ""} else host  # noqa: S104
        if not _wait_ready(f"http://{probe_host}:{port}/readyz",
                           settings.allowed_hosts(host)[0]):  # fmt: skip
            return
        _say(f"towngraph: ready on {url}")
        if demo_token:
            _say(f"towngraph: local ADMIN token (8 h; pre-filled in GraphiQL):\n{demo_token}")
        stop_db = "; `make db-stop` stops Neo4j, `make stop` both" if managed else ""
        _say(f"towngraph: Ctrl-C stops the server{stop_db}.")

    watchdog = Watchdog(ManagedInstance()) if managed else None
    if watchdog is not None:
        watchdog.start()
    threading.Thread(target=announce, name="towngraph-announce", daemon=True).start()
    serve_file = _serve_file(settings)
    write_private(serve_file, json.dumps({"pid": os.getpid(), "host": host, "port": port}))
    _say(f"towngraph: GraphQL and GraphiQL on {url} ({args.workers} worker(s))")
    try:
        uvicorn.run(
            "server.asgi:app_factory",
            factory=True,
            host=host,
            port=port,
            workers=args.workers,
            log_level="info",
            # A worker answers the supervisor's ping only once its app is imported, which takes
            # more than uvicorn's 5 s on a busy two-core machine; it would be killed and respawned.
            timeout_worker_healthcheck=WORKER_HEALTHCHECK_S,
        )
    finally:
        if watchdog is not None:
            watchdog.stop()
        serve_file.unlink(missing_ok=True)
        shutil.rmtree(flag_dir, ignore_errors=True)
    return 0


def _is_serve(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"towngraph" in cmdline and b"serve" in cmdline


def cmd_stop(_: argparse.Namespace) -> int:
    """Stops `towngraph serve` of this home folder (if it runs), then the managed Neo4j."""
    settings = Settings()
    serve_file = _serve_file(settings)
    try:
        pid = int(json.loads(serve_file.read_text())["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        pid = 0
    if pid and _is_serve(pid):
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _is_serve(pid):
            time.sleep(0.2)
        print("server stopped")
    else:
        print("server not running")
    serve_file.unlink(missing_ok=True)
    if settings.neo4j_uri:
        return 0
    print("Neo4j stopped" if ManagedInstance().stop() else "Neo4j not running")
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
    serve.add_argument(
        "--workers", type=int, default=1, help="processes answering requests (default 1)"
    )
    serve.add_argument("--demo", action="store_true", help="load the demo county when empty")
    serve.set_defaults(func=cmd_serve)

    stop = sub.add_parser("stop", help="stop `serve` and the managed Neo4j")
    stop.set_defaults(func=cmd_stop)

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
        code: int = args.func(args)
    except InstanceError as exc:
        print(f"towngraph: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    raise SystemExit(main())
