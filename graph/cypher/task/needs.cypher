// The needs tasks address (ADDRESSES), batched over tasks; by need id.
// Parameters: keys (task ids), scope. Columns: key, item (need id).
// Scope: only needs RAISED by a village of the caller's unit ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Task {id: key})-[:ADDRESSES]->(n:Need)
WHERE $scope.all OR EXISTS { (v:Village)-[:RAISED]->(n) WHERE @place_of_unit(v) }
WITH key, n ORDER BY n.id
RETURN key, n.id AS item
