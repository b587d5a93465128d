// startDispatch's facts, read after locking the person (see service_check).
// Parameters: personId, townshipId (strings), since (date).
// Columns: person (map|null), township (map|null), departments (list of {id, name, kind}: where the
//   person works), overlapping (list of {township, townshipId, since, until}: the person's
//   dispatches not ended before since, or starting on since; oldest first).
// The FOREACH sets and removes a throwaway property: that takes the node's write lock, held
// until commit, and changes nothing.
OPTIONAL MATCH (p:Person {id: $personId})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | SET x._lock = true REMOVE x._lock)
WITH p
OPTIONAL MATCH (t:Township {id: $townshipId})
RETURN p {.*} AS person, t {.*} AS township,
       COLLECT { MATCH (p)-[:WORKS_IN]->(d:Department)
                 RETURN d {.id, .name, .kind} AS d ORDER BY d.id } AS departments,
       COLLECT { MATCH (p)-[r:DISPATCHED_TO]->(x:Township)
                 WHERE r.since = $since OR r.until IS NULL OR r.until >= $since
                 RETURN {township: x.name, townshipId: x.id, since: r.since, until: r.until} AS d
                 ORDER BY r.since, x.id } AS overlapping
