"""The app under test, served by uvicorn in a process of its own, and the parent's handle on it.

`python -m bench.server --port N` serves the real app of `server.app.create_app` on 127.0.0.1,
reaching Neo4j through `NEO4J_URI`/`NEO4J_USER`/`NEO4J_PASSWORD` like `towngraph serve` does. The
only addition is one outer ASGI layer that counts each request's Cypher round trips
(`graph.db.count_round_trips`) and reports them in the `x-towngraph-round-trips` response header.
A process of its own keeps the measuring client off the server's interpreter lock.
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import httpx

from graph.db import Neo4jConfig, count_round_trips
from managed.instance import PROJECT_ROOT
from model.access import Role
from server.auth import mint_token

ROUND_TRIPS_HEADER = "x-towngraph-round-trips"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class RoundTripHeader:
    """Counts the Cypher round trips of each HTTP request and sends the count as a header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with count_round_trips() as counter:

            async def send_counted(message: Message) -> None:
                if message["type"] == "http.response.start":
                    headers = [
                        *message.get("headers", []),
                        (ROUND_TRIPS_HEADER.encode(), str(counter.count).encode()),
                    ]
                    message = {**message, "headers": headers}
                await send(message)

            await self.app(scope, receive, send_counted)


def serve(port: int) -> None:
    """Runs the wrapped app until SIGTERM (the child side)."""
    import uvicorn

    from server.app import create_app
    from server.asgi import freeze_startup_heap
    from server.settings import Settings

    settings = Settings()
    if not settings.neo4j_uri:
        raise SystemExit("bench.server: NEO4J_URI must point at the bench's Neo4j")
    app = RoundTripHeader(create_app(settings.neo4j(start_managed=False), settings))
    freeze_startup_heap()  # as server.asgi.app_factory does for `towngraph serve`
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_ready(
    proc: subprocess.Popen[bytes],
    base_url: str,
    probe: Callable[[httpx.Client], httpx.Response],
    started: float,
    timeout: float,
    what: str,
) -> float:
    """Seconds from `started` until `probe` answers 200 (polled every 0.2 s); RuntimeError if
    the process exits first or `timeout` passes. The bench server's and the peer's start."""
    with httpx.Client(base_url=base_url, timeout=2.0) as client:
        while time.perf_counter() < started + timeout:
            if proc.poll() is not None:
                raise RuntimeError(f"{what} exited with code {proc.returncode}")
            try:
                if probe(client).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                pass
            time.sleep(0.2)
    raise RuntimeError(f"{what} was not ready within {timeout:.0f} s")


def terminate(proc: subprocess.Popen[bytes] | None, timeout: float) -> None:
    """SIGTERM (a graceful stop), then SIGKILL after `timeout`; nothing if it has ended."""
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout)


class ServerProcess:
    """The parent's handle: starts the child, waits for /readyz, stops it by its pid."""

    def __init__(self, config: Neo4jConfig, env: dict[str, str] | None = None) -> None:
        self.config = config
        self._env = dict(env or {})  # settings of this server only (e.g. a cache turned off)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._proc: subprocess.Popen[bytes] | None = None
        # The app authenticates every request: a secret of this run, and an ADMIN token for it.
        self._secret = secrets.token_urlsafe(32)
        self._audit_dir = tempfile.mkdtemp(prefix="towngraph-bench-")
        token = mint_token(self._secret, "bench", Role.ADMIN)
        self.headers = {"Authorization": f"Bearer {token}"}

    def headers_for(self, role: Role, unit: str) -> dict[str, str]:
        """The Authorization header of a caller of `role` for `unit`, for this run's app."""
        token = mint_token(self._secret, f"bench-{role.value.lower()}", role, unit=unit)
        return {"Authorization": f"Bearer {token}"}

    def start(self, timeout: float = 60.0) -> float:
        """Starts the server; returns the seconds until it answered /readyz with 200."""
        env = {
            **os.environ,
            "NEO4J_URI": self.config.uri,
            "NEO4J_USER": self.config.user,
            "NEO4J_PASSWORD": self.config.password,
            "TOWNGRAPH_JWT_SECRET": self._secret,
            "TOWNGRAPH_AUDIT_LOG": os.path.join(self._audit_dir, "audit.log"),
            **self._env,
        }
        env.pop("TOWNGRAPH_JWT_JWKS", None)
        if self.config.database:
            env["NEO4J_DATABASE"] = self.config.database
        started = time.perf_counter()
        self._proc = subprocess.Popen(  # noqa: S603 — our own interpreter and module
            [sys.executable, "-m", "bench.server", "--port", str(self.port)],
            env=env,
            cwd=PROJECT_ROOT,
            stdin=subprocess.DEVNULL,
        )
        try:
            return wait_ready(
                self._proc,
                self.base_url,
                lambda c: c.get("/readyz"),
                started,
                timeout,
                "the bench server",
            )
        except RuntimeError:
            self.stop()
            raise

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def memory_mb(self) -> tuple[float, float] | None:
        """The server process's resident memory now and its peak (VmRSS, VmHWM), in MB; None
        where /proc does not tell (not Linux, or the process is gone)."""
        if self.pid is None:
            return None
        try:
            status = Path(f"/proc/{self.pid}/status").read_text(encoding="ascii")
        except OSError:
            return None
        kb = {
            key: int(value.split()[0])
            for key, _, value in (line.partition(":") for line in status.splitlines())
            if key in ("VmRSS", "VmHWM")
        }
        if len(kb) < 2:
            return None
        return kb["VmRSS"] / 1024, kb["VmHWM"] / 1024

    def stop(self, timeout: float = 15.0) -> None:
        proc, self._proc = self._proc, None
        terminate(proc, timeout)  # uvicorn shuts down gracefully on SIGTERM, closing the driver


# The aim for one server process under load (bench/run.py prints it beside the figure).
MEMORY_AIM_MB = 300


def memory_line(server: ServerProcess) -> str:
    """The server's memory after the measurements, for the bench's output."""
    memory = server.memory_mb()
    if memory is None:
        return "== server memory: not readable here (no /proc)"
    rss, peak = memory
    return (
        f"== server memory after the load: {rss:,.0f} MB resident, {peak:,.0f} MB at its peak"
        f" (one process; aim ≤ {MEMORY_AIM_MB} MB)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.server", description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    serve(args.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
