// Adds or updates who trained at which department (到岗实训). A training is identified by both
// ends and `since`, so the same pair can have several periods; the other properties are set
// (a null removes one).
// Parameters: $rows: list of {person: string, department: string, since: date, props: map {until?}}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (a:Person {id: row.person})
MATCH (b:Department {id: row.department})
WITH row, a, b, NOT EXISTS { (a)-[:TRAINED_AT {since: row.since}]->(b) } AS isNew
MERGE (a)-[r:TRAINED_AT {since: row.since}]->(b)
WITH r, row, isNew,
     size([k IN keys(row.props)
           WHERE NOT coalesce(r[k] = row.props[k], r[k] IS NULL AND row.props[k] IS NULL)]) AS changed
SET r += row.props
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       0 AS relationshipsDeleted, sum(changed) AS propertiesSet
