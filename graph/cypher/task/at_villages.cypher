// The tasks AT villages, batched over villages; newest first.
// Parameters: keys (village ids), scope. Columns: key, item (task properties).
// Scope: none unless the village is of the caller's unit ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (v:Village {id: key})
WHERE @place_of_unit(v)
MATCH (v)<-[:AT]-(t:Task)
WITH key, t
ORDER BY t.createdAt DESC, t.id
RETURN key, t {.*} AS item
