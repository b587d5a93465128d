// Skills a post requires with levels, batched over posts.
// Parameters: keys (post ids). Columns: key, skill (the node), level; read in the held form (graph/queries.py).
UNWIND $keys AS key
MATCH (:Post {id: key})-[r:REQUIRES]->(s:Skill)
WITH key, r, s ORDER BY r.level DESC, s.id
RETURN key, s AS skill, r.level AS level
