// Posts in a department, batched over departments.
// Parameters: keys (department ids). Columns: key, item (post properties).
UNWIND $keys AS key
MATCH (p:Post)-[:IN]->(:Department {id: key})
WITH key, p ORDER BY p.id
RETURN key, p {.*} AS item
