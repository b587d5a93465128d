// endTraining's write: sets until on the ongoing training, with who ended it and when.
// Parameters: personId, departmentId (strings), since, until (dates), actor (string),
//   at (datetime).
// Columns: person (map), training ({department, since, until}), actor, at.
// Scope: the people returned carry `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId})-[r:TRAINED_AT {since: $since}]->(d:Department {id: $departmentId})
WHERE r.until IS NULL
SET r.until = $until, r.endedBy = $actor, r.endedAt = $at
RETURN @person(p) AS person, {department: d {.*}, since: r.since, until: r.until} AS training,
       r.endedBy AS actor, r.endedAt AS at
