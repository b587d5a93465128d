// People employed by a department (WORKS_IN), by id, batched over departments.
// Parameters: keys (department ids). Columns: key, item (person properties).
UNWIND $keys AS key
MATCH (p:Person)-[:WORKS_IN]->(:Department {id: key})
WITH key, p ORDER BY p.id
RETURN key, p {.*} AS item
