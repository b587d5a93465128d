// The unit a team is OF (a township or a county), batched over teams.
// Parameters: keys (team ids). Columns: key, item {kind: 'Township' | 'County', node}.
UNWIND $keys AS key
MATCH (:Team {id: key})-[:OF]->(u)
WHERE u:Township OR u:County
RETURN key, {kind: CASE WHEN u:Township THEN 'Township' ELSE 'County' END, node: u {.*}} AS item
