// Tasks by id, for the per-request DataLoader behind `task(id)`.
// Parameters: keys (task ids), scope. Columns: key, item (task properties).
// Scope: only tasks AT a place of the caller's unit ($scope, graph/cypher/scope/); no row (so
// `task(id)` is null) for any other.
UNWIND $keys AS key
MATCH (t:Task {id: key})
WHERE $scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) }
RETURN key, t {.*} AS item
