// Where tasks are (AT), batched over tasks: the village (or null) and the township — the one the
// task is AT, or the village's township.
// Parameters: keys (task ids), scope. Columns: key, item {village, township} (properties or null).
// Scope: no row for a place outside the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Task {id: key})-[:AT]->(p)
WHERE (p:Village OR p:Township) AND @place_visible(p)
OPTIONAL MATCH (p:Village)-[:IN]->(w:Township)
RETURN key, {village: CASE WHEN p:Village THEN p {.*} END,
             township: CASE WHEN p:Township THEN p {.*} ELSE w {.*} END} AS item
