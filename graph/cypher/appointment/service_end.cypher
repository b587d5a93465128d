// endService's write: sets until on the ongoing service, with who ended it and when.
// Parameters: personId, villageId (strings), since, until (dates), actor (string), at (datetime).
// Columns: person (map), service ({village, role, since, until}), actor, at.
// Scope: the people returned carry `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId})-[r:SERVED_IN {since: $since}]->(v:Village {id: $villageId})
WHERE r.until IS NULL
SET r.until = $until, r.endedBy = $actor, r.endedAt = $at
RETURN @person(p) AS person, {village: v {.*}, role: r.role, since: r.since, until: r.until} AS service,
       r.endedBy AS actor, r.endedAt AS at
