// The teams OF townships, batched over townships; by kind, then name, then id.
// Parameters: keys (township ids), scope. Columns: key, item (team properties).
// Scope: none unless the township is of the caller's unit ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (tw:Township {id: key})
WHERE @place_of_unit(tw)
MATCH (tw)<-[:OF]-(t:Team)
WITH key, t ORDER BY t.kind, t.name, t.id
RETURN key, t {.*} AS item
