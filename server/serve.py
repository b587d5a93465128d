"""`towngraph serve` and `towngraph stop`: the checks before serving (port, Neo4j's password and
reachability, each refused in one line with exit code 1), uvicorn with N workers of
`server.asgi:app_factory`, the demo import done once while /readyz says "loading", the watchdog
of the managed Neo4j, and `serve.json` (the pid `stop` ends) in the Neo4j home.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
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
from pathlib import Path

from pydantic import ValidationError

from graph.db import Graph, GraphRefused, GraphUnavailable, Neo4jConfig, check
from graph.importing import import_document
from graph.place import is_empty
from graph.setup import apply_schema
from managed.files import write_private
from managed.watchdog import Watchdog
from model.access import Role
from server.auth import TokenVerifier
from server.settings import Settings


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


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
    from server.cli import cli_actor, seed_document, with_graph  # the command imports this module

    if args.root_path:
        try:
            Settings(towngraph_root_path=args.root_path)
        except ValidationError as exc:
            _say(f"towngraph: --root-path: {exc.errors()[0]['msg']}")
            return 2
        # The workers read their settings from the environment, the prefix with them.
        os.environ["TOWNGRAPH_ROOT_PATH"] = args.root_path
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

    url = f"http://{host}:{port}{settings.towngraph_root_path}/graphql"
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
                report = asyncio.run(with_graph(config, lambda g: import_document(
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

    # Under systemd (`towngraph db run` in its own unit) the supervisor restarts Neo4j, not this.
    watchdog = (
        Watchdog(settings.managed()) if managed and settings.towngraph_neo4j_watchdog else None
    )
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
            # Logging is set up already (cli.main, and app_factory in each worker); the request
            # line of server/observe.py replaces uvicorn's access log.
            log_config=None,
            access_log=False,
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
    print("Neo4j stopped" if settings.managed().stop() else "Neo4j not running")
    return 0
