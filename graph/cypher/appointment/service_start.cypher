// startService's write: a new SERVED_IN period, with who started it and when.
// Parameters: personId, villageId, role (strings), since (date), actor (string), at (datetime).
// Columns: person (map), service ({village, role, since, until}), actor, at.
// Scope: the people returned carry `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId}), (v:Village {id: $villageId})
CREATE (p)-[r:SERVED_IN {role: $role, since: $since, startedBy: $actor, startedAt: $at}]->(v)
RETURN @person(p) AS person, {village: v {.*}, role: r.role, since: r.since, until: r.until} AS service,
       r.startedBy AS actor, r.startedAt AS at
