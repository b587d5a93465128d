// The county a township belongs to, batched over townships.
// Parameters: keys (township ids), scope. Columns: key, item (county properties).
// Scope: no row outside the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Township {id: key})-[:IN]->(c:County)
WHERE @place_visible(c)
RETURN key, c {.*} AS item
