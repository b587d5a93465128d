"""`towngraph db run` as systemd runs it; the Neo4j of an offline bundle (TOWNGRAPH_NEO4J_DIST).

The foreground test starts a second, dedicated Neo4j in a home of its own (never the session's
test database), from the jars named by TOWNGRAPH_NEO4J_DIST and with no Maven on PATH, the way an
installed bundle runs it."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.db import Graph, Neo4jConfig
from managed.instance import NEO4J_VERSION, ManagedInstance, ensure_distribution

BIN = Path(sys.executable).parent / "towngraph"


def offline_path(tmp_path: Path) -> str:
    """A PATH with java and nothing else of the machine's: no mvn to fall back on."""
    java = shutil.which("java")
    assert java is not None, "Neo4j needs java on PATH"
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "java").symlink_to(Path(java).resolve())
    return str(tools)


def towngraph(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 — our own entry point, fixed arguments
        [str(BIN), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_db_start_refuses_an_incomplete_offline_distribution(tmp_path: Path) -> None:
    # given TOWNGRAPH_NEO4J_DIST naming a folder without a complete Neo4j of this version
    dist = tmp_path / "neo4j"
    (dist / "lib").mkdir(parents=True)
    (dist / ".complete").write_text("5.0.0")
    env = {
        **os.environ,
        "TOWNGRAPH_NEO4J_DIST": str(dist),
        "TOWNGRAPH_NEO4J_HOME": str(tmp_path / "home"),
        "PATH": offline_path(tmp_path),
    }
    # when the managed Neo4j is started
    proc = towngraph(["db", "start"], env)
    # then it says what is wrong in one line, exits 2 and asks no Maven for anything
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"towngraph: TOWNGRAPH_NEO4J_DIST={dist} holds no complete Neo4j {NEO4J_VERSION} "
        "(found 5.0.0); install the bundle of this version"
    )


def test_offline_distribution_is_used_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a complete offline distribution (its marker names this version) and no mvn on PATH
    dist = tmp_path / f"neo4j-{NEO4J_VERSION}"
    (dist / "lib").mkdir(parents=True)
    (dist / ".complete").write_text(NEO4J_VERSION + "\n")
    monkeypatch.setenv("TOWNGRAPH_NEO4J_DIST", str(dist))
    monkeypatch.setenv("PATH", offline_path(tmp_path))
    # when the distribution is asked for / then it is that folder, left as it was
    assert ensure_distribution() == dist.resolve()
    assert sorted(p.name for p in dist.iterdir()) == [".complete", "lib"]


def notify_socket(path: Path) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    return sock


async def cypher_version(port: int, password: str) -> str:
    # A cold server on a busy machine may take long over its first query.
    config = Neo4jConfig(f"bolt://127.0.0.1:{port}", "neo4j", password, query_timeout=120.0)
    graph = Graph.connect(config)
    try:
        rows = await graph.read("setup/version")
    finally:
        await graph.close()
    version: str = rows[0]["version"]
    return version


@pytest.mark.slow
def test_db_run_reports_ready_to_systemd_and_stops_cleanly_on_sigterm(
    tmp_path: Path,
) -> None:
    # given the jars of this machine's Neo4j as an offline distribution, no mvn on PATH, a home
    # of its own, and a notification socket standing in for systemd's
    dist = ensure_distribution()
    home = tmp_path / "home"
    listener = notify_socket(tmp_path / "notify")
    env = {
        **os.environ,
        "TOWNGRAPH_NEO4J_DIST": str(dist),
        "TOWNGRAPH_NEO4J_HOME": str(home),
        "TOWNGRAPH_NEO4J_HEAP": "256m",
        "TOWNGRAPH_NEO4J_PAGECACHE": "64m",
        "NOTIFY_SOCKET": str(tmp_path / "notify"),
        "PATH": offline_path(tmp_path),
    }
    env.pop("NEO4J_URI", None)
    # when `towngraph db run` runs in the foreground
    output = (tmp_path / "output").open("wb")  # a file: a full pipe would stall the server
    proc = subprocess.Popen(  # noqa: S603 — our own entry point, fixed arguments
        [str(BIN), "db", "run"], env=env, stdout=output, stderr=subprocess.STDOUT
    )
    try:
        # then it tells systemd it is ready, once, naming the Bolt port
        listener.settimeout(240)
        message = listener.recv(4096).decode()
        assert proc.poll() is None
        fields = dict(line.split("=", 1) for line in message.splitlines())
        assert fields["READY"] == "1"
        port = int(fields["STATUS"].rsplit(":", 1)[1])
        # and the server answers Cypher there, with the password of its home, while the
        # instance file names the port and the pid of the Neo4j child
        instance = ManagedInstance(home=home)
        state = json.loads((home / "instance.json").read_text())
        assert state["port"] == port
        assert state["pid"] != proc.pid
        assert asyncio.run(cypher_version(port, instance.password())) == NEO4J_VERSION
        # when systemd stops the service
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=120)
        # then Neo4j shut down and `db run` exits 0 (not a failure to restart); the instance
        # file keeps the port (for the next run) but no pid
        assert code == 0, (tmp_path / "output").read_text()
        assert json.loads((home / "instance.json").read_text()) == {"pid": None, "port": port}
        assert not instance.status().running
        assert _gone(state["pid"])
    finally:
        listener.close()
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        output.close()
        ManagedInstance(home=home).stop()


def _gone(pid: int, wait: float = 10.0) -> bool:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False
