// Tests only: what createTaskFromNeed wrote for a need, read back from the graph.
// Parameters: needId. Columns: one row per task addressing the need: task (properties),
//             at (the AT node's id), atLabels, requires ([{skill, level}] by skill id),
//             events ([TaskEvent properties] by `at`).
MATCH (task:Task)-[:ADDRESSES]->(:Need {id: $needId})
RETURN task {.*} AS task,
       COLLECT { MATCH (task)-[:AT]->(x) RETURN x.id } AS at,
       COLLECT { MATCH (task)-[:AT]->(x) UNWIND labels(x) AS l RETURN l } AS atLabels,
       COLLECT { MATCH (task)-[r:REQUIRES]->(s:Skill)
                 WITH s, r ORDER BY s.id RETURN {skill: s.id, level: r.level} } AS requires,
       COLLECT { MATCH (task)-[:HAS_EVENT]->(e:TaskEvent) WITH e ORDER BY e.at RETURN e {.*} }
         AS events
ORDER BY task.id
