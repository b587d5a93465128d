// A person's employers (轮岗交流 history), batched over people: the current one (WORKS_IN,
// until null) first, then the former ones (WORKED_IN) by until, newest first.
// Parameters: keys (person ids), scope. Columns: key, item {department, since, until}.
// Scope: no row unless the department is IN a place of the caller's county ($scope,
// graph/cypher/scope/), as for Person.department.
UNWIND $keys AS key
MATCH (:Person {id: key})-[w:WORKS_IN|WORKED_IN]->(d:Department)
WHERE $scope.all OR EXISTS { (d)-[:IN]->(at) WHERE @place_visible(at) }
WITH key, d, w ORDER BY w.until IS NOT NULL, w.until DESC, w.since DESC, d.id
RETURN key, {department: d {.*}, since: w.since, until: w.until} AS item
