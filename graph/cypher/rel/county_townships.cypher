// A county's townships by id, batched over counties.
// Parameters: keys (county ids). Columns: key, item (township properties).
UNWIND $keys AS key
MATCH (t:Township)-[:IN]->(:County {id: key})
WITH key, t ORDER BY t.id
RETURN key, t {.*} AS item
