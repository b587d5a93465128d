// startService's facts, read after locking the person, so that two changes to one person's
// appointments run one after the other and the second sees what the first wrote.
// Parameters: personId, villageId (strings), since (date), residentialRoles (list of roles).
// Columns: person (map|null), village (map|null),
//   duplicate ({role, since, until}|null: the person's service in the village starting on since),
//   residential (list of {village, role, since, until}: the person's residential services, in any
//   village, not ended before since; oldest first).
// The FOREACH sets and removes a throwaway property: that takes the node's write lock, held
// until commit, and changes nothing.
OPTIONAL MATCH (p:Person {id: $personId})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | SET x._lock = true REMOVE x._lock)
WITH p
OPTIONAL MATCH (v:Village {id: $villageId})
RETURN p {.*} AS person, v {.*} AS village,
       head(COLLECT { MATCH (p)-[r:SERVED_IN {since: $since}]->(v)
                      RETURN {role: r.role, since: r.since, until: r.until} AS s }) AS duplicate,
       COLLECT { MATCH (p)-[r:SERVED_IN]->(w:Village)
                 WHERE r.role IN $residentialRoles AND (r.until IS NULL OR r.until >= $since)
                 RETURN {village: w.name, role: r.role, since: r.since, until: r.until} AS s
                 ORDER BY r.since, w.id } AS residential
