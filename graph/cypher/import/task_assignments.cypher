// Adds or updates who is assigned to which task. An assignment is identified by both ends and
// `since`; a new one first gets the defaults for what the document leaves out (assignedBy
// 'import', assignedAt the import's instant); the other properties are set (a null removes one).
// Parameters: $rows: list of {person: string, task: string, since: date,
//   props: map {role, until?, assignedBy?, assignedAt?}, defaults: map}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (a:Person {id: row.person})
MATCH (b:Task {id: row.task})
WITH row, a, b, NOT EXISTS { (a)-[:ASSIGNED_TO {since: row.since}]->(b) } AS isNew
MERGE (a)-[r:ASSIGNED_TO {since: row.since}]->(b)
ON CREATE SET r += row.defaults
WITH r, row, isNew,
     size([k IN keys(row.props)
           WHERE NOT coalesce(r[k] = row.props[k], r[k] IS NULL AND row.props[k] IS NULL)]) AS changed
SET r += row.props
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       0 AS relationshipsDeleted,
       sum(changed + CASE WHEN isNew THEN size(keys(row.defaults)) ELSE 0 END) AS propertiesSet
