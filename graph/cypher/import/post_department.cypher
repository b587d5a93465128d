// Sets the posts' department: a node has one such link, so an edge to any other is deleted first.
// Parameters: $rows: list of {id: string, department: string}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (a:Post {id: row.id})
MATCH (b:Department {id: row.department})
CALL (a, b) {
  OPTIONAL MATCH (a)-[old:IN]->(other:Department)
  WHERE other <> b
  DELETE old
  RETURN count(old) AS deleted
}
WITH a, b, deleted, NOT EXISTS { (a)-[:IN]->(b) } AS isNew
MERGE (a)-[:IN]->(b)
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       sum(deleted) AS relationshipsDeleted, 0 AS propertiesSet
