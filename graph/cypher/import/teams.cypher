// Creates or updates teams by id and sets the properties the document gives; a null in
// props removes that property (SET +=). propertiesSet counts values that actually changed.
// Parameters: $rows: list of {id: string, props: map}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
OPTIONAL MATCH (old:Team {id: row.id})
WITH row, old IS NULL AS isNew
MERGE (n:Team {id: row.id})
WITH n, row, isNew,
     size([k IN keys(row.props)
           WHERE NOT coalesce(n[k] = row.props[k], n[k] IS NULL AND row.props[k] IS NULL)]) AS changed
SET n += row.props
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS nodesCreated, 0 AS relationshipsCreated,
       0 AS relationshipsDeleted, sum(changed) AS propertiesSet
