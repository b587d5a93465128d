// createTaskFromNeed, the checks inside the write transaction: the need, its status, and what
// the task takes from it. The need is write-locked FIRST (a no-op SET), so that a concurrent
// createTaskFromNeed for the same need waits here and then reads MATCHED instead of OPEN.
// Parameters: needId. Columns (no row when the need does not exist): status, title, quarter,
//             villageId, skills ([{id, name, category, level}], highest level first, then id).
MATCH (v:Village)-[:RAISED]->(n:Need {id: $needId})
SET n._lock = true
REMOVE n._lock
WITH v, n
RETURN n.status AS status, n.title AS title, n.quarter AS quarter, v.id AS villageId,
       COLLECT { MATCH (n)-[r:NEEDS]->(s:Skill)
                 WITH s, r ORDER BY r.level DESC, s.id
                 RETURN {id: s.id, name: s.name, category: s.category, level: r.level} } AS skills
