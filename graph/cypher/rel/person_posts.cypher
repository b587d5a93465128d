// Posts a person holds or held (HOLDS), newest first, batched over people.
// Parameters: keys (person ids), scope. Columns: key, item {post, since, until}.
// Scope: only posts whose department is IN a place of the caller's county ($scope,
// graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Person {id: key})-[r:HOLDS]->(p:Post)
WHERE $scope.all
   OR EXISTS { (p)-[:IN]->(:Department)-[:IN]->(at) WHERE @place_visible(at) }
WITH key, r, p ORDER BY r.since DESC, p.id
RETURN key, {post: p {.*}, since: r.since, until: r.until} AS item
