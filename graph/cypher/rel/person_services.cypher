// A person's village services (SERVED_IN), newest first, batched over people.
// Parameters: keys (person ids). Columns: key, item {village, role, since, until}.
UNWIND $keys AS key
MATCH (:Person {id: key})-[r:SERVED_IN]->(v:Village)
WITH key, r, v ORDER BY r.since DESC, v.id
RETURN key, {village: v {.*}, role: r.role, since: r.since, until: r.until} AS item
