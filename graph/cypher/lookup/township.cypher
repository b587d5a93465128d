// Township nodes by id, for the per-request DataLoader behind `township(id)` and Township-typed fields.
// Parameters: keys (list of ids). Columns: key (id), item (map of the node's properties).
UNWIND $keys AS key
MATCH (n:Township {id: key})
RETURN key, n {.*} AS item
