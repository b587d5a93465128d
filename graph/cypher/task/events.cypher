// The events of tasks (HAS_EVENT), batched over tasks; in order (at, then id).
// Parameters: keys (task ids). Columns: key, item (TaskEvent properties).
UNWIND $keys AS key
MATCH (:Task {id: key})-[:HAS_EVENT]->(e:TaskEvent)
WITH key, e ORDER BY e.at, e.id
RETURN key, e {.*} AS item
