"""`towngraph serve` as an operator starts it: one line and exit code 1 when the port is taken,
when Neo4j refuses the password or cannot be reached; several workers; `towngraph stop`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.db import Neo4jConfig
from tests.test_cli import BIN, run


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _one_line_refusal(proc: subprocess.CompletedProcess[str], words: str) -> None:
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert lines[0].startswith("towngraph: ")
    assert words in lines[0]


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        yield squatter.getsockname()[1]


def test_a_taken_port_is_one_line_and_exit_code_1(
    taken_port: int, neo4j_config: Neo4jConfig, tmp_path: Path
) -> None:
    # given a port another program listens on / when serve is asked to use it
    proc = run(["serve", "--port", str(taken_port)], neo4j_config,
               {"TOWNGRAPH_NEO4J_HOME": str(tmp_path)})  # fmt: skip
    # then it says so in one line and exits with 1
    _one_line_refusal(proc, f"port {taken_port} on 127.0.0.1 is already in use")


def test_a_refused_password_is_one_line_and_exit_code_1(
    neo4j_config: Neo4jConfig, tmp_path: Path
) -> None:
    # given the right server and a wrong password (from a password file)
    secret = tmp_path / "neo4j-password"
    secret.write_text("not-the-password\n")
    env = {"TOWNGRAPH_NEO4J_HOME": str(tmp_path), "NEO4J_PASSWORD_FILE": str(secret)}
    # when serve starts
    proc = run(["serve", "--port", str(_free_port())], neo4j_config, env)
    # then it names the refusal in one line and exits with 1
    _one_line_refusal(proc, f"Neo4j at {neo4j_config.uri} refused user 'neo4j'")


def test_an_unreachable_neo4j_is_one_line_and_exit_code_1(
    neo4j_config: Neo4jConfig, tmp_path: Path
) -> None:
    # given NEO4J_URI pointing where nothing listens
    nowhere = f"bolt://127.0.0.1:{_free_port()}"
    env = {"TOWNGRAPH_NEO4J_HOME": str(tmp_path), "NEO4J_URI": nowhere}
    # when serve starts / then it says Neo4j is unreachable in one line and exits with 1
    proc = run(["serve", "--port", str(_free_port())], neo4j_config, env)
    _one_line_refusal(proc, f"Neo4j at {nowhere} is unreachable")


def _readyz(port: int) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
            return int(response.status)
    except OSError:
        return 0


def test_serve_with_two_workers_answers_and_towngraph_stop_ends_it(
    neo4j_config: Neo4jConfig, tmp_path: Path
) -> None:
    # given serve started with two worker processes
    port = _free_port()
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_config.uri,
        "NEO4J_USER": neo4j_config.user,
        "NEO4J_PASSWORD": neo4j_config.password,
        "TOWNGRAPH_NEO4J_HOME": str(tmp_path),
    }
    server = subprocess.Popen(  # noqa: S603 — our own entry point, fixed arguments
        [str(BIN), "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while _readyz(port) != 200:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, "serve was not ready in time"
            time.sleep(0.3)
        # then it is ready, records its pid, and runs two workers under it
        assert json.loads((tmp_path / "serve.json").read_text())["pid"] == server.pid
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        assert len(children) >= 2
        # when `towngraph stop` is run for the same home
        stop = run(["stop"], neo4j_config, {"TOWNGRAPH_NEO4J_HOME": str(tmp_path)})
        # then the server is gone (the external Neo4j is left alone)
        assert stop.returncode == 0, stop.stderr
        assert "server stopped" in stop.stdout
        assert server.wait(timeout=30) is not None
        assert not (tmp_path / "serve.json").exists()
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        if server.stderr is not None:
            server.stderr.close()
