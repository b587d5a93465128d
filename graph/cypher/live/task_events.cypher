// taskEvents subscription: the task events appended at or after $since (the task_event_at index
// serves the range), of one task or of the tasks at a township or its villages, oldest first
// (at, then id); the caller filters out the ids it has delivered already.
// Parameters: scope, since (datetime), taskId (string|null), townshipId (string|null: one of
//             the two is given), limit (int).
// Columns: task (task properties), event (TaskEvent properties).
// Scope: only tasks AT a place of the caller's unit ($scope, graph/cypher/scope/).
MATCH (e:TaskEvent)
WHERE e.at >= $since
MATCH (t:Task)-[:HAS_EVENT]->(e)
WHERE ($taskId IS NULL OR t.id = $taskId)
  AND ($townshipId IS NULL
       OR EXISTS { (t)-[:AT]->()-[:IN*0..1]->(:Township {id: $townshipId}) })
  AND ($scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) })
WITH t, e ORDER BY e.at, e.id LIMIT $limit
RETURN t {.*} AS task, e {.*} AS event
