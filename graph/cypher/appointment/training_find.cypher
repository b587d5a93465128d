// endTraining's facts: the training identified by person, department and since, read after
// locking the person.
// Parameters: personId, departmentId (strings), since (date).
// Columns: person (map|null), department (map|null), found ({since, until, endedBy}|null).
// The FOREACH sets and removes a throwaway property: that takes the node's write lock, held
// until commit, and changes nothing.
OPTIONAL MATCH (p:Person {id: $personId})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | SET x._lock = true REMOVE x._lock)
WITH p
OPTIONAL MATCH (d:Department {id: $departmentId})
RETURN p {.*} AS person, d {.*} AS department,
       head(COLLECT { MATCH (p)-[r:TRAINED_AT {since: $since}]->(d)
                      RETURN {since: r.since, until: r.until, endedBy: r.endedBy} AS t }) AS found
