// startDispatch's write: a new DISPATCHED_TO period (县属乡用), with who started it and when.
// Parameters: personId, townshipId (strings), since (date), actor (string), at (datetime).
// Columns: person (map), dispatch ({township, since, until}), actor, at.
// Scope: the people returned carry `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId}), (t:Township {id: $townshipId})
CREATE (p)-[r:DISPATCHED_TO {since: $since, startedBy: $actor, startedAt: $at}]->(t)
RETURN @person(p) AS person, {township: t {.*}, since: r.since, until: r.until} AS dispatch,
       r.startedBy AS actor, r.startedAt AS at
