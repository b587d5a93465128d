// startMentorship's write: a new MENTORS period, with who started it and when.
// Parameters: mentorId, menteeId (strings), since (date), actor (string), at (datetime).
// Columns: mentor, mentee (maps), since, until, actor, at.
MATCH (m:Person {id: $mentorId}), (e:Person {id: $menteeId})
CREATE (m)-[r:MENTORS {since: $since, startedBy: $actor, startedAt: $at}]->(e)
RETURN m {.*} AS mentor, e {.*} AS mentee, r.since AS since, r.until AS until,
       r.startedBy AS actor, r.startedAt AS at
