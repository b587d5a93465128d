"""The managed Neo4j answers Cypher with auth on, on loopback only."""

from __future__ import annotations

from graph.db import Graph, Neo4jConfig


async def test_managed_neo4j_answers_and_is_community_5_26(graph: Graph) -> None:
    # given the session's Neo4j / when asked for its version
    rows = await graph.read("setup/version")
    # then it is the pinned Community 5.26
    assert rows[0]["edition"] == "community"
    assert rows[0]["version"].startswith("5.26.")


def test_bolt_binds_to_loopback(neo4j_config: Neo4jConfig) -> None:
    # given the managed instance / then its URI is a loopback Bolt address
    assert neo4j_config.uri.startswith(("bolt://127.0.0.1:", "bolt://localhost:", "neo4j://"))
