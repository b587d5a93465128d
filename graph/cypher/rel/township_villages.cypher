// A township's villages by id, batched over townships.
// Parameters: keys (township ids). Columns: key, item (village properties).
UNWIND $keys AS key
MATCH (v:Village)-[:IN]->(:Township {id: key})
WITH key, v ORDER BY v.id
RETURN key, v {.*} AS item
