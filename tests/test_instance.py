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
