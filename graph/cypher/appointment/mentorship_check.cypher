// startMentorship's facts (师徒结对), read after locking the mentor, so that two starts for one
// mentor run one after the other and the second counts the first (the capacity rule).
// Parameters: mentorId, menteeId (strings), since (date).
// Columns: mentor (map|null), mentee (map|null),
//   pair (list of {since, until}: the pair's mentorships not ended before since, or starting on
//   since; oldest first),
//   activeMentees (integer: the mentor's mentorships active on since),
//   targets (list of {id, name, menteeLevel, mentorLevel}: the skills required by the mentee's
//   posts held on since, else the mentee's own skills; levels null when not held),
//   fromPosts (bool: the targets are those of the mentee's posts).
// The FOREACH sets and removes a throwaway property: that takes the node's write lock, held
// until commit, and changes nothing.
OPTIONAL MATCH (m:Person {id: $mentorId})
FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [m] END | SET x._lock = true REMOVE x._lock)
WITH m
OPTIONAL MATCH (e:Person {id: $menteeId})
WITH m, e,
     COLLECT { MATCH (e)-[h:HOLDS]->(:Post)-[:REQUIRES]->(s:Skill)
               WHERE h.since <= $since AND (h.until IS NULL OR h.until >= $since)
               RETURN DISTINCT s } AS required,
     COLLECT { MATCH (e)-[:HAS_SKILL]->(s:Skill) RETURN s } AS own
WITH m, e, size(required) > 0 AS fromPosts,
     CASE WHEN size(required) > 0 THEN required ELSE own END AS targets
RETURN m {.*} AS mentor, e {.*} AS mentee,
       COLLECT { MATCH (m)-[r:MENTORS]->(e)
                 WHERE r.since = $since OR r.until IS NULL OR r.until >= $since
                 RETURN {since: r.since, until: r.until} AS period ORDER BY r.since } AS pair,
       COUNT { MATCH (m)-[r:MENTORS]->(:Person)
               WHERE r.since <= $since AND (r.until IS NULL OR r.until >= $since) } AS activeMentees,
       [t IN targets | {
          id: t.id, name: t.name,
          menteeLevel: head([(e)-[h:HAS_SKILL]->(t) | h.level]),
          mentorLevel: head([(m)-[h:HAS_SKILL]->(t) | h.level])
       }] AS targets, fromPosts
