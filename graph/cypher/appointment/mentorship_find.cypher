// endMentorship's facts: the pair's ongoing mentorships (until null), newest first, read after
// locking the mentor.
// Parameters: mentorId, menteeId (strings).
// Columns: mentor (map|null), mentee (map|null), ongoing (list of {since}).
// The FOREACH sets and removes a throwaway property: that takes the node's write lock, held
// until commit, and changes nothing.
OPTIONAL MATCH (m:Person {id: $mentorId})
FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [m] END | SET x._lock = true REMOVE x._lock)
WITH m
OPTIONAL MATCH (e:Person {id: $menteeId})
RETURN m {.*} AS mentor, e {.*} AS mentee,
       COLLECT { MATCH (m)-[r:MENTORS]->(e) WHERE r.until IS NULL
                 RETURN {since: r.since} AS period ORDER BY r.since DESC } AS ongoing
