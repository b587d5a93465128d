// endDispatch's write: sets until on the ongoing dispatch, with who ended it and when.
// Parameters: personId, townshipId (strings), since, until (dates), actor (string), at (datetime),
//   override (string|null: the reason of an override of the STAY or ADJUSTMENT rule, recorded).
// Columns: person (map), dispatch ({township, since, until, startOverride, endOverride}), actor, at.
// Scope: the people returned carry `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId})-[r:DISPATCHED_TO {since: $since}]->(t:Township {id: $townshipId})
WHERE r.until IS NULL
SET r.until = $until, r.endedBy = $actor, r.endedAt = $at, r.endOverride = $override
RETURN @person(p) AS person, {township: t {.*}, since: r.since, until: r.until,
                                  startOverride: r.startOverride, endOverride: r.endOverride} AS dispatch,
       r.endedBy AS actor, r.endedAt AS at
