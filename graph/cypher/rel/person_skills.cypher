// A person's skills with levels, batched over people; highest level first.
// Parameters: keys (person ids). Columns: key, skill (the node), level; read in the held form (graph/queries.py).
UNWIND $keys AS key
MATCH (:Person {id: key})-[h:HAS_SKILL]->(s:Skill)
WITH key, s, h ORDER BY h.level DESC, s.id
RETURN key, s AS skill, h.level AS level
