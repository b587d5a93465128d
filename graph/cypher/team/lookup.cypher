// Teams by id, for the per-request DataLoader behind `team(id)`.
// Parameters: keys (team ids). Columns: key, item (properties).
UNWIND $keys AS key
MATCH (t:Team {id: key})
RETURN key, t {.*} AS item
