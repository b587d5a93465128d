// A lifecycle step, first query of its write transaction: takes the task's write lock (SET then
// REMOVE of a marker), then reads the state the step's rules are checked against, so that no
// concurrent step on the same task can slip in between the checks and the writes.
// Parameters: taskId (string), today (date: assignments whose `until` is before it have ended).
// Columns: task (properties),
//          requires ([{skillId, name, level}] by skill id),
//          current ([{personId, name, role}]: assignments that have not ended).
MATCH (t:Task {id: $taskId})
SET t._lock = true
REMOVE t._lock
RETURN t {.*} AS task,
       COLLECT {
         MATCH (t)-[r:REQUIRES]->(s:Skill)
         WITH s, r ORDER BY s.id
         RETURN {skillId: s.id, name: s.name, level: r.level}
       } AS requires,
       COLLECT {
         MATCH (p:Person)-[a:ASSIGNED_TO]->(t)
         WHERE a.until IS NULL OR a.until >= $today
         WITH p, a ORDER BY p.id, a.role
         RETURN {personId: p.id, name: p.name, role: a.role}
       } AS current
