// Sets the people's department (WORKS_IN): a node has one such link, so an edge to any other is deleted first.
// Parameters: $rows: list of {id: string, department: string or null (null: unlink)}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (a:Person {id: row.id})
OPTIONAL MATCH (b:Department {id: row.department})
CALL (a, b) {
  OPTIONAL MATCH (a)-[old:WORKS_IN]->(other:Department)
  WHERE b IS NULL OR other <> b
  DELETE old
  RETURN count(old) AS deleted
}
WITH a, b, deleted, b IS NOT NULL AND NOT EXISTS { (a)-[:WORKS_IN]->(b) } AS isNew
// FOREACH is the conditional MERGE: nothing to link when department is null.
FOREACH (target IN CASE WHEN b IS NULL THEN [] ELSE [b] END | MERGE (a)-[:WORKS_IN]->(target))
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       sum(deleted) AS relationshipsDeleted, 0 AS propertiesSet
