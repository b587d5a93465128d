// The tasks people are assigned to (any role, ended or not), batched over people; newest first.
// Parameters: keys (person ids), scope. Columns: key, item (task properties).
// Scope: only tasks AT a place of the caller's unit ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Person {id: key})-[:ASSIGNED_TO]->(t:Task)
WHERE $scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) }
WITH DISTINCT key, t
ORDER BY t.createdAt DESC, t.id
RETURN key, t {.*} AS item
