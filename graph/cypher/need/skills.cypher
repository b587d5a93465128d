// The skills each need requires with their levels (NEEDS), batched over needs; highest level
// first, then skill id.
// Parameters: keys (need ids). Columns: key, item {skill, level}.
UNWIND $keys AS key
MATCH (:Need {id: key})-[r:NEEDS]->(s:Skill)
WITH key, s, r ORDER BY r.level DESC, s.id
RETURN key, {skill: s {.*}, level: r.level} AS item
