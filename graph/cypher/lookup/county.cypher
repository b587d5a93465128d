// County nodes by id, for the per-request DataLoader behind `county(id)` and County-typed fields.
// Parameters: keys (list of ids). Columns: key (id), item (map of the node's properties).
UNWIND $keys AS key
MATCH (n:County {id: key})
RETURN key, n {.*} AS item
