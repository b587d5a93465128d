// The needs tasks address (ADDRESSES), batched over tasks; by need id.
// Parameters: keys (task ids). Columns: key, item (need id).
UNWIND $keys AS key
MATCH (:Task {id: key})-[:ADDRESSES]->(n:Need)
WITH key, n ORDER BY n.id
RETURN key, n.id AS item
