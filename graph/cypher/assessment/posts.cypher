// Posts held during the year with the levels they require and the person's own, batched over
// people: what 岗位胜任度 reads.
// Parameters: keys (person ids), yearStart, yearEnd (dates).
// Columns: key, item {post {id, title}, requires [{skill {id, name}, level, held (0 when the
//          person lacks the skill)}]}.
UNWIND $keys AS key
MATCH (p:Person {id: key})-[h:HOLDS]->(post:Post)
WHERE h.since <= $yearEnd AND (h.until IS NULL OR h.until >= $yearStart)
WITH DISTINCT key, p, post ORDER BY post.id
RETURN key, {post: post {.id, .title},
             requires: COLLECT { MATCH (post)-[r:REQUIRES]->(s:Skill)
                                 OPTIONAL MATCH (p)-[k:HAS_SKILL]->(s)
                                 WITH r, s, k ORDER BY s.id
                                 RETURN {skill: s {.id, .name}, level: r.level,
                                         held: coalesce(k.level, 0)} }} AS item
