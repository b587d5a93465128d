// The tasks people are assigned to (any role, ended or not), batched over people; newest first.
// Parameters: keys (person ids). Columns: key, item (task properties).
UNWIND $keys AS key
MATCH (:Person {id: key})-[:ASSIGNED_TO]->(t:Task)
WITH DISTINCT key, t
ORDER BY t.createdAt DESC, t.id
RETURN key, t {.*} AS item
