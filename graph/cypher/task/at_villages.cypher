// The tasks AT villages, batched over villages; newest first.
// Parameters: keys (village ids). Columns: key, item (task properties).
UNWIND $keys AS key
MATCH (:Village {id: key})<-[:AT]-(t:Task)
WITH key, t
ORDER BY t.createdAt DESC, t.id
RETURN key, t {.*} AS item
