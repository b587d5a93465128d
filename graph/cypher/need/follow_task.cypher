// The 三单 loop: the needs a task addresses follow its end (cancelTask, closeTask), in the
// step's own transaction, after task/advance. A cancelled task gives its MATCHED needs back to
// the list (OPEN) unless another open task still addresses them; a closed task settles them
// (CLOSED). The step's TaskEvent records which needs changed and to what.
// Parameters: taskId, status (the needs' new status), openStatuses (task statuses that are
//             open), eventId (the step's TaskEvent), at (datetime), actor (string).
// Columns: needIds (the needs that changed, by id).
MATCH (t:Task {id: $taskId})
CALL (t) {
  MATCH (t)-[:ADDRESSES]->(n:Need)
  WHERE n.status = 'MATCHED'
    AND ($status <> 'OPEN'
         OR NOT EXISTS { (o:Task)-[:ADDRESSES]->(n) WHERE o <> t AND o.status IN $openStatuses })
  SET n.status = $status, n.statusChangedAt = $at, n.statusChangedBy = $actor
  WITH n ORDER BY n.id
  RETURN collect(n.id) AS needIds
}
MATCH (t)-[:HAS_EVENT]->(e:TaskEvent {id: $eventId})
SET e.needIds = CASE WHEN size(needIds) > 0 THEN needIds END,
    e.needStatus = CASE WHEN size(needIds) > 0 THEN $status END
RETURN needIds
