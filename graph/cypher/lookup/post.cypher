// Post nodes by id, for the per-request DataLoader behind `post(id)` and Post-typed fields.
// Parameters: keys (list of ids). Columns: key (id), item (map of the node's properties).
UNWIND $keys AS key
MATCH (n:Post {id: key})
RETURN key, n {.*} AS item
