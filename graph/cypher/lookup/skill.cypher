// Skill nodes by id, for the per-request DataLoader behind `skill(id)` and Skill-typed fields.
// Parameters: keys (list of ids). Columns: key (id), item (map of the node's properties).
UNWIND $keys AS key
MATCH (n:Skill {id: key})
RETURN key, n {.*} AS item
