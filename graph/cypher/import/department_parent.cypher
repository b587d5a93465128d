// Sets each department's parent unit (exactly one of county, township, village is given): a
// department is IN one unit, so an IN edge to any other is deleted first.
// Parameters: $rows: list of {id: string, county, township, village: string or null}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (d:Department {id: row.id})
OPTIONAL MATCH (c:County {id: row.county})
OPTIONAL MATCH (t:Township {id: row.township})
OPTIONAL MATCH (v:Village {id: row.village})
WITH d, coalesce(c, t, v) AS parent
CALL (d, parent) {
  OPTIONAL MATCH (d)-[old:IN]->(other)
  WHERE other <> parent
  DELETE old
  RETURN count(old) AS deleted
}
WITH d, parent, deleted, NOT EXISTS { (d)-[:IN]->(parent) } AS isNew
MERGE (d)-[:IN]->(parent)
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       sum(deleted) AS relationshipsDeleted, 0 AS propertiesSet
