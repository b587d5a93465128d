// Person nodes by id, for the per-request DataLoader behind `person(id)` and Person-typed fields.
// Parameters: keys (list of ids). Columns: key (id), item (map of the node's properties).
UNWIND $keys AS key
MATCH (n:Person {id: key})
RETURN key, n {.*} AS item
