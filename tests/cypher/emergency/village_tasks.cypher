// Tests only: the tasks AT a village as stored, with what they require and their events.
// Parameters: villageId. Columns: task (properties), requires ([{skill, level}] by skill id),
// events ([TaskEvent properties]); by task id.
MATCH (t:Task)-[:AT]->(:Village {id: $villageId})
RETURN t {.*} AS task,
       COLLECT { MATCH (t)-[r:REQUIRES]->(s:Skill) WITH s, r ORDER BY s.id
                 RETURN {skill: s.id, level: r.level} } AS requires,
       [(t)-[:HAS_EVENT]->(e:TaskEvent) | e {.*}] AS events
ORDER BY t.id
