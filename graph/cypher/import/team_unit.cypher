// Sets the unit each team belongs to (exactly one of township, county is given): a team is OF
// one unit, so an OF edge to any other is deleted first.
// Parameters: $rows: list of {id: string, township, county: string or null}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (team:Team {id: row.id})
OPTIONAL MATCH (t:Township {id: row.township})
OPTIONAL MATCH (c:County {id: row.county})
WITH team, coalesce(t, c) AS unit
CALL (team, unit) {
  OPTIONAL MATCH (team)-[old:OF]->(other)
  WHERE other <> unit
  DELETE old
  RETURN count(old) AS deleted
}
WITH team, unit, deleted, NOT EXISTS { (team)-[:OF]->(unit) } AS isNew
MERGE (team)-[:OF]->(unit)
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       sum(deleted) AS relationshipsDeleted, 0 AS propertiesSet
