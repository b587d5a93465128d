// Test-only: how many nodes the database holds, and how many of them mark an unfinished first
// load (:BulkLoad), for the bulk-load tests on a Neo4j of their own.
// Parameters: none. Columns: nodes (integer), markers (integer).
MATCH (n)
RETURN count(n) AS nodes, count(CASE WHEN n:BulkLoad THEN 1 END) AS markers
