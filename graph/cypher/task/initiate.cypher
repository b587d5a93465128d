// initiateTask (after its checks): the Task AT its village or township, what it REQUIRES, and
// its first TaskEvent (INITIATED).
// Parameters: task {id, title, domain, kind, severity, quarter, initiatedBy, createdAt,
//             createdBy, createdByName (null when unknown), staffingDeadline}, villageId, townshipId (one is null),
//             requires ([{skillId, level}]), event {id, note}.
// Columns: task (properties).
CALL () {
  MATCH (v:Village {id: $villageId})
  RETURN v AS place
  UNION
  MATCH (w:Township {id: $townshipId})
  RETURN w AS place
}
CREATE (t:Task {
  id: $task.id, title: $task.title, domain: $task.domain, kind: $task.kind,
  severity: $task.severity, status: 'INITIATED', quarter: $task.quarter,
  initiatedBy: $task.initiatedBy, createdAt: $task.createdAt, createdBy: $task.createdBy,
  createdByName: $task.createdByName, staffingDeadline: $task.staffingDeadline
})-[:AT]->(place)
CREATE (t)-[:HAS_EVENT]->(:TaskEvent {
  id: $event.id, at: $task.createdAt, step: 'INITIATED', actor: $task.createdBy,
  actorName: $task.createdByName, note: $event.note
})
WITH t
CALL (t) {
  UNWIND $requires AS r
  MATCH (s:Skill {id: r.skillId})
  CREATE (t)-[:REQUIRES {level: r.level}]->(s)
}
RETURN t {.*} AS task
