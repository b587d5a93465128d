// startDispatch's write: a new DISPATCHED_TO period (县属乡用), with who started it and when.
// Parameters: personId, townshipId (strings), since (date), actor (string), at (datetime),
//   override (string|null: the reason of an override of the ADJUSTMENT rule, recorded).
// Columns: person (map), dispatch ({township, since, until, startOverride, endOverride}), actor, at.
// Scope: the people returned carry `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId}), (t:Township {id: $townshipId})
CREATE (p)-[r:DISPATCHED_TO {since: $since, startedBy: $actor, startedAt: $at}]->(t)
SET r.startOverride = $override
RETURN @person(p) AS person, {township: t {.*}, since: r.since, until: r.until,
                                  startOverride: r.startOverride, endOverride: r.endOverride} AS dispatch,
       r.startedBy AS actor, r.startedAt AS at
