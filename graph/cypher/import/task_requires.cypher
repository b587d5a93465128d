// Adds or updates a skill a task requires, with its level; the edge is identified by its two ends.
// Parameters: $rows: list of {task: string, skill: string, level: integer 1..5}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (a:Task {id: row.task})
MATCH (s:Skill {id: row.skill})
WITH row, a, s, NOT EXISTS { (a)-[:REQUIRES]->(s) } AS isNew
MERGE (a)-[r:REQUIRES]->(s)
WITH r, row, isNew, CASE WHEN r.level = row.level THEN 0 ELSE 1 END AS changed
SET r.level = row.level
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       0 AS relationshipsDeleted, sum(changed) AS propertiesSet
