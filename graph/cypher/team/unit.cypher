// The unit a team is OF (a township or a county), batched over teams.
// Parameters: keys (team ids), scope. Columns: key, item {kind: 'Township' | 'County', node}.
// Scope: no row for a unit outside the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Team {id: key})-[:OF]->(u)
WHERE (u:Township OR u:County) AND @place_visible(u)
RETURN key, {kind: CASE WHEN u:Township THEN 'Township' ELSE 'County' END, node: u {.*}} AS item
