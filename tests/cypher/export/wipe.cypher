// Deletes a test's own nodes (every node whose id starts with $prefix, the test's uid) with their
// relationships, and the task events hanging off them, so that the test can import its export
// into a graph that holds none of its data (Neo4j Community has one user database).
// Parameters: prefix (string: the test's uid). Columns: deleted (int: nodes deleted, events too).
MATCH (n)
WHERE n.id STARTS WITH $prefix
OPTIONAL MATCH (n)-[:HAS_EVENT]->(e)
WITH collect(DISTINCT n) + collect(DISTINCT e) AS doomed
UNWIND doomed AS d
DETACH DELETE d
RETURN count(*) AS deleted
