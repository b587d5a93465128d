// A person's village services (SERVED_IN), newest first, batched over people.
// Parameters: keys (person ids), scope. Columns: key, item {village, role, since, until}.
// Scope: only villages of the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Person {id: key})-[r:SERVED_IN]->(v:Village)
WHERE @place_visible(v)
WITH key, r, v ORDER BY r.since DESC, v.id
RETURN key, {village: v {.*}, role: r.role, since: r.since, until: r.until} AS item
