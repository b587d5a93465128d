// Adds the needs a task addresses (三单联动: the task list comes from the needs list); an
// edge is identified by its two ends and carries no properties.
// Parameters: $rows: list of {task: string, need: string}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (t:Task {id: row.task})
MATCH (n:Need {id: row.need})
WITH t, n, NOT EXISTS { (t)-[:ADDRESSES]->(n) } AS isNew
MERGE (t)-[:ADDRESSES]->(n)
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       0 AS relationshipsDeleted, 0 AS propertiesSet
