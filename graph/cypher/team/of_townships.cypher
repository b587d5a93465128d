// The teams OF townships, batched over townships; by kind, then name, then id.
// Parameters: keys (township ids). Columns: key, item (team properties).
UNWIND $keys AS key
MATCH (:Township {id: key})<-[:OF]-(t:Team)
WITH key, t ORDER BY t.kind, t.name, t.id
RETURN key, t {.*} AS item
