// startTraining's facts (到岗实训), read after locking the person (see service_check).
// Parameters: personId, departmentId (strings), since (date).
// Columns: person (map|null), department (map|null), departments (list of {id, name, kind}: where
//   the person works), overlapping (list of {since, until}: the person's trainings at this
//   department not ended before since, or starting on since; oldest first).
// The FOREACH sets and removes a throwaway property: that takes the node's write lock, held
// until commit, and changes nothing.
OPTIONAL MATCH (p:Person {id: $personId})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | SET x._lock = true REMOVE x._lock)
WITH p
OPTIONAL MATCH (d:Department {id: $departmentId})
RETURN p {.*} AS person, d {.*} AS department,
       COLLECT { MATCH (p)-[:WORKS_IN]->(w:Department)
                 RETURN w {.id, .name, .kind} AS w ORDER BY w.id } AS departments,
       COLLECT { MATCH (p)-[r:TRAINED_AT]->(d)
                 WHERE r.since = $since OR r.until IS NULL OR r.until >= $since
                 RETURN {since: r.since, until: r.until} AS t ORDER BY r.since } AS overlapping
