// A person's skills with levels, batched over people; highest level first.
// Parameters: keys (person ids). Columns: key, item {skill, level}.
UNWIND $keys AS key
MATCH (:Person {id: key})-[h:HAS_SKILL]->(s:Skill)
WITH key, s, h ORDER BY h.level DESC, s.id
RETURN key, {skill: s {.*}, level: h.level} AS item
