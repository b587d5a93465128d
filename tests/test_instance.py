"""The managed Neo4j answers Cypher with auth on, on loopback only; a restart keeps its port
unless the port is taken (tests/test_restart.py kills a real one)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from graph.db import Graph, Neo4jConfig
from managed.instance import ManagedInstance


async def test_managed_neo4j_answers_and_is_community_5_26(graph: Graph) -> None:
    # given the session's Neo4j / when asked for its version
    rows = await graph.read("setup/version")
    # then it is the pinned Community 5.26
    assert rows[0]["edition"] == "community"
    assert rows[0]["version"].startswith("5.26.")


def test_bolt_binds_to_loopback(neo4j_config: Neo4jConfig) -> None:
    # given the managed instance / then its URI is a loopback Bolt address
    assert neo4j_config.uri.startswith(("bolt://127.0.0.1:", "bolt://localhost:", "neo4j://"))


async def test_routing_uri_works_against_the_same_server(neo4j_config: Neo4jConfig) -> None:
    # given the server's address as a neo4j:// (routing) URI
    uri = neo4j_config.uri.replace("bolt://", "neo4j://")
    routed = Graph.connect(
        Neo4jConfig(uri=uri, user=neo4j_config.user, password=neo4j_config.password)
    )
    try:
        # when queried / then it answers like the direct connection
        rows = await routed.read("setup/version")
        assert rows[0]["edition"] == "community"
    finally:
        await routed.close()


def test_a_restart_reuses_the_recorded_port_unless_it_is_taken(tmp_path: Path) -> None:
    # given an instance whose server was stopped, with its port recorded
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    instance = ManagedInstance(home=tmp_path)
    (tmp_path / "instance.json").write_text(json.dumps({"pid": None, "port": port}))
    # when the port for the next start is chosen, free and then taken by another program
    free = instance._port()
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        taken = instance._port()
    # then the recorded one is reused while free, another chosen while taken, and the stopped
    # server is neither running nor counted as died (a watchdog leaves it stopped)
    assert free == port
    assert taken != port
    assert instance.recorded_uri() == f"bolt://127.0.0.1:{port}"
    assert not instance.status().running
    assert not instance.died()


def test_a_killed_server_counts_as_died(tmp_path: Path) -> None:
    # given instance.json naming a pid that no longer exists
    instance = ManagedInstance(home=tmp_path)
    (tmp_path / "instance.json").write_text(json.dumps({"pid": 2**22 + 1, "port": 7687}))
    # then the instance died (the watchdog restarts it)
    assert instance.died()
