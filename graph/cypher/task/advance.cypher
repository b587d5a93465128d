// A lifecycle step's write (after its checks): the new status, the properties the step records
// (a null parameter leaves a property as it is), and the step's TaskEvent, appended, never edited.
// Parameters: taskId, status, plan, progress, outcome, rating, lessons, cancelReason,
//             staffedAt (datetime), event {id, at (datetime), step, actor, actorName, note, percent}.
// Columns: task (properties, with `quarter` as docs/graph-model.md defines it).
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
  percent: $event.percent
})
RETURN t {.*,
          quarter: coalesce(t.quarter,
                            head(COLLECT { MATCH (t)-[:ADDRESSES]->(n:Need)
                                           WITH n.quarter AS q ORDER BY q RETURN q }),
                            toString(t.createdAt.year) + 'Q' + toString(t.createdAt.quarter))
       } AS task
