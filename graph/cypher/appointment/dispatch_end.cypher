// endDispatch's write: sets until on the ongoing dispatch, with who ended it and when.
// Parameters: personId, townshipId (strings), since, until (dates), actor (string), at (datetime).
// Columns: person (map), dispatch ({township, since, until}), actor, at.
// Scope: the people returned carry `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId})-[r:DISPATCHED_TO {since: $since}]->(t:Township {id: $townshipId})
WHERE r.until IS NULL
SET r.until = $until, r.endedBy = $actor, r.endedAt = $at
RETURN @person(p) AS person, {township: t {.*}, since: r.since, until: r.until} AS dispatch,
       r.endedBy AS actor, r.endedAt AS at
