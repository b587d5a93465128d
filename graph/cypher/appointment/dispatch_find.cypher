// endDispatch's facts: the dispatch identified by person, township and since, read after locking
// the person.
// Parameters: personId, townshipId (strings), since (date).
// Columns: person (map|null), township (map|null), found ({since, until, endedBy}|null),
//   departments (list of {id, name, kind}: where the person works).
// The FOREACH sets and removes a throwaway property: that takes the node's write lock, held
// until commit, and changes nothing.
OPTIONAL MATCH (p:Person {id: $personId})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | SET x._lock = true REMOVE x._lock)
WITH p
OPTIONAL MATCH (t:Township {id: $townshipId})
RETURN p {.*} AS person, t {.*} AS township,
       head(COLLECT { MATCH (p)-[r:DISPATCHED_TO {since: $since}]->(t)
                      RETURN {since: r.since, until: r.until, endedBy: r.endedBy} AS d }) AS found,
       COLLECT { MATCH (p)-[:WORKS_IN]->(d:Department)
                 RETURN d {.id, .name, .kind} AS d ORDER BY d.id } AS departments
