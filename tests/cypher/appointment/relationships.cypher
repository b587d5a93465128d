// Test-only: the appointment relationships leaving people whose id starts with $prefix, so a test
// can count them and read who changed them and when.
// Parameters: prefix (string). Columns: type, from, to (ids), props (the relationship's map).
MATCH (p:Person)-[r:SERVED_IN|DISPATCHED_TO|TRAINED_AT|MENTORS|HAS_SKILL]->(x)
WHERE p.id STARTS WITH $prefix
RETURN type(r) AS type, p.id AS from, x.id AS to, properties(r) AS props
ORDER BY type, from, to, props.since
