// recordExcellencePicks' write: one (:ExcellencePick {id, year, side, createdBy, createdAt})
// per person, -[:OF]->(:Person) and -[:FOR]->(:Department).
// Parameters: departmentId (string), year (int), side (string),
//             picks ([{id, personId}]), actor (string), at (datetime).
// Columns: created (int).
MATCH (d:Department {id: $departmentId})
UNWIND $picks AS pick
MATCH (p:Person {id: pick.personId})
CREATE (x:ExcellencePick {id: pick.id, year: $year, side: $side, createdBy: $actor,
                          createdAt: $at})
CREATE (x)-[:OF]->(p), (x)-[:FOR]->(d)
RETURN count(*) AS created
