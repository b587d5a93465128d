// Posts in a department, batched over departments.
// Parameters: keys (department ids), scope. Columns: key, item (post properties).
// Scope: none unless the department is IN a place of the caller's county ($scope,
// graph/cypher/scope/).
UNWIND $keys AS key
MATCH (d:Department {id: key})
WHERE $scope.all OR EXISTS { (d)-[:IN]->(at) WHERE @place_visible(at) }
MATCH (p:Post)-[:IN]->(d)
WITH key, p ORDER BY p.id
RETURN key, p {.*} AS item
