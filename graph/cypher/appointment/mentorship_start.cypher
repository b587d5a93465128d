// startMentorship's write: a new MENTORS period, with who started it and when.
// Parameters: mentorId, menteeId (strings), since (date), actor (string), at (datetime).
// Columns: mentor, mentee (maps), since, until, actor, at.
// Scope: the people returned carry `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (m:Person {id: $mentorId}), (e:Person {id: $menteeId})
CREATE (m)-[r:MENTORS {since: $since, startedBy: $actor, startedAt: $at}]->(e)
RETURN @person(m) AS mentor, @person(e) AS mentee, r.since AS since, r.until AS until,
       r.startedBy AS actor, r.startedAt AS at
