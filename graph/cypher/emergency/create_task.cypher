// respondToEmergency: creates an EMERGENCY task AT the village, REQUIRES the skills, with its
// staffing deadline and its first TaskEvent (INITIATED), as docs/graph-model.md describes.
// Parameters: taskId, eventId, villageId, title, domain, severity ('I' | 'II' | 'III'),
//             quarter (string like "2025Q3"), initiatedBy ('VILLAGE' | 'TOWNSHIP'),
//             skillIds (distinct ids of existing skills), minLevel (int),
//             now (datetime: createdAt and the event's at), deadline (datetime), actor, note.
// Columns: task {id, createdAt, staffingDeadline} (no row when the village is gone).
MATCH (v:Village {id: $villageId})
CREATE (t:Task {
  id: $taskId, title: $title, domain: $domain, kind: 'EMERGENCY', severity: $severity,
  status: 'INITIATED', quarter: $quarter, initiatedBy: $initiatedBy,
  createdAt: $now, createdBy: $actor, staffingDeadline: $deadline
})-[:AT]->(v)
CREATE (t)-[:HAS_EVENT]->(:TaskEvent {id: $eventId, at: $now, step: 'INITIATED', actor: $actor,
                                      note: $note})
WITH t
CALL (t) {
  UNWIND $skillIds AS skillId
  MATCH (s:Skill {id: skillId})
  CREATE (t)-[:REQUIRES {level: $minLevel}]->(s)
}
RETURN t {.id, .createdAt, .staffingDeadline} AS task
