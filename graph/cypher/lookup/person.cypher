// Person nodes by id, for the per-request DataLoader behind `person(id)` and Person-typed fields.
// Parameters: keys (list of ids). Columns: key (id), item (map of the node's properties).
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
UNWIND $keys AS key
MATCH (n:Person {id: key})
WHERE @person_visible(n)
RETURN key, @person(n) AS item
