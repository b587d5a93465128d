// The excellence picks (优秀) recorded for a department and year, department first.
// Parameters: departmentId (string), year (int).
// Columns: personId, side, createdBy, createdAt.
MATCH (d:Department {id: $departmentId})<-[:FOR]-(x:ExcellencePick {year: $year})-[:OF]->(p:Person)
RETURN p.id AS personId, x.side AS side, x.createdBy AS createdBy, x.createdAt AS createdAt
ORDER BY x.side <> 'DEPARTMENT', p.id
