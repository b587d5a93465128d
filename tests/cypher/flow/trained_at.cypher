// Tests only (until the startTraining mutation exists): a village cadre's 到岗实训 at a
// department, (Person)-[:TRAINED_AT {since, until}]->(Department).
// Parameters: personId, departmentId, since (date), until (date|null). Columns: created (int).
MATCH (p:Person {id: $personId}), (d:Department {id: $departmentId})
CREATE (p)-[r:TRAINED_AT {since: $since, until: $until}]->(d)
RETURN count(r) AS created
