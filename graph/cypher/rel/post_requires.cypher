// Skills a post requires with levels, batched over posts.
// Parameters: keys (post ids). Columns: key, item {skill, level}.
UNWIND $keys AS key
MATCH (:Post {id: key})-[r:REQUIRES]->(s:Skill)
WITH key, r, s ORDER BY r.level DESC, s.id
RETURN key, {skill: s {.*}, level: r.level} AS item
