// Teams by id, for the per-request DataLoader behind `team(id)`.
// Parameters: keys (team ids), scope. Columns: key, item (properties).
// Scope: only teams OF the caller's unit or a place below it ($scope, graph/cypher/scope/); no
// row (so `team(id)` is null) for any other.
UNWIND $keys AS key
MATCH (t:Team {id: key})
WHERE $scope.all OR EXISTS { (t)-[:OF]->(owner) WHERE @place_of_unit(owner) }
RETURN key, t {.*} AS item
