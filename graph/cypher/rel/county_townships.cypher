// A county's townships by id, batched over counties.
// Parameters: keys (county ids), scope. Columns: key, item (township properties).
// Scope: none outside the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (t:Township)-[:IN]->(:County {id: key})
WHERE @place_visible(t)
WITH key, t ORDER BY t.id
RETURN key, t {.*} AS item
