// The village that raised each need (RAISED), batched over needs.
// Parameters: keys (need ids), scope. Columns: key, item (village properties).
// Scope: no row for a village outside the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (v:Village)-[:RAISED]->(:Need {id: key})
WHERE @place_visible(v)
RETURN key, v {.*} AS item
