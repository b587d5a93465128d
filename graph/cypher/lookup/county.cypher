// County nodes by id, for the per-request DataLoader behind `county(id)` and County-typed fields.
// Parameters: keys (list of ids), scope. Columns: key (id), item (map of the node's properties).
// Scope: no row (so `county(id)` is null) outside the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (n:County {id: key})
WHERE @place_visible(n)
RETURN key, n {.*} AS item
