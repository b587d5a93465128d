// endMentorship's write: sets until on the pair's ongoing mentorship that started on since, with
// who ended it and when.
// Parameters: mentorId, menteeId (strings), since, until (dates), actor (string), at (datetime).
// Columns: mentor, mentee (maps), since, until, actor, at.
// Scope: the people returned carry `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (m:Person {id: $mentorId})-[r:MENTORS {since: $since}]->(e:Person {id: $menteeId})
WHERE r.until IS NULL
SET r.until = $until, r.endedBy = $actor, r.endedAt = $at
RETURN @person(m) AS mentor, @person(e) AS mentee, r.since AS since, r.until AS until,
       r.endedBy AS actor, r.endedAt AS at
