// Appends task events. Events are never edited: one whose id is already recorded is left as it
// is, so re-importing a document adds only the events that are new (ids are the task's id,
// "-E" and the event's index in the task's list).
// Parameters: $rows: list of {task: string, id: string, props: map {at, step, actor, note?,
//   percent?} without nulls}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (t:Task {id: row.task})
OPTIONAL MATCH (old:TaskEvent {id: row.id})
WITH t, row, old IS NULL AS isNew
MERGE (e:TaskEvent {id: row.id})
ON CREATE SET e += row.props
WITH t, e, row, isNew, NOT EXISTS { (t)-[:HAS_EVENT]->(e) } AS isLinked
MERGE (t)-[:HAS_EVENT]->(e)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS nodesCreated,
       sum(CASE WHEN isLinked THEN 1 ELSE 0 END) AS relationshipsCreated,
       0 AS relationshipsDeleted,
       sum(CASE WHEN isNew THEN size(keys(row.props)) ELSE 0 END) AS propertiesSet
