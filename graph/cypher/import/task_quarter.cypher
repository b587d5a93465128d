// Sets the quarter of tasks whose row gives none (docs/graph-model.md): the quarter of a need
// the task addresses (the earliest, if several), else the quarter of its createdAt.
// Parameters: $rows: list of {id: string, fallback: string (createdAt's quarter, "2025Q3")}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (t:Task {id: row.id})
WITH t, coalesce(
       COLLECT { MATCH (t)-[:ADDRESSES]->(n:Need) RETURN n.quarter AS q ORDER BY q LIMIT 1 }[0],
       row.fallback) AS quarter
WITH t, quarter, CASE WHEN t.quarter = quarter THEN 0 ELSE 1 END AS changed
SET t.quarter = quarter
RETURN 0 AS nodesCreated, 0 AS relationshipsCreated, 0 AS relationshipsDeleted,
       sum(changed) AS propertiesSet
