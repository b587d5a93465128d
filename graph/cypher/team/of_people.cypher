// People's team memberships (MEMBER_OF), batched over people; newest since first, then team id.
// Parameters: keys (person ids), scope. Columns: key, item {team, role, since, until}.
// Scope: only teams OF the caller's unit or a place below it ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Person {id: key})-[m:MEMBER_OF]->(t:Team)
WHERE $scope.all OR EXISTS { (t)-[:OF]->(owner) WHERE @place_of_unit(owner) }
WITH key, t, m ORDER BY m.since DESC, t.id
RETURN key, {team: t {.*}, role: m.role, since: m.since, until: m.until} AS item
