// startTraining's write: a new TRAINED_AT period, with who started it and when.
// Parameters: personId, departmentId (strings), since (date), actor (string), at (datetime).
// Columns: person (map), training ({department, since, until}), actor, at.
// Scope: the people returned carry `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId}), (d:Department {id: $departmentId})
CREATE (p)-[r:TRAINED_AT {since: $since, startedBy: $actor, startedAt: $at}]->(d)
RETURN @person(p) AS person, {department: d {.*}, since: r.since, until: r.until} AS training,
       r.startedBy AS actor, r.startedAt AS at
