// A lifecycle step's write (after its checks): the new status, the properties the step records
// (a null parameter leaves a property as it is), and the step's TaskEvent, appended, never edited.
// Parameters: taskId, status, plan, progress, outcome, rating, lessons, cancelReason,
//             staffedAt (datetime), event {id, at (datetime), step, actor, actorName, note, percent,
//             afterStaffing (true for a plan recorded after staffing, else null),
//             correctionReason, correctedFrom (a progress correction: why, and the progress
//             it corrects; null otherwise)}.
// Columns: task (properties).
MATCH (t:Task {id: $taskId})
SET t.status = $status,
    t.plan = coalesce($plan, t.plan),
    t.progress = coalesce($progress, t.progress),
    t.outcome = coalesce($outcome, t.outcome),
    t.rating = coalesce($rating, t.rating),
    t.lessons = coalesce($lessons, t.lessons),
    t.cancelReason = coalesce($cancelReason, t.cancelReason),
    t.staffedAt = coalesce($staffedAt, t.staffedAt)
CREATE (t)-[:HAS_EVENT]->(:TaskEvent {
  id: $event.id, at: $event.at, step: $event.step, actor: $event.actor,
  actorName: $event.actorName, note: $event.note,
  percent: $event.percent, afterStaffing: $event.afterStaffing,
  correctionReason: $event.correctionReason, correctedFrom: $event.correctedFrom
})
RETURN t {.*} AS task
