// Removes every ADDRESSES edge of the given tasks (the document gave `null` for the list).
// Parameters: $rows: list of {id: string}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (:Task {id: row.id})-[r:ADDRESSES]->(:Need)
DELETE r
RETURN 0 AS nodesCreated, 0 AS relationshipsCreated, count(r) AS relationshipsDeleted,
       0 AS propertiesSet
