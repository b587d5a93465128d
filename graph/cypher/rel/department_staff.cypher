// People employed by a department (WORKS_IN), by id, batched over departments.
// Parameters: keys (department ids). Columns: key, item (person properties).
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
UNWIND $keys AS key
MATCH (p:Person)-[:WORKS_IN]->(:Department {id: key})
WHERE @person_visible(p)
WITH key, p ORDER BY p.id
RETURN key, @person(p) AS item
