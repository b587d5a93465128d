// Appends the SelectionEvents of imported selections, one per step the row implies. Events are
// never edited: one whose id is already recorded is left as it is, so re-importing a document
// adds only the events that are new (ids are the selection's id, "-E" and the event's place in
// the selection's steps).
// Parameters: $rows: list of {selection: string, id: string, props: map {at, step, actor,
//   note, personId?} without nulls}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (s:PostSelection {id: row.selection})
OPTIONAL MATCH (old:SelectionEvent {id: row.id})
WITH s, row, old IS NULL AS isNew
MERGE (e:SelectionEvent {id: row.id})
ON CREATE SET e += row.props
WITH s, e, row, isNew, NOT EXISTS { (s)-[:HAS_EVENT]->(e) } AS isLinked
MERGE (s)-[:HAS_EVENT]->(e)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS nodesCreated,
       sum(CASE WHEN isLinked THEN 1 ELSE 0 END) AS relationshipsCreated,
       0 AS relationshipsDeleted,
       sum(CASE WHEN isNew THEN size(keys(row.props)) ELSE 0 END) AS propertiesSet
