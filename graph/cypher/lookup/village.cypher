// Village nodes by id, for the per-request DataLoader behind `village(id)` and Village-typed fields.
// Parameters: keys (list of ids), scope. Columns: key (id), item (map of the node's properties).
// Scope: no row (so `village(id)` is null) outside the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (n:Village {id: key})
WHERE @place_visible(n)
RETURN key, n {.*} AS item
