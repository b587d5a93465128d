// Removes every HAS_SKILL edge of the given persons (the document gave `null` for the list).
// Parameters: $rows: list of {id: string}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (:Person {id: row.id})-[r:HAS_SKILL]->(:Skill)
DELETE r
RETURN 0 AS nodesCreated, 0 AS relationshipsCreated, count(r) AS relationshipsDeleted,
       0 AS propertiesSet
