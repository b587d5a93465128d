// Department nodes by id, for the per-request DataLoader behind `department(id)` and Department-typed fields.
// Parameters: keys (list of ids). Columns: key (id), item (map of the node's properties).
UNWIND $keys AS key
MATCH (n:Department {id: key})
RETURN key, n {.*} AS item
