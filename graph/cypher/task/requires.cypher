// The skills tasks require, batched over tasks; highest level first, then skill id.
// Parameters: keys (task ids). Columns: key, item {skill, level}.
UNWIND $keys AS key
MATCH (:Task {id: key})-[r:REQUIRES]->(s:Skill)
WITH key, s, r ORDER BY r.level DESC, s.id
RETURN key, {skill: s {.*}, level: r.level} AS item
