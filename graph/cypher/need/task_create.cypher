// createTaskFromNeed, the write: a ROUTINE Task, INITIATED, of the need's quarter, AT the need's
// village, REQUIRES the need's skills at their levels, ADDRESSES the need, with its first
// TaskEvent; the need becomes MATCHED (run after task_check, in the same transaction).
// Parameters: needId, taskId, eventId, title, domain, initiatedBy (VILLAGE|TOWNSHIP),
//             note (string|null), actor (string), actorName (string|null), at (datetime).
// Columns: taskId, task (the task's properties, as Task.from_row reads them), need (need
//          properties, plus village and skills as the Need type reads them).
MATCH (v:Village)-[:RAISED]->(n:Need {id: $needId})
CREATE (task:Task {
  id: $taskId, title: $title, domain: $domain, kind: 'ROUTINE', status: 'INITIATED',
  quarter: n.quarter, initiatedBy: $initiatedBy, createdAt: $at, createdBy: $actor,
  createdByName: $actorName
})
CREATE (task)-[:AT]->(v)
CREATE (task)-[:ADDRESSES]->(n)
CREATE (task)-[:HAS_EVENT]->(:TaskEvent {
  id: $eventId, at: $at, step: 'INITIATED', actor: $actor, actorName: $actorName,
  note: $note
})
SET n.status = 'MATCHED'
WITH v, n, task
CALL (n, task) {
  MATCH (n)-[r:NEEDS]->(s:Skill)
  CREATE (task)-[:REQUIRES {level: r.level}]->(s)
}
RETURN task.id AS taskId,
       task {.*} AS task,
       n {.*,
          village: v {.*},
          skills: COLLECT { MATCH (n)-[r:NEEDS]->(s:Skill)
                            WITH s, r ORDER BY r.level DESC, s.id
                            RETURN {skill: s {.*}, level: r.level} }} AS need
