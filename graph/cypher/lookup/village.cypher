// Village nodes by id, for the per-request DataLoader behind `village(id)` and Village-typed fields.
// Parameters: keys (list of ids). Columns: key (id), item (map of the node's properties).
UNWIND $keys AS key
MATCH (n:Village {id: key})
RETURN key, n {.*} AS item
