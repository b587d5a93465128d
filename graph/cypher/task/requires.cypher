// The skills tasks require, batched over tasks; highest level first, then skill id.
// Parameters: keys (task ids). Columns: key, skill (the node), level; read in the held form
// (graph/queries.py).
UNWIND $keys AS key
MATCH (:Task {id: key})-[r:REQUIRES]->(s:Skill)
WITH key, s, r ORDER BY r.level DESC, s.id
RETURN key, s AS skill, r.level AS level
