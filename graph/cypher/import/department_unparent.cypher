// Provincial and municipal departments belong to no county: removes any IN edge they had.
// Parameters: $rows: list of {id: string}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (d:Department {id: row.id})
OPTIONAL MATCH (d)-[old:IN]->()
DELETE old
RETURN 0 AS nodesCreated, 0 AS relationshipsCreated, count(old) AS relationshipsDeleted,
       0 AS propertiesSet
