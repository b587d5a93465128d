// Sets the skills' broader skill: a node has one such link, so an edge to any other is deleted first.
// Parameters: $rows: list of {id: string, broader: string or null (null: unlink)}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (a:Skill {id: row.id})
OPTIONAL MATCH (b:Skill {id: row.broader})
CALL (a, b) {
  OPTIONAL MATCH (a)-[old:BROADER]->(other:Skill)
  WHERE b IS NULL OR other <> b
  DELETE old
  RETURN count(old) AS deleted
}
WITH a, b, deleted, b IS NOT NULL AND NOT EXISTS { (a)-[:BROADER]->(b) } AS isNew
// FOREACH is the conditional MERGE: nothing to link when broader is null.
FOREACH (target IN CASE WHEN b IS NULL THEN [] ELSE [b] END | MERGE (a)-[:BROADER]->(target))
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       sum(deleted) AS relationshipsDeleted, 0 AS propertiesSet
