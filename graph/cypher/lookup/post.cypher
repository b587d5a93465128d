// Post nodes by id, for the per-request DataLoader behind `post(id)` and Post-typed fields.
// Parameters: keys (list of ids), scope. Columns: key (id), item (map of the node's properties).
// Scope: no row (so `post(id)` is null) unless the place the post's department is IN lies in the
// caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (n:Post {id: key})
WHERE $scope.all OR EXISTS { (n)-[:IN]->(:Department)-[:IN]->(at) WHERE @place_visible(at) }
RETURN key, n {.*} AS item
