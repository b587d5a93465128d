// A township's villages by id, batched over townships.
// Parameters: keys (township ids), scope. Columns: key, item (village properties).
// Scope: none outside the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (v:Village)-[:IN]->(:Township {id: key})
WHERE @place_visible(v)
WITH key, v ORDER BY v.id
RETURN key, v {.*} AS item
