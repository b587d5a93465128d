// The acknowledgements of tasks (who confirmed they are on the way), batched over tasks; oldest
// first (at, then id).
// Parameters: keys (task ids).
// Columns: key, item {person, at, etaMinutes, recordedBy, recordedByName}.
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
UNWIND $keys AS key
MATCH (:Task {id: key})<-[:OF]-(a:Acknowledgement)-[:BY]->(p:Person)
WHERE @person_visible(p)
WITH key, a, p ORDER BY a.at, a.id
RETURN key, {person: @person(p), at: a.at, etaMinutes: a.etaMinutes, recordedBy: a.recordedBy,
             recordedByName: a.recordedByName} AS item
