// The township a village belongs to, batched over villages.
// Parameters: keys (village ids), scope. Columns: key, item (township properties).
// Scope: no row outside the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Village {id: key})-[:IN]->(t:Township)
WHERE @place_visible(t)
RETURN key, t {.*} AS item
