// A person's employing unit (WORKS_IN), batched over people.
// Parameters: keys (person ids), scope. Columns: key, item (department properties).
// Scope: no row unless the department is IN a place of the caller's county ($scope,
// graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Person {id: key})-[:WORKS_IN]->(d:Department)
WHERE $scope.all OR EXISTS { (d)-[:IN]->(at) WHERE @place_visible(at) }
RETURN key, d {.*} AS item
