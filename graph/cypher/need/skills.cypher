// The skills each need requires with their levels (NEEDS), batched over needs; highest level
// first, then skill id.
// Parameters: keys (need ids). Columns: key, skill (the node), level; read in the held form
// (graph/queries.py).
UNWIND $keys AS key
MATCH (:Need {id: key})-[r:NEEDS]->(s:Skill)
WITH key, s, r ORDER BY r.level DESC, s.id
RETURN key, s AS skill, r.level AS level
