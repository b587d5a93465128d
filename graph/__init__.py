"""The graph layer: the only package that imports `neo4j` (driver, Cypher, constraints, writes)."""
