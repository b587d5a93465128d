// endService's facts: the service identified by person, village and since, read after locking
// the person (two ends of one service run one after the other).
// Parameters: personId, villageId (strings), since (date).
// Columns: person (map|null), village (map|null), found ({role, since, until, endedBy}|null).
// The FOREACH sets and removes a throwaway property: that takes the node's write lock, held
// until commit, and changes nothing.
OPTIONAL MATCH (p:Person {id: $personId})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | SET x._lock = true REMOVE x._lock)
WITH p
OPTIONAL MATCH (v:Village {id: $villageId})
RETURN p {.*} AS person, v {.*} AS village,
       head(COLLECT { MATCH (p)-[r:SERVED_IN {since: $since}]->(v)
                      RETURN {role: r.role, since: r.since, until: r.until,
                              endedBy: r.endedBy} AS s }) AS found
