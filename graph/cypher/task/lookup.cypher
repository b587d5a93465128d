// Tasks by id, for the per-request DataLoader behind `task(id)`.
// Parameters: keys (task ids). Columns: key, item (task properties).
UNWIND $keys AS key
MATCH (t:Task {id: key})
RETURN key, t {.*} AS item
