// Creates or updates needs by id and sets the properties the document gives; a null in
// props removes that property (SET +=). A new node first gets the defaults for what the
// document leaves out (status OPEN, createdAt the import's instant, createdBy 'import').
// propertiesSet counts values that actually changed.
// Parameters: $rows: list of {id: string, props: map, defaults: map}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
OPTIONAL MATCH (old:Need {id: row.id})
WITH row, old IS NULL AS isNew
MERGE (n:Need {id: row.id})
ON CREATE SET n += row.defaults
WITH n, row, isNew,
     size([k IN keys(row.props)
           WHERE NOT coalesce(n[k] = row.props[k], n[k] IS NULL AND row.props[k] IS NULL)]) AS changed
SET n += row.props
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS nodesCreated, 0 AS relationshipsCreated,
       0 AS relationshipsDeleted,
       sum(changed + CASE WHEN isNew THEN size(keys(row.defaults)) ELSE 0 END) AS propertiesSet
