// Sets the village that raised each need: a need is RAISED by one village, so an edge from any
// other village is deleted first.
// Parameters: $rows: list of {id: string, village: string}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (n:Need {id: row.id})
MATCH (v:Village {id: row.village})
CALL (n, v) {
  OPTIONAL MATCH (other:Village)-[old:RAISED]->(n)
  WHERE other <> v
  DELETE old
  RETURN count(old) AS deleted
}
WITH n, v, deleted, NOT EXISTS { (v)-[:RAISED]->(n) } AS isNew
MERGE (v)-[:RAISED]->(n)
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       sum(deleted) AS relationshipsDeleted, 0 AS propertiesSet
