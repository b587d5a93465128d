// Department nodes by id, for the per-request DataLoader behind `department(id)` and Department-typed fields.
// Parameters: keys (list of ids), scope. Columns: key (id), item (map of the node's properties).
// Scope: no row (so `department(id)` is null) unless the place the department is IN lies in the
// caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (n:Department {id: key})
WHERE $scope.all OR EXISTS { (n)-[:IN]->(at) WHERE @place_visible(at) }
RETURN key, n {.*} AS item
