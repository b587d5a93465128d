"""The domain vocabulary: pure Python, no neo4j, no strawberry; every layer may import it."""
