// Sets where each task happens (exactly one of village, township is given): a task is AT one
// place, so an AT edge to any other is deleted first.
// Parameters: $rows: list of {id: string, village, township: string or null}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (task:Task {id: row.id})
OPTIONAL MATCH (v:Village {id: row.village})
OPTIONAL MATCH (t:Township {id: row.township})
WITH task, coalesce(v, t) AS place
CALL (task, place) {
  OPTIONAL MATCH (task)-[old:AT]->(other)
  WHERE other <> place
  DELETE old
  RETURN count(old) AS deleted
}
WITH task, place, deleted, NOT EXISTS { (task)-[:AT]->(place) } AS isNew
MERGE (task)-[:AT]->(place)
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       sum(deleted) AS relationshipsDeleted, 0 AS propertiesSet
