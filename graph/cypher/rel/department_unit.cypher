// The unit (county, township or village) a department belongs to, batched over departments.
// Parameters: keys (department ids), scope.
// Columns: key, item {kind: label name, node: properties}.
// Scope: no row outside the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Department {id: key})-[:IN]->(u)
WHERE (u:County OR u:Township OR u:Village) AND @place_visible(u)
RETURN key, {kind: CASE WHEN u:County THEN 'County' WHEN u:Township THEN 'Township' ELSE 'Village' END,
             node: u {.*}} AS item
